"""The helpers of core/compat.py, each run on the QGIS it is on (every version of the matrix runs them)."""

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsEditFormConfig,
    QgsField,
    QgsGeometry,
    QgsLocatorResult,
    QgsVectorLayer,
)

from kpa_tracker.toolbelt import compat


def test_locator_result_data_comes_back_as_given():
    data = [126.311944, 39.761111, "tokchon-garrison"]
    result = QgsLocatorResult(None, "Tokchon (XI Corps garrison)", data)
    assert compat.locator_result_data(result) == data


def test_field_types_make_fields_of_that_type():
    kinds = [compat.FIELD_STRING, compat.FIELD_INT, compat.FIELD_DOUBLE, compat.FIELD_DATETIME]
    assert len(set(kinds)) == 4
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "fields", "memory")
    assert layer.dataProvider().addAttributes([QgsField("f{}".format(n), kind) for n, kind in enumerate(kinds)])
    layer.updateFields()
    # The provider keeps each type, and QGIS reports it back equal to the constant.
    assert [layer.fields().field(n).type() for n in range(len(kinds))] == kinds


def test_container_kind_is_a_group_box_or_a_tab():
    config = QgsEditFormConfig()
    root = config.invisibleRootContainer()
    tab = QgsAttributeEditorContainer("Tab", root)
    group = QgsAttributeEditorContainer("Group", tab)
    compat.set_container_is_group_box(tab, False)
    compat.set_container_is_group_box(group, True)
    assert not tab.isGroupBox() and group.isGroupBox()


def test_geometry_types_match_what_qgis_reports():
    assert QgsGeometry.fromWkt("POINT (1 2)").type() == compat.POINT_GEOMETRY
    assert QgsGeometry.fromWkt("LINESTRING (1 2, 3 4)").type() == compat.LINE_GEOMETRY
    assert QgsGeometry.fromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))").type() == compat.POLYGON_GEOMETRY
    assert QgsVectorLayer("None", "table", "memory").geometryType() == compat.NULL_GEOMETRY
    assert QgsGeometry.fromWkt("POINT (1 2)").wkbType() == compat.WKB_POINT


def test_transaction_groups_switch_on_and_off_and_refuse_while_a_layer_is_edited(qgis_new_project):
    from qgis.core import QgsProject, QgsVectorLayer

    project = QgsProject.instance()
    assert not compat.automatic_transactions(project)
    assert compat.set_automatic_transactions(project, True) and compat.automatic_transactions(project)
    assert compat.set_automatic_transactions(project, False) and not compat.automatic_transactions(project)
    layer = QgsVectorLayer("Point?crs=EPSG:4326", "edited", "memory")
    project.addMapLayer(layer)
    layer.startEditing()
    assert not compat.set_automatic_transactions(project, True)
    assert not compat.automatic_transactions(project)
    layer.rollBack()

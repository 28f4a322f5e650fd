"""A curated feature the analyst changed says so: QGIS stamps the day on any edit, and the details,
exports and briefings show it beside the curated version."""

import datetime

import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsProject, QgsRectangle

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.briefing.build import collect_sources
from kpa_tracker.core.curated.store import curated_change
from kpa_tracker.core.curated.html import feature_html
from kpa_tracker.core.project.layers import load_layers
from kpa_tracker.processing.export_curated import ExportCuratedAlgorithm


@pytest.fixture
def bases(tmp_path):
    project = QgsProject()
    catalogue, result = curated.load_cached()
    gpkg = tmp_path / "workspace.gpkg"
    outcome = load_layers(project, catalogue, ["bases"], result, gpkg)
    assert outcome.problems == []
    (layer,) = outcome.loaded
    yield project, catalogue, result, gpkg, layer
    project.clear()


def _feature(layer, feature_id):
    return next(f for f in layer.getFeatures() if f["id"] == feature_id)


def _attributes(feature):
    return {name: feature[name] for name in feature.fields().names()}


def test_an_edit_through_qgis_stamps_the_day_and_the_details_show_the_curated_version(bases):
    project, catalogue, result, gpkg, layer = bases
    today = datetime.date.today().isoformat()
    shipped = {f.id: f for f in result.features["bases"]}
    tokchon = _feature(layer, "tokchon-garrison")
    assert not tokchon["changed_on"]
    assert layer.startEditing()
    assert layer.changeAttributeValue(tokchon.id(), layer.fields().indexOf("status"), "reported")
    assert layer.commitChanges(), layer.commitErrors()
    edited = layer.getFeature(tokchon.id())
    assert edited["changed_on"] == today  # QGIS's default value, applied on update
    change = curated_change(catalogue, "bases", shipped["tokchon-garrison"], _attributes(edited), edited.geometry())
    assert change is not None
    curated_attributes, moved = change
    assert curated_attributes["status"] == "assessed" and not moved
    html = feature_html(_attributes(edited), layer.name(), *change)
    assert "Changed by you on {}".format(today) in html
    assert "<td>reported</td><td>assessed</td>" in html  # yours beside the curated version
    untouched = _feature(layer, "chongjin-port")
    assert curated_change(catalogue, "bases", shipped["chongjin-port"], _attributes(untouched),
                          untouched.geometry()) is None


def test_moving_a_curated_feature_is_a_change_and_shows_as_moved(bases):
    project, catalogue, result, gpkg, layer = bases
    shipped = {f.id: f for f in result.features["bases"]}
    port = _feature(layer, "chongjin-port")
    assert layer.startEditing()
    assert layer.changeGeometry(port.id(), QgsGeometry.fromPointXY(QgsPointXY(129.9, 41.8)))
    assert layer.commitChanges(), layer.commitErrors()
    moved = layer.getFeature(port.id())
    assert moved["changed_on"] == datetime.date.today().isoformat()
    _curated, geometry_changed = curated_change(catalogue, "bases", shipped["chongjin-port"], _attributes(moved),
                                                moved.geometry())
    assert geometry_changed
    assert "<td>moved</td><td>as shipped</td>" in feature_html(_attributes(moved), "", _curated, True)


def test_briefings_and_exports_say_what_the_analyst_changed(bases):
    project, catalogue, result, gpkg, layer = bases
    tokchon = _feature(layer, "tokchon-garrison")
    assert layer.startEditing()
    layer.changeAttributeValue(tokchon.id(), layer.fields().indexOf("sources"), "My own source — notes (2025)")
    assert layer.commitChanges(), layer.commitErrors()
    today = datetime.date.today().isoformat()
    lines, _newest = collect_sources([layer], QgsRectangle(125, 38, 131, 43), project)
    assert "Tokchon (XI Corps garrison): changed by you on {}".format(today) in lines
    assert "My own source — notes (2025)" in lines
    layer_def = next(entry for entry in catalogue if entry.id == "bases")
    rows = ExportCuratedAlgorithm._source_rows(layer_def, layer, result)
    mine = [row for row in rows if row[1] == "tokchon-garrison"]
    assert mine == [["bases", "tokchon-garrison", "My own source — notes (2025)", "", "", "", "", today]]
    untouched = [row for row in rows if row[1] == "chongjin-port"]
    assert untouched and all(row[6] in curated.SOURCE_KINDS and row[7] == "" for row in untouched)


def test_an_upgrade_that_adds_fields_updates_untouched_features_and_keeps_edited_ones(tmp_path):
    """A workspace made before the catalogue gained fields (figures, changed_on) is merged as usual."""
    import copy
    from qgis.core import QgsVectorLayer

    from kpa_tracker.core.curated import store as curated_store
    from kpa_tracker.core.curated.store import layer_uri, sync_layer

    catalogue, result = curated.load_cached()
    units = next(entry for entry in catalogue if entry.id == "units")
    old_def = copy.deepcopy(units)
    old_def.fields = [spec for spec in units.fields if spec["name"] != "figures"]
    old_features = copy.deepcopy(result.features["units"])
    gpkg = tmp_path / "workspace.gpkg"
    saved_common = curated_store.COMMON_QGS_FIELDS
    curated_store.COMMON_QGS_FIELDS = tuple(f for f in saved_common if f[0] != "changed_on")
    original_attributes = curated_store.curated_attributes

    def old_attributes(feature, layer):  # the older plugin wrote no changed_on
        values = original_attributes(feature, layer)
        values.pop("changed_on", None)
        return values

    curated_store.curated_attributes = old_attributes
    try:
        sync_layer(gpkg, old_def, old_features)
    finally:
        curated_store.COMMON_QGS_FIELDS = saved_common
        curated_store.curated_attributes = original_attributes
    table = QgsVectorLayer(layer_uri(gpkg, units), "units", "ogr")
    edited = next(f for f in table.getFeatures() if f["id"] == "ru-83-gaab")
    assert table.startEditing()
    table.changeAttributeValue(edited.id(), table.fields().indexOf("notes"), "my note")
    assert table.commitChanges()
    del table
    new_features = copy.deepcopy(result.features["units"])
    for feature in new_features:
        feature.notes += " (newer curated text)"
    report = sync_layer(gpkg, units, new_features)
    assert report.kept_analyst_changes == ["ru-83-gaab"]
    assert set(report.updated) == {f.id for f in new_features} - {"ru-83-gaab"}
    table = QgsVectorLayer(layer_uri(gpkg, units), "units", "ogr")
    assert {"figures", "changed_on"} <= set(table.fields().names())
    contingent = next(f for f in table.getFeatures() if f["id"] == "kpa-contingent-kursk")
    assert contingent["notes"].endswith("(newer curated text)") and contingent["figures"]

"""The dock's catalogue in real QGIS objects: loading, order, no duplicates, styles, details, locator."""

import pytest
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsVectorLayer,
    QgsLocatorContext,
    QgsPointClusterRenderer,
    QgsProject,
    QgsSymbolLayerUtils,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtTest import QTest

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.project import layers as project_layers
from kpa_tracker.core.project.frame import THEATRE_CRS
from kpa_tracker.core.curated.html import feature_html, safe_link
from kpa_tracker.toolbelt.svg_paths import add_plugin_svg_path, remove_plugin_svg_path
from kpa_tracker.ui.controllers.catalogue import CatalogueController
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.dock import KpaTrackerDock
from kpa_tracker.ui.locator import KpaLocatorFilter, build_index, search


@pytest.fixture
def catalogue_ui(qgis_iface, qgis_new_project, tmp_path, flush):
    dock = KpaTrackerDock(qgis_iface.mainWindow())
    connections = ConnectionRegistry()
    answers = []
    controller = CatalogueController(qgis_iface, dock, connections, gpkg_path=tmp_path / "workspace.gpkg",
                                     confirm=lambda question: answers.pop(0))
    assert not controller.catalogue_ready, "nothing is read until the dock is shown"
    qgis_iface.mainWindow().show()
    dock.show()
    flush()
    assert controller.catalogue_ready
    yield dock, controller, answers
    connections.disconnect_all()
    QgsProject.instance().clear()
    dock.deleteLater()
    flush()


def _plugin_layer_ids():
    group = QgsProject.instance().layerTreeRoot().findGroup(project_layers.GROUP_NAME)
    return [child.layer().customProperty(project_layers.LAYER_ID_PROPERTY) for child in group.children()]


def test_load_all_button_loads_every_offline_layer_once_in_order(catalogue_ui, flush):
    dock, controller, _ = catalogue_ui
    QTest.mouseClick(dock.load_all_button, Qt.MouseButton.LeftButton)
    flush()
    expected = ["events", "unit_positions", "units", "bases", "kursk_sites", "settlements", "movements",
                "front_lines", "front_areas", "estimates", "provinces", "countries"]
    assert _plugin_layer_ids() == expected
    QTest.mouseClick(dock.load_all_button, Qt.MouseButton.LeftButton)
    flush()
    assert _plugin_layer_ids() == expected, "loading twice must not duplicate"
    assert len(QgsProject.instance().mapLayers()) == len(expected)
    assert "already in the project" in dock.status.text()
    units = project_layers.find_loaded(QgsProject.instance(), "units")
    assert units.featureCount() == len(curated.load_cached()[1].features["units"])
    assert isinstance(units.renderer(), QgsPointClusterRenderer)
    assert QgsProject.instance().crs().authid() == THEATRE_CRS == "ESRI:102027"
    movements = project_layers.find_loaded(QgsProject.instance(), "movements")
    assert movements.temporalProperties().isActive()


def test_ticked_layers_load_in_catalogue_order_whatever_the_click_order(catalogue_ui, flush):
    dock, controller, _ = catalogue_ui
    controller.load(["front_areas"])
    controller.load(["units"])
    controller.load(["movements"])
    flush()
    assert _plugin_layer_ids() == ["units", "movements", "front_areas"]
    counts = [project_layers.find_loaded(QgsProject.instance(), i).featureCount()
              for i in ("units", "movements", "front_areas")]
    shipped = curated.load_cached()[1].features
    assert counts == [len(shipped[i]) for i in ("units", "movements", "front_areas")]


def test_an_upgrade_while_layers_are_open_leaves_them_readable(catalogue_ui, tmp_path):
    import copy
    dock, controller, _ = catalogue_ui
    controller.load(["front_areas"])
    front = project_layers.find_loaded(QgsProject.instance(), "front_areas")
    catalogue, result = curated.load_cached()
    upgraded = copy.copy(result)
    upgraded.features = dict(result.features)
    upgraded.features["bases"] = copy.deepcopy(result.features["bases"])
    upgraded.features["bases"][0].notes = "changed by a newer plugin version"
    outcome = project_layers.load_layers(QgsProject.instance(), catalogue, ["bases"], upgraded,
                                         tmp_path / "workspace.gpkg")
    assert [r.updated for r in outcome.merge_reports if r.layer == "bases"] == [["tokchon-garrison"]]
    assert front.featureCount() == len(result.features["front_areas"])


def test_a_table_deleted_from_the_workspace_is_rebuilt(catalogue_ui, tmp_path):
    from osgeo import ogr
    dock, controller, _ = catalogue_ui
    controller.load(["units"])
    QgsProject.instance().removeAllMapLayers()
    dataset = ogr.Open(str(tmp_path / "workspace.gpkg"), 1)
    dataset.ExecuteSQL("DROP TABLE curated_units")
    dataset = None
    outcome = controller.load(["units"])
    assert [layer.featureCount() for layer in outcome.loaded] == [len(curated.load_cached()[1].features["units"])]


def test_missing_world_map_gives_a_clear_message_and_the_rest_loads(catalogue_ui, monkeypatch, tmp_path, flush):
    dock, controller, _ = catalogue_ui
    monkeypatch.setattr(project_layers, "world_map_path", lambda: tmp_path / "nowhere" / "world_map.gpkg")
    outcome = controller.load(["units", "countries"])
    assert [layer.name() for layer in outcome.loaded] == ["Units"]
    assert "no Natural Earth world map" in outcome.problems[0] and "nowhere" in outcome.problems[0]
    assert "no Natural Earth world map" in dock.status.text()


def test_symbols_resolve_through_qgis_svg_search_path():
    added = add_plugin_svg_path()
    try:
        _, result = curated.load_cached()
        for unit in result.features["units"]:
            name = "kpa_app6/{}.svg".format(unit.attributes["sidc"])
            path = QgsSymbolLayerUtils.svgSymbolNameToPath(name, QgsProject.instance().pathResolver())
            assert path.endswith(name) and "svg" in QgsApplication.svgPaths()[-1]
    finally:
        if added:
            remove_plugin_svg_path()


def test_selecting_a_feature_shows_its_sources_and_reset_puts_it_back(catalogue_ui, qgis_iface, flush):
    dock, controller, answers = catalogue_ui
    controller.load(["bases"])
    bases = project_layers.find_loaded(QgsProject.instance(), "bases")
    tokchon = next(f for f in bases.getFeatures() if f["id"] == "tokchon-garrison")
    bases.startEditing()
    bases.changeAttributeValue(tokchon.id(), bases.fields().indexOf("notes"), "moved by me")
    bases.commitChanges()
    bases.selectByIds([tokchon.id()])
    flush()
    html = dock.details.toHtml()
    assert "Tokchon (XI Corps garrison)" in html and "moved by me" in html
    assert 'href="https://mynorthkorea.blogspot.com/2024/12/where-did-they-come-from-where-did-they.html"' in html
    assert dock.reset_feature_button.isEnabled()
    answers.append(False)
    assert controller.reset_selected_feature() == []
    answers.append(True)
    QTest.mouseClick(dock.reset_feature_button, Qt.MouseButton.LeftButton)
    flush()
    restored = next(f for f in bases.getFeatures() if f["id"] == "tokchon-garrison")
    assert restored["notes"].startswith("The corps is reported garrisoned")


def test_details_escape_text_and_link_only_http():
    html = feature_html({
        "name": "<script>alert(1)</script>",
        "notes": "<img src=x onerror=alert(2)>",
        "sources": "Evil — x (2024) javascript:alert(3)\nGood — y (2024) https://example.org/a?b=1&c=2",
        "source_urls": '["javascript:alert(3)", "https://example.org/a?b=1&c=2"]',
    })
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert 'href="https://example.org/a?b=1&amp;c=2"' in html
    assert safe_link("file:///etc/passwd") == "file:///etc/passwd"


@pytest.mark.parametrize("query, expected", [
    ("Tokchon", "tokchon-garrison"), ("Tŏkch'ŏn", "tokchon-garrison"), ("deokcheon", "tokchon-garrison"),
    ("덕천", "tokchon-garrison"), ("Sergeyevka", "sergeevka-range"), ("Сергеевка", "sergeevka-range"),
    ("83 GAAB", "ru-83-gaab"), ("폭풍군단", "kpa-xi-corps"), ("Mala Loknia", "malaya-loknya-prison"),
])
def test_locator_finds_every_name_variant(query, expected):
    hits = [place.id for place, _description in search(build_index(), query)]
    assert expected in hits


def test_locator_filter_results_and_zoom(qgis_iface, qgis_canvas):
    locator_filter = KpaLocatorFilter(qgis_iface).clone()
    results = []
    locator_filter.resultFetched.connect(results.append)

    class Feedback:
        def isCanceled(self):
            return False

    locator_filter.fetchResults("Deokcheon", QgsLocatorContext(), Feedback())
    # The town of the gazetteer is the garrison's town: one result, the base.
    assert [r.displayString for r in results] == ["Tokchon (XI Corps garrison)"]
    qgis_canvas.setDestinationCrs(QgsProject.instance().crs())
    locator_filter.triggerResult(results[0])
    center = qgis_canvas.extent().center()
    assert abs(center.x() - 126.311944) < 0.01 and abs(center.y() - 39.761111) < 0.01


def _stacked_unit_ids(count):
    """Ids of `count` curated units that share one position (the stack the issue found at Kursk)."""
    _, result = curated.load_cached()
    by_place = {}
    for unit in result.features["units"]:
        by_place.setdefault(tuple(unit.coordinates), []).append(unit.id)
    stack = max(by_place.values(), key=len)
    assert len(stack) >= count
    return stack[:count]


def test_details_page_through_five_selected_units(catalogue_ui, flush):
    dock, controller, answers = catalogue_ui
    controller.load(["units"])
    units = project_layers.find_loaded(QgsProject.instance(), "units")
    wanted = _stacked_unit_ids(5)
    fids = sorted(f.id() for f in units.getFeatures() if f["id"] in wanted)
    names = {f.id(): f["name"] for f in units.getFeatures()}
    units.selectByIds(fids)
    flush()
    panel = dock.catalogue_panel
    assert not panel.pager.isHidden()
    assert panel.page_label.text() == "1 of 5 selected"
    assert not panel.previous_button.isEnabled() and panel.next_button.isEnabled()
    assert names[fids[0]] in dock.details.toPlainText()
    QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.page_label.text() == "2 of 5 selected"
    assert names[fids[1]] in dock.details.toPlainText() and names[fids[0]] not in dock.details.toPlainText()
    assert controller.selected == ("units", units.getFeature(fids[1])["id"]), "reset acts on the one shown"
    for _ in range(5):
        QTest.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert panel.page_label.text() == "5 of 5 selected" and not panel.next_button.isEnabled()
    assert names[fids[4]] in dock.details.toPlainText()
    QTest.mouseClick(panel.previous_button, Qt.MouseButton.LeftButton)
    assert panel.page_label.text() == "4 of 5 selected"
    units.selectByIds([fids[2]])
    flush()
    assert panel.pager.isHidden(), "one feature: no pager"
    assert names[fids[2]] in dock.details.toPlainText()
    units.removeSelection()
    flush()
    assert panel.pager.isHidden() and dock.details.toPlainText() == ""


def _wgs84(canvas, x, y):
    to_wgs84 = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(),
                                      QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    return to_wgs84.transform(QgsPointXY(x, y))


def test_an_empty_project_opens_on_the_theatre_in_a_conic(catalogue_ui, qgis_iface, flush):
    dock, controller, _ = catalogue_ui
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))  # QGIS's default: nobody chose it
    canvas = qgis_iface.mapCanvas()
    controller.load(["units", "bases", "countries"])
    flush()
    assert QgsProject.instance().crs().authid() == "ESRI:102027"
    assert canvas.mapSettings().destinationCrs().authid() == "ESRI:102027"
    extent = canvas.extent()
    bottom = _wgs84(canvas, extent.center().x(), extent.yMinimum())
    top = _wgs84(canvas, extent.center().x(), extent.yMaximum())
    # Web Mercator framed on the data reached 10°N (India, Indonesia): now the south edge is Central Asia.
    india = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(),
                                   QgsProject.instance()).transform(QgsPointXY(78.0, 24.0))
    assert not extent.contains(india)
    assert 28 < bottom.y() < 40 and top.y() > 55
    for lon, lat in ((36.18, 51.73), (131.89, 43.12), (126.31, 39.76)):  # Kursk, Vladivostok, Tokchon
        point = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(),
                                       QgsProject.instance()).transform(QgsPointXY(lon, lat))
        assert extent.contains(point)


@pytest.mark.parametrize("analyst_crs, with_own_layer", [("EPSG:32637", False), ("EPSG:3857", True)])
def test_the_analysts_crs_is_never_replaced(catalogue_ui, qgis_iface, flush, analyst_crs, with_own_layer):
    dock, controller, _ = catalogue_ui
    project = QgsProject.instance()
    if with_own_layer:
        project.addMapLayer(QgsVectorLayer("Point?crs=EPSG:4326", "my layer", "memory"))
    project.setCrs(QgsCoordinateReferenceSystem(analyst_crs))
    controller.load(["units"])
    flush()
    assert project.crs().authid() == analyst_crs

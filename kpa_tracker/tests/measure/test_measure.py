"""The geodesic measure tool: numbers against GeographicLib (pyproj), and the map tool driven by events."""

import pytest
from pyproj import Geod
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsSnappingConfig,
    QgsTolerance,
    QgsVectorLayer,
)
from qgis.gui import QgsMapToolPan, QgsRubberBand
from qgis.PyQt.QtCore import QEvent, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QKeyEvent, QMouseEvent
from qgis.PyQt.QtWidgets import QAction, QApplication

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.measure.geodesy import densify
from kpa_tracker.core.measure.measurement import GeodesicMeasure, geometry_distance
from kpa_tracker.core.measure.store import table_uri
from kpa_tracker.maptools.measure_tool import AREA, DISTANCE, FEATURES
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.controllers.measure import MeasureController
from kpa_tracker.ui.panels.measure import MeasurePanel

GEOD = Geod(ellps="WGS84")
VLADIVOSTOK = (131.885278, 43.115)
SUDZHA = (35.270556, 51.191389)
KURSK = (36.183333, 51.716667)
TOKCHON = (126.311944, 39.761111)
PAIRS = {
    "Vladivostok-Sudzha": (VLADIVOSTOK, SUDZHA),
    "across the antimeridian": ((179.7, 52.0), (-179.6, 53.1)),
    "near the north pole": ((10.0, 89.95), (170.0, 89.97)),
    "a few metres apart": ((35.237051, 51.329091), (35.237090, 51.329120)),
    "Tokchon-Sudzha": (TOKCHON, SUDZHA),
}


@pytest.mark.parametrize("name", sorted(PAIRS))
def test_distance_and_bearing_agree_with_geographiclib(name):
    start, end = PAIRS[name]
    measure = GeodesicMeasure("WGS84")
    azimuth, _back, metres = GEOD.inv(start[0], start[1], end[0], end[1])
    assert abs(measure.segment(start, end) - metres) <= 1e-4 * metres
    assert abs(((measure.bearing(start, end) - azimuth % 360) + 180) % 360 - 180) <= 1e-4 * 360


def _pyproj_area(ring):
    area, perimeter = GEOD.polygon_area_perimeter([p[0] for p in ring], [p[1] for p in ring])
    return abs(area), perimeter


@pytest.mark.parametrize("ring", [
    [(35.0, 51.0), (35.3, 51.0), (35.3, 51.3), (35.0, 51.3)],
    [TOKCHON, VLADIVOSTOK, SUDZHA],
    [(0.0, 85.0), (120.0, 85.0), (240.0 - 360.0, 85.0)],
])
def test_area_and_perimeter_agree_with_geographiclib(ring):
    area, perimeter = GeodesicMeasure("WGS84").area(ring)
    expected_area, expected_perimeter = _pyproj_area(ring + [ring[0]])
    assert abs(area - expected_area) <= 1e-3 * expected_area
    assert abs(perimeter - expected_perimeter) <= 1e-4 * expected_perimeter


def test_the_curated_sudzha_salient_area_agrees_with_geographiclib():
    _, result = curated.load_cached()
    ring = next(f for f in result.features["front_areas"] if f.id == "sudzha-salient-2024-12").coordinates[0]
    area, _ = GeodesicMeasure("WGS84").area(ring)
    expected, _ = _pyproj_area(ring)
    assert abs(area - expected) <= 1e-3 * expected
    assert 413e6 < area < 505e6  # and within 10% of the 459 km² it cites


def test_feature_to_feature_distance_is_exact_for_points_and_nearest_for_areas():
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    point = QgsGeometry.fromPointXY(QgsPointXY(*TOKCHON))
    other = QgsGeometry.fromPointXY(QgsPointXY(*SUDZHA))
    metres, _, _ = geometry_distance(point, other, wgs84)
    assert abs(metres - GEOD.inv(*TOKCHON, *SUDZHA)[2]) < 1e-3
    _, result = curated.load_cached()
    ring = next(f for f in result.features["front_areas"] if f.id == "sudzha-salient-2024-12").coordinates[0]
    salient = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in ring]])
    metres, _, nearest = geometry_distance(point, salient, wgs84)
    # Brute force: the closest of many points along the outline, measured by GeographicLib.
    boundary = [p for part in densify(ring, 50.0) for p in part]
    brute = min(GEOD.inv(*TOKCHON, *p)[2] for p in boundary)
    assert metres <= brute + 1.0 and abs(metres - brute) <= 1e-4 * brute
    inside = QgsGeometry.fromPointXY(QgsPointXY(35.2, 51.2))
    assert geometry_distance(inside, salient, wgs84)[0] == 0.0


# The map tool, driven by real events on a real canvas ------------------------------------------

@pytest.fixture
def measuring(qgis_iface, shown_canvas, qgis_new_project, tmp_path, flush):
    qgis_canvas = shown_canvas
    places = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "places", "memory")
    for name, (lon, lat) in {"Vladivostok": VLADIVOSTOK, "Sudzha": SUDZHA, "Kursk": KURSK,
                             "Tokchon": TOKCHON}.items():
        feature = QgsFeature(places.fields())
        feature["name"] = name
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        places.dataProvider().addFeature(feature)
    QgsProject.instance().addMapLayer(places)
    qgis_canvas.setLayers([places])
    snap_to_vertices(qgis_canvas)
    assert qgis_canvas.mapSettings().outputSize().width() > 700
    panel = MeasurePanel()
    action = QAction("measure", qgis_iface.mainWindow())
    action.setCheckable(True)
    connections = ConnectionRegistry()
    controller = MeasureController(qgis_iface, panel, action, connections, gpkg_path=tmp_path / "ws.gpkg")
    yield controller, qgis_canvas, places
    connections.disconnect_all()
    controller.unload()
    qgis_canvas.setMapTool(QgsMapToolPan(qgis_canvas))
    qgis_canvas.setLayers([])
    panel.deleteLater()
    flush()


def snap_to_vertices(canvas):
    """Snapping on, to vertices of every layer, within 15 pixels (the project's and the canvas's)."""
    config = QgsSnappingConfig(QgsProject.instance())
    config.setEnabled(True)
    config.setMode(QgsSnappingConfig.AllLayers)
    config.setTypeFlag(QgsSnappingConfig.VertexFlag)
    config.setTolerance(15)
    config.setUnits(QgsTolerance.Pixels)
    QgsProject.instance().setSnappingConfig(config)
    canvas.snappingUtils().setConfig(config)


def _frame(canvas, crs, points):
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem(crs))
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       QgsCoordinateReferenceSystem(crs), QgsProject.instance())
    box = QgsRectangle()
    box.setMinimal()
    for lon, lat in points:
        box.combineExtentWith(transform.transform(QgsPointXY(lon, lat)))
    box.grow(max(box.width(), box.height()) * 0.15)
    canvas.setExtent(box)
    canvas.refresh()
    canvas.waitWhileRendering()
    canvas.snappingUtils().setMapSettings(canvas.mapSettings())


def _pixel(canvas, lonlat, nudge=(-2, 2)):
    """The pixel of a lon/lat point, a few pixels off: the tool's snapping must find the vertex."""
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       canvas.mapSettings().destinationCrs(), QgsProject.instance())
    pixel = canvas.getCoordinateTransform().transform(transform.transform(QgsPointXY(*lonlat)))
    return QPoint(int(round(pixel.x())) + nudge[0], int(round(pixel.y())) + nudge[1])


def _mouse(canvas, kind, position, button=Qt.MouseButton.NoButton):
    buttons = button if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, position, button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(canvas.viewport(), event)


def _click(canvas, position, button=Qt.MouseButton.LeftButton):
    _mouse(canvas, QEvent.Type.MouseMove, position)
    _mouse(canvas, QEvent.Type.MouseButtonPress, position, button)
    _mouse(canvas, QEvent.Type.MouseButtonRelease, position, button)


def _key(canvas, key):
    QApplication.sendEvent(canvas, QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier))


@pytest.mark.parametrize("crs, pair", [
    ("EPSG:4326", (VLADIVOSTOK, SUDZHA)), ("EPSG:3857", (VLADIVOSTOK, SUDZHA)),
    ("EPSG:4326", (SUDZHA, KURSK)), ("EPSG:3857", (SUDZHA, KURSK)), ("EPSG:32636", (SUDZHA, KURSK)),
])
def test_the_same_measurement_gives_the_same_numbers_in_any_canvas_crs(measuring, crs, pair):
    controller, canvas, places = measuring
    # Only the two places measured, so that snapping has one vertex to find near each click.
    places.dataProvider().deleteFeatures(
        [f.id() for f in places.getFeatures() if tuple(f.geometry().asPoint()) not in pair])
    _frame(canvas, crs, pair)
    controller.start(DISTANCE)
    _click(canvas, _pixel(canvas, pair[0]))
    _mouse(canvas, QEvent.Type.MouseMove, _pixel(canvas, pair[1]))
    live = controller.readout
    azimuth, _, metres = GEOD.inv(*pair[0], *pair[1])
    assert abs(live.segment_m - metres) <= 1e-4 * metres, "live readout follows the snapped cursor"
    assert abs(live.bearing_deg - azimuth % 360) < 0.01
    _click(canvas, _pixel(canvas, pair[1]))
    _key(canvas, Qt.Key.Key_Escape)
    assert abs(controller.readout.total_m - metres) <= 1e-4 * metres
    assert controller.result["mode"] == DISTANCE
    assert controller.tool.path_band.isVisible() and controller.tool.vertex_band.isVisible()
    path = controller.tool.path_band.asGeometry()
    step = controller.tool._draw_step_m()
    assert path.constGet().vertexCount() >= int(metres // step) + 1, "the band follows the great circle"


def test_backspace_right_click_and_a_fresh_start(measuring):
    controller, canvas, _ = measuring
    _frame(canvas, "EPSG:3857", (VLADIVOSTOK, SUDZHA, TOKCHON))
    controller.start(DISTANCE)
    for place in (TOKCHON, VLADIVOSTOK, SUDZHA):
        _click(canvas, _pixel(canvas, place))
    with_three = controller.readout.total_m
    _key(canvas, Qt.Key.Key_Backspace)
    assert controller.tool.measure.vertices[-1] == pytest.approx(VLADIVOSTOK, abs=1e-9)
    assert controller.readout.total_m == pytest.approx(GEOD.inv(*TOKCHON, *VLADIVOSTOK)[2], rel=1e-6)
    assert controller.readout.total_m < with_three
    _click(canvas, _pixel(canvas, SUDZHA), Qt.MouseButton.RightButton)
    assert controller.tool.done and controller.result is not None
    _click(canvas, _pixel(canvas, SUDZHA))
    assert len(controller.tool.measure.vertices) == 1, "the next click starts a new measurement"


def test_area_mode_on_snapped_vertices(measuring):
    controller, canvas, _ = measuring
    ring = [TOKCHON, VLADIVOSTOK, SUDZHA]
    _frame(canvas, "EPSG:3857", ring)
    controller.start(AREA)
    for place in ring:
        _click(canvas, _pixel(canvas, place))
    _key(canvas, Qt.Key.Key_Escape)
    expected_area, expected_perimeter = _pyproj_area(ring + [ring[0]])
    assert abs(controller.readout.area_m2 - expected_area) <= 1e-3 * expected_area
    assert abs(controller.readout.perimeter_m - expected_perimeter) <= 1e-4 * expected_perimeter
    assert "km²" in controller.panel.values["area"].text()


def choose_in_menu(tool, wanted, offered=None):
    """When the tool's menu of overlapping features opens, take the entry that names `wanted`
    (and note every entry offered)."""
    def pick():
        menu = tool.choice_menu
        if menu is None or not menu.isVisible():
            QTimer.singleShot(20, pick)
            return
        texts = [action.text() for action in menu.actions()]
        if offered is not None:
            offered.extend(texts)
        next(action for action in menu.actions() if wanted in action.text()).trigger()
    QTimer.singleShot(20, pick)


def test_between_features_mode(measuring):
    controller, canvas, _ = measuring
    _frame(canvas, "EPSG:4326", (TOKCHON, SUDZHA))
    controller.start(FEATURES)
    _click(canvas, _pixel(canvas, TOKCHON, nudge=(0, 0)))
    assert "now click the second feature" in controller.panel.hint.text()
    # At this scale Sudzha and Kursk (93 km apart) are under the same click: the tool asks which.
    offered = []
    choose_in_menu(controller.tool, "Sudzha", offered)
    _click(canvas, _pixel(canvas, SUDZHA, nudge=(0, 0)))
    assert sorted(offered) == ["places — Kursk", "places — Sudzha"]
    assert "second feature" not in controller.panel.hint.text(), "the hint is gone once the result is in"
    assert controller.panel.hint.text().startswith("Tokchon to Sudzha: ")
    assert controller.result["features"] == ["Tokchon", "Sudzha"]
    assert controller.readout.total_m == pytest.approx(GEOD.inv(*TOKCHON, *SUDZHA)[2], rel=1e-6)
    assert "Tokchon to Sudzha" in controller.text()


def test_units_are_remembered_and_copy_and_save_work(measuring, tmp_path):
    controller, canvas, _ = measuring
    _frame(canvas, "EPSG:3857", (SUDZHA, KURSK))
    controller.start(DISTANCE)
    _click(canvas, _pixel(canvas, SUDZHA))
    _click(canvas, _pixel(canvas, KURSK))
    _key(canvas, Qt.Key.Key_Escape)
    controller.panel.distance_unit.setCurrentText("nmi")
    assert QgsSettings().value("kpa_tracker/measure/distance_unit") == "nmi"
    nmi = GEOD.inv(*SUDZHA, *KURSK)[2] / 1852.0
    assert "{:,.2f} nmi".format(nmi) in controller.panel.values["total"].text()
    controller.copy()
    assert "{:,.2f} nmi".format(nmi) in QApplication.clipboard().text()
    assert "ellipsoid WGS 84 (EPSG:7030)" in QApplication.clipboard().text()
    uri = controller.save("Sudzha to Kursk")
    saved = QgsVectorLayer(table_uri(tmp_path / "ws.gpkg", "line"), "m", "ogr")
    (row,) = list(saved.getFeatures())
    assert row["length_km"] == pytest.approx(GEOD.inv(*SUDZHA, *KURSK)[2] / 1000.0, rel=1e-6)
    assert row["note"] == "Sudzha to Kursk" and row["created_at"].endswith("Z")
    assert uri.endswith("measurements_lines")
    controller.panel.distance_unit.setCurrentText("km")


def test_another_tool_takes_over_cleanly(measuring):
    controller, canvas, _ = measuring
    _frame(canvas, "EPSG:3857", (SUDZHA, KURSK))
    controller.start(DISTANCE)
    assert controller.action.isChecked() and canvas.mapTool() is controller.tool
    _click(canvas, _pixel(canvas, SUDZHA))
    pan = QgsMapToolPan(canvas)
    canvas.setMapTool(pan)
    assert not controller.action.isChecked()
    assert controller.tool.vertex_band.numberOfVertices() == 0
    assert controller.tool.measure.vertices == []


def test_the_project_ellipsoid_is_used_and_named(measuring):
    controller, canvas, _ = measuring
    QgsProject.instance().setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    QgsProject.instance().setEllipsoid("GRS80")
    try:
        controller.start(DISTANCE)
        assert controller.tool.measure.ellipsoid == "GRS80"
        QgsProject.instance().setEllipsoid("NONE")
        controller.start(DISTANCE)
        assert controller.tool.measure.ellipsoid == "WGS84"
    finally:
        QgsProject.instance().setEllipsoid("WGS84")


def test_unload_leaves_no_rubber_band_on_the_canvas(qgis_iface, qgis_canvas, flush):
    def bands():
        return [item for item in qgis_canvas.scene().items() if isinstance(item, QgsRubberBand)]
    before = len(bands())
    action = QAction("measure", qgis_iface.mainWindow())
    action.setCheckable(True)
    connections = ConnectionRegistry()
    controller = MeasureController(qgis_iface, MeasurePanel(), action, connections)
    assert len(bands()) == before + 4
    connections.disconnect_all()
    controller.unload()
    flush()
    assert len(bands()) == before


def test_antimeridian_path_is_drawn_in_two_parts():
    parts = densify([(179.7, 52.0), (-179.6, 53.1)], 10000.0)
    assert len(parts) == 2
    assert parts[0][-1][0] == 180.0 and parts[1][0][0] == -180.0


def test_a_new_project_clears_the_measurement(measuring):
    controller, canvas, _ = measuring
    _frame(canvas, "EPSG:3857", (SUDZHA, KURSK))
    controller.start(DISTANCE)
    _click(canvas, _pixel(canvas, SUDZHA))
    _click(canvas, _pixel(canvas, KURSK))
    assert controller.tool.path_band.numberOfVertices() > 0
    QgsProject.instance().clear()
    assert controller.tool.measure.vertices == []
    assert controller.tool.path_band.numberOfVertices() == 0

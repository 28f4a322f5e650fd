"""The Measure page and the tool in the running plugin, with real mouse events: the result shows where the
analyst looks, area and bearings are named, copying a point, range rings and the distance to the front."""

import datetime

import pytest
from pyproj import Geod
from qgis.core import (
    QgsDateTimeRange,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsMapToolPan
from qgis.PyQt.QtCore import QDate, QDateTime, QEvent, Qt, QTime
from qgis.PyQt.QtWidgets import QApplication

import kpa_tracker
from kpa_tracker.core.coordinates.mgrs import parse_mgrs
from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.measure.front_distance import distance_to_front
from kpa_tracker.core.measure.style import MEASURE_RGB
from kpa_tracker.maptools.measure_tool import AREA, DISTANCE
from kpa_tracker.tests.measure.test_measure import KURSK, SUDZHA, TOKCHON, VLADIVOSTOK, _click, _frame, _key
from kpa_tracker.tests.measure.test_measure import _mouse, _pixel
from kpa_tracker.ui.panels.measure import COPY_POINT, FRONT_POINT, RINGS_CENTRE

GEOD = Geod(ellps="WGS84")
LINE_OF_CONTACT_RED = (192, 22, 29)  # layers/styles/front_lines.qml


@pytest.fixture
def plugin(qgis_iface, shown_canvas, qgis_new_project, tmp_path, flush):
    plugin = kpa_tracker.classFactory(qgis_iface)
    plugin.initGui()
    plugin.measure.gpkg_path = tmp_path / "ws.gpkg"
    yield plugin
    qgis_iface.mapCanvas().setMapTool(QgsMapToolPan(qgis_iface.mapCanvas()))
    plugin.unload()
    QgsProject.instance().clear()
    flush()


def _current_page(plugin):
    return plugin.dock.tabs.currentWidget().widget()


def test_the_toolbar_action_brings_up_the_measure_page_and_a_readout_beside_the_cursor(plugin, shown_canvas,
                                                                                          flush):
    canvas = shown_canvas
    plugin.dock.show_page(plugin.dock.route_panel)  # another tab current ...
    plugin.dock.hide()  # ... and the dock closed
    flush()
    assert not plugin.dock.isVisible()
    _frame(canvas, "EPSG:3857", (SUDZHA, KURSK))
    plugin.measure_action.trigger()
    flush()
    assert plugin.dock.isVisible() and _current_page(plugin) is plugin.dock.measure_panel
    assert canvas.mapTool() is plugin.measure.tool
    _click(canvas, _pixel(canvas, SUDZHA, (0, 0)))
    _mouse(canvas, QEvent.Type.MouseMove, _pixel(canvas, KURSK, (0, 0)))
    floating = plugin.measure.tool.floating
    metres = plugin.measure.readout.segment_m
    assert GEOD.inv(*SUDZHA, *KURSK)[2] == pytest.approx(metres, rel=2e-3)  # the cursor's pixel, unsnapped
    assert floating.isVisible()
    assert "Segment {:,.2f} km".format(metres / 1000.0) in floating.text()
    assert "Total {:,.2f} km".format(metres / 1000.0) in floating.text()
    # Beside the cursor, on the canvas.
    cursor = _pixel(canvas, KURSK, (0, 0))
    assert 0 < floating.x() - cursor.x() <= 40 or 0 < cursor.x() - floating.x() - floating.width() <= 40
    assert floating.geometry().bottom() <= canvas.viewport().height()
    # The readout moves with the cursor and follows the numbers.
    _mouse(canvas, QEvent.Type.MouseMove, _pixel(canvas, (35.8, 51.5), (0, 0)))
    assert plugin.measure.readout.segment_m < metres
    assert "{:,.2f} km".format(plugin.measure.readout.segment_m / 1000.0) in floating.text()
    # Another tool: the readout goes.
    canvas.setMapTool(QgsMapToolPan(canvas))
    assert not floating.isVisible()


def test_area_mode_names_area_and_perimeter_and_no_total(plugin, shown_canvas):
    canvas = shown_canvas
    ring = [TOKCHON, VLADIVOSTOK, SUDZHA]
    _frame(canvas, "EPSG:3857", ring)
    plugin.measure.start(AREA)
    panel = plugin.dock.measure_panel
    for place in ring:
        _click(canvas, _pixel(canvas, place, (0, 0)))
    _key(canvas, Qt.Key.Key_Escape)
    assert panel.values["area"].isVisibleTo(panel) and panel.values["perimeter"].isVisibleTo(panel)
    assert not panel.values["total"].isVisibleTo(panel) and not panel.values["segment"].isVisibleTo(panel)
    assert "km²" in panel.values["area"].text()
    text = plugin.measure.text()
    assert text.startswith("Area: ") and "\nPerimeter: " in text and "Total" not in text
    assert "Area " in plugin.measure.tool.floating.text() and "Perimeter " in plugin.measure.tool.floating.text()


def test_both_bearings_are_named_and_the_ellipsoid_has_one_name(plugin, shown_canvas):
    canvas = shown_canvas
    _frame(canvas, "EPSG:3857", (TOKCHON, VLADIVOSTOK, SUDZHA))
    names = set()
    for ellipsoid in ("WGS84", "EPSG:7030"):
        QgsProject.instance().setEllipsoid(ellipsoid)
        plugin.measure.start(DISTANCE)
        for place in (TOKCHON, VLADIVOSTOK, SUDZHA):
            _click(canvas, _pixel(canvas, place, (0, 0)))
        _key(canvas, Qt.Key.Key_Escape)
        names.add(plugin.dock.measure_panel.values["ellipsoid"].text())
        vertices = plugin.measure.tool.measure.vertices
        initial = GEOD.inv(*vertices[0], *vertices[1])[0] % 360
        final = (GEOD.inv(*vertices[-1], *vertices[-2])[0] + 180) % 360  # the last segment, as it arrives
        readout = plugin.measure.readout
        assert readout.initial_bearing_deg == pytest.approx(initial, abs=0.01)
        assert readout.final_bearing_deg == pytest.approx(final, abs=0.01)
        assert abs(initial - final) > 30, "the two bearings differ on this path"
        text = plugin.measure.text()
        assert "Initial bearing of the path: {:.1f}°".format(initial) in text
        assert "Final bearing of the last segment: {:.1f}°".format(final) in text
    assert names == {"WGS 84 (EPSG:7030)"}


def test_the_measurement_is_not_drawn_in_the_line_of_contacts_red_and_has_a_halo(plugin):
    band = plugin.measure.tool.path_band
    color = band.strokeColor()
    assert (color.red(), color.green(), color.blue()) == MEASURE_RGB
    distance = sum((a - b) ** 2 for a, b in zip(MEASURE_RGB, LINE_OF_CONTACT_RED)) ** 0.5
    assert distance > 150
    assert band.secondaryStrokeColor().isValid() and band.secondaryStrokeColor().lightness() > 200


@pytest.mark.parametrize("fmt, check", [
    ("decimal", lambda text: text == "51.191389° N, 35.270556° E"),
    ("dms", lambda text: text.startswith("51°11′29.0″ N, 35°16′14.0″ E")),
    ("mgrs", lambda text: GEOD.inv(parse_mgrs(text).lon, parse_mgrs(text).lat, *SUDZHA)[2] < 2.0),
])
def test_a_clicked_point_is_copied_in_the_chosen_format(plugin, shown_canvas, qgis_iface, fmt, check):
    canvas = shown_canvas
    places = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "places", "memory")
    feature = QgsFeature(places.fields())
    feature["name"] = "Sudzha"
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*SUDZHA)))
    places.dataProvider().addFeature(feature)
    QgsProject.instance().addMapLayer(places)
    canvas.setLayers([places])
    from kpa_tracker.tests.measure.test_measure import snap_to_vertices

    snap_to_vertices(canvas)
    _frame(canvas, "EPSG:3857", (SUDZHA, KURSK))
    panel = plugin.dock.measure_panel
    panel.point_format.setCurrentIndex(panel.point_format.findData(fmt))
    panel.copy_point_button.click()
    assert plugin.measure.point_use == COPY_POINT and canvas.mapTool() is plugin.measure.tool
    _click(canvas, _pixel(canvas, SUDZHA))  # a few pixels off: snapped to Sudzha
    copied = QApplication.clipboard().text()
    assert check(copied), copied
    assert copied in panel.copied.text()


def test_range_rings_from_a_typed_place_and_from_a_map_click(plugin, shown_canvas):
    canvas = shown_canvas
    panel = plugin.dock.measure_panel
    panel.centre.setText("Sudzha")
    panel.radii.setText("10, 25, 40")
    panel.add_rings_button.click()
    layer = plugin.measure.rings_layer
    assert layer is not None and layer in QgsProject.instance().mapLayers().values()
    rows = sorted((f["radius_km"], f["label"]) for f in layer.getFeatures())
    assert rows == [(10.0, "10 km"), (25.0, "25 km"), (40.0, "40 km")]
    assert "Rings of 10, 25, 40 km around Sudzha" in panel.rings_result.text()
    # Hollow, labelled with their radius.
    symbol = layer.renderer().symbol()
    assert all(symbol.symbolLayer(i).brushStyle() == Qt.BrushStyle.NoBrush for i in range(symbol.symbolLayerCount()))
    assert layer.labelsEnabled() and layer.labeling().settings().fieldName == "label"
    for feature in layer.getFeatures():
        worst = max(abs(GEOD.inv(feature["centre_lon"], feature["centre_lat"], v.x(), v.y())[2]
                        - feature["radius_km"] * 1000.0) for v in feature.geometry().vertices())
        assert worst <= feature["radius_km"] * 0.1  # 0.01 % of the radius, in metres
    # Bad radii: said, nothing added.
    panel.radii.setText("10, ten")
    panel.add_rings_button.click()
    assert "Radii: 'ten' is not a number of kilometres" == panel.rings_result.text()
    assert layer.featureCount() == 3
    # A map click for the centre: rings at once.
    _frame(canvas, "EPSG:3857", (SUDZHA, KURSK))
    panel.radii.setText("40")
    panel.centre_from_map.click()
    assert plugin.measure.point_use == RINGS_CENTRE
    _click(canvas, _pixel(canvas, KURSK, (0, 0)))
    layer.dataProvider().reloadData()
    assert layer.featureCount() == 4
    clicked = [f for f in layer.getFeatures() if f["radius_km"] == 40.0 and abs(f["centre_lat"] - KURSK[1]) < 0.05]
    assert len(clicked) == 1


def test_a_geodesic_buffer_around_the_selected_line_of_contact(plugin):
    _, result = curated.load_cached()
    line = next(f for f in result.features["front_lines"] if f.id == "sudzha-line-of-contact-2024-12")
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=name:string", "Line of contact", "memory")
    feature = QgsFeature(layer.fields())
    feature["name"] = line.name
    feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in line.coordinates]))
    layer.dataProvider().addFeature(feature)
    QgsProject.instance().addMapLayer(layer)
    plugin.iface.setActiveLayer(layer)
    layer.selectAll()
    panel = plugin.dock.measure_panel
    panel.radii.setText("40")
    plugin.measure.rings_from_selection()
    assert panel.rings_result.text() == "Geodesic buffers of 40 km around {}, saved to the Range rings layer.".format(
        line.name)
    (ring,) = list(plugin.measure.rings_layer.getFeatures())
    assert ring["kind"] == "buffer" and ring["radius_km"] == 40.0
    assert ring.geometry().contains(feature.geometry())


def _sighting_layer(lon, lat, observed):
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=sighting_id:string&field=observed_at:datetime",
                           "Sightings", "memory")
    feature = QgsFeature(layer.fields())
    feature["sighting_id"] = "s-novoivanovka"
    feature["observed_at"] = observed
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
    layer.dataProvider().addFeature(feature)
    QgsProject.instance().addMapLayer(layer)
    return layer


def test_distance_to_the_front_for_the_selected_sighting_on_its_observed_date(plugin):
    _, result = curated.load_cached()
    position = next(f for f in result.features["unit_positions"] if f.id == "pos-kpa-contingent-2024-12-novoivanovka")
    lon, lat = position.coordinates
    layer = _sighting_layer(lon, lat, QDateTime(QDate(2024, 12, 20), QTime(8, 0), Qt.TimeSpec.UTC))
    plugin.iface.setActiveLayer(layer)
    layer.selectAll()
    panel = plugin.dock.measure_panel
    panel.front_date.setDate(QDate(2025, 3, 10))  # not used: the sighting has its own date
    panel.front_from_selection.click()
    expected = distance_to_front(lon, lat, datetime.date(2024, 12, 20))
    assert plugin.measure.front.day == datetime.date(2024, 12, 20)
    assert plugin.measure.front.metres == pytest.approx(expected.metres)
    assert panel.front_result.text() == "s-novoivanovka: " + expected.text()
    assert "km to the line of contact of 2024-12-20 (nearest point " in panel.front_result.text()
    # The geodesic to the nearest point is drawn.
    assert plugin.measure.tool.path_band.numberOfVertices() >= 2


def test_distance_to_the_front_from_a_click_on_the_maps_date_or_the_chosen_one(plugin, shown_canvas):
    canvas = shown_canvas
    panel = plugin.dock.measure_panel
    _frame(canvas, "EPSG:3857", (SUDZHA, KURSK))
    panel.front_date.setDate(QDate(2024, 5, 1))  # before any line of contact
    panel.front_from_map.click()
    assert plugin.measure.point_use == FRONT_POINT
    _click(canvas, _pixel(canvas, KURSK, (0, 0)))
    assert panel.front_result.text().startswith("No line of contact is in force on 2024-05-01")
    # The map's own date, as the Temporal Controller gives it to the canvas.
    day = QgsDateTimeRange(QDateTime(QDate(2024, 11, 1), QTime(0, 0)), QDateTime(QDate(2024, 11, 1), QTime(23, 59)))
    canvas.setTemporalRange(day)
    assert canvas.mapSettings().isTemporal()
    try:
        _click(canvas, _pixel(canvas, KURSK, (0, 0)))
        assert plugin.measure.front.day == datetime.date(2024, 11, 1)
        lon, lat = plugin.measure.front.point
        brute = distance_to_front(lon, lat, datetime.date(2024, 11, 1))
        assert panel.front_result.text() == brute.text()
        assert plugin.measure.tool.floating.text() == brute.text()
    finally:
        canvas.setTemporalRange(QgsDateTimeRange(QDateTime(), QDateTime()))
    assert not canvas.mapSettings().isTemporal()
    assert plugin.measure.map_date() == datetime.date(2024, 5, 1), "no date on the map: the chosen one"

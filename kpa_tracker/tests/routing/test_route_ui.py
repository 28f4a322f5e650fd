"""The route tool in the dock and on the map, driven by real events on a real canvas."""

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapToolPan
from qgis.PyQt.QtCore import QEvent, Qt
from qgis.PyQt.QtGui import QFontMetrics

from kpa_tracker.core.routing.store import ROUTES_TABLE
from kpa_tracker.toolbelt import settings
from kpa_tracker.tests.measure.test_measure import _click, _frame, _mouse, _pixel
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.controllers.route import RouteController
from kpa_tracker.ui.panels.route import RoutePanel

CHONGJIN = (129.8204, 41.7816)
SUDZHA = (35.270556, 51.191389)
KHABAROVSK = (135.083333, 48.483333)


@pytest.fixture
def routing(qgis_iface, shown_canvas, qgis_new_project, tmp_path, flush):
    qgis_canvas = shown_canvas
    settings.remove("route")  # the dock's remembered speeds, dwell times, tolerance and modes
    panel = RoutePanel()
    connections = ConnectionRegistry()
    controller = RouteController(qgis_iface, panel, connections, gpkg_path=tmp_path / "ws.gpkg")
    yield controller, qgis_canvas
    connections.disconnect_all()
    controller.unload()
    qgis_canvas.setMapTool(QgsMapToolPan(qgis_canvas))
    panel.deleteLater()
    flush()
    settings.remove("route")


def test_clicking_start_and_end_routes_over_sea_rail_and_road(routing):
    controller, canvas = routing
    _frame(canvas, "EPSG:3857", (CHONGJIN, SUDZHA))
    controller.pick()
    assert canvas.mapTool() is controller.tool
    _click(canvas, _pixel(canvas, CHONGJIN, nudge=(0, 0)))
    _click(canvas, _pixel(canvas, SUDZHA, nudge=(0, 0)))
    result = controller.result
    assert result is not None, controller.panel.message.text()
    assert [leg.mode for leg in result.legs] == ["sea", "rail", "road"]
    assert 9500 < result.total_km < 10600
    assert result.straight_km < result.total_km
    text = controller.panel.result.text()
    assert "km" in text and "days" in text and "straight line" in text
    # Three legs and four dwell rows: loading, sea -> rail at Vladivostok, rail -> road at Kursk, unloading.
    assert controller.panel.legs.rowCount() == 7
    assert controller.band.asGeometry().constGet().vertexCount() > 10
    assert [m.number for m in controller.tool.markers] == [1, 2]


def test_places_from_the_lists_and_time_optimisation(routing):
    controller, canvas = routing
    _frame(canvas, "EPSG:3857", (CHONGJIN, SUDZHA))
    controller.choose(0, "khabarovsk-240")
    controller.choose(-1, "kpa-contingent-kursk")
    distance = controller.result
    assert distance.legs[0].from_name.startswith("Khabarovsk")
    controller.panel.optimize.setCurrentIndex(1)  # re-routes on its own
    quickest = controller.result
    assert quickest.optimize == "time" and quickest.total_hours <= distance.total_hours + 1e-9
    assert controller.panel.message.text().startswith("Quickest, counting the dwell at each change of mode")


def test_dragging_a_stop_previews_and_right_click_removes_it(routing):
    controller, canvas = routing
    _frame(canvas, "EPSG:3857", (CHONGJIN, SUDZHA, KHABAROVSK))
    controller.pick()
    _click(canvas, _pixel(canvas, CHONGJIN, nudge=(0, 0)))
    _click(canvas, _pixel(canvas, SUDZHA, nudge=(0, 0)))
    first_km = controller.result.total_km
    start = _pixel(canvas, CHONGJIN, nudge=(0, 0))
    _mouse(canvas, QEvent.Type.MouseButtonPress, start, Qt.MouseButton.LeftButton)
    _mouse(canvas, QEvent.Type.MouseMove, _pixel(canvas, KHABAROVSK, nudge=(0, 0)))
    assert controller.result.legs[0].mode == "rail", "the preview follows the dragged stop"
    _mouse(canvas, QEvent.Type.MouseButtonRelease, _pixel(canvas, KHABAROVSK, nudge=(0, 0)),
           Qt.MouseButton.LeftButton)
    assert len(controller.tool.stops) == 2 and controller.result.total_km != first_km
    _click(canvas, _pixel(canvas, SUDZHA, nudge=(0, 0)), Qt.MouseButton.RightButton)
    assert len(controller.tool.stops) == 1 and controller.result is None or len(controller.tool.stops) == 1


def test_a_point_far_from_the_network_says_how_far_and_from_what(routing):
    controller, canvas = routing
    _frame(canvas, "EPSG:3857", (CHONGJIN, SUDZHA))
    controller.tool.set_stops([(60.0, 70.0), SUDZHA])
    assert controller.route() is None
    message = controller.panel.message.text()
    assert "km from the nearest node" in message and "START" in message


def test_saving_a_route_to_the_workspace_and_to_a_temporary_layer(routing, tmp_path):
    controller, canvas = routing
    controller.tool.set_stops([CHONGJIN, SUDZHA])
    result = controller.route()
    layer = controller.save()
    saved = QgsVectorLayer("{}|layername={}".format(tmp_path / "ws.gpkg", ROUTES_TABLE), "r", "ogr")
    rows = list(saved.getFeatures())
    assert len(rows) == len(result.legs) and layer.featureCount() == len(result.legs)
    assert {r["mode"] for r in rows} == {"sea", "rail", "road"}
    assert rows[0]["total_km"] == pytest.approx(result.total_km)
    controller.panel.destination.setCurrentIndex(1)
    temporary = controller.save()
    assert temporary.providerType() == "memory" and temporary.featureCount() == len(result.legs)
    assert len([l for l in QgsProject.instance().mapLayers().values()]) == 2


def test_after_picking_on_the_map_the_dock_shows_the_picked_stops(routing):
    controller, canvas = routing
    _frame(canvas, "EPSG:3857", (CHONGJIN, SUDZHA, KHABAROVSK))
    panel = controller.panel
    controller.choose(0, "khabarovsk-240")
    controller.choose(-1, "kpa-contingent-kursk")
    assert (panel.start.currentData(), panel.end.currentData()) == ("khabarovsk-240", "kpa-contingent-kursk")
    controller.clear()
    assert panel.start.currentIndex() == 0 and panel.end.currentText() == "(click on the map)"
    controller.pick()
    # About 1 km from the Chongjin port point (inside NAME_WITHIN_KM), then Sudzha's own point, each
    # clicked on a map framed close enough that a pixel is some metres.
    near_chongjin = (CHONGJIN[0], CHONGJIN[1] + 0.009)
    _frame(canvas, "EPSG:3857", (CHONGJIN, (CHONGJIN[0] + 0.05, CHONGJIN[1] + 0.05)))
    _click(canvas, _pixel(canvas, near_chongjin, nudge=(0, 0)))
    _frame(canvas, "EPSG:3857", (SUDZHA, (SUDZHA[0] + 0.05, SUDZHA[1] + 0.05)))
    _click(canvas, _pixel(canvas, SUDZHA, nudge=(0, 0)))
    assert panel.start.currentData() == "chongjin-port", panel.start.currentText()
    assert panel.end.currentText() == "Sudzha"
    result = controller.result
    assert result.legs[0].from_name == "Chongjin (embarkation port)", "a click near a place is named by it"
    assert result.legs[-1].to_name == "Sudzha"
    # A third click, 8 km east of Yekaterinburg (no place within 2 km), is the new end: To shows the
    # clicked point, not Sudzha.
    _frame(canvas, "EPSG:3857", ((60.7, 56.8), (60.8, 56.9)))
    _click(canvas, _pixel(canvas, (60.75, 56.84), nudge=(0, 0)))
    assert panel.end.currentIndex() == 0 and panel.end.currentText().startswith("Map point 60.75")
    assert controller.result.legs[-1].to_name.startswith("60.75")
    assert panel.start.currentData() == "chongjin-port"


def test_the_dock_snap_tolerance_reaches_the_route_and_both_far_ends_are_named(routing):
    controller, canvas = routing
    panel = controller.panel
    # 0.45 degrees of longitude east of Khabarovsk, 0.3 degrees of latitude south of Omsk: about 33 km
    # from the nearest nodes.
    start, end = (KHABAROVSK[0] + 0.45, KHABAROVSK[1]), (73.367, 54.683)
    controller.tool.set_stops([start, end])
    assert panel.snap_tolerance.value() == 25.0
    assert controller.route() is None
    message = panel.message.text()
    assert "START (135.5333, 48.4833) is 33.3 km" in message and "END (73.3670, 54.6830) is 33.4 km" in message
    assert "'Snap tolerance (km)' on the dock's Route page" in message
    panel.snap_tolerance.setValue(40.0)  # re-routes on its own
    assert controller.result is not None, panel.message.text()
    assert [leg.mode for leg in controller.result.legs] == ["rail"] and controller.result.total_km > 5000
    assert controller.result.snaps[0].offset_km == pytest.approx(33.3, abs=0.1)
    assert RoutePanel().snap_tolerance.value() == 40.0, "remembered in the settings"


def test_dwell_times_from_the_dock_in_the_legs_and_the_total(routing):
    controller, _canvas = routing
    panel = controller.panel
    for key, hours in (("loading", 10.0), ("unloading", 5.0), ("rail/sea", 20.0), ("rail/road", 3.0)):
        panel.dwell[key].setValue(hours)
    controller.tool.set_stops([CHONGJIN, SUDZHA])
    result = controller.route()
    assert result.dwell_hours == pytest.approx(38.0)
    assert result.total_hours == pytest.approx(result.moving_hours + 38.0)
    table = panel.legs
    rows = [[table.item(r, c).text() for c in range(4)] for r in range(table.rowCount())]
    assert rows[0] == ["dwell", "", "10.0", "at Chongjin (embarkation port): loading"]
    assert rows[1][0] == "sea" and rows[2][:3] == ["dwell", "", "20.0"] and "sea → rail" in rows[2][3]
    assert rows[-1] == ["dwell", "", "5.0", "at Sudzha: unloading"]
    summary = panel.result.text()
    assert "{:,.0f} h moving + 38 h dwell = {:,.0f} h".format(result.moving_hours, result.total_hours) in summary
    assert "about {:.1f} days".format(result.total_hours / 24.0) in summary
    assert RoutePanel().dwell["rail/sea"].value() == 20.0, "remembered in the settings"


def test_the_modes_to_use_reach_the_route_on_a_layer_chosen_in_the_dock(routing):
    controller, _canvas = routing
    panel = controller.panel
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=name:string&field=mode:string&field=km:double",
                           "Own network", "memory")
    for name, mode, km, points in (("line", "rail", 1000.0, [(0, 0), (1, 1), (2, 0)]),
                                   ("flight", "air", 900.0, [(0, 0), (2, 0)])):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, mode, km])
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in points]))
        layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    panel.network.setLayer(layer)
    panel.length_field.setField("km")
    panel.mode_field.setField("mode")
    assert not panel.modes["air"].isChecked() and panel.modes["rail"].isChecked()
    controller.tool.set_stops([(0, 0), (2, 0)])
    assert [leg.mode for leg in controller.route().legs] == ["rail"]
    panel.modes["air"].setChecked(True)  # re-routes on its own
    assert [(leg.mode, round(leg.hours, 6)) for leg in controller.result.legs] == [("air", 900 / 800.0)]
    panel.modes["air"].setChecked(False)
    panel.modes["rail"].setChecked(False)
    assert controller.result is None and "without air, rail" in panel.message.text()
    assert "only with air. Tick air" in panel.message.text()


def test_the_leg_column_shows_whole_names_in_a_narrow_dock(routing, flush):
    controller, _canvas = routing
    panel = controller.panel
    panel.resize(330, 900)  # a dock's width on a 1366 x 768 screen
    panel.show()
    flush()
    controller.choose(0, "chongjin-port")
    controller.choose(-1, "kpa-contingent-kursk")
    flush()
    table = panel.legs
    assert table.rowCount() >= 5
    header = table.horizontalHeader()
    assert sum(header.sectionSize(c) for c in range(4)) <= table.viewport().width() + 1, "no column off the side"
    metrics = QFontMetrics(table.font())
    width = header.sectionSize(3)
    for row in range(table.rowCount()):
        text = table.item(row, 3).text()
        assert table.sizeHintForRow(row) <= table.rowHeight(row), (row, text)
        assert max(metrics.horizontalAdvance(word) for word in text.split()) < width, "a word wider than the column"
        assert table.item(row, 3).toolTip()
    panel.hide()

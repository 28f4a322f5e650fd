"""The route tool in the dock and on the map, driven by real events on a real canvas."""

import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.gui import QgsMapToolPan
from qgis.PyQt.QtCore import QEvent, Qt

from kpa_tracker.core.routing.store import ROUTES_TABLE
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
    panel = RoutePanel()
    connections = ConnectionRegistry()
    controller = RouteController(qgis_iface, panel, connections, gpkg_path=tmp_path / "ws.gpkg")
    yield controller, qgis_canvas
    connections.disconnect_all()
    controller.unload()
    qgis_canvas.setMapTool(QgsMapToolPan(qgis_canvas))
    panel.deleteLater()
    flush()


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
    assert controller.panel.legs.rowCount() == 3
    assert controller.band.asGeometry().constGet().vertexCount() > 10
    assert [m.number for m in controller.tool.markers] == [1, 2]


def test_places_from_the_lists_and_time_optimisation(routing):
    controller, canvas = routing
    _frame(canvas, "EPSG:3857", (CHONGJIN, SUDZHA))
    controller.choose(0, "khabarovsk-240")
    controller.choose(-1, "kpa-contingent-kursk")
    distance = controller.result
    assert distance.legs[0].from_name.startswith("Khabarovsk")
    controller.panel.optimize.setCurrentIndex(1)
    quickest = controller.route()
    assert quickest.optimize == "time" and quickest.total_hours <= distance.total_hours + 1e-9


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

import datetime

import pytest
from qgis.core import QgsTemporalNavigationObject

from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.controllers.timeline import NAVIGATION_OFF, TimelineController
from kpa_tracker.ui.panels.timeline import TimelinePanel


@pytest.fixture
def navigation(qgis_iface):
    """QGIS's Temporal Controller. pytest-qgis's canvas has none (QGIS desktop gives its canvas the
    controller of its Temporal Controller panel): give it a real one once, owned by the canvas as QGIS's
    is by its panel, and start each test with it off."""
    canvas = qgis_iface.mapCanvas()
    controller = canvas.temporalController()
    if controller is None:
        controller = QgsTemporalNavigationObject(canvas)
        canvas.setTemporalController(controller)
    assert isinstance(canvas.temporalController(), QgsTemporalNavigationObject)
    controller.setNavigationMode(NAVIGATION_OFF)
    controller.setTemporalRangeCumulative(False)
    return controller


@pytest.fixture
def project(curated_project):
    return curated_project


@pytest.fixture
def make_timeline(qgis_iface, navigation):
    made = []

    def make(load_layers=None):
        panel = TimelinePanel()
        panel.resize(480, 900)
        connections = ConnectionRegistry()
        controller = TimelineController(qgis_iface, panel, connections, load_layers=load_layers,
                                        today=datetime.date.today())
        made.append((controller, connections, panel))
        return controller

    yield make
    for controller, connections, panel in made:
        connections.disconnect_all()
        controller.unload()
        panel.deleteLater()

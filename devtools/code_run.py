# Run inside QGIS desktop by `make run` (qgis --code): open the plugin's dock,
# load the curated layers and, when asked to (no display), save a screenshot of
# the main window and quit.
import json
import os

import qgis.utils
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication


def _finish():
    window = qgis.utils.iface.mainWindow()
    result = {"active_plugins": list(qgis.utils.active_plugins)}
    action = window.findChild(QAction, "KpaTrackerDockAction")
    if action is not None and not action.isChecked():
        action.trigger()
    result["dock_action_found"] = action is not None
    QTimer.singleShot(800, lambda: _load(result))


def _load(result):
    # After the dock has taken its place, so the map is framed on the canvas's final size.
    window = qgis.utils.iface.mainWindow()
    plugin = qgis.utils.plugins.get("kpa_tracker")
    if plugin is not None and os.environ.get("KPA_LOAD_LAYERS", "1") == "1":
        outcome = plugin.catalogue.load(plugin.dock.default_layer_ids())
        result["loaded_layers"] = [layer.name() for layer in outcome.loaded]
        result["load_problems"] = outcome.problems
    screenshot = os.environ.get("KPA_SCREENSHOT")

    def grab():
        extent = os.environ.get("KPA_EXTENT")  # "west,south,east,north" in degrees
        if extent:
            _zoom_to(*[float(v) for v in extent.split(",")])
        scenario = os.environ.get("KPA_SCENARIO")
        if scenario == "measure" and plugin is not None:
            result["scenario"] = _measure(plugin)
        if scenario == "route" and plugin is not None:
            result["scenario"] = _route(plugin)
        if screenshot:
            QApplication.processEvents()
            result["screenshot"] = screenshot
            result["screenshot_saved"] = window.grab().save(screenshot)
        with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
            json.dump(result, out)
        if os.environ.get("KPA_QUIT") == "1":
            QApplication.instance().exit(0)

    QTimer.singleShot(int(os.environ.get("KPA_SETTLE_MS", "4000")), grab)


def _measure(plugin):
    """Measure from Chongjin (an embarkation port) to Sudzha with real mouse events on the canvas."""
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointXY, QgsProject
    from qgis.PyQt.QtCore import QEvent, QPoint, Qt
    from qgis.PyQt.QtGui import QMouseEvent

    canvas = qgis.utils.iface.mapCanvas()
    plugin.dock.tabs.setCurrentWidget(plugin.dock.measure_panel)
    plugin.measure.start("distance")
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       canvas.mapSettings().destinationCrs(), QgsProject.instance())

    def send(kind, lonlat, button=Qt.MouseButton.NoButton):
        pixel = canvas.getCoordinateTransform().transform(transform.transform(QgsPointXY(*lonlat)))
        position = QPoint(int(pixel.x()), int(pixel.y()))
        buttons = button if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton
        QApplication.sendEvent(canvas.viewport(), QMouseEvent(kind, position, button, buttons,
                                                              Qt.KeyboardModifier.NoModifier))

    for lonlat in ((129.8204, 41.7816), (35.270556, 51.191389)):
        send(QEvent.Type.MouseMove, lonlat)
        send(QEvent.Type.MouseButtonPress, lonlat, Qt.MouseButton.LeftButton)
        send(QEvent.Type.MouseButtonRelease, lonlat, Qt.MouseButton.LeftButton)
    send(QEvent.Type.MouseMove, (35.270556, 51.191389))
    return plugin.measure.text()


def _route(plugin):
    """Route from Chongjin to the Kursk front, chosen from the dock's lists, with the network shown."""
    plugin.catalogue.load(["network"])
    plugin.dock.tabs.setCurrentWidget(plugin.dock.route_panel)
    plugin.route.choose(0, "chongjin-port")
    plugin.route.choose(-1, "kpa-contingent-kursk")
    plugin.route.pick()
    route = plugin.route.result
    return "{} | legs: {}".format(plugin.dock.route_panel.result.text(),
                                  [(leg.mode, round(leg.km)) for leg in route.legs] if route else None)


def _zoom_to(west, south, east, north):
    from qgis.core import (QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject,
                           QgsRectangle)
    canvas = qgis.utils.iface.mapCanvas()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       canvas.mapSettings().destinationCrs(), QgsProject.instance())
    canvas.setExtent(transform.transformBoundingBox(QgsRectangle(west, south, east, north)))
    canvas.refresh()
    canvas.waitWhileRendering()


qgis.utils.iface.mainWindow().resize(1600, 1000)
qgis.utils.iface.mainWindow().move(0, 0)
QTimer.singleShot(500, _finish)

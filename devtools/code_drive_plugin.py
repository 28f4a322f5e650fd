# Run inside QGIS desktop (qgis --code) by the end-to-end drive test: uses the
# installed plugin as an analyst would, through real widgets and mouse and key
# events, and records what each step showed. The test fails on any step that
# went wrong and on any Python error QGIS logged (devtools/startup_hook.py).
#
# Steps: the dock's "Load all"; Ctrl+K (QGIS's own locator widget, typed and
# Enter pressed); the geodesic measure tool clicked on the map; a route chosen
# in the dock; "Add sighting: click the map" (the point-pick tool and QGIS's
# form); the plugin's page of the Options dialog, applied; and every Processing
# algorithm of the provider run through QGIS's registry.
import json
import os
import traceback

import qgis.utils
from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QEvent, QEventLoop, QPoint, Qt, QTimer
from qgis.PyQt.QtGui import QKeyEvent, QMouseEvent
from qgis.PyQt.QtWidgets import QApplication, QDialog, QLineEdit, QWidget

PLUGIN = "kpa_tracker"
WORK = os.environ.get("KPA_DRIVE_DIR", "/tmp")
CHONGJIN = (129.8204, 41.7816)
SUDZHA = (35.270556, 51.191389)
TOKCHON = "Tokchon"


def _wait(ms):
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _canvas_click(lonlat, button=Qt.MouseButton.LeftButton):
    canvas = qgis.utils.iface.mapCanvas()
    transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                       canvas.mapSettings().destinationCrs(), QgsProject.instance())
    pixel = canvas.getCoordinateTransform().transform(transform.transform(QgsPointXY(*lonlat)))
    position = QPoint(int(pixel.x()), int(pixel.y()))
    for kind, buttons in ((QEvent.Type.MouseMove, Qt.MouseButton.NoButton),
                          (QEvent.Type.MouseButtonPress, button),
                          (QEvent.Type.MouseButtonRelease, Qt.MouseButton.NoButton)):
        pressed = button if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
        QApplication.sendEvent(canvas.viewport(), QMouseEvent(kind, position, pressed, buttons,
                                                              Qt.KeyboardModifier.NoModifier))
    QApplication.processEvents()


def _canvas_centre_lonlat():
    canvas = qgis.utils.iface.mapCanvas()
    transform = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(),
                                       QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
    centre = transform.transform(canvas.extent().center())
    return [round(centre.x(), 3), round(centre.y(), 3)]


def _load_all(plugin):
    plugin.dock.show()
    plugin.dock.show_page(plugin.dock.layers_page)
    plugin.dock.load_all_button.click()
    _wait(500)
    return sorted(layer.name() for layer in QgsProject.instance().mapLayers().values())


def _locator():
    """Type "kpa Tokchon" into QGIS's own locator widget and press Enter, as Ctrl+K does."""
    window = qgis.utils.iface.mainWindow()
    widget = next(w for w in window.findChildren(QWidget) if w.metaObject().className() == "QgsLocatorWidget")
    line = widget.findChild(QLineEdit)
    line.setFocus()
    line.setText("kpa " + TOKCHON)
    _wait(1500)  # the locator searches in a worker thread
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(line, QKeyEvent(kind, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier))
    _wait(300)
    return {"centre": _canvas_centre_lonlat()}


def _measure(plugin):
    plugin.dock.show_page(plugin.dock.measure_panel)
    plugin.measure_action.trigger()
    tool_active = qgis.utils.iface.mapCanvas().mapTool() is not None
    qgis.utils.iface.mapCanvas().setExtent(qgis.utils.iface.mapCanvas().fullExtent())
    qgis.utils.iface.mapCanvas().refresh()
    QApplication.processEvents()
    _canvas_click(CHONGJIN)
    _canvas_click(SUDZHA)
    _canvas_click(SUDZHA, Qt.MouseButton.RightButton)  # right-click finishes
    text = plugin.measure.text()
    plugin.measure_action.trigger()  # off again
    return {"tool_active": tool_active, "text": text}


def _route(plugin):
    plugin.dock.show_page(plugin.dock.route_panel)
    plugin.route.choose(0, "chongjin-port")
    plugin.route.choose(-1, "kpa-contingent-kursk")
    QApplication.processEvents()
    result = plugin.route.result
    return {"text": plugin.dock.route_panel.result.text(), "legs": len(result.legs) if result else 0,
            "km": round(result.total_km) if result else None}


def _sighting_by_click(plugin):
    plugin.dock.show_page(plugin.dock.sightings_panel)
    controller = plugin.sightings
    canvas = qgis.utils.iface.mapCanvas()
    from qgis.core import QgsRectangle
    to_map = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"),
                                    canvas.mapSettings().destinationCrs(), QgsProject.instance())
    canvas.setExtent(to_map.transformBoundingBox(QgsRectangle(SUDZHA[0] - 0.3, SUDZHA[1] - 0.2,
                                                              SUDZHA[0] + 0.3, SUDZHA[1] + 0.2)))
    canvas.refresh()
    QApplication.processEvents()
    controller.pick()
    tool = canvas.mapTool() is controller.tool
    _canvas_click(SUDZHA)
    _wait(300)
    dialog = controller.dialog
    outcome = {"tool_active": tool, "form_opened": dialog is not None,
               "message": controller.panel.message.text()}
    if dialog is not None:
        point = dialog.attributeForm().currentFormFeature().geometry().asPoint()
        outcome["point"] = [round(point.x(), 2), round(point.y(), 2)]
        outcome["place"] = dialog.attributeForm().currentFormFeature()["location_name"]
        dialog.reject()
        _wait(200)
    return outcome


def _options_page(plugin):
    seen = {}

    def use_page():
        from kpa_tracker.ui.dialogs.options_page import KpaOptionsPage

        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() \
                    and widget.metaObject().className() == "QgsOptions":
                page = widget.findChild(KpaOptionsPage)
                seen["page"] = page is not None
                if page is not None:
                    seen["local_checked"] = page.local.isChecked()
                    page.refresh_button.click()
                widget.accept()  # OK: the plugin's page applies its settings
                return
        QTimer.singleShot(200, use_page)

    QTimer.singleShot(500, use_page)
    qgis.utils.iface.showOptionsDialog(qgis.utils.iface.mainWindow(), "KpaOptionsPage")
    _wait(200)
    seen["store_after"] = type(plugin.sightings.store()).__name__
    return seen


def _processing():
    """Every algorithm of the provider, run through QGIS's Processing registry on the main thread."""
    csv = os.path.join(WORK, "sightings.csv")
    parameters = {
        "exportcurated": {"OUTPUT": os.path.join(WORK, "curated.gpkg")},
        "validatecurated": {},
        "route": {"START": "{},{} [EPSG:4326]".format(*CHONGJIN), "END": "{},{} [EPSG:4326]".format(*SUDZHA),
                  "OUTPUT": "TEMPORARY_OUTPUT"},
        "briefingmap": {"PRESET": 2, "PAGE": 0, "OUTPUT": os.path.join(WORK, "kursk.pdf")},
        "importsightings": {"INPUT": csv},
        "rangerings": {"CENTER": "{},{} [EPSG:4326]".format(*SUDZHA), "RADII": "10, 25, 40",
                       "OUTPUT": os.path.join(WORK, "rings.gpkg")},
        "exportsightings": {"OUTPUT": os.path.join(WORK, "sightings.geojson")},
    }
    provider = QgsApplication.processingRegistry().providerById(PLUGIN)
    ran = {}
    for algorithm in sorted(provider.algorithms(), key=lambda a: a.name()):
        name = algorithm.name()
        if name not in parameters:
            ran[name] = {"ok": False, "error": "no parameters in code_drive_plugin.py: add them"}
            continue
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = QgsProcessingFeedback()
        try:
            results, ok = algorithm.run(parameters[name], context, feedback)
            ran[name] = {"ok": bool(ok), "outputs": sorted(results or {})}
        except Exception:  # recorded for the test, which fails on it
            ran[name] = {"ok": False, "error": traceback.format_exc()}
    outputs = {name: os.path.exists(p["OUTPUT"]) for name, p in parameters.items()
               if p.get("OUTPUT", "").startswith(WORK)}
    return {"ran": ran, "files": outputs}


def _drive():
    result = {}
    try:
        plugin = qgis.utils.plugins[PLUGIN]
        result["layers"] = _load_all(plugin)
        result["locator"] = _locator()
        result["measure"] = _measure(plugin)
        result["route"] = _route(plugin)
        result["sighting_by_click"] = _sighting_by_click(plugin)
        result["options_page"] = _options_page(plugin)
        result["processing"] = _processing()
    except Exception:  # reported to the test, which fails on it
        result["exception"] = traceback.format_exc()
    with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    QApplication.instance().exit(0)


QTimer.singleShot(2500, _drive)

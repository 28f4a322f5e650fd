# Run inside QGIS desktop by the end-to-end package test (qgis --code).
# Checks that the installed plugin is wired into the real main window, then
# unloads and reloads it three times (as the Plugin Reloader does) and checks
# that each unload leaves nothing of the plugin behind.
import json
import os
import traceback

import qgis.utils
from qgis.core import QgsApplication
from qgis.gui import QgsDockWidget, QgsRubberBand
from qgis.PyQt.QtCore import QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QMenu, QToolBar

PLUGIN = "kpa_tracker"


def _flush():
    # deleteLater() runs on the next pass of the event loop.
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _plugin_menu_actions(window):
    found = []
    for menu in window.findChildren(QMenu):
        if menu.title().replace("&", "") == "KPA Deployment Tracker":
            found.extend(a.text() for a in menu.actions())
    return found


def _footprint():
    window = qgis.utils.iface.mainWindow()
    return {
        "dock": len([d for d in window.findChildren(QgsDockWidget) if d.objectName() == "KpaTrackerDock"]),
        "toolbar": len([t for t in window.findChildren(QToolBar) if t.objectName() == "KpaTrackerToolbar"]),
        "dock_action": len([a for a in window.findChildren(QAction) if a.objectName() == "KpaTrackerDockAction"]),
        "menu_actions": len(_plugin_menu_actions(window)),
        "provider": QgsApplication.processingRegistry().providerById(PLUGIN) is not None,
        "locator_filters": len([f for f in _locator_filters(window) if f.name() == PLUGIN]),
        "rubber_bands": len([i for i in qgis.utils.iface.mapCanvas().scene().items()
                             if isinstance(i, QgsRubberBand)]),
        "measure_action": len([a for a in window.findChildren(QAction)
                               if a.objectName() == "KpaTrackerMeasureAction"]),
    }


def _locator_filters(window):
    # The main window's QgsLocator comes back from findChildren as a bare QObject.
    from qgis.core import QgsLocator
    from qgis.PyQt import sip
    from qgis.PyQt.QtCore import QObject
    for candidate in window.findChildren(QObject):
        if candidate.metaObject().className() == "QgsLocator":
            return sip.cast(candidate, QgsLocator).filters()
    return []


def _check():
    result = {"loaded": PLUGIN in qgis.utils.active_plugins, "cycles": []}
    try:
        result["after_start"] = _footprint()
        window = qgis.utils.iface.mainWindow()
        action = [a for a in window.findChildren(QAction) if a.objectName() == "KpaTrackerDockAction"][0]
        dock = [d for d in window.findChildren(QgsDockWidget) if d.objectName() == "KpaTrackerDock"][0]
        result["dock_hidden_at_start"] = not dock.isVisible()
        action.trigger()
        _flush()
        result["dock_shown_by_action"] = dock.isVisible() and action.isChecked()
        dock.close()
        _flush()
        result["action_unchecked_by_close"] = not action.isChecked()
        for _ in range(3):
            cycle = {"unloaded": qgis.utils.unloadPlugin(PLUGIN)}
            _flush()
            cycle["after_unload"] = _footprint()
            cycle["loaded"] = qgis.utils.loadPlugin(PLUGIN) and qgis.utils.startPlugin(PLUGIN)
            _flush()
            cycle["after_load"] = _footprint()
            result["cycles"].append(cycle)
    except Exception:  # reported to the test, which fails on it
        result["exception"] = traceback.format_exc()
    with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    QApplication.instance().exit(0)


QTimer.singleShot(1500, _check)

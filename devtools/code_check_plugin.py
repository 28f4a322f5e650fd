# Run inside QGIS desktop by the end-to-end package test (qgis --code).
# QGIS starts with the installed plugin disabled. The script takes an inventory
# of the whole main window (every QAction, menu, dock, toolbar, Processing
# provider, locator filter, options page and rubber band), then loads and
# unloads the plugin three times as the Plugin Manager does, checking the
# plugin's wiring while it is loaded and taking the inventory after each unload:
# a symmetric unload gives back exactly the first inventory.
import json
import os
import traceback

import qgis.utils
from qgis.core import QgsApplication
from qgis.gui import QgsOptionsPageWidget, QgsRubberBand
from qgis.PyQt.QtCore import QEvent, QTimer
from qgis.PyQt.QtWidgets import QAction, QApplication, QDialog, QDockWidget, QMenu, QToolBar

PLUGIN = "kpa_tracker"


def _flush():
    # deleteLater() runs on the next pass of the event loop.
    for _ in range(3):
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QApplication.processEvents()


def _locator_filters(window):
    # The main window's QgsLocator comes back from findChildren as a bare QObject.
    from qgis.core import QgsLocator
    from qgis.PyQt import sip
    from qgis.PyQt.QtCore import QObject
    for candidate in window.findChildren(QObject):
        if candidate.metaObject().className() == "QgsLocator":
            return sip.cast(candidate, QgsLocator).filters()
    return []


def _options_pages():
    """The titles of the plugin pages in QGIS's Options dialog, read from the open dialog."""
    found = []

    def read_and_close():
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible() \
                    and widget.metaObject().className() == "QgsOptions":
                found.extend(sorted(page.metaObject().className() + ":" + page.objectName()
                                    for page in widget.findChildren(QgsOptionsPageWidget)))
                widget.reject()
                return
        QTimer.singleShot(200, read_and_close)

    QTimer.singleShot(300, read_and_close)
    qgis.utils.iface.showOptionsDialog(qgis.utils.iface.mainWindow())
    _flush()
    return found


def _names(objects):
    return sorted(o.objectName() or o.metaObject().className() for o in objects)


def _inventory():
    window = qgis.utils.iface.mainWindow()
    actions = window.findChildren(QAction)
    return {
        "qactions": len(actions),
        "menus": _names(window.findChildren(QMenu)),
        "plugins_menu": sorted(a.text() for a in qgis.utils.iface.pluginMenu().actions()),
        "docks": _names(window.findChildren(QDockWidget)),
        "toolbars": _names(window.findChildren(QToolBar)),
        "providers": sorted(p.id() for p in QgsApplication.processingRegistry().providers()),
        "locator_filters": sorted(f.name() for f in _locator_filters(window)),
        "options_pages": _options_pages(),
        "rubber_bands": len([i for i in qgis.utils.iface.mapCanvas().scene().items()
                             if isinstance(i, QgsRubberBand)]),
    }


def _wiring():
    """What the loaded plugin shows: a hidden dock whose button and close stay in sync."""
    window = qgis.utils.iface.mainWindow()
    action = [a for a in window.findChildren(QAction) if a.objectName() == "KpaTrackerDockAction"][0]
    dock = [d for d in window.findChildren(QDockWidget) if d.objectName() == "KpaTrackerDock"][0]
    wiring = {"dock_hidden_at_start": not dock.isVisible()}
    action.trigger()
    _flush()
    wiring["dock_shown_by_action"] = dock.isVisible() and action.isChecked()
    dock.close()
    _flush()
    wiring["action_unchecked_by_close"] = not action.isChecked()
    return wiring


def _check():
    result = {"cycles": []}
    try:
        result["loaded_at_start"] = PLUGIN in qgis.utils.active_plugins
        result["before"] = _inventory()
        for _ in range(3):
            cycle = {"loaded": bool(qgis.utils.loadPlugin(PLUGIN) and qgis.utils.startPlugin(PLUGIN))}
            _flush()
            cycle["after_load"] = _inventory()
            cycle["wiring"] = _wiring()
            cycle["unloaded"] = bool(qgis.utils.unloadPlugin(PLUGIN))
            _flush()
            cycle["after_unload"] = _inventory()
            result["cycles"].append(cycle)
    except Exception:  # reported to the test, which fails on it
        result["exception"] = traceback.format_exc()
    with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    QApplication.instance().exit(0)


QTimer.singleShot(1500, _check)

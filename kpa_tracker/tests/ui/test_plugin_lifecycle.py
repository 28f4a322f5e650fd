"""initGui/unload symmetry and the iface-less (qgis_process) start, in real QGIS objects."""

from qgis.core import QgsApplication
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QAction, QToolBar

import kpa_tracker
from kpa_tracker.plugin import DOCK_ACTION_NAME, TOOLBAR_NAME
from kpa_tracker.ui.dock import DOCK_OBJECT_NAME


def _footprint(window):
    return {
        "dock": [d for d in window.findChildren(QgsDockWidget) if d.objectName() == DOCK_OBJECT_NAME],
        "toolbar": [t for t in window.findChildren(QToolBar) if t.objectName() == TOOLBAR_NAME],
        "action": [a for a in window.findChildren(QAction) if a.objectName() == DOCK_ACTION_NAME],
        "provider": QgsApplication.processingRegistry().providerById("kpa_tracker"),
    }


def test_init_gui_wires_a_hidden_dock_synced_with_its_button(qgis_iface, flush):
    plugin = kpa_tracker.classFactory(qgis_iface)
    plugin.initGui()
    try:
        window = qgis_iface.mainWindow()
        window.show()
        found = _footprint(window)
        assert len(found["dock"]) == 1 and len(found["toolbar"]) == 1 and len(found["action"]) == 1
        assert found["provider"] is plugin.provider
        dock, action = found["dock"][0], found["action"][0]
        assert not dock.isVisible() and not action.isChecked()
        action.trigger()
        flush()
        assert dock.isUserVisible() and action.isChecked()
        dock.close()
        flush()
        assert not action.isChecked()
        assert action in found["toolbar"][0].actions()
    finally:
        plugin.unload()
        flush()


def test_load_unload_three_times_leaves_nothing_behind(qgis_iface, flush):
    window = qgis_iface.mainWindow()
    for _ in range(3):
        plugin = kpa_tracker.classFactory(qgis_iface)
        plugin.initGui()
        flush()
        assert all(_footprint(window).values())
        plugin.unload()
        flush()
        left = _footprint(window)
        assert left == {"dock": [], "toolbar": [], "action": [], "provider": None}, left
        assert len(plugin.connections) == 0


def test_without_iface_only_processing_is_set_up(flush):
    # qgis_process builds the plugin with iface None and calls initProcessing().
    plugin = kpa_tracker.classFactory(None)
    plugin.initProcessing()
    assert QgsApplication.processingRegistry().providerById("kpa_tracker") is plugin.provider
    plugin.unload()
    flush()
    assert QgsApplication.processingRegistry().providerById("kpa_tracker") is None

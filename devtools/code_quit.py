# Run inside QGIS desktop (qgis --code) by the quit test: loads a few GeoPackage layers (QGIS's own
# Natural Earth map, and the curated layers when the plugin is loaded), shows them, then ends QGIS's event
# loop, so QGIS tears down as it does when it quits. The exit status tells whether it dies on the way out.
# KPA_QUIT_WITHOUT_LAYERS=1: load nothing (a second control).
import json
import os

import qgis.utils
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication


def _load_and_quit():
    world = os.path.join(QgsApplication.pkgDataPath(), "resources", "data", "world_map.gpkg")
    loaded = []
    names = () if os.environ.get("KPA_QUIT_WITHOUT_LAYERS") else ("countries", "states_provinces")
    for name in names:
        layer = QgsVectorLayer("{}|layername={}".format(world, name), name, "ogr")
        if layer.isValid():
            QgsProject.instance().addMapLayer(layer)
            loaded.append(name)
    plugin = qgis.utils.plugins.get("kpa_tracker")
    if plugin is not None and names:
        outcome = plugin.catalogue.load(plugin.dock.default_layer_ids())
        loaded += [layer.name() for layer in outcome.loaded]
    qgis.utils.iface.mapCanvas().refreshAllLayers()
    with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
        json.dump({"loaded": loaded, "plugin": plugin is not None}, out)
    QTimer.singleShot(1500, lambda: QApplication.instance().exit(0))


QTimer.singleShot(2000, _load_and_quit)

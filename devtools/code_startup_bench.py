# Run inside QGIS desktop by bench/startup.py (qgis --code): note when QGIS is
# ready and, with the plugin enabled, time its initGui and unload in this session.
import json
import os
import time

import qgis.utils
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication

READY_AT = time.time()


def _measure():
    result = {"ready_at": READY_AT, "active": "kpa_tracker" in qgis.utils.active_plugins}
    if result["active"]:
        plugin = qgis.utils.plugins["kpa_tracker"]
        init_ms, unload_ms = [], []
        for _ in range(10):
            started = time.perf_counter()
            plugin.unload()
            unload_ms.append((time.perf_counter() - started) * 1000)
            QApplication.processEvents()
            started = time.perf_counter()
            plugin.initGui()
            init_ms.append((time.perf_counter() - started) * 1000)
            QApplication.processEvents()
        result["init_gui_ms"] = sorted(init_ms)[len(init_ms) // 2]
        result["unload_ms"] = sorted(unload_ms)[len(unload_ms) // 2]
    with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
        json.dump(result, out)
    QApplication.instance().exit(0)


QTimer.singleShot(0, _measure)

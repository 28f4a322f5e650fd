# Run inside QGIS desktop by `make run` (qgis --code): open the plugin's dock and,
# when asked to (no display), save a screenshot of the main window and quit.
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
    screenshot = os.environ.get("KPA_SCREENSHOT")

    def grab():
        if screenshot:
            QApplication.processEvents()
            result["screenshot"] = screenshot
            result["screenshot_saved"] = window.grab().save(screenshot)
        with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
            json.dump(result, out)
        if os.environ.get("KPA_QUIT") == "1":
            QApplication.instance().exit(0)

    QTimer.singleShot(int(os.environ.get("KPA_SETTLE_MS", "2500")), grab)


qgis.utils.iface.mainWindow().resize(1600, 1000)
qgis.utils.iface.mainWindow().move(0, 0)
QTimer.singleShot(500, _finish)

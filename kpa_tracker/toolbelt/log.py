"""Messages to the plugin's own tab of QGIS's Log Messages panel."""

from qgis.core import Qgis, QgsMessageLog

LOG_TAG = "KPA Tracker"


def info(message: str) -> None:
    QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Info)


def warning(message: str) -> None:
    QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Warning)


def critical(message: str) -> None:
    QgsMessageLog.logMessage(message, LOG_TAG, Qgis.MessageLevel.Critical)

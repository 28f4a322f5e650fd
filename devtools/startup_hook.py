# Run by QGIS through PYQGIS_STARTUP, before any plugin loads: records each Python
# error that QGIS logs (a plugin that fails to load or raises later) to a file.
import os

from qgis.core import Qgis, QgsApplication


def _record_python_error(message, tag, level):
    if tag == "Python error" or (tag == "KPA Tracker" and level == Qgis.MessageLevel.Critical):
        with open(os.environ["KPA_ERRORS_FILE"], "a", encoding="utf-8") as errors:
            errors.write("[{}] {}\n".format(tag, message))


QgsApplication.messageLog().messageReceived.connect(_record_python_error)

"""KPA Deployment Tracker: QGIS entry point.

QGIS calls classFactory() with the desktop interface, and qgis_process calls it
with iface None before calling initProcessing(); both must work.
"""


def classFactory(iface):  # noqa: N802 (the name QGIS looks for)
    from .plugin import KpaTrackerPlugin

    return KpaTrackerPlugin(iface)

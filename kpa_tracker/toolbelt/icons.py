"""Icon paths, straight from the plugin's files.

No compiled Qt resources: pyrcc5's output imports PyQt5, which on a machine with
both Qt5 and Qt6 would load Qt5 into a QGIS 4 (Qt6) process, and Qt6 has no pyrcc.
"""

from .workspace import plugin_dir


def icon_path(name: str) -> str:
    return str(plugin_dir() / "icons" / name)


def plugin_icon_path() -> str:
    return icon_path("kpa_tracker.svg")

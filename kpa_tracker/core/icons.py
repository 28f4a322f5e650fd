"""Icon paths: from the compiled Qt resources when present, else from the files.

The resources are compiled at packaging time (pyrcc5); on QGIS 4 (Qt6) there is
no pyrcc, and a source checkout has no compiled file, so the file path is the fallback.
"""

from qgis.PyQt.QtCore import QFile

from .workspace import plugin_dir

try:  # registers the ":/plugins/kpa_tracker" resources when compiled
    from .. import resources_rc  # noqa: F401
except ImportError:
    resources_rc = None


def icon_path(name: str) -> str:
    resource = ":/plugins/kpa_tracker/icons/" + name
    if QFile.exists(resource):
        return resource
    return str(plugin_dir() / "icons" / name)


def plugin_icon_path() -> str:
    return icon_path("kpa_tracker.svg")

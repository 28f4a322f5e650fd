"""The plugin's APP-6 symbol folder on QGIS's SVG search path.

Styles name symbols relatively ('kpa_app6/<sidc>.svg'), so a saved project
reopens with its symbols wherever the plugin is installed.
"""

from qgis.core import QgsSettings

from ..core.curated.data import LAYERS_DIR

SETTING = "svg/searchPathsForSVG"
SVG_DIR = str(LAYERS_DIR / "svg")


def _paths(settings):
    value = settings.value(SETTING, [])
    if isinstance(value, str):
        value = [value] if value else []
    return list(value or [])


def add_plugin_svg_path() -> bool:
    """Add our folder; returns True if it was not there before (so unload removes it)."""
    settings = QgsSettings()
    paths = _paths(settings)
    if SVG_DIR in paths:
        return False
    settings.setValue(SETTING, paths + [SVG_DIR])
    return True


def remove_plugin_svg_path() -> None:
    settings = QgsSettings()
    paths = _paths(settings)
    if SVG_DIR in paths:
        settings.setValue(SETTING, [p for p in paths if p != SVG_DIR])

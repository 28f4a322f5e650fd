"""Where the analyst's own data lives: never inside the plugin folder.

A plugin upgrade replaces the plugin folder (and on Windows an open file in it
blocks the upgrade), so user data sits in the QGIS profile instead.
"""

from pathlib import Path

from qgis.core import QgsApplication

WORKSPACE_DIRNAME = "kpa_tracker"
WORKSPACE_GPKG = "workspace.gpkg"


def workspace_dir(create: bool = True) -> Path:
    """The workspace folder in the active QGIS profile, created on first use."""
    folder = Path(QgsApplication.qgisSettingsDirPath()) / WORKSPACE_DIRNAME
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def workspace_gpkg_path(create_dir: bool = True) -> Path:
    """The analyst's workspace GeoPackage (it may not exist yet)."""
    return workspace_dir(create_dir) / WORKSPACE_GPKG


def plugin_dir() -> Path:
    return Path(__file__).resolve().parent.parent

from pathlib import Path

from qgis.core import QgsApplication

from kpa_tracker.toolbelt import settings
from kpa_tracker.toolbelt.workspace import plugin_dir, workspace_dir, workspace_gpkg_path


def test_workspace_lives_in_the_profile_not_the_plugin_folder():
    folder = workspace_dir()
    assert folder.is_dir()
    assert folder.parent == Path(QgsApplication.qgisSettingsDirPath()).resolve() or \
        folder.parent == Path(QgsApplication.qgisSettingsDirPath())
    assert plugin_dir() not in folder.resolve().parents
    assert workspace_gpkg_path().parent == folder


def test_settings_round_trip_under_the_plugin_prefix():
    settings.set_value("test/answer", 42)
    assert settings.value("test/answer", type_=int) == 42
    from qgis.core import QgsSettings
    assert QgsSettings().value("kpa_tracker/test/answer", type=int) == 42
    settings.remove("test/answer")
    assert settings.value("test/answer") is None

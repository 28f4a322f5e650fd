"""The plugin's settings, kept in QgsSettings under `kpa_tracker/`."""

from qgis.core import QgsSettings

PREFIX = "kpa_tracker/"


def value(key: str, default=None, type_=None):
    settings = QgsSettings()
    if type_ is None:
        return settings.value(PREFIX + key, default)
    return settings.value(PREFIX + key, default, type=type_)


def set_value(key: str, new_value) -> None:
    QgsSettings().setValue(PREFIX + key, new_value)


def remove(key: str) -> None:
    QgsSettings().remove(PREFIX + key)

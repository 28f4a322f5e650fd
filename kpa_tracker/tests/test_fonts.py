"""The label face the styles and the layout name is shipped and registers where it is missing."""

import re

from qgis.PyQt.QtGui import QFontDatabase

from kpa_tracker.core.curated.data import LAYERS_DIR
from kpa_tracker.toolbelt import fonts

LAYOUTS_DIR = LAYERS_DIR.parent / "layouts"


def _named_families():
    named = {}
    for path in sorted(LAYERS_DIR.glob("styles/*.qml")) + sorted(LAYOUTS_DIR.glob("*.qpt")):
        text = path.read_text(encoding="utf-8")
        for family in re.findall(r'fontFamily="([^"]+)"', text) + re.findall(r'<family name="([^"]+)"', text):
            named.setdefault(family, path.name)
    return named


def test_styles_and_layouts_name_only_the_shipped_family():
    named = _named_families()
    assert named, "no font named in the styles: the check would pass vacuously"
    assert set(named) == {fonts.FAMILY}, {family: where for family, where in named.items()
                                          if family != fonts.FAMILY}


def test_the_shipped_files_are_that_family_in_regular_and_bold():
    styles = []
    for path in sorted(fonts.FONT_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        assert font_id != -1, path
        try:
            assert QFontDatabase.applicationFontFamilies(font_id) == [fonts.FAMILY]
        finally:
            QFontDatabase.removeApplicationFont(font_id)
        styles.append(path.stem.split("-")[-1])
    assert styles == ["Bold", "Regular"]
    assert (fonts.FONT_DIR / "OFL.txt").read_text(encoding="utf-8").count("SIL OPEN FONT LICENSE") == 1


def test_registers_only_where_the_family_is_missing(monkeypatch):
    if fonts.FAMILY in fonts.installed_families():
        assert fonts.register_fonts() == []  # the system's own copy is used
    # As on a machine without it: a family name the system does not have.
    monkeypatch.setattr(fonts, "FAMILY", "KPA test family that is not installed")
    ids = fonts.register_fonts()
    try:
        assert len(ids) == 2
        assert {f for i in ids for f in QFontDatabase.applicationFontFamilies(i)} == {"Noto Sans"}
    finally:
        fonts.unregister_fonts(ids)
    assert all(QFontDatabase.applicationFontFamilies(i) == [] for i in ids)

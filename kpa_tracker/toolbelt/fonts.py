"""The label face of the curated styles and the briefing layout, shipped with the plugin.

The styles and the layout name Noto Sans. Where it is not installed (Windows and macOS do not
ship it), QGIS 3.28+ tries to download it when a style is read; offline that ends in a failure
message and labels in a fallback face whose widths the label placement was not tuned for.
Registering the plugin's copy for this session, before any style is read, avoids both.
"""

from pathlib import Path
from typing import List

from qgis.PyQt.QtGui import QFontDatabase

FONT_DIR = Path(__file__).resolve().parent.parent / "fonts"
FAMILY = "Noto Sans"


def installed_families() -> List[str]:
    try:
        return list(QFontDatabase.families())  # Qt 6: static
    except TypeError:
        return list(QFontDatabase().families())  # Qt 5: a method of an instance


def register_fonts() -> List[int]:
    """Add the shipped faces unless the system has the family; the ids are for unregister_fonts."""
    if FAMILY in installed_families():
        return []
    ids = []
    for path in sorted(FONT_DIR.glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id != -1:
            ids.append(font_id)
    return ids


def unregister_fonts(ids: List[int]) -> None:
    for font_id in ids:
        QFontDatabase.removeApplicationFont(font_id)

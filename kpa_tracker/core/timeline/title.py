"""The date the map is drawn for, written on the map by QGIS's own Title Label decoration.

Why the Title Label and not a canvas item of our own: the decoration is drawn by QGIS into every
export of the canvas (Project > Import/Export > Export Map to Image/PDF, "draw active decorations"),
which a canvas item is not; its text is a QGIS expression evaluated at each render from the map's own
@map_start_time and @map_end_time, so it follows QGIS's Temporal Controller however it is moved (our
tab, QGIS's own controller, an animation) with no code of ours on the way; and the analyst can restyle
or switch it off in View > Decorations as any decoration.

QGIS keeps the decoration's settings in the project (scope "TitleLabel") and reads them on its
projectRead() slot; there is no other API for it. So the title is switched on by writing those entries
and calling that slot. What the project held before is kept and put back when the title is hidden
(on unload), so an analyst's own title comes back as it was.
"""

from typing import Dict, Optional, Tuple

from qgis.core import QgsProject, QgsReadWriteContext, QgsTextFormat
from qgis.PyQt.QtCore import QMetaObject, QObject
from qgis.PyQt.QtGui import QColor, QFont
from qgis.PyQt.QtXml import QDomDocument

SCOPE = "TitleLabel"
DECORATION_CLASS = "QgsDecorationTitle"
KEYS = ("/Enabled", "/Label", "/Placement", "/MarginH", "/MarginV", "/MarginUnit", "/BackgroundColor", "/Font")
TOP_CENTER = 4  # QgsDecorationItem::Placement
END = "(@map_end_time - to_interval('1 second'))"  # a frame ends where the next begins
DATE_EXPRESSION = (
    "CASE WHEN @map_start_time IS NULL THEN '' "
    "WHEN to_date(@map_start_time) >= to_date({end}) THEN format_date(@map_start_time, 'd MMMM yyyy') "
    "ELSE format_date(@map_start_time, 'd MMM yyyy') || ' – ' || format_date({end}, 'd MMM yyyy') END"
).format(end=END)


def label_text(sentence: str) -> str:
    """The decoration's text: `sentence` (translated, with one {} for the date) around the map's date,
    nothing when the map is not drawn for a time."""
    quoted = "'{}'".format(sentence.replace("'", "''"))
    return "[% CASE WHEN @map_start_time IS NULL THEN '' ELSE replace({}, '{{}}', {}) END %]".format(
        quoted, DATE_EXPRESSION)


def _font_xml() -> str:
    text = QgsTextFormat()
    font = QFont()
    font.setBold(True)
    text.setFont(font)
    text.setSize(13)
    text.setColor(QColor(20, 20, 20))
    document = QDomDocument()
    document.appendChild(text.writeXml(document, QgsReadWriteContext()))
    return document.toString()


class DateTitle:
    """Shows and hides the date title on the canvas of QGIS's main window (`main_window` may be None:
    then only the project's entries are written, which QGIS reads when it opens the project)."""

    def __init__(self, main_window=None):
        self.main_window = main_window
        self._decoration = None
        self._saved: Optional[Dict[str, Tuple[bool, str]]] = None  # the project's entries before ours

    @property
    def shown(self) -> bool:
        return self._saved is not None

    def show(self, sentence: str) -> None:
        project = QgsProject.instance()
        if self._saved is None:
            self._saved = {key: _read(project, key) for key in KEYS}
        wanted = {"/Enabled": True, "/Label": label_text(sentence), "/Placement": TOP_CENTER,
                  "/MarginH": 0, "/MarginV": 1, "/MarginUnit": "MM", "/BackgroundColor": "255,255,255,190",
                  "/Font": _font_xml()}
        changed = False
        for key, value in wanted.items():
            present, text = _read(project, key)
            same = text in ("1", "true") if value is True else text == str(value)
            if not (present and same):
                project.writeEntry(SCOPE, key, value)
                changed = True
        if changed:  # (the decoration's update() redraws the canvas: not on every step of the slider)
            self._refresh()

    def hide(self) -> None:
        if self._saved is None:
            return
        project = QgsProject.instance()
        for key, (present, value) in self._saved.items():
            if present:
                project.writeEntry(SCOPE, key, value)
            else:
                project.removeEntry(SCOPE, key)
        self._saved = None
        self._refresh()

    def forget(self) -> None:
        """The project was closed: its entries went with it, nothing to put back."""
        self._saved = None

    def _refresh(self) -> None:
        decoration = self.decoration()
        if decoration is not None:
            QMetaObject.invokeMethod(decoration, "projectRead")
            QMetaObject.invokeMethod(decoration, "update")

    def decoration(self) -> Optional[QObject]:
        """QGIS's Title Label decoration (a child of the main window), None outside QGIS desktop."""
        if self._decoration is None and self.main_window is not None:
            self._decoration = next((child for child in self.main_window.findChildren(QObject)
                                     if child.metaObject().className() == DECORATION_CLASS), None)
        return self._decoration


def _read(project, key) -> Tuple[bool, str]:
    value, found = project.readEntry(SCOPE, key, "")
    return bool(found), value

"""Small fixes to how QGIS's attribute dialog shows a new sighting (widget-level, no storage)."""

import html

from qgis.core import QgsApplication
from qgis.gui import QgsFilterLineEdit
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QEvent, QObject, Qt, QTime
from qgis.PyQt.QtWidgets import QBoxLayout, QDateTimeEdit, QLabel, QLineEdit, QTableView

from ...core.sightings.form import SOURCE_KEY_COLUMNS
from ...toolbelt.i18n import tr


def blank_for_null(dialog) -> None:
    """Empty text fields of the form show nothing instead of QGIS's "NULL" (they still save as NULL)."""
    null_text = QgsApplication.nullRepresentation()
    for line_edit in dialog.findChildren(QgsFilterLineEdit):
        if line_edit.nullValue() == null_text:
            showing_null = line_edit.isNull()
            line_edit.setNullValue("")
            if showing_null:
                line_edit.clear()


def hide_source_keys(dialog, sources) -> None:
    """Hide the key columns in the relation editor's table, by their headers. (Its QgsDualView, given the
    layer's column settings, hides the right number of columns but keeps the old headers on 3.22.)"""
    if sources is None or sip.isdeleted(dialog):
        return
    fields = sources.fields()
    keys = {sources.attributeDisplayName(fields.indexOf(name)) for name in SOURCE_KEY_COLUMNS
            if fields.indexOf(name) >= 0}
    for view in dialog.findChildren(QTableView):
        model = view.model()
        if model is None or model.metaObject().className() != "QgsAttributeTableFilterModel":
            continue
        for column in range(model.columnCount()):
            if str(model.headerData(column, Qt.Orientation.Horizontal)) in keys:
                view.setColumnHidden(column, True)


_SEPARATORS = ("-", ":", " ", "/", ".", "T")


def _drop_unseen_seconds(editor) -> None:
    """An editor showing minutes only keeps no seconds the analyst cannot see (QGIS fills an empty one with
    the clock, seconds and milliseconds included: 08:00 typed would be stored as 08:00:52.501)."""
    if "s" in editor.displayFormat().replace("'UTC'", ""):
        return
    value = editor.dateTime()
    clock = value.time()
    if clock.second() or clock.msec():
        position = editor.currentSectionIndex()
        value.setTime(QTime(clock.hour(), clock.minute()))
        editor.setDateTime(value)
        editor.setCurrentSectionIndex(position)


class _TypedSections(QObject):
    """Lets a date-time editor take a typed value. Qt's QDateTimeEdit replaces a section's digits only while
    the section is selected; after a mouse click the cursor merely sits in it (or, once QGIS has filled an
    empty editor with the clock, in the ' UTC' after the minutes), a digit typed there makes the year five
    digits long or falls in the literal, and Qt refuses it: typing "2024" did nothing. Here the first digit
    typed into a section (after a click, or when Qt moved on to the next section) selects that section,
    the first one when the cursor is in a literal, so the digits replace it; Qt moves on to the next
    section when one is full; a "-", ":" or space typed right after that is taken as the separator it is,
    not as a second move (so "2024-12-20 08:00" reads as written)."""

    def __init__(self, parent):
        super().__init__(parent)
        self._typing = {}  # editor -> the section being typed into, since the last click

    def eventFilter(self, watched, event):  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.FocusIn):
            editor = watched if isinstance(watched, QDateTimeEdit) else watched.parent()
            self._typing.pop(editor, None)
        elif kind == QEvent.Type.KeyPress and isinstance(watched, QDateTimeEdit) and event.text().isdigit():
            _drop_unseen_seconds(watched)
            line_edit = watched.findChild(QLineEdit)
            section = watched.currentSection()
            if line_edit is not None and not line_edit.hasSelectedText() and self._typing.get(watched) != section:
                if section == QDateTimeEdit.Section.NoSection:
                    section = watched.sectionAt(0)
                watched.setSelectedSection(section)
            self._typing[watched] = section
        elif kind == QEvent.Type.KeyPress and isinstance(watched, QDateTimeEdit) and event.text() in _SEPARATORS:
            # Qt moved on by itself when the last section was full (and selected the next one): the
            # separator the analyst types after it must not skip that section as well.
            line_edit = watched.findChild(QLineEdit)
            if line_edit is not None and line_edit.hasSelectedText() and watched in self._typing \
                    and self._typing[watched] != watched.currentSection():
                return True
        return False


def typed_dates(dialog) -> int:
    """Every date-time editor of the form takes typed digits (see _TypedSections); returns how many."""
    typed = _TypedSections(dialog)  # lives as long as the form
    editors = dialog.findChildren(QDateTimeEdit)
    for editor in editors:
        editor.installEventFilter(typed)
        line_edit = editor.findChild(QLineEdit)
        if line_edit is not None:
            line_edit.installEventFilter(typed)  # its clicks start a new section
    return len(editors)


class FormStatus:
    """A line at the top of the sighting form (inside it, above its fields): why OK was refused, what still
    keeps the form from being saved (the validator's sentences, naming the fields) and warnings where the
    claim status disagrees with the grades and sources. Plain sentences, escaped: they quote what was typed."""

    def __init__(self, dialog):
        self.refusal = None
        self.label = QLabel(dialog)
        self.label.setObjectName("KpaSightingFormStatus")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setContentsMargins(6, 4, 6, 4)
        form = dialog.attributeForm()
        layout = form.layout()
        if isinstance(layout, QBoxLayout):  # QGIS's form: its message bar, then the fields
            layout.insertWidget(min(1, layout.count()), self.label)
        else:
            dialog.layout().addWidget(self.label)
        self.label.hide()

    def show(self, refusal, problems, warnings) -> str:
        """Show the three kinds of lines (any may be empty); returns the text shown, as plain text."""
        self.refusal = refusal or None
        if self.refusal:  # a reason already said in the refusal is not said twice
            problems = [p for p in problems if p not in self.refusal]
        lines, plain = [], []
        if self.refusal:
            text = tr("Not saved: {}").format(self.refusal)
            lines.append("<p style='color:#b71c1c'><b>{}</b></p>".format(html.escape(text)))
            plain.append(text)
        if problems:
            head = tr("Before it can be saved:")
            lines.append("<p style='color:#b71c1c'>{}</p><ul style='margin-top:0'>{}</ul>".format(
                html.escape(head), "".join("<li>{}</li>".format(html.escape(p)) for p in problems)))
            plain.append(head + " " + "; ".join(problems))
        if warnings:
            head = tr("Warning (it can still be saved):")
            lines.append("<p style='color:#8a5a00'>⚠ {}</p><ul style='margin-top:0'>{}</ul>".format(
                html.escape(head), "".join("<li>{}</li>".format(html.escape(w)) for w in warnings)))
            plain.append(head + " " + " ".join(warnings))
        self.label.setText("".join(lines))
        self.label.setVisible(bool(lines))
        colours = ("#fdecea", "#e57373") if (self.refusal or problems) else ("#fff4e0", "#f0b860")
        self.label.setStyleSheet("QLabel#KpaSightingFormStatus {{ background: {}; border: 1px solid {}; }}".format(
            *colours) if lines else "")
        return "\n".join(plain)

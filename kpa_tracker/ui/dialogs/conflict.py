"""Shown when the team database refused a save because someone else saved the same sightings first:
per sighting, each field as it was, as they saved it and as I have it, and a choice of whose to keep."""

import html

from qgis.PyQt.QtCore import QDateTime, Qt, QTimer
from qgis.PyQt.QtGui import QBrush, QColor
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QRadioButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.domain.fields import LABELS
from ...toolbelt.i18n import tr

CLASH_COLOUR = QColor("#ffe0e0")  # both changed the field, differently
THEIRS_COLOUR = QColor("#e8f0ff")  # only they changed it


def _text(value) -> str:
    if value is None or (hasattr(value, "isNull") and not isinstance(value, str) and _null(value)):
        return "—"
    if isinstance(value, QDateTime):
        return value.toString("yyyy-MM-dd HH:mm")
    return str(value)


def _null(value) -> bool:
    try:
        return bool(value.isNull())
    except TypeError:
        return False


class ConflictDialog(QDialog):
    KEEP_MINE, TAKE_THEIRS = "mine", "theirs"

    def __init__(self, conflicts, parent=None, edits_kept=True):
        super().__init__(parent)
        self.setObjectName("KpaConflictDialog")
        self.setWindowTitle(tr("Someone saved these sightings first"))
        self.conflicts = list(conflicts)
        self.groups = []
        self.tables = []
        layout = QVBoxLayout(self)
        if edits_kept:
            text = tr("The team database refused your save: another analyst saved a newer version of {} "
                      "sighting(s) you changed. Nothing of yours is lost; your edits are still in the layer. "
                      "Choose, for each, whose version to keep.").format(len(self.conflicts))
        else:
            text = tr("Your other edits were saved, but {} sighting(s) you changed had been deleted by someone "
                      "else meanwhile, so those changes could not be saved. Your values are below to copy if "
                      "you still need them.").format(len(self.conflicts))
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        body = QWidget(self)
        body_layout = QVBoxLayout(body)
        for conflict in self.conflicts:
            body_layout.addWidget(self._conflict_box(conflict, body))
        body_layout.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        buttons = QDialogButtonBox(self)
        if edits_kept:
            self.save_button = buttons.addButton(tr("Save with these choices"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
            buttons.addButton(tr("Not now (keep my edits unsaved)"), QDialogButtonBox.ButtonRole.RejectRole)
        else:
            self.save_button = buttons.addButton(tr("Close"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 520)

    def _conflict_box(self, conflict, parent):
        box = QGroupBox(tr("Sighting {}").format(conflict.sighting_id), parent)
        box_layout = QVBoxLayout(box)
        if conflict.deleted:
            what = tr("Deleted by someone else after you started editing: your change cannot be saved. Your "
                      "values are below to copy if you still need them.")
        else:
            what = tr("Saved by {} at {} (version {}); you edited version {}.").format(
                conflict.changed_by or tr("another analyst"), _text(conflict.changed_at), conflict.their_version,
                conflict.base_version)
        label = QLabel(what, box)
        label.setTextFormat(Qt.TextFormat.PlainText)  # names and values come from other people
        label.setWordWrap(True)
        box_layout.addWidget(label)
        rows = [(LABELS.get(f.name, f.name), f.base, f.theirs, f.mine, f.clash, f.they_changed)
                for f in conflict.fields]
        if conflict.geometry_mine or conflict.geometry_theirs:
            rows.append((tr("Position"), "", conflict.geometry_theirs or "", conflict.geometry_mine or "",
                         True, True))
        table = QTableWidget(len(rows), 4, box)
        table.setObjectName("KpaConflictTable")
        table.setHorizontalHeaderLabels([tr("Field"), tr("Before"), tr("Theirs (saved)"), tr("Mine")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        for row, (name, base, theirs, mine, clash, they_changed) in enumerate(rows):
            for column, value in enumerate((name, base, theirs, mine)):
                item = QTableWidgetItem(_text(value) if column else value)
                item.setToolTip("<p>{}</p>".format(html.escape(item.text())))  # never read as markup
                if clash or (they_changed and column == 2):
                    item.setBackground(QBrush(CLASH_COLOUR if clash else THEIRS_COLOUR))
                table.setItem(row, column, item)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.setWordWrap(True)  # descriptions are read whole, side by side
        lines = table.fontMetrics().lineSpacing()
        table.setMinimumHeight(min(360, 2 * lines + len(rows) * (3 * lines + 8)))
        self.tables.append(table)
        box_layout.addWidget(table)
        group = QButtonGroup(box)
        if not conflict.deleted:
            choices = QHBoxLayout()
            mine = QRadioButton(tr("Keep mine (my changed fields over their version)"), box)
            theirs = QRadioButton(tr("Take theirs (drop my change)"), box)
            mine.setChecked(True)
            for button, choice in ((mine, self.KEEP_MINE), (theirs, self.TAKE_THEIRS)):
                button.setProperty("choice", choice)
                group.addButton(button)
                choices.addWidget(button)
            box_layout.addLayout(choices)
        self.groups.append(group)
        return box

    def showEvent(self, event):  # noqa: N802 (Qt calls it by this name)
        super().showEvent(event)
        QTimer.singleShot(0, self._fit_rows)  # once the columns have their real width

    def _fit_rows(self):
        for table in self.tables:
            table.resizeRowsToContents()
            height = table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount()))
            table.setMinimumHeight(min(360, height + 4))

    def choose(self, index: int, choice: str) -> None:
        for button in self.groups[index].buttons():
            if button.property("choice") == choice:
                button.setChecked(True)

    def choices(self):
        """[(conflict, KEEP_MINE or TAKE_THEIRS or None for a deleted sighting)]"""
        result = []
        for conflict, group in zip(self.conflicts, self.groups):
            checked = group.checkedButton()
            result.append((conflict, checked.property("choice") if checked is not None else None))
        return result

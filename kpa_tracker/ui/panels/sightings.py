"""The dock's Sightings page: add a sighting (map click or typed coordinates), show the layer, list recent
sightings with filters and corroboration."""

import html
from typing import Optional, Sequence

from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.domain.grading import INFO_CREDIBILITY, SOURCE_RELIABILITY
from ...toolbelt.i18n import tr

ANY = ""
CORROBORATED_COLUMN = 4  # "Corroborated by": the count, and why in its tooltip


class SightingsPanel(QWidget):
    pickRequested = pyqtSignal()  # "Add sighting": click the map
    coordinatesEdited = pyqtSignal(str)  # typed coordinates, to be parsed and shown back
    addAtCoordinatesRequested = pyqtSignal(str)
    attachRequested = pyqtSignal()
    showRequested = pyqtSignal()
    refreshRequested = pyqtSignal()
    rowChosen = pyqtSignal(int)
    importRequested = pyqtSignal()  # "Import sightings…": the import dialog (wired by the plugin)
    exportRequested = pyqtSignal()  # "Export sightings…"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("KpaSightingsPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        self.store_label = QLabel(self)  # where sightings are kept: this computer or the team database
        self.store_label.setObjectName("KpaSightingsStore")
        self.store_label.setWordWrap(True)
        self.store_label.setTextFormat(Qt.TextFormat.PlainText)
        self.store_label.setToolTip(tr("Change it in Settings ▸ Options ▸ KPA Tracker"))
        layout.addWidget(self.store_label)
        layout.addWidget(self._add_box())
        self.show_button = QPushButton(tr("Show sightings on the map"), self)
        self.show_button.setToolTip(tr("Add your workspace's Sightings layer with its form, style and time settings"))
        self.show_button.clicked.connect(self.showRequested.emit)
        layout.addWidget(self.show_button)
        exchange = QHBoxLayout()
        self.import_button = QPushButton(tr("Import sightings…"), self)
        self.import_button.setObjectName("KpaImportSightingsButton")
        self.import_button.setToolTip(tr("CSV, TSV, Excel, GeoJSON, KML/KMZ or a GeoPackage layer; ACLED, "
                                         "GeoConfirmed and TimeMap exports read as they come"))
        self.import_button.clicked.connect(self.importRequested.emit)
        self.export_button = QPushButton(tr("Export sightings…"), self)
        self.export_button.setObjectName("KpaExportSightingsButton")
        self.export_button.setToolTip(tr("CSV, GeoJSON or KML, with every source"))
        self.export_button.clicked.connect(self.exportRequested.emit)
        exchange.addWidget(self.import_button)
        exchange.addWidget(self.export_button)
        layout.addLayout(exchange)

        form = QFormLayout()
        self.unit = QComboBox(self)
        self.unit.addItem(tr("All units"), ANY)
        self.start = QDateEdit(QDate(2024, 1, 1), self)
        self.end = QDateEdit(QDate.currentDate(), self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(tr("to"), self))
        dates.addWidget(self.end)
        self.grade = QComboBox(self)
        self.grade.addItem(tr("Any grade"), ANY)
        for letter, label in SOURCE_RELIABILITY[:-1]:
            for number, credibility in INFO_CREDIBILITY[:-1]:
                if number <= 3:
                    self.grade.addItem(tr("{}{} or better").format(letter, number), letter + str(number))
                    self.grade.setItemData(self.grade.count() - 1, "{}, {}".format(label, credibility.lower()),
                                           Qt.ItemDataRole.ToolTipRole)
        self.within_km = QDoubleSpinBox(self)
        self.within_km.setRange(0.1, 1000.0)
        self.within_km.setValue(10.0)
        self.within_km.setSuffix(tr(" km"))
        self.within_days = QDoubleSpinBox(self)
        self.within_days.setRange(0.0, 365.0)
        self.within_days.setValue(7.0)
        self.within_days.setSuffix(tr(" days"))
        corroboration = QHBoxLayout()
        corroboration.addWidget(self.within_km)
        corroboration.addWidget(self.within_days)
        for combo in (self.unit, self.grade):
            # Long unit names must not widen the dock.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
        form.addRow(tr("Unit"), self.unit)
        form.addRow(tr("Observed"), dates)
        form.addRow(tr("Grade"), self.grade)
        form.addRow(tr("Corroborated within"), corroboration)
        layout.addLayout(form)
        self.refresh_button = QPushButton(tr("List sightings"), self)
        self.refresh_button.clicked.connect(self.refreshRequested.emit)
        layout.addWidget(self.refresh_button)

        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("KpaSightingsTable")
        self.table.setHorizontalHeaderLabels([tr("Observed (UTC)"), tr("Unit"), tr("Grade"), tr("Place"),
                                              tr("Corroborated by")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.setWordWrap(False)
        self.table.currentCellChanged.connect(lambda row, _c, _pr, _pc: self.rowChosen.emit(row))
        layout.addWidget(self.table, 2)
        self.details = QTextBrowser(self)
        self.details.setObjectName("KpaSightingDetails")
        self.details.setOpenExternalLinks(True)
        layout.addWidget(self.details, 1)
        self.message = QLabel(self)
        self.message.setObjectName("KpaSightingsMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # messages quote what the analyst typed
        layout.addWidget(self.message)

    def _add_box(self):
        box = QGroupBox(tr("Add a sighting"), self)
        box_layout = QVBoxLayout(box)
        self.pick_button = QPushButton(tr("Add sighting: click the map"), box)
        self.pick_button.setObjectName("KpaAddSightingButton")
        self.pick_button.setToolTip(tr("Click where the unit was seen (snapping applies); the sighting form opens "
                                    "with the place, the analyst and the time filled in"))
        self.pick_button.clicked.connect(self.pickRequested.emit)
        box_layout.addWidget(self.pick_button)
        typed = QHBoxLayout()
        self.coordinates = QLineEdit(box)
        self.coordinates.setObjectName("KpaSightingCoordinates")
        self.coordinates.setPlaceholderText(tr("or type: 51.19, 35.27 · 51°11′29″N 35°16′14″E · 36UYA…"))
        self.coordinates.setToolTip(tr("Decimal degrees (latitude first unless N/S/E/W letters say otherwise), "
                                    "degrees-minutes-seconds or MGRS"))
        self.coordinates.setClearButtonEnabled(True)
        self.coordinates.textChanged.connect(self.coordinatesEdited.emit)
        self.coordinates.returnPressed.connect(self._add_at_coordinates)
        self.add_here_button = QPushButton(tr("Add here"), box)
        self.add_here_button.setEnabled(False)
        self.add_here_button.clicked.connect(self._add_at_coordinates)
        typed.addWidget(self.coordinates, 1)
        typed.addWidget(self.add_here_button)
        box_layout.addLayout(typed)
        self.attach_button = QPushButton(tr("Attach a file to the open form…"), box)
        self.attach_button.setObjectName("KpaAttachButton")
        self.attach_button.setToolTip(tr("Copies the file (a screenshot, a document) into your workspace and records "
                                      "its SHA-256, so it can later be shown to be untouched"))
        self.attach_button.setEnabled(False)
        self.attach_button.clicked.connect(self.attachRequested.emit)
        self.parsed = QLabel(box)
        self.parsed.setObjectName("KpaSightingParsed")
        self.parsed.setWordWrap(True)
        self.parsed.setTextFormat(Qt.TextFormat.PlainText)  # the analyst's text is shown back, never as HTML
        box_layout.addWidget(self.parsed)
        box_layout.addWidget(self.attach_button)
        return box

    def _add_at_coordinates(self):
        if self.add_here_button.isEnabled():
            self.addAtCoordinatesRequested.emit(self.coordinates.text())

    def show_parse(self, text: str, ok: bool):
        """What the typed coordinates mean (or why they do not parse), before anything is saved."""
        self.parsed.setText(text)
        self.parsed.setStyleSheet("" if ok or not text else "color: #b71c1c;")
        self.add_here_button.setEnabled(ok)

    def set_units(self, units):
        """units: [(id, name)]"""
        current = self.unit.currentData()
        self.unit.clear()
        self.unit.addItem(tr("All units"), ANY)
        for unit_id, name in units:
            self.unit.addItem(name, unit_id)
        self.unit.setCurrentIndex(max(0, self.unit.findData(current)))

    def show_rows(self, rows, corroboration_tips: Optional[Sequence[str]] = None):
        """rows: [(observed, unit, grade, place, corroborating count)]; corroboration_tips: per row, rich
        text (escaped by the caller) saying why the sighting counts as corroborated or not."""
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                item.setToolTip(html.escape(str(value)))  # long unit and place names in full, never as markup
                if column == CORROBORATED_COLUMN and corroboration_tips is not None and row < len(corroboration_tips):
                    item.setToolTip(corroboration_tips[row])
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in (1, 3):  # unit and place: long names are elided, not allowed to push the grade away
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 150))

"""Import sightings from a file: choose it and how it is read, see its first rows and what each column
becomes, set defaults for what the file lacks, name units, then a dry run and the import (both in a
background task, with progress and cancel).

The dialog builds an ImportSpec from its widgets and hands it to core/imports (preview_import, ImportTask);
it holds no import logic of its own. It is not modal: the dock opens it and the analyst may keep working.
Every text that comes from the file or from the engine (column names, values, reasons, errors) is shown as
plain text, never as markup.
"""

import html
from pathlib import Path

from qgis.core import QgsApplication
from qgis.gui import QgsFileWidget
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.imports import targets
from ...core.imports.pipeline import ADD_SOURCES, SKIP, ImportSpec, preview_import
from ...core.imports.task import ImportTask, start as start_task
from ...core.sightings.exchange import ExchangeError
from ...toolbelt.i18n import tr

PREVIEW_ROWS = 20
MISSING_COLOUR = QColor("#ffd8d8")  # a required field with neither a column nor a default
STATUS_ORDER = {"rejected": 0, "duplicate": 1, "merged": 2, "accepted": 3}
STATUS_COLOURS = {"rejected": QColor("#ffe0e0"), "duplicate": QColor("#fff3d6"), "merged": QColor("#e8f0ff")}
ENCODING_NAMES = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 + BOM", "utf-16": "UTF-16", "utf-16-le": "UTF-16",
                  "utf-16-be": "UTF-16", "cp1251": "Windows-1251", "cp949": "CP949", "latin-1": "Latin-1"}
# The report lists at most this many rows (the rejected first); the counts above it are complete.
REPORT_ROWS = 2000
FILE_FILTER_PARTS = (
    ("Files the import reads", "*.csv *.tsv *.txt *.xlsx *.geojson *.json *.kml *.kmz *.gpkg"),
    ("CSV or text (CSV, TSV, TXT)", "*.csv *.tsv *.txt"),
    ("Excel workbook", "*.xlsx"),
    ("GeoJSON or JSON", "*.geojson *.json"),
    ("KML or KMZ", "*.kml *.kmz"),
    ("GeoPackage", "*.gpkg"),
)


def _plain(value) -> str:
    if value is None:
        return ""
    return str(value)


def _tip(text: str) -> str:
    """A tooltip that shows the text as it is (Qt reads a tooltip that looks like HTML as HTML)."""
    return "<p>{}</p>".format(html.escape(text)) if text else ""


def _layouts():
    from ...core.imports import layouts  # late: the layouts read their tables on first use

    return layouts


def _alias_table():
    from ...core.imports.aliases import AliasTable

    return AliasTable


def curated_units():
    """[(unit id, name)] a name may be linked to: the curated units, then any the workspace adds."""
    from ...core.curated import data as curated
    from ...core.curated.store import known_unit_ids

    _catalogue, result = curated.load_cached()
    units = [(unit.id, unit.name) for unit in result.features.get("units", [])]
    named = {unit_id for unit_id, _name in units}
    try:
        extra = known_unit_ids() or set()
    except Exception:  # noqa: BLE001 (an unreadable workspace leaves the curated list)
        extra = set()
    units += [(unit_id, unit_id) for unit_id in sorted(extra - named)]
    return units


class ImportSightingsDialog(QDialog):
    """Import sightings from a file into `store()` (the store the settings choose, asked at each run)."""

    imported = pyqtSignal(object)  # the ImportReport of an import that wrote (the dock's list refreshes)
    taskEnded = pyqtSignal(object)  # the ImportReport (or None on an error) of every run, dry or not

    def __init__(self, store, parent=None):
        super().__init__(parent)
        self.setObjectName("KpaImportSightingsDialog")
        self.setWindowTitle(tr("Import sightings"))
        self.setSizeGripEnabled(True)
        self.store = store  # a callable: the store to write to
        self.preview = None  # the last ImportPreview
        self.report = None  # the last ImportReport
        self.task = None  # the running ImportTask
        self.error = None  # the last error sentence shown
        self._filling = False  # widgets being set from a preview: their signals do not re-preview
        self._mapping_edits = {}  # target -> column the analyst chose (NOT_MAPPED: "not in the file")
        self._default_edits = {}  # target -> default the analyst chose
        self._rejected_auto = ""  # the rejected-rows path the dialog proposed (replaced when the file changes)
        self._aliases = None  # the AliasTable shown on the Unit names tab
        self._units = None  # [(unit id, name)] for the unit combos, read once
        self._sized = False  # given its first size on the screen it is shown on

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        self.inputs = QWidget(self)  # everything the analyst sets: disabled while a task runs
        inputs_layout = QVBoxLayout(self.inputs)
        inputs_layout.setContentsMargins(0, 0, 0, 0)
        inputs_layout.addLayout(self._file_row())
        inputs_layout.addLayout(self._layout_row())
        layout.addWidget(self.inputs)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("KpaImportSplitter")
        self.side_tabs = QTabWidget(self.splitter)
        self.side_tabs.setObjectName("KpaImportSideTabs")
        self.side_tabs.addTab(self._mapping_page(), tr("Columns and defaults"))
        self.side_tabs.addTab(self._units_page(), tr("Unit names"))
        right = QSplitter(Qt.Orientation.Vertical, self.splitter)
        right.setObjectName("KpaImportRightSplitter")
        right.addWidget(self._preview_box())
        right.addWidget(self._report_box())
        right.setStretchFactor(0, 1)
        right.setStretchFactor(1, 1)
        right.setChildrenCollapsible(False)
        self.right_splitter = right
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setChildrenCollapsible(False)
        side = self.side_tabs.minimumSizeHint().width()
        self.splitter.setSizes([side, max(1180 - side, 400)])
        layout.addWidget(self.splitter, 1)

        self.options = QWidget(self)
        options_layout = QFormLayout(self.options)
        options_layout.setContentsMargins(0, 0, 0, 0)
        options_layout.addRow(tr("Duplicates"), self._duplicates_row())
        self.only_known_units = QCheckBox(tr("Only rows whose unit is known through the unit names (an ACLED export "
                                             "of a province holds many events without North Korean forces)"),
                                          self.options)
        self.only_known_units.setObjectName("KpaImportOnlyKnownUnits")
        options_layout.addRow(tr("Units"), self.only_known_units)
        self.rejected_file = QgsFileWidget(self.options)
        self.rejected_file.setObjectName("KpaImportRejectedFile")
        self.rejected_file.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.rejected_file.setFilter(tr("CSV") + " (*.csv)")
        self.rejected_file.setDialogTitle(tr("Write the rejected rows to"))
        self.rejected_file.setToolTip(tr("Each rejected or skipped row, as it is in the file, with the reason "
                                         "beside it (empty: not written)"))
        options_layout.addRow(tr("Rejected rows to"), self.rejected_file)
        layout.addWidget(self.options)

        layout.addLayout(self._button_row())

        self.resize(1180, 700)
        self._update_buttons()

    # --- building ---------------------------------------------------------------------------------------

    def _file_row(self):
        row = QHBoxLayout()
        self.file = QgsFileWidget(self)
        self.file.setObjectName("KpaImportFile")
        self.file.setStorageMode(QgsFileWidget.StorageMode.GetFile)
        self.file.setDialogTitle(tr("Import sightings from"))
        self.file.setFilter(";;".join("{} ({})".format(tr(text), pattern) for text, pattern in FILE_FILTER_PARTS))
        self.file.fileChanged.connect(self._file_changed)
        row.addWidget(QLabel(tr("File"), self))
        row.addWidget(self.file, 3)
        self.encoding = QComboBox(self)
        self.encoding.setObjectName("KpaImportEncoding")
        for text, code in ((tr("Detected"), None), ("UTF-8", "utf-8"), ("UTF-16", "utf-16"),
                           (tr("Windows-1251 (Russian)"), "cp1251"), (tr("CP949 (Korean)"), "cp949"),
                           ("Latin-1", "latin-1")):
            self.encoding.addItem(text, code)
        self.encoding.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.encoding.setToolTip(tr("How the text of a CSV or JSON file is encoded; detected: a byte-order mark, "
                                    "else UTF-8, else Russian or Korean Windows text"))
        self.encoding.currentIndexChanged.connect(lambda _i: self._reread())
        self.encoding_label = QLabel(tr("Encoding"), self)
        row.addWidget(self.encoding_label)
        row.addWidget(self.encoding)
        self.delimiter = QComboBox(self)
        self.delimiter.setObjectName("KpaImportDelimiter")
        for text, code in ((tr("Detected"), None), (tr("Comma"), ","), (tr("Semicolon"), ";"), (tr("Tab"), "\t"),
                           (tr("Pipe |"), "|")):
            self.delimiter.addItem(text, code)
        self.delimiter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.delimiter.currentIndexChanged.connect(lambda _i: self._reread())
        self.delimiter_label = QLabel(tr("Delimiter"), self)
        row.addWidget(self.delimiter_label)
        row.addWidget(self.delimiter)
        self.layer = QComboBox(self)
        self.layer.setObjectName("KpaImportLayer")
        self.layer.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layer.setMinimumContentsLength(12)
        self.layer.currentIndexChanged.connect(lambda _i: self._reread())
        self.layer_label = QLabel(tr("Layer or sheet"), self)
        row.addWidget(self.layer_label)
        row.addWidget(self.layer)
        self.layer_label.hide()
        self.layer.hide()
        return row

    def _layout_row(self):
        row = QHBoxLayout()
        self.layout_combo = QComboBox(self)
        self.layout_combo.setObjectName("KpaImportLayout")
        self.layout_combo.setToolTip(tr("Known layouts (the plugin's own export, ACLED, GeoConfirmed, TimeMap, a "
                                        "plain spreadsheet) are read without mapping by hand"))
        self.layout_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.layout_combo.setMinimumContentsLength(36)
        self.layout_combo.addItem(tr("Detected"), "auto")
        try:
            for key, known in _layouts().LAYOUTS.items():
                self.layout_combo.addItem(known.label, key)
        except ImportError:  # the layouts are not there: Detected only
            pass
        self.layout_combo.currentIndexChanged.connect(lambda _i: self._layout_changed())
        row.addWidget(QLabel(tr("Layout"), self))
        row.addWidget(self.layout_combo, 3)
        row.addSpacing(12)
        self.saved = QComboBox(self)
        self.saved.setObjectName("KpaImportSavedMappings")
        self.saved.setToolTip(tr("A mapping saved earlier: its layout, columns, defaults and how the file is read"))
        self.saved.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.saved.setMinimumContentsLength(12)
        self.saved.activated.connect(lambda _i: self._load_saved())
        row.addWidget(QLabel(tr("Saved mapping"), self))
        row.addWidget(self.saved, 1)
        self.save_button = QPushButton(tr("Save…"), self)
        self.save_button.setObjectName("KpaImportSaveMapping")
        self.save_button.setToolTip(tr("Keep this layout, mapping and these defaults under a name, to reuse"))
        self.save_button.clicked.connect(lambda: self.save_mapping_as())
        self.delete_button = QPushButton(tr("Delete"), self)
        self.delete_button.setObjectName("KpaImportDeleteMapping")
        self.delete_button.clicked.connect(lambda: self.delete_saved_mapping())
        row.addWidget(self.save_button)
        row.addWidget(self.delete_button)
        row.addSpacing(12)
        self.file_note = QLabel(self)
        self.file_note.setObjectName("KpaImportFileNote")
        self.file_note.setTextFormat(Qt.TextFormat.PlainText)
        # Never widens the dialog: a long file name is cut here and shown whole in the tooltip.
        self.file_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        row.addWidget(self.file_note, 3)
        self._fill_saved()
        return row

    def _mapping_page(self):
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(4, 4, 4, 4)
        self.targets = list(targets.MAPPABLE)
        self.mapping_table = QTableWidget(len(self.targets), 3, page)
        self.mapping_table.setObjectName("KpaImportMappingTable")
        self.mapping_table.setHorizontalHeaderLabels([tr("Field"), tr("Column in the file"),
                                                      tr("Default when empty")])
        self.mapping_table.verticalHeader().setVisible(False)
        self.mapping_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mapping_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.mapping_table.setWordWrap(False)
        self.column_combos = {}
        self.default_editors = {}
        for row, target in enumerate(self.targets):
            item = QTableWidgetItem(targets.label(target))
            item.setToolTip(_tip(target))
            self.mapping_table.setItem(row, 0, item)
            combo = QComboBox(self.mapping_table)
            combo.setObjectName("KpaImportColumn_" + target)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(10)
            combo.currentIndexChanged.connect(lambda _i, t=target: self._column_chosen(t))
            self.column_combos[target] = combo
            self.mapping_table.setCellWidget(row, 1, combo)
            if target in targets.DEFAULTABLE:
                editor = self._default_editor(target)
                self.default_editors[target] = editor
                self.mapping_table.setCellWidget(row, 2, editor)
            else:
                blank = QTableWidgetItem("")
                blank.setFlags(Qt.ItemFlag.NoItemFlags)
                self.mapping_table.setItem(row, 2, blank)
        header = self.mapping_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        metrics = self.mapping_table.fontMetrics()
        self.mapping_table.verticalHeader().setDefaultSectionSize(metrics.lineSpacing() + 12)
        # Wide enough for every field's name and two readable combos, so it never scrolls sideways.
        self.mapping_table.resizeColumnToContents(0)
        combo_width = metrics.averageCharWidth() * 21
        self.mapping_table.setMinimumWidth(self.mapping_table.columnWidth(0) + 2 * combo_width
                                           + self.mapping_table.verticalScrollBar().sizeHint().width()
                                           + 2 * self.mapping_table.frameWidth() + 4)
        page_layout.addWidget(self.mapping_table, 1)
        self.missing = QLabel(page)
        self.missing.setObjectName("KpaImportMissing")
        self.missing.setWordWrap(True)
        self.missing.setTextFormat(Qt.TextFormat.PlainText)
        # A tab page does not pass on a wrapped label's height for its width: room for two lines.
        self.missing.setMinimumHeight(2 * metrics.lineSpacing() + 4)
        self.missing.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        page_layout.addWidget(self.missing)
        self._fill_columns([])
        return page

    def _default_editor(self, target):
        choices = targets.choices(target)
        if choices:
            editor = QComboBox(self.mapping_table)
            editor.addItem(tr("— none —"), None)
            for code, text in choices:
                editor.addItem(text, code)
                editor.setItemData(editor.count() - 1, _tip(text), Qt.ItemDataRole.ToolTipRole)
            editor.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            editor.setMinimumContentsLength(12)
            editor.currentIndexChanged.connect(lambda _i, t=target: self._default_chosen(t))
        else:
            editor = QLineEdit(self.mapping_table)
            if target == "source_publisher":
                editor.setPlaceholderText(tr("from the source URL's address"))
            editor.textEdited.connect(lambda _text, t=target: self._default_chosen(t))
        editor.setObjectName("KpaImportDefault_" + target)
        editor.setToolTip(tr("Used for rows whose column is empty, or for every row when no column is chosen"))
        return editor

    def _units_page(self):
        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(4, 4, 4, 4)
        note = QLabel(tr("Names that sources and datasets give units, and the curated unit each stands for. A name "
                         "not in this table is kept as the unit as reported, linked to no curated unit."), page)
        note.setObjectName("KpaImportUnitsNote")
        note.setWordWrap(True)
        page_layout.addWidget(note)
        self.units_table = QTableWidget(0, 3, page)
        self.units_table.setObjectName("KpaImportUnitsTable")
        self.units_table.setHorizontalHeaderLabels([tr("Name as written"), tr("Curated unit"), tr("From")])
        self.units_table.verticalHeader().setVisible(False)
        self.units_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.units_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.units_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.units_table.itemChanged.connect(lambda _item: self._units_edited())
        page_layout.addWidget(self.units_table, 1)
        buttons = QHBoxLayout()
        self.add_alias_button = QPushButton(tr("Add a name"), page)
        self.add_alias_button.setObjectName("KpaImportAddAlias")
        self.add_alias_button.clicked.connect(lambda: self.add_alias())
        self.remove_alias_button = QPushButton(tr("Remove"), page)
        self.remove_alias_button.setObjectName("KpaImportRemoveAlias")
        self.remove_alias_button.setToolTip(tr("Remove the selected name of yours (shipped names stay)"))
        self.remove_alias_button.clicked.connect(lambda: self.remove_alias())
        self.save_aliases_button = QPushButton(tr("Save unit names"), page)
        self.save_aliases_button.setObjectName("KpaImportSaveAliases")
        self.save_aliases_button.setToolTip(tr("Keep your names in your QGIS profile; the import uses them"))
        self.save_aliases_button.clicked.connect(lambda: self.save_aliases())
        buttons.addWidget(self.add_alias_button)
        buttons.addWidget(self.remove_alias_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_aliases_button)
        page_layout.addLayout(buttons)
        self.units_message = QLabel(page)
        self.units_message.setObjectName("KpaImportUnitsMessage")
        self.units_message.setWordWrap(True)
        self.units_message.setTextFormat(Qt.TextFormat.PlainText)
        page_layout.addWidget(self.units_message)
        return page

    def _preview_box(self):
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(4, 0, 0, 0)
        self.preview_title = QLabel(tr("Preview: the file's first rows"), box)
        self.preview_title.setTextFormat(Qt.TextFormat.PlainText)
        box_layout.addWidget(self.preview_title)
        self.preview_table = QTableWidget(0, 0, box)
        self.preview_table.setObjectName("KpaImportPreviewTable")
        self.preview_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.preview_table.setWordWrap(False)
        self.preview_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.preview_table.horizontalHeader().setHighlightSections(False)
        self.preview_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        box_layout.addWidget(self.preview_table, 1)
        return box

    def _report_box(self):
        box = QWidget(self)
        box_layout = QVBoxLayout(box)
        box_layout.setContentsMargins(4, 0, 0, 0)
        self.report_counts = QLabel(tr("Run a dry run to see which rows would be imported and why others would "
                                       "not; it writes nothing."), box)
        self.report_counts.setObjectName("KpaImportReportCounts")
        self.report_counts.setWordWrap(True)
        self.report_counts.setTextFormat(Qt.TextFormat.PlainText)
        box_layout.addWidget(self.report_counts)
        self.report_table = QTableWidget(0, 3, box)
        self.report_table.setObjectName("KpaImportReportTable")
        self.report_table.setHorizontalHeaderLabels([tr("Row"), tr("Outcome"), tr("Reason")])
        self.report_table.verticalHeader().setVisible(False)
        self.report_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.report_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.report_table.setWordWrap(True)
        self.report_table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        header = self.report_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        box_layout.addWidget(self.report_table, 1)
        # Reasons wrap: the rows take their height again whenever the reason column changes width.
        self._rows_timer = QTimer(self)
        self._rows_timer.setSingleShot(True)
        self._rows_timer.setInterval(0)
        self._rows_timer.timeout.connect(self.report_table.resizeRowsToContents)
        header.sectionResized.connect(lambda *_args: self._rows_timer.start())
        return box

    def _duplicates_row(self):
        row = QWidget(self)
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(QLabel(tr("Same source, date and place within"), row))
        self.duplicate_km = QDoubleSpinBox(row)
        self.duplicate_km.setObjectName("KpaImportDuplicateKm")
        self.duplicate_km.setRange(0.0, 100.0)
        self.duplicate_km.setDecimals(1)
        self.duplicate_km.setSingleStep(0.5)
        self.duplicate_km.setValue(1.0)
        self.duplicate_km.setSuffix(tr(" km"))
        row_layout.addWidget(self.duplicate_km)
        row_layout.addWidget(QLabel(":", row))
        self.skip_duplicates = QRadioButton(tr("skip"), row)
        self.skip_duplicates.setObjectName("KpaImportSkipDuplicates")
        self.merge_duplicates = QRadioButton(tr("add the row's other sources to the sighting"), row)
        self.merge_duplicates.setObjectName("KpaImportMergeDuplicates")
        self.skip_duplicates.setChecked(True)
        self.duplicates_group = QButtonGroup(row)
        for button in (self.skip_duplicates, self.merge_duplicates):
            self.duplicates_group.addButton(button)
            row_layout.addWidget(button)
        row_layout.addStretch(1)
        return row

    def _button_row(self):
        row = QHBoxLayout()
        self.progress = QProgressBar(self)
        self.progress.setObjectName("KpaImportProgress")
        self.progress.setRange(0, 100)
        self.progress.hide()
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setObjectName("KpaImportCancel")
        self.cancel_button.setToolTip(tr("Stop the run; nothing is written"))
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.hide()
        self.progress.setFixedWidth(self.fontMetrics().averageCharWidth() * 24)
        row.addWidget(self.progress)
        row.addWidget(self.cancel_button)
        self.message = QLabel(self)
        self.message.setObjectName("KpaImportMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)  # file names and the engine's sentences
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.message.setMinimumHeight(2 * self.fontMetrics().lineSpacing())
        row.addWidget(self.message, 1)
        self.dry_run_button = QPushButton(tr("Dry run"), self)
        self.dry_run_button.setObjectName("KpaImportDryRun")
        self.dry_run_button.setToolTip(tr("Read every row and report what would be imported, rejected or skipped, "
                                          "writing nothing"))
        self.dry_run_button.clicked.connect(lambda: self.run(dry_run=True))
        self.import_button = QPushButton(tr("Import"), self)
        self.import_button.setObjectName("KpaImportRun")
        self.import_button.setToolTip(tr("Import the accepted rows in one transaction"))
        self.import_button.clicked.connect(lambda: self.run(dry_run=False))
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.setObjectName("KpaImportClose")
        self.close_button.clicked.connect(self.close)
        for button in (self.dry_run_button, self.import_button, self.close_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        return row

    # --- the file and how it is read -------------------------------------------------------------------

    def set_path(self, path) -> None:
        """Choose a file, as the file widget does (it re-previews)."""
        self.file.setFilePath(str(path))

    def path(self) -> str:
        return self.file.filePath().strip()

    def _file_changed(self, _path=None):
        if self._filling:
            return
        self._mapping_edits = {}
        self._filling = True
        try:  # a new file is read from scratch: detected encoding, delimiter, first layer, detected layout
            for combo in (self.encoding, self.delimiter, self.layout_combo):
                combo.setCurrentIndex(0)
            self.layer.clear()
        finally:
            self._filling = False
        path = self.path()
        proposed = ""
        source = Path(path)
        if path and source.name and source.suffix:
            proposed = str(source.with_name(source.stem + "-rejected.csv"))
        if not self.rejected_file.filePath() or self.rejected_file.filePath() == self._rejected_auto:
            self.rejected_file.setFilePath(proposed)
        self._rejected_auto = proposed
        self.refresh_preview()

    def _reread(self):
        if not self._filling:
            self.refresh_preview()

    def _layout_changed(self):
        if self._filling:
            return
        self._mapping_edits = {}  # the layout's own guesses
        self.refresh_preview()

    def spec(self, for_preview: bool = False) -> ImportSpec:
        """The ImportSpec the widgets say. For a preview, the mapping holds only the analyst's own choices (the
        layout guesses the rest); for a run, every target the table shows."""
        if for_preview:
            mapping = dict(self._mapping_edits)
        else:
            mapping = {target: combo.currentData() or targets.NOT_MAPPED
                       for target, combo in self.column_combos.items()}
        layer = self.layer.currentData() if self.layer.isVisible() or self.layer.count() else None
        rejected = self.rejected_file.filePath().strip()
        return ImportSpec(
            path=self.path(),
            layout=self.layout_combo.currentData() or "auto",
            mapping=mapping,
            defaults=self.defaults(),
            encoding=self.encoding.currentData(),
            delimiter=self.delimiter.currentData(),
            layer=layer,
            duplicates=ADD_SOURCES if self.merge_duplicates.isChecked() else SKIP,
            duplicate_km=self.duplicate_km.value(),
            rejected_path=rejected or None,
            only_known_units=self.only_known_units.isChecked(),
        )

    def defaults(self):
        """{target: value} of every default editor (None or "" where none is set)."""
        values = {}
        for target, editor in self.default_editors.items():
            if isinstance(editor, QComboBox):
                values[target] = editor.currentData()
            else:
                values[target] = editor.text().strip()
        return values

    def refresh_preview(self):
        """Read the file's first rows with the current settings; shows them, or the sentence that says why not."""
        if not self.path():
            self.preview = None
            self._show_error("")
            return None
        spec = self.spec(for_preview=True)
        # The analyst's own defaults over the layout's (which preview_import fills in for the others).
        spec.defaults = dict(self._default_edits)
        try:
            preview = preview_import(spec, PREVIEW_ROWS)
        except ExchangeError as exc:
            self.preview = None
            self._show_error(str(exc))
            return None
        self.preview = preview
        self.error = None
        self._fill_from_preview(preview)
        return preview

    def _show_error(self, text: str):
        self.error = text or None
        self.message.setText(text)
        self.preview_table.clear()
        self.preview_table.setRowCount(0)
        self.preview_table.setColumnCount(0)
        self.file_note.setText("")
        self._fill_columns([])
        self._update_missing()
        self._update_buttons()

    def _fill_from_preview(self, preview):
        table = preview.table
        self._filling = True
        try:
            detected = getattr(preview.layout, "label", "") or getattr(preview.layout, "key", "")
            self.layout_combo.setItemText(0, tr("Detected: {}").format(detected) if detected else tr("Detected"))
            self.encoding.setItemText(0, tr("Detected ({})").format(ENCODING_NAMES.get(
                str(table.encoding).lower(), table.encoding)) if table.encoding and
                                      self.encoding.currentIndex() == 0 else tr("Detected"))
            names = {",": tr("comma"), ";": tr("semicolon"), "\t": tr("tab"), "|": tr("pipe")}
            self.delimiter.setItemText(0, tr("Detected ({})").format(names.get(table.delimiter, table.delimiter))
                                       if table.delimiter and self.delimiter.currentIndex() == 0 else tr("Detected"))
            text_file = table.kind in ("CSV", "GeoJSON")
            for widget in (self.encoding, self.encoding_label):
                widget.setEnabled(text_file)
            for widget in (self.delimiter, self.delimiter_label):
                widget.setEnabled(table.kind == "CSV")
            layers = list(table.layers or [])
            if [self.layer.itemData(i) for i in range(self.layer.count())] != layers:
                self.layer.clear()
                for name in layers:
                    self.layer.addItem(name, name)
            if table.layer in layers:
                self.layer.setCurrentIndex(layers.index(table.layer))
            several = len(layers) > 1
            self.layer.setVisible(several)
            self.layer_label.setVisible(several)
            self._fill_columns(table.columns)
            for target, combo in self.column_combos.items():
                column = preview.mapping.get(target)
                index = combo.findData(column) if column else 0
                combo.setCurrentIndex(max(0, index))
            for target, editor in self.default_editors.items():
                self._set_default(editor, preview.defaults.get(target))
        finally:
            self._filling = False
        self.file_note.setText(self._describe_table(table))
        self.file_note.setToolTip(_tip(self.file_note.text()))
        self._fill_preview(preview)
        self._update_missing()
        self.message.setText("")
        self._update_buttons()

    def _describe_table(self, table) -> str:
        what = {"CSV": tr("text table"), "XLSX": tr("Excel workbook"), "GeoJSON": tr("GeoJSON"), "KML": tr("KML"),
                "GPKG": tr("GeoPackage")}.get(table.kind, table.kind)
        text = tr("{}: {}, {} columns.").format(Path(str(table.path)).name, what, len(table.columns))
        if table.layer:
            text += " " + tr("Layer or sheet: {}.").format(table.layer)
        return text

    def _fill_columns(self, columns):
        was = self._filling
        self._filling = True
        try:
            for combo in self.column_combos.values():
                combo.clear()
                combo.addItem(tr("— not in the file —"), targets.NOT_MAPPED)
                for column in columns:
                    combo.addItem(_plain(column), column)
                    combo.setItemData(combo.count() - 1, _tip(_plain(column)), Qt.ItemDataRole.ToolTipRole)
        finally:
            self._filling = was

    @staticmethod
    def _set_default(editor, value):
        if isinstance(editor, QComboBox):
            index = editor.findData(value) if value is not None and value != "" else 0
            if index < 0 and isinstance(value, str) and value.isdigit():
                index = editor.findData(int(value))
            editor.setCurrentIndex(max(0, index))
        else:
            editor.setText("" if value is None else str(value))

    def _fill_preview(self, preview):
        columns = list(preview.table.columns)
        rows = preview.rows
        table = self.preview_table
        table.clear()
        table.setColumnCount(len(columns))
        table.setRowCount(len(rows))
        table.setHorizontalHeaderLabels([_plain(c) for c in columns])
        table.setVerticalHeaderLabels([str(getattr(row, "number", i + 1)) for i, row in enumerate(rows)])
        for r, row in enumerate(rows):
            for c, column in enumerate(columns):
                text = _plain(row.values.get(column))
                item = QTableWidgetItem(text.replace("\n", " ⏎ "))
                item.setToolTip(_tip(text))
                table.setItem(r, c, item)
        self._update_headers()
        table.resizeColumnsToContents()
        width = table.fontMetrics().averageCharWidth() * 28
        for c in range(len(columns)):  # long texts (descriptions, URLs) elided; the tooltip has them whole
            table.setColumnWidth(c, min(table.columnWidth(c), width))
        self.preview_title.setText(tr("Preview: the first {} rows of the file").format(len(rows)))
        self._fit_preview()

    def _fit_preview(self):
        """The preview as tall as its rows (up to half the column), the report below it the rest."""
        total = sum(self.right_splitter.sizes())
        if total <= 0 or self.preview is None:
            return
        table = self.preview_table
        wanted = (self.preview_title.sizeHint().height() + table.horizontalHeader().sizeHint().height()
                  + table.verticalHeader().defaultSectionSize() * max(table.rowCount(), 3)
                  + table.horizontalScrollBar().sizeHint().height() + 2 * table.frameWidth() + 8)
        preview = min(wanted, total // 2)
        self.right_splitter.setSizes([preview, total - preview])

    def _update_headers(self):
        """Each preview column's header tooltip names the fields it fills; unused columns say so."""
        mapped = {}
        for target, combo in self.column_combos.items():
            column = combo.currentData()
            if column:
                mapped.setdefault(column, []).append(targets.label(target))
        bold = QFont(self.preview_table.font())
        bold.setBold(True)
        for c in range(self.preview_table.columnCount()):
            item = self.preview_table.horizontalHeaderItem(c)
            if item is None:
                continue
            column = self.preview.table.columns[c] if self.preview is not None else item.text()
            fields = mapped.get(column)
            tip = (tr("{} → {}").format(_plain(column), ", ".join(fields)) if fields
                   else tr("{}: not imported").format(_plain(column)))
            item.setToolTip(_tip(tip))
            item.setFont(bold if fields else self.preview_table.font())

    # --- the mapping and the defaults ----------------------------------------------------------------------

    def _column_chosen(self, target):
        if self._filling:
            return
        self._mapping_edits[target] = self.column_combos[target].currentData() or targets.NOT_MAPPED
        self._update_headers()
        self._update_missing()

    def _default_chosen(self, target):
        if self._filling:
            return
        editor = self.default_editors[target]
        self._default_edits[target] = editor.currentData() if isinstance(editor, QComboBox) else editor.text().strip()
        self._update_missing()

    def set_column(self, target, column) -> None:
        """Map `target` to the file's `column` (NOT_MAPPED: not in the file), as the column combo does."""
        combo = self.column_combos[target]
        combo.setCurrentIndex(max(0, combo.findData(column)))

    def set_default(self, target, value) -> None:
        editor = self.default_editors[target]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        else:
            editor.setText(str(value))
            self._default_chosen(target)

    def current_mapping(self):
        """{target: column} as the table shows it (mapped targets only)."""
        return {t: c.currentData() for t, c in self.column_combos.items() if c.currentData()}

    def missing_targets(self):
        """Required fields that have neither a column nor a default, as the table shows them."""
        mapping = self.current_mapping()
        defaults = self.defaults()
        missing = [t for t in targets.REQUIRED if t not in mapping and defaults.get(t) in (None, "")]
        kind = self.preview.table.kind if self.preview is not None else None
        if kind in ("CSV", "XLSX") and "wkt" not in mapping:
            missing += [t for t in ("longitude", "latitude") if t not in mapping]
        return missing

    def _update_missing(self):
        missing = set(self.missing_targets()) if self.preview is not None else set()
        for row, target in enumerate(self.targets):
            item = self.mapping_table.item(row, 0)
            required = target in targets.REQUIRED
            font = QFont(self.mapping_table.font())
            font.setBold(required)
            item.setFont(font)
            item.setBackground(QBrush(MISSING_COLOUR) if target in missing else QBrush())
            for column in (1, 2):
                widget = self.mapping_table.cellWidget(row, column)
                if widget is not None:
                    widget.setStyleSheet("background-color: {};".format(MISSING_COLOUR.name())
                                         if target in missing else "")
        if missing:
            names = [targets.label(t) for t in self.targets if t in missing]
            self.missing.setText(tr("Needed and not set (every row would be rejected): {}. Choose a column or a "
                                    "default.").format(", ".join(names)))
            self.missing.setStyleSheet("color: #b71c1c;")
        else:
            self.missing.setText(tr("Bold fields are required; each has a column or a default.")
                                 if self.preview is not None else "")
            self.missing.setStyleSheet("")

    # --- saved mappings --------------------------------------------------------------------------------------

    def _fill_saved(self, current=None):
        from ...core.imports.saved import saved_mappings

        self.saved.clear()
        self.saved.addItem(tr("— choose —"), None)
        for name in saved_mappings():
            self.saved.addItem(name, name)
        if current:
            self.saved.setCurrentIndex(max(0, self.saved.findData(current)))
        self.delete_button.setEnabled(self.saved.count() > 1)

    def _load_saved(self):
        name = self.saved.currentData()
        if name:
            self.load_saved_mapping(name)

    def load_saved_mapping(self, name) -> bool:
        """Apply a saved mapping (layout, columns, defaults, encoding, delimiter, duplicates) and re-preview."""
        from ...core.imports.saved import load_mapping

        try:
            spec = load_mapping(name, self.spec())
        except ExchangeError as exc:
            self.message.setText(str(exc))
            return False
        self._filling = True
        try:
            for combo, value in ((self.layout_combo, spec.layout or "auto"), (self.encoding, spec.encoding),
                                 (self.delimiter, spec.delimiter)):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            (self.merge_duplicates if spec.duplicates == ADD_SOURCES else self.skip_duplicates).setChecked(True)
            self.duplicate_km.setValue(float(spec.duplicate_km or 0))
            self.only_known_units.setChecked(bool(spec.only_known_units))
        finally:
            self._filling = False
        self._mapping_edits = dict(spec.mapping or {})
        self._default_edits = dict(spec.defaults or {})
        self.saved.setCurrentIndex(max(0, self.saved.findData(name)))
        if self.refresh_preview() is not None:
            self.message.setText(tr("Mapping '{}' applied.").format(name))
        return True

    def save_mapping_as(self, name=None):
        """Save the current settings under a name (asked for when not given). Returns the name, or None."""
        from ...core.imports.saved import save_mapping

        if name is None:
            name, ok = QInputDialog.getText(self, tr("Save the mapping"), tr("Name of the mapping"),
                                            QLineEdit.EchoMode.Normal, self.saved.currentData() or "")
            if not ok or not name.strip():
                return None
        try:
            save_mapping(name, self.spec())
        except (ExchangeError, OSError) as exc:
            self.message.setText(str(exc))
            return None
        self._fill_saved(name.strip())
        self.message.setText(tr("Mapping saved as '{}'.").format(name.strip()))
        return name.strip()

    def delete_saved_mapping(self, name=None):
        from ...core.imports.saved import delete_mapping

        name = name or self.saved.currentData()
        if not name:
            self.message.setText(tr("Choose the saved mapping to delete first."))
            return
        delete_mapping(name)
        self._fill_saved()
        self.message.setText(tr("Saved mapping '{}' deleted.").format(name))

    # --- unit names ------------------------------------------------------------------------------------------

    def _units_list(self):
        if self._units is None:
            self._units = curated_units()
        return self._units

    def _unit_combo(self, unit_id, editable):
        combo = QComboBox(self.units_table)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.addItem(tr("— choose a unit —"), None)
        for known_id, name in self._units_list():
            combo.addItem(name, known_id)
            combo.setItemData(combo.count() - 1, _tip(known_id), Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(unit_id) if unit_id else 0
        if index < 0:  # a unit no longer curated: kept as it is
            combo.addItem(_plain(unit_id), unit_id)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.setEnabled(editable)
        combo.currentIndexChanged.connect(lambda _i: self._units_edited())
        return combo

    def load_aliases(self):
        """Show the alias table (the shipped names and the analyst's own)."""
        try:
            self._aliases = _alias_table().load()
            entries = list(self._aliases.entries())
        except (ImportError, ExchangeError, OSError, ValueError) as exc:
            self.units_message.setText(tr("The unit names cannot be read: {}").format(exc))
            return
        self.units_table.blockSignals(True)
        try:
            self.units_table.setRowCount(0)
            for name, unit_id, origin in entries:
                self._add_alias_row(name, unit_id, origin)
        finally:
            self.units_table.blockSignals(False)
        # A damaged file of the analyst's is named, and the shipped names still work.
        self.units_message.setText(" ".join(getattr(self._aliases, "problems", []) or []))

    def _is_users(self, origin) -> bool:
        return str(origin).lower() not in ("shipped", "plugin", "builtin")

    def _add_alias_row(self, name, unit_id, origin):
        row = self.units_table.rowCount()
        self.units_table.insertRow(row)
        mine = self._is_users(origin)
        item = QTableWidgetItem(_plain(name))
        item.setToolTip(_tip(_plain(name)))
        item.setData(Qt.ItemDataRole.UserRole, "user" if mine else origin)
        if not mine:
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.units_table.setItem(row, 0, item)
        self.units_table.setCellWidget(row, 1, self._unit_combo(unit_id, mine))
        where = QTableWidgetItem(tr("yours") if mine else tr("shipped"))
        where.setFlags(where.flags() & ~Qt.ItemFlag.ItemIsEditable)
        self.units_table.setItem(row, 2, where)
        return row

    def add_alias(self, name="", unit_id=None):
        """A new row of the analyst's own; its name cell opens for typing."""
        self.units_table.blockSignals(True)
        try:
            row = self._add_alias_row(name, unit_id, "user")
        finally:
            self.units_table.blockSignals(False)
        self.units_table.setCurrentCell(row, 0)
        if not name:
            self.units_table.editItem(self.units_table.item(row, 0))
        self._units_edited()
        return row

    def remove_alias(self, row=None):
        row = self.units_table.currentRow() if row is None else row
        if row < 0 or row >= self.units_table.rowCount():
            return False
        if self.units_table.item(row, 0).data(Qt.ItemDataRole.UserRole) != "user":
            self.units_message.setText(tr("Shipped names stay; add a name of yours to link it differently."))
            return False
        self.units_table.removeRow(row)
        self._units_edited()
        return True

    def user_aliases(self):
        """[(name, unit id)] of the analyst's rows as the table shows them."""
        entries = []
        for row in range(self.units_table.rowCount()):
            item = self.units_table.item(row, 0)
            if item is None or item.data(Qt.ItemDataRole.UserRole) != "user":
                continue
            entries.append((item.text().strip(), self.units_table.cellWidget(row, 1).currentData()))
        return entries

    def _units_edited(self):
        self.units_message.setText(tr("Not saved yet: Save unit names keeps them."))

    def save_aliases(self) -> bool:
        entries = self.user_aliases()
        unnamed = [i + 1 for i, (name, unit) in enumerate(entries) if not name or not unit]
        if unnamed:
            self.units_message.setText(tr("Each of your rows needs a name and a unit (row {} of yours has not)")
                                       .format(unnamed[0]))
            return False
        try:
            if self._aliases is None:
                self._aliases = _alias_table().load()
            self._aliases.save_user(entries)
        except (ExchangeError, OSError, ValueError) as exc:
            self.units_message.setText(str(exc))
            return False
        self.units_message.setText(tr("{} name(s) of yours saved; the import uses them from now on.")
                                   .format(len(entries)))
        return True

    # --- running -------------------------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self.task is not None

    def run(self, dry_run: bool):
        """Start a dry run or the import in QGIS's task manager. Returns the task, or None."""
        if self.task is not None:
            return None
        if self.preview is None:
            self.message.setText(self.error or tr("Choose a file to import first."))
            return None
        spec = self.spec()
        try:
            store = self.store()
        except Exception as exc:  # noqa: BLE001 (a store that cannot be chosen is a sentence, not a trace)
            self.message.setText(str(exc))
            return None
        self.report = None
        self.task = ImportTask(spec, store, dry_run, self._task_done)
        self.task.progressChanged.connect(self._progress)
        self._set_running(True, dry_run)
        self.message.setText(tr("Dry run of {}: reading every row…").format(Path(spec.path).name) if dry_run
                             else tr("Importing {}…").format(Path(spec.path).name))
        start_task(self.task)
        return self.task

    def cancel(self):
        if self.task is not None:
            # Said first: a task that has not started yet ends inside cancel(), and says so itself.
            self.message.setText(tr("Cancelling; nothing will be written…"))
            self.cancel_button.setEnabled(False)
            self.task.cancel()

    def _progress(self, value):
        self.progress.setValue(int(value))

    def _set_running(self, running: bool, dry_run: bool = True):
        for widget in (self.inputs, self.side_tabs, self.options):
            widget.setEnabled(not running)
        self.progress.setVisible(running)
        self.progress.setValue(0)
        self.progress.setFormat(tr("Dry run %p%") if dry_run else tr("Importing %p%"))
        self.cancel_button.setVisible(running)
        self.cancel_button.setEnabled(running)
        self._update_buttons()

    def _update_buttons(self):
        ready = self.preview is not None and self.task is None
        self.dry_run_button.setEnabled(ready)
        self.import_button.setEnabled(ready)

    def _task_done(self, report, error):
        task, self.task = self.task, None
        self._set_running(False)
        self.report = report
        if report is None:
            self.message.setText(error or tr("The import failed; nothing was written."))
        elif report.canceled:
            self.message.setText(tr("Cancelled: nothing was written."))
            self.report_counts.setText(tr("Cancelled: nothing was written."))
        else:
            self._show_report(report)
            self.message.setText(self._outcome_text(report))
        if report is not None and not report.canceled and not report.dry_run:
            self.imported.emit(report)
        self.taskEnded.emit(report)
        if task is not None:
            try:
                task.progressChanged.disconnect(self._progress)
            except (TypeError, RuntimeError):
                pass

    def _outcome_text(self, report) -> str:
        rejected_where = report.rejected_path or ""
        if report.dry_run:
            if report.rejected and rejected_where:
                text = tr("Dry run: {} would be imported, {} rejected (listed in {}), {} duplicates skipped; nothing "
                          "was imported.").format(report.accepted, report.rejected, rejected_where, report.duplicates)
            else:
                text = tr("Dry run: {} would be imported, {} rejected, {} duplicates skipped; nothing was imported.") \
                    .format(report.accepted, report.rejected, report.duplicates)
            if report.merged:
                text += " " + tr("{} duplicates would give their other sources to sightings already kept.") \
                    .format(report.merged)
            return text
        if report.rejected and rejected_where:
            text = tr("Imported {} sightings; {} rejected (in {}); {} duplicates skipped").format(
                report.accepted, report.rejected, rejected_where, report.duplicates)
        else:
            text = tr("Imported {} sightings; {} rejected; {} duplicates skipped").format(
                report.accepted, report.rejected, report.duplicates)
        if report.merged:
            text += "; " + tr("{} added their other sources to sightings already kept").format(report.merged)
        return text + "."

    def _show_report(self, report):
        if report.dry_run:
            counts = tr("Dry run of {} rows: {} would be imported, {} rejected, {} duplicates skipped, {} added as "
                        "sources.").format(report.rows, report.accepted, report.rejected, report.duplicates,
                                           report.merged)
        else:
            counts = tr("Imported from {} rows: {} sightings, {} rejected, {} duplicates skipped, {} added as "
                        "sources.").format(report.rows, report.accepted, report.rejected, report.duplicates,
                                           report.merged)
        outcomes = sorted(report.outcomes, key=lambda o: (STATUS_ORDER.get(o.status, 9), o.number))
        if len(outcomes) > REPORT_ROWS:
            counts += " " + tr("The first {} rows are listed, rejected first.").format(REPORT_ROWS)
            outcomes = outcomes[:REPORT_ROWS]
        if report.rejected_path and (report.rejected or report.duplicates):
            counts += " " + tr("Rejected and skipped rows, with their reasons: {}").format(report.rejected_path)
        self.report_counts.setText(counts)
        names = {"accepted": tr("would be imported") if report.dry_run else tr("imported"),
                 "rejected": tr("rejected"), "duplicate": tr("duplicate, skipped"),
                 "merged": tr("sources added")}
        table = self.report_table
        table.setRowCount(len(outcomes))
        for r, outcome in enumerate(outcomes):
            reason = _plain(outcome.reason)
            if outcome.status == "accepted" and outcome.sighting_id and not reason and not report.dry_run:
                reason = tr("sighting {}").format(outcome.sighting_id)  # a dry run's ids are never kept
            cells = (str(outcome.number), names.get(outcome.status, outcome.status), reason)
            colour = STATUS_COLOURS.get(outcome.status)
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(_tip(text))
                item.setData(Qt.ItemDataRole.UserRole, outcome.status)
                if colour is not None:
                    item.setBackground(QBrush(colour))
                table.setItem(r, c, item)
        self._rows_timer.start()  # once the reason column has its width

    # --- the window ------------------------------------------------------------------------------------------

    def showEvent(self, event):  # noqa: N802 (Qt calls it by this name)
        super().showEvent(event)
        if self._aliases is None:
            self.load_aliases()
        QTimer.singleShot(0, self._fit)

    def _fit(self):
        from ..screen import fit_on_screen

        if not self._sized:  # first shown: as large as a laptop's screen allows, no larger than needed
            self._sized = True
            screen = self.screen().availableGeometry()
            # 860 px high shows every mapping row on a large screen; a laptop gets what it has.
            self.resize(min(1320, screen.width() - 40), min(860, screen.height() - 40))
        fit_on_screen(self)
        self._fit_splitter()
        self._fit_preview()

    def _fit_splitter(self):
        # The mapping side as wide as its three columns want, the preview and report the rest.
        total = sum(self.splitter.sizes())
        side = self.side_tabs.minimumSizeHint().width()
        if total > side:
            self.splitter.setSizes([side, total - side])

    def closeEvent(self, event):  # noqa: N802
        if self.task is not None:
            self.cancel()  # a closed dialog leaves nothing half done behind it
        super().closeEvent(event)

    def shutdown(self):
        """Cancel a running task and close (the plugin unloads)."""
        if self.task is not None:
            task, self.task = self.task, None
            task.on_done = None  # the dialog is going: nobody to tell
            task.cancel()
        self.close()


def running_tasks():
    """The import tasks QGIS's task manager has and that have not ended (for tests and unload)."""
    return [task for task in QgsApplication.taskManager().activeTasks() if isinstance(task, ImportTask)]


__all__ = ["ImportSightingsDialog", "curated_units", "running_tasks"]

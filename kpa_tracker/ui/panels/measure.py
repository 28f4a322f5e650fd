"""The dock's Measure page: mode, units, the live readout, copy and save; then copying a point,
geodesic range rings and the distance to the line of contact."""

from qgis.PyQt.QtCore import QDate, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.measure.measurement import AREA_UNITS, DISTANCE_UNITS
from ...maptools.measure_tool import AREA, DISTANCE, FEATURES
from ...toolbelt.i18n import tr

COPY_POINT, RINGS_CENTRE, FRONT_POINT = "copy", "rings", "front"  # what a click in point mode is for
DECIMAL, DMS, MGRS = "decimal", "dms", "mgrs"
DEFAULT_RADII = "10, 25, 40"
# The rows each mode shows: no "Total 0.000 km" under an area.
ROWS_OF_MODE = {
    DISTANCE: ("segment", "total", "initial_bearing", "final_bearing", "ellipsoid"),
    FEATURES: ("total", "initial_bearing", "final_bearing", "ellipsoid"),
    AREA: ("area", "perimeter", "ellipsoid"),
}


def _formats():
    return ((DECIMAL, tr("Decimal degrees")), (DMS, tr("Degrees, minutes, seconds")), (MGRS, tr("MGRS")))


def _modes():
    """(mode, title, tooltip), translated when the panel is built (after the plugin's translator is in)."""
    return ((DISTANCE, tr("Distance"), tr("Click points; the great-circle distance follows the cursor")),
            (AREA, tr("Area"), tr("Click the corners of a polygon")),
            (FEATURES, tr("Between features"),
             tr("Click two features: the shortest geodesic distance between them")))


class MeasurePanel(QWidget):
    modeRequested = pyqtSignal(str)
    unitsChanged = pyqtSignal()
    copyRequested = pyqtSignal()
    saveRequested = pyqtSignal(str)  # note
    pointModeRequested = pyqtSignal(str)  # COPY_POINT, RINGS_CENTRE or FRONT_POINT
    ringsRequested = pyqtSignal()
    ringsFromSelectionRequested = pyqtSignal()
    frontFromSelectionRequested = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("KpaMeasurePanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        modes = QHBoxLayout()
        self.mode_buttons = {}
        self.mode_group = QButtonGroup(self)
        for mode, title, tip in _modes():
            button = QToolButton(self)
            button.setText(title)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setObjectName("KpaMeasureMode_" + mode)
            button.clicked.connect(lambda _checked, m=mode: self.modeRequested.emit(m))
            self.mode_group.addButton(button)
            self.mode_buttons[mode] = button
            modes.addWidget(button)
        modes.addStretch(1)
        layout.addLayout(modes)

        units = QHBoxLayout()
        self.distance_unit = QComboBox(self)
        self.distance_unit.addItems(list(DISTANCE_UNITS))
        self.area_unit = QComboBox(self)
        self.area_unit.addItems(list(AREA_UNITS))
        units.addWidget(QLabel(tr("Units"), self))
        units.addWidget(self.distance_unit)
        units.addWidget(self.area_unit)
        units.addStretch(1)
        layout.addLayout(units)
        self.distance_unit.currentTextChanged.connect(lambda _text: self.unitsChanged.emit())
        self.area_unit.currentTextChanged.connect(lambda _text: self.unitsChanged.emit())

        form = QFormLayout()
        self.values = {}
        self.row_titles = {}
        for key, title in (("segment", tr("Segment")), ("total", tr("Total")),
                           ("initial_bearing", tr("Initial bearing of the path")),
                           ("final_bearing", tr("Final bearing of the last segment")),
                           ("area", tr("Area")), ("perimeter", tr("Perimeter")), ("ellipsoid", tr("Ellipsoid"))):
            label = QLabel("–", self)
            label.setObjectName("KpaMeasure_" + key)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * (1.25 if key in ("total", "area") else 1.0))
            font.setBold(key in ("total", "area"))
            label.setFont(font)
            self.values[key] = label
            self.row_titles[key] = QLabel(title, self)
            form.addRow(self.row_titles[key], label)
        layout.addLayout(form)

        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setText(tr("Click to add points · Backspace removes the last · Esc or right-click finishes"))
        layout.addWidget(self.hint)

        keep = QHBoxLayout()
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(tr("Note for the saved measurement"))
        self.copy_button = QPushButton(tr("Copy"), self)
        self.copy_button.clicked.connect(self.copyRequested.emit)
        self.save_button = QPushButton(tr("Save"), self)
        self.save_button.setToolTip(tr("Add to the Measurements layer in your workspace"))
        self.save_button.clicked.connect(lambda: self.saveRequested.emit(self.note.text()))
        keep.addWidget(self.note, 1)
        keep.addWidget(self.copy_button)
        keep.addWidget(self.save_button)
        layout.addLayout(keep)
        layout.addWidget(self._copy_point_box())
        layout.addWidget(self._rings_box())
        layout.addWidget(self._front_box())
        layout.addStretch(1)
        self.set_result_available(False)

    def _copy_point_box(self):
        box = QGroupBox(tr("Copy a point"), self)
        holder = QVBoxLayout(box)
        row = QHBoxLayout()
        self.point_format = QComboBox(box)
        self.point_format.setObjectName("KpaMeasurePointFormat")
        for key, title in _formats():
            self.point_format.addItem(title, key)
        self.copy_point_button = QPushButton(tr("Click a point…"), box)
        self.copy_point_button.setObjectName("KpaMeasureCopyPoint")
        self.copy_point_button.setToolTip(tr("Click the map: the point goes to the clipboard in the chosen format"))
        self.copy_point_button.clicked.connect(lambda: self.pointModeRequested.emit(COPY_POINT))
        row.addWidget(self.point_format, 1)
        row.addWidget(self.copy_point_button)
        self.copied = QLabel(box)
        self.copied.setObjectName("KpaMeasureCopied")
        self.copied.setWordWrap(True)
        self.copied.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        holder.addLayout(row)
        holder.addWidget(self.copied)
        return box

    def _rings_box(self):
        box = QGroupBox(tr("Range rings"), self)
        form = QFormLayout(box)
        self.centre = QLineEdit(box)
        self.centre.setObjectName("KpaRingsCentre")
        self.centre.setPlaceholderText(tr("lon,lat or a place, e.g. Sudzha"))
        centre_row = QHBoxLayout()
        centre_row.addWidget(self.centre, 1)
        self.centre_from_map = QToolButton(box)
        self.centre_from_map.setText(tr("Map"))
        self.centre_from_map.setToolTip(tr("Click the map for the centre; the rings follow at once"))
        self.centre_from_map.clicked.connect(lambda: self.pointModeRequested.emit(RINGS_CENTRE))
        self.rings_from_selection = QToolButton(box)
        self.rings_from_selection.setText(tr("Selected"))
        self.rings_from_selection.setToolTip(tr(
            "Around the selected feature of the active layer: rings around a point or a sighting, "
            "a geodesic buffer around a line or an area (the border, the line of contact)"))
        self.rings_from_selection.clicked.connect(self.ringsFromSelectionRequested.emit)
        centre_row.addWidget(self.centre_from_map)
        centre_row.addWidget(self.rings_from_selection)
        form.addRow(tr("Centre"), centre_row)
        self.radii = QLineEdit(DEFAULT_RADII, box)
        self.radii.setObjectName("KpaRingsRadii")
        self.radii.setToolTip(tr("Kilometres, separated by commas"))
        radii_row = QHBoxLayout()
        radii_row.addWidget(self.radii, 1)
        radii_row.addWidget(QLabel(tr("km"), box))
        self.add_rings_button = QPushButton(tr("Add rings"), box)
        self.add_rings_button.setObjectName("KpaRingsAdd")
        self.add_rings_button.setToolTip(tr("True geodesic circles, saved to the Range rings layer of your workspace"))
        self.add_rings_button.clicked.connect(self.ringsRequested.emit)
        self.centre.returnPressed.connect(self.ringsRequested.emit)
        self.radii.returnPressed.connect(self.ringsRequested.emit)
        radii_row.addWidget(self.add_rings_button)
        form.addRow(tr("Radii"), radii_row)
        self.rings_result = QLabel(box)
        self.rings_result.setObjectName("KpaRingsResult")
        self.rings_result.setWordWrap(True)
        form.addRow(self.rings_result)
        return box

    def _front_box(self):
        box = QGroupBox(tr("Distance to the line of contact"), self)
        form = QFormLayout(box)
        buttons = QHBoxLayout()
        self.front_from_map = QPushButton(tr("Click a point…"), box)
        self.front_from_map.setObjectName("KpaFrontPoint")
        self.front_from_map.clicked.connect(lambda: self.pointModeRequested.emit(FRONT_POINT))
        self.front_from_selection = QPushButton(tr("Selected sighting"), box)
        self.front_from_selection.setObjectName("KpaFrontSelected")
        self.front_from_selection.setToolTip(tr(
            "The selected point of the active layer; a sighting is measured on its observed date"))
        self.front_from_selection.clicked.connect(self.frontFromSelectionRequested.emit)
        buttons.addWidget(self.front_from_map)
        buttons.addWidget(self.front_from_selection)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.front_date = QDateEdit(QDate(2024, 12, 20), box)
        self.front_date.setObjectName("KpaFrontDate")
        self.front_date.setCalendarPopup(True)
        self.front_date.setDisplayFormat("yyyy-MM-dd")
        self.front_date.setToolTip(tr("Used when the map shows no date and the point is not a sighting"))
        form.addRow(tr("Date"), self.front_date)
        self.front_result = QLabel(box)
        self.front_result.setObjectName("KpaFrontResult")
        self.front_result.setWordWrap(True)
        self.front_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.front_result)
        return box

    def point_format_key(self) -> str:
        return self.point_format.currentData()

    def set_mode(self, mode: str) -> None:
        if mode in self.mode_buttons:
            self.mode_buttons[mode].setChecked(True)
        else:  # a point mode: none of the measuring modes is on
            self.mode_group.setExclusive(False)
            for button in self.mode_buttons.values():
                button.setChecked(False)
            self.mode_group.setExclusive(True)
        rows = ROWS_OF_MODE.get(mode, ROWS_OF_MODE[DISTANCE])
        for key, label in self.values.items():
            label.setVisible(key in rows)
            self.row_titles[key].setVisible(key in rows)

    def set_result_available(self, available: bool) -> None:
        self.save_button.setEnabled(available)

    def show_values(self, values: dict) -> None:
        for key, label in self.values.items():
            label.setText(values.get(key, "–"))

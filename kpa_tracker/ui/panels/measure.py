"""The dock's Measure page: mode, units, the live readout, copy and save."""

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
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
        for key, title in (("segment", tr("Segment")), ("total", tr("Total")), ("bearing", tr("Bearing")),
                           ("area", tr("Area")), ("perimeter", tr("Perimeter")), ("ellipsoid", tr("Ellipsoid"))):
            label = QLabel("–", self)
            label.setObjectName("KpaMeasure_" + key)
            font = label.font()
            font.setPointSizeF(font.pointSizeF() * (1.25 if key in ("total", "area") else 1.0))
            font.setBold(key in ("total", "area"))
            label.setFont(font)
            self.values[key] = label
            form.addRow(title, label)
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
        layout.addStretch(1)
        self.set_result_available(False)

    def set_mode(self, mode: str) -> None:
        self.mode_buttons[mode].setChecked(True)

    def set_result_available(self, available: bool) -> None:
        self.save_button.setEnabled(available)

    def show_values(self, values: dict) -> None:
        for key, label in self.values.items():
            label.setText(values.get(key, "–"))

"""The dock's Route page: stops, modes, the result and its legs with dwell times, speeds and the network.

The speeds, dwell times, snap tolerance and modes to use are remembered in the plugin's settings
(kpa_tracker/route/...), so the next QGIS session starts with the analyst's own assumptions.
"""

from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsCollapsibleGroupBox, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.routing.network import (
    DEFAULT_DWELL_HOURS,
    DEFAULT_EXCLUDED_MODES,
    DEFAULT_SNAP_TOLERANCE_KM,
    DEFAULT_SPEEDS_KMH,
    MODES,
    SNAP_FIELD,
)
from ...toolbelt import settings
from ...toolbelt.i18n import tr

SETTINGS_GROUP = "route/"


def assumption() -> str:
    return tr("Planning assumptions, not sourced figures: set your own.")


def mode_title(mode: str) -> str:
    return {"rail": tr("rail"), "sea": tr("sea"), "road": tr("road"), "air": tr("air")}.get(mode, mode)


def dwell_titles():
    """(key, label, tooltip) of every dwell time the dock offers, in the order shown."""
    return [("loading", tr("Loading"), tr("Loading at the start: entraining or embarking before the first leg")),
            ("unloading", tr("Unloading"), tr("Unloading at the end, after the last leg")),
            ("rail/sea", tr("Rail ↔ sea"), tr("At a port, from train to ship or from ship to train")),
            ("rail/road", tr("Rail ↔ road"), tr("At a railhead, from train to vehicles or back")),
            ("air/rail", tr("Air ↔ rail"), tr("At an airfield, from train to aircraft or back")),
            ("other", tr("Other"), tr("Any other change of mode (sea ↔ road, air ↔ road, ...)"))]


class RoutePanel(QWidget):
    shown = pyqtSignal()
    pickRequested = pyqtSignal()
    startChosen = pyqtSignal(str)  # place id
    endChosen = pyqtSignal(str)
    routeRequested = pyqtSignal()
    clearRequested = pyqtSignal()
    saveRequested = pyqtSignal()
    settingsChanged = pyqtSignal()  # a speed, dwell time, snap tolerance or mode changed

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("KpaRoutePanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

        form = QFormLayout()
        self.start = QComboBox(self)
        self.end = QComboBox(self)
        for combo, signal in ((self.start, self.startChosen), (self.end, self.endChosen)):
            combo.activated.connect(lambda index, c=combo, s=signal: s.emit(c.itemData(index) or ""))
        for combo in (self.start, self.end):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(18)
            combo.addItem(tr("(click on the map)"), "")
        form.addRow(tr("From"), self.start)
        form.addRow(tr("To"), self.end)
        self.optimize = QComboBox(self)
        self.optimize.addItem(tr("Shortest distance"), "distance")
        self.optimize.addItem(tr("Quickest (time)"), "time")
        form.addRow(tr("Optimise"), self.optimize)
        modes = QHBoxLayout()
        modes.setSpacing(8)
        self.modes = {}
        for mode in MODES:
            box = QCheckBox(mode_title(mode), self)
            box.setToolTip(tr("Modes to use: untick one to keep the route off its edges"))
            box.setChecked(self._remembered("modes/" + mode, mode not in DEFAULT_EXCLUDED_MODES, bool))
            box.toggled.connect(lambda on, mode=mode: self._remember("modes/" + mode, on))
            self.modes[mode] = box
            modes.addWidget(box)
        modes.addStretch(1)
        self.modes["air"].setToolTip(tr("Off by default: the reporting has the troops moved by sea and rail; "
                                        "tick it to let the route fly where the network has air legs"))
        form.addRow(tr("Modes"), modes)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.pick_button = QPushButton(tr("Pick on map"), self)
        self.pick_button.setToolTip(tr("Click to add stops (1 = start, last = end); drag a stop to move it, "
                                       "right-click it to remove it"))
        self.pick_button.clicked.connect(self.pickRequested.emit)
        self.route_button = QPushButton(tr("Route"), self)
        self.route_button.clicked.connect(self.routeRequested.emit)
        self.clear_button = QPushButton(tr("Clear"), self)
        self.clear_button.clicked.connect(self.clearRequested.emit)
        for button in (self.pick_button, self.route_button, self.clear_button):
            buttons.addWidget(button)
        layout.addLayout(buttons)

        self.result = QLabel("–", self)
        self.result.setObjectName("KpaRouteResult")
        self.result.setWordWrap(True)
        font = self.result.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.result.setFont(font)
        layout.addWidget(self.result)
        self.legs = QTableWidget(0, 4, self)
        self.legs.setObjectName("KpaRouteLegs")
        self.legs.setHorizontalHeaderLabels([tr("Mode"), tr("km"), tr("hours"), tr("Leg")])
        self.legs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.legs.verticalHeader().setVisible(False)
        self.legs.setWordWrap(True)
        self.legs.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.legs.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)  # the leg wraps in what is left
        # Row heights follow the Leg column's width once the header has settled (not in the middle of it).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_rows)
        header.sectionResized.connect(lambda *_args: self._refit.start())
        layout.addWidget(self.legs, 1)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        save = QHBoxLayout()
        self.destination = QComboBox(self)
        self.destination.addItem(tr("Routes layer (workspace)"), "workspace")
        self.destination.addItem(tr("Temporary layer"), "memory")
        self.save_button = QPushButton(tr("Save route"), self)
        self.save_button.clicked.connect(self.saveRequested.emit)
        self.save_button.setEnabled(False)
        save.addWidget(self.destination, 1)
        save.addWidget(self.save_button)
        layout.addLayout(save)

        times = QgsCollapsibleGroupBox(tr("Speeds, dwell times, snap tolerance"), self)
        times.setObjectName("KpaRouteTimes")
        times.setToolTip(" ".join((tr("Days = (moving hours + dwell hours) / 24."), assumption(),
                                   tr("The air speed is the Il-76's published cruise, 800 km/h."))))
        grid = QGridLayout(times)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        heading = self._heading(times, tr("Speeds, km/h"))
        grid.addWidget(heading, 0, 0, 1, 4)
        self.speeds = {}
        for index, mode in enumerate(MODES):
            box = self._spin(times, 1.0, 2000.0, "speed/" + mode, DEFAULT_SPEEDS_KMH[mode], 0)
            box.setToolTip(" ".join((tr("Average speed on {} edges, km/h.").format(mode_title(mode)), (
                tr("The Il-76 cruises at about 800 km/h (published figure).") if mode == "air" else assumption()))))
            self.speeds[mode] = box
            self._place(grid, 2 + index, mode_title(mode).capitalize(), box)
        grid.addWidget(self._heading(times, tr("Dwell, hours")), 3, 0, 1, 4)
        self.dwell = {}
        for index, (key, title, tip) in enumerate(dwell_titles()):
            box = self._spin(times, 0.0, 720.0, "dwell/" + key, DEFAULT_DWELL_HOURS[key], 1)
            box.setToolTip(" ".join((tip + ".", assumption())))
            self.dwell[key] = box
            self._place(grid, 8 + index, title, box)
        self.snap_tolerance = self._spin(times, 0.0, 1000.0, "snap_km", DEFAULT_SNAP_TOLERANCE_KM, 1)
        self.snap_tolerance.setObjectName("KpaRouteSnapTolerance")
        self.snap_tolerance.setToolTip(tr("A stop farther than this from the nearest node of the network is "
                                          "refused (Processing: SNAP_TOLERANCE)"))
        snap_label = QLabel(tr(SNAP_FIELD), times)
        snap_label.setToolTip(self.snap_tolerance.toolTip())
        grid.addWidget(snap_label, 7, 0, 1, 3)
        grid.addWidget(self.snap_tolerance, 7, 3)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(2, 1)
        layout.addWidget(times)

        network = QgsCollapsibleGroupBox(tr("Network"), self)
        network.setObjectName("KpaRouteNetwork")
        network_form = QFormLayout(network)
        self.network = QgsMapLayerComboBox(network)
        self.network.setFilters(QgsMapLayerProxyModel.LineLayer)
        self.network.setAllowEmptyLayer(True)
        self.network.setToolTip(tr("Any line layer (an OSM extract, say); empty: the curated network"))
        self.network.setLayer(None)
        self.length_field = QgsFieldComboBox(network)
        self.length_field.setAllowEmptyFieldName(True)
        self.mode_field = QgsFieldComboBox(network)
        self.mode_field.setAllowEmptyFieldName(True)
        self.network.layerChanged.connect(self.length_field.setLayer)
        self.network.layerChanged.connect(self.mode_field.setLayer)
        network_form.addRow(tr("Layer (empty: curated)"), self.network)
        network_form.addRow(tr("Length field (km)"), self.length_field)
        network_form.addRow(tr("Mode field"), self.mode_field)
        network.setCollapsed(True)
        layout.addWidget(network)

    # Settings ------------------------------------------------------------------------------------

    @staticmethod
    def _remembered(key, default, kind):
        value = settings.value(SETTINGS_GROUP + key, default)
        if kind is bool:
            return value if isinstance(value, bool) else str(value).lower() in ("true", "1")
        try:
            return kind(value)
        except (TypeError, ValueError):
            return default

    def _remember(self, key, value):
        settings.set_value(SETTINGS_GROUP + key, value)
        self.settingsChanged.emit()

    def _spin(self, parent, low, high, key, default, decimals):
        box = QDoubleSpinBox(parent)
        box.setRange(low, high)
        box.setDecimals(decimals)
        # No arrows: two pairs a row fit a dock on a 1366 x 768 screen; the keyboard and the wheel step it.
        box.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
        box.setAlignment(Qt.AlignmentFlag.AlignRight)
        box.setValue(self._remembered(key, default, float))
        box.valueChanged.connect(lambda value, key=key: self._remember(key, value))
        return box

    @staticmethod
    def _heading(parent, text):
        label = QLabel(text, parent)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    @staticmethod
    def _place(grid, index, title, box):
        """Two label-and-box pairs a row (index 2 is row 1, column 0), to keep the page small."""
        row, column = divmod(index, 2)
        label = QLabel(title, box.parentWidget())
        label.setToolTip(box.toolTip())
        grid.addWidget(label, row, column * 2)
        grid.addWidget(box, row, column * 2 + 1)

    def excluded_modes(self):
        return [mode for mode, box in self.modes.items() if not box.isChecked()]

    def dwell_hours(self):
        return {key: box.value() for key, box in self.dwell.items()}

    # Shown ---------------------------------------------------------------------------------------

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        self.shown.emit()

    def set_places(self, places):
        for combo in (self.start, self.end):
            combo.clear()
            combo.addItem(tr("(click on the map)"), "")
            for place in places:
                combo.addItem(place.name, place.id)

    def show_stops(self, start, end):
        """The From and To lists on the route's stops: each (place id or "", label), or None for none."""
        for combo, stop in ((self.start, start), (self.end, end)):
            index = combo.findData(stop[0]) if stop and stop[0] else -1
            if index > 0:
                combo.setItemText(0, tr("(click on the map)"))
                combo.setCurrentIndex(index)
            else:
                combo.setItemText(0, tr("Map point {}").format(stop[1]) if stop else tr("(click on the map)"))
                combo.setCurrentIndex(0)
            combo.setToolTip(combo.currentText())

    def show_result(self, summary: str, legs, unloading_hours: float = 0.0):
        """The summary and a row per leg, with a row for each dwell (loading, change of mode, unloading)."""
        self.result.setText(summary)
        rows = []
        for leg in legs:
            if leg.dwell_hours > 0:
                what = tr("loading") if leg.dwell_what == "loading" else leg.dwell_what
                rows.append((tr("dwell"), "", leg.dwell_hours, tr("at {}: {}").format(leg.from_name, what), None))
            via = tr(" via {}").format(leg.via) if leg.via else ""
            rows.append((leg.mode, "{:,.0f}".format(leg.km), leg.hours,
                         "{} → {}".format(leg.from_name, leg.to_name), "{} → {}{}".format(
                             leg.from_name, leg.to_name, via)))
        if legs and unloading_hours > 0:
            rows.append((tr("dwell"), "", unloading_hours, tr("at {}: {}").format(legs[-1].to_name,
                                                                                  tr("unloading")), None))
        self.legs.setRowCount(len(rows))
        italic = QFont(self.legs.font())
        italic.setItalic(True)
        for row, (mode, km, hours, text, tip) in enumerate(rows):
            for column, value in enumerate((mode, km, "{:,.1f}".format(hours), text)):
                item = QTableWidgetItem(value)
                item.setToolTip(tip or text)
                if column in (1, 2):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if tip is None:
                    item.setFont(italic)
                self.legs.setItem(row, column, item)
        self._fit_rows()
        self.save_button.setEnabled(bool(legs))

    MAX_LEGS_HEIGHT = 420  # px: taller than this, the table scrolls

    def _fit_rows(self):
        """Rows as high as their wrapped text, and the table as high as its rows (the page scrolls)."""
        self.legs.resizeRowsToContents()
        rows = sum(self.legs.rowHeight(r) for r in range(self.legs.rowCount()))
        height = self.legs.horizontalHeader().height() + rows + 2 * self.legs.frameWidth() + 2
        self.legs.setMinimumHeight(max(120, min(height, self.MAX_LEGS_HEIGHT)))

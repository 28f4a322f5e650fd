"""The dock's Route page: stops, network and speeds, the result and its legs."""

from qgis.core import QgsMapLayerProxyModel
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...toolbelt.i18n import tr


class RoutePanel(QWidget):
    shown = pyqtSignal()
    pickRequested = pyqtSignal()
    startChosen = pyqtSignal(str)  # place id
    endChosen = pyqtSignal(str)
    routeRequested = pyqtSignal()
    clearRequested = pyqtSignal()
    saveRequested = pyqtSignal()

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
        form.addRow(tr("From"), self.start)
        form.addRow(tr("To"), self.end)
        self.optimize = QComboBox(self)
        self.optimize.addItem(tr("Shortest distance"), "distance")
        self.optimize.addItem(tr("Quickest (time)"), "time")
        form.addRow(tr("Optimise"), self.optimize)
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
        self.legs.setHorizontalHeaderLabels([tr("Mode"), tr("km"), tr("hours"), tr("Leg")])
        self.legs.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.legs.verticalHeader().setVisible(False)
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

        network = QGroupBox(tr("Network"), self)
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
        self.speeds = {}
        for mode, title, default in (("rail", tr("Speed, rail"), 50.0), ("sea", tr("Speed, sea"), 25.0),
                                     ("road", tr("Speed, road"), 40.0)):
            box = QDoubleSpinBox(network)
            box.setRange(1.0, 500.0)
            box.setSuffix(tr(" km/h"))
            box.setValue(default)
            self.speeds[mode] = box
            network_form.addRow(title, box)
        layout.addWidget(network)

    def showEvent(self, event):  # noqa: N802
        super().showEvent(event)
        self.shown.emit()

    def set_places(self, places):
        for combo in (self.start, self.end):
            combo.clear()
            combo.addItem(tr("(click on the map)"), "")
            for place in places:
                combo.addItem(place.name, place.id)

    def show_result(self, summary: str, legs):
        self.result.setText(summary)
        self.legs.setRowCount(len(legs))
        for row, leg in enumerate(legs):
            values = (leg.mode, "{:,.0f}".format(leg.km), "{:,.1f}".format(leg.hours),
                      "{} → {}".format(leg.from_name, leg.to_name))
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                via = tr(" via {}").format(leg.via) if leg.via else ""
                item.setToolTip("{} → {}{}".format(leg.from_name, leg.to_name, via))
                self.legs.setItem(row, column, item)
        self.legs.resizeColumnsToContents()
        self.save_button.setEnabled(bool(legs))

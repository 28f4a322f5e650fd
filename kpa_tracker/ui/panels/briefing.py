"""The dock's Briefing page: preset or current view, page, title, export."""

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from ...core.briefing.build import PAGES, PRESETS
from ...toolbelt.i18n import tr

CURRENT_VIEW = "current"


class BriefingPanel(QWidget):
    exportRequested = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("KpaBriefingPanel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        form = QFormLayout()
        self.preset = QComboBox(self)
        for preset in PRESETS:
            self.preset.addItem(preset.title, preset.id)
        self.preset.addItem(tr("The current map view"), CURRENT_VIEW)
        self.page = QComboBox(self)
        self.page.addItems(list(PAGES))
        self.format = QComboBox(self)
        self.format.addItem("PDF", ".pdf")
        self.format.addItem("PNG", ".png")
        self.page.currentTextChanged.connect(
            lambda text: self.format.setCurrentIndex(1) if text.startswith("Slide") else None)
        self.title = QLineEdit(tr("North Korean troops in Russia"), self)
        self.subtitle = QLineEdit(self)
        self.subtitle.setPlaceholderText(tr("(the preset's description)"))
        form.addRow(tr("Map"), self.preset)
        form.addRow(tr("Page"), self.page)
        form.addRow(tr("Format"), self.format)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Subtitle"), self.subtitle)
        layout.addLayout(form)
        self.export_button = QPushButton(tr("Briefing map…"), self)
        self.export_button.setToolTip(tr("Export a sourced map, and add its layout to the project to edit it"))
        self.export_button.clicked.connect(self.exportRequested.emit)
        layout.addWidget(self.export_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

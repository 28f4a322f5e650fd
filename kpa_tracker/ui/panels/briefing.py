"""The dock's Briefing page: preset or current view, the day shown, page, title, author, handling, export."""

from qgis.PyQt.QtCore import QDate, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.briefing.build import PAGES, PRESETS
from ...toolbelt.i18n import tr

CURRENT_VIEW = "current"
FIRST_DAY = QDate(2024, 1, 1)  # before the first curated date


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
        self.as_of = QDateEdit(self)
        self.as_of.setObjectName("KpaBriefingAsOf")
        self.as_of.setCalendarPopup(True)
        self.as_of.setDisplayFormat("yyyy-MM-dd")
        self.as_of.setDateRange(FIRST_DAY, QDate.currentDate())  # a future day cannot be picked
        self.as_of.setDate(QDate.currentDate())
        self.as_of.setToolTip(tr("The map shows the picture of this day; it follows QGIS's Temporal Controller "
                                 "while that is on"))
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
        self.author = QLineEdit(self)
        self.author.setObjectName("KpaBriefingAuthor")
        self.handling = QLineEdit(self)
        self.handling.setObjectName("KpaBriefingHandling")
        self.handling.setPlaceholderText(tr("(e.g. who may receive it)"))
        form.addRow(tr("Map"), self.preset)
        form.addRow(tr("As of"), self.as_of)
        form.addRow(tr("Page"), self.page)
        form.addRow(tr("Format"), self.format)
        form.addRow(tr("Title"), self.title)
        form.addRow(tr("Subtitle"), self.subtitle)
        form.addRow(tr("Author"), self.author)
        form.addRow(tr("Handling"), self.handling)
        layout.addLayout(form)
        self.export_button = QPushButton(tr("Briefing map…"), self)
        self.export_button.setToolTip(tr("Export a sourced map, and add its layout to the project to edit it"))
        self.export_button.clicked.connect(self.exportRequested.emit)
        layout.addWidget(self.export_button)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addStretch(1)

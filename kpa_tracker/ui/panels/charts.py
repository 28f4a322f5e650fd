"""The dock's Charts page: a chooser, the chart on matplotlib's Qt canvas, a line about the clicked figure,
what the chart shows and where its figures come from, and Export PNG / SVG.

matplotlib is reached only through core/charts (it may be missing): then the page is one sentence.
"""

from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from ...core.charts import render
from ...toolbelt.i18n import tr

# The figure's size before the dock lays it out; the canvas then follows the dock.
START_SIZE_IN = (3.4, 4.2)
MINIMUM_HEIGHT = 320  # px: the plot and its legend stay readable in a dock on a 1366 x 768 screen


class ChartsPanel(QWidget):
    kindChanged = pyqtSignal(str)
    exportRequested = pyqtSignal(str)  # ".png" or ".svg"
    built = pyqtSignal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("KpaChartsPanel")
        self.figure = self.canvas = None
        self.drawn = None
        self.available = None  # not known until the page is first shown
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)

    def showEvent(self, event):  # noqa: N802 (Qt calls it by this name)
        self.build()
        super().showEvent(event)

    def build(self) -> None:
        """The page's content, made when it is first shown: importing matplotlib and drawing a chart
        take about a second, which QGIS's start-up should not pay for a tab the analyst may not open."""
        if self.available is not None:
            return
        layout = self.layout()
        self.available = render.available()
        self._build_content(layout)
        self.built.emit()

    def _build_content(self, layout) -> None:
        if not self.available:
            self.missing = QLabel(render.unavailable_message(), self)
            self.missing.setObjectName("KpaChartsMissing")
            self.missing.setWordWrap(True)
            layout.addWidget(self.missing)
            layout.addStretch(1)
            return

        self.kind = QComboBox(self)
        self.kind.setObjectName("KpaChartsKind")
        self.kind.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.kind.setMinimumContentsLength(16)  # the dock may be narrower than the longest title
        for kind, title in render.titles().items():
            self.kind.addItem(title, kind)
        self.kind.currentIndexChanged.connect(lambda _index: self.kindChanged.emit(self.current_kind()))
        layout.addWidget(self.kind)

        self.figure = render.new_figure(*START_SIZE_IN)
        self.canvas = render.qt_canvas_class()(self.figure)
        self.canvas.setParent(self)
        self.canvas.setObjectName("KpaChartsCanvas")
        self.canvas.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.canvas.setMinimumSize(240, MINIMUM_HEIGHT)
        layout.addWidget(self.canvas, 1)

        self.info = QLabel(tr("Click a point or bar: the timeline moves to its date."), self)
        self.info.setObjectName("KpaChartsInfo")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.caption = QLabel(self)
        self.caption.setObjectName("KpaChartsCaption")
        self.caption.setWordWrap(True)
        small = self.caption.font()
        small.setPointSizeF(small.pointSizeF() * 0.85)  # a note under the chart, not its content
        self.caption.setFont(small)
        self.info.setFont(small)
        layout.addWidget(self.caption)

        buttons = QHBoxLayout()
        self.export_png = QPushButton(tr("Export PNG…"), self)
        self.export_png.setObjectName("KpaChartsExportPng")
        self.export_png.setToolTip(tr("Save the chart as a PNG image (1200 x 720 px) for a briefing"))
        self.export_png.clicked.connect(lambda: self.exportRequested.emit(".png"))
        self.export_svg = QPushButton(tr("Export SVG…"), self)
        self.export_svg.setObjectName("KpaChartsExportSvg")
        self.export_svg.setToolTip(tr("Save the chart as an SVG drawing (text stays editable)"))
        self.export_svg.clicked.connect(lambda: self.exportRequested.emit(".svg"))
        buttons.addWidget(self.export_png)
        buttons.addWidget(self.export_svg)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def current_kind(self) -> str:
        return self.kind.currentData() if self.available else ""

    def show_chart(self, as_of=None):
        """Draw the chosen chart for the dock (as_of: the date the map shows); what the clicks mean."""
        if not self.available:
            return None
        self.drawn = render.draw(self.current_kind(), self.figure, as_of=as_of, compact=True)
        self.caption.setText(self.drawn.caption)
        self.canvas.draw_idle()
        return self.drawn

    def show_date(self, as_of) -> None:
        """Move the date line only (the timeline plays: no new chart each step)."""
        if self.drawn is not None:
            render.mark(self.figure, self.drawn, as_of, compact=True)
            self.canvas.draw_idle()

    def show_info(self, text: str) -> None:
        if self.available:
            self.info.setText(text)

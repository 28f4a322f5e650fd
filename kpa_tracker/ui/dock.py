"""The plugin's dock panel: one tab per page (Layers, Timeline, Charts, Measure, Route, Sightings, Briefing)."""

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QFrame, QScrollArea, QTabWidget, QVBoxLayout, QWidget

from ..toolbelt.i18n import tr
from .panels.briefing import BriefingPanel
from .panels.catalogue import CataloguePanel
from .panels.charts import ChartsPanel
from .panels.measure import MeasurePanel
from .panels.route import RoutePanel
from .panels.sightings import SightingsPanel
from .panels.timeline import TimelinePanel

DOCK_OBJECT_NAME = "KpaTrackerDock"

# Below this height a page scrolls instead of stretching the dock, and with it QGIS's main window,
# past the bottom of a 1366x768 screen.
PAGE_MIN_HEIGHT = 240

# The catalogue controller, the tests and the dev tools reach the Layers page through the dock
# (dock.loadRequested, dock.show_status, dock.status, ...): the dock hands them the panel's own.
CATALOGUE_ATTRIBUTES = (
    "loadRequested", "zoomRequested", "resetFeatureRequested", "resetLayerRequested",
    "catalogue", "load_all_button", "load_checked_button", "reset_layer_button", "details",
    "reset_feature_button", "status", "workspace_label",
    "set_catalogue", "layer_items", "checked_layer_ids", "default_layer_ids", "selected_layer_id",
    "show_details", "clear_details", "show_status",
)


class _ScrollingPage(QScrollArea):
    """A tab page that scrolls up and down on a short screen and keeps its full width."""

    def minimumSizeHint(self):  # noqa: N802 (Qt calls it by this name)
        hint = super().minimumSizeHint()
        page = self.widget()
        if page is not None:
            hint.setWidth(page.minimumSizeHint().width() + self.verticalScrollBar().sizeHint().width()
                          + 2 * self.frameWidth())
        hint.setHeight(PAGE_MIN_HEIGHT)
        return hint


def _scrolling(page: QWidget, parent: QWidget) -> QScrollArea:
    area = _ScrollingPage(parent)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setWidget(page)
    return area


class KpaTrackerDock(QgsDockWidget):
    """Hosts the pages as tabs; each page is a panel class, wired by its controller."""

    def __init__(self, parent=None):
        super().__init__(tr("KPA Deployment Tracker"), parent)
        self.setObjectName(DOCK_OBJECT_NAME)
        self.setAllowedAreas(
            Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea
        )
        container = QWidget(self)
        outer = QVBoxLayout(container)
        outer.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget(container)
        self.tabs.setObjectName("KpaTabs")
        outer.addWidget(self.tabs)
        self.catalogue_panel = CataloguePanel(self.tabs)
        self.layers_page = self.catalogue_panel
        self.timeline_panel = TimelinePanel(self.tabs)
        self.charts_panel = ChartsPanel(self.tabs)
        self.measure_panel = MeasurePanel(self.tabs)
        self.route_panel = RoutePanel(self.tabs)
        self.sightings_panel = SightingsPanel(self.tabs)
        self.briefing_panel = BriefingPanel(self.tabs)
        for page, title in ((self.catalogue_panel, tr("Layers")), (self.timeline_panel, tr("Timeline")),
                            (self.charts_panel, tr("Charts")),
                            (self.measure_panel, tr("Measure")),
                            (self.route_panel, tr("Route")), (self.sightings_panel, tr("Sightings")),
                            (self.briefing_panel, tr("Briefing"))):
            self.tabs.addTab(_scrolling(page, self.tabs), title)
        for name in CATALOGUE_ATTRIBUTES:
            setattr(self, name, getattr(self.catalogue_panel, name))
        self.setWidget(container)

    def show_page(self, page: QWidget) -> None:
        """Bring up the tab that holds `page` (a panel of this dock)."""
        for index in range(self.tabs.count()):
            if self.tabs.widget(index).widget() is page:
                self.tabs.setCurrentIndex(index)
                return

    def bring_up(self, page: QWidget) -> None:
        """Show the dock (closed or behind another dock's tab) with `page` on top."""
        self.show()
        self.raise_()
        self.show_page(page)

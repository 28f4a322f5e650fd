"""Wires the plugin into QGIS. unload() undoes, in reverse, exactly what initGui() did."""

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction, QMenu

from .toolbelt import log
from .toolbelt.fonts import register_fonts, unregister_fonts
from .toolbelt.i18n import install_translator, remove_translator, tr
from .toolbelt.icons import icon_path, plugin_icon_path
from .toolbelt.svg_paths import add_plugin_svg_path, remove_plugin_svg_path
from .core.team.tasks import cancel_running as cancel_team_tasks
from .processing.provider import KpaTrackerProvider
from .ui.controllers.briefing import BriefingController
from .ui.controllers.catalogue import CatalogueController
from .ui.controllers.charts import ChartsController
from .ui.connections import ConnectionRegistry
from .ui.dock import KpaTrackerDock
from .ui.locator import KpaLocatorFilter
from .ui.controllers.measure import MeasureController
from .ui.controllers.route import RouteController
from .ui.dialogs.options_page import KpaOptionsFactory
from .ui.controllers.sightings import SightingsController
from .ui.controllers.sighting_exchange import SightingExchangeController
from .ui.controllers.timeline import TimelineController

MENU_NAME = "KpaTrackerMenu"
TOOLBAR_NAME = "KpaTrackerToolbar"
DOCK_ACTION_NAME = "KpaTrackerDockAction"
MEASURE_ACTION_NAME = "KpaTrackerMeasureAction"


class KpaTrackerPlugin:
    def __init__(self, iface):
        # iface is None under qgis_process: only Processing is set up then.
        self.iface = iface
        self.provider = None
        self.toolbar = None
        self.menu = None
        self.dock = None
        self.dock_action = None
        self.catalogue = None
        self.timeline = None
        self.charts = None
        self.measure_action = None
        self.measure = None
        self.route = None
        self.sightings = None
        self.exchange = None
        self.options_factory = None
        self.briefing = None
        self.locator_filter = None
        self.added_svg_path = False
        self.translator = None
        self.font_ids = None
        self.connections = ConnectionRegistry()

    # Processing -------------------------------------------------------------
    def initProcessing(self):  # noqa: N802 (QGIS calls it by this name)
        if self.font_ids is None:
            # Before any style is read, here and under qgis_process: the styles' label face.
            self.font_ids = register_fonts()
        if self.provider is None:
            self.provider = KpaTrackerProvider()
            QgsApplication.processingRegistry().addProvider(self.provider)

    def _unload_processing(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.font_ids is not None:
            unregister_fonts(self.font_ids)
            self.font_ids = None

    # Desktop ----------------------------------------------------------------
    def initGui(self):  # noqa: N802
        self.translator = install_translator()
        self.initProcessing()
        self.added_svg_path = add_plugin_svg_path()
        main_window = self.iface.mainWindow()

        self.toolbar = self.iface.addToolBar(tr("KPA Deployment Tracker"))
        self.toolbar.setObjectName(TOOLBAR_NAME)
        # Our own submenu of Plugins, not iface.addPluginToMenu(): QGIS's removePluginMenu()
        # leaves the emptied submenu and a separator behind (two QActions per unload).
        self.menu = QMenu(tr("&KPA Deployment Tracker"), main_window)
        self.menu.setObjectName(MENU_NAME)
        self.iface.pluginMenu().addMenu(self.menu)

        self.dock = KpaTrackerDock(main_window)
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        # QGIS shows a dock as it adds it; ours starts hidden until the analyst asks.
        self.dock.hide()

        self.dock_action = QAction(
            QIcon(plugin_icon_path()), tr("KPA Deployment Tracker"), main_window
        )
        self.dock_action.setObjectName(DOCK_ACTION_NAME)
        self.dock_action.setToolTip(tr("Show or hide the KPA Deployment Tracker panel"))
        self.dock_action.setCheckable(True)
        # Button, menu entry and the dock's own close button stay in sync.
        self.dock.setToggleVisibilityAction(self.dock_action)
        self.toolbar.addAction(self.dock_action)
        self.menu.addAction(self.dock_action)

        self.catalogue = CatalogueController(self.iface, self.dock, self.connections)
        self.timeline = TimelineController(self.iface, self.dock.timeline_panel, self.connections,
                                           load_layers=self.catalogue.load)
        # A click on a chart's point moves the timeline to that point's date.
        self.charts = ChartsController(self.iface, self.dock.charts_panel, self.connections,
                                       self.timeline.set_date)

        self.measure_action = QAction(QIcon(icon_path("measure.svg")), tr("Geodesic measure"), main_window)
        self.measure_action.setObjectName(MEASURE_ACTION_NAME)
        self.measure_action.setToolTip(tr("Measure distances, areas and bearings on the ellipsoid"))
        self.measure_action.setCheckable(True)
        self.toolbar.addAction(self.measure_action)
        self.menu.addAction(self.measure_action)
        self.measure = MeasureController(self.iface, self.dock.measure_panel, self.measure_action,
                                         self.connections, bring_up=self._bring_up_measure)
        self.route = RouteController(self.iface, self.dock.route_panel, self.connections)
        self.sightings = SightingsController(self.iface, self.dock.sightings_panel, self.connections)
        self.exchange = SightingExchangeController(self.iface, self.dock.sightings_panel, self.connections,
                                                   self.sightings.refresh)
        self.briefing = BriefingController(self.iface, self.dock.briefing_panel, self.connections)

        self.locator_filter = KpaLocatorFilter(self.iface)
        self.iface.registerLocatorFilter(self.locator_filter)
        self.options_factory = KpaOptionsFactory(on_apply=self.sightings.store_changed)
        self.iface.registerOptionsWidgetFactory(self.options_factory)
        log.info("KPA Deployment Tracker loaded")

    def _bring_up_measure(self):
        if self.dock is not None:
            self.dock.bring_up(self.dock.measure_panel)

    def unload(self):
        cancel_team_tasks()  # a copy to or from the team database must not outlive the plugin
        if self.options_factory is not None:
            self.iface.unregisterOptionsWidgetFactory(self.options_factory)
            self.options_factory = None
        if self.locator_filter is not None:
            # QGIS deletes the filter when it is deregistered.
            self.iface.deregisterLocatorFilter(self.locator_filter)
            self.locator_filter = None
        self.connections.disconnect_all()
        self.briefing = None
        if self.exchange is not None:
            self.exchange.unload()
            self.exchange = None
        if self.sightings is not None:
            self.sightings.unload()
            self.sightings = None
        if self.route is not None:
            self.route.unload()
            self.route = None
        if self.measure is not None:
            self.measure.unload()
            self.measure = None
        if self.measure_action is not None:
            self.menu.removeAction(self.measure_action)
            self.toolbar.removeAction(self.measure_action)
            self.measure_action.deleteLater()
            self.measure_action = None
        if self.charts is not None:
            self.charts.unload()
            self.charts = None
        if self.timeline is not None:
            self.timeline.unload()
            self.timeline = None
        self.catalogue = None
        if self.dock_action is not None:
            self.menu.removeAction(self.dock_action)
            self.toolbar.removeAction(self.dock_action)
        if self.dock is not None:
            # The dock goes before its toggle action: it holds a pointer to the action.
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.dock_action is not None:
            self.dock_action.deleteLater()
            self.dock_action = None
        if self.menu is not None:
            self.iface.pluginMenu().removeAction(self.menu.menuAction())
            self.menu.deleteLater()
            self.menu = None
        if self.toolbar is not None:
            self.iface.mainWindow().removeToolBar(self.toolbar)
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.added_svg_path:
            remove_plugin_svg_path()
            self.added_svg_path = False
        self._unload_processing()
        remove_translator(self.translator)
        self.translator = None

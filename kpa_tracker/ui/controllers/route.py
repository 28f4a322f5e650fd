"""Connects the route map tool, the dock's Route page and the routing core."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtGui import QColor

from ...toolbelt.compat import LINE_GEOMETRY
from ...core.curated import data as curated
from ...toolbelt import log
from ...toolbelt.i18n import tr
from ...core.curated.store import layer_uri, sync_layer
from ...core.measure.geodesy import WGS84
from ...core.routing.stops import curated_places, network_node_names, node_names, place_near
from ...core.project.layers import plugin_group
from ...core.routing.store import RouteStoreError, append_route, memory_routes_layer, workspace_routes_layer
from ...core.routing.network import (
    DwellTimes,
    NetworkSettings,
    RoutingError,
    Stop,
    find_route,
    forget_layer,
    point_label,
)
from ...toolbelt.workspace import workspace_gpkg_path
from ...maptools.route_tool import RouteMapTool
from .tool_owner import release_tool

CURATED_NETWORK = "network"
ROUTES_PROPERTY = "kpa_tracker/routes"


class RouteController:
    def __init__(self, iface, panel, connections, gpkg_path=None):
        self.iface = iface
        self.panel = panel
        self.gpkg_path = gpkg_path
        self.tool = RouteMapTool(iface.mapCanvas())
        self.band = QgsRubberBand(iface.mapCanvas(), LINE_GEOMETRY)
        self.band.setColor(QColor(0, 130, 90, 220))
        self.band.setWidth(4)
        self.result = None
        self._curated_network = None
        self._places = None  # read on first use, not at QGIS start-up
        self._chosen = {}  # (lon, lat) -> the place chosen from a list there (wins over a place nearby)
        connections.connect(panel.pickRequested, self.pick)
        connections.connect(panel.startChosen, lambda place_id: self.choose(0, place_id))
        connections.connect(panel.endChosen, lambda place_id: self.choose(-1, place_id))
        connections.connect(panel.routeRequested, self.route)
        connections.connect(panel.clearRequested, self.clear)
        connections.connect(panel.settingsChanged, self._settings_changed)
        connections.connect(panel.optimize.currentIndexChanged, lambda _index: self._settings_changed())
        connections.connect(panel.saveRequested, self.save)
        connections.connect(self.tool.stopsChanged, lambda _stops: self.route())
        connections.connect(self.tool.dragging, lambda _stops: self.route(preview=True))
        connections.connect(QgsProject.instance().cleared, self.clear)
        connections.connect(panel.shown, lambda: self.places)  # fills the lists when first seen

    @property
    def places(self):
        if self._places is None:
            self._places = curated_places()
            self.panel.set_places(self._places)
        return self._places

    def workspace(self):
        return self.gpkg_path or workspace_gpkg_path()

    def pick(self):
        self.iface.mapCanvas().setMapTool(self.tool)
        self.panel.message.setText(tr("Click the start, then the end; more clicks add stops after the last. "
                                      "Drag a numbered stop to move it; right-click it to remove it."))

    def choose(self, position, place_id):
        place = next((p for p in self.places if p.id == place_id), None)
        if place is None:
            return
        stops = list(self.tool.stops)
        self._chosen[(place.lon, place.lat)] = place
        if position == 0:
            stops = [(place.lon, place.lat)] + (stops[1:] if stops else [])
        else:
            stops = (stops[:-1] if len(stops) > 1 else stops) + [(place.lon, place.lat)]
        self.tool.set_stops(stops)
        combo = self.panel.start if position == 0 else self.panel.end
        combo.setCurrentIndex(max(0, combo.findData(place_id)))
        self.route()

    def network(self):
        """(layer, settings): the layer chosen in the dock, or the curated network from the workspace."""
        speeds = {mode: box.value() for mode, box in self.panel.speeds.items()}
        exclude = self.panel.excluded_modes()
        layer = self.panel.network.currentLayer()
        if layer is not None:
            settings = NetworkSettings.make(
                speeds, exclude, length_field=self.panel.length_field.currentField() or None,
                mode_field=self.panel.mode_field.currentField() or None)
            return layer, settings
        if self._curated_network is None or not self._curated_network.isValid():
            catalogue, result = curated.load_cached()
            layer_def = next((l for l in catalogue if l.id == CURATED_NETWORK), None)
            if layer_def is None or CURATED_NETWORK not in result.features:
                problems = "; ".join(str(e) for e in result.errors) or tr("not in the catalogue")
                raise RoutingError(tr("The curated network could not be read: {}").format(problems))
            sync_layer(self.workspace(), layer_def, result.features[CURATED_NETWORK])
            self._curated_network = QgsVectorLayer(layer_uri(self.workspace(), layer_def),
                                                   tr("Transport network"), "ogr")
        settings = NetworkSettings.make(speeds, exclude, length_field="length_km", mode_field="mode",
                                        name_field="name")
        return self._curated_network, settings

    def place_of(self, lon, lat):
        """The curated place a stop stands for: the one chosen from a list there, else the one within
        NAME_WITHIN_KM of it (a click near Chongjin is Chongjin), else None."""
        chosen = self._chosen.get((lon, lat))
        return chosen if chosen is not None else place_near(lon, lat, self.places)

    def stops(self):
        stops = []
        for lon, lat in self.tool.stops:
            place = self.place_of(lon, lat)
            stops.append(Stop(place.name if place else point_label(lon, lat), lon, lat))
        return stops

    def _show_stops(self, stops):
        def shown(stop):
            place = self.place_of(stop.lon, stop.lat)
            return (place.id if place else "", stop.label)

        self.panel.show_stops(shown(stops[0]) if stops else None, shown(stops[-1]) if len(stops) > 1 else None)

    def route(self, preview=False):
        stops = self.stops()
        self._show_stops(stops)
        if len(stops) < 2:
            self.result = None
            self.band.reset(LINE_GEOMETRY)
            self.panel.show_result("–", [])
            return None
        try:
            layer, settings = self.network()
            result = find_route(layer, stops, self.panel.optimize.currentData(), settings,
                                self.panel.snap_tolerance.value(),
                                places=node_names(self.places) + network_node_names(),
                                dwell=DwellTimes.make(self.panel.dwell_hours()))
        except RoutingError as exc:
            self.result = None
            self.band.reset(LINE_GEOMETRY)
            self.panel.show_result(tr("No route"), [])
            self.panel.message.setText(str(exc))
            return None
        self.result = result
        geometry = QgsGeometry(result.geometry())
        geometry.transform(QgsCoordinateTransform(QgsCoordinateReferenceSystem(WGS84),
                                                  self.iface.mapCanvas().mapSettings().destinationCrs(),
                                                  QgsProject.instance()))
        self.band.setToGeometry(geometry, None)
        summary = tr("{:,.0f} km · {:,.0f} h moving + {:,.0f} h dwell = {:,.0f} h, about {:.1f} days · "
                     "straight line {:,.0f} km").format(
            result.total_km, result.moving_hours, result.dwell_hours, result.total_hours, result.days,
            result.straight_km)
        self.panel.show_result(summary, result.legs, result.unloading_hours)
        if not preview:
            chosen = (tr("Quickest, counting the dwell at each change of mode") if result.optimize == "time"
                      else tr("Shortest distance; the dwell times are added to it"))
            self.panel.message.setText(tr("{}. Hours use the speeds and dwell times below (planning "
                                          "assumptions).").format(chosen))
        return result

    def _settings_changed(self):
        if len(self.tool.stops) > 1:
            self.route()

    def clear(self):
        self.tool.clear()
        self.band.reset(LINE_GEOMETRY)
        self.result = None
        self._chosen = {}
        self.panel.show_result("–", [])
        self.panel.show_stops(None, None)

    def save(self):
        if self.result is None:
            return None
        project = QgsProject.instance()
        try:
            if self.panel.destination.currentData() == "memory":
                layer = memory_routes_layer()
                append_route(layer, self.result)
                project.addMapLayer(layer, False)
                plugin_group(project).insertLayer(0, layer)
            else:
                layer = self._workspace_routes(project)
                append_route(layer, self.result)
        except RouteStoreError as exc:
            self.panel.message.setText(str(exc))
            log.warning(str(exc))
            return None
        self.panel.message.setText(tr("Saved {} legs to '{}'.").format(len(self.result.legs), layer.name()))
        return layer

    def _workspace_routes(self, project):
        for layer in project.mapLayers().values():
            if layer.customProperty(ROUTES_PROPERTY):
                return layer
        layer = workspace_routes_layer(self.workspace())
        layer.setCustomProperty(ROUTES_PROPERTY, True)
        project.addMapLayer(layer, False)
        plugin_group(project).insertLayer(0, layer)
        return layer

    def unload(self):
        if self._curated_network is not None:
            forget_layer(self._curated_network.id())
            self._curated_network = None
        canvas = self.iface.mapCanvas()
        release_tool(canvas, self.tool)
        canvas.scene().removeItem(self.band)
        self.band = None
        self.tool = None

"""Shortest routes over any line layer with QGIS's network analysis (no widgets).

The graph is built by QgsVectorLayerDirector and QgsGraphBuilder on the
ellipsoid, in WGS84, with three costs per edge (the "strategies"):

- km: the edge's geodesic length, or, where the layer has a length field with a
  value, that published length shared out along the feature's line;
- hours: km divided by the speed of the feature's mode (DEFAULT_SPEEDS_KMH, or
  the speeds given);
- the feature id, so a route knows the mode and name of every edge it uses.

Modes can be left out (NetworkSettings.exclude: the dock's "modes to use",
Processing's MODES): their edges cost so much that a path takes one only where
nothing else connects, and such a path is refused naming the modes it needs.
Dwell times (DwellTimes: loading at the start, a stay at each change of mode,
unloading at the end) are added to the route found. The quickest route with
dwell times counts the stays at changes of mode in its choice (a Dijkstra over
vertex and mode of arrival, RouteNetwork.quickest_path); the shortest counts km.

A layer read with no length, mode or name field needs only QGIS's own distance
strategy: every edge then has the same speed, so the fastest route is the
shortest and hours are km over that speed.

Built graphs are cached per layer and settings and rebuilt only when the layer
changes: edits (the edit buffer, commits, rollbacks), a provider reload (the
workspace merge reloads its layers), a new subset string or CRS. A memory
layer filled through its provider emits no signal; its feature count is
compared as well. Snapping goes to the nearest network node and refuses, with
the distance and the node named, a point farther than the tolerance.
"""

import heapq
import math
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

from qgis.analysis import (
    QgsGraphAnalyzer,
    QgsGraphBuilder,
    QgsNetworkDistanceStrategy,
    QgsNetworkStrategy,
    QgsVectorLayerDirector,
)
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from ...toolbelt.compat import LINE_GEOMETRY
from ...toolbelt.i18n import tr
from ..measure.geodesy import WGS84, distance_area

# Average speeds for time estimates, km/h. Rail, sea and road are planning
# assumptions, not sourced figures: rail about 50 (a traveller's 2,863 km from
# Vladivostok to Chita in about 2.5 days is 48), sea 25 (about 13.5 knots),
# road 40 (a convoy). Air is the published cruise speed of the transports the
# reporting names: the Il-76 cruises at "nearly 500 mph (800 km/h)"
# (everything2.com, "Ilyushin Il-76"; Britannica gives 850 km/h as its top speed
# in level flight), the Il-62 at 830 km/h (aviamuseum.com.ua, Il-62); 800 is
# the lower, and climb, descent and the time on the ground are left to the dwell
# times at the airfields. Every call can set its own.
DEFAULT_SPEEDS_KMH = {"rail": 50.0, "sea": 25.0, "road": 40.0, "air": 800.0}
MODES = ("rail", "sea", "road", "air")  # the modes the dock and Processing offer, in this order
# Air is left out unless the analyst ticks it: the reporting has the troops moved by sea and rail
# (air carried small groups and officers), so a route an analyst compares with sightings along
# the railway should not jump to the sky because a flight is quicker.
DEFAULT_EXCLUDED_MODES = ("air",)
DEFAULT_MODE = "road"  # the mode of an edge whose mode is empty or has no speed
DEFAULT_SNAP_TOLERANCE_KM = 25.0
# Modes boarded only where their line ends (an airfield, a port), never at a point drawn in the middle
# of the flight or the crossing: a stop does not snap there.
ENDS_ONLY_MODES = ("air", "sea")
NAME_WITHIN_KM = 2.0  # a network node or a clicked stop within this of a curated place is called by its name
NODE_NAME_KM = NAME_WITHIN_KM
EXCLUDED_COST = 1e9  # km and hours of an edge of a mode left out: taken only where nothing else connects

# Hours spent not moving, per route: planning assumptions, not sourced figures (set your own).
# loading: entraining or embarking at the start; unloading: at the end; the others at each change of
# mode, either way ("rail/sea" is rail to sea and sea to rail), "other" for a change not listed.
DEFAULT_DWELL_HOURS = {"loading": 12.0, "unloading": 6.0, "rail/sea": 24.0, "rail/road": 6.0,
                       "air/rail": 6.0, "other": 12.0}
SNAP_FIELD = "Snap tolerance (km)"  # the dock's field, named in the far-from-network message
SNAP_PARAMETER = "SNAP_TOLERANCE"  # the Processing parameter, named there too
OPTIMIZE = ("distance", "time")
KM, HOURS, FEATURE = 0, 1, 2  # the strategies, in the order they are added
METRES_PER_DEGREE = 111320.0  # to turn the join tolerance into the graph's degrees
CACHE_SIZE = 8

stats = {"builds": 0}  # graphs built in this session (read by tests and the benchmark)


class RoutingError(Exception):
    """A route could not be found; the message says why in the analyst's terms."""


class SnapError(RoutingError):
    """A point is too far from the network to start or end a route there."""


class NoRouteError(RoutingError):
    """The network does not connect two points."""


@dataclass(frozen=True)
class NetworkSettings:
    """How a line layer is read as a network. Hashable: part of the cache key."""

    length_field: Optional[str] = None  # km; empty or missing values fall back to geodesic
    mode_field: Optional[str] = None
    name_field: Optional[str] = None
    speeds: Tuple[Tuple[str, float], ...] = tuple(sorted(DEFAULT_SPEEDS_KMH.items()))
    default_mode: str = DEFAULT_MODE
    ellipsoid: str = "WGS84"
    join_tolerance_m: float = 0.0  # line ends closer than this are joined
    exclude: Tuple[str, ...] = ()  # modes left out (lower case); a mode not named here is used

    @classmethod
    def make(cls, speeds: Dict[str, float] = None, exclude=(), **options) -> "NetworkSettings":
        """Settings with `speeds` laid over the defaults, checked; `exclude` the modes left out."""
        merged = dict(DEFAULT_SPEEDS_KMH)
        for mode, speed in (speeds or {}).items():
            if not isinstance(speed, (int, float)) or isinstance(speed, bool) or not speed > 0:
                raise RoutingError(tr("the speed for {} must be a positive number of km/h, not {!r}").format(
                    mode, speed))
            merged[str(mode).strip().lower()] = float(speed)
        excluded = tuple(sorted({str(mode).strip().lower() for mode in exclude or () if str(mode).strip()}))
        return cls(speeds=tuple(sorted(merged.items())), exclude=excluded, **options)

    def uses(self, mode: str) -> bool:
        return mode not in self.exclude

    def speed(self, mode: str) -> float:
        table = dict(self.speeds)
        return table.get(mode) or table.get(self.default_mode) or DEFAULT_SPEEDS_KMH[DEFAULT_MODE]


def change_key(first: str, second: str) -> str:
    """The key of a change of mode, the same either way: change_key("sea", "rail") == "rail/sea"."""
    return "/".join(sorted((first, second)))


@dataclass(frozen=True)
class DwellTimes:
    """Hours spent not moving: loading at the start, unloading at the end, a stay at each change of mode."""

    loading: float = 0.0
    unloading: float = 0.0
    changes: Tuple[Tuple[str, float], ...] = ()  # (change_key, hours)
    other: float = 0.0  # a change of mode not in `changes`

    @classmethod
    def make(cls, hours: Dict[str, float] = None) -> "DwellTimes":
        """From {"loading": 12, "unloading": 6, "rail/sea": 24, "other": 12, ...}; missing keys are 0."""
        checked = {}
        for key, value in (hours or {}).items():
            if not isinstance(value, (int, float)) or isinstance(value, bool) or value < 0:
                raise RoutingError(tr("the dwell time for {} must be zero or more hours, not {!r}").format(
                    key, value))
            checked[str(key).strip().lower()] = float(value)
        loading, unloading, other = (checked.pop(k, 0.0) for k in ("loading", "unloading", "other"))
        changes = tuple(sorted((change_key(*key.split("/", 1)) if "/" in key else key, value)
                               for key, value in checked.items()))
        return cls(loading, unloading, changes, other)

    @classmethod
    def defaults(cls) -> "DwellTimes":
        return cls.make(DEFAULT_DWELL_HOURS)

    def change(self, first: str, second: str) -> float:
        return dict(self.changes).get(change_key(first, second), self.other)


@dataclass(frozen=True)
class Stop:
    """A start, end or waypoint in WGS84, with the label the route shows for it."""

    label: str
    lon: float
    lat: float


@dataclass
class Snap:
    stop: Stop
    vertex: int
    lon: float
    lat: float
    offset_km: float


@dataclass
class RouteLeg:
    from_name: str
    to_name: str
    mode: str
    km: float
    hours: float  # moving
    via: str
    points: List[Tuple[float, float]] = field(default_factory=list)
    dwell_hours: float = 0.0  # spent at from_name before the leg: loading, or the change of mode
    dwell_what: str = ""  # "loading" or "rail → sea"

    def geometry(self) -> QgsGeometry:
        return QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in self.points])


@dataclass
class RouteResult:
    legs: List[RouteLeg]
    snaps: List[Snap]
    optimize: str
    straight_km: float  # the geodesic from start to end, for comparison
    unloading_hours: float = 0.0  # at the end, after the last leg

    @property
    def total_km(self) -> float:
        return sum(leg.km for leg in self.legs)

    @property
    def moving_hours(self) -> float:
        return sum(leg.hours for leg in self.legs)

    @property
    def dwell_hours(self) -> float:
        return sum(leg.dwell_hours for leg in self.legs) + self.unloading_hours

    @property
    def total_hours(self) -> float:
        """Moving and dwell hours."""
        return self.moving_hours + self.dwell_hours

    @property
    def days(self) -> float:
        return self.total_hours / 24.0

    def geometry(self) -> QgsGeometry:
        """The whole route as one line in WGS84."""
        points = []
        for leg in self.legs:
            points.extend(leg.points if not points else leg.points[1:])
        return QgsGeometry.fromPolylineXY([QgsPointXY(x, y) for x, y in points])


def dijkstra(graph, start: int, criterion: int):
    """(tree, cost) of QgsGraphAnalyzer.dijkstra, the same pair on every QGIS the matrix runs: tree[v] is
    the index of the edge that reaches vertex v, -1 for the start and for vertices out of reach."""
    tree, cost = QgsGraphAnalyzer.dijkstra(graph, start, criterion)
    return list(tree), list(cost)


class _EdgeCoster:
    """Each feature's km-per-metre scale, mode and name, worked out once per feature."""

    def __init__(self, layer: QgsVectorLayer, settings: NetworkSettings, indices: Dict[str, int]):
        self.settings = settings
        self.indices = indices
        self.measure = distance_area(settings.ellipsoid)
        self.measure.setSourceCrs(layer.crs(), layer.transformContext())
        self.features: Dict[int, Tuple[float, str, str, float]] = {}

    @property
    def attributes(self) -> List[int]:
        return sorted(i for i in self.indices.values() if i >= 0)

    def info(self, feature) -> Tuple[float, str, str, float]:
        fid = feature.id()
        known = self.features.get(fid)
        if known is None:
            scale = 0.001
            length_km = _number(self._value(feature, "length"))
            if length_km is not None and length_km > 0:
                metres = self.measure.measureLength(feature.geometry())
                scale = length_km / metres if metres > 0 else 0.0
            mode = str(self._value(feature, "mode") or "").strip().lower() or self.settings.default_mode
            name = str(self._value(feature, "name") or "").strip()
            known = self.features[fid] = (scale, mode, name, self.settings.speed(mode))
        return known

    def _value(self, feature, what):
        index = self.indices.get(what, -1)
        if index < 0:
            return None
        value = feature.attributes()[index]
        return None if value is None or (hasattr(value, "isNull") and value.isNull()) else value


def _number(value) -> Optional[float]:
    try:
        return float(value) if value is not None and value != "" else None
    except (TypeError, ValueError):
        return None


class _Strategy(QgsNetworkStrategy):
    """One cost of an edge segment: km, hours or the feature id."""

    def __init__(self, coster: _EdgeCoster, what: int):
        super().__init__()
        self._coster = coster
        self._what = what

    def requiredAttributes(self):  # noqa: N802 (QGIS API); a list: PyQt refuses a set here
        return self._coster.attributes

    def cost(self, distance, feature):
        if self._what == FEATURE:
            return feature.id()
        scale, mode, _name, speed = self._coster.info(feature)
        if not self._coster.settings.uses(mode):
            return EXCLUDED_COST
        km = distance * scale
        return km if self._what == KM else km / speed


class RouteNetwork:
    """A line layer built into a graph: vertices in WGS84, each edge costing km and hours."""

    def __init__(self, layer: QgsVectorLayer, settings: NetworkSettings):
        self.measure = distance_area(settings.ellipsoid)
        if not self.measure.willUseEllipsoid():
            raise RoutingError("'{}' is not an ellipsoid QGIS knows (WGS84 is)".format(settings.ellipsoid))
        indices = {"length": _field_index(layer, settings.length_field, "length"),
                   "mode": _field_index(layer, settings.mode_field, "mode"),
                   "name": _field_index(layer, settings.name_field, "name")}
        coster = _EdgeCoster(layer, settings, indices)
        director = QgsVectorLayerDirector(layer, -1, "", "", "", QgsVectorLayerDirector.Direction.DirectionBoth)
        # One speed for every edge: QGIS's distance strategy (metres) is all it takes.
        self.uniform_speed = settings.speed(settings.default_mode) if max(indices.values()) < 0 else None
        if self.uniform_speed and not settings.uses(settings.default_mode):
            raise RoutingError(tr(
                "The network '{}' has no mode field, so every line counts as {}, which the modes to use "
                "leave out: tick {} or choose the network's mode field").format(
                layer.name(), settings.default_mode, settings.default_mode))
        if self.uniform_speed:
            director.addStrategy(QgsNetworkDistanceStrategy())
        else:
            for what in (KM, HOURS, FEATURE):
                director.addStrategy(_Strategy(coster, what))
        tolerance = settings.join_tolerance_m / METRES_PER_DEGREE
        builder = QgsGraphBuilder(QgsCoordinateReferenceSystem(WGS84), True, tolerance, settings.ellipsoid)
        director.makeGraph(builder, [])
        self.graph = builder.takeGraph() if hasattr(builder, "takeGraph") else builder.graph()
        self._builder = builder  # owns the graph where takeGraph() does not exist
        self.settings = settings
        self.layer_name = layer.name()
        self.features = {fid: (mode, name) for fid, (_s, mode, name, _v) in coster.features.items()}
        self._xs = self._ys = None
        stats["builds"] += 1

    @property
    def vertex_count(self) -> int:
        return self.graph.vertexCount()

    def criterion(self, optimize: str) -> int:
        return KM if optimize == "distance" or self.uniform_speed else HOURS

    def costs(self, edge) -> Tuple[float, float, str, str]:
        """(km, hours, mode, feature name) of a graph edge."""
        if self.uniform_speed:
            km = edge.cost(KM) / 1000.0
            return km, km / self.uniform_speed, self.settings.default_mode, ""
        mode, name = self.features.get(edge.cost(FEATURE), (self.settings.default_mode, ""))
        return edge.cost(KM), edge.cost(HOURS), mode, name

    def _coordinates(self):
        if self._xs is None:
            points = [self.graph.vertex(i).point() for i in range(self.graph.vertexCount())]
            self._xs, self._ys = [p.x() for p in points], [p.y() for p in points]
            self._boardable = [self._is_boardable(i) for i in range(len(points))]
        return self._xs, self._ys

    def _is_boardable(self, vertex: int) -> bool:
        """A node a stop may snap to: any node of a land line, and of an air or sea line only its ends
        (where it meets another line or stops), not a point drawn along the way. Modes left out still
        snap, so a route that needs one is refused by naming it."""
        if self.uniform_speed:
            return True
        edges = []
        for edge_id in self.graph.vertex(vertex).outgoingEdges():
            edge = self.graph.edge(edge_id)
            mode, _name = self.features.get(edge.cost(FEATURE), (self.settings.default_mode, ""))
            edges.append((mode, edge.cost(FEATURE)))
        if any(mode not in ENDS_ONLY_MODES for mode, _fid in edges):
            return True
        return not (len(edges) == 2 and len({fid for _mode, fid in edges}) == 1)

    def point(self, vertex: int) -> Tuple[float, float]:
        point = self.graph.vertex(vertex).point()
        return point.x(), point.y()

    def km_between(self, a: Tuple[float, float], b: Tuple[float, float]) -> float:
        return self.measure.measureLine(QgsPointXY(*a), QgsPointXY(*b)) / 1000.0

    def nearest_vertex(self, lon: float, lat: float) -> Tuple[int, float]:
        """(vertex, geodesic km) of the boardable node nearest to a point (see _is_boardable).

        Candidates are compared on a local equirectangular scale around the
        point, which ranks nodes as the geodesic does at the distances that matter.
        """
        if not self.vertex_count:
            raise RoutingError("the network '{}' has no lines to route on".format(self.layer_name))
        xs, ys = self._coordinates()
        exact = self.graph.findVertex(QgsPointXY(lon, lat))
        if exact >= 0 and self._boardable[exact]:
            return exact, 0.0
        scale = math.cos(math.radians(lat))
        best, best_d2 = 0, float("inf")
        for index, (x, y) in enumerate(zip(xs, ys)):
            if not self._boardable[index]:
                continue
            dx = abs(x - lon)
            if dx > 180.0:
                dx = 360.0 - dx
            d2 = (dx * scale) ** 2 + (y - lat) ** 2
            if d2 < best_d2:
                best, best_d2 = index, d2
        if best_d2 == float("inf"):
            raise RoutingError(tr("the network '{}' has no node a route can start or end at").format(
                self.layer_name))
        return best, self.km_between((lon, lat), self.point(best))

    def edge_names(self, vertex: int) -> List[str]:
        node = self.graph.vertex(vertex)
        names = []
        for edge_id in list(node.outgoingEdges()) + list(node.incomingEdges()):
            name = self.costs(self.graph.edge(edge_id))[3]
            if name and name not in names:
                names.append(name)
        return names

    def _adjacency(self):
        """[(to vertex, edge id, hours, mode)] per vertex, over the modes used (built once per graph)."""
        if getattr(self, "_adjacent", None) is None:
            adjacent = []
            for vertex in range(self.graph.vertexCount()):
                out = []
                for edge_id in self.graph.vertex(vertex).outgoingEdges():
                    edge = self.graph.edge(edge_id)
                    _km, hours, mode, _name = self.costs(edge)
                    if self.settings.uses(mode):
                        out.append((edge.toVertex(), edge_id, hours, mode))
                adjacent.append(out)
            self._adjacent = adjacent
        return self._adjacent

    def quickest_path(self, start: int, end: int, dwell: "DwellTimes") -> Optional[List[int]]:
        """The edges of the quickest path counting the dwell at each change of mode, or None when the
        modes used do not connect the two. A Dijkstra over (vertex, mode of arrival) states."""
        if start == end:
            return []
        adjacent = self._adjacency()
        best = {(start, None): 0.0}
        back = {}
        queue = [(0.0, 0, start, None)]
        counter = 1
        while queue:
            hours, _order, vertex, mode = heapq.heappop(queue)
            if hours > best.get((vertex, mode), float("inf")):
                continue
            if vertex == end:
                edges, state = [], (vertex, mode)
                while state in back:
                    state, edge_id = back[state]
                    edges.append(edge_id)
                edges.reverse()
                return edges
            for to, edge_id, edge_hours, edge_mode in adjacent[vertex]:
                cost = hours + edge_hours
                if mode is not None and edge_mode != mode:
                    cost += dwell.change(mode, edge_mode)
                state = (to, edge_mode)
                if cost < best.get(state, float("inf")):
                    best[state] = cost
                    back[state] = ((vertex, mode), edge_id)
                    heapq.heappush(queue, (cost, counter, to, edge_mode))
                    counter += 1
        return None

    def path(self, start: int, end: int, criterion: int) -> List[int]:
        """The edges of the cheapest path from vertex start to vertex end."""
        if start == end:
            return []
        tree, _cost = dijkstra(self.graph, start, criterion)
        edges, vertex = [], end
        for _ in range(len(tree)):
            if vertex == start:
                edges.reverse()
                return edges
            edge_id = tree[vertex]
            if edge_id < 0:
                raise NoRouteError("no path")
            edges.append(edge_id)
            vertex = self.graph.edge(edge_id).fromVertex()
        raise RoutingError("the shortest-path tree from dijkstra has a loop; the graph is damaged")


def _field_index(layer: QgsVectorLayer, name: Optional[str], what: str) -> int:
    if not name:
        return -1
    index = layer.fields().lookupField(name)
    if index < 0:
        raise RoutingError("the network '{}' has no field '{}' (chosen as its {} field); its fields are: "
                           "{}".format(layer.name(), name, what, ", ".join(layer.fields().names())))
    return index


# The cache ---------------------------------------------------------------------------------------

_CACHE: "OrderedDict[tuple, tuple]" = OrderedDict()
_GENERATIONS: Dict[str, int] = {}
_WATCHED = set()


def _bump(layer_id: str) -> None:
    _GENERATIONS[layer_id] = _GENERATIONS.get(layer_id, 0) + 1


def forget_layer(layer_id: str) -> None:
    """Drop every graph of a layer (it is being deleted)."""
    for key in [k for k in _CACHE if k[0] == layer_id]:
        del _CACHE[key]
    _WATCHED.discard(layer_id)
    _GENERATIONS.pop(layer_id, None)


def clear_cache() -> None:
    _CACHE.clear()


def _watch(layer: QgsVectorLayer) -> None:
    layer_id = layer.id()
    if layer_id in _WATCHED:
        return
    _WATCHED.add(layer_id)
    for name in ("layerModified", "dataChanged", "afterCommitChanges", "afterRollBack",
                 "subsetStringChanged", "crsChanged", "dataSourceChanged"):
        signal = getattr(layer, name, None)
        if signal is not None:
            signal.connect(lambda *_args, layer_id=layer_id: _bump(layer_id))
    layer.willBeDeleted.connect(lambda layer_id=layer_id: forget_layer(layer_id))


def _stamp(layer: QgsVectorLayer) -> tuple:
    count = layer.dataProvider().featureCount() if layer.providerType() == "memory" else None
    return _GENERATIONS.get(layer.id(), 0), count


def check_layer(layer) -> None:
    if not isinstance(layer, QgsVectorLayer) or not layer.isValid():
        raise RoutingError("the network layer is missing or could not be opened")
    if layer.geometryType() != LINE_GEOMETRY:
        raise RoutingError("the network '{}' is not a line layer".format(layer.name()))


def network_for(layer: QgsVectorLayer, settings: NetworkSettings = None) -> RouteNetwork:
    """The layer's graph, built on first use and again only after the layer or settings changed."""
    settings = settings or NetworkSettings()
    check_layer(layer)
    _watch(layer)
    key = (layer.id(), settings)
    stamp = _stamp(layer)
    cached = _CACHE.get(key)
    if cached is not None and cached[0] == stamp:
        _CACHE.move_to_end(key)
        return cached[1]
    network = RouteNetwork(layer, settings)
    _CACHE[key] = (stamp, network)
    _CACHE.move_to_end(key)
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return network


# Routes ------------------------------------------------------------------------------------------

def point_label(lon: float, lat: float) -> str:
    return "{:.4f}, {:.4f}".format(lon, lat)


class _Namer:
    """Names network nodes after the nearest named place, else by their coordinates."""

    def __init__(self, network: RouteNetwork, places: Sequence[Tuple[str, float, float]]):
        self.network = network
        self.places = list(places)

    def __call__(self, vertex: int) -> str:
        point = self.network.point(vertex)
        best, best_km = None, NODE_NAME_KM
        for name, lon, lat in self.places:
            if abs(lat - point[1]) < 0.1 and abs(lon - point[0]) < 0.2:
                km = self.network.km_between(point, (lon, lat))
                if km <= best_km:
                    best, best_km = name, km
        return best or point_label(*point)


def _too_far(network: RouteNetwork, stop: Stop, role: str, vertex: int, km: float, namer) -> str:
    """The sentence for one stop too far from the network."""
    where = point_label(*network.point(vertex))
    name = (namer or _Namer(network, ()))(vertex)
    node = where if name == where else "{} ({})".format(name, where)
    on = ", ".join("'{}'".format(n) for n in network.edge_names(vertex)[:2])
    return tr("{} ({}) is {:.1f} km from the nearest node of the network '{}': {}{}.").format(
        role, stop.label, km, network.layer_name, node, tr(" on {}").format(on) if on else "")


def _raise_too_far(sentences: List[str], roles: List[str], tolerance_km: float) -> None:
    advice = tr("The limit is {:g} km: pick {} nearer the network or raise the snap tolerance "
                "('{}' on the dock's Route page, {} in Processing).").format(
        tolerance_km, tr("a point") if len(sentences) == 1 else tr("points"), tr(SNAP_FIELD), SNAP_PARAMETER)
    error = SnapError(" ".join(sentences + [advice]))
    error.roles = roles
    raise error


def snap(network: RouteNetwork, stop: Stop, role: str, tolerance_km: float, namer=None) -> Snap:
    vertex, km = network.nearest_vertex(stop.lon, stop.lat)
    if km > tolerance_km:
        _raise_too_far([_too_far(network, stop, role, vertex, km, namer)], [role], tolerance_km)
    return Snap(stop, vertex, network.point(vertex)[0], network.point(vertex)[1], km)


def snap_all(network: RouteNetwork, stops: Sequence[Stop], roles: Sequence[str], tolerance_km: float,
             namer=None) -> List[Snap]:
    """Every stop on its nearest node; one SnapError naming every stop that is too far."""
    snaps, sentences, far = [], [], []
    for stop, role in zip(stops, roles):
        vertex, km = network.nearest_vertex(stop.lon, stop.lat)
        if km > tolerance_km:
            sentences.append(_too_far(network, stop, role, vertex, km, namer))
            far.append(role)
        snaps.append(Snap(stop, vertex, network.point(vertex)[0], network.point(vertex)[1], km))
    if sentences:
        _raise_too_far(sentences, far, tolerance_km)
    return snaps


def roles_for(count: int) -> List[str]:
    """START, waypoint 1, ..., END."""
    return ["START"] + [tr("waypoint {}").format(i) for i in range(1, count - 1)] + ["END"]


def find_route(layer: QgsVectorLayer, stops: Sequence[Stop], optimize: str = "distance",
               settings: NetworkSettings = None, snap_tolerance_km: float = DEFAULT_SNAP_TOLERANCE_KM,
               places: Sequence[Tuple[str, float, float]] = (), dwell: DwellTimes = None) -> RouteResult:
    """The cheapest route through the stops in order (start, waypoints, end), leg by leg.

    `places` (name, lon, lat) name the nodes where the mode changes. `dwell` (none by default) adds
    loading at the start, a stay at each change of mode and unloading at the end; the quickest route
    then counts the stays at changes of mode in its choice (stops are routed leg by leg).
    """
    if optimize not in OPTIMIZE:
        raise RoutingError(tr("optimize must be one of {}, not {!r}").format(", ".join(OPTIMIZE), optimize))
    if len(stops) < 2:
        raise RoutingError(tr("a route needs a start and an end"))
    network = network_for(layer, settings)
    namer = _Namer(network, places)
    roles = roles_for(len(stops))
    snaps = snap_all(network, stops, roles, snap_tolerance_km, namer)
    if len({s.vertex for s in snaps}) == 1:
        raise RoutingError(tr("START ({}) and END ({}) are the same node of the network").format(
            stops[0].label, stops[-1].label))
    criterion = network.criterion(optimize)
    # The quickest route counts the stays at changes of mode where there are any to count.
    with_dwell = (optimize == "time" and dwell is not None and not network.uniform_speed
                  and (dwell.other > 0 or any(hours > 0 for _key, hours in dwell.changes)))
    legs = []
    for index, (first, second) in enumerate(zip(snaps, snaps[1:])):
        try:
            edges = network.quickest_path(first.vertex, second.vertex, dwell) if with_dwell else None
            if edges is None:  # not asked for, or not connected by the modes used: say why below
                edges = network.path(first.vertex, second.vertex, criterion)
        except NoRouteError:
            raise NoRouteError(tr(
                "No route from {} ({}) to {} ({}): they are on parts of the network '{}' that do not connect "
                "(nearest nodes {} and {}). Lines connect only where they share an end or a vertex.").format(
                    roles[index], first.stop.label, roles[index + 1], second.stop.label,
                    network.layer_name, namer(first.vertex), namer(second.vertex))) from None
        _check_modes(network, edges, roles[index], first, roles[index + 1], second)
        legs.extend(_legs(network, edges, first, second, namer))
    straight = network.km_between((stops[0].lon, stops[0].lat), (stops[-1].lon, stops[-1].lat))
    result = RouteResult(legs, snaps, optimize, straight)
    if dwell is not None:
        add_dwell(result, dwell)
    return result


def _check_modes(network: RouteNetwork, edges: List[int], first_role, first: Snap, second_role,
                 second: Snap) -> None:
    """Refuse a path that needs a mode left out, naming the modes it needs."""
    if not network.settings.exclude or network.uniform_speed:
        return
    needed = []
    for edge_id in edges:
        mode = network.costs(network.graph.edge(edge_id))[2]
        if not network.settings.uses(mode) and mode not in needed:
            needed.append(mode)
    if needed:
        raise NoRouteError(tr(
            "No route from {} ({}) to {} ({}) without {}: the network '{}' joins them only with {}. "
            "Tick {} in the modes to use (Processing: MODES) to allow it.").format(
                first_role, first.stop.label, second_role, second.stop.label,
                ", ".join(network.settings.exclude), network.layer_name, ", ".join(needed), ", ".join(needed)))


def add_dwell(result: RouteResult, dwell: DwellTimes) -> RouteResult:
    """Loading before the first leg, a stay at each change of mode, unloading after the last."""
    previous = None
    for leg in result.legs:
        if previous is None:
            leg.dwell_hours, leg.dwell_what = dwell.loading, "loading"
        elif leg.mode != previous.mode:
            leg.dwell_hours = dwell.change(previous.mode, leg.mode)
            leg.dwell_what = "{} → {}".format(previous.mode, leg.mode)
        else:
            leg.dwell_hours, leg.dwell_what = 0.0, ""
        previous = leg
    result.unloading_hours = dwell.unloading if result.legs else 0.0
    return result


def _legs(network: RouteNetwork, edges: List[int], first: Snap, second: Snap, namer) -> List[RouteLeg]:
    """One row per run of edges of one mode between two stops."""
    legs, current, names = [], None, []
    for edge_id in edges:
        edge = network.graph.edge(edge_id)
        km, hours, mode, name = network.costs(edge)
        if current is None or mode != current.mode:
            start = first.stop.label
            if current is not None:  # the mode changes here
                start = current.to_name = namer(edge.fromVertex())
            current = RouteLeg(start, "", mode, 0.0, 0.0, "", [network.point(edge.fromVertex())])
            legs.append(current)
            names = []
        current.km += km
        current.hours += hours
        current.points.append(network.point(edge.toVertex()))
        if name and name not in names:
            names.append(name)
            current.via = "; ".join(names)
    if legs:
        legs[-1].to_name = second.stop.label
    return legs

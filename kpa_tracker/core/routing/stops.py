"""Route stops from text: "lon,lat [EPSG:4326]" or the name or id of a curated place.

Names are looked up in the one place index (core.place_index) as the locator
(Ctrl+K) looks them up: an exact id first, then an exact name, a prefix, a
substring and last a near spelling. Text that matches places in more than one
location is refused with the candidates listed.
"""

import math
import re
from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsPointXY,
)

from ..curated import data as curated
from ..places import index as place_index
from ..places.index import Place
from ..measure.geodesy import distance_area
from .network import NAME_WITHIN_KM, RoutingError, Stop, point_label

_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
POINT_PATTERN = re.compile(r"^\s*({0})\s*,\s*({0})\s*(?:\[\s*([^\]]*?)\s*\])?\s*$".format(_NUMBER))

__all__ = ["Place", "curated_places", "find_places", "node_names", "network_node_names", "parse_point",
           "place_near", "resolve_stop", "stop_at"]


UNIT_LAYERS = ("units",)  # a route may start or end at a unit's reported point, after every place


def curated_places(result: curated.LoadResult = None) -> List[Place]:
    """Every stop a route can start or end at: the place index (bases, sites, settlements, towns), then units."""
    if result is None:
        _catalogue, result = curated.load_cached()
        places = list(place_index.cached())
    else:
        places = place_index.build(result)
    return places + place_index.unit_places(result, UNIT_LAYERS)


def node_names(places: Sequence[Place]) -> List[Tuple[str, float, float]]:
    """(name, lon, lat) for naming network nodes; bases come first, so they win a tie."""
    return [(p.name, p.lon, p.lat) for p in places]


def network_node_names(result: curated.LoadResult = None) -> List[Tuple[str, float, float]]:
    """(name, lon, lat) for the curated network's stations (see place_index.network_towns)."""
    if result is None:
        _catalogue, result = curated.load_cached()
    return place_index.network_towns(result)


def parse_point(text: str, context: QgsCoordinateTransformContext = None):
    """(lon, lat) in WGS84 from "x,y" or "x,y [CRS]" (WGS84 when no CRS is given), else None."""
    match = POINT_PATTERN.match(str(text or ""))
    if not match:
        return None
    x, y, crs_text = float(match.group(1)), float(match.group(2)), match.group(3)
    if crs_text:
        crs = QgsCoordinateReferenceSystem(crs_text)
        if not crs.isValid():
            raise RoutingError("'{}' is not a coordinate reference system QGIS knows".format(crs_text))
        if crs.authid() != "EPSG:4326":
            transform = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"),
                                               context or QgsCoordinateTransformContext())
            point = transform.transform(QgsPointXY(x, y))
            x, y = point.x(), point.y()
    if not (-180.0 <= x <= 180.0 and -90.0 <= y <= 90.0):
        raise RoutingError("{} is not a longitude, latitude on Earth (write lon,lat)".format(point_label(x, y)))
    return x, y


def find_places(text: str, places: Sequence[Place]) -> List[Place]:
    """The places the text names, best tier only (exact id, exact name, prefix, substring, near spelling)."""
    return place_index.find(places, text)


def resolve_stop(text: str, places: Sequence[Place], role: str = "START",
                 context: QgsCoordinateTransformContext = None) -> Tuple[Stop, str]:
    """The stop the text means, and a line saying how it was read."""
    point = parse_point(text, context)
    if point is not None:
        label = point_label(*point)
        return Stop(label, point[0], point[1]), "{} is the point {}".format(role, label)
    hits = find_places(text, places)
    if not hits:
        raise RoutingError("{} '{}' is neither a point (lon,lat [EPSG:4326]) nor the name or id of a "
                           "curated place".format(role, text))
    locations = {(round(p.lon, 6), round(p.lat, 6)) for p in hits}
    if len(locations) > 1:
        listed = "; ".join("{} ({})".format(p.name, p.id) for p in hits[:6])
        raise RoutingError("{} '{}' matches places in {} locations: {}. Give the id or more of the "
                           "name.".format(role, text, len(locations), listed))
    place = hits[0]
    return Stop(place.name, place.lon, place.lat), "{} '{}' is the curated place {} ({}) at {}".format(
        role, text, place.name, place.id, point_label(place.lon, place.lat))


def place_near(lon: float, lat: float, places: Sequence[Place], within_km: float = NAME_WITHIN_KM) -> Optional[Place]:
    """The curated place nearest to a point, if it is within `within_km` (geodesic); else None.

    A tie goes to the place listed first (bases before settlements, as curated_places lists them)."""
    # A cheap box first: a degree of latitude is over 110 km, one of longitude over 110 * cos(lat).
    dlat = within_km / 110.0
    dlon = within_km / max(1.0, 110.0 * math.cos(math.radians(min(abs(lat), 89.0))))
    near = [p for p in places if abs(p.lat - lat) <= dlat and abs(p.lon - lon) <= dlon]
    if not near:
        return None
    measure = distance_area()
    best, best_km = None, within_km
    for place in near:
        km = measure.measureLine(QgsPointXY(lon, lat), QgsPointXY(place.lon, place.lat)) / 1000.0
        if km < best_km or (best is None and km <= best_km):
            best, best_km = place, km
    return best


def stop_at(lon: float, lat: float, places: Sequence[Place], within_km: float = NAME_WITHIN_KM) -> Stop:
    """A clicked point as a stop, named after the curated place within `within_km`, else by its coordinates."""
    place = place_near(lon, lat, places, within_km)
    return Stop(place.name if place else point_label(lon, lat), lon, lat)

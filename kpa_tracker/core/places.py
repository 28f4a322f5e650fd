"""Route stops from text: "lon,lat [EPSG:4326]" or the name or id of a curated place.

Names are matched as the locator (Ctrl+K) matches them, ignoring case, accents
and apostrophes (curated.fold): an exact id first, then an exact name, then
names that start with the text, then names that contain it. Text that matches
places in more than one location is refused with the candidates listed.
"""

import re
from dataclasses import dataclass
from typing import List, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsPointXY,
)

from . import curated
from .routing import RoutingError, Stop, point_label

PLACE_LAYERS = ("bases", "kursk_sites", "units")  # the locator's layers, places before units
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
POINT_PATTERN = re.compile(r"^\s*({0})\s*,\s*({0})\s*(?:\[\s*([^\]]*?)\s*\])?\s*$".format(_NUMBER))


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    names: Tuple[str, ...]
    lon: float
    lat: float


def curated_places(result: curated.LoadResult = None) -> List[Place]:
    """Every curated point that can start or end a route, bases first."""
    if result is None:
        _catalogue, result = curated.load_cached()
    places = []
    for layer_id in PLACE_LAYERS:
        for feature in result.features.get(layer_id, []):
            lon, lat = feature.coordinates
            places.append(Place(feature.id, feature.name, tuple(feature.search_names()), lon, lat))
    return places


def node_names(places: Sequence[Place]) -> List[Tuple[str, float, float]]:
    """(name, lon, lat) for naming network nodes; units stand at places, so bases win."""
    return [(p.name, p.lon, p.lat) for p in places]


def network_node_names(result: curated.LoadResult = None) -> List[Tuple[str, float, float]]:
    """(name, lon, lat) for the curated network's stations, read from its edge names.

    The edges are named "Trans-Siberian, Kirov–Perm–Yekaterinburg" or "Kursk–Sudzha
    by road": one name per point of the edge's path, in order. Edges whose name
    does not list exactly their points name none.
    """
    if result is None:
        _catalogue, result = curated.load_cached()
    names = []
    for feature in result.features.get("network", []):
        label = feature.name.split(", ")[-1]
        label = re.sub(r"\s+(by \w+|line|branch|over the .*)$", "", label)
        stations = [part.strip() for part in label.split("\u2013")]
        if len(stations) == len(feature.coordinates):
            names.extend((station, lon, lat) for station, (lon, lat) in zip(stations, feature.coordinates))
    return names


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
    """The places the text names, best matches first (exact id, exact name, prefix, substring)."""
    needle = curated.fold(text)
    if not needle:
        return []
    for place in places:
        if place.id == str(text).strip():
            return [place]
    tiers = ([], [], [])
    for place in places:
        folded = [curated.fold(name) for name in place.names]
        if needle in folded:
            tiers[0].append(place)
        elif any(name.startswith(needle) for name in folded):
            tiers[1].append(place)
        elif len(needle) >= 2 and any(needle in name for name in folded):
            tiers[2].append(place)
    return next((tier for tier in tiers if tier), [])


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

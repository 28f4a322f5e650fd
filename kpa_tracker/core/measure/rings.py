"""Geodesic range rings and buffers on the ellipsoid: true circles, not planar ones.

A ring around a point is made of vertices at exactly the radius: each one solves the direct geodesic
problem (QgsDistanceArea.computeSpheroidProject) from the centre along its own azimuth. With
RING_VERTICES vertices the straight edge between two of them sags below the radius by at most
1 - cos(180° / RING_VERTICES) of it (0.004 % with 360), inside the 0.01 % the rings promise.

A buffer around a line or a polygon (the border, the line of contact) is drawn in an azimuthal
equidistant projection centred on the feature, where distances are true to about (extent / R)² / 6
(0.003 % at 100 km from the centre), and brought back to longitude/latitude.
"""

import math
import re
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsPointXY,
)

from ...toolbelt.compat import POINT_GEOMETRY
from ...toolbelt.i18n import tr
from .geodesy import WGS84, distance_area

RING_VERTICES = 360
BUFFER_SEGMENTS = 64  # per quarter circle, as QgsGeometry.buffer counts them: 0.008 % sag
MAX_RADIUS_KM = 10000.0  # beyond a quarter of the Earth's circumference a "ring" wraps around the globe

_NUMBER = re.compile(r"^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$")


class RingsError(ValueError):
    """Bad input for rings; the message names the parameter and the value."""


@dataclass(frozen=True)
class Centre:
    name: str
    lon: float
    lat: float


def parse_radii(text: str, parameter: str = "RADII") -> List[float]:
    """Radii in km from "10, 25, 40" (semicolons and spaces also separate), sorted, each once."""
    parts = [p for p in re.split(r"[,;\s]+", str(text or "").strip()) if p]
    if not parts:
        raise RingsError(tr("{}: no radius given; write kilometres separated by commas, e.g. 10, 25, 40")
                         .format(parameter))
    radii = []
    for part in parts:
        if not _NUMBER.match(part):
            raise RingsError(tr("{}: '{}' is not a number of kilometres").format(parameter, part))
        value = float(part)
        if not math.isfinite(value) or value <= 0:
            raise RingsError(tr("{}: '{}' is not a radius (it must be more than 0 km)").format(parameter, part))
        if value > MAX_RADIUS_KM:
            raise RingsError(tr("{}: '{}' km is more than the {:,.0f} km a range ring can have").format(
                parameter, part, MAX_RADIUS_KM))
        radii.append(value)
    return sorted(set(radii))


def resolve_centre(text: str, places: Sequence = (), parameter: str = "CENTER",
                   context: QgsCoordinateTransformContext = None) -> Centre:
    """The centre a text names: "lon,lat", "x,y [CRS]" or a curated place's name or id."""
    from ..routing.network import RoutingError
    from ..routing.stops import find_places, parse_point

    text = str(text or "").strip()
    if not text:
        raise RingsError(tr("{}: no centre given; write lon,lat [EPSG:4326] or a place's name").format(parameter))
    try:
        point = parse_point(text, context)
    except RoutingError as error:
        raise RingsError("{}: '{}': {}".format(parameter, text, error)) from None
    if point is not None:
        return Centre(point_text(*point), point[0], point[1])
    hits = find_places(text, places)
    if not hits:
        raise RingsError(tr("{}: '{}' is neither a point (lon,lat [EPSG:4326]) nor the name or id of a "
                            "curated place").format(parameter, text))
    locations = {(round(p.lon, 6), round(p.lat, 6)) for p in hits}
    if len(locations) > 1:
        listed = "; ".join("{} ({})".format(p.name, p.id) for p in hits[:6])
        raise RingsError(tr("{}: '{}' matches places in {} locations: {}. Give the id or more of the name.")
                         .format(parameter, text, len(locations), listed))
    return Centre(hits[0].name, hits[0].lon, hits[0].lat)


def point_text(lon: float, lat: float) -> str:
    return "{:.5f},{:.5f}".format(lon, lat)


def _unwrap(lon: float, centre_lon: float) -> float:
    """lon within 180° of the centre's: a ring across the antimeridian stays in one piece."""
    return centre_lon + ((lon - centre_lon + 180.0) % 360.0 - 180.0)


def geodesic_ring(lon: float, lat: float, radius_m: float, ellipsoid: str = "WGS84",
                  vertices: int = RING_VERTICES) -> List[Tuple[float, float]]:
    """The closed ring of points radius_m from (lon, lat) on the ellipsoid, clockwise from north."""
    measure = distance_area(ellipsoid)
    centre = QgsPointXY(lon, lat)
    ring = []
    for index in range(vertices):
        point = measure.computeSpheroidProject(centre, radius_m, 2.0 * math.pi * index / vertices)
        ring.append((_unwrap(point.x(), lon), point.y()))
    ring.append(ring[0])
    return ring


def ring_geometry(lon: float, lat: float, radius_m: float, ellipsoid: str = "WGS84") -> QgsGeometry:
    return QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in geodesic_ring(lon, lat, radius_m, ellipsoid)]])


def aeqd_crs(lon: float, lat: float, ellipsoid: str = "WGS84") -> QgsCoordinateReferenceSystem:
    """An azimuthal equidistant projection centred on (lon, lat): distances from there are true."""
    ellps = "WGS84" if ellipsoid.upper() in ("WGS84", "EPSG:7030") else ellipsoid
    return QgsCoordinateReferenceSystem.fromProj(
        "+proj=aeqd +lat_0={!r} +lon_0={!r} +ellps={} +units=m +no_defs".format(lat, lon, ellps))


def geodesic_buffer(geometry: QgsGeometry, radius_m: float, ellipsoid: str = "WGS84",
                    context: Optional[QgsCoordinateTransformContext] = None) -> QgsGeometry:
    """The area within radius_m of a lon/lat geometry: true rings around a point; for a line or a
    polygon its buffer in an azimuthal equidistant projection centred on it (see the module's note)."""
    if geometry.type() == POINT_GEOMETRY and not geometry.isMultipart():
        point = geometry.asPoint()
        return ring_geometry(point.x(), point.y(), radius_m, ellipsoid)
    centre = geometry.centroid().asPoint()
    local_crs = aeqd_crs(centre.x(), centre.y(), ellipsoid)
    context = context or QgsCoordinateTransformContext()
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    local = QgsGeometry(geometry)
    local.transform(QgsCoordinateTransform(wgs84, local_crs, context))
    buffered = local.buffer(radius_m, BUFFER_SEGMENTS)
    # Edges no longer than 1 km before going back: a straight edge here is not one in lon/lat.
    buffered = buffered.densifyByDistance(1000.0)
    buffered.transform(QgsCoordinateTransform(local_crs, wgs84, context))
    return buffered


def ring_label(radius_km: float) -> str:
    return "{:g} km".format(radius_km)

"""Geodesic measurement on the ellipsoid: distances, bearings, areas, whatever the map's CRS.

Vertices are kept in WGS84 longitude/latitude; all numbers come from
QgsDistanceArea on the project's ellipsoid (WGS84 when the project has none).
A measurement keeps the running total of its fixed segments, so following the
cursor costs one segment's measurement, not the whole line's.
"""

import math
from dataclasses import dataclass
from typing import List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsEllipsoidUtils,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
)

from ...toolbelt.compat import POINT_GEOMETRY
from .geodesy import WGS84, distance_area

DISTANCE_UNITS = {"km": 1000.0, "mi": 1609.344, "nmi": 1852.0}
AREA_UNITS = {"km²": 1e6, "ha": 1e4, "mi²": 1609.344 ** 2}


# QGIS's own acronyms of old for the ellipsoids a project may name; others are matched by their axes.
LEGACY_ELLIPSOIDS = {"WGS84": "EPSG:7030", "GRS80": "EPSG:7019"}


def ellipsoid_name(ellipsoid: str) -> str:
    """A readable name for an ellipsoid id ('EPSG:7030' -> 'WGS 84 (EPSG:7030)').

    One name for one ellipsoid, however it is spelled: QGIS's legacy acronyms ('WGS84', which the
    projects of QGIS 3.22 still carry) are named as the definition with the same axes."""
    ellipsoid = LEGACY_ELLIPSOIDS.get(ellipsoid, ellipsoid)
    definitions = sorted(QgsEllipsoidUtils.definitions(), key=lambda d: d.acronym)
    for definition in definitions:
        if definition.acronym == ellipsoid:
            return definition.description
    wanted = QgsEllipsoidUtils.ellipsoidParameters(ellipsoid)
    if wanted.valid:
        for definition in definitions:
            axes = definition.parameters
            if (axes.valid and abs(axes.semiMajor - wanted.semiMajor) < 1e-6
                    and abs(axes.semiMinor - wanted.semiMinor) < 1e-6
                    and definition.acronym.startswith("EPSG:")):
                return definition.description
    return ellipsoid


def project_ellipsoid(project: QgsProject = None) -> str:
    """The project's ellipsoid, or WGS84 when it has none (planimetric projects)."""
    ellipsoid = (project or QgsProject.instance()).ellipsoid()
    return ellipsoid if ellipsoid and ellipsoid.upper() != "NONE" else "WGS84"


@dataclass
class Readout:
    ellipsoid: str
    vertex_count: int
    segment_m: Optional[float] = None
    total_m: float = 0.0
    bearing_deg: Optional[float] = None
    area_m2: Optional[float] = None
    perimeter_m: Optional[float] = None
    initial_bearing_deg: Optional[float] = None  # of the whole path, at its first vertex
    final_bearing_deg: Optional[float] = None  # of the last segment, at its end


class GeodesicMeasure:
    """A measurement in progress: lon/lat vertices and their running geodesic total."""

    def __init__(self, ellipsoid: str = "WGS84"):
        self.ellipsoid = ellipsoid
        self.distance = distance_area(ellipsoid)
        self.vertices: List[Tuple[float, float]] = []
        self._segments: List[float] = []

    def add(self, lon: float, lat: float) -> None:
        if self.vertices:
            self._segments.append(self.segment(self.vertices[-1], (lon, lat)))
        self.vertices.append((lon, lat))

    def remove_last(self) -> None:
        if self.vertices:
            self.vertices.pop()
            if self._segments:
                self._segments.pop()

    def clear(self) -> None:
        self.vertices.clear()
        self._segments.clear()

    @property
    def fixed_total_m(self) -> float:
        return math.fsum(self._segments)

    def segment(self, start, end) -> float:
        return self.distance.measureLine(QgsPointXY(*start), QgsPointXY(*end))

    def bearing(self, start, end) -> float:
        """Initial bearing (azimuth) from start to end, degrees clockwise from true north, 0-360."""
        radians = self.distance.bearing(QgsPointXY(*start), QgsPointXY(*end))
        return math.degrees(radians) % 360.0

    def final_bearing(self, start, end) -> float:
        """The bearing at `end` of the geodesic from start to end (the way it arrives), 0-360."""
        return (self.bearing(end, start) + 180.0) % 360.0

    def preview(self, cursor=None) -> Readout:
        """The readout with the cursor as a provisional last vertex (None: the fixed vertices only).

        bearing_deg is the last segment's bearing at its start; initial_bearing_deg the path's at its
        first vertex, final_bearing_deg the last segment's at its end."""
        readout = Readout(self.ellipsoid, len(self.vertices), total_m=self.fixed_total_m)
        path = list(self.vertices)
        if self.vertices and cursor is not None:
            readout.segment_m = self.segment(self.vertices[-1], cursor)
            readout.total_m += readout.segment_m
            readout.bearing_deg = self.bearing(self.vertices[-1], cursor) if readout.segment_m > 0 else None
            if readout.segment_m > 0:
                path.append(tuple(cursor))
        elif len(self.vertices) >= 2:
            readout.segment_m = self._segments[-1]
            readout.bearing_deg = self.bearing(self.vertices[-2], self.vertices[-1])
        if len(path) >= 2 and path[0] != path[1]:
            readout.initial_bearing_deg = self.bearing(path[0], path[1])
        if len(path) >= 2 and path[-2] != path[-1]:
            readout.final_bearing_deg = self.final_bearing(path[-2], path[-1])
        return readout

    def area_preview(self, cursor=None) -> Readout:
        ring = list(self.vertices) + ([cursor] if cursor is not None else [])
        readout = Readout(self.ellipsoid, len(self.vertices))
        if len(ring) >= 3:
            readout.area_m2, readout.perimeter_m = self.area(ring)
        return readout

    def area(self, ring) -> Tuple[float, float]:
        """Geodesic area (m²) and perimeter (m) of a lon/lat ring (closed or not)."""
        points = [QgsPointXY(*p) for p in ring]
        if points[0] != points[-1]:
            points.append(points[0])
        polygon = QgsGeometry.fromPolygonXY([points])
        return self.distance.measureArea(polygon), self.distance.measurePerimeter(polygon)

    def line_geometry(self) -> QgsGeometry:
        return QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in self.vertices])


def geometry_distance(first: QgsGeometry, second: QgsGeometry, crs: QgsCoordinateReferenceSystem,
                      ellipsoid: str = "WGS84") -> Tuple[float, Tuple[float, float], Tuple[float, float]]:
    """Shortest geodesic distance (m) between two geometries, and the two closest points (lon, lat).

    Points: the geodesic between them. Other geometries: the closest points are
    found in an azimuthal equidistant projection centred between the two, where
    distances from the centre are true, then measured on the ellipsoid.
    Geometries that touch or overlap are 0 m apart.
    """
    context = QgsProject.instance().transformContext()
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    a, b = QgsGeometry(first), QgsGeometry(second)
    to_wgs84 = QgsCoordinateTransform(crs, wgs84, context)
    a.transform(to_wgs84)
    b.transform(to_wgs84)
    measure = distance_area(ellipsoid)
    if a.intersects(b):
        point = a.intersection(b).pointOnSurface().asPoint()
        return 0.0, (point.x(), point.y()), (point.x(), point.y())
    centre_a, centre_b = a.centroid().asPoint(), b.centroid().asPoint()
    if a.type() == b.type() == POINT_GEOMETRY and not a.isMultipart() and not b.isMultipart():
        pa, pb = a.asPoint(), b.asPoint()
    else:
        middle = measure.computeSpheroidProject(
            centre_a, measure.measureLine(centre_a, centre_b) / 2, measure.bearing(centre_a, centre_b))
        aeqd = QgsCoordinateReferenceSystem.fromProj(
            "+proj=aeqd +lat_0={} +lon_0={} +datum=WGS84 +units=m +no_defs".format(middle.y(), middle.x()))
        to_local = QgsCoordinateTransform(wgs84, aeqd, context)
        local_a, local_b = QgsGeometry(a), QgsGeometry(b)
        local_a.transform(to_local)
        local_b.transform(to_local)
        shortest = local_a.shortestLine(local_b)
        ends = shortest.asPolyline()
        back = QgsCoordinateTransform(aeqd, wgs84, context)
        pa, pb = back.transform(ends[0]), back.transform(ends[-1])
    return measure.measureLine(pa, pb), (pa.x(), pa.y()), (pb.x(), pb.y())


def _with_unit(value: float, unit: str) -> str:
    decimals = 3 if value < 10 else 2 if value < 1000 else 1
    return "{:,.{}f} {}".format(value, decimals, unit)


def format_distance(metres: Optional[float], unit: str) -> str:
    return "–" if metres is None else _with_unit(metres / DISTANCE_UNITS[unit], unit)


def format_area(square_metres: Optional[float], unit: str) -> str:
    return "–" if square_metres is None else _with_unit(square_metres / AREA_UNITS[unit], unit)


def format_bearing(degrees: Optional[float]) -> str:
    return "–" if degrees is None else "{:.1f}°".format(degrees)

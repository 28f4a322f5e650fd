"""Geodesic helpers on the ellipsoid, shared by the curated layers and the measure tool."""

import math
from typing import List, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsDistanceArea,
    QgsPointXY,
)

WGS84 = "EPSG:4326"


def distance_area(ellipsoid: str = "WGS84") -> QgsDistanceArea:
    """A QgsDistanceArea working on lon/lat input with the given ellipsoid."""
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem(WGS84), QgsCoordinateTransformContext())
    measure.setEllipsoid(ellipsoid)
    return measure


def _wrap(lon: float) -> float:
    return (lon + 180.0) % 360.0 - 180.0


def densify(points: Sequence[Tuple[float, float]], step_m: float,
            measure: QgsDistanceArea = None) -> List[List[Tuple[float, float]]]:
    """The great-circle (geodesic) path through lon/lat points, a vertex at least every step_m.

    Intermediate points solve the direct geodesic problem from each segment's start
    along its initial azimuth, so they lie exactly on the geodesic. The result is a
    list of parts: a path that crosses the antimeridian is split there, so that no
    part jumps across the map.
    """
    measure = measure or distance_area()
    path = []
    for start, end in zip(points, points[1:]):
        p1, p2 = QgsPointXY(*start), QgsPointXY(*end)
        length = measure.measureLine(p1, p2)
        count = max(1, int(math.ceil(length / step_m)))
        azimuth = measure.bearing(p1, p2)
        if not path:
            path.append((start[0], start[1]))
        for index in range(1, count):
            point = measure.computeSpheroidProject(p1, length * index / count, azimuth)
            path.append((_wrap(point.x()), point.y()))
        path.append((end[0], end[1]))
    parts = [[path[0]]]
    for previous, current in zip(path, path[1:]):
        if abs(current[0] - previous[0]) > 180.0:
            # Crossing the antimeridian: end this part on it and start the next there.
            edge = 180.0 if previous[0] > 0 else -180.0
            span = (current[0] + (360.0 if previous[0] > 0 else -360.0)) - previous[0]
            fraction = (edge - previous[0]) / span if span else 0.0
            lat = previous[1] + fraction * (current[1] - previous[1])
            parts[-1].append((edge, lat))
            parts.append([(-edge, lat)])
        parts[-1].append(current)
    return parts

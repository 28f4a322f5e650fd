"""The geodesic distance from a point to the line of contact in force on a date.

Which lines are in force is decided by the one rule the timeline and the map use
(core.timeline.dates.feature_window: from the first day valid_from stands for to the last day
valid_to stands for). The nearest point is found in an azimuthal equidistant projection centred on
the point itself, where every distance from the point is the true geodesic one; the line is first
densified along its geodesics (a vertex every DENSIFY_STEP_M), so that its straight edges there are
the geodesics to within millimetres. The distance given is then measured on the ellipsoid.
"""

import datetime
from dataclasses import dataclass
from typing import List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsPointXY,
)

from ...toolbelt.i18n import tr
from ..timeline.dates import feature_window
from .geodesy import WGS84, densify, distance_area
from .rings import aeqd_crs

FRONT_LAYER = "front_lines"
DENSIFY_STEP_M = 200.0


class NoFrontLine(LookupError):
    """No line of contact is in force on the date; the message says so and names the dates there are."""


@dataclass(frozen=True)
class FrontDistance:
    metres: float
    nearest: Tuple[float, float]  # lon, lat on the line
    point: Tuple[float, float]
    day: datetime.date
    line_id: str
    line_name: str

    @property
    def km(self) -> float:
        return self.metres / 1000.0

    def text(self) -> str:
        return tr("{:,.1f} km to the line of contact of {} (nearest point {:.5f},{:.5f})").format(
            self.km, self.day.isoformat(), self.nearest[0], self.nearest[1])


def in_force(feature, day: datetime.date) -> bool:
    if not feature.valid_from:
        return False
    first, last = feature_window(feature.valid_from, feature.valid_to)
    return first <= day and (last is None or day <= last)


def lines_in_force(features: Sequence, day: datetime.date) -> List:
    return [f for f in features if in_force(f, day)]


def _parts(feature) -> List[List[Tuple[float, float]]]:
    coordinates = feature.coordinates
    if coordinates and isinstance(coordinates[0][0], (int, float)):
        return [[tuple(p) for p in coordinates]]
    return [[tuple(p) for p in part] for part in coordinates]


def nearest_on_paths(lon: float, lat: float, paths: Sequence[Sequence[Tuple[float, float]]],
                     ellipsoid: str = "WGS84",
                     context: Optional[QgsCoordinateTransformContext] = None
                     ) -> Tuple[float, Tuple[float, float]]:
    """(metres, (lon, lat) of the nearest point) from a point to lon/lat paths, along the ellipsoid."""
    measure = distance_area(ellipsoid)
    local_crs = aeqd_crs(lon, lat, ellipsoid)
    wgs84 = QgsCoordinateReferenceSystem(WGS84)
    context = context or QgsCoordinateTransformContext()
    to_local = QgsCoordinateTransform(wgs84, local_crs, context)
    back = QgsCoordinateTransform(local_crs, wgs84, context)
    lines = []
    for path in paths:
        if len(path) == 1:
            path = [path[0], path[0]]
        for part in densify(list(path), DENSIFY_STEP_M, measure):
            lines.append([to_local.transform(QgsPointXY(*p)) for p in part])
    if not lines:
        raise ValueError("no path to measure to")
    local = QgsGeometry.fromMultiPolylineXY(lines)
    nearest_local = local.nearestPoint(QgsGeometry.fromPointXY(QgsPointXY(0.0, 0.0))).asPoint()
    nearest = back.transform(nearest_local)
    metres = measure.measureLine(QgsPointXY(lon, lat), nearest)
    return metres, (nearest.x(), nearest.y())


def distance_to_front(lon: float, lat: float, day: datetime.date, features: Sequence = None,
                      ellipsoid: str = "WGS84") -> FrontDistance:
    """The distance from (lon, lat) to the nearest line of contact in force on `day`."""
    if features is None:
        from ..curated import data as curated

        _catalogue, result = curated.load_cached()
        features = result.features.get(FRONT_LAYER, [])
    lines = lines_in_force(features, day)
    if not lines:
        dated = sorted(f for f in (feature_window(f.valid_from, f.valid_to) for f in features if f.valid_from))
        if dated:
            span = "{} to {}".format(dated[0][0].isoformat(),
                                     max(last or first for first, last in dated).isoformat())
            raise NoFrontLine(tr("No line of contact is in force on {}: the curated lines cover {}.").format(
                day.isoformat(), span))
        raise NoFrontLine(tr("No line of contact is in force on {}: none is loaded.").format(day.isoformat()))
    best = None
    for line in lines:
        metres, nearest = nearest_on_paths(lon, lat, _parts(line), ellipsoid)
        if best is None or metres < best.metres:
            best = FrontDistance(metres, nearest, (lon, lat), day, line.id, line.name)
    return best

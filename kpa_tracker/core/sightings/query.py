"""What the dock asks about sightings: a place name for a new one, recent ones with filters, corroboration.

- `nearest_place_name(lon, lat)`: the form's pre-filled place: the nearest
  curated town, base or site within `max_km` ("Sudzha", or "4 km NE of
  Sudzha"), else the province from QGIS's own Natural Earth base map
  ("Kursk, Russia"), else "".
- `recent_sightings(gpkg, …)`: newest first, filtered by unit, date range and
  minimum grade (e.g. at least B2: reliability A-B and credibility 1-2).
- `corroboration(records, distance_km, days)`: for each sighting, how many
  other sightings of the same unit lie within that distance and that many
  days (unit by unit_id, else by the unit as reported, ignoring case and
  accents) with sources independent of its own: a sighting citing the same
  URL, the same original post through another outlet, or the same dataset
  record (core/domain/origin.py) is the same report again, not a second one.
  Geodesic distances on WGS 84. `corroboration_details(...)` says which
  sightings count and which near ones do not, and why.
"""

import datetime
import math
from dataclasses import dataclass, field
from typing import Dict, Iterator, List, Optional, Sequence, Tuple

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsPointXY, QgsRectangle, QgsVectorLayer

from ..curated import data as curated
from ..measure.geodesy import distance_area
from ..domain.origin import describe_shared, origins
from ..domain.query import NEWEST_FIRST, SightingQuery, allowed_letters  # noqa: F401 (allowed_letters: kept here)
from ..domain.records import SightingRecord
from ..domain.values import is_null
from ...toolbelt.i18n import tr
from .gpkg_store import read_sightings

COMPASS = ("N", "NE", "E", "SE", "S", "SW", "W", "NW")
_PROVINCES = {}


@dataclass(frozen=True)
class PlaceName:
    text: str  # what goes into location_name
    source: str  # "curated", "province" or "" (nothing found)
    distance_km: Optional[float] = None
    place_id: Optional[str] = None


def _provinces_layer() -> Optional[QgsVectorLayer]:
    from ..project.layers import world_map_path  # late: project_layers pulls in the curated store

    path = world_map_path()
    key = str(path)
    if key not in _PROVINCES:
        layer = QgsVectorLayer("{}|layername=states_provinces".format(path), "provinces", "ogr") \
            if path.exists() else None
        _PROVINCES[key] = layer if layer is not None and layer.isValid() else None
    return _PROVINCES[key]


def province_of(lon: float, lat: float) -> str:
    """'Kursk, Russia' from QGIS's Natural Earth provinces, or '' (offline, no network needed)."""
    layer = _provinces_layer()
    if layer is None:
        return ""
    point = QgsGeometry.fromPointXY(QgsPointXY(lon, lat))
    request = QgsFeatureRequest().setFilterRect(QgsRectangle(lon - 1e-6, lat - 1e-6, lon + 1e-6, lat + 1e-6))
    for feature in layer.getFeatures(request):
        if feature.geometry().contains(point):
            name, country = feature["name"], feature["admin"]
            return ", ".join(str(v) for v in (name, country) if v not in (None, "") and not is_null(v))
    return ""


@dataclass(frozen=True)
class NamedPoint:
    id: str
    name: str
    lon: float
    lat: float


def sighting_places() -> List[NamedPoint]:
    """Places a sighting can be named after: the one place index (settlements, bases, sites, towns).

    Units are not places (a unit's point is where it was last reported), so they are not in it.
    """
    from ..places import index as place_index  # late: reads the curated data when first needed

    return [NamedPoint(p.id, p.name, p.lon, p.lat) for p in place_index.cached()]


def nearest_place_name(lon: float, lat: float, places: Optional[Sequence] = None,
                       max_km: float = 25.0) -> PlaceName:
    """The nearest curated place (or else the province) as a location name for a new sighting."""
    if places is None:
        places = sighting_places()
    measure = distance_area()
    here = QgsPointXY(lon, lat)
    best = None
    for place in places:
        if abs(place.lat - lat) > max_km / 100.0 + 0.5:  # far in latitude: no need to measure
            continue
        metres = measure.measureLine(here, QgsPointXY(place.lon, place.lat))
        if best is None or metres < best[0]:
            best = (metres, place)
    if best is not None and best[0] <= max_km * 1000.0:
        metres, place = best
        if metres < 1000.0:
            return PlaceName(place.name, "curated", metres / 1000.0, place.id)
        bearing = math.degrees(measure.bearing(QgsPointXY(place.lon, place.lat), here)) % 360.0
        direction = COMPASS[int((bearing + 22.5) // 45.0) % 8]
        return PlaceName("{:.0f} km {} of {}".format(metres / 1000.0, direction, place.name), "curated",
                         metres / 1000.0, place.id)
    province = province_of(lon, lat)
    return PlaceName(province, "province" if province else "")




def recent_sightings(gpkg_path=None, unit: Optional[str] = None, start: Optional[datetime.datetime] = None,
                     end: Optional[datetime.datetime] = None, min_grade: Optional[str] = None,
                     include_rejected: bool = True, limit: Optional[int] = 200) -> List[SightingRecord]:
    """Sightings newest first: of a unit (its id or the unit as reported), in a date range, at least a grade."""
    query = SightingQuery(unit, start, end, min_grade, include_rejected, limit, NEWEST_FIRST)
    return read_sightings(gpkg_path, query)


def unit_key(record: SightingRecord) -> str:
    if record.unit_id:
        return "id:" + record.unit_id
    return "as:" + curated.fold(record.unit_as_reported or "")


@dataclass
class Neighbour:
    """Another sighting of the same unit within the distance and days asked for."""
    sighting_id: str
    observed_at: datetime.datetime
    location: str  # its location name, or its coordinates
    km: float
    hours: float  # how far apart in time, in hours
    origin: Optional[str] = None  # the origin it shares with the sighting ("the same URL t.me/x/1"); None: it counts

    @property
    def reason(self) -> Optional[str]:
        """Why it does not count ("same origin: the same URL t.me/x/1"), None when it counts."""
        return None if self.origin is None else tr("same origin: {}").format(self.origin)

    @property
    def description(self) -> str:
        """'2024-12-12 10:00 UTC at Sudzha, 2.3 km and 2 days away'."""
        if self.hours < 1.0:
            gap = tr("under an hour")
        elif self.hours < 48.0:
            gap = tr("{:.0f} h").format(self.hours)
        else:
            gap = tr("{:.0f} days").format(self.hours / 24.0)
        return tr("{} at {}, {} km and {} away").format(self.observed_at.strftime("%Y-%m-%d %H:%M UTC"),
                                                        self.location, _km(self.km), gap)


@dataclass
class Corroboration:
    """Which sightings corroborate one sighting (`by`, independent sources) and which near ones do not."""
    count: int = 0
    by: List[Neighbour] = field(default_factory=list)
    not_counted: List[Neighbour] = field(default_factory=list)


def _km(km: float) -> str:
    return "{:.1f}".format(km) if km < 10.0 else "{:.0f}".format(km)


def _near_pairs(records: Sequence[SightingRecord], distance_km: float,
                days: float) -> Iterator[Tuple[SightingRecord, SightingRecord, float]]:
    """(first, second, metres) for each two sightings of one unit within distance_km and days."""
    measure = distance_area()
    window = datetime.timedelta(days=days)
    limit = distance_km * 1000.0
    by_unit: Dict[str, List[SightingRecord]] = {}
    for record in records:
        if record.observed_at is not None:
            by_unit.setdefault(unit_key(record), []).append(record)
    for group in by_unit.values():
        group.sort(key=lambda r: r.observed_at)
        points = [QgsPointXY(r.lon, r.lat) for r in group]
        for i, first in enumerate(group):
            for j in range(i + 1, len(group)):
                second = group[j]
                if second.observed_at - first.observed_at > window:
                    break
                metres = measure.measureLine(points[i], points[j])
                if metres <= limit:
                    yield first, second, metres


def corroboration(records: Sequence[SightingRecord], distance_km: float, days: float) -> Dict[str, int]:
    """sighting_id -> how many other sightings of the same unit within distance_km and days, with
    independent sources (no shared URL, original post or dataset record)."""
    known: Dict[str, frozenset] = {}  # origins computed once, and only for sightings with a near one
    counts = {record.sighting_id: 0 for record in records}
    for first, second, _metres in _near_pairs(records, distance_km, days):
        a = known.get(first.sighting_id)
        if a is None:
            a = known[first.sighting_id] = frozenset(origins(first.sources))
        b = known.get(second.sighting_id)
        if b is None:
            b = known[second.sighting_id] = frozenset(origins(second.sources))
        if a.isdisjoint(b):
            counts[first.sighting_id] += 1
            counts[second.sighting_id] += 1
    return counts


def _neighbour(other: SightingRecord, metres: float, hours: float, origin: Optional[str]) -> Neighbour:
    location = other.location_name or "{:.4f}, {:.4f}".format(other.lat, other.lon)
    return Neighbour(other.sighting_id, other.observed_at, location, metres / 1000.0, hours, origin)


def corroboration_details(records: Sequence[SightingRecord], distance_km: float,
                          days: float) -> Dict[str, Corroboration]:
    """sighting_id -> Corroboration: the sightings that count (nearest first) and the near ones that share
    an origin with it, each with why ("same origin: the same URL t.me/x/1")."""
    found: Dict[str, Dict] = {}
    details = {record.sighting_id: Corroboration() for record in records}
    for first, second, metres in _near_pairs(records, distance_km, days):
        hours = (second.observed_at - first.observed_at).total_seconds() / 3600.0
        for record in (first, second):
            if record.sighting_id not in found:
                found[record.sighting_id] = origins(record.sources)
        shared = describe_shared(found[first.sighting_id], found[second.sighting_id])
        for this, other in ((first, second), (second, first)):
            entry = details[this.sighting_id]
            if shared is None:
                entry.count += 1
                entry.by.append(_neighbour(other, metres, hours, None))
            else:
                entry.not_counted.append(_neighbour(other, metres, hours, shared))
    for entry in details.values():
        entry.by.sort(key=lambda n: (n.km, n.hours))
        entry.not_counted.sort(key=lambda n: (n.km, n.hours))
    return details

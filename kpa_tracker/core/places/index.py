"""One index of named places: settlements, bases, sites and the network's towns.

The locator (Ctrl+K), the route's START/END and place lists, the sighting
form's nearest-place pre-fill, the events and the briefing labels all look
places up here. Pure Python, so the validator and the tests use it without QGIS.

A name matches ignoring case, accents, apostrophes and hyphens (curated.fold),
best first: an exact id, an exact name, a name that starts with the text, a name
that contains it, and last a name within a small edit distance (Vladivostock,
Blagoveshensk, Ussuriisk), so ordinary misspellings still find the place.
"""

import math
import re
from dataclasses import dataclass
from typing import Dict, List, Optional, Sequence, Tuple

from ..curated import data as curated

# Layers whose points are places, in the order a tie is resolved (a base over the town it is in).
PLACE_LAYERS = ("bases", "kursk_sites", "settlements")
TOWN_KIND = "town"  # a station of the curated network, named by its edges


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    names: Tuple[str, ...]
    lon: float
    lat: float
    kind: str = ""  # the curated layer id, or "town" for a network station
    rank: int = 3  # label priority: 1 city ... 4 hamlet (settlements); bases 2

    @property
    def folded(self) -> Tuple[str, ...]:
        return _folded(self.names)


_FOLD_CACHE: Dict[Tuple[str, ...], Tuple[str, ...]] = {}


def _folded(names: Tuple[str, ...]) -> Tuple[str, ...]:
    cached = _FOLD_CACHE.get(names)
    if cached is None:
        cached = _FOLD_CACHE[names] = tuple(curated.fold(n) for n in names)
    return cached


def network_towns(result: curated.LoadResult) -> List[Tuple[str, float, float]]:
    """(name, lon, lat) of the curated network's stations, read from its edge names.

    The edges are named "Trans-Siberian, Kirov–Perm–Yekaterinburg" or "Kursk–Sudzha
    by road": one name per point of the edge's path, in order. Edges whose name
    does not list exactly their points name none.
    """
    names = []
    for feature in result.features.get("network", []):
        label = feature.name.split(", ")[-1]
        label = re.sub(r"\s+(by \w+|line|branch|over the .*)$", "", label)
        stations = [part.strip() for part in label.split("\u2013")]
        if len(stations) == len(feature.coordinates):
            names.extend((station, lon, lat) for station, (lon, lat) in zip(stations, feature.coordinates))
    return names


SAME_PLACE_KM = 10.0  # a settlement this near a base of the same name is that base's town


def _km(lon1, lat1, lon2, lat2) -> float:
    """Great-circle distance on a sphere: enough to tell whether two points are the same town."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(min(1.0, math.sqrt(a)))


def build(result: curated.LoadResult) -> List[Place]:
    """Every named place of the curated data, once each.

    A settlement that is a base's town (same name, within SAME_PLACE_KM) is left to the base,
    so Ctrl+K and START/END offer Tokchon once, as the garrison the sources place there.
    """
    places, seen = [], set()
    for layer_id in PLACE_LAYERS:
        for feature in result.features.get(layer_id, []):
            lon, lat = feature.coordinates
            if layer_id == "settlements" and any(
                    p.kind == "bases" and set(_folded((feature.name,))) & set(p.folded)
                    and _km(lon, lat, p.lon, p.lat) <= SAME_PLACE_KM for p in places):
                continue
            rank = int(feature.attributes.get("rank") or 2)
            places.append(Place(feature.id, feature.name, tuple(feature.search_names()), lon, lat, layer_id, rank))
            seen.update((curated.fold(n), round(lon, 2), round(lat, 2)) for n in feature.search_names())
    for name, lon, lat in network_towns(result):
        key = (curated.fold(name), round(lon, 2), round(lat, 2))
        if key not in seen:  # a station that is also a settlement is listed once
            seen.add(key)
            places.append(Place("town:" + name, name, (name,), lon, lat, TOWN_KIND, 2))
    return places


_CACHE = {}


def cached() -> List[Place]:
    """The index of the shipped curated data, rebuilt when a curated file changes."""
    _catalogue, result = curated.load_cached()
    if _CACHE.get("result") is not result:
        _CACHE.update(result=result, places=build(result))
    return _CACHE["places"]


def edit_distance(a: str, b: str, limit: int) -> int:
    """Damerau-Levenshtein distance (adjacent swaps count once), or limit + 1 once it exceeds limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]


def allowed_typos(needle: str) -> int:
    """How many typing slips a query may hold: none under 4 letters, then one, two from 8 letters."""
    return 0 if len(needle) < 4 else (1 if len(needle) < 8 else 2)


def _ranked(places: Sequence, text: str) -> List[Tuple[int, object]]:
    """(tier, place) of every place the text names, best first: 0 an exact id or name, 1 a prefix,
    2 a substring, 3 a near spelling (closest first)."""
    needle = curated.fold(text)
    if not needle:
        return []
    stripped = str(text).strip()
    exact_id = [(0, p) for p in places if p.id == stripped]
    if exact_id:
        return exact_id
    tiers: Tuple[list, list, list, list] = ([], [], [], [])
    typos = allowed_typos(needle)
    for place in places:
        folded = _folded(tuple(place.names))
        if needle in folded:
            tiers[0].append(place)
        elif any(name.startswith(needle) for name in folded):
            tiers[1].append(place)
        elif len(needle) >= 2 and any(needle in name for name in folded):
            tiers[2].append(place)
        elif typos:
            best = min(edit_distance(needle, name, typos) for name in folded)
            if best <= typos:
                tiers[3].append((best, place))
    tiers[3].sort(key=lambda hit: hit[0])
    return ([(0, p) for p in tiers[0]] + [(1, p) for p in tiers[1]] + [(2, p) for p in tiers[2]]
            + [(3, p) for _, p in tiers[3]])


def search(places: Sequence, text: str, limit: Optional[int] = None) -> List:
    """The places the text names, best first. Works on any objects with id, names and name."""
    ordered = [place for _tier, place in _ranked(places, text)]
    return ordered[:limit] if limit else ordered


def find(places: Sequence[Place], text: str) -> List[Place]:
    """The best tier only, and in it the first kind (bases, sites, settlements, towns): what the text
    names, for START/END and the validator."""
    ranked = _ranked(places, text)
    if not ranked:
        return []
    hits = [place for tier, place in ranked if tier == ranked[0][0]]
    # A base and the town it is named after: the base (curated, placed by its sources) wins.
    order = {kind: rank for rank, kind in enumerate(PLACE_LAYERS + (TOWN_KIND,))}
    first_kind = min(order.get(getattr(p, "kind", ""), len(order)) for p in hits)
    return [p for p in hits if order.get(getattr(p, "kind", ""), len(order)) == first_kind]


def unit_places(result: curated.LoadResult, layer_ids=("units",)) -> List[Place]:
    """Curated units as Place entries (kind: their layer), for lists that offer units after places."""
    return [Place(f.id, f.name, tuple(f.search_names()), f.coordinates[0], f.coordinates[1], layer_id)
            for layer_id in layer_ids for f in result.features.get(layer_id, [])]

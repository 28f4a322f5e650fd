"""Checks of the curated data beyond its schema, run by the validator (make validate, Processing).

Each rule reports the file, the feature and the field:
- a snapshot's outline must come within AREA_TOLERANCE of the figure it is drawn to;
- a dated feature must fall in its layer's period (catalogue `period`);
- a unit (or unit position) must not stand inside ground the other side held on its dates;
- an event must be at a place the place index knows;
- every SIDC must have its rendered symbols.
"""

import datetime
from typing import Dict, Iterable, List, Optional, Tuple

from qgis.core import QgsGeometry, QgsPointXY

from ..places import index as place_index
from .data import (
    LAYERS_DIR, CuratedDataError, CuratedFeature, LayerDef, LoadResult, load_all, load_catalogue, period_end,
    period_start,
)
from ..measure.geodesy import distance_area

AREA_TOLERANCE = 0.15  # an outline's own geodesic area within 15% of the figure it is drawn to
# The side a unit of each affiliation fights on, as front areas name their holder.
SIDE_OF_AFFILIATION = {"hostile": "Russia", "friend": "Ukraine"}
UNIT_LAYERS = ("units", "unit_positions")

Interval = Tuple[datetime.date, datetime.date]


def polygon_area_km2(ring) -> float:
    geometry = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in ring]])
    return distance_area().measureArea(geometry) / 1e6


def interval(feature: CuratedFeature, today: Optional[datetime.date] = None) -> Interval:
    """The days a feature holds: no valid_from is always, no valid_to is until today."""
    today = today or datetime.date.today()
    start = period_start(feature.valid_from) if feature.valid_from else datetime.date.min
    end = period_end(feature.valid_to) if feature.valid_to else today
    return start, end


def overlaps(a: Interval, b: Interval) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _file(layer_id: str):
    return LAYERS_DIR / "data" / (layer_id + ".yaml")


def check_areas(features: Iterable[CuratedFeature], layer_id: str) -> List[CuratedDataError]:
    problems = []
    for feature in features:
        cited = feature.attributes.get("area_cited_km2")
        if cited and feature.geometry_type == "Polygon":
            area = polygon_area_km2(feature.coordinates[0])
            if abs(area - cited) > AREA_TOLERANCE * cited:
                problems.append(CuratedDataError(
                    _file(layer_id), feature.id, "ring",
                    "the outline's geodesic area is {:.0f} km², not within {:.0f}% of the "
                    "{:g} km² it is drawn to (area_cited_km2)".format(area, AREA_TOLERANCE * 100, cited)))
    return problems


def check_periods(layer: LayerDef, features: Iterable[CuratedFeature], today=None) -> List[CuratedDataError]:
    """Every date of a layer with a `period` falls in it (an estimate by its as_of)."""
    if not layer.period:
        return []
    today = today or datetime.date.today()
    first = period_start(str(layer.period[0])) if layer.period[0] else datetime.date.min
    last = period_end(str(layer.period[1])) if len(layer.period) > 1 and layer.period[1] else today
    span = "{} to {}".format(layer.period[0] or "the start", layer.period[1] if len(layer.period) > 1 and
                             layer.period[1] else "today")
    problems = []
    for feature in features:
        dates = [("valid_from", feature.valid_from), ("valid_to", feature.valid_to)]
        if layer.geometry == "None":
            dates.append(("as_of", feature.as_of))
        for field_name, value in dates:
            if value and (period_end(value) < first or period_start(value) > last):
                problems.append(CuratedDataError(
                    _file(layer.id), feature.id, field_name,
                    "{} is outside the layer's period ({})".format(value, span)))
    return problems


def held_areas(result: LoadResult, today=None) -> List[Tuple[CuratedFeature, QgsGeometry, Interval]]:
    return [(f, QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in f.coordinates[0]]]), interval(f, today))
            for f in result.features.get("front_areas", [])]


def check_unit_sides(result: LoadResult, today=None) -> List[CuratedDataError]:
    """No unit drawn inside ground held by the side it fights against, on any date it is there."""
    areas = held_areas(result, today)
    units = {f.id: f for f in result.features.get("units", [])}
    problems = []
    for layer_id in UNIT_LAYERS:
        for feature in result.features.get(layer_id, []):
            unit = units.get(feature.attributes.get("unit"), feature)
            side = SIDE_OF_AFFILIATION.get(unit.attributes.get("affiliation"))
            if side is None:
                continue
            point = QgsGeometry.fromPointXY(QgsPointXY(*feature.coordinates))
            when = interval(feature, today)
            for area, geometry, held in areas:
                if area.attributes.get("holder") != side and overlaps(when, held) and geometry.contains(point):
                    problems.append(CuratedDataError(
                        _file(layer_id), feature.id, "at" if feature.attributes.get("place_id") else "lat/lon",
                        "drawn inside {} ({}, held by {}) on dates it is there; place it where the sources "
                        "put it on the attackers' side".format(area.id, area.name, area.attributes.get("holder"))))
    return problems


def check_event_places(result: LoadResult) -> List[CuratedDataError]:
    """An event stands at a place of the index: `at` one, or its coordinates beside a `place` the index knows."""
    places = place_index.build(result)
    # Any settlement, base or site is a place, also a town the index lists under its base.
    ids = {f.id for layer_id in place_index.PLACE_LAYERS for f in result.features.get(layer_id, [])}
    problems = []
    for feature in result.features.get("events", []):
        place_id = feature.attributes.get("place_id")
        if place_id:
            if place_id not in ids:
                problems.append(CuratedDataError(
                    _file("events"), feature.id, "at",
                    "'{}' is a curated point but not a place of the place index (settlements, bases, "
                    "sites)".format(place_id)))
            continue
        name = feature.attributes.get("place")
        if not name:
            problems.append(CuratedDataError(
                _file("events"), feature.id, "place",
                "an event given by coordinates names the place the source names (place:)"))
        elif not place_index.find(places, name):
            problems.append(CuratedDataError(
                _file("events"), feature.id, "place",
                "'{}' is not a place the place index knows; add it to settlements.yaml".format(name)))
    return problems


def check_symbols(result: LoadResult) -> List[CuratedDataError]:
    problems = []
    for layer_id, features in result.features.items():
        if layer_id == "unit_positions":
            continue  # drawn with their unit's symbol
        for feature in features:
            sidc = feature.attributes.get("sidc")
            if sidc:
                for digit in "01":
                    variant = sidc[:6] + digit + sidc[7:]
                    if not (LAYERS_DIR / "svg" / "kpa_app6" / (variant + ".svg")).exists():
                        problems.append(CuratedDataError(
                            _file(layer_id), feature.id, "sidc",
                            "no rendered symbol {}.svg; run python -m devtools.render_symbols".format(variant)))
    return problems


def check(result: LoadResult, catalogue: List[LayerDef] = None, today=None) -> List[CuratedDataError]:
    catalogue = catalogue if catalogue is not None else load_catalogue()
    layers: Dict[str, LayerDef] = {layer.id: layer for layer in catalogue}
    problems = list(result.errors)
    for layer_id, features in result.features.items():
        problems += check_areas(features, layer_id)
        if layer_id in layers:
            problems += check_periods(layers[layer_id], features, today)
    problems += check_unit_sides(result, today)
    problems += check_event_places(result)
    problems += check_symbols(result)
    return problems


def validate(**kwargs) -> List[CuratedDataError]:
    catalogue = kwargs.pop("catalogue", None) or load_catalogue()
    return check(load_all(catalogue=catalogue, **kwargs), catalogue, kwargs.get("today"))

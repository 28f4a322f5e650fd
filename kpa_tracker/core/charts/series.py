"""The data of each chart, straight from the curated layers: plain dataclasses, no plotting.

Dates in the data are text at day, month or year precision ('2025-03-13', '2025-03', '2024'). A figure
keeps its whole period (start..end, from curated.dates); the charts draw a coarse date as a range with
its marker mid-period, never as the period's first day.
"""

import datetime
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple

from qgis.core import QgsGeometry, QgsPointXY

from ..curated.data import LAYERS_DIR, figure_text, load_cached
from ..curated.dates import DATE_PRECISIONS, period_end, period_start
from ..measure.geodesy import distance_area

AREA_MEASURE = "area_held_km2"
STRENGTH_MEASURES = ("strength", "deployed")
CASUALTY_MEASURES = ("killed", "wounded", "killed_or_wounded")
EVENTS_STYLE = LAYERS_DIR / "styles" / "events.qml"


@dataclass(frozen=True)
class Figure:
    """One published figure (a row of estimates.yaml)."""

    id: str
    measure: str
    subject: str
    estimator: str
    country: str
    value: float
    value_max: Optional[float]
    qualifier: str
    status: str
    as_of: str  # as written: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'
    start: datetime.date
    end: datetime.date
    text: str  # figure_text(): 'about 1,294 km² held (Syrskyi (...), 2024-08-27, claimed)'
    counts: str = ""  # what exactly the figure counts, as the data says
    sources: Tuple[str, ...] = ()

    @property
    def precision(self) -> str:
        return DATE_PRECISIONS[len(self.as_of)]

    @property
    def date(self) -> datetime.date:
        """Where the marker stands: the day itself, or the middle of the month or year it is dated to."""
        return self.start + (self.end - self.start) // 2

    @property
    def who(self) -> str:
        """The estimator's short name: 'Syrskyi (Commander-in-Chief, ...)' -> 'Syrskyi'."""
        return self.estimator.split(" (")[0].split(", ")[0].strip()


@dataclass(frozen=True)
class Outline:
    """A front snapshot's outline and its own geodesic area over the days it stands for."""

    id: str
    name: str
    start: datetime.date
    end: datetime.date  # last day, inclusive
    area_km2: float
    cited_km2: Optional[float]


@dataclass
class Week:
    """The events that began in one ISO week, by category."""

    year: int
    week: int
    monday: datetime.date
    counts: Dict[str, int] = field(default_factory=dict)
    event_ids: List[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return "{}-W{:02d}".format(self.year, self.week)


@dataclass(frozen=True)
class CoarseEvent:
    """An event dated only to a month or a year: it has no week to be counted in."""

    id: str
    name: str
    category: str
    start: datetime.date
    end: datetime.date
    precision: str


def _features(layer_id: str, features=None):
    if features is None:
        features = load_cached()[1].features
    return features.get(layer_id, [])


def _number(value) -> Optional[float]:
    return None if value is None else float(value)


def figures(measures, features=None) -> List[Figure]:
    """The estimates of the given measures, oldest first."""
    found = []
    for estimate in _features("estimates", features):
        values = estimate.attributes
        if values.get("measure") not in measures:
            continue
        found.append(Figure(
            id=estimate.id, measure=values["measure"], subject=values.get("subject") or "",
            estimator=values.get("estimator") or "", country=values.get("estimator_country") or "",
            value=float(values["value"]), value_max=_number(values.get("value_max")),
            qualifier=values.get("qualifier") or "", status=estimate.status, as_of=estimate.as_of,
            start=period_start(estimate.as_of), end=period_end(estimate.as_of), text=figure_text(estimate),
            counts=values.get("counts") or "",
            sources=tuple(s.key for s in estimate.sources)))
    return sorted(found, key=lambda f: (f.start, f.id))


def area_figures(features=None) -> List[Figure]:
    return figures((AREA_MEASURE,), features)


def strength_figures(features=None) -> List[Figure]:
    return figures(STRENGTH_MEASURES, features)


def casualty_figures(features=None) -> List[Figure]:
    return figures(CASUALTY_MEASURES, features)


def outline_areas(features=None, today=None) -> List[Outline]:
    """Each Ukrainian-held snapshot of front_areas.yaml with its geodesic area on WGS84 (QgsDistanceArea)."""
    measure = distance_area("WGS84")
    today = today or datetime.date.today()
    outlines = []
    for area in _features("front_areas", features):
        if area.geometry_type != "Polygon" or area.attributes.get("holder") != "Ukraine" or not area.valid_from:
            continue
        rings = [[QgsPointXY(*point) for point in ring] for ring in area.coordinates]
        km2 = measure.measureArea(QgsGeometry.fromPolygonXY(rings)) / 1e6
        end = period_end(area.valid_to) if area.valid_to else today
        outlines.append(Outline(area.id, area.name, period_start(area.valid_from), end, km2,
                                _number(area.attributes.get("area_cited_km2"))))
    return sorted(outlines, key=lambda o: o.start)


def event_precision(event) -> str:
    """'day', 'week', 'month' or 'year': the coarser of the date as written and its time_precision."""
    written = DATE_PRECISIONS[len(event.valid_from)]
    stated = event.attributes.get("time_precision") or written
    order = ("day", "week", "month", "year")
    return max(written, stated, key=order.index)


def events_per_week(features=None) -> Tuple[List[Week], List[CoarseEvent]]:
    """Events counted in the ISO week they began (day or week precision), every week between the first
    and the last shown even when empty; and the events dated only to a month or a year, apart."""
    weeks: Dict[Tuple[int, int], Week] = {}
    coarse = []
    for event in _features("events", features):
        if not event.valid_from:
            continue
        precision = event_precision(event)
        category = event.attributes.get("category") or ""
        start = period_start(event.valid_from)
        if precision in ("month", "year"):
            text = event.valid_from if precision == "year" or len(event.valid_from) == 4 \
                else event.valid_from[:7]
            coarse.append(CoarseEvent(event.id, event.name, category, period_start(text), period_end(text),
                                      precision))
            continue
        year, number, _ = start.isocalendar()
        week = weeks.get((year, number))
        if week is None:
            monday = start - datetime.timedelta(days=start.isoweekday() - 1)
            week = weeks[(year, number)] = Week(year, number, monday)
        week.counts[category] = week.counts.get(category, 0) + 1
        week.event_ids.append(event.id)
    if weeks:
        monday, last = min(w.monday for w in weeks.values()), max(w.monday for w in weeks.values())
        while monday <= last:
            year, number, _ = monday.isocalendar()
            weeks.setdefault((year, number), Week(year, number, monday))
            monday += datetime.timedelta(days=7)
    return sorted(weeks.values(), key=lambda w: w.monday), sorted(coarse, key=lambda e: (e.start, e.id))


def category_colours(style=EVENTS_STYLE) -> Dict[str, str]:
    """'#rrggbb' of each event category, read from the events layer's own style (its rule-based renderer),
    so the chart and the map agree."""
    root = ElementTree.parse(str(style)).getroot()
    fills = {}
    for symbol in root.iter("symbol"):
        layer = symbol.find("layer")
        option = layer.find("./Option/Option[@name='color']") if layer is not None else None
        prop = layer.find("./prop[@k='color']") if layer is not None else None
        value = option.get("value") if option is not None else (prop.get("v") if prop is not None else None)
        if value:
            fills.setdefault(symbol.get("name"), value)
    colours = {}
    for rule in root.iter("rule"):
        condition = rule.get("filter") or ""
        if condition.startswith('"category" = ') and rule.get("symbol") in fills:
            category = condition.split("'")[1]
            red, green, blue = (int(part) for part in fills[rule.get("symbol")].split(",")[:3])
            colours[category] = "#{:02x}{:02x}{:02x}".format(red, green, blue)
    return colours

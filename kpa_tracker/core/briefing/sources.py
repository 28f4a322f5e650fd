"""The sources of what a briefing map shows: the curated features and the analyst's sightings that QGIS
draws in the map's extent on its date, numbered once, with each drawn feature's numbers."""

import datetime
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Tuple
from urllib.parse import unquote

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDateTimeRange,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from ...toolbelt.compat import LINE_GEOMETRY
from ..curated import data as curated
from ..domain.values import plain
from ..project.layers import LAYER_ID_PROPERTY

# The sightings layer as the dock adds it (ui/controllers/sightings.py SIGHTINGS_PROPERTY); its sources
# come through the QgsRelation core/sightings/layers.py RELATION_ID names.
SIGHTINGS_PROPERTY = "kpa_tracker/sightings"
SIGHTINGS_RELATION = "sightings_sources"


@dataclass
class Cited:
    """What one map cites: the numbered lines, the URL of each line (or ""), each drawn feature's
    numbers and a point to put them at (WGS 84), and the newest date of the information shown."""
    lines: List[str] = field(default_factory=list)
    urls: List[str] = field(default_factory=list)
    marks: List[Tuple[QgsGeometry, List[int]]] = field(default_factory=list)
    newest: str = ""


def day_range(day: datetime.date) -> QgsDateTimeRange:
    """The whole of one day, as QGIS's Temporal Controller frames it."""
    date = QDate(day.year, day.month, day.day)
    return QgsDateTimeRange(QDateTime(date, QTime(0, 0)), QDateTime(date, QTime(23, 59, 59)))


def temporal_request(layer: QgsVectorLayer, window: Optional[QgsDateTimeRange]) -> QgsFeatureRequest:
    """The features a temporal layer draws in the window (all of them when there is no window)."""
    request = QgsFeatureRequest()
    properties = layer.temporalProperties()
    if window is not None and properties is not None and properties.isActive():
        context = QgsVectorLayerTemporalContext()
        context.setLayer(layer)
        expression = properties.createFilterString(context, window)
        if expression:
            request.setFilterExpression(expression)
    return request


def readable_url(url: str) -> str:
    """The URL with percent-encoded UTF-8 decoded where that gives readable text (never spaces)."""
    decoded = unquote(url)
    return decoded if decoded != url and " " not in decoded and decoded.isprintable() else url


def text(value) -> str:
    """A field's value as text, "" for QGIS's NULL (the one NULL rule: domain/values.plain)."""
    value = plain(value)
    return "" if value is None else str(value)


def compact(numbers: List[int]) -> str:
    """[1, 2, 3, 7] -> "[1–3, 7]"."""
    numbers, parts, start = sorted(set(numbers)), [], None
    for i, n in enumerate(numbers):
        if start is None:
            start = n
        if i + 1 == len(numbers) or numbers[i + 1] != n + 1:
            parts.append(str(start) if start == n else "{}–{}".format(start, n))
            start = None
    return "[" + ", ".join(parts) + "]"


def is_sightings(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.customProperty(SIGHTINGS_PROPERTY) == "sightings"


def collect(layers, extent_wgs84: QgsRectangle, project: QgsProject,
            window: Optional[QgsDateTimeRange] = None) -> Cited:
    """Every source of the plugin's features inside the extent and drawn in the window (curated
    layers and the analyst's sightings), de-duplicated and ordered; each feature's numbers."""
    _, result = curated.load_cached()
    by_feature = {(layer_id, f.id): f for layer_id, fs in result.features.items() for f in fs}
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    curated_sources: Dict[str, curated.Source] = {}
    sighting_sources: Dict[str, Tuple[str, str]] = {}  # key -> (line, url)
    extra, changes, newest = set(), set(), ""
    drawn: List[Tuple[QgsGeometry, List[str]]] = []  # each feature's source keys
    for layer in layers:
        if not isinstance(layer, QgsVectorLayer):
            continue
        box = QgsCoordinateTransform(wgs84, layer.crs(), project).transformBoundingBox(extent_wgs84)
        to_wgs84 = QgsCoordinateTransform(layer.crs(), wgs84, project)
        if is_sightings(layer):
            newest = max(newest, _sightings(layer, box, window, project, to_wgs84, sighting_sources, drawn))
            continue
        layer_id = layer.customProperty(LAYER_ID_PROPERTY)
        names = layer.fields().names()
        if not layer_id or "sources" not in names:
            continue
        for feature in layer.getFeatures(temporal_request(layer, window).setFilterRect(box)):
            keys = []
            curated_feature = by_feature.get((layer_id, feature["id"]))
            if curated_feature is not None and text(feature["sources"]) == "\n".join(
                    s.as_text() for s in curated_feature.sources):
                for source in curated_feature.sources:
                    curated_sources[source.key] = source
                    keys.append("c:" + source.key)
            else:  # the analyst's own text
                own = [line for line in text(feature["sources"]).splitlines() if line.strip()]
                extra.update(own)
                keys.extend("x:" + line for line in own)
            changed_on = text(feature["changed_on"]) if "changed_on" in names else ""
            if curated_feature is not None and changed_on:
                changes.add("{}: changed by you on {}".format(text(feature["name"]), changed_on))
            newest = max(newest, text(feature["as_of"]) if "as_of" in names else "")
            drawn.append((_mark_point(feature.geometry(), to_wgs84), keys))
    ordered = sorted(curated_sources.values(), key=lambda s: (s.publisher.casefold(), s.date, s.title.casefold()))
    entries = [("c:" + s.key, _curated_line(s), s.url) for s in ordered]
    entries += [("s:" + key, line, url) for key, (line, url) in sorted(sighting_sources.items(),
                                                                      key=lambda kv: kv[1][0].casefold())]
    entries += [("x:" + line, line, "") for line in sorted(extra)]
    entries += [("", line, "") for line in sorted(changes)]
    number = {key: i for i, (key, _line, _url) in enumerate(entries, start=1) if key}
    cited = Cited([line for _k, line, _u in entries], [url for _k, _l, url in entries], newest=newest)
    for point, keys in drawn:
        numbers = [number[k] for k in keys if k in number]
        if numbers and point is not None:
            cited.marks.append((point, numbers))
    return cited


def _curated_line(source) -> str:
    # A percent-encoded address is printed as the readable address it stands for (the same URL
    # as an IRI): "%d0%b2%d1%81-..." cannot wrap and runs off the page; "вс-россии-..." can.
    line = source.as_text()
    return line[: -len(source.url)] + readable_url(source.url) if line.endswith(source.url) else line


def _sightings(layer, box, window, project, to_wgs84, found, drawn) -> str:
    """The sightings drawn in the box and window: their sources into `found`, their points into
    `drawn`; returns the newest observation date."""
    relation = project.relationManager().relation(SIGHTINGS_RELATION)
    newest = ""
    for feature in layer.getFeatures(temporal_request(layer, window).setFilterRect(box)):
        observed = feature["observed_at"]
        day = observed.date().toString("yyyy-MM-dd") if hasattr(observed, "date") else text(observed)[:10]
        newest = max(newest, day)
        keys = []
        related = relation.getRelatedFeatures(feature) if relation.isValid() else []
        for source in related:
            url = text(source["url"])
            dataset, record_id = _field_text(source, "dataset"), _field_text(source, "record_id")
            # A dataset record cited without a URL is numbered once, like a URL: by dataset and record id.
            record_key = "{}:{}".format(dataset, record_id) if dataset and record_id else ""
            key = url or record_key or "{}:{}".format(text(feature["sighting_id"]), text(source["source_id"]))
            line = "{} ({}; sighting {} of {})".format(
                _source_name(source, dataset, record_id), text(source["published_at"]) or "undated",
                text(feature["sighting_id"])[:8], day)
            found[key] = (line + (" " + readable_url(url) if url else ""), url)
            keys.append("s:" + key)
        drawn.append((_mark_point(feature.geometry(), to_wgs84), keys))
    return newest


def _field_text(feature, name: str) -> str:
    """A field's text, "" when the layer has no such field (a file from before the field existed)."""
    return text(feature[name]) if feature.fields().indexOf(name) >= 0 else ""


def _source_name(source, dataset: str, record_id: str) -> str:
    """The publisher, or for a dataset record "ACLED record UKR12345 — the sources it names"."""
    publisher = text(source["publisher"])
    if dataset and record_id:
        cited = "{} record {}".format(dataset, record_id)
        return "{} — {}".format(cited, publisher) if publisher else cited
    return publisher or "Unnamed source"


def _mark_point(geometry: QgsGeometry, to_wgs84) -> Optional[QgsGeometry]:
    if geometry is None or geometry.isEmpty():
        return None
    if geometry.type() == LINE_GEOMETRY:  # a line: its middle, where the reader looks for it
        point = geometry.interpolate(geometry.length() / 2)
    else:
        point = geometry.pointOnSurface()
    point = QgsGeometry(point)
    point.transform(to_wgs84)
    return point

"""Sightings in and out of QGIS: CSV, GeoJSON and KML, written and read by the same rules.

What `write_*` writes, `read_rows` + `row_to_input` read back unchanged
(kpa_tracker:exportsightings and kpa_tracker:importsightings).

Columns (CSV header, GeoJSON properties, KML ExtendedData), in this order:
sighting_id, longitude, latitude, the layer's fields, then the first source
flat (source_url, source_publisher, source_published_at, source_archive_url,
source_notes, source_dataset, source_record_id, source_original_url) for
people and other tools, and ``sources``: every source as a JSON list (CSV,
KML) or a list (GeoJSON). Times are UTC ISO 8601 (2024-12-10T08:30:00Z).
A file written before the dataset fields existed reads as before: the
missing columns and keys are empty.

KML placemarks are styled by the sighting's map class (one shared <Style> per
class in the Document, in the colours of layers/styles/sightings.qml) and
carry their time as a <TimeStamp> (an exact date) or a <TimeSpan> (within
about a week: the 7 days from the date, as the Temporal Controller shows it;
month only: the calendar month).

Reading:
- without a mapping, columns named as the fields are taken as they are
  (names compared without regard to case); the place comes from longitude and
  latitude columns (or lon/lat), or a WKT column (wkt, geometry), or, in
  GeoJSON and KML, the feature's point;
- the sources come from a ``sources`` column when it is there and not empty,
  else from the source_* columns (one source per row);
- a mapping ("field=column" pairs, separated by ';' or new lines, or a JSON
  object) says which column holds which field.

Files are parsed with Python's csv, json and ElementTree (which resolves no
external entities), never evaluated.
"""

import csv
import datetime
import io
import json
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from qgis.core import QgsGeometry

from ...toolbelt.compat import POINT_GEOMETRY
from .html import sighting_html
from ..domain.fields import SIGHTING_COLUMNS
from ..domain.records import SightingRecord
from ..domain.times import format_iso_utc

FORMATS = {".csv": "CSV", ".geojson": "GeoJSON", ".json": "GeoJSON", ".kml": "KML"}
SOURCE_FLAT = ("source_url", "source_publisher", "source_published_at", "source_archive_url", "source_notes",
               "source_dataset", "source_record_id", "source_original_url")
SOURCE_KEYS = ("source_id", "url", "publisher", "published_at", "archive_url", "notes", "dataset", "record_id",
               "original_url")
FIELDS = tuple(name for name in SIGHTING_COLUMNS if name != "sighting_id")
COLUMNS = ("sighting_id", "longitude", "latitude") + FIELDS + SOURCE_FLAT + ("sources",)
TARGETS = set(COLUMNS) | {"wkt"}
ALIASES = {"longitude": ("longitude", "lon", "lng"), "latitude": ("latitude", "lat"), "wkt": ("wkt", "geometry")}
INTEGER_FIELDS = ("time_precision", "geo_precision", "info_credibility")
KML_NS = "http://www.opengis.net/kml/2.2"


class ExchangeError(Exception):
    """A file could not be read or written; the message names the file and what is wrong."""


def format_of(path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise ExchangeError("{}: the extension must be .geojson (or .json), .csv or .kml, not '{}'".format(
            Path(path).name, suffix or "none"))
    return FORMATS[suffix]


# --- writing ------------------------------------------------------------------------------------

def _value(record: SightingRecord, name: str):
    value = getattr(record, name)
    if hasattr(value, "astimezone"):
        return format_iso_utc(value)
    return value


def _sources(record: SightingRecord) -> List[Dict[str, object]]:
    return [{key: getattr(source, key) for key in SOURCE_KEYS} for source in record.sources]


def record_properties(record: SightingRecord) -> Dict[str, object]:
    """Typed values (numbers stay numbers, sources a list): GeoJSON properties."""
    properties = {"sighting_id": record.sighting_id, "longitude": record.lon, "latitude": record.lat}
    for name in FIELDS:
        properties[name] = _value(record, name)
    first = record.sources[0] if record.sources else None
    for name, key in zip(SOURCE_FLAT, SOURCE_KEYS[1:]):
        properties[name] = getattr(first, key) if first else None
    properties["sources"] = _sources(record)
    return properties


def record_row(record: SightingRecord) -> Dict[str, str]:
    """Text values (empty for none, sources as JSON): a CSV row or KML ExtendedData."""
    row = {}
    for name, value in record_properties(record).items():
        if name == "sources":
            row[name] = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
        elif value is None:
            row[name] = ""
        elif isinstance(value, float):
            row[name] = repr(value)  # every digit: the point reads back exactly
        else:
            row[name] = str(value)
    return row


def write_csv(path, records: Sequence[SightingRecord]) -> None:
    with open(str(path), "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        for record in records:
            writer.writerow(record_row(record))


def write_geojson(path, records: Sequence[SightingRecord]) -> None:
    collection = {
        "type": "FeatureCollection",
        "name": "sightings",
        "features": [{
            "type": "Feature",
            "id": record.sighting_id,
            "geometry": {"type": "Point", "coordinates": [record.lon, record.lat]},
            "properties": record_properties(record),
        } for record in records],
    }
    with open(str(path), "w", encoding="utf-8", newline="\n") as handle:
        json.dump(collection, handle, ensure_ascii=False, indent=1)
        handle.write("\n")


# --- KML ------------------------------------------------------------------------------------------------

def _k(tag: str) -> str:
    return "{%s}%s" % (KML_NS, tag)


def style_id(map_class: str) -> str:
    """The KML Style id of a map class: 'reported high' -> 'sighting-reported-high'."""
    return "sighting-" + re.sub(r"[^A-Za-z0-9]+", "-", str(map_class or "unknown")).strip("-").lower()


def _kml_colour(rgba: str) -> str:
    """QGIS's 'r,g,b,a' as KML's aabbggrr."""
    red, green, blue, alpha = (int(part) for part in rgba.split(","))
    return "{:02x}{:02x}{:02x}{:02x}".format(alpha, blue, green, red)


_STYLE_CACHE: Dict[str, Dict[str, Tuple[str, str, float]]] = {}


def class_styles(qml_path=None) -> Dict[str, Tuple[str, str, float]]:
    """{map class: (icon colour, label colour, icon scale)} in KML colours, read from the sightings style
    (layers/styles/sightings.qml), so a KML export looks like the layer: a filled symbol's fill colour; for
    an open symbol (reported, claimed: a faint fill) its outline colour, fully opaque. The scale is the
    symbol's size relative to the largest."""
    from ...toolbelt.workspace import plugin_dir

    path = Path(qml_path) if qml_path is not None else plugin_dir() / "layers" / "styles" / "sightings.qml"
    key = str(path)
    if key in _STYLE_CACHE:
        return _STYLE_CACHE[key]
    root = ElementTree.parse(str(path)).getroot()
    renderer = root.find(".//renderer-v2")
    symbols = {}
    for symbol in renderer.find("symbols"):
        layer = symbol.findall("layer")[-1]  # the marker itself, drawn last (over its white halo)
        top = layer.find("Option")  # the layer's own options (not its data-defined properties)
        options = {o.get("name"): o.get("value") for o in (top.findall("Option") if top is not None else [])
                   if o.get("name")}
        if "color" not in options:  # older QGIS writes <prop k= v=>
            options = {p.get("k"): p.get("v") for p in layer.iter("prop")}
        symbols[symbol.get("name")] = options
    sizes = [float(o.get("size") or 2) for o in symbols.values()]
    largest = max(sizes) if sizes else 2.0
    styles = {}
    for category in renderer.find("categories"):
        options = symbols.get(category.get("symbol"), {})
        fill = options.get("color", "150,150,150,255")
        shown = fill if fill.split(",")[-1] == "255" else options.get("outline_color", fill)
        opaque = ",".join(shown.split(",")[:3] + ["255"])
        styles[category.get("value")] = (_kml_colour(opaque), _kml_colour(opaque),
                                         round(float(options.get("size") or largest) / largest, 2))
    _STYLE_CACHE[key] = styles
    return styles


def time_span(record: SightingRecord) -> Optional[Tuple[datetime.datetime, datetime.datetime]]:
    """(begin, end) of a week- or month-precision time, as the layer's Temporal Controller shows it (form.py
    apply_temporal): within about a week, the 7 days from the date; month only, the calendar month. None
    for an exact date (a TimeStamp) or no time."""
    observed = record.observed_at
    if observed is None or record.time_precision not in (2, 3):
        return None
    if record.time_precision == 2:
        return observed, observed + datetime.timedelta(days=7)
    begin = observed.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    end = begin.replace(year=begin.year + 1, month=1) if begin.month == 12 else begin.replace(month=begin.month + 1)
    return begin, end


def write_kml(path, records: Sequence[SightingRecord]) -> None:
    ElementTree.register_namespace("", KML_NS)
    kml = ElementTree.Element(_k("kml"))
    document = ElementTree.SubElement(kml, _k("Document"))
    ElementTree.SubElement(document, _k("name")).text = "Sightings"
    styles = class_styles()
    for map_class, (icon, label, scale) in styles.items():
        style = ElementTree.SubElement(document, _k("Style"), {"id": style_id(map_class)})
        icon_style = ElementTree.SubElement(style, _k("IconStyle"))
        ElementTree.SubElement(icon_style, _k("color")).text = icon
        ElementTree.SubElement(icon_style, _k("scale")).text = str(scale)
        label_style = ElementTree.SubElement(style, _k("LabelStyle"))
        ElementTree.SubElement(label_style, _k("color")).text = label
    for record in records:
        placemark = ElementTree.SubElement(document, _k("Placemark"))
        ElementTree.SubElement(placemark, _k("name")).text = "{} · {} · {}".format(
            record.unit_id or record.unit_as_reported or "sighting",
            record.observed_at.strftime("%Y-%m-%d") if record.observed_at else "?", record.grade)
        # The description is HTML for Google Earth and the like: every text in it escaped.
        ElementTree.SubElement(placemark, _k("description")).text = sighting_html(record)
        span = time_span(record)
        if span is not None:
            when = ElementTree.SubElement(placemark, _k("TimeSpan"))
            ElementTree.SubElement(when, _k("begin")).text = format_iso_utc(span[0])
            ElementTree.SubElement(when, _k("end")).text = format_iso_utc(span[1])
        elif record.observed_at is not None:
            stamp = ElementTree.SubElement(placemark, _k("TimeStamp"))
            ElementTree.SubElement(stamp, _k("when")).text = format_iso_utc(record.observed_at)
        if record.map_class in styles:
            ElementTree.SubElement(placemark, _k("styleUrl")).text = "#" + style_id(record.map_class)
        extended = ElementTree.SubElement(placemark, _k("ExtendedData"))
        for name, value in record_row(record).items():
            data = ElementTree.SubElement(extended, _k("Data"), {"name": name})
            ElementTree.SubElement(data, _k("value")).text = value
        point = ElementTree.SubElement(placemark, _k("Point"))
        ElementTree.SubElement(point, _k("coordinates")).text = "{!r},{!r}".format(record.lon, record.lat)
    tree = ElementTree.ElementTree(kml)
    if hasattr(ElementTree, "indent"):  # Python 3.9+
        ElementTree.indent(tree, space=" ")
    with open(str(path), "wb") as handle:
        tree.write(handle, encoding="utf-8", xml_declaration=True)
        handle.write(b"\n")


def write_file(path, records: Sequence[SightingRecord], kind: Optional[str] = None) -> str:
    """Write in the format given, or the one the extension names; returns the format."""
    kind = kind or format_of(path)
    {"CSV": write_csv, "GeoJSON": write_geojson, "KML": write_kml}[kind](path, records)
    return kind


# --- reading --------------------------------------------------------------------------------------

@dataclass
class Row:
    number: int  # 1-based, as a person counts the rows (CSV: data rows, after the header)
    values: Dict[str, object]  # column -> value as read (text, number, list…)
    point: Optional[Tuple[float, float]] = None  # the feature's own point (GeoJSON, KML)
    problems: List[str] = field(default_factory=list)  # what was wrong while reading


def read_rows(path) -> Tuple[List[str], List[Row]]:
    """(column names, rows) of a CSV, GeoJSON or KML file."""
    path = Path(path)
    kind = format_of(path)
    if not path.is_file():
        raise ExchangeError("{} does not exist".format(path))
    try:
        if kind == "CSV":
            return _read_csv(path)
        if kind == "GeoJSON":
            return _read_geojson(path)
        return _read_kml(path)
    except ExchangeError:
        raise
    except (ValueError, UnicodeDecodeError, ElementTree.ParseError, csv.Error) as exc:
        raise ExchangeError("{} is not readable {}: {}".format(path.name, kind, exc)) from exc


def _read_csv(path: Path):
    text = path.read_text(encoding="utf-8-sig")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    columns = list(reader.fieldnames or [])
    if not columns:
        raise ExchangeError("{} has no header row".format(path.name))
    rows = []
    for number, values in enumerate(reader, start=1):
        extra = values.pop(None, None)
        row = Row(number, {k: v for k, v in values.items() if k is not None})
        if extra:
            row.problems.append("more values than columns")
        rows.append(row)
    return columns, rows


def _read_geojson(path: Path):
    data = json.loads(path.read_text(encoding="utf-8-sig"))
    if isinstance(data, dict) and data.get("type") == "Feature":
        features = [data]
    elif isinstance(data, dict) and data.get("type") == "FeatureCollection":
        features = data.get("features") or []
    else:
        raise ExchangeError("{} is not a GeoJSON FeatureCollection".format(path.name))
    columns, rows = [], []
    for number, feature in enumerate(features, start=1):
        properties = dict((feature or {}).get("properties") or {})
        for name in properties:
            if name not in columns:
                columns.append(name)
        row = Row(number, properties)
        geometry = (feature or {}).get("geometry")
        if geometry:
            coordinates = geometry.get("coordinates")
            if geometry.get("type") == "Point" and isinstance(coordinates, list) and len(coordinates) >= 2:
                row.point = (coordinates[0], coordinates[1])
            else:
                row.problems.append("the geometry is a {}, not a point".format(geometry.get("type")))
        rows.append(row)
    return columns, rows


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _read_kml(path: Path):
    root = ElementTree.parse(str(path)).getroot()
    columns, rows = [], []
    placemarks = [element for element in root.iter() if _local(element.tag) == "Placemark"]
    for number, placemark in enumerate(placemarks, start=1):
        values = {}
        for element in placemark.iter():
            tag = _local(element.tag)
            if tag == "Data":
                value = next((c.text for c in element if _local(c.tag) == "value"), None)
                values[element.get("name")] = value or ""
            elif tag == "SimpleData":
                values[element.get("name")] = element.text or ""
        for tag in ("name", "description"):
            child = next((c for c in placemark if _local(c.tag) == tag), None)
            if child is not None and tag not in values and ("kml_" + tag) not in values:
                values["kml_" + tag] = child.text or ""
        for name in values:
            if name not in columns:
                columns.append(name)
        row = Row(number, values)
        coordinates = next((e.text for e in placemark.iter() if _local(e.tag) == "coordinates"), None)
        points = [e for e in placemark.iter() if _local(e.tag) == "Point"]
        if coordinates and points:
            parts = coordinates.strip().split(",")
            try:
                row.point = (float(parts[0]), float(parts[1]))
            except (ValueError, IndexError):
                row.problems.append("its coordinates '{}' are not lon,lat".format(coordinates.strip()))
        elif coordinates:
            row.problems.append("the geometry is not a point")
        rows.append(row)
    return columns, rows


# --- mapping ------------------------------------------------------------------------------------------

def parse_mapping(text: Optional[str]) -> Dict[str, str]:
    """{field: column} from 'field=column; …' or a JSON object; raises ExchangeError naming bad targets."""
    text = (text or "").strip()
    if not text:
        return {}
    if text.startswith("{"):
        try:
            mapping = json.loads(text)
        except ValueError as exc:
            raise ExchangeError("MAPPING is not valid JSON: {}".format(exc)) from None
        if not isinstance(mapping, dict):
            raise ExchangeError("MAPPING must be a JSON object of field: column")
        mapping = {str(k).strip(): str(v).strip() for k, v in mapping.items()}
    else:
        mapping = {}
        for part in re.split(r"[;\n]", text):
            if not part.strip():
                continue
            target, sep, column = part.partition("=")
            if not sep:
                raise ExchangeError("MAPPING: '{}' is not field=column".format(part.strip()))
            mapping[target.strip()] = column.strip()
    unknown = sorted(set(mapping) - TARGETS)
    if unknown:
        raise ExchangeError("MAPPING names fields the sightings layer does not have: {} (it has {})".format(
            ", ".join(unknown), ", ".join(sorted(TARGETS))))
    return mapping


def resolve_columns(columns: Sequence[str], mapping: Mapping[str, str]) -> Dict[str, str]:
    """{target: column in the file}: the mapping first, then columns named as the fields (any case)."""
    by_lower = {}
    for column in columns:
        by_lower.setdefault(column.strip().lower(), column)
    resolved = {}
    for target, column in mapping.items():
        match = by_lower.get(column.lower())
        if match is None:
            raise ExchangeError("MAPPING: the file has no column '{}' (for {}); its columns are {}".format(
                column, target, ", ".join(columns)))
        resolved[target] = match
    for target in TARGETS:
        if target in resolved:
            continue
        for alias in ALIASES.get(target, (target,)):
            if alias in by_lower and by_lower[alias] not in resolved.values():
                resolved[target] = by_lower[alias]
                break
    return resolved


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def row_to_input(row: Row, columns: Mapping[str, str]) -> Tuple[Dict[str, object], List[Dict[str, object]],
                                                             List[str]]:
    """(sighting values, sources, problems found while reading) for clean_sighting."""
    problems = list(row.problems)
    values = row.values

    def get(target):
        column = columns.get(target)
        return values.get(column) if column is not None else None

    sighting = {}
    for name in ("sighting_id",) + FIELDS:
        value = get(name)
        if not _blank(value):
            sighting[name] = value.strip() if isinstance(value, str) else value
    lon, lat = get("longitude"), get("latitude")
    wkt = get("wkt")
    if not _blank(lon) or not _blank(lat):
        sighting["lon"], sighting["lat"] = lon, lat
    elif not _blank(wkt):
        geometry = QgsGeometry.fromWkt(str(wkt))
        if geometry.isNull() or geometry.isEmpty():
            problems.append("'{}' is not WKT".format(str(wkt)[:60]))
        elif geometry.type() != POINT_GEOMETRY:
            problems.append("the WKT is not a point")
        else:
            point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
            sighting["lon"], sighting["lat"] = point.x(), point.y()
    elif row.point is not None:
        sighting["lon"], sighting["lat"] = row.point
    sources = []
    listed = get("sources")
    if isinstance(listed, str) and listed.strip():
        try:
            listed = json.loads(listed)
        except ValueError:
            problems.append("the sources column is not a JSON list")
            listed = None
    if isinstance(listed, list) and listed:
        for item in listed:
            if isinstance(item, dict):
                sources.append({key: item.get(key) for key in SOURCE_KEYS})
            else:
                problems.append("a source in the sources column is not an object")
    elif listed not in (None, "", []):
        problems.append("the sources column is not a list")
    else:
        flat = {key: get(name) for name, key in zip(SOURCE_FLAT, SOURCE_KEYS[1:])}
        if any(not _blank(v) for v in flat.values()):
            sources.append(flat)
    return sighting, sources, problems


def rejected_writer(path, columns: Sequence[str]):
    """A CSV writer for rejected rows: the row number, the reason, then the row's own columns."""
    handle = open(str(path), "w", encoding="utf-8", newline="")
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(["row", "reason"] + list(columns))
    return handle, writer


def cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    return str(value)

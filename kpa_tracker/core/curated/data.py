"""Curated data: the catalogue of layers and the YAML files behind them, read and checked.

Pure Python (yaml.safe_load only, no QGIS), so the validator runs anywhere and
fast. Every problem is reported with the file, the feature id and the field.
A file with any problem is refused whole; the other layers still load.
"""

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

import yaml

from ..domain.urls import is_web_url
from .dates import (  # noqa: F401 (read as curated.period_start and so on)
    DATE_PATTERN, DATE_PRECISIONS, CuratedDataError, instant_end, normalise_date, period_end, period_start,
)

LAYERS_DIR = Path(__file__).resolve().parents[2] / "layers"
CATALOGUE_FILE = LAYERS_DIR / "catalogue.yaml"
SOURCES_FILE = LAYERS_DIR / "data" / "sources.yaml"
# Further source lists beside it (one per topic: sources-events-a.yaml, ...); keys are unique across all.
SOURCES_GLOB = "sources-*.yaml"

# libyaml's safe loader when PyYAML was built with it (several times faster), else the pure-Python one.
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
STATUSES = ("confirmed", "assessed", "reported", "claimed", "refuted")
SOURCE_KINDS = ("government", "independent media", "state media", "aggregator", "reference", "analysis")
PRECISIONS = ("site", "town", "region")
COMMON_FIELDS = (
    "id", "name", "names", "status", "as_of", "valid_from", "valid_to",
    "precision", "sources", "notes",
)
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
SIDC_PATTERN = re.compile(r"^\d{20}$")


@dataclass
class Source:
    key: str
    publisher: str
    title: str
    date: str
    url: str
    notes: str = ""
    kind: str = ""

    def as_text(self) -> str:
        dated = "{}; {}".format(self.date, self.kind) if self.kind else self.date
        return "{} — {} ({}) {}".format(self.publisher, self.title, dated, self.url)


@dataclass
class LayerDef:
    """One entry of catalogue.yaml: what a curated layer is and where its parts live."""

    id: str
    title: str
    group: str
    kind: str  # "curated", "basemap" or "tiles"
    geometry: str = ""
    data: str = ""
    style: str = ""
    fields: List[dict] = field(default_factory=list)
    source: str = ""
    default_load: bool = True
    temporal: bool = False
    # [first, last] dates the layer's features may fall in (last null: until today).
    period: List[Optional[str]] = field(default_factory=list)
    # Every feature needs valid_from (events, snapshots, positions).
    dated: bool = False
    # Features are events: without valid_to they last the day (or week) of valid_from.
    instants: bool = False

    @property
    def data_path(self) -> Path:
        return LAYERS_DIR / self.data

    @property
    def style_path(self) -> Optional[Path]:
        return LAYERS_DIR / self.style if self.style else None

    @property
    def field_names(self) -> List[str]:
        return [f["name"] for f in self.fields]


@dataclass
class CuratedFeature:
    layer: str
    id: str
    name: str
    status: str
    as_of: str
    precision: str
    sources: List[Source]
    geometry_type: str
    coordinates: object  # [lon, lat], [[lon, lat], ...] or [[[lon, lat], ...]]
    names: List[str] = field(default_factory=list)
    valid_from: str = ""
    valid_to: str = ""
    notes: str = ""
    attributes: Dict[str, object] = field(default_factory=dict)

    def search_names(self) -> List[str]:
        return [self.name] + list(self.names)


@dataclass
class LoadResult:
    features: Dict[str, List[CuratedFeature]]
    errors: List[CuratedDataError]


def fold(text: str) -> str:
    """Case- and accent-free form for matching names: Tŏkch'ŏn -> tokchon."""
    decomposed = unicodedata.normalize("NFKD", str(text))
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = re.sub(r"[\u2018\u2019\u02bb\u02bc'`\-\u2010-\u2015\s.]+", "", stripped)
    return stripped.casefold()


def _read_yaml(path: Path):
    try:
        with open(str(path), encoding="utf-8") as stream:
            return yaml.load(stream, Loader=SAFE_LOADER)  # safe: SafeLoader or CSafeLoader only
    except FileNotFoundError:
        raise CuratedDataError(path, None, None, "file not found")
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = " at line {}, column {}".format(mark.line + 1, mark.column + 1) if mark else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CuratedDataError(path, None, None, "YAML syntax error{}: {}".format(where, problem))


def load_catalogue(path: Path = CATALOGUE_FILE) -> List[LayerDef]:
    document = _read_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("layers"), list):
        raise CuratedDataError(path, None, "layers", "expected a list of layers")
    layers = []
    for entry in document["layers"]:
        layers.append(LayerDef(**entry))
    return layers


def check_url(url, path, feature_id, field_name) -> str:
    text = str(url or "").strip()
    if not is_web_url(text):
        raise CuratedDataError(
            path, feature_id, field_name,
            "'{}' is not an http(s) URL".format(text) if text else "a URL is required")
    return text


def source_files(path: Path = SOURCES_FILE, overrides: Dict[str, Path] = None) -> List[Path]:
    """sources.yaml (or its override) and the topic lists beside the shipped one (each overridable by stem)."""
    overrides = overrides or {}
    topics = sorted(SOURCES_FILE.parent.glob(SOURCES_GLOB))
    return [path] + [Path(overrides.get(topic.stem, topic)) for topic in topics]


def load_sources(path: Path = SOURCES_FILE, today=None, overrides: Dict[str, Path] = None) -> Dict[str, Source]:
    """Every source by key, from sources.yaml and the sources-*.yaml beside it."""
    sources = {}
    for file in source_files(path, overrides):
        for key, source in _load_source_file(file, today).items():
            if key in sources:
                raise CuratedDataError(file, key, None, "the same source key is in another sources file")
            sources[key] = source
    return sources


def _load_source_file(path: Path, today=None) -> Dict[str, Source]:
    document = _read_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("sources"), dict):
        raise CuratedDataError(path, None, "sources", "expected a mapping of source keys")
    sources = {}
    for key, entry in document["sources"].items():
        if not isinstance(entry, dict):
            raise CuratedDataError(path, key, None, "a source must be a mapping")
        for required in ("publisher", "title", "date", "url", "kind"):
            if not str(entry.get(required) or "").strip():
                raise CuratedDataError(path, key, required, "missing")
        kind = str(entry["kind"]).strip()
        if kind not in SOURCE_KINDS:
            raise CuratedDataError(path, key, "kind", "'{}' is not one of {}".format(kind, ", ".join(SOURCE_KINDS)))
        sources[key] = Source(
            key=key,
            publisher=str(entry["publisher"]).strip(),
            title=str(entry["title"]).strip(),
            date=normalise_date(entry["date"], path, key, "date", today),
            url=check_url(entry["url"], path, key, "url"),
            notes=str(entry.get("notes") or "").strip(),
            kind=kind,
        )
    return sources


def _check_position(pair, path, feature_id, field_name):
    if not (isinstance(pair, (list, tuple)) and len(pair) == 2
            and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in pair)):
        raise CuratedDataError(path, feature_id, field_name,
                               "expected [longitude, latitude] in decimal degrees, got {!r}".format(pair))
    lon, lat = float(pair[0]), float(pair[1])
    if not -180.0 <= lon <= 180.0:
        raise CuratedDataError(path, feature_id, field_name,
                               "longitude {} is outside -180..180".format(lon))
    if not -90.0 <= lat <= 90.0:
        raise CuratedDataError(path, feature_id, field_name,
                               "latitude {} is outside -90..90".format(lat))
    return [lon, lat]


def _parse_geometry(entry, layer: LayerDef, path, feature_id, places):
    if layer.geometry == "Point":
        if "at" in entry:
            place = places.get(entry["at"])
            if place is None:
                raise CuratedDataError(path, feature_id, "at",
                                       "'{}' is not the id of a curated place".format(entry["at"]),
                                       unresolved_place=True)
            return place
        if "lat" not in entry or "lon" not in entry:
            raise CuratedDataError(path, feature_id, "lat/lon", "a point needs lat and lon (or at)")
        return _check_position([entry["lon"], entry["lat"]], path, feature_id, "lat/lon")
    if layer.geometry == "LineString":
        path_entries = entry.get("path")
        if not isinstance(path_entries, list) or len(path_entries) < 2:
            raise CuratedDataError(path, feature_id, "path", "a line needs at least two points")
        line = []
        for item in path_entries:
            if isinstance(item, str):
                if item not in places:
                    raise CuratedDataError(path, feature_id, "path",
                                           "'{}' is not the id of a curated place".format(item),
                                           unresolved_place=True)
                line.append(places[item])
            else:
                line.append(_check_position(item, path, feature_id, "path"))
        return line
    if layer.geometry == "Polygon":
        ring = entry.get("ring")
        if not isinstance(ring, list) or len(ring) < 3:
            raise CuratedDataError(path, feature_id, "ring", "a polygon needs at least three points")
        points = [_check_position(p, path, feature_id, "ring") for p in ring]
        if points[0] != points[-1]:
            points.append(list(points[0]))
        return [points]
    if layer.geometry == "None":
        return None
    raise CuratedDataError(path, None, "geometry", "unknown geometry type " + layer.geometry)


def _parse_feature(entry, layer: LayerDef, path, sources, places, today, references=()):
    if not isinstance(entry, dict):
        raise CuratedDataError(path, None, None, "each feature must be a mapping")
    feature_id = entry.get("id")
    if not isinstance(feature_id, str) or not ID_PATTERN.match(feature_id):
        raise CuratedDataError(path, feature_id, "id",
                               "ids are lower-case slugs (letters, digits, hyphens)")
    name = str(entry.get("name") or "").strip()
    if not name:
        raise CuratedDataError(path, feature_id, "name", "missing")
    status = entry.get("status")
    if status not in STATUSES:
        raise CuratedDataError(path, feature_id, "status",
                               "'{}' is not one of {}".format(status, ", ".join(STATUSES)))
    precision = entry.get("precision")
    if precision is None and layer.geometry == "None":
        precision = ""  # a table row (an estimate) has no position to be precise about
    elif precision not in PRECISIONS:
        raise CuratedDataError(path, feature_id, "precision",
                               "'{}' is not one of {}".format(precision, ", ".join(PRECISIONS)))
    if "as_of" not in entry:
        raise CuratedDataError(path, feature_id, "as_of", "missing")
    as_of = normalise_date(entry["as_of"], path, feature_id, "as_of", today)
    valid_from = normalise_date(entry["valid_from"], path, feature_id, "valid_from", today) \
        if entry.get("valid_from") else ""
    valid_to = normalise_date(entry["valid_to"], path, feature_id, "valid_to", today) \
        if entry.get("valid_to") else ""
    if layer.dated and not valid_from:
        raise CuratedDataError(path, feature_id, "valid_from", "missing (every {} feature is dated)".format(layer.id))
    if valid_from and valid_to and period_end(valid_to) < period_start(valid_from):
        raise CuratedDataError(path, feature_id, "valid_to", "is before valid_from")
    if layer.instants and valid_from and not valid_to:
        valid_to = instant_end(valid_from, entry.get("time_precision"))
    keys = entry.get("sources")
    if not isinstance(keys, list) or not keys:
        raise CuratedDataError(path, feature_id, "sources", "at least one source is required")
    cited = []
    for key in keys:
        if key not in sources:
            raise CuratedDataError(path, feature_id, "sources",
                                   "'{}' is not a source in sources.yaml".format(key))
        cited.append(sources[key])
    names = entry.get("names") or []
    if not isinstance(names, list) or not all(isinstance(n, str) and n.strip() for n in names):
        raise CuratedDataError(path, feature_id, "names", "expected a list of names")
    attributes = {}
    for spec in layer.fields:
        value = entry.get(spec["name"])
        if value is None and spec.get("required"):
            raise CuratedDataError(path, feature_id, spec["name"], "missing")
        if value is not None and spec.get("values") and value not in spec["values"]:
            raise CuratedDataError(path, feature_id, spec["name"], "'{}' is not one of {}".format(
                value, ", ".join(str(v) for v in spec["values"])))
        if value is not None and spec["type"] == "integer":
            if not isinstance(value, int) or isinstance(value, bool):
                raise CuratedDataError(path, feature_id, spec["name"], "expected a whole number")
        if value is not None and spec["type"] == "double":
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                raise CuratedDataError(path, feature_id, spec["name"], "expected a number")
        if value is not None and spec.get("pattern") == "sidc" and not SIDC_PATTERN.match(str(value)):
            raise CuratedDataError(path, feature_id, spec["name"],
                                   "an APP-6D SIDC has exactly 20 digits")
        if value is not None and spec.get("ref") and value not in places and value not in references:
            raise CuratedDataError(path, feature_id, spec["name"],
                                   "'{}' is not the id of a curated {}".format(value, spec["ref"]),
                                   unresolved_place=True)
        attributes[spec["name"]] = value
    if "place_id" in layer.field_names and entry.get("at"):
        attributes["place_id"] = entry["at"]
    if "time_precision" in layer.field_names and not attributes.get("time_precision") and valid_from:
        attributes["time_precision"] = DATE_PRECISIONS[len(valid_from)]
    known = set(COMMON_FIELDS) | set(layer.field_names) | {"lat", "lon", "at", "path", "ring"}
    unknown = sorted(set(entry) - known)
    if unknown:
        raise CuratedDataError(path, feature_id, unknown[0], "unknown field")
    return CuratedFeature(
        layer=layer.id, id=feature_id, name=name, status=status, as_of=as_of,
        precision=precision, sources=cited, geometry_type=layer.geometry,
        coordinates=_parse_geometry(entry, layer, path, feature_id, places),
        names=[n.strip() for n in names], valid_from=valid_from, valid_to=valid_to,
        notes=str(entry.get("notes") or "").strip(), attributes=attributes,
    )


def load_layer(layer: LayerDef, sources, places, today=None, path: Path = None, references=()):
    path = path or layer.data_path
    document = _read_yaml(path)
    if not isinstance(document, dict) or not isinstance(document.get("features"), list):
        raise CuratedDataError(path, None, "features", "expected a list of features")
    features, seen = [], set()
    for entry in document["features"]:
        feature = _parse_feature(entry, layer, path, sources, places, today, references)
        if feature.id in seen:
            raise CuratedDataError(path, feature.id, "id", "duplicate id")
        seen.add(feature.id)
        features.append(feature)
    return features


def load_all(catalogue: List[LayerDef] = None, today=None, overrides: Dict[str, Path] = None) -> LoadResult:
    """Every curated layer, in catalogue order. Point layers come first so lines can cite places.

    `overrides` maps a layer id to another data file (tests, the upgrade path).
    """
    catalogue = catalogue if catalogue is not None else load_catalogue()
    overrides = overrides or {}
    errors, features = [], {}
    try:
        sources = load_sources(overrides.get("sources", SOURCES_FILE), today, overrides)
    except CuratedDataError as exc:
        return LoadResult({}, [exc])
    places, known_ids = {}, set()
    pending = [layer for layer in catalogue if layer.kind == "curated"]
    # Layers may cite places of other layers (`at:`, `path:`): load what can be
    # loaded, and retry the rest once more places are known.
    while pending:
        deferred = []
        for layer in pending:
            try:
                loaded = load_layer(layer, sources, places, today, overrides.get(layer.id), known_ids)
            except CuratedDataError as exc:
                if exc.unresolved_place:
                    deferred.append((layer, exc))
                else:
                    errors.append(exc)
                continue
            clash = _first_clash(loaded, features)
            if clash:
                errors.append(CuratedDataError(
                    overrides.get(layer.id, layer.data_path), clash, "id",
                    "the same id is used in another curated layer"))
                continue
            features[layer.id] = loaded
            known_ids.update(f.id for f in loaded)
            places.update({f.id: f.coordinates for f in loaded if f.geometry_type == "Point"})
        if len(deferred) == len(pending):
            refused = sorted({Path(e.file).name for e in errors})
            for _, exc in deferred:
                if refused:
                    exc.message += " (it may be in {}, which was refused)".format(", ".join(refused))
                errors.append(exc)
            break
        pending = [layer for layer, _ in deferred]
    ordered = {layer.id: features[layer.id] for layer in catalogue if layer.id in features}
    _attach_figures(ordered, catalogue)
    _attach_units(ordered)
    _name_places(ordered)
    return LoadResult(ordered, errors)


def _name_places(features: Dict[str, List["CuratedFeature"]]) -> None:
    """An event or position at a place (`at`) carries that place's name, for lists and labels."""
    names = {f.id: f.name for layer in features.values() for f in layer if f.geometry_type == "Point"}
    for layer in features.values():
        for feature in layer:
            place_id = feature.attributes.get("place_id")
            if place_id and not feature.attributes.get("place") and "place" in feature.attributes:
                feature.attributes["place"] = names.get(place_id)


def _attach_units(features: Dict[str, List["CuratedFeature"]]) -> None:
    """A unit position is drawn with its unit's symbol and named by its designation."""
    units = {f.id: f for f in features.get("units", [])}
    for position in features.get("unit_positions", []):
        unit = units.get(position.attributes.get("unit"))
        if unit is not None:
            position.attributes["designation"] = unit.attributes.get("designation")
            position.attributes["sidc"] = unit.attributes.get("sidc")


def figure_text(estimate: "CuratedFeature") -> str:
    """'about 1,294 km² (Syrskyi (...), 2024-08-27, claimed)': one estimate as one line."""
    values = estimate.attributes
    number = "{:,.0f}".format(values["value"])
    if values.get("value_max") not in (None, values["value"]):
        number += "–{:,.0f}".format(values["value_max"])
    qualifier = values.get("qualifier")
    measure = values.get("measure")
    unit = " " + str(measure).replace("_", " ")
    for suffix, label in (("_km2", " km²"), ("_sq_mi", " sq mi")):
        if str(measure).endswith(suffix):  # area_held_km2 -> "459 km² held"
            unit = label + " " + str(measure)[len("area_"):-len(suffix)]
            break
    return "{}{}{} ({}, {}, {})".format(
        qualifier + " " if qualifier and qualifier != "exact" else "", number, unit,
        values.get("estimator"), estimate.as_of, estimate.status)


def _attach_figures(features: Dict[str, List["CuratedFeature"]], catalogue: List[LayerDef]) -> None:
    """Each estimate's line on the feature it is about (layers with a `figures` field), oldest first."""
    with_figures = {layer.id for layer in catalogue if "figures" in layer.field_names}
    by_id = {f.id: f for layer_id in with_figures for f in features.get(layer_id, [])}
    lines = {}
    for estimate in sorted(features.get("estimates", []), key=lambda e: e.as_of):
        subject = estimate.attributes.get("subject")
        if subject in by_id:
            lines.setdefault(subject, []).append(figure_text(estimate))
    for subject, texts in lines.items():
        by_id[subject].attributes["figures"] = "\n".join(texts)


def _first_clash(loaded, features):
    taken = {f.id for layer_features in features.values() for f in layer_features}
    for feature in loaded:
        if feature.id in taken:
            return feature.id
    return None


_CACHE = {}


def load_cached():
    """(catalogue, LoadResult), read again only when a file under layers/ changed."""
    stamp = tuple(sorted((str(p), p.stat().st_mtime_ns) for p in LAYERS_DIR.rglob("*.yaml")))
    if _CACHE.get("stamp") != stamp:
        catalogue = load_catalogue()
        _CACHE.update(stamp=stamp, catalogue=catalogue, result=load_all(catalogue))
    return _CACHE["catalogue"], _CACHE["result"]

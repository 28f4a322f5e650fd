"""Sightings: the schema, the validation every path shares, and atomic storage.

Two tables in a GeoPackage (the analyst's workspace by default), created on
first use:

- ``sightings``: points in EPSG:4326, one row per observation of a unit at a
  place and time, graded with the NATO Admiralty code;
- ``sighting_sources``: no geometry, one row per source of a sighting (one or
  more per sighting), joined by ``sighting_id``.

Every path that adds sightings (the form, the import algorithm, code) goes
through `clean_sighting`, which returns the normalised record and a list of
`Problem` (each names the field in words and by name). `add_sighting` and
`add_sightings` validate and then write a sighting with its sources in ONE
transaction: both tables or nothing.

How the writing works, and why not through OGR or QgsTransaction
-----------------------------------------------------------------
Writes use Python's sqlite3 directly on the GeoPackage, in a ``BEGIN
IMMEDIATE`` transaction with a busy timeout, retried whole when the database
stays locked:

- ``BEGIN IMMEDIATE`` takes the write lock before anything is read, so two
  writers (two QGIS processes, or QGIS and an import) queue up. GDAL and
  QGIS's transactions start with a deferred ``BEGIN``: a connection that has
  read and then wants to write while another holds the write lock gets
  SQLITE_BUSY at once, without waiting (SQLite's deadlock avoidance), and the
  whole edit fails.
- The busy timeout is a property of the connection; we own this connection and
  set it (60 s), then retry the whole transaction with back-off.
- One transaction over two tables is plain SQL; after a crash (even SIGKILL)
  SQLite's journal rolls back a transaction that did not commit, so a
  sighting never exists without its sources, and everything committed stays.
- GDAL keeps the layer extent and feature count of an open dataset in memory
  and writes them back on close; with two writers those figures go stale.
  Here the extent in ``gpkg_contents`` is widened inside the same transaction,
  and the feature count is kept by GDAL's own triggers.

Rows are written exactly as GDAL writes them: the geometry as a GeoPackage
binary blob (little-endian, no envelope, as GDAL does for points), the R-tree
spatial index kept by GDAL's triggers, whose ``ST_*`` functions are
registered on our connection. The tables themselves are created by QGIS
(QgsVectorFileWriter) in a template and copied into the GeoPackage in one
transaction, so a table is never half-created, even by two processes at once.

Times are UTC. They are stored as GeoPackage DATETIME text
(``2024-11-03T14:20:00.000Z``); QGIS 3.22 reads such values without their time
zone, so the plugin's forms treat the wall-clock time of a DATETIME as UTC.
"""

import datetime
import getpass
import hashlib
import math
import os
import random
import re
import shutil
import sqlite3
import struct
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable, Collection, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple
from urllib.parse import quote, urlparse

from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime, Qt

from ...toolbelt.compat import FIELD_DATETIME, FIELD_INT, FIELD_STRING, WKB_NO_GEOMETRY, WKB_POINT
from ...toolbelt.gpkg import GeoPackageError, create_table
from ...toolbelt.workspace import workspace_gpkg_path

SIGHTINGS_TABLE = "sightings"
SOURCES_TABLE = "sighting_sources"
RELATION_ID = "sightings_sources"  # the QgsRelation between the two tables
ATTACHMENTS_DIR = "attachments"
WGS84_SRS_ID = 4326
BUSY_TIMEOUT_S = 60.0
RETRY_FOR_S = 180.0  # give up on a locked database after this long
# Clocks differ between machines: an observation up to this far ahead of our
# clock is not "in the future".
FUTURE_TOLERANCE = datetime.timedelta(minutes=5)

# --- the grading scales, written out ---------------------------------------------------

SOURCE_RELIABILITY = (
    ("A", "Completely reliable"),
    ("B", "Usually reliable"),
    ("C", "Fairly reliable"),
    ("D", "Not usually reliable"),
    ("E", "Unreliable"),
    ("F", "Reliability cannot be judged"),
)
INFO_CREDIBILITY = (
    (1, "Confirmed by other sources"),
    (2, "Probably true"),
    (3, "Possibly true"),
    (4, "Doubtful"),
    (5, "Improbable"),
    (6, "Truth cannot be judged"),
)
TIME_PRECISION = (  # ACLED's time precision
    (1, "Exact date"),
    (2, "Within about a week"),
    (3, "Month only"),
)
GEO_PRECISION = (
    (1, "Exact location"),
    (2, "Near a named place"),
    (3, "Region only"),
)
CLAIM_STATUS = (  # ISW's sense, as in the curated data
    ("confirmed", "Confirmed: a government statement or geolocated imagery, corroborated"),
    ("assessed", "Assessed: an analyst's assessment from verifiable evidence"),
    ("reported", "Reported: one credible source, not corroborated"),
    ("claimed", "Claimed: a party's claim, neither confirmed nor disproved"),
)
REVIEW_STATUS = (
    ("unreviewed", "Unreviewed"),
    ("reviewed", "Reviewed"),
    ("rejected", "Rejected"),
)

# --- fields -------------------------------------------------------------------------------

# name, type, label (what the form and every message call it)
SIGHTING_FIELDS = (
    ("sighting_id", FIELD_STRING, "Sighting id"),
    ("unit_id", FIELD_STRING, "Unit"),
    ("unit_as_reported", FIELD_STRING, "Unit as the source names it"),
    ("observed_at", FIELD_DATETIME, "Observed (UTC)"),
    ("time_precision", FIELD_INT, "Time precision"),
    ("location_name", FIELD_STRING, "Place name"),
    ("geo_precision", FIELD_INT, "Location precision"),
    ("source_reliability", FIELD_STRING, "Source reliability"),
    ("info_credibility", FIELD_INT, "Information credibility"),
    ("claim_status", FIELD_STRING, "Claim status"),
    ("review_status", FIELD_STRING, "Review status"),
    ("description", FIELD_STRING, "Description"),
    ("analyst", FIELD_STRING, "Analyst"),
    ("created_at", FIELD_DATETIME, "Created (UTC)"),
    ("updated_at", FIELD_DATETIME, "Updated (UTC)"),
    ("attachment", FIELD_STRING, "Attachment"),
    ("attachment_sha256", FIELD_STRING, "Attachment SHA-256"),
)
SOURCE_FIELDS = (
    ("source_id", FIELD_STRING, "Source id"),
    ("sighting_id", FIELD_STRING, "Sighting id"),
    ("url", FIELD_STRING, "URL"),
    ("publisher", FIELD_STRING, "Publisher"),
    ("published_at", FIELD_STRING, "Published"),
    ("archive_url", FIELD_STRING, "Archive URL"),
    ("notes", FIELD_STRING, "Notes"),
)
# Derived, never entered: the symbol class the style draws (status and grade band in one
# value), so rendering reads one field instead of evaluating an expression per point
# (about twice as fast on 100,000 sightings). SQLite triggers keep it right whatever
# client edits the table; the plugin also computes it when writing.
MAP_CLASS_FIELD = ("map_class", FIELD_STRING, "Map class (derived)")
SIGHTING_COLUMNS = tuple(name for name, _t, _l in SIGHTING_FIELDS)
SOURCE_COLUMNS = tuple(name for name, _t, _l in SOURCE_FIELDS)
LABELS = {name: label for name, _t, label in SIGHTING_FIELDS + (MAP_CLASS_FIELD,)}
SOURCE_LABELS = {name: label for name, _t, label in SOURCE_FIELDS}
LABELS.update({"lon": "Longitude", "lat": "Latitude", "sources": "Sources", "unit": "Unit"})

GRADE_BANDS = (
    ("high", "A-B and 1-2"),
    ("medium", "between"),
    ("low", "E-F, 5-6 or not judged"),
)


def map_class_sql(row: str = "NEW") -> str:
    """The SQL twin of `map_class()`, for the triggers."""
    return (
        "CASE WHEN lower({r}.\"review_status\") = 'rejected' THEN 'rejected' ELSE "
        "coalesce(lower({r}.\"claim_status\"), 'unknown') || ' ' || CASE "
        "WHEN upper({r}.\"source_reliability\") IN ('A', 'B') AND {r}.\"info_credibility\" IN (1, 2) THEN 'high' "
        "WHEN {r}.\"source_reliability\" IS NULL OR {r}.\"info_credibility\" IS NULL "
        "OR upper({r}.\"source_reliability\") IN ('E', 'F') OR {r}.\"info_credibility\" IN (5, 6) THEN 'low' "
        "ELSE 'medium' END END").format(r=row)


def map_class(claim_status, review_status, source_reliability, info_credibility) -> str:
    """'confirmed high', 'reported low', … or 'rejected': what the style draws."""
    if str(review_status or "").lower() == "rejected":
        return "rejected"
    reliability = str(source_reliability or "").upper()
    if reliability in ("A", "B") and info_credibility in (1, 2):
        band = "high"
    elif not reliability or info_credibility is None or reliability in ("E", "F") or info_credibility in (5, 6):
        band = "low"
    else:
        band = "medium"
    return "{} {}".format(str(claim_status or "unknown").lower(), band)


# Indexes, the delete cascade and the map class, created with the tables.
EXTRA_SQL = (
    'CREATE UNIQUE INDEX "sightings_sighting_id_unique" ON "sightings" ("sighting_id")',
    'CREATE INDEX "sightings_observed_at" ON "sightings" ("observed_at")',
    'CREATE INDEX "sightings_unit_id" ON "sightings" ("unit_id")',
    'CREATE UNIQUE INDEX "sighting_sources_source_id_unique" ON "sighting_sources" ("source_id")',
    'CREATE INDEX "sighting_sources_sighting_id" ON "sighting_sources" ("sighting_id")',
    # Deleting a sighting (in QGIS or any other client) deletes its sources with it.
    'CREATE TRIGGER "sightings_delete_sources" AFTER DELETE ON "sightings" BEGIN '
    'DELETE FROM "sighting_sources" WHERE "sighting_id" = OLD."sighting_id"; END',
    'CREATE TRIGGER "sightings_map_class_insert" AFTER INSERT ON "sightings" '
    'WHEN NEW."map_class" IS NOT ({0}) BEGIN '
    'UPDATE "sightings" SET "map_class" = ({0}) WHERE "fid" = NEW."fid"; END'.format(map_class_sql()),
    'CREATE TRIGGER "sightings_map_class_update" AFTER UPDATE OF "claim_status", "review_status", '
    '"source_reliability", "info_credibility", "map_class" ON "sightings" '
    'WHEN NEW."map_class" IS NOT ({0}) BEGIN '
    'UPDATE "sightings" SET "map_class" = ({0}) WHERE "fid" = NEW."fid"; END'.format(map_class_sql()),
)


class SightingError(Exception):
    """Something about sightings storage failed; nothing was half-written."""


class StorageError(SightingError):
    pass


class AttachmentError(SightingError):
    pass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a sighting, in words that name the field."""
    field: str
    message: str
    source_index: Optional[int] = None  # 0-based index of the source, for source fields

    def __str__(self) -> str:
        if self.source_index is not None:
            label = SOURCE_LABELS.get(self.field, self.field)
            return "Source {} {} ({}): {}".format(self.source_index + 1, label, self.field, self.message)
        return "{} ({}): {}".format(LABELS.get(self.field, self.field), self.field, self.message)


class SightingValidationError(SightingError):
    """A sighting was refused; `problems` lists every reason."""

    def __init__(self, problems: Sequence[Problem], prefix: str = ""):
        self.problems = list(problems)
        text = "; ".join(str(p) for p in self.problems)
        super().__init__((prefix + text) if prefix else text)


@dataclass
class SourceRecord:
    source_id: str
    url: str
    publisher: str
    published_at: Optional[str] = None  # ISO date or UTC date-time text, as precise as the source gives
    archive_url: Optional[str] = None
    notes: Optional[str] = None

    def as_dict(self) -> Dict[str, object]:
        return {name: getattr(self, name) for name in SOURCE_COLUMNS if name != "sighting_id"}


@dataclass
class SightingRecord:
    """A clean sighting: every value normalised, times as aware UTC datetimes."""
    sighting_id: str
    lon: float
    lat: float
    observed_at: datetime.datetime
    time_precision: int
    geo_precision: int
    source_reliability: str
    info_credibility: int
    claim_status: str
    review_status: str
    analyst: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    unit_id: Optional[str] = None
    unit_as_reported: Optional[str] = None
    location_name: Optional[str] = None
    description: Optional[str] = None
    attachment: Optional[str] = None
    attachment_sha256: Optional[str] = None
    sources: List[SourceRecord] = field(default_factory=list)
    fid: Optional[int] = None  # set when read from the GeoPackage

    def attributes(self) -> Dict[str, object]:
        """Field values as stored (times as GeoPackage DATETIME text)."""
        values = {}
        for name in SIGHTING_COLUMNS:
            value = getattr(self, name)
            if isinstance(value, datetime.datetime):
                value = format_gpkg_datetime(value)
            values[name] = value
        values["map_class"] = self.map_class
        return values

    @property
    def map_class(self) -> str:
        return map_class(self.claim_status, self.review_status, self.source_reliability, self.info_credibility)

    @property
    def grade(self) -> str:
        """The Admiralty grade, e.g. 'B2'."""
        return "{}{}".format(self.source_reliability, self.info_credibility)


# --- times ---------------------------------------------------------------------------------

_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$"
)


def utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def _truncate_ms(value: datetime.datetime) -> datetime.datetime:
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def parse_utc(value) -> Optional[datetime.datetime]:
    """An aware UTC datetime from a datetime, date, QDateTime, QDate or ISO 8601 text.

    Text and datetimes without a time zone are UTC. A QDateTime in local time is
    read by its wall-clock time as UTC: that is how QGIS 3.22 reads GeoPackage
    DATETIME values, and how the form's date-time widget (labelled UTC) is used.
    Raises ValueError with a readable message; returns None for empty values.
    """
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        if not value.isValid():
            return None
        # A named enum, never 0: under PyQt6 Qt enums are not ints, so "!= 0" is always true.
        if value.timeSpec() != Qt.TimeSpec.LocalTime:  # UTC or an offset: the instant is known
            value = value.toUTC()
        day, clock = value.date(), value.time()
        return datetime.datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), clock.second(),
                                 clock.msec() * 1000, tzinfo=datetime.timezone.utc)
    if isinstance(value, QDate):
        if not value.isValid():
            return None
        return datetime.datetime(value.year(), value.month(), value.day(), tzinfo=datetime.timezone.utc)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return _truncate_ms(value.replace(tzinfo=datetime.timezone.utc))
        return _truncate_ms(value.astimezone(datetime.timezone.utc))
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.timezone.utc)
    text = str(value).strip()
    if not text:
        return None
    match = _ISO.match(text)
    if not match:
        raise ValueError("'{}' is not a date or date-time; write e.g. 2024-11-03 or "
                         "2024-11-03T14:20Z (UTC)".format(text))
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        result = datetime.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                                   int(second or 0), int((fraction or "0")[:6].ljust(6, "0")))
    except ValueError as exc:
        raise ValueError("'{}' is not a real date or time ({})".format(text, exc)) from None
    offset = datetime.timedelta(0)
    if zone and zone.upper() not in ("Z", "UTC"):
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    return _truncate_ms((result - offset).replace(tzinfo=datetime.timezone.utc))


def format_gpkg_datetime(value: datetime.datetime) -> str:
    """GeoPackage DATETIME text: 2024-11-03T14:20:00.000Z."""
    value = value.astimezone(datetime.timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + "{:03d}Z".format(value.microsecond // 1000)


def format_iso_utc(value: Optional[datetime.datetime]) -> str:
    """Exchange text: 2024-11-03T14:20:00Z (milliseconds only when there are any)."""
    if value is None:
        return ""
    value = value.astimezone(datetime.timezone.utc)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += ".{:03d}".format(value.microsecond // 1000)
    return text + "Z"


def _published_text(value) -> Tuple[Optional[str], Optional[datetime.datetime]]:
    """A source's publication time: a date stays a date, a date-time becomes UTC text."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None, None
    if isinstance(value, (QDate, datetime.date)) and not isinstance(value, datetime.datetime):
        parsed = parse_utc(value)
        return parsed.strftime("%Y-%m-%d"), parsed
    if isinstance(value, (str,)) and re.match(r"^\s*\d{4}-\d{2}-\d{2}\s*$", value):
        parsed = parse_utc(value)
        return parsed.strftime("%Y-%m-%d"), parsed
    parsed = parse_utc(value)
    return (format_iso_utc(parsed) if parsed else None), parsed


# --- validation -----------------------------------------------------------------------------

_UUID_PATTERN = re.compile(r"^\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\}?$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")
_GRADE_LETTERS = [code for code, _label in SOURCE_RELIABILITY]
_CREDIBILITY = [code for code, _label in INFO_CREDIBILITY]


def _is_null(value) -> bool:
    if value is None:
        return True
    kind = type(value)
    if kind is str:
        return not value.strip()
    if kind is int:
        return False
    if kind is float:
        return math.isnan(value)
    if isinstance(value, (QDateTime, QDate)):
        return False
    if hasattr(value, "isNull"):  # QGIS's NULL (an empty QVariant)
        try:
            return bool(value.isNull())
        except TypeError:
            return False
    return False


def _text(value) -> Optional[str]:
    if _is_null(value):
        return None
    return str(value).strip()


def _code_of(value: str) -> str:
    """'B', 'b', 'B - Usually reliable' or 'B: Usually reliable' -> 'B'; '2 Probably true' -> '2'."""
    text = value.strip()
    match = re.match(r"^([A-Za-z0-9])(?:$|[\s\-–—:.)])", text)
    return match.group(1) if match else text


def is_web_url(url: str) -> bool:
    """http or https with a host, nothing else (javascript:, file:, data: are refused)."""
    text = str(url or "").strip()
    if not text or _SPACE_OR_CONTROL.search(text):
        return False
    parsed = urlparse(text)
    return parsed.scheme.lower() in ("http", "https") and bool(parsed.netloc)


def _url_problem(value: str) -> str:
    scheme = urlparse(value).scheme.lower()
    if scheme and scheme not in ("http", "https"):
        return "'{}' is a {}: address; only web links starting with http:// or https:// are accepted".format(
            _short(value), scheme)
    return "'{}' is not a web address; write the full link, starting with http:// or https://".format(_short(value))


def _short(text: str, limit: int = 80) -> str:
    text = str(text)
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _int_in(value, allowed: Sequence[int]) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        text = _code_of(str(value))
        if not re.match(r"^[-+]?\d+$", text):
            return None
        number = int(text)
    return number if number in allowed else None


def _float(value) -> Optional[float]:
    if isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


def attachment_path_problem(relative: str) -> Optional[str]:
    """Why a stored attachment path is not inside the workspace's attachments folder, or None."""
    text = str(relative).replace("\\", "/")
    path = PurePosixPath(text)
    if path.is_absolute() or re.match(r"^[A-Za-z]:", text) or text.startswith("//"):
        return "'{}' is an absolute path; attachments are stored inside the workspace (attachments/…)".format(
            _short(text))
    if ".." in path.parts:
        return "'{}' leads out of the workspace; attachments stay inside it".format(_short(text))
    if len(path.parts) < 2 or path.parts[0] != ATTACHMENTS_DIR:
        return "'{}' is not in the workspace's {}/ folder; attach files with the Attach button".format(
            _short(text), ATTACHMENTS_DIR)
    return None


def default_analyst() -> str:
    name = ""
    try:
        name = QgsApplication.userLoginName()
    except Exception:  # outside QGIS
        name = ""
    if not name:
        try:
            name = getpass.getuser()
        except Exception:
            name = ""
    return name or "analyst"


def clean_sighting(sighting: Mapping, sources: Optional[Sequence[Mapping]] = None,
                   now: Optional[datetime.datetime] = None,
                   known_units: Optional[Collection[str]] = None) -> Tuple[Optional[SightingRecord], List[Problem]]:
    """Check a sighting and its sources, the same way for every path; normalise what is good.

    `sighting` maps field names to values (text, numbers, datetimes, QDateTime…)
    and holds the place as `lon` and `lat` (WGS 84). `sources` is a list of
    mappings with url, publisher, published_at, archive_url, notes (or pass
    them as sighting["sources"]). Missing sighting_id, analyst, created_at,
    updated_at and review_status take their defaults. `known_units`, when
    given, are the unit ids `unit_id` may take.

    Returns (record, []) when everything is right, else (None, problems).
    """
    now = now or utc_now()
    problems: List[Problem] = []
    if sources is None:
        sources = sighting.get("sources") or []
    get = sighting.get

    def problem(name, message, index=None):
        problems.append(Problem(name, message, index))

    # identity
    sighting_id = _text(get("sighting_id"))
    if sighting_id is None:
        sighting_id = str(uuid.uuid4())
    elif not _UUID_PATTERN.match(sighting_id):
        problem("sighting_id", "'{}' is not a UUID".format(_short(sighting_id)))
    else:
        sighting_id = str(uuid.UUID(sighting_id.strip("{}")))
    unit_id = _text(get("unit_id"))
    unit_as_reported = _text(get("unit_as_reported"))
    if unit_id is None and unit_as_reported is None:
        problem("unit_as_reported", "required: pick the unit from the units list, or write the unit as the "
                                    "source names it (e.g. 'unidentified KPA infantry')")
    if unit_id is not None and known_units is not None and unit_id not in known_units:
        problem("unit_id", "'{}' is not a unit in the units layer".format(_short(unit_id)))

    # time
    observed_at = None
    raw_observed = get("observed_at")
    if _is_null(raw_observed) and not isinstance(raw_observed, (QDateTime, QDate)):
        problem("observed_at", "required: when the unit was seen, in UTC")
    else:
        try:
            observed_at = parse_utc(raw_observed)
        except ValueError as exc:
            problem("observed_at", str(exc))
        else:
            if observed_at is None:
                problem("observed_at", "required: when the unit was seen, in UTC")
            elif observed_at > now + FUTURE_TOLERANCE:
                problem("observed_at", "{} is in the future (now it is {}); times are UTC".format(
                    format_iso_utc(observed_at), format_iso_utc(_truncate_ms(now).replace(microsecond=0))))
    time_precision = _checked_int(get("time_precision"), "time_precision", TIME_PRECISION, problem)

    # place
    lon, lat = _float(get("lon")), _float(get("lat"))
    if _is_null(get("lon")) or _is_null(get("lat")):
        problem("lon", "the sighting needs a place: click the map or type coordinates")
    elif lon is None or lat is None:
        problem("lon", "'{}, {}' are not numbers".format(get("lon"), get("lat")))
    else:
        if not -180.0 <= lon <= 180.0:
            problem("lon", "{} is not on Earth: longitude lies between -180 and 180".format(lon))
        if not -90.0 <= lat <= 90.0:
            problem("lat", "{} is not on Earth: latitude lies between -90 and 90".format(lat))
    location_name = _text(get("location_name"))
    geo_precision = _checked_int(get("geo_precision"), "geo_precision", GEO_PRECISION, problem)

    # assessment
    reliability = _text(get("source_reliability"))
    if reliability is None:
        problem("source_reliability", "required: grade the source A to F (F when it cannot be judged)")
    else:
        code = _code_of(reliability).upper()
        if code not in _GRADE_LETTERS:
            problem("source_reliability", "'{}' is not an Admiralty grade; use A ({}) to F ({})".format(
                _short(reliability), SOURCE_RELIABILITY[0][1], SOURCE_RELIABILITY[-1][1]))
        reliability = code
    credibility = get("info_credibility")
    if _is_null(credibility):
        problem("info_credibility", "required: grade the information 1 to 6 (6 when it cannot be judged)")
        credibility = None
    else:
        checked = _int_in(credibility, _CREDIBILITY)
        if checked is None:
            problem("info_credibility", "'{}' is not an Admiralty grade; use 1 ({}) to 6 ({})".format(
                _short(str(credibility)), INFO_CREDIBILITY[0][1], INFO_CREDIBILITY[-1][1]))
        credibility = checked
    claim_status = _checked_text(get("claim_status"), "claim_status", CLAIM_STATUS, problem, None)
    review_status = _checked_text(get("review_status"), "review_status", REVIEW_STATUS, problem, "unreviewed")
    description = _text(get("description"))

    # bookkeeping
    analyst = _text(get("analyst")) or default_analyst()
    created_at = _checked_time(get("created_at"), "created_at", now, problem) or _truncate_ms(now)
    updated_at = _checked_time(get("updated_at"), "updated_at", now, problem) or created_at

    # evidence
    attachment = _text(get("attachment"))
    sha = _text(get("attachment_sha256"))
    if attachment is not None:
        attachment = attachment.replace("\\", "/")
        why = attachment_path_problem(attachment)
        if why:
            problem("attachment", why)
        if sha is None:
            problem("attachment_sha256", "required with an attachment: its SHA-256 is recorded when it "
                                         "is attached")
    if sha is not None:
        sha = sha.lower()
        if not _SHA256.match(sha):
            problem("attachment_sha256", "'{}' is not a SHA-256 (64 hexadecimal digits)".format(_short(sha)))
        elif attachment is None:
            problem("attachment_sha256", "a hash without an attachment")

    # sources
    clean_sources = []
    if not sources:
        problem("sources", "at least one source is required: the URL and publisher of where this was seen")
    for index, source in enumerate(sources):
        clean_sources.append(_clean_source(source, index, now, problem))

    if problems:
        return None, problems
    record = SightingRecord(
        sighting_id=sighting_id, lon=lon, lat=lat, observed_at=observed_at, time_precision=time_precision,
        geo_precision=geo_precision, source_reliability=reliability, info_credibility=credibility,
        claim_status=claim_status, review_status=review_status, analyst=analyst, created_at=created_at,
        updated_at=updated_at, unit_id=unit_id, unit_as_reported=unit_as_reported, location_name=location_name,
        description=description, attachment=attachment, attachment_sha256=sha, sources=clean_sources)
    return record, []


def validate_sighting(sighting: Mapping, sources: Optional[Sequence[Mapping]] = None,
                      now: Optional[datetime.datetime] = None,
                      known_units: Optional[Collection[str]] = None) -> List[str]:
    """Every problem with a sighting as a readable message naming the field; [] when it is right."""
    _record, problems = clean_sighting(sighting, sources, now, known_units)
    return [str(p) for p in problems]


def _checked_int(value, name, scale, problem) -> Optional[int]:
    codes = [code for code, _label in scale]
    described = ", ".join("{} ({})".format(code, label.lower()) for code, label in scale)
    if _is_null(value):
        problem(name, "required: {}".format(described))
        return None
    checked = _int_in(value, codes)
    if checked is None:
        problem(name, "'{}' is not one of {}".format(_short(str(value)), described))
    return checked


def _checked_text(value, name, scale, problem, default) -> Optional[str]:
    codes = [code for code, _label in scale]
    text = _text(value)
    if text is None:
        if default is not None:
            return default
        problem(name, "required: one of {}".format(", ".join(codes)))
        return None
    lowered = text.lower()
    if lowered not in codes:
        lowered = lowered.split(":", 1)[0].strip()  # 'Reported: one credible source…'
    if lowered not in codes:
        problem(name, "'{}' is not one of {}".format(_short(text), ", ".join(codes)))
        return None
    return lowered


def _checked_time(value, name, now, problem) -> Optional[datetime.datetime]:
    if _is_null(value) and not isinstance(value, (QDateTime, QDate)):
        return None
    try:
        parsed = parse_utc(value)
    except ValueError as exc:
        problem(name, str(exc))
        return None
    if parsed is not None and parsed > now + FUTURE_TOLERANCE:
        problem(name, "{} is in the future; times are UTC".format(format_iso_utc(parsed)))
        return None
    return parsed


def _clean_source(source: Mapping, index: int, now, problem) -> Optional[SourceRecord]:
    get = source.get
    url = _text(get("url"))
    if url is None:
        problem("url", "required: the web address of the source", index)
    elif not is_web_url(url):
        problem("url", _url_problem(url), index)
    publisher = _text(get("publisher"))
    if publisher is None:
        problem("publisher", "required: who published it (outlet, channel, agency or account)", index)
    archive_url = _text(get("archive_url"))
    if archive_url is not None and not is_web_url(archive_url):
        problem("archive_url", _url_problem(archive_url), index)
    published_at = None
    try:
        published_at, parsed = _published_text(get("published_at"))
    except ValueError as exc:
        problem("published_at", str(exc), index)
    else:
        if parsed is not None and parsed > now + FUTURE_TOLERANCE:
            problem("published_at", "{} is in the future".format(published_at), index)
    source_id = _text(get("source_id"))
    if source_id is None:
        source_id = str(uuid.uuid4())
    elif not _UUID_PATTERN.match(source_id):
        problem("source_id", "'{}' is not a UUID".format(_short(source_id)), index)
    else:
        source_id = str(uuid.UUID(source_id.strip("{}")))
    return SourceRecord(source_id, url or "", publisher or "", published_at, archive_url, _text(get("notes")))


# --- GeoPackage geometry and the functions GDAL's triggers call --------------------------------

_GPKG_ENVELOPE_SIZES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_point_blob(lon: float, lat: float, srs_id: int = WGS84_SRS_ID) -> bytes:
    """A point as a GeoPackage geometry blob, byte for byte as GDAL writes one."""
    return b"GP\x00\x01" + struct.pack("<i", srs_id) + struct.pack("<BIdd", 1, 1, lon, lat)


def _blob_envelope(blob) -> Optional[Tuple[float, float, float, float]]:
    """(minx, maxx, miny, maxy) of a GeoPackage blob; None when empty. Points or blobs with an envelope."""
    if blob is None:
        return None
    data = bytes(blob)
    if len(data) < 8 or data[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry")
    flags = data[3]
    if flags & 0x10:
        return None
    order = "<" if flags & 0x01 else ">"
    envelope = (flags >> 1) & 0x07
    if envelope not in _GPKG_ENVELOPE_SIZES:
        raise ValueError("bad GeoPackage envelope")
    if envelope:
        minx, maxx, miny, maxy = struct.unpack(order + "4d", data[8:40])
        return minx, maxx, miny, maxy
    wkb = data[8 + _GPKG_ENVELOPE_SIZES[envelope]:]
    worder = "<" if wkb[0] == 1 else ">"
    geometry_type = struct.unpack(worder + "I", wkb[1:5])[0] & 0x0FFFFFFF
    if geometry_type % 1000 != 1:
        raise ValueError("a geometry other than a point without an envelope")
    x, y = struct.unpack(worder + "dd", wkb[5:21])
    if math.isnan(x) or math.isnan(y):
        return None
    return x, x, y, y


def blob_point(blob) -> Optional[Tuple[float, float]]:
    envelope = _blob_envelope(blob)
    if envelope is None:
        return None
    return envelope[0], envelope[2]


def _register_gpkg_functions(connection: sqlite3.Connection) -> None:
    """ST_IsEmpty, ST_MinX… as GDAL registers them: its R-tree triggers call them on every insert."""
    last = [None, None]  # the triggers ask five times about the same blob: parse it once

    def envelope_of(blob):
        if blob is not last[0]:
            if blob is not None and blob == last[0]:
                return last[1]
            last[0], last[1] = blob, _blob_envelope(blob)
        return last[1]

    def bound(index):
        def function(blob):
            envelope = envelope_of(blob)
            return None if envelope is None else envelope[index]
        return function

    def is_empty(blob):
        return 1 if envelope_of(blob) is None else 0

    kwargs = {"deterministic": True}
    try:
        connection.create_function("ST_IsEmpty", 1, is_empty, **kwargs)
    except (TypeError, sqlite3.NotSupportedError):  # old SQLite: no deterministic flag
        kwargs = {}
        connection.create_function("ST_IsEmpty", 1, is_empty)
    for index, name in enumerate(("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY")):
        connection.create_function(name, 1, bound(index), **kwargs)


# --- connections and transactions -------------------------------------------------------------

def connect(gpkg_path) -> sqlite3.Connection:
    """A connection in autocommit mode, with the busy timeout and GDAL's trigger functions."""
    connection = sqlite3.connect(str(gpkg_path), timeout=BUSY_TIMEOUT_S, isolation_level=None)
    connection.execute("PRAGMA cache_size = -32768")  # 32 MB: large imports touch many index pages
    _register_gpkg_functions(connection)
    return connection


def _is_busy(exc: Exception) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def write_transaction(gpkg_path, work: Callable[[sqlite3.Connection], object], attach: Mapping = None,
                      failure: str = "{name}: {error}"):
    """Run work(connection) in one BEGIN IMMEDIATE transaction; all of it is committed or none.

    A database that stays locked past the busy timeout is tried again, whole,
    with random back-off, for up to RETRY_FOR_S seconds. `attach` maps schema
    names to other database files to attach first; `failure` words the error.
    """
    deadline = time.monotonic() + RETRY_FOR_S
    delay = 0.05
    while True:
        connection = connect(gpkg_path)
        try:
            for schema, path in (attach or {}).items():
                connection.execute("ATTACH DATABASE ? AS {}".format(schema), (str(path),))
            connection.execute("BEGIN IMMEDIATE")
            try:
                result = work(connection)
                connection.execute("COMMIT")
                return result
            except BaseException:
                if connection.in_transaction:
                    connection.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            if _is_busy(exc) and time.monotonic() < deadline:
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 2.0)
                continue
            raise StorageError(failure.format(name=Path(gpkg_path).name, error=exc)) from exc
        finally:
            connection.close()


# --- schema --------------------------------------------------------------------------------------

def _qgs_fields(spec) -> QgsFields:
    fields = QgsFields()
    for name, variant, _label in spec:
        fields.append(QgsField(name, variant))
    return fields


def sighting_qgs_fields() -> QgsFields:
    return _qgs_fields(SIGHTING_FIELDS + (MAP_CLASS_FIELD,))


def source_qgs_fields() -> QgsFields:
    return _qgs_fields(SOURCE_FIELDS)


def _write_template(path: Path) -> None:
    """A GeoPackage holding only the two empty tables, made by QGIS, plus our indexes and triggers."""
    try:
        create_table(path, SIGHTINGS_TABLE, sighting_qgs_fields(), WKB_POINT)
        create_table(path, SOURCES_TABLE, source_qgs_fields(), WKB_NO_GEOMETRY)
    except GeoPackageError as exc:
        raise StorageError(str(exc)) from exc
    connection = sqlite3.connect(str(path), isolation_level=None)
    try:
        connection.execute("BEGIN")
        for statement in EXTRA_SQL:
            connection.execute(statement)
        connection.execute("COMMIT")
    finally:
        connection.close()


def _connect_readonly(gpkg_path) -> sqlite3.Connection:
    """A read-only connection (a URI, so the path is percent-encoded: spaces, '#' and '?' are common)."""
    uri = "file:{}?mode=ro".format(quote(Path(gpkg_path).resolve().as_posix(), safe="/:"))
    return sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S)


def _has_tables(gpkg_path: Path) -> bool:
    connection = _connect_readonly(gpkg_path)
    try:
        names = {row[0] for row in connection.execute(
            "SELECT table_name FROM gpkg_contents WHERE table_name IN (?, ?)", (SIGHTINGS_TABLE, SOURCES_TABLE))}
    except sqlite3.DatabaseError:
        return False
    finally:
        connection.close()
    return names == {SIGHTINGS_TABLE, SOURCES_TABLE}


_READY = {}


def _file_key(path: Path):
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def ensure_schema(gpkg_path=None) -> Path:
    """Create the sightings tables in the GeoPackage (and the file) if they are not there yet.

    Safe with several processes at once: the tables are built by QGIS in a
    template next to the file, then either the template becomes the file (an
    atomic hard link that fails if another process created it first) or its
    tables are copied in, in one BEGIN IMMEDIATE transaction that first checks
    they are still missing.
    """
    gpkg_path = Path(gpkg_path) if gpkg_path is not None else workspace_gpkg_path()
    key = _file_key(gpkg_path)
    if key is not None and _READY.get(str(gpkg_path)) == key:
        return gpkg_path
    if key is not None and _has_tables(gpkg_path):
        _READY[str(gpkg_path)] = key
        return gpkg_path
    gpkg_path.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".kpa-sightings-", dir=str(gpkg_path.parent)))
    try:
        template = folder / "template.gpkg"
        _write_template(template)
        created = False
        if not gpkg_path.exists():
            try:
                os.link(str(template), str(gpkg_path))
                created = True
            except FileExistsError:
                created = False
            except OSError:  # no hard links on this file system
                if not gpkg_path.exists():
                    try:
                        shutil.copyfile(str(template), str(folder / "copy.gpkg"))
                        os.rename(str(folder / "copy.gpkg"), str(gpkg_path))  # fails on Windows if it exists
                        created = True
                    except OSError:
                        created = False
        if not created:
            _merge_template(gpkg_path, template)
    finally:
        shutil.rmtree(str(folder), ignore_errors=True)
    _READY[str(gpkg_path)] = _file_key(gpkg_path)
    return gpkg_path


def _columns(connection, schema: str, table: str) -> List[str]:
    return [row[1] for row in connection.execute('PRAGMA {}.table_info("{}")'.format(schema, table))]


def _merge_template(gpkg_path: Path, template: Path) -> None:
    def work(connection):
        has_contents = connection.execute(
            "SELECT 1 FROM main.sqlite_master WHERE type = 'table' AND name = 'gpkg_contents'").fetchone()
        if not has_contents:
            raise StorageError("{} is not a GeoPackage (it has no gpkg_contents table)".format(gpkg_path))
        present = {row[0] for row in connection.execute(
            "SELECT table_name FROM main.gpkg_contents WHERE table_name IN (?, ?)", (SIGHTINGS_TABLE, SOURCES_TABLE))}
        if present == {SIGHTINGS_TABLE, SOURCES_TABLE}:
            return  # another process was first
        if present:
            raise StorageError("{} has a {} table but not the other; repair it or move it aside".format(
                gpkg_path.name, ", ".join(sorted(present))))
        existing = {row[0] for row in connection.execute("SELECT name FROM main.sqlite_master")}
        objects = connection.execute(
            "SELECT type, name, sql FROM tpl.sqlite_master WHERE sql IS NOT NULL ORDER BY "
            "CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, rowid").fetchall()
        virtual = [name for kind, name, sql in objects if kind == "table" and sql.upper().startswith("CREATE VIRTUAL")]
        for kind, name, sql in objects:
            if name.startswith("sqlite_") or name in existing:
                continue
            if any(name.startswith(v + "_") for v in virtual):
                continue  # the R-tree's own tables, made by CREATE VIRTUAL TABLE
            connection.execute(sql)
        ours = (SIGHTINGS_TABLE, SOURCES_TABLE)
        for table in ("gpkg_spatial_ref_sys", "gpkg_contents", "gpkg_geometry_columns", "gpkg_ogr_contents",
                      "gpkg_extensions"):
            if not connection.execute("SELECT 1 FROM tpl.sqlite_master WHERE name = ?", (table,)).fetchone():
                continue
            common = [c for c in _columns(connection, "tpl", table) if c in _columns(connection, "main", table)]
            column_list = ", ".join('"{}"'.format(c) for c in common)
            where = "" if table == "gpkg_spatial_ref_sys" else " WHERE table_name IN (?, ?)"
            connection.execute('INSERT OR IGNORE INTO main."{0}" ({1}) SELECT {1} FROM tpl."{0}"{2}'.format(
                table, column_list, where), () if not where else ours)

    write_transaction(gpkg_path, work, attach={"tpl": template},
                      failure="could not add the sightings tables to {name}: {error}")


# --- writing ------------------------------------------------------------------------------------

_STORED_COLUMNS = SIGHTING_COLUMNS + ("map_class",)
_INSERT_SIGHTING = 'INSERT INTO "{}" ("geom", {}) VALUES (?, {})'.format(
    SIGHTINGS_TABLE, ", ".join('"{}"'.format(c) for c in _STORED_COLUMNS), ", ".join("?" * len(_STORED_COLUMNS)))
_INSERT_SOURCE = 'INSERT INTO "{}" ({}) VALUES ({})'.format(
    SOURCES_TABLE, ", ".join('"{}"'.format(c) for c in SOURCE_COLUMNS), ", ".join("?" * len(SOURCE_COLUMNS)))
_WIDEN_EXTENT = (
    "UPDATE gpkg_contents SET "
    "min_x = CASE WHEN min_x IS NULL OR min_x > ? THEN ? ELSE min_x END, "
    "max_x = CASE WHEN max_x IS NULL OR max_x < ? THEN ? ELSE max_x END, "
    "min_y = CASE WHEN min_y IS NULL OR min_y > ? THEN ? ELSE min_y END, "
    "max_y = CASE WHEN max_y IS NULL OR max_y < ? THEN ? ELSE max_y END, "
    "last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE lower(table_name) = lower(?)"
)
_TOUCH = ("UPDATE gpkg_contents SET last_change = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') "
          "WHERE lower(table_name) = lower(?)")


def _insert_records(connection: sqlite3.Connection, records: Sequence[SightingRecord]) -> None:
    sighting_rows, source_rows = [], []
    for record in records:
        attributes = record.attributes()
        sighting_rows.append([gpkg_point_blob(record.lon, record.lat)] + [attributes[c] for c in _STORED_COLUMNS])
        for source in record.sources:
            source_rows.append([source.source_id, record.sighting_id, source.url, source.publisher,
                                source.published_at, source.archive_url, source.notes])
    try:
        connection.executemany(_INSERT_SIGHTING, sighting_rows)
        connection.executemany(_INSERT_SOURCE, source_rows)
    except sqlite3.IntegrityError as exc:
        if "sighting_id" in str(exc):
            raise StorageError("a sighting with the same sighting_id is already in the layer ({})".format(exc)) \
                from exc
        raise StorageError(str(exc)) from exc
    xs = [r.lon for r in records]
    ys = [r.lat for r in records]
    minx, maxx, miny, maxy = min(xs), max(xs), min(ys), max(ys)
    connection.execute(_WIDEN_EXTENT, (minx, minx, maxx, maxx, miny, miny, maxy, maxy, SIGHTINGS_TABLE))
    connection.execute(_TOUCH, (SOURCES_TABLE,))


def write_records(gpkg_path, records: Sequence[SightingRecord]) -> None:
    """Write records that came from clean_sighting, all in one transaction: every one or none."""
    records = list(records)
    if not records:
        return
    gpkg_path = ensure_schema(gpkg_path)
    _check_attachments_inside(gpkg_path, records)

    def work(connection):
        try:
            _insert_records(connection, records)
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                _READY.pop(str(gpkg_path), None)
            raise

    write_transaction(gpkg_path, work)


def _check_attachments_inside(gpkg_path: Path, records: Sequence[SightingRecord]) -> None:
    for record in records:
        if record.attachment:
            resolve_attachment(gpkg_path, record.attachment)  # raises when it escapes


def add_sighting(gpkg_path=None, sighting: Optional[Mapping] = None, sources: Optional[Sequence[Mapping]] = None,
                 now: Optional[datetime.datetime] = None,
                 known_units: Optional[Collection[str]] = None) -> SightingRecord:
    """Validate one sighting with its sources and commit both tables in one transaction.

    Raises SightingValidationError (with .problems) when it is refused, and
    StorageError when the GeoPackage could not be written; in both cases
    nothing was written. Returns the stored record (with its sighting_id).
    """
    record, problems = clean_sighting(sighting or {}, sources, now, known_units)
    if problems:
        raise SightingValidationError(problems)
    gpkg_path = Path(gpkg_path) if gpkg_path is not None else workspace_gpkg_path()
    write_records(gpkg_path, [record])
    return record


def clean_items(items: Iterable[Tuple[Mapping, Sequence[Mapping]]], now: Optional[datetime.datetime] = None,
                known_units: Optional[Collection[str]] = None) -> List[SightingRecord]:
    """Validate many (sighting, sources) pairs for writing together (any store).

    Raises SightingValidationError listing every problem (prefixed with the
    item's number) when any item is refused, or when one id appears twice.
    """
    records, problems = [], []
    for number, (sighting, sources) in enumerate(items, start=1):
        record, found = clean_sighting(sighting, sources, now, known_units)
        if found:
            problems.extend(Problem(p.field, "sighting {}: {}".format(number, p.message), p.source_index)
                            for p in found)
        else:
            records.append(record)
    if problems:
        raise SightingValidationError(problems)
    seen = set()
    for record in records:
        if record.sighting_id in seen:
            raise SightingValidationError([Problem("sighting_id", "{} appears twice".format(record.sighting_id))])
        seen.add(record.sighting_id)
    return records


def add_sightings(gpkg_path, items: Iterable[Tuple[Mapping, Sequence[Mapping]]],
                  now: Optional[datetime.datetime] = None,
                  known_units: Optional[Collection[str]] = None) -> List[SightingRecord]:
    """Validate many (sighting, sources) pairs (`clean_items`); write all of them in one transaction, or none."""
    records = clean_items(items, now, known_units)
    write_records(gpkg_path, records)
    return records


# --- reading ------------------------------------------------------------------------------------

def _row_to_record(row: Mapping) -> SightingRecord:
    point = blob_point(row["geom"]) if row["geom"] is not None else None

    def time_of(name):
        try:
            return parse_utc(row[name])
        except ValueError:
            return None

    return SightingRecord(
        sighting_id=row["sighting_id"], lon=point[0] if point else float("nan"),
        lat=point[1] if point else float("nan"), observed_at=time_of("observed_at"),
        time_precision=row["time_precision"], geo_precision=row["geo_precision"],
        source_reliability=row["source_reliability"], info_credibility=row["info_credibility"],
        claim_status=row["claim_status"], review_status=row["review_status"], analyst=row["analyst"],
        created_at=time_of("created_at"), updated_at=time_of("updated_at"), unit_id=row["unit_id"],
        unit_as_reported=row["unit_as_reported"], location_name=row["location_name"],
        description=row["description"], attachment=row["attachment"], attachment_sha256=row["attachment_sha256"],
        fid=row["fid"])


def read_sightings(gpkg_path=None, where: str = "", parameters: Sequence = (),
                   order_by: str = '"observed_at", "fid"', limit: Optional[int] = None) -> List[SightingRecord]:
    """Sightings with their sources, straight from the GeoPackage (a SQL `where` on sightings may filter)."""
    gpkg_path = Path(gpkg_path) if gpkg_path is not None else workspace_gpkg_path()
    if not gpkg_path.exists() or not _has_tables(gpkg_path):
        return []
    connection = connect(gpkg_path)
    connection.row_factory = sqlite3.Row
    try:
        sql = 'SELECT * FROM "{}"'.format(SIGHTINGS_TABLE)
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY " + order_by
        if limit is not None:
            sql += " LIMIT {}".format(int(limit))
        records = [_row_to_record(row) for row in connection.execute(sql, tuple(parameters))]
        by_id = {record.sighting_id: record for record in records}
        if by_id:
            source_sql = 'SELECT * FROM "{}" ORDER BY "fid"'.format(SOURCES_TABLE)
            ids = list(by_id)
            if len(ids) <= 500:
                source_sql = 'SELECT * FROM "{}" WHERE "sighting_id" IN ({}) ORDER BY "fid"'.format(
                    SOURCES_TABLE, ", ".join("?" * len(ids)))
                rows = connection.execute(source_sql, ids)
            else:
                rows = connection.execute(source_sql)
            for row in rows:
                record = by_id.get(row["sighting_id"])
                if record is not None:
                    record.sources.append(SourceRecord(row["source_id"], row["url"], row["publisher"],
                                                       row["published_at"], row["archive_url"], row["notes"]))
    finally:
        connection.close()
    return records


def existing_sighting_ids(gpkg_path) -> set:
    gpkg_path = Path(gpkg_path)
    if not gpkg_path.exists() or not _has_tables(gpkg_path):
        return set()
    connection = connect(gpkg_path)
    try:
        return {row[0] for row in connection.execute('SELECT "sighting_id" FROM "{}"'.format(SIGHTINGS_TABLE))}
    finally:
        connection.close()


def count_sightings(gpkg_path) -> Tuple[int, int]:
    """(sightings, sources) in the GeoPackage."""
    gpkg_path = Path(gpkg_path)
    if not gpkg_path.exists() or not _has_tables(gpkg_path):
        return 0, 0
    connection = connect(gpkg_path)
    try:
        return (connection.execute('SELECT count(*) FROM "{}"'.format(SIGHTINGS_TABLE)).fetchone()[0],
                connection.execute('SELECT count(*) FROM "{}"'.format(SOURCES_TABLE)).fetchone()[0])
    finally:
        connection.close()


def known_unit_ids(gpkg_path=None) -> Optional[set]:
    """The unit ids a sighting may cite: the workspace's units table, else the curated data."""
    gpkg_path = Path(gpkg_path) if gpkg_path is not None else workspace_gpkg_path()
    if gpkg_path.exists():
        connection = _connect_readonly(gpkg_path)
        try:
            return {row[0] for row in connection.execute('SELECT "id" FROM "curated_units"') if row[0]}
        except sqlite3.DatabaseError:
            pass
        finally:
            connection.close()
    try:
        from ..curated import data as curated
        _catalogue, result = curated.load_cached()
        return {feature.id for feature in result.features.get("units", [])}
    except Exception:
        return None


# --- QGIS layers and features -----------------------------------------------------------------

def sightings_uri(gpkg_path=None) -> str:
    gpkg_path = Path(gpkg_path) if gpkg_path is not None else workspace_gpkg_path()
    return "{}|layername={}".format(gpkg_path, SIGHTINGS_TABLE)


def sources_uri(gpkg_path=None) -> str:
    gpkg_path = Path(gpkg_path) if gpkg_path is not None else workspace_gpkg_path()
    return "{}|layername={}".format(gpkg_path, SOURCES_TABLE)


def open_layers(gpkg_path=None, create: bool = True,
                names: Tuple[str, str] = ("Sightings", "Sighting sources")) -> Tuple[QgsVectorLayer, QgsVectorLayer]:
    """QgsVectorLayers of the two tables (created first when `create`), with their default styles."""
    gpkg_path = Path(gpkg_path) if gpkg_path is not None else workspace_gpkg_path()
    if create:
        ensure_schema(gpkg_path)
    sightings = QgsVectorLayer(sightings_uri(gpkg_path), names[0], "ogr")
    sources = QgsVectorLayer(sources_uri(gpkg_path), names[1], "ogr")
    return sightings, sources


def gpkg_path_of(layer_or_source) -> Optional[Path]:
    """The GeoPackage file behind a layer or a 'path|layername=…' source."""
    source = layer_or_source.source() if hasattr(layer_or_source, "source") else str(layer_or_source)
    path = source.split("|", 1)[0]
    return Path(path) if path else None


def _variant_value(value):
    if value is None or type(value) in (str, int, float):
        return value
    if hasattr(value, "isNull") and not isinstance(value, (QDateTime, QDate)):
        try:
            if value.isNull():
                return None
        except TypeError:
            pass
    return value


def sighting_from_feature(feature: QgsFeature) -> Dict[str, object]:
    """The values of a sightings-layer feature (e.g. from the attribute form) for clean_sighting."""
    values = {}
    for name, value in zip(feature.fields().names(), feature.attributes()):
        if name in _SIGHTING_COLUMN_SET:
            values[name] = _variant_value(value)
    if values.get("attachment") == QgsApplication.nullRepresentation():
        values["attachment"] = None  # an empty file widget (QGIS 3.22) reads back as the text NULL
    geometry = feature.geometry()
    if geometry is not None and not geometry.isNull() and not geometry.isEmpty():
        point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
        values["lon"], values["lat"] = point.x(), point.y()
    return values


def source_from_feature(feature: QgsFeature) -> Dict[str, object]:
    return {name: _variant_value(value) for name, value in zip(feature.fields().names(), feature.attributes())
            if name in _SOURCE_COLUMN_SET}


_SIGHTING_COLUMN_SET = frozenset(SIGHTING_COLUMNS)
_SOURCE_COLUMN_SET = frozenset(SOURCE_COLUMNS)


def add_sighting_from_features(gpkg_path, sighting_feature: QgsFeature, source_features: Sequence[QgsFeature],
                               now: Optional[datetime.datetime] = None,
                               known_units: Optional[Collection[str]] = None) -> SightingRecord:
    """The form's commit: the feature being added and its source features, validated and written at once."""
    return add_sighting(gpkg_path, sighting_from_feature(sighting_feature),
                        [source_from_feature(f) for f in source_features], now, known_units)


def commit_new_sightings(sightings: QgsVectorLayer, sources: Optional[QgsVectorLayer] = None,
                         now: Optional[datetime.datetime] = None,
                         known_units: Optional[Collection[str]] = None,
                         write: Optional[Callable] = None) -> List[SightingRecord]:
    """The form's OK: the sightings added in the layers' edit buffers, with their sources, in ONE transaction.

    `write(items, now)` writes them (validating first) and returns the records;
    by default into the layers' GeoPackage (the team database passes its own).

    Meant for layers opened for the "Add sighting" form alone (not the
    analyst's own editing session): their buffers may only hold added
    features. Everything is validated first; on any problem
    SightingValidationError is raised and the buffers are left as they are,
    so the form can show the messages. On success the buffers are rolled
    back (the rows are in the file now) and both layers reloaded.
    """
    buffer = sightings.editBuffer()
    if buffer is None:
        return []
    source_buffer = sources.editBuffer() if sources is not None else None
    for layer, edits in ((sightings, buffer), (sources, source_buffer)):
        if edits is not None and (edits.changedAttributeValues() or edits.changedGeometries()
                                  or edits.deletedFeatureIds()):
            raise SightingError("{} has changes other than new sightings; save or discard them with QGIS's "
                                "own editing first".format(layer.name()))
    added = sorted(buffer.addedFeatures().values(), key=lambda f: -f.id())
    added_sources = sorted(source_buffer.addedFeatures().values(), key=lambda f: -f.id()) if source_buffer else []
    items = []
    for feature in added:
        key = _variant_value(feature["sighting_id"])
        mine = [s for s in added_sources if _variant_value(s["sighting_id"]) == key and key is not None]
        items.append((sighting_from_feature(feature), [source_from_feature(s) for s in mine]))
    if write is None:
        def write(pairs, when):
            return add_sightings(gpkg_path_of(sightings), pairs, when, known_units)
    records = write(items, now) if items else []
    for layer in (sightings, sources):
        if layer is not None and layer.isEditable():
            layer.rollBack()
        if layer is not None:
            layer.reload()
    return records


# --- attachments ---------------------------------------------------------------------------------

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _workspace_folder(gpkg_path) -> Path:
    gpkg_path = Path(gpkg_path) if gpkg_path is not None else workspace_gpkg_path()
    return gpkg_path.resolve().parent


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(str(path), "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def attach_file(gpkg_path, source_file) -> Tuple[str, str]:
    """Copy a file into <workspace>/attachments/; returns (relative path to store, its SHA-256).

    The copy is named after the start of its hash and its own name, so the same
    file attached twice is stored once and a different file never overwrites it.
    """
    source_file = Path(source_file)
    if not source_file.is_file():
        raise AttachmentError("{} is not a file".format(source_file))
    folder = _workspace_folder(gpkg_path) / ATTACHMENTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=str(folder))
    try:
        with os.fdopen(handle, "wb") as out, open(str(source_file), "rb") as inp:
            for block in iter(lambda: inp.read(1 << 20), b""):
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        stem = _SAFE_NAME.sub("_", source_file.stem).strip("._")[:60] or "file"
        suffix = _SAFE_NAME.sub("", source_file.suffix)[:12].lower()
        name = "{}-{}{}".format(sha[:16], stem, suffix)
        target = folder / name
        if target.exists() and sha256_of(target) == sha:
            os.unlink(temporary)
        else:
            os.replace(temporary, str(target))
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return "{}/{}".format(ATTACHMENTS_DIR, name), sha


def resolve_attachment(gpkg_path, relative: str) -> Path:
    """The file a stored attachment path means; refuses any path that leads out of the workspace."""
    why = attachment_path_problem(relative)
    if why:
        raise AttachmentError(why)
    workspace = _workspace_folder(gpkg_path)
    candidate = (workspace / PurePosixPath(str(relative).replace("\\", "/"))).resolve()
    try:
        candidate.relative_to(workspace / ATTACHMENTS_DIR)
    except ValueError:
        raise AttachmentError("'{}' leads out of the workspace (through a link); attachments stay "
                              "inside it".format(relative)) from None
    return candidate


@dataclass(frozen=True)
class AttachmentCheck:
    status: str  # ok, missing, modified, no_hash, refused, none
    message: str

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "none")


def check_attachment(gpkg_path, relative: Optional[str], sha256: Optional[str]) -> AttachmentCheck:
    """Does the attachment still match the hash recorded when it was attached?"""
    if not relative:
        return AttachmentCheck("none", "no attachment")
    try:
        path = resolve_attachment(gpkg_path, relative)
    except AttachmentError as exc:
        return AttachmentCheck("refused", str(exc))
    if not path.is_file():
        return AttachmentCheck("missing", "the attachment {} is missing from the workspace".format(relative))
    if not sha256:
        return AttachmentCheck("no_hash", "no SHA-256 was recorded for {}; it cannot be shown to be "
                                          "untouched".format(relative))
    actual = sha256_of(path)
    if actual != str(sha256).lower():
        return AttachmentCheck("modified", "{} no longer matches the SHA-256 recorded when it was attached "
                                           "(recorded {}…, now {}…)".format(relative, sha256[:12], actual[:12]))
    return AttachmentCheck("ok", "{} matches its recorded SHA-256".format(relative))


def with_attachment(sighting: Mapping, gpkg_path, source_file) -> Dict[str, object]:
    """A copy of the sighting values with a file attached (copied into the workspace, hashed)."""
    relative, sha = attach_file(gpkg_path, source_file)
    values = dict(sighting)
    values["attachment"], values["attachment_sha256"] = relative, sha
    return values


__all__ = [
    "ATTACHMENTS_DIR", "AttachmentCheck", "AttachmentError", "CLAIM_STATUS", "GEO_PRECISION", "INFO_CREDIBILITY",
    "Problem", "RELATION_ID", "REVIEW_STATUS", "SIGHTINGS_TABLE", "SOURCES_TABLE", "SOURCE_RELIABILITY",
    "SightingError", "SightingRecord", "SightingValidationError", "SourceRecord", "StorageError", "TIME_PRECISION",
    "add_sighting", "add_sighting_from_features", "add_sightings", "commit_new_sightings", "attach_file",
    "check_attachment",
    "clean_items", "clean_sighting", "count_sightings", "ensure_schema", "existing_sighting_ids", "format_iso_utc",
    "known_unit_ids", "open_layers", "parse_utc", "read_sightings", "resolve_attachment", "sighting_from_feature",
    "source_from_feature", "validate_sighting", "with_attachment", "write_records",
]

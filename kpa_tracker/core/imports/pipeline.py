"""The import run: a file's rows, read by its layout and the analyst's mapping and defaults, checked by
the one validator, compared with the sightings already kept, and written in one transaction.

One function does the dry run and the import (`run_import(dry_run=…)`), so the dry run's counts and
reasons are the import's. Every row ends in one of four outcomes:
- accepted: written (or, in a dry run, would be);
- rejected: a reason for each thing wrong, naming the field and the file's column;
- duplicate: a source (same origin: URL, original post, or dataset record), the date and the place
  (within `duplicate_km`) match a kept sighting or an earlier row: skipped, so a second import of the
  same file adds nothing;
- merged: such a duplicate whose other sources are new to that sighting, added to it as further sources
  (when the analyst chose `add_sources`).

Memory stays bounded for big files: rows are streamed, accepted records are handed to the store's
import writer in pages, and what is kept per row is its outcome (for the report, up to a cap) and a small
entry for the duplicate check. Nothing is committed until the last row; a cancel or a failure writes
nothing, not even the rejected-rows CSV.
"""

import csv
import datetime
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional

from qgis.core import QgsPointXY

from ...toolbelt.i18n import tr
from ..domain.consistency import claim_warnings
from ..domain.fields import LABELS
from ..domain.origin import origin_keys
from ..domain.records import SightingError, SourceRecord
from ..domain.times import utc_now
from ..domain.validation import clean_sighting, default_analyst
from ..domain.values import is_null
from ..measure.geodesy import distance_area
from ..sightings.exchange import ExchangeError, Row, cell, row_to_input
from . import dates, readers
from .targets import AUTO, DEFAULTS, MAPPABLE, NOT_MAPPED

SKIP, ADD_SOURCES = "skip", "add_sources"
ACCEPTED, REJECTED, DUPLICATE, MERGED = "accepted", "rejected", "duplicate", "merged"
PAGE = 500  # records handed to the store's writer at a time
MAX_OUTCOMES = 5000  # rows whose outcome the report keeps (every row is counted, and written to the CSV)
UNREADABLE = object()  # an observed_at the date reader refused (already given as a reason)
NO_PLACE = object()  # a row without longitude and latitude (already given as a reason)
_DECIMAL_COMMA = re.compile(r"^\s*-?\d+,\d+\s*$")
# How far apart two dates may be and still be "the same date", by the coarser precision of the two.
_SAME_DATE_DAYS = {1: 0, 2: 6, 3: 30}


class ImportCanceled(SightingError):
    """The analyst canceled: nothing was written."""


@dataclass
class ImportSpec:
    path: str
    layout: str = "auto"  # a key of layouts.LAYOUTS, or "auto" (detected from the file)
    mapping: Dict[str, str] = field(default_factory=dict)  # target -> column; NOT_MAPPED drops a guess
    defaults: Dict[str, object] = field(default_factory=dict)  # target -> value for rows without one
    encoding: Optional[str] = None  # None: detected
    delimiter: Optional[str] = None
    layer: Optional[str] = None  # a GeoPackage layer or a workbook sheet
    duplicates: str = SKIP  # or ADD_SOURCES
    duplicate_km: float = 1.0
    rejected_path: Optional[str] = None
    aliases: object = None  # an aliases.AliasTable; None: the shipped table with the analyst's own
    known_units: Optional[set] = None  # None: the workspace's units
    # Only rows whose unit the alias table (or a unit_id column) links to a curated unit: an ACLED export of
    # a whole province holds many events without North Korean forces, which are no sightings of them.
    only_known_units: bool = False


@dataclass
class ImportPreview:
    table: object  # readers.Table
    layout: object  # layouts.Layout
    mapping: Dict[str, str]
    defaults: Dict[str, object]
    rows: List[Row]

    @property
    def columns(self) -> List[str]:
        return list(self.table.columns)

    def missing(self) -> List[str]:
        """Required fields with neither a column nor a default."""
        from .targets import REQUIRED

        missing = [t for t in REQUIRED if t not in self.mapping and is_null(self.defaults.get(t))]
        if "longitude" not in self.mapping and "wkt" not in self.mapping and self.table.kind in ("CSV", "XLSX"):
            missing.append("longitude")
        return missing


@dataclass
class RowOutcome:
    number: int
    status: str
    reason: str = ""
    sighting_id: Optional[str] = None


@dataclass
class ImportReport:
    path: str
    layout: str
    dry_run: bool
    rows: int = 0
    accepted: int = 0
    rejected: int = 0
    duplicates: int = 0
    merged: int = 0
    warned: int = 0  # accepted rows whose claim status disagrees with their grades or sources
    canceled: bool = False
    rejected_path: Optional[str] = None
    outcomes: List[RowOutcome] = field(default_factory=list)

    def summary(self) -> str:
        name = Path(self.path).name
        if self.canceled:
            return tr("Import of {} canceled: nothing was written").format(name)
        if self.dry_run:
            text = tr("Dry run of {}: {} rows; {} would be imported, {} rejected, {} duplicates skipped, "
                      "{} added as sources").format(name, self.rows, self.accepted, self.rejected,
                                                    self.duplicates, self.merged)
        else:
            text = tr("Imported {} sightings from {}; {} rows rejected, {} duplicates skipped, {} added as "
                      "sources to sightings already kept").format(self.accepted, name, self.rejected,
                                                                 self.duplicates, self.merged)
        if self.warned:
            text += tr("; {} with a claim-status warning").format(self.warned)
        if self.rejected_path and (self.rejected or self.duplicates):
            text += tr(" (rejected rows in {})").format(self.rejected_path)
        return text


# --- the layout and the mapping ----------------------------------------------------------------------

def _layouts():
    from . import layouts  # late: layouts read their tables on first use

    return layouts


def open_spec_table(spec: ImportSpec):
    return readers.open_table(spec.path, encoding=spec.encoding, delimiter=spec.delimiter, layer=spec.layer)


def resolve(spec: ImportSpec, table, sample: List[Row]):
    """(layout, mapping, defaults) in force: the layout's guesses, then what the analyst chose."""
    layouts = _layouts()
    if spec.layout in (None, "", "auto"):
        layout = layouts.detect(table, sample)
    elif spec.layout in layouts.LAYOUTS:
        layout = layouts.LAYOUTS[spec.layout]
    else:
        raise ExchangeError(tr("'{}' is not a layout; the layouts are auto, {}").format(
            spec.layout, ", ".join(sorted(layouts.LAYOUTS))))
    mapping = dict(layout.guess_mapping(list(table.columns)))
    by_lower = {}
    for column in table.columns:
        by_lower.setdefault(str(column).strip().lower(), column)
    for target, column in (spec.mapping or {}).items():
        if target not in MAPPABLE:
            raise ExchangeError(tr("{}: the mapping names '{}', which is not a sighting or source field (they "
                                   "are {})").format(Path(spec.path).name, target, ", ".join(MAPPABLE)))
        if column in (None, NOT_MAPPED):
            mapping.pop(target, None)
            continue
        match = by_lower.get(str(column).strip().lower())
        if match is None:
            raise ExchangeError(tr("{} has no column '{}' (mapped to {}); its columns are {}").format(
                Path(spec.path).name, column, target, ", ".join(map(str, table.columns))))
        mapping[target] = match
    defaults = dict(DEFAULTS)
    defaults.update(getattr(layout, "defaults", {}) or {})
    for target, value in (spec.defaults or {}).items():
        if target not in MAPPABLE:
            raise ExchangeError(tr("{}: a default is given for '{}', which is not a sighting or source field")
                                .format(Path(spec.path).name, target))
        defaults[target] = value
    return layout, mapping, defaults


def preview_import(spec: ImportSpec, n: int = 20) -> ImportPreview:
    table = open_spec_table(spec)
    rows = readers.preview(table, n)
    layout, mapping, defaults = resolve(spec, table, rows)
    return ImportPreview(table, layout, mapping, defaults, rows)


# --- one row ---------------------------------------------------------------------------------------

@dataclass
class _Context:
    layout: object
    mapping: Dict[str, str]
    defaults: Dict[str, object]
    aliases: object
    known_units: Optional[set]
    now: datetime.datetime
    file_name: str
    analyst: str  # the login name, looked up once: per row it cost a fifth of the dry run


def _column_note(target: str, context: _Context) -> str:
    column = context.mapping.get(target)
    return tr(" (column '{}')").format(column) if column else ""


def _number(value):
    if isinstance(value, str) and _DECIMAL_COMMA.match(value):
        return value.replace(",", ".")  # 51,23 from a Russian or German spreadsheet
    return value


def _publisher_from_url(url: str) -> Optional[str]:
    function = getattr(_layouts(), "publisher_from_url", None)
    if function is not None:
        return function(url)
    match = re.match(r"^https?://(?:www\.)?([^/:?#]+)", url or "")
    return match.group(1) if match else None


def row_input(row: Row, context: _Context):
    """(sighting, sources, reasons) for clean_sighting: the layout's reading, then the defaults."""
    row = context.layout.prepare_row(row, context.mapping)  # a copy: the rejected CSV keeps the row as read
    sighting, sources, problems = row_to_input(row, context.mapping)
    reasons = list(problems)
    layout_sources = context.layout.sources(row, context.mapping)
    if layout_sources:
        sources = [dict(source) for source in layout_sources]

    # When: the date as written decides the precision unless a column or the analyst says otherwise.
    raw = sighting.get("observed_at")
    when = None
    if raw is not None:
        try:
            when = dates.parse_when(raw)
        except ValueError as exc:
            reasons.append("{} (observed_at): {}{}".format(LABELS["observed_at"], exc,
                                                            _column_note("observed_at", context)))
            sighting["observed_at"] = UNREADABLE
        else:
            sighting["observed_at"] = when.at
    if is_null(sighting.get("time_precision")):
        default = context.defaults.get("time_precision")
        if default == AUTO:
            if when is not None:
                sighting["time_precision"] = when.precision
        elif not is_null(default):
            sighting["time_precision"] = default
    for name in ("lon", "lat"):
        if name in sighting:
            sighting[name] = _number(sighting[name])
    if is_null(sighting.get("lon")) and is_null(sighting.get("lat")) and not problems:
        # Said in the file's terms; the validator's own words are the form's ("click the map").
        columns = [context.mapping[t] for t in ("longitude", "latitude", "wkt") if t in context.mapping]
        reasons.append(tr("the row has no place: {} empty").format(
            tr("its columns {} are").format(", ".join("'{}'".format(c) for c in columns)) if columns
            else tr("no column gives longitude and latitude (or WKT), and its point is")))
        sighting["lon"] = NO_PLACE

    # Who: a name the alias table knows links the curated unit; the name is kept as reported.
    names = [n for n in context.layout.unit_names(row, context.mapping) if not is_null(n)]
    if not is_null(sighting.get("unit_as_reported")) and sighting["unit_as_reported"] not in names:
        names.insert(0, sighting["unit_as_reported"])
    if is_null(sighting.get("unit_id")) and context.aliases is not None:
        for name in names:
            unit = context.aliases.unit_for(name)
            if unit:
                sighting["unit_id"] = unit
                sighting["unit_as_reported"] = name.strip()
                break
    if is_null(sighting.get("unit_as_reported")) and names:
        sighting["unit_as_reported"] = names[0].strip()

    if is_null(sighting.get("analyst")):
        sighting["analyst"] = context.analyst
    for target in ("geo_precision", "claim_status", "source_reliability", "info_credibility", "review_status",
                   "unit_as_reported"):
        if is_null(sighting.get(target)) and not is_null(context.defaults.get(target)):
            if target == "unit_as_reported" and not is_null(sighting.get("unit_id")):
                continue
            sighting[target] = context.defaults[target]

    publisher = context.defaults.get("source_publisher")
    for source in sources:
        if is_null(source.get("publisher")):
            if not is_null(publisher):
                source["publisher"] = publisher
            else:
                link = source.get("url") or source.get("original_url")
                source["publisher"] = _publisher_from_url(str(link)) if not is_null(link) else None
    return sighting, sources, reasons


def _problem_text(problem, context: _Context) -> str:
    target = problem.field
    if problem.source_index is None:
        target = {"lon": "longitude", "lat": "latitude"}.get(target, target)
    else:
        target = "source_" + target
    note = _column_note(target, context)
    return "{}{}".format(problem, note) if note else str(problem)


# Where sightings of this deployment can be, as three boxes (west, south, east, north in degrees): European
# Russia, Ukraine and the Caucasus; Siberia along the railway; the Far East with the Korean peninsula. A
# swapped Kursk (latitude 35, longitude 51: Iran) or Korea (latitude 127) falls outside all three; a box
# around everything would take in Iran and the Caspian, where most swapped western points land.
THEATRE_BOXES = ((20.0, 42.0, 60.0, 70.0), (60.0, 45.0, 120.0, 75.0), (115.0, 33.0, 150.0, 60.0))


def in_theatre(lon: float, lat: float) -> bool:
    return any(west <= lon <= east and south <= lat <= north for west, south, east, north in THEATRE_BOXES)


def theatre_problem(lon: float, lat: float) -> Optional[str]:
    """Why a point is far outside the theatre (and whether it looks swapped), or None."""
    if in_theatre(lon, lat):
        return None
    if in_theatre(lat, lon):
        return tr("longitude {:g}, latitude {:g} is far outside the theatre; latitude and longitude look swapped: "
                  "latitude {:g}, longitude {:g} would be inside it (swap the columns in the mapping, or fix the "
                  "row)").format(lon, lat, lon, lat)
    return tr("longitude {:g}, latitude {:g} is far outside the theatre (European Russia and Ukraine, Siberia, "
              "the Far East and Korea)").format(lon, lat)


# --- duplicates ----------------------------------------------------------------------------------------

@dataclass
class _Kept:
    sighting_id: str
    day: datetime.date
    precision: int
    lon: float
    lat: float
    keys: set


def record_keys(record) -> set:
    """The origins of every source of a record (computed once per row: the duplicate check asks twice)."""
    keys = set()
    for source in record.sources:
        keys |= origin_keys(source)
    return keys


class _Duplicates:
    """Sightings kept and rows accepted so far, found again by their sources' origins."""

    def __init__(self, distance_km: float):
        self.metres = distance_km * 1000.0
        self.by_key: Dict[str, List[_Kept]] = {}
        self.measure = distance_area()

    def add(self, record, keys: Optional[set] = None) -> None:
        keys = set(record_keys(record) if keys is None else keys)
        if record.observed_at is None or not keys:
            return
        kept = _Kept(record.sighting_id, record.observed_at.date(), record.time_precision or 1, record.lon,
                     record.lat, keys)
        for key in keys:
            self.by_key.setdefault(key, []).append(kept)

    def find(self, record, keys: set) -> Optional[_Kept]:
        seen = set()
        for key in keys:
            for kept in self.by_key.get(key, ()):
                if id(kept) in seen:
                    continue
                seen.add(id(kept))
                span = _SAME_DATE_DAYS.get(max(kept.precision, record.time_precision or 1), 0)
                if abs((kept.day - record.observed_at.date()).days) > span:
                    continue
                metres = self.measure.measureLine(QgsPointXY(kept.lon, kept.lat), QgsPointXY(record.lon, record.lat))
                if metres <= self.metres:
                    return kept
        return None

    def extend(self, kept: _Kept, sources: List[SourceRecord]) -> None:
        for source in sources:
            for key in origin_keys(source) - kept.keys:
                kept.keys.add(key)
                self.by_key.setdefault(key, []).append(kept)


def _describe(kept: _Kept) -> str:
    return tr("sighting {} of {}").format(kept.sighting_id[:8], kept.day.isoformat())


# --- the run -----------------------------------------------------------------------------------------------

class _RejectedFile:
    """The rejected rows' CSV, written beside its target and put in place only when the run ends well."""

    def __init__(self, path: Optional[str], columns):
        self.path = path
        self.columns = list(columns)
        self.handle = self.writer = self.temporary = None
        if path:
            folder = Path(path).resolve().parent
            folder.mkdir(parents=True, exist_ok=True)
            handle, self.temporary = tempfile.mkstemp(prefix=".rejected-", suffix=".csv", dir=str(folder))
            self.handle = os.fdopen(handle, "w", encoding="utf-8-sig", newline="")  # BOM: Excel reads UTF-8
            self.writer = csv.writer(self.handle, lineterminator="\n")
            self.writer.writerow(["row", "outcome", "reason"] + self.columns)

    def write(self, row: Row, outcome: str, reason: str) -> None:
        if self.writer is not None:
            self.writer.writerow([row.number, outcome, reason] + [cell(row.values.get(c)) for c in self.columns])

    def finish(self, keep: bool) -> None:
        if self.handle is None:
            return
        self.handle.close()
        if keep:
            os.replace(self.temporary, str(self.path))
        else:
            os.unlink(self.temporary)


def _known_units(spec: ImportSpec):
    if spec.known_units is not None:
        return spec.known_units
    from ..curated.store import known_unit_ids  # late: the curated store opens the workspace

    return known_unit_ids()


def _aliases(spec: ImportSpec):
    if spec.aliases is not None:
        return spec.aliases
    from .aliases import AliasTable

    return AliasTable.load()


def run_import(spec: ImportSpec, store, dry_run: bool = False,
               progress: Optional[Callable[[float], None]] = None,
               is_canceled: Optional[Callable[[], bool]] = None,
               now: Optional[datetime.datetime] = None) -> ImportReport:
    """Read, check and (unless dry_run) write the file's sightings; see the module's docstring.

    Raises ExchangeError (a sentence naming the file) when the file cannot be read at all, SightingError
    when the store cannot be written; in both cases, and on a cancel, nothing was written.
    """
    if spec.duplicates not in (SKIP, ADD_SOURCES):
        raise ExchangeError(tr("duplicates must be '{}' or '{}', not '{}'").format(SKIP, ADD_SOURCES, spec.duplicates))
    table = open_spec_table(spec)
    layout, mapping, defaults = resolve(spec, table, readers.preview(table, 20))
    context = _Context(layout, mapping, defaults, _aliases(spec), _known_units(spec), now or utc_now(),
                       Path(spec.path).name, default_analyst())
    report = ImportReport(str(spec.path), layout.key, dry_run, rejected_path=spec.rejected_path)
    duplicates = _Duplicates(spec.duplicate_km)
    store.ensure_schema()
    for record in store.read():
        duplicates.add(record)
    kept_ids, file_ids = set(store.ids()), set()
    rejected_file = _RejectedFile(spec.rejected_path, table.columns)
    canceled = is_canceled or (lambda: False)
    # The plugin's own export passed the plugin's rules when it was written: refusing its points on the
    # way back would break the round trip. Every other layout is checked against the theatre.
    check_theatre = layout.key != "own"

    def keep(outcome: RowOutcome) -> None:
        if len(report.outcomes) < MAX_OUTCOMES:
            report.outcomes.append(outcome)

    def rows(writer):
        pending = []
        for row in readers.iter_rows(table):
            if canceled():
                raise ImportCanceled(tr("canceled"))
            report.rows += 1
            sighting, sources, reasons = row_input(row, context)
            unreadable = sighting.get("observed_at") is UNREADABLE
            if unreadable:
                sighting.pop("observed_at")
            placeless = sighting.get("lon") is NO_PLACE
            if placeless:
                sighting.pop("lon")
            record, problems = clean_sighting(sighting, sources, context.now, context.known_units)
            # An unreadable date or a missing place is said once, in the file's terms, not again as "required".
            said = (("observed_at", "time_precision") if unreadable else ()) + (("lon", "lat") if placeless else ())
            reasons += [_problem_text(p, context) for p in problems if p.field not in said]
            if record is not None and not reasons and spec.only_known_units and not record.unit_id:
                reasons.append(tr("names no unit the alias table knows ({}); only rows of known units are "
                                  "imported").format(record.unit_as_reported or tr("no unit")))
            if record is not None and not reasons and check_theatre:
                why = theatre_problem(record.lon, record.lat)
                if why:
                    reasons.append(why)
            if reasons:
                report.rejected += 1
                reason = "; ".join(reasons)
                rejected_file.write(row, REJECTED, reason)
                keep(RowOutcome(row.number, REJECTED, reason))
            else:
                keys = record_keys(record)
                kept = duplicates.find(record, keys)
                if kept is None and record.sighting_id in kept_ids:
                    report.rejected += 1
                    where = tr("appears earlier in the file") if record.sighting_id in file_ids \
                        else tr("is already kept")
                    reason = tr("sighting_id {} {}, with other sources, date or place; give the row a new id (or "
                                "none) to import it as a new sighting").format(record.sighting_id, where)
                    rejected_file.write(row, REJECTED, reason)
                    keep(RowOutcome(row.number, REJECTED, reason))
                elif kept is None:
                    kept_ids.add(record.sighting_id)
                    file_ids.add(record.sighting_id)
                    report.accepted += 1
                    duplicates.add(record, keys)
                    warnings = claim_warnings(record)
                    report.warned += bool(warnings)
                    keep(RowOutcome(row.number, ACCEPTED, tr("imported with a warning: {}").format(
                        " ".join(warnings)) if warnings else "", record.sighting_id))
                    if writer is not None:
                        pending.append(record)
                        if len(pending) >= PAGE:
                            writer.add(pending)
                            pending = []
                else:
                    new = [s for s in record.sources if not origin_keys(s) <= kept.keys]
                    if spec.duplicates == ADD_SOURCES and new:
                        report.merged += 1
                        reason = tr("same source, date and place as {}: its other {} source(s) added to it").format(
                            _describe(kept), len(new))
                        if writer is not None:
                            if pending:
                                writer.add(pending)
                                pending = []
                            writer.add_sources(kept.sighting_id, new)
                        duplicates.extend(kept, new)
                        keep(RowOutcome(row.number, MERGED, reason, kept.sighting_id))
                    else:
                        report.duplicates += 1
                        reason = tr("same source, date and place (within {:g} km) as {}: skipped").format(
                            spec.duplicate_km, _describe(kept))
                        rejected_file.write(row, DUPLICATE, reason)
                        keep(RowOutcome(row.number, DUPLICATE, reason, kept.sighting_id))
            if progress is not None and report.rows % 200 == 0:
                progress(100.0 * min(1.0, table.fraction_read()))
        if writer is not None and pending:
            writer.add(pending)

    try:
        if dry_run:
            rows(None)
        else:
            with store.import_writer() as writer:
                rows(writer)
    except ImportCanceled:
        rejected_file.finish(keep=False)
        report.canceled = True
        report.accepted = report.merged = 0
        report.rejected_path = None
        return report
    except BaseException:
        rejected_file.finish(keep=False)
        raise
    rejected_file.finish(keep=bool(report.rejected or report.duplicates))
    if not (report.rejected or report.duplicates):
        report.rejected_path = None
    if progress is not None:
        progress(100.0)
    return report


__all__ = ["ADD_SOURCES", "ImportCanceled", "ImportPreview", "ImportReport", "ImportSpec", "RowOutcome", "SKIP",
           "preview_import", "resolve", "run_import", "theatre_problem"]

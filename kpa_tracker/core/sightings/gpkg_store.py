"""The local sightings store: a GeoPackage of their own in the workspace (sightings.gpkg), written
through GDAL.

Two tables, created on first use: ``sightings`` (points in EPSG:4326) and ``sighting_sources`` (one
or more per sighting, joined by ``sighting_id``). The file carries the rules as SQLite triggers
(domain/rules_sql.py), so every writer is held to them.

Writing, for batches (imports, transfers, code): GDAL opens the file, one GDAL transaction covers
both tables, so a sighting is stored with its sources or not at all; after a crash (even SIGKILL)
SQLite's journal rolls back what did not commit. GDAL keeps the R-tree, the extent and the feature
count. GDAL's transactions start with a deferred BEGIN: when two writers meet, SQLite may answer
"database is locked" at once rather than wait (its deadlock avoidance), so a busy transaction is
tried again, whole, with back-off, for up to RETRY_FOR_S seconds. The attribute form writes through
QGIS's own layers instead (ui/controllers/sightings.py).

Times are UTC, stored as GeoPackage DATETIME text (2024-11-03T14:20:00.000Z; GDAL 3.7 and later leave out
milliseconds that are zero: 2024-11-03T14:20:00Z, the same instant).
"""

import datetime
import os
from contextlib import contextmanager
import random
import shutil
import tempfile
import time
from pathlib import Path
from typing import Collection, Iterable, List, Mapping, Optional, Sequence, Tuple

from osgeo import gdal, ogr, osr

from ...toolbelt.gdal_quiet import quiet_gdal
from ...toolbelt.i18n import tr
from ...toolbelt.workspace import workspace_dir
from ..domain.fields import (
    DATETIME,
    INTEGER,
    MAP_CLASS_FIELD,
    SIGHTING_COLUMNS,
    SIGHTING_FIELDS,
    SIGHTINGS_TABLE,
    SOURCE_COLUMNS,
    SOURCE_FIELDS,
    SOURCE_FIELDS_ADDED,
    SOURCE_HINTS,
    SOURCES_TABLE,
    STORED_COLUMNS,
)
from ..domain.records import SightingRecord, SightingValidationError, SourceRecord, StorageError
from ..domain.rules_sql import RULE_TRIGGERS, schema_sql
from ..domain.times import format_gpkg_datetime, parse_utc
from ..domain.validation import clean_batch, clean_sighting
from .attachments import resolve_attachment
from ..domain.query import SightingQuery, sql_literal

SIGHTINGS_GPKG = "sightings.gpkg"
WGS84_EPSG = 4326
BUSY_TIMEOUT_MS = 60000
RETRY_FOR_S = 180.0  # give up on a locked database after this long
_OGR_TYPES = {DATETIME: ogr.OFTDateTime, INTEGER: ogr.OFTInteger}


def default_path() -> Path:
    """The workspace's sightings GeoPackage (it may not exist yet)."""
    return workspace_dir() / SIGHTINGS_GPKG


def _path(gpkg_path) -> Path:
    return Path(gpkg_path) if gpkg_path is not None else default_path()


# --- GDAL, quietly ------------------------------------------------------------------------------

# GDAL's errors for the plugin to word, by return value, whatever another plugin set (toolbelt/gdal_quiet.py).
_Quiet = quiet_gdal


def _last_error() -> str:
    return gdal.GetLastErrorMsg() or tr("GDAL gave no reason")


def _is_busy(text: str) -> bool:
    text = text.lower()
    return "locked" in text or "busy" in text


def _open(gpkg_path: Path, update: bool):
    flags = gdal.OF_VECTOR | (gdal.OF_UPDATE if update else gdal.OF_READONLY)
    ds = gdal.OpenEx(str(gpkg_path), flags, allowed_drivers=["GPKG"])
    if ds is None:
        raise StorageError(tr("{} cannot be opened as a GeoPackage: {}").format(gpkg_path, _last_error()))
    _execute(ds, "PRAGMA busy_timeout = {}".format(BUSY_TIMEOUT_MS))
    return ds


def _execute(ds, sql: str):
    result = ds.ExecuteSQL(sql)
    if result is not None:
        ds.ReleaseResultSet(result)


def _query(ds, sql: str) -> List[ogr.Feature]:
    result = ds.ExecuteSQL(sql)
    if result is None:
        return []
    try:
        return [feature for feature in result]
    finally:
        ds.ReleaseResultSet(result)


@contextmanager
def _reading(gpkg_path: Path):
    """The sightings GeoPackage open for reading, or None when it does not exist or has no sightings tables."""
    if not gpkg_path.exists():
        yield None
        return
    with _Quiet():
        ds = _open(gpkg_path, update=False)
        try:
            yield ds if _has_tables(ds) else None
        finally:
            ds = None


def _has_tables(ds) -> bool:
    return ds.GetLayerByName(SIGHTINGS_TABLE) is not None and ds.GetLayerByName(SOURCES_TABLE) is not None


def _trigger_names(ds) -> set:
    rows = _query(ds, "SELECT name FROM sqlite_master WHERE type = 'trigger'")
    return {row.GetField(0) for row in rows}


# --- schema -------------------------------------------------------------------------------------

def _create_tables(ds) -> None:
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(WGS84_EPSG)
    for table, spec, geometry in ((SIGHTINGS_TABLE, SIGHTING_FIELDS + (MAP_CLASS_FIELD,), ogr.wkbPoint),
                                  (SOURCES_TABLE, SOURCE_FIELDS, ogr.wkbNone)):
        layer = ds.CreateLayer(table, srs if geometry != ogr.wkbNone else None, geometry,
                               options=["GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES"])
        if layer is None:
            raise StorageError(tr("could not create the {} table: {}").format(table, _last_error()))
        for name, kind, _label in spec:
            layer.CreateField(_field_defn(name, kind, table))


def _field_defn(name: str, kind: str, table: str):
    """A column; a source column carries its hint as its comment where GDAL writes comments (3.7 and
    later: the GeoPackage's gpkg_data_columns), which QGIS shows as the form label's tooltip."""
    defn = ogr.FieldDefn(name, _OGR_TYPES.get(kind, ogr.OFTString))
    if table == SOURCES_TABLE and name in SOURCE_HINTS and hasattr(defn, "SetComment"):
        defn.SetComment(SOURCE_HINTS[name])
    return defn


def apply_rules(ds) -> None:
    """The indexes and rule triggers, (re-)created: an older file gets today's rules."""
    for name in RULE_TRIGGERS:
        _execute(ds, 'DROP TRIGGER IF EXISTS "{}"'.format(name))
    for statement in schema_sql():
        _execute(ds, statement)


_READY = {}


def _file_key(path: Path):
    try:
        info = path.stat()
    except OSError:
        return None
    return (info.st_dev, info.st_ino)


def ensure_schema(gpkg_path=None) -> Path:
    """The sightings GeoPackage with its tables and rules, created when missing.

    A new file is built by GDAL beside the target and then linked into place (atomic: when two processes
    race, one wins and the other uses its file). An existing GeoPackage without the tables gets them; one
    with tables from an older release gets the columns added since (the sources' dataset, record_id and
    original_url, empty in every existing row) and today's triggers, in one transaction: all of it or,
    on any error, the file as it was.
    """
    gpkg_path = _path(gpkg_path)
    key = _file_key(gpkg_path)
    if key is not None and _READY.get(str(gpkg_path)) == key:
        return gpkg_path
    gpkg_path.parent.mkdir(parents=True, exist_ok=True)
    with _Quiet():
        if not gpkg_path.exists():
            _create_file(gpkg_path)
        ds = _open(gpkg_path, update=True)
        try:
            if not _has_tables(ds):
                _create_tables(ds)
            missing = _missing_source_columns(ds)
            if missing or not set(RULE_TRIGGERS) <= _trigger_names(ds) or _rules_changed(ds):
                def upgrade():
                    _add_source_columns(ds, missing)
                    apply_rules(ds)  # after the columns: the triggers name them

                _in_transaction(ds, gpkg_path, upgrade)
        finally:
            ds = None
    _READY[str(gpkg_path)] = _file_key(gpkg_path)
    return gpkg_path


def _missing_source_columns(ds) -> List[str]:
    """The source columns an older release's file lacks (in SOURCE_FIELDS order)."""
    definition = ds.GetLayerByName(SOURCES_TABLE).GetLayerDefn()
    present = {definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())}
    return [name for name, _kind, _label in SOURCE_FIELDS if name in SOURCE_FIELDS_ADDED and name not in present]


def _add_source_columns(ds, names: Sequence[str]) -> None:
    """ALTER TABLE … ADD COLUMN through GDAL (which keeps its own description of the table right), inside
    the caller's transaction; existing rows get NULL."""
    if not names:
        return
    layer = ds.GetLayerByName(SOURCES_TABLE)
    kinds = {name: kind for name, kind, _label in SOURCE_FIELDS}
    for name in names:
        if layer.CreateField(_field_defn(name, kinds[name], SOURCES_TABLE)) != 0:
            raise StorageError(tr("could not add the column {} to the {} table: {}").format(
                name, SOURCES_TABLE, _last_error()))


def _rules_changed(ds) -> bool:
    """True when the file's rule triggers differ from today's (an older release made them)."""
    stored = {row.GetField(0): row.GetField(1) for row in _query(
        ds, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'")}
    wanted = {}
    for statement in schema_sql():
        if statement.startswith("CREATE TRIGGER"):
            name = statement.split('"')[1]
            wanted[name] = statement.replace(" IF NOT EXISTS", "")
    return any(stored.get(name) != sql for name, sql in wanted.items() if name in RULE_TRIGGERS)


def _create_file(gpkg_path: Path) -> None:
    folder = Path(tempfile.mkdtemp(prefix=".kpa-sightings-", dir=str(gpkg_path.parent)))
    try:
        template = folder / SIGHTINGS_GPKG
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(template))
        if ds is None:
            raise StorageError(tr("could not create {}: {}").format(gpkg_path, _last_error()))
        _create_tables(ds)
        apply_rules(ds)
        ds = None
        try:
            os.link(str(template), str(gpkg_path))
        except FileExistsError:
            pass  # another process was first: its file is as good
        except OSError:  # no hard links on this file system
            if not gpkg_path.exists():
                os.replace(str(template), str(gpkg_path))
    finally:
        shutil.rmtree(str(folder), ignore_errors=True)


def _in_transaction(ds, gpkg_path: Path, work):
    """work() inside one GDAL transaction; tried again whole while the file stays locked."""
    deadline = time.monotonic() + RETRY_FOR_S
    delay = 0.02
    while True:
        gdal.ErrorReset()
        failure = None
        if ds.StartTransaction() != 0:
            failure = _last_error()
        else:
            try:
                work()
            except StorageError as exc:
                failure = str(exc)
            if failure is None and ds.CommitTransaction() == 0:
                return
            failure = failure or _last_error()
            ds.RollbackTransaction()
        if _is_busy(failure) and time.monotonic() < deadline:
            time.sleep(delay * (0.5 + random.random()))
            delay = min(delay * 2, 1.0)
            continue
        raise StorageError(tr("{}: nothing was written ({})").format(gpkg_path.name, failure))


# --- writing ------------------------------------------------------------------------------------

def _set(feature, name, value) -> None:
    """One field's value; `name` may be the field's index (much faster: GDAL's Python looks a name up
    field by field, in Python)."""
    if value is None:
        feature.SetFieldNull(name)
    elif isinstance(value, datetime.datetime):
        feature.SetField(name, format_gpkg_datetime(value))
    else:
        feature.SetField(name, value)


class _Plan:
    """The two tables' field indexes, looked up once for a whole write."""

    def __init__(self, sightings, sources):
        self.sightings, self.sources = sightings, sources
        sighting_defn, source_defn = sightings.GetLayerDefn(), sources.GetLayerDefn()
        self.sighting_defn, self.source_defn = sighting_defn, source_defn
        self.sighting_fields = [(sighting_defn.GetFieldIndex(n), n) for n in STORED_COLUMNS]
        self.source_fields = [(source_defn.GetFieldIndex(n), n) for n in SOURCE_COLUMNS]
        missing = [n for i, n in self.sighting_fields + self.source_fields if i < 0]
        if missing:
            raise StorageError(tr("the sightings tables have no field {}: is the file from a newer release?").format(
                ", ".join(missing)))


def _refusal(text: str) -> str:
    """SQLite's words for a refused row, without GDAL's prefix."""
    if "UNIQUE constraint failed" in text and "sighting_id" in text:
        return tr("a sighting with the same sighting_id is already in the layer ({})").format(text)
    return text.split(" : ", 1)[-1] if " : " in text else text


def _insert_record(plan: _Plan, record: SightingRecord) -> None:
    feature = ogr.Feature(plan.sighting_defn)
    attributes = record.attributes()
    for index, name in plan.sighting_fields:
        _set(feature, index, attributes[name])
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(record.lon, record.lat)
    feature.SetGeometryDirectly(point)
    if plan.sightings.CreateFeature(feature) != 0:
        raise StorageError(_refusal(_last_error()))
    for source in record.sources:
        _insert_source(plan, record.sighting_id, source)


def _insert_source(plan: _Plan, sighting_id: str, source: SourceRecord) -> None:
    row = ogr.Feature(plan.source_defn)
    values = source.as_dict()
    values["sighting_id"] = sighting_id
    for index, name in plan.source_fields:
        _set(row, index, values[name])
    if plan.sources.CreateFeature(row) != 0:
        raise StorageError(_refusal(_last_error()))


def write_records(gpkg_path, records: Sequence[SightingRecord]) -> None:
    """Write clean records (from clean_sighting), all in one transaction: every one or none."""
    records = list(records)
    if not records:
        return
    gpkg_path = ensure_schema(gpkg_path)
    for record in records:
        if record.attachment:
            resolve_attachment(gpkg_path, record.attachment)  # raises when it leads out of the workspace
    with _Quiet():
        ds = _open(gpkg_path, update=True)
        try:
            def work():
                # Inside the transaction: reading the layers' definitions makes GDAL read the feature count it
                # will write back on close; read before the lock, another process's commit would be lost from
                # it (QGIS then counts 436 of 1,000 sightings).
                plan = _Plan(ds.GetLayerByName(SIGHTINGS_TABLE), ds.GetLayerByName(SOURCES_TABLE))
                for record in records:
                    _insert_record(plan, record)

            _in_transaction(ds, gpkg_path, work)
        finally:
            ds = None


class ImportWriter:
    """Rows of one import written into ONE open GDAL transaction (see import_writer)."""

    def __init__(self, ds, gpkg_path: Path):
        self._ds = ds
        self._path = gpkg_path
        self._plan = _Plan(ds.GetLayerByName(SIGHTINGS_TABLE), ds.GetLayerByName(SOURCES_TABLE))
        self._failed: Optional[str] = None
        self.sightings_added = 0
        self.sources_added = 0

    def _release(self) -> None:
        """Let go of GDAL's dataset so the file is closed when the import ends (the caller may keep the
        writer for its counts)."""
        self._ds = self._plan = None

    def _check(self) -> None:
        if self._ds is None:
            raise StorageError(tr("{}: this import has ended; rows go into a new import_writer()").format(
                self._path.name))
        if self._failed is not None:
            raise StorageError(tr("{}: the import already failed ({}); nothing was written").format(
                self._path.name, self._failed))

    def _run(self, work) -> None:
        self._check()
        with _Quiet():
            try:
                work()
            except StorageError as exc:
                # SQLite undoes only the refused statement; a sighting may be half in. The whole import
                # goes: the block's exit rolls the transaction back, and nothing more is taken.
                self._failed = str(exc)
                raise StorageError(tr("{}: a row was refused, so nothing of this import is written: {}").format(
                    self._path.name, exc)) from None

    def add(self, records: Sequence[SightingRecord]) -> None:
        """Clean records (from clean_sighting) with their sources, into the open transaction."""
        records = list(records)
        for record in records:
            if record.attachment:
                resolve_attachment(self._path, record.attachment)

        def work():
            for record in records:
                _insert_record(self._plan, record)
                self.sightings_added += 1
                self.sources_added += len(record.sources)

        self._run(work)

    def add_sources(self, sighting_id: str, sources: Sequence[SourceRecord]) -> None:
        """More sources for a sighting already stored (or added earlier in this import)."""
        sources = list(sources)

        def work():
            found = _query(self._ds, 'SELECT count(*) FROM "{}" WHERE "sighting_id" = {}'.format(
                SIGHTINGS_TABLE, sql_literal(str(sighting_id))))
            if not found or not found[0].GetField(0):
                raise StorageError(tr("there is no sighting {} to add the source(s) to").format(sighting_id))
            for source in sources:
                _insert_source(self._plan, sighting_id, source)
                self.sources_added += 1

        self._run(work)


@contextmanager
def import_writer(gpkg_path=None):
    """An ImportWriter whose rows are committed together when the block ends normally, and of which
    NOTHING is written when the block raises (a cancelled import raises) or a row is refused.

    The GDAL transaction stays open for the whole import, so memory stays bounded whatever the number
    of rows (SQLite spills to its journal). Unlike write_records, a busy file cannot be retried whole
    here: the rows came from the caller's stream and are gone. So the first statement takes the write
    lock at once, waiting up to BUSY_TIMEOUT_MS for another writer (SQLite's busy timeout works for a
    transaction that has not read yet), and a writer that still finds the file locked fails with
    nothing written.
    """
    gpkg_path = ensure_schema(gpkg_path)
    with _Quiet():
        ds = _open(gpkg_path, update=True)
        if ds.StartTransaction() != 0:
            message = _last_error()
            ds = None
            raise StorageError(tr("{}: the import could not start; nothing was written ({})").format(
                gpkg_path.name, message))
        # A write as the first statement: the lock is taken now (BEGIN is deferred), with the busy timeout.
        gdal.ErrorReset()
        _execute(ds, 'UPDATE "{}" SET "fid" = "fid" WHERE 0'.format(SOURCES_TABLE))
        message = gdal.GetLastErrorMsg()
        if message:
            ds.RollbackTransaction()
            ds = None
            raise StorageError(tr("{}: the file is busy; nothing was written ({})").format(gpkg_path.name,
                                                                                          message))
    writer = ImportWriter(ds, gpkg_path)
    try:
        yield writer
    except BaseException:
        with _Quiet():
            ds.RollbackTransaction()
            writer._release()
            ds = None
        raise
    with _Quiet():
        try:
            if writer._failed is not None:
                ds.RollbackTransaction()
                raise StorageError(tr("{}: a row was refused, so nothing of this import is written: {}").format(
                    gpkg_path.name, writer._failed))
            gdal.ErrorReset()
            if ds.CommitTransaction() != 0:
                message = _last_error()
                ds.RollbackTransaction()
                raise StorageError(tr("{}: the import could not be committed; nothing was written ({})").format(
                    gpkg_path.name, message))
        finally:
            writer._release()
            ds = None


def add_sighting(gpkg_path=None, sighting: Optional[Mapping] = None, sources: Optional[Sequence[Mapping]] = None,
                 now: Optional[datetime.datetime] = None,
                 known_units: Optional[Collection[str]] = None) -> SightingRecord:
    """Validate one sighting with its sources and commit both tables in one transaction.

    Raises SightingValidationError (with .problems) when it is refused, StorageError when the file could
    not be written; in both cases nothing was written. Returns the stored record.
    """
    record, problems = clean_sighting(sighting or {}, sources, now, known_units)
    if problems:
        raise SightingValidationError(problems)
    write_records(gpkg_path, [record])
    return record


def add_sightings(gpkg_path, items: Iterable[Tuple[Mapping, Sequence[Mapping]]],
                  now: Optional[datetime.datetime] = None,
                  known_units: Optional[Collection[str]] = None) -> List[SightingRecord]:
    """Validate many (sighting, sources) pairs; write all of them in one transaction, or none."""
    records = clean_batch(items, now, known_units)
    write_records(gpkg_path, records)
    return records


# --- reading ------------------------------------------------------------------------------------

# Date-times are read as the stored text (`|| ''` makes SQLite hand GDAL text), so nothing is reformatted.
_SELECT = 'SELECT "fid", "geom", {} FROM "{}"'.format(
    ", ".join('"{0}" || \'\' AS "{0}"'.format(name) if kind == DATETIME else '"{}"'.format(name)
              for name, kind, _label in SIGHTING_FIELDS), SIGHTINGS_TABLE)


def _value(feature, name):
    index = feature.GetFieldIndex(name)  # -1: a column an older file does not have (yet)
    return None if index < 0 or not feature.IsFieldSetAndNotNull(index) else feature.GetField(index)


def _record(feature) -> SightingRecord:
    geometry = feature.GetGeometryRef()
    lon, lat = (geometry.GetX(), geometry.GetY()) if geometry is not None and not geometry.IsEmpty() \
        else (float("nan"), float("nan"))

    def time_of(name):
        try:
            return parse_utc(_value(feature, name))
        except ValueError:
            return None

    value = lambda name: _value(feature, name)  # noqa: E731
    return SightingRecord(
        sighting_id=value("sighting_id"), lon=lon, lat=lat, observed_at=time_of("observed_at"),
        time_precision=value("time_precision"), geo_precision=value("geo_precision"),
        source_reliability=value("source_reliability"), info_credibility=value("info_credibility"),
        claim_status=value("claim_status"), review_status=value("review_status"), analyst=value("analyst"),
        created_at=time_of("created_at"), updated_at=time_of("updated_at"), unit_id=value("unit_id"),
        unit_as_reported=value("unit_as_reported"), location_name=value("location_name"),
        description=value("description"), attachment=value("attachment"),
        attachment_sha256=value("attachment_sha256"), fid=feature.GetFID())


def read_sightings(gpkg_path=None, query: Optional[SightingQuery] = None,
                   order_by: str = '"observed_at", "fid"', limit: Optional[int] = None) -> List[SightingRecord]:
    """Sightings with their sources, straight from the GeoPackage, filtered by `query`."""
    with _reading(_path(gpkg_path)) as ds:
        if ds is None:
            return []
        sql = _SELECT
        where = query.sqlite_where() if query is not None else ""
        if where:
            sql += " WHERE " + where
        sql += " ORDER BY " + (query.order_by if query is not None and query.order_by else order_by)
        limit = query.limit if query is not None and query.limit is not None else limit
        if limit is not None:
            sql += " LIMIT {}".format(int(limit))
        records = [_record(feature) for feature in _query(ds, sql)]
        by_id = {record.sighting_id: record for record in records}
        if by_id:
            source_sql = 'SELECT * FROM "{}"'.format(SOURCES_TABLE)
            if len(by_id) <= 500:
                source_sql += ' WHERE "sighting_id" IN ({})'.format(", ".join(sql_literal(i) for i in by_id))
            for row in _query(ds, source_sql + ' ORDER BY "fid"'):
                record = by_id.get(_value(row, "sighting_id"))
                if record is not None:
                    record.sources.append(source_from_row(row))
    return records


_SOURCE_RECORD_FIELDS = tuple(name for name in SOURCE_COLUMNS if name != "sighting_id")


def source_from_row(row) -> SourceRecord:
    """A SourceRecord from a sighting_sources feature (columns an older file lacks read as None)."""
    return SourceRecord(**{name: _value(row, name) for name in _SOURCE_RECORD_FIELDS})


def _rows(gpkg_path, sql: str) -> List[tuple]:
    with _reading(_path(gpkg_path)) as ds:
        if ds is None:
            return []
        return [tuple(feature.GetField(i) for i in range(feature.GetFieldCount())) for feature in _query(ds, sql)]


def existing_sighting_ids(gpkg_path) -> set:
    return {row[0] for row in _rows(gpkg_path, 'SELECT "sighting_id" FROM "{}"'.format(SIGHTINGS_TABLE))}


def count_sightings(gpkg_path) -> Tuple[int, int]:
    """(sightings, sources) in the GeoPackage."""
    rows = _rows(gpkg_path, 'SELECT (SELECT count(*) FROM "{}"), (SELECT count(*) FROM "{}")'.format(
        SIGHTINGS_TABLE, SOURCES_TABLE))
    return (int(rows[0][0]), int(rows[0][1])) if rows else (0, 0)


def sightings_without_sources(gpkg_path) -> List[str]:
    """The ids of sightings no source points to: SQLite cannot refuse them (see domain/rules_sql.py)."""
    return [row[0] for row in _rows(gpkg_path, 'SELECT "sighting_id" FROM "{s}" WHERE "sighting_id" NOT IN '
                                        '(SELECT "sighting_id" FROM "{src}" WHERE "sighting_id" IS NOT NULL) '
                                        'ORDER BY "fid"'.format(s=SIGHTINGS_TABLE, src=SOURCES_TABLE))]


__all__ = ["SIGHTINGS_GPKG", "ImportWriter", "add_sighting", "add_sightings", "apply_rules", "count_sightings",
           "default_path", "ensure_schema", "existing_sighting_ids", "import_writer", "read_sightings",
           "sightings_without_sources", "source_from_row", "write_records", "SIGHTING_COLUMNS"]

"""Writing and reading sightings in the team database (psycopg2, no widgets).

Sightings are validated by the same `clean_sighting` as the local workspace,
then written with their sources in ONE transaction: every sighting of a batch
with all its sources, or nothing. Values go to the server as query
parameters, so text is stored exactly as typed.

A lost connection (server restarted, network gone) is a TeamConnectionError
with a readable message. `TeamWriter` reconnects and retries the batch that
was not committed; sighting_id is unique, and a batch found already committed
(the connection died between the server's commit and our hearing of it) is
not written twice.
"""

import datetime
import time
from contextlib import contextmanager
from typing import Callable, Collection, Iterable, List, Mapping, Optional, Sequence, Tuple

from ...toolbelt.i18n import tr
from ..domain.records import SightingRecord, SourceRecord, StorageError
from ..domain.validation import clean_batch as clean_items  # the name callers of this module know
from ..domain.times import parse_utc
from .connection import TeamConnectionError, first_line, require_psycopg2, rollback_quietly

SIGHTING_INSERT_COLUMNS = (
    "sighting_id", "unit_id", "unit_as_reported", "observed_at", "time_precision", "location_name",
    "geo_precision", "source_reliability", "info_credibility", "claim_status", "review_status", "description",
    "analyst", "created_at", "updated_at", "attachment", "attachment_sha256",
)
SOURCE_INSERT_COLUMNS = ("source_id", "sighting_id", "url", "publisher", "published_at", "archive_url", "notes",
                         "dataset", "record_id", "original_url")
_SOURCE_RECORD_COLUMNS = tuple(c for c in SOURCE_INSERT_COLUMNS if c != "sighting_id")
PAGE = 500  # rows per INSERT statement (execute_values pages)
_INSERT_SIGHTINGS = "INSERT INTO kpa.sightings (geom, {}) VALUES %s".format(", ".join(SIGHTING_INSERT_COLUMNS))
_SIGHTING_TEMPLATE = "(ST_SetSRID(ST_MakePoint(%s, %s), 4326), {})".format(
    ", ".join(["%s"] * len(SIGHTING_INSERT_COLUMNS)))
_INSERT_SOURCES = "INSERT INTO kpa.sighting_sources ({}) VALUES %s".format(", ".join(SOURCE_INSERT_COLUMNS))


def _is_connection_lost(exc: Exception) -> bool:
    """A lost connection, not a refusal: psycopg2 raises OperationalError for deadlocks and lock
    time-outs too, so it counts only without a SQLSTATE or with a connection-class one (08…, 57P…)."""
    psycopg2 = require_psycopg2()
    if isinstance(exc, psycopg2.InterfaceError):
        return True
    if not isinstance(exc, psycopg2.OperationalError) or isinstance(exc, psycopg2.errors.QueryCanceled):
        return False
    code = getattr(exc, "pgcode", None)
    return code is None or code.startswith("08") or code.startswith("57P")


def _source_row(sighting_id: str, source: SourceRecord) -> tuple:
    return tuple(sighting_id if c == "sighting_id" else getattr(source, c) for c in SOURCE_INSERT_COLUMNS)


def insert_records(conn, records: Sequence[SightingRecord]) -> None:
    """Insert clean records with their sources in the connection's open transaction (no commit)."""
    from psycopg2.extras import execute_values

    sighting_rows, source_rows = [], []
    for r in records:
        sighting_rows.append((r.lon, r.lat) + tuple(getattr(r, c) for c in SIGHTING_INSERT_COLUMNS))
        for s in r.sources:
            source_rows.append(_source_row(r.sighting_id, s))
    with conn.cursor() as cursor:
        if sighting_rows:
            execute_values(cursor, _INSERT_SIGHTINGS, sighting_rows, template=_SIGHTING_TEMPLATE, page_size=PAGE)
        if source_rows:
            execute_values(cursor, _INSERT_SOURCES, source_rows, page_size=PAGE)


def insert_sources(conn, sighting_id: str, sources: Sequence[SourceRecord]) -> None:
    """Insert more sources of a sighting in the connection's open transaction (no commit); a StorageError
    when there is no such sighting."""
    from psycopg2.extras import execute_values

    with conn.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM kpa.sightings WHERE sighting_id = %s::uuid", (str(sighting_id),))
        if not cursor.fetchone()[0]:
            raise StorageError(tr("there is no sighting {} in the team database to add the source(s) to").format(
                sighting_id))
        rows = [_source_row(sighting_id, s) for s in sources]
        if rows:
            execute_values(cursor, _INSERT_SOURCES, rows, page_size=PAGE)


def _worded(exc: Exception, count: int) -> Exception:
    """A psycopg2 error as the plugin's error, in words (the caller has rolled back)."""
    psycopg2 = require_psycopg2()
    if isinstance(exc, psycopg2.errors.UniqueViolation):
        return StorageError(tr("a sighting or source with the same id is already in the team database; nothing "
                               "was written ({})").format(first_line(exc)))
    if _is_connection_lost(exc):
        return TeamConnectionError(tr("The connection to the team database was lost; the {} sighting(s) being "
                                      "written were not saved ({})").format(count, first_line(exc)))
    # refused by the database: a role, a rule, a constraint
    return StorageError(tr("The team database refused the {} sighting(s); nothing was written: {}").format(
        count, first_line(exc).replace("KPA-REFUSED: ", "")))


def write_records(conn, records: Sequence[SightingRecord]) -> None:
    """Commit clean records with their sources in one transaction; nothing on any error."""
    psycopg2 = require_psycopg2()
    records = list(records)
    if not records:
        return
    try:
        insert_records(conn, records)
        conn.commit()
    except Exception as exc:
        rollback_quietly(conn)
        if isinstance(exc, psycopg2.Error):
            raise _worded(exc, len(records)) from None
        raise


class ImportWriter:
    """Rows of one import sent to the team database in pages, inside the connection's ONE transaction
    (see import_writer)."""

    def __init__(self, conn):
        self.conn = conn
        self.sightings_added = 0
        self.sources_added = 0
        self._failed: Optional[str] = None

    def _run(self, work, count: int) -> None:
        psycopg2 = require_psycopg2()
        if self._failed is not None:
            raise StorageError(tr("the import already failed ({}); nothing was written").format(self._failed))
        try:
            work()
        except Exception as exc:
            # PostgreSQL has aborted the transaction: nothing more can be written in it.
            rollback_quietly(self.conn)
            error = _worded(exc, count) if isinstance(exc, psycopg2.Error) else exc
            self._failed = str(error)
            if error is exc:
                raise
            raise error from None

    def add(self, records: Sequence[SightingRecord]) -> None:
        """Clean records (from clean_sighting) with their sources, into the open transaction."""
        records = list(records)

        def work():
            insert_records(self.conn, records)
            self.sightings_added += len(records)
            self.sources_added += sum(len(r.sources) for r in records)

        self._run(work, self.sightings_added + len(records))

    def add_sources(self, sighting_id: str, sources: Sequence[SourceRecord]) -> None:
        """More sources for a sighting already stored (or added earlier in this import)."""
        sources = list(sources)

        def work():
            insert_sources(self.conn, sighting_id, sources)
            self.sources_added += len(sources)

        self._run(work, self.sightings_added)


@contextmanager
def import_writer(conn):
    """An ImportWriter whose rows are committed together when the block ends normally; when the block
    raises (a cancelled import raises) or a row is refused, the transaction is rolled back and nothing is
    written. The connection stays the caller's."""
    psycopg2 = require_psycopg2()
    rollback_quietly(conn)  # a fresh transaction: nothing of an earlier read rides along
    writer = ImportWriter(conn)
    try:
        yield writer
    except BaseException:
        rollback_quietly(conn)
        raise
    if writer._failed is not None:
        raise StorageError(tr("the import failed ({}); nothing was written").format(writer._failed))
    try:
        conn.commit()
    except Exception as exc:
        rollback_quietly(conn)
        if isinstance(exc, psycopg2.Error):
            raise _worded(exc, writer.sightings_added) from None
        raise


def add_sightings(conn, items: Iterable[Tuple[Mapping, Sequence[Mapping]]],
                  now: Optional[datetime.datetime] = None,
                  known_units: Optional[Collection[str]] = None) -> List[SightingRecord]:
    """Validate many (sighting, sources) pairs and write all of them in one transaction, or none.

    Raises SightingValidationError (every problem, numbered by item),
    StorageError (an id already there) or TeamConnectionError (connection
    lost: nothing was written).
    """
    records = clean_items(items, now, known_units)
    write_records(conn, records)
    return records


def add_sighting(conn, sighting: Mapping, sources: Optional[Sequence[Mapping]] = None,
                 now: Optional[datetime.datetime] = None,
                 known_units: Optional[Collection[str]] = None) -> SightingRecord:
    return add_sightings(conn, [(sighting, sources if sources is not None else sighting.get("sources") or [])],
                         now, known_units)[0]


class TeamWriter:
    """Writes batches through a connection it re-opens when the server goes away.

    `connect` makes a new psycopg2 connection (e.g. ``lambda:
    team_db.connect(name)``). `report(message)` hears about each lost
    connection and reconnection, in words, for the message bar or log.
    """

    def __init__(self, connect: Callable[[], object], retry_for: float = 120.0,
                 report: Optional[Callable[[str], None]] = None):
        self._connect = connect
        self.retry_for = retry_for
        self.report = report or (lambda message: None)
        self.conn = None
        self.reconnects = 0

    def _connection(self):
        if self.conn is None or self.conn.closed:
            self.conn = self._connect()
        return self.conn

    def close(self) -> None:
        if self.conn is not None and not self.conn.closed:
            self.conn.close()
        self.conn = None

    def add_sightings(self, items, now=None, known_units=None) -> List[SightingRecord]:
        records = clean_items(items, now, known_units)
        self.write_records(records)
        return records

    def write_records(self, records: Sequence[SightingRecord]) -> None:
        """Commit the batch once: retried whole after a lost connection, never written twice."""
        records = list(records)
        deadline = time.monotonic() + self.retry_for
        pause = 0.2
        lost = False
        while True:
            try:
                conn = self._connection()
                if lost:
                    self.reconnects += 1
                    self.report(tr("Reconnected to the team database; writing the {} sighting(s) again").format(
                        len(records)))
                    lost = False
                    if _committed_already(conn, records):
                        return
                write_records(conn, records)
                return
            except TeamConnectionError as exc:
                self.close()
                if time.monotonic() > deadline:
                    raise TeamConnectionError(tr("{}; gave up reconnecting after {:.0f} s").format(
                        exc, self.retry_for)) from None
                if not lost:
                    self.report(tr("{}; reconnecting").format(exc))
                lost = True
                time.sleep(pause)
                pause = min(pause * 2, 2.0)


def _committed_already(conn, records: Sequence[SightingRecord]) -> bool:
    """Whether a batch that may or may not have been committed is in the database (all or none)."""
    ids = [r.sighting_id for r in records]
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM kpa.sightings WHERE sighting_id = ANY(%s::uuid[])", (ids,))
            found = cursor.fetchone()[0]
        conn.rollback()
    except Exception as exc:
        rollback_quietly(conn)
        if _is_connection_lost(exc):
            raise TeamConnectionError(tr("The connection to the team database was lost ({})").format(
                first_line(exc))) from None
        raise
    if found == len(ids):
        return True
    if found:
        raise StorageError(tr("{} of the {} sightings being written are already in the team database (written by "
                              "someone else?); nothing more was written").format(found, len(ids)))
    return False


# --- reading ---------------------------------------------------------------------------------

def count_sightings(conn) -> Tuple[int, int]:
    """(sightings, sources) in the team database."""
    with conn.cursor() as cursor:
        cursor.execute("SELECT (SELECT count(*) FROM kpa.sightings), (SELECT count(*) FROM kpa.sighting_sources)")
        result = cursor.fetchone()
    conn.rollback()
    return result[0], result[1]


def sighting_ids(conn) -> set:
    with conn.cursor() as cursor:
        cursor.execute("SELECT sighting_id::text FROM kpa.sightings")
        result = {row[0] for row in cursor}
    conn.rollback()
    return result


def read_sightings(conn, where: str = "", parameters: Sequence = (),
                   order_by: str = "observed_at, fid", limit: Optional[int] = None) -> List[SightingRecord]:
    """Sightings with their sources (a SQL `where` on kpa.sightings, with %s parameters, may filter)."""
    sql = ("SELECT fid, ST_X(geom), ST_Y(geom), {} FROM kpa.sightings".format(
        ", ".join(c + ("::text" if c == "sighting_id" else "") for c in SIGHTING_INSERT_COLUMNS)))
    if where:
        sql += " WHERE " + where
    sql += " ORDER BY " + order_by
    if limit is not None:
        sql += " LIMIT {:d}".format(int(limit))
    records = []
    with conn.cursor() as cursor:
        cursor.execute(sql, tuple(parameters))
        for row in cursor:
            values = dict(zip(SIGHTING_INSERT_COLUMNS, row[3:]))
            for name in ("observed_at", "created_at", "updated_at"):
                values[name] = parse_utc(values[name])
            records.append(SightingRecord(lon=row[1], lat=row[2], fid=row[0], **values))
        by_id = {r.sighting_id: r for r in records}
        if by_id:
            cursor.execute("SELECT sighting_id::text, source_id::text, {} FROM kpa.sighting_sources "
                           "WHERE sighting_id = ANY(%s::uuid[]) ORDER BY fid".format(
                               ", ".join(_SOURCE_RECORD_COLUMNS[1:])), (list(by_id),))
            for row in cursor:
                by_id[row[0]].sources.append(SourceRecord(**dict(zip(_SOURCE_RECORD_COLUMNS, row[1:]))))
    conn.rollback()
    return records


__all__ = ["ImportWriter", "TeamWriter", "add_sighting", "add_sightings", "clean_items", "count_sightings",
           "import_writer", "insert_records", "insert_sources", "read_sightings", "sighting_ids", "write_records"]

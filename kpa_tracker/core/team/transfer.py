"""Moving sightings between the local GeoPackage workspace and the team database.

Both directions copy every sighting with all its sources, checked again by
`clean_sighting`, in ONE transaction on the receiving side, and check the
counts afterwards. A sighting whose sighting_id is already on the receiving
side is skipped (never overwritten, never duplicated) and listed in the
report, so moving the same workspace twice is harmless.

A caller on a worker thread (core/team/tasks.py) may pass `progress(percent)`
and `canceled()`: a cancelled copy raises TransferCancelled and writes
nothing. To the team, the rows go in batches of BATCH inside the one
transaction, cancel checked between them, then rolled back; to the local
workspace, cancel is checked up to the one GeoPackage transaction, which then
runs to its end.

Attachments stay files in the local workspace: their relative paths and
hashes travel, the files themselves do not.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, List, Optional, Sequence, Tuple

from ...toolbelt.i18n import tr
from ..sightings import gpkg_store as S
from ..domain import fields as FLD
from ..domain import records as R
from . import store as team_store
from .connection import TeamConnectionError, TeamError, first_line, require_psycopg2, rollback_quietly

BATCH = 500  # sightings per INSERT batch of a copy to the team (all in one transaction)
Progress = Optional[Callable[[float], None]]
Canceled = Optional[Callable[[], bool]]


class TransferCancelled(TeamError):
    """The copy was cancelled before it was committed; nothing was written."""


@dataclass
class TransferReport:
    direction: str  # "to team" or "to local"
    found: int  # sightings on the sending side
    copied: int
    sources_copied: int
    skipped: List[str] = field(default_factory=list)  # sighting_ids already on the receiving side
    before: Tuple[int, int] = (0, 0)  # (sightings, sources) on the receiving side
    after: Tuple[int, int] = (0, 0)

    def where(self) -> str:
        return tr("To the team database") if self.direction == "to team" else tr("To this computer")

    def __str__(self) -> str:
        text = tr("{}: {} of {} sightings copied with {} sources").format(
            self.where(), self.copied, self.found, self.sources_copied)
        if self.skipped:
            text += tr("; {} skipped, already there (same sighting id)").format(len(self.skipped))
        return text + tr("; now {} sightings and {} sources there.").format(*self.after)


def _steps(progress: Progress, canceled: Canceled):
    """step(percent): reports progress, and raises TransferCancelled when the caller has cancelled."""
    def step(percent: float) -> None:
        if canceled is not None and canceled():
            raise TransferCancelled(tr("The copy was cancelled; nothing was copied."))
        if progress is not None:
            progress(percent)
    return step


def _recheck(records: Sequence[R.SightingRecord], now: Optional[datetime.datetime]) -> List[R.SightingRecord]:
    """The same validation as every other path (a layer may have been edited by hand)."""
    items = []
    for record in records:
        values = {name: getattr(record, name) for name in FLD.SIGHTING_COLUMNS}
        values.update(lon=record.lon, lat=record.lat)
        items.append((values, [source.as_dict() for source in record.sources]))
    return team_store.clean_items(items, now)


def _check(report: TransferReport, records: Sequence[R.SightingRecord]) -> None:
    expected = (report.before[0] + len(records), report.before[1] + sum(len(r.sources) for r in records))
    if report.after != expected:
        raise TeamError(tr("{}: expected {} sightings and {} sources after copying, found {} and {}; "
                           "nothing was copied").format(report.where(), expected[0], expected[1], *report.after))


def to_team(gpkg_path, conn, now: Optional[datetime.datetime] = None, progress: Progress = None,
            canceled: Canceled = None) -> TransferReport:
    """Copy the local workspace's sightings into the team database (one transaction); returns the report.

    The copies belong to the login that copies them; a review status other
    than 'unreviewed' can only be brought over by a reviewer (or the
    administrator): the database refuses it from an analyst, and nothing is copied.
    """
    psycopg2 = require_psycopg2()
    step = _steps(progress, canceled)
    step(0)
    local = S.read_sightings(Path(gpkg_path))
    step(10)
    records = _recheck(local, now)
    step(20)
    try:
        with conn.cursor() as cursor:
            # One writer of a transfer at a time, so the counts below are ours alone.
            cursor.execute("LOCK TABLE kpa.sightings, kpa.sighting_sources IN SHARE ROW EXCLUSIVE MODE")
            cursor.execute("SELECT sighting_id::text FROM kpa.sightings WHERE sighting_id = ANY(%s::uuid[])",
                           ([r.sighting_id for r in records],))
            present = {row[0] for row in cursor}
            fresh = [r for r in records if r.sighting_id not in present]
            report = TransferReport("to team", len(records), len(fresh), sum(len(r.sources) for r in fresh),
                                    sorted(present), _counts(cursor))
            for start in range(0, len(fresh), BATCH):
                step(30 + 60 * start / len(fresh))
                team_store.insert_records(conn, fresh[start:start + BATCH])
            report.after = _counts(cursor)
        _check(report, fresh)
        step(95)  # the last moment to cancel: after the commit the copy stands
        conn.commit()
    except psycopg2.Error as exc:
        rollback_quietly(conn)
        if isinstance(exc, (psycopg2.OperationalError, psycopg2.InterfaceError)):
            raise TeamConnectionError(tr("The connection to the team database was lost; nothing was copied "
                                         "({})").format(first_line(exc))) from None
        raise TeamError(tr("The team database refused the copy; nothing was copied: {}").format(
            first_line(exc))) from None
    except BaseException:
        rollback_quietly(conn)
        raise
    if progress is not None:
        progress(100)
    return report


def _counts(cursor) -> Tuple[int, int]:
    cursor.execute("SELECT (SELECT count(*) FROM kpa.sightings), (SELECT count(*) FROM kpa.sighting_sources)")
    return tuple(cursor.fetchone())


def to_local(conn, gpkg_path, now: Optional[datetime.datetime] = None, progress: Progress = None,
             canceled: Canceled = None) -> TransferReport:
    """Copy the team database's sightings into a local GeoPackage workspace (one transaction)."""
    gpkg_path = Path(gpkg_path)
    step = _steps(progress, canceled)
    step(0)
    records = team_store.read_sightings(conn)
    step(30)
    records = _recheck(records, now)
    step(45)
    present = S.existing_sighting_ids(gpkg_path)
    fresh = [r for r in records if r.sighting_id not in present]
    report = TransferReport("to local", len(records), len(fresh), sum(len(r.sources) for r in fresh),
                            sorted(r.sighting_id for r in records if r.sighting_id in present),
                            S.count_sightings(gpkg_path))
    step(50)  # the last moment to cancel: the GeoPackage takes the rows in one transaction
    S.write_records(gpkg_path, fresh)
    report.after = S.count_sightings(gpkg_path)
    _check(report, fresh)
    if progress is not None:
        progress(100)
    return report


__all__ = ["BATCH", "TransferCancelled", "TransferReport", "to_local", "to_team"]

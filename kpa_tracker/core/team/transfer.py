"""Moving sightings between the local GeoPackage workspace and the team database.

Both directions copy every sighting with all its sources, checked again by
`clean_sighting`, in ONE transaction on the receiving side, and check the
counts afterwards. A sighting whose sighting_id is already on the receiving
side is skipped (never overwritten, never duplicated) and listed in the
report, so moving the same workspace twice is harmless.

Attachments stay files in the local workspace: their relative paths and
hashes travel, the files themselves do not.
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import List, Optional, Sequence, Tuple

from ..sightings import gpkg_store as S
from . import store as team_store
from .connection import TeamConnectionError, TeamError, _first_line, _psycopg2, _rollback_quietly


@dataclass
class TransferReport:
    direction: str  # "to team" or "to local"
    found: int  # sightings on the sending side
    copied: int
    sources_copied: int
    skipped: List[str] = field(default_factory=list)  # sighting_ids already on the receiving side
    before: Tuple[int, int] = (0, 0)  # (sightings, sources) on the receiving side
    after: Tuple[int, int] = (0, 0)

    def __str__(self) -> str:
        text = "{}: {} of {} sightings copied with {} sources".format(
            self.direction.capitalize(), self.copied, self.found, self.sources_copied)
        if self.skipped:
            text += "; {} skipped, already there (same sighting id)".format(len(self.skipped))
        return text + "; now {} sightings and {} sources there".format(*self.after)


def _recheck(records: Sequence[S.SightingRecord], now: Optional[datetime.datetime]) -> List[S.SightingRecord]:
    """The same validation as every other path (a layer may have been edited by hand)."""
    items = []
    for record in records:
        values = {name: getattr(record, name) for name in S.SIGHTING_COLUMNS}
        values.update(lon=record.lon, lat=record.lat)
        items.append((values, [source.as_dict() for source in record.sources]))
    return team_store.clean_items(items, now)


def _check(report: TransferReport, records: Sequence[S.SightingRecord]) -> None:
    expected = (report.before[0] + len(records), report.before[1] + sum(len(r.sources) for r in records))
    if report.after != expected:
        raise TeamError("{}: expected {} sightings and {} sources after copying, found {} and {}; "
                        "nothing was copied".format(report.direction, expected[0], expected[1], *report.after))


def to_team(gpkg_path, conn, now: Optional[datetime.datetime] = None) -> TransferReport:
    """Copy the local workspace's sightings into the team database (one transaction); returns the report.

    The copies belong to the login that copies them; a review status other
    than 'unreviewed' can only be brought over by a reviewer (or the
    administrator): the database refuses it from an analyst, and nothing is copied.
    """
    psycopg2 = _psycopg2()
    local = S.read_sightings(Path(gpkg_path))
    records = _recheck(local, now)
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
            team_store.insert_records(conn, fresh)
            report.after = _counts(cursor)
        _check(report, fresh)
        conn.commit()
    except psycopg2.Error as exc:
        _rollback_quietly(conn)
        if isinstance(exc, (psycopg2.OperationalError, psycopg2.InterfaceError)):
            raise TeamConnectionError("The connection to the team database was lost; nothing was copied "
                                      "({})".format(_first_line(exc))) from None
        raise TeamError("The team database refused the copy; nothing was copied: {}".format(
            _first_line(exc))) from None
    except BaseException:
        _rollback_quietly(conn)
        raise
    return report


def _counts(cursor) -> Tuple[int, int]:
    cursor.execute("SELECT (SELECT count(*) FROM kpa.sightings), (SELECT count(*) FROM kpa.sighting_sources)")
    return tuple(cursor.fetchone())


def to_local(conn, gpkg_path, now: Optional[datetime.datetime] = None) -> TransferReport:
    """Copy the team database's sightings into a local GeoPackage workspace (one transaction)."""
    gpkg_path = Path(gpkg_path)
    records = _recheck(team_store.read_sightings(conn), now)
    present = S.existing_sighting_ids(gpkg_path)
    fresh = [r for r in records if r.sighting_id not in present]
    report = TransferReport("to local", len(records), len(fresh), sum(len(r.sources) for r in fresh),
                            sorted(r.sighting_id for r in records if r.sighting_id in present),
                            S.count_sightings(gpkg_path))
    S.write_records(gpkg_path, fresh)
    report.after = S.count_sightings(gpkg_path)
    _check(report, fresh)
    return report


__all__ = ["TransferReport", "to_local", "to_team"]

"""Moving a local workspace into the team database and back."""

import pytest

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.team import store as team_store
from kpa_tracker.core.team import transfer as team_transfer
from kpa_tracker.core.team.connection import TeamError
from kpa_tracker.tests.team.team_writer import NOW, sample_items


def _comparable(records):
    return sorted(
        (r.sighting_id, round(r.lon, 9), round(r.lat, 9), r.observed_at, r.description, r.location_name,
         r.source_reliability, r.info_credibility, r.claim_status, r.review_status, r.analyst, r.created_at,
         tuple((s.source_id, s.url, s.publisher, s.published_at, s.notes) for s in r.sources))
        for r in records)


def test_local_workspace_to_team_and_back(team_db, tmp_path):
    local = tmp_path / "mine.gpkg"
    items = sample_items(120, 70)
    items[0][1].append({"url": "https://example.org/extra", "publisher": "제2군단 watcher", "notes": "a; b\n'c'"})
    items[1][0]["description"] = "'); DROP TABLE kpa.sightings; --"
    S.add_sightings(local, items, now=NOW)
    originals = S.read_sightings(local)
    conn = team_db.connect("analyst")
    try:
        team_store.add_sightings(conn, sample_items(5, 71), now=NOW)  # a colleague's, already there
        report = team_transfer.to_team(local, conn, now=NOW)
        assert (report.found, report.copied, report.sources_copied, report.skipped) == (120, 120, 121, [])
        assert (report.before, report.after) == ((5, 5), (125, 126))
        assert "120 of 120 sightings copied with 121 sources" in str(report)
        # again: everything is there already, nothing doubles
        again = team_transfer.to_team(local, conn, now=NOW)
        assert (again.copied, len(again.skipped), again.after) == (0, 120, (125, 126))
        team = team_store.read_sightings(conn)
        assert _comparable([r for r in team if r.analyst == "writer"]) == _comparable(
            team_store.read_sightings(conn, "analyst = %s", ("writer",)))
        ids = {r.sighting_id for r in originals}
        assert _comparable([r for r in team if r.sighting_id in ids]) == _comparable(originals)
        # and back into a fresh workspace
        back = tmp_path / "back.gpkg"
        report = team_transfer.to_local(conn, back, now=NOW)
        assert (report.found, report.copied, report.sources_copied, report.after) == (125, 125, 126, (125, 126))
        assert _comparable(S.read_sightings(back)) == _comparable(team)
        assert len(team_transfer.to_local(conn, back, now=NOW).skipped) == 125
    finally:
        conn.close()


def test_refused_transfer_copies_nothing(team_db, tmp_path):
    local = tmp_path / "mine.gpkg"
    items = sample_items(10, 72)
    items[7][0]["review_status"] = "reviewed"  # only a reviewer may bring that over
    S.add_sightings(local, items, now=NOW)
    conn = team_db.connect("analyst")
    try:
        with pytest.raises(TeamError, match="nothing was copied: KPA-REFUSED: only a reviewer may add a sighting "
                                            "with review status 'reviewed'"):
            team_transfer.to_team(local, conn, now=NOW)
        assert team_store.count_sightings(conn) == (0, 0)
    finally:
        conn.close()
    reviewer = team_db.connect("reviewer")
    try:
        assert team_transfer.to_team(local, reviewer, now=NOW).copied == 10
    finally:
        reviewer.close()
    assert team_db.scalar("SELECT count(*) FROM kpa.sightings WHERE review_status = 'reviewed'") == 1

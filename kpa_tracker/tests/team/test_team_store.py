"""Writing to the team database: validation, one transaction, exact text, many writers, a restart."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kpa_tracker.core.team import connection as tdb
from kpa_tracker.core.team import store as team_store
from kpa_tracker.core.domain.records import SightingValidationError, StorageError
from kpa_tracker.tests.team.team_writer import NOW, sample_items

ROOT = Path(__file__).resolve().parents[3]
TRICKY_TEXTS = [
    "O'Brien said \"hello\"",
    "a; b; c;",
    "back\\slash \\n not a newline \\\\",
    "'); DROP TABLE kpa.sightings; --",
    "제2군단 평양 근처",
    "Северная Корея, 11-й корпус",
    "line one\nline two\r\nline three\ttabbed",
    "%s %(name)s {} $1 $$ dollar",
    "  leading and trailing spaces are trimmed by validation, inner   ones kept",
]


def _writer(*args) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "kpa_tracker.tests.team.team_writer"] + [str(a) for a in args],
                            cwd=str(ROOT), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=dict(os.environ, PYTHONPATH=str(ROOT)))


def _finish(process, timeout=300) -> dict:
    out, err = process.communicate(timeout=timeout)
    assert process.returncode == 0, err
    assert "Traceback" not in err, err
    return json.loads(out.strip().splitlines()[-1])


def test_add_validates_with_the_same_rules_as_the_local_workspace(team_db):
    good, good_sources = sample_items(1, 1)[0]
    bad = dict(good, source_reliability="Z", lon=500)
    conn = team_db.connect("analyst")
    try:
        with pytest.raises(SightingValidationError) as caught:
            team_store.add_sightings(conn, [(good, good_sources), (bad, good_sources), (good, [])], now=NOW)
        text = str(caught.value)
        assert "sighting 2: 'Z' is not an Admiralty grade" in text
        assert "sighting 2: 500.0 is not on Earth" in text
        assert "sighting 3: at least one source is required" in text
        assert team_store.count_sightings(conn) == (0, 0)
    finally:
        conn.close()


def test_a_batch_is_written_whole_or_not_at_all(team_db):
    conn = team_db.connect("analyst")
    try:
        first = team_store.add_sightings(conn, sample_items(3, 1), now=NOW)
        again = sample_items(5, 2)
        again[4][0]["sighting_id"] = first[1].sighting_id  # already in the database
        with pytest.raises(StorageError, match="already in the team database; nothing was written"):
            team_store.add_sightings(conn, again, now=NOW)
        assert team_store.count_sightings(conn) == (3, 3)
        items = sample_items(2, 3)
        items[0][1].append({"url": "https://example.org/second", "publisher": "Second"})
        team_store.add_sightings(conn, items, now=NOW)
        assert team_store.count_sightings(conn) == (5, 6)
    finally:
        conn.close()


@pytest.mark.parametrize("text", TRICKY_TEXTS, ids=range(len(TRICKY_TEXTS)))
def test_text_is_stored_exactly_as_typed(team_db, text):
    sighting, sources = sample_items(1, 5)[0]
    sighting.update(description=text, location_name=text, unit_as_reported=text)
    sources[0].update(publisher=text, notes=text)
    conn = team_db.connect("analyst")
    try:
        record = team_store.add_sighting(conn, sighting, sources, now=NOW)
        stored = team_store.read_sightings(conn)
    finally:
        conn.close()
    expected = text.strip()
    assert record.description == expected
    assert [(s.description, s.location_name, s.unit_as_reported) for s in stored] == [(expected,) * 3]
    assert (stored[0].sources[0].publisher, stored[0].sources[0].notes) == (expected, expected)
    assert team_db.scalar("SELECT count(*) FROM kpa.sightings") == 1  # the table is still there


def test_four_writer_processes_add_10000_sightings(team_db):
    started = time.perf_counter()
    writers = [_writer("insert", team_db.dsn("analyst"), 2500, 250, seed) for seed in range(4)]
    results = [_finish(w) for w in writers]
    elapsed = time.perf_counter() - started
    assert [r["written"] for r in results] == [2500] * 4
    assert team_db.scalar("SELECT count(*) FROM kpa.sightings") == 10000
    assert team_db.scalar("SELECT count(DISTINCT sighting_id) FROM kpa.sightings") == 10000
    assert team_db.scalar("SELECT count(*) FROM kpa.sighting_sources") == 10000
    assert team_db.scalar("SELECT count(DISTINCT description) FROM kpa.sightings") == 10000
    assert team_db.scalar("SELECT count(*) FROM kpa.sighting_sources s LEFT JOIN kpa.sightings g "
                          "USING (sighting_id) WHERE g.fid IS NULL") == 0
    print("4 writers, 10,000 sightings: {:.1f} s".format(elapsed))


def test_two_writer_processes_editing_the_same_sightings_lose_nothing(team_db):
    conn = team_db.connect("admin")
    try:
        ids = [r.sighting_id for r in team_store.add_sightings(conn, sample_items(100, 8), now=NOW)]
    finally:
        conn.close()
    start = time.time() + 3  # both processes up and connected by then
    writers = [_writer("edit", team_db.dsn("admin"), name, 3, start, *ids) for name in ("A", "B")]
    results = [_finish(w) for w in writers]
    accepted = [edit for r in results for edit in r["accepted"]]
    refused = [edit for r in results for edit in r["refused"]]
    assert len(accepted) + len(refused) == 2 * 3 * 100
    assert refused, "the two writers never collided: the test proves nothing"
    conn = team_db.connect()
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT sighting_id::text, row_version, description FROM kpa.sightings")
            final = {row[0]: (row[1], row[2]) for row in cursor}
    finally:
        conn.close()
    for sighting_id in ids:
        mine = sorted((version, value) for sid, version, value in accepted if sid == sighting_id)
        # every accepted edit made exactly one version, in order; the last one is what is stored
        assert [version for version, _v in mine] == list(range(2, 2 + len(mine)))
        assert final[sighting_id] == (1 + len(mine), mine[-1][1] if mine else "sighting {} of writer 8".format(
            ids.index(sighting_id)))
    for sighting_id, base, current, changed_by in refused:
        assert current > base  # refused because someone else had made a newer version
        assert changed_by == "postgres"
    print("edits accepted {}, refused as conflicts {}".format(len(accepted), len(refused)))


def test_server_restart_in_a_write_burst(team_db):
    writer = _writer("insert", team_db.dsn("analyst"), 10000, 100, 21)
    deadline = time.monotonic() + 120
    while team_db.scalar("SELECT count(*) FROM kpa.sightings") < 1500:
        assert writer.poll() is None, writer.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    before_restart = team_db.scalar("SELECT array_agg(sighting_id::text) FROM kpa.sightings")
    team_db.server.restart()
    result = _finish(writer)
    assert result["written"] == 10000
    assert result["reconnects"] >= 1
    assert any("connection to the team database was lost" in r for r in result["reports"]), result["reports"]
    assert any("Reconnected" in r for r in result["reports"])
    assert team_db.scalar("SELECT count(*) FROM kpa.sightings") == 10000
    assert team_db.scalar("SELECT count(DISTINCT sighting_id) FROM kpa.sightings") == 10000
    assert team_db.scalar("SELECT count(*) FROM kpa.sighting_sources") == 10000
    assert team_db.scalar("SELECT count(*) FROM kpa.sightings WHERE sighting_id = ANY(%s::uuid[])",
                          (before_restart,)) == len(before_restart)
    print("reports: {}".format(result["reports"]))


def test_lost_connection_is_a_readable_error(team_db):
    conn = team_db.connect("analyst")
    other = team_db.connect()
    try:
        with other.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", (conn.get_backend_pid(),))
        other.commit()
        with pytest.raises(tdb.TeamConnectionError, match=r"connection to the team database was lost; the 2 "
                                                          r"sighting\(s\) being written were not saved"):
            team_store.add_sightings(conn, sample_items(2, 30), now=NOW)
    finally:
        conn.close()
        other.close()

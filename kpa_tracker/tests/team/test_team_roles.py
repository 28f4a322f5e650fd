"""Team roles enforced by PostgreSQL itself: each login tries what it must not do."""

import uuid

import psycopg2
import pytest

from kpa_tracker.core.team import connection as tdb
from kpa_tracker.core.team import store as team_store
from kpa_tracker.core.domain.records import StorageError
from kpa_tracker.tests.team.pg_fixtures import LOGINS
from kpa_tracker.tests.team.team_writer import NOW, sample_items

REFUSED = (psycopg2.errors.InsufficientPrivilege,)


def _add(db, who, seed):
    conn = db.connect(who)
    try:
        return team_store.add_sighting(conn, *sample_items(1, seed)[0], now=NOW).sighting_id
    finally:
        conn.close()


def _try(db, who, sql, parameters=()):
    """Run one statement as `who`; returns the row count, or raises what the database said."""
    conn = db.connect(who)
    try:
        with conn.cursor() as cursor:
            cursor.execute(sql, parameters)
            count = cursor.rowcount
        conn.commit()
        return count
    finally:
        conn.close()


def _row(db, sighting_id):
    conn = db.connect()
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT description, review_status, row_version, owner_role, last_changed_by "
                           "FROM kpa.sightings WHERE sighting_id = %s", (sighting_id,))
            return cursor.fetchone()
    finally:
        conn.close()


@pytest.fixture
def rows(team_db):
    """One sighting owned by each analyst."""
    return {"analyst": _add(team_db, "analyst", 1), "analyst2": _add(team_db, "analyst2", 2)}


def test_logins_need_their_real_password(team_db):
    conn = team_db.connect("reader")
    conn.close()
    with pytest.raises(psycopg2.OperationalError, match="password authentication failed"):
        team_db.server.connect(team_db.name, LOGINS["reader"][0], "wrong password")
    with pytest.raises(tdb.TeamConnectionError, match="password authentication failed") as caught:
        tdb.connect_dsn(team_db.server.dsn(team_db.name, LOGINS["analyst"][0], "not-it"))
    assert "not-it" not in str(caught.value)


def test_rows_belong_to_the_login_that_added_them(team_db, rows):
    assert _row(team_db, rows["analyst"])[3] == LOGINS["analyst"][0]
    assert _row(team_db, rows["analyst2"])[3] == LOGINS["analyst2"][0]
    assert _row(team_db, rows["analyst"])[2] == 1


def test_reader_reads_and_may_change_nothing(team_db, rows):
    conn = team_db.connect("reader")
    try:
        assert team_store.count_sightings(conn) == (2, 2)
    finally:
        conn.close()
    sighting_id = rows["analyst"]
    with pytest.raises(StorageError, match="refused .* permission denied"):  # through the plugin's writer
        _add(team_db, "reader", 5)
    with pytest.raises(REFUSED):
        _try(team_db, "reader", "UPDATE kpa.sightings SET description = 'x', row_version = row_version + 1 "
                                "WHERE sighting_id = %s", (sighting_id,))
    with pytest.raises(REFUSED):
        _try(team_db, "reader", "DELETE FROM kpa.sightings WHERE sighting_id = %s", (sighting_id,))
    with pytest.raises(REFUSED):
        _try(team_db, "reader", "DELETE FROM kpa.sighting_sources")
    assert _row(team_db, sighting_id)[:3] == ("sighting 0 of writer 1", "unreviewed", 1)
    assert team_db.scalar("SELECT count(*) FROM kpa.sighting_sources") == 2


def test_analyst_edits_own_rows_only(team_db, rows):
    mine, theirs = rows["analyst"], rows["analyst2"]
    assert _try(team_db, "analyst", "UPDATE kpa.sightings SET description = 'mine, edited', "
                                    "row_version = row_version + 1 WHERE sighting_id = %s", (mine,)) == 1
    assert _row(team_db, mine)[:3] == ("mine, edited", "unreviewed", 2)
    assert _row(team_db, mine)[4] == LOGINS["analyst"][0]
    with pytest.raises(REFUSED, match="KPA-REFUSED: sighting .* belongs to kpa_t_analyst2; others may change"):
        _try(team_db, "analyst", "UPDATE kpa.sightings SET description = 'not mine', "
                                 "row_version = row_version + 1 WHERE sighting_id = %s", (theirs,))
    with pytest.raises(REFUSED, match="KPA-REFUSED: the owner of sighting"):
        _try(team_db, "analyst", "UPDATE kpa.sightings SET description = 'taken', owner_role = current_user, "
                                 "row_version = row_version + 1 WHERE sighting_id = %s", (theirs,))
    with pytest.raises(REFUSED, match="KPA-REFUSED: sighting .* belongs to kpa_t_analyst2"):
        _try(team_db, "analyst", "DELETE FROM kpa.sightings WHERE sighting_id = %s", (theirs,))
    with pytest.raises(psycopg2.Error, match="row-level security"):
        _try(team_db, "analyst", "INSERT INTO kpa.sighting_sources (source_id, sighting_id, url, publisher) "
                                 "VALUES (%s, %s, 'https://example.org/x', 'x')", (str(uuid.uuid4()), theirs))
    assert _row(team_db, theirs)[:4] == ("sighting 0 of writer 2", "unreviewed", 1, LOGINS["analyst2"][0])
    # deleting their own row takes its sources with it
    assert _try(team_db, "analyst", "DELETE FROM kpa.sightings WHERE sighting_id = %s", (mine,)) == 1
    assert team_db.scalar("SELECT count(*) FROM kpa.sighting_sources WHERE sighting_id = %s", (mine,)) == 0


def test_analyst_cannot_add_rows_for_someone_else(team_db):
    sighting, sources = sample_items(1, 9)[0]
    conn = team_db.connect("analyst")
    try:
        record = team_store.clean_items([(sighting, sources)], now=NOW)[0]
        team_store.insert_records(conn, [record])
        with conn.cursor() as cursor:
            with pytest.raises(REFUSED, match="the owner of sighting .* cannot be changed"):
                cursor.execute("UPDATE kpa.sightings SET owner_role = 'kpa_t_analyst2', "
                               "row_version = row_version + 1")
        conn.rollback()
        with conn.cursor() as cursor:
            with pytest.raises(psycopg2.Error, match="row-level security"):
                cursor.execute("INSERT INTO kpa.sightings (geom, sighting_id, unit_as_reported, observed_at, "
                               "time_precision, geo_precision, source_reliability, info_credibility, claim_status, "
                               "analyst, owner_role) VALUES (ST_SetSRID(ST_MakePoint(126, 39), 4326), %s, 'x', "
                               "now(), 1, 1, 'B', 2, 'reported', 'kim', 'kpa_t_analyst2')", (str(uuid.uuid4()),))
        conn.rollback()
    finally:
        conn.close()
    assert team_db.scalar("SELECT count(*) FROM kpa.sightings") == 0


def test_analyst_cannot_set_review_status(team_db, rows):
    mine = rows["analyst"]
    with pytest.raises(REFUSED, match="only a reviewer may set the review status"):
        _try(team_db, "analyst", "UPDATE kpa.sightings SET review_status = 'reviewed', "
                                 "row_version = row_version + 1 WHERE sighting_id = %s", (mine,))
    sighting, sources = sample_items(1, 11)[0]
    sighting["review_status"] = "reviewed"
    conn = team_db.connect("analyst")
    try:
        with pytest.raises(StorageError, match="only a reviewer may add a sighting with review status 'reviewed'"):
            team_store.add_sighting(conn, sighting, sources, now=NOW)
    finally:
        conn.close()
    assert _row(team_db, mine)[1:3] == ("unreviewed", 1)
    assert team_db.scalar("SELECT count(*) FROM kpa.sightings") == 2


def test_reviewer_changes_review_status_only(team_db, rows):
    theirs = rows["analyst"]
    assert _try(team_db, "reviewer", "UPDATE kpa.sightings SET review_status = 'reviewed', "
                                     "row_version = row_version + 1 WHERE sighting_id = %s", (theirs,)) == 1
    assert _row(team_db, theirs)[:5] == ("sighting 0 of writer 1", "reviewed", 2, LOGINS["analyst"][0],
                                         LOGINS["reviewer"][0])
    with pytest.raises(REFUSED, match="others may change only its review status"):
        _try(team_db, "reviewer", "UPDATE kpa.sightings SET description = 'reviewer rewrote it', "
                                  "row_version = row_version + 1 WHERE sighting_id = %s", (theirs,))
    with pytest.raises(REFUSED, match="others may change only its review status"):
        _try(team_db, "reviewer", "UPDATE kpa.sightings SET review_status = 'rejected', geom = "
                                  "ST_SetSRID(ST_MakePoint(0, 0), 4326), row_version = row_version + 1 "
                                  "WHERE sighting_id = %s", (theirs,))
    with pytest.raises(REFUSED, match="only they may delete it"):
        _try(team_db, "reviewer", "DELETE FROM kpa.sightings WHERE sighting_id = %s", (theirs,))
    assert _row(team_db, theirs)[:3] == ("sighting 0 of writer 1", "reviewed", 2)
    # a reviewer is an analyst too: adds and edits their own
    own = _add(team_db, "reviewer", 12)
    assert _try(team_db, "reviewer", "UPDATE kpa.sightings SET description = 'own', review_status = 'reviewed', "
                                     "row_version = row_version + 1 WHERE sighting_id = %s", (own,)) == 1


def test_create_login_only_into_team_roles(team_db):
    with pytest.raises(psycopg2.Error, match="is not a team role"):
        _try(team_db, "admin", "SELECT kpa.create_login('kpa_t_bad', 'pw', 'pg_read_server_files')")
    with pytest.raises(REFUSED):
        _try(team_db, "analyst", "SELECT kpa.create_login('kpa_t_bad', 'pw', 'kpa_reviewer')")
    assert team_db.scalar("SELECT count(*) FROM pg_roles WHERE rolname = 'kpa_t_bad'") == 0
    _try(team_db, "admin", "SELECT kpa.create_login('kpa_t_new', 'a long password', 'kpa_reader')")
    try:
        conn = team_db.server.connect(team_db.name, "kpa_t_new", "a long password")
        with conn.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM kpa.sightings")
            assert cursor.fetchone()[0] == 0
        conn.close()
    finally:
        _try(team_db, "admin", "DROP ROLE kpa_t_new")

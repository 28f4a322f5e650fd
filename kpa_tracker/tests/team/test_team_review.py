"""A review stays true to what was reviewed (team schema version 3), enforced by the database."""

import psycopg2
import pytest

from kpa_tracker.tests.team.test_team_roles import REFUSED, _add, _try

VERSION_OF = "SELECT row_version, review_status FROM kpa.sightings WHERE sighting_id = %s"


def _state(db, sighting_id):
    conn = db.connect()
    try:
        with conn.cursor() as cursor:
            cursor.execute(VERSION_OF, (sighting_id,))
            return cursor.fetchone()
    finally:
        conn.close()


def _review(db, sighting_id):
    assert _try(db, "reviewer", "UPDATE kpa.sightings SET review_status = 'reviewed', row_version = row_version + 1 "
                                "WHERE sighting_id = %s", (sighting_id,)) == 1


def test_an_owner_changing_a_reviewed_sighting_sends_it_back_for_review(team_db):
    sighting_id = _add(team_db, "analyst", 1)
    _review(team_db, sighting_id)
    assert _state(team_db, sighting_id) == (2, "reviewed")
    _try(team_db, "analyst", "UPDATE kpa.sightings SET description = 'rewritten after review', "
                             "row_version = 3 WHERE sighting_id = %s", (sighting_id,))
    assert _state(team_db, sighting_id) == (3, "unreviewed")


def test_changing_the_sources_of_a_reviewed_sighting_sends_it_back_and_raises_its_version(team_db):
    sighting_id = _add(team_db, "analyst", 2)
    _review(team_db, sighting_id)
    _try(team_db, "analyst", "INSERT INTO kpa.sighting_sources (source_id, sighting_id, url, publisher) "
                             "VALUES (gen_random_uuid(), %s, 'https://example.org/new', 'New outlet')", (sighting_id,))
    assert _state(team_db, sighting_id) == (3, "unreviewed")
    _review(team_db, sighting_id)
    _try(team_db, "analyst", "UPDATE kpa.sighting_sources SET notes = 'changed' WHERE sighting_id = %s",
         (sighting_id,))
    assert _state(team_db, sighting_id) == (5, "unreviewed")


def test_a_reviewer_adding_a_source_keeps_the_review(team_db):
    sighting_id = _add(team_db, "reviewer", 3)
    _review(team_db, sighting_id)
    _try(team_db, "reviewer", "INSERT INTO kpa.sighting_sources (source_id, sighting_id, url, publisher) "
                              "VALUES (gen_random_uuid(), %s, 'https://example.org/r', 'Outlet')", (sighting_id,))
    assert _state(team_db, sighting_id) == (2, "reviewed")


def test_a_non_reviewer_may_only_send_a_sighting_back_for_review(team_db):
    sighting_id = _add(team_db, "analyst", 4)
    _review(team_db, sighting_id)
    _try(team_db, "analyst", "UPDATE kpa.sightings SET review_status = 'unreviewed', row_version = 3 "
                             "WHERE sighting_id = %s", (sighting_id,))
    assert _state(team_db, sighting_id) == (3, "unreviewed")
    with pytest.raises(REFUSED, match="only a reviewer may set"):
        _try(team_db, "analyst", "UPDATE kpa.sightings SET review_status = 'reviewed', row_version = 4 "
                                 "WHERE sighting_id = %s", (sighting_id,))


def test_fid_never_changes_and_created_at_is_kept(team_db):
    sighting_id = _add(team_db, "analyst", 5)
    created = team_db.scalar("SELECT created_at FROM kpa.sightings WHERE sighting_id = %s", (sighting_id,))
    with pytest.raises(REFUSED, match="fid"):
        _try(team_db, "reviewer", "UPDATE kpa.sightings SET fid = fid + 1000, row_version = row_version + 1 "
                                  "WHERE sighting_id = %s", (sighting_id,))
    _try(team_db, "analyst", "UPDATE kpa.sightings SET created_at = '2001-01-01', description = 'x', "
                             "row_version = row_version + 1 WHERE sighting_id = %s", (sighting_id,))
    assert team_db.scalar("SELECT created_at FROM kpa.sightings WHERE sighting_id = %s", (sighting_id,)) == created


def test_an_update_without_a_version_is_told_so(team_db):
    sighting_id = _add(team_db, "analyst", 6)
    with pytest.raises(psycopg2.Error, match="based on version 0 or stated no version"):
        _try(team_db, "analyst", "UPDATE kpa.sightings SET description = 'no version' WHERE sighting_id = %s",
             (sighting_id,))


def test_the_owner_deletes_a_reviewed_sighting_with_its_sources(team_db):
    sighting_id = _add(team_db, "analyst", 7)
    _review(team_db, sighting_id)
    assert _try(team_db, "analyst", "DELETE FROM kpa.sightings WHERE sighting_id = %s", (sighting_id,)) == 1
    assert team_db.scalar("SELECT count(*) FROM kpa.sighting_sources WHERE sighting_id = %s", (sighting_id,)) == 0


def test_a_source_moved_to_another_sighting_sends_both_back_for_review(team_db):
    first, second = _add(team_db, "analyst", 8), _add(team_db, "analyst", 9)
    _review(team_db, first)
    _review(team_db, second)
    _try(team_db, "analyst", "UPDATE kpa.sighting_sources SET sighting_id = %s WHERE sighting_id = %s",
         (second, first))
    assert _state(team_db, first) == (3, "unreviewed") and _state(team_db, second) == (3, "unreviewed")

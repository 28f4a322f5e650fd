"""0, 0 ("Null Island") refused by the team database (schema version 5) for any client, with a sentence that
names the field, as the GeoPackage's trigger and the validator refuse it."""

import pytest

from kpa_tracker.core.domain.records import SightingValidationError
from kpa_tracker.core.team import store as team_store
from kpa_tracker.tests.team.team_writer import NOW, sample_items


def test_plain_sql_cannot_put_a_sighting_at_null_island(team_db):
    psycopg2 = pytest.importorskip("psycopg2")
    conn = team_db.connect("analyst")
    try:
        [record] = team_store.add_sightings(conn, sample_items(1, 170), now=NOW)
        with conn.cursor() as cursor:
            with pytest.raises(psycopg2.errors.CheckViolation) as refused:
                cursor.execute("UPDATE kpa.sightings SET geom = ST_SetSRID(ST_MakePoint(0, 0), 4326), "
                               "row_version = row_version + 1 WHERE sighting_id = %s", (record.sighting_id,))
        assert "Longitude (lon)" in str(refused.value) and "Null Island" in str(refused.value)
        conn.rollback()
        with conn.cursor() as cursor:  # a correction of the place, far from 0, 0: allowed
            cursor.execute("UPDATE kpa.sightings SET geom = ST_SetSRID(ST_MakePoint(35.33, 51.1), 4326), "
                           "row_version = row_version + 1 WHERE sighting_id = %s", (record.sighting_id,))
        conn.commit()
        with conn.cursor() as cursor:  # just inside the 2^-20 degree tolerance: refused too
            with pytest.raises(psycopg2.errors.CheckViolation):
                cursor.execute("UPDATE kpa.sightings SET geom = ST_SetSRID(ST_MakePoint(0.0000009, -0.0000009), "
                               "4326), row_version = row_version + 1 WHERE sighting_id = %s", (record.sighting_id,))
        conn.rollback()
        [stored] = team_store.read_sightings(conn)
        assert (stored.lon, stored.lat) == (35.33, 51.1)
    finally:
        conn.close()


def test_the_team_store_refuses_null_island_before_writing(team_db):
    conn = team_db.connect("analyst")
    try:
        items = sample_items(2, 171)
        items[1] = (dict(items[1][0], lon=0.0, lat=0.0), items[1][1])
        with pytest.raises(SightingValidationError, match="Null Island"):
            team_store.add_sightings(conn, items, now=NOW)
        assert team_store.count_sightings(conn) == (0, 0), "one transaction: nothing written"
    finally:
        conn.close()

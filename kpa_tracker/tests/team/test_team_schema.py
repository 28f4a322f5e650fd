"""The team schema on a real PostgreSQL: created, migrated forward with data intact, a newer one refused."""

import datetime

import pytest

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.domain import grading as G
from kpa_tracker.core.team import connection as tdb
from kpa_tracker.core.team import store as team_store
from kpa_tracker.tests.team.team_writer import NOW, sample_items


def _tables(db):
    return db.scalar("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM information_schema.tables "
                     "WHERE table_schema = 'kpa'")


def test_migrations_are_numbered_files():
    steps = tdb.migrations()
    assert [v for v, _p in steps] == [1, 2, 3, 4, 5]
    assert tdb.latest_version() == 5
    assert all(p.read_text(encoding="utf-8").strip() for _v, p in steps)


def test_empty_database_gets_the_latest_schema(empty_db):
    conn = empty_db.connect()
    try:
        assert tdb.schema_version(conn) == 0
        conn.rollback()
        assert tdb.ensure_schema(conn) == (0, 5)
        assert tdb.schema_version(conn) == 5
        conn.rollback()
        assert tdb.ensure_schema(conn) == (5, 5)  # a second time changes nothing
    finally:
        conn.close()
    assert _tables(empty_db) == "schema_version,sighting_sources,sightings"
    assert empty_db.scalar("SELECT count(*) FROM kpa.schema_version") == 5
    assert empty_db.scalar("SELECT type FROM geometry_columns WHERE f_table_schema = 'kpa'") == "POINT"
    assert empty_db.scalar("SELECT srid FROM geometry_columns WHERE f_table_schema = 'kpa'") == 4326
    assert empty_db.scalar("SELECT indexdef FROM pg_indexes WHERE indexname = 'sightings_geom'").endswith(
        "USING gist (geom)")
    assert empty_db.scalar("SELECT data_type FROM information_schema.columns WHERE table_schema = 'kpa' "
                           "AND table_name = 'sightings' AND column_name = 'observed_at'") == \
        "timestamp with time zone"


def _write_as_version_1(conn, records):
    """Rows as the plugin of schema version 1 wrote them (no row_version, sources without dataset fields)."""
    from psycopg2.extras import execute_values

    source_columns = ("source_id", "sighting_id", "url", "publisher", "published_at", "archive_url", "notes")
    with conn.cursor() as cursor:
        execute_values(cursor, "INSERT INTO kpa.sightings (geom, {}) VALUES %s".format(
            ", ".join(team_store.SIGHTING_INSERT_COLUMNS)),
            [(r.lon, r.lat) + tuple(getattr(r, c) for c in team_store.SIGHTING_INSERT_COLUMNS) for r in records],
            template="(ST_SetSRID(ST_MakePoint(%s, %s), 4326), {})".format(
                ", ".join(["%s"] * len(team_store.SIGHTING_INSERT_COLUMNS))))
        execute_values(cursor, "INSERT INTO kpa.sighting_sources ({}) VALUES %s".format(", ".join(source_columns)),
                       [(s.source_id, r.sighting_id, s.url, s.publisher, s.published_at, s.archive_url, s.notes)
                        for r in records for s in r.sources])
    conn.commit()


def _comparable(records):
    return sorted((r.sighting_id, round(r.lon, 9), round(r.lat, 9), r.observed_at, r.description, r.claim_status,
                   r.analyst, tuple(sorted(tuple(sorted(s.as_dict().items())) for s in r.sources)))
                  for r in records)


def test_version_1_with_data_migrates_with_the_data_intact(empty_db):
    conn = empty_db.connect()
    try:
        assert tdb.ensure_schema(conn, target=1) == (0, 1)
        assert tdb.schema_version(conn) == 1
        records = team_store.clean_items(sample_items(50, 7), now=NOW)
        _write_as_version_1(conn, records)
        assert tdb.ensure_schema(conn) == (1, 5)
        after = team_store.read_sightings(conn)
        with conn.cursor() as cursor:
            cursor.execute("SELECT min(row_version), max(row_version), count(*) FROM kpa.sightings")
            assert cursor.fetchone() == (1, 1, 50)
        conn.rollback()
    finally:
        conn.close()
    assert len(after) == 50
    assert _comparable(after) == _comparable(records)  # the new source fields are empty (None) in old rows
    assert all(s.dataset is None and s.record_id is None and s.original_url is None for r in after for s in r.sources)


def test_version_3_with_data_gains_the_dataset_source_fields(empty_db):
    conn = empty_db.connect()
    try:
        assert tdb.ensure_schema(conn, target=3) == (0, 3)
        records = team_store.clean_items(sample_items(20, 8), now=NOW)
        _write_as_version_1(conn, records)  # version 3's sources have the same columns as version 1's
        assert tdb.ensure_schema(conn) == (3, 5)
        after = team_store.read_sightings(conn)
        with conn.cursor() as cursor:
            cursor.execute("SELECT is_nullable FROM information_schema.columns WHERE table_schema = 'kpa' "
                           "AND table_name = 'sighting_sources' AND column_name = 'url'")
            assert cursor.fetchone()[0] == "YES"
        conn.rollback()
    finally:
        conn.close()
    assert _comparable(after) == _comparable(records)


def test_failed_migration_leaves_the_old_version_whole(empty_db, monkeypatch, tmp_path):
    conn = empty_db.connect()
    try:
        tdb.ensure_schema(conn, target=1)
        broken = tmp_path / "0002_broken.sql"
        broken.write_text("ALTER TABLE kpa.sightings ADD COLUMN half_done integer;\nSELECT no_such_function();\n")
        steps = tdb.migrations()[:1] + [(2, broken)]
        monkeypatch.setattr(tdb, "migrations", lambda: steps)
        with pytest.raises(Exception, match="no_such_function"):
            tdb.ensure_schema(conn)
        assert tdb.schema_version(conn) == 1
        conn.rollback()
    finally:
        conn.close()
    assert empty_db.scalar("SELECT count(*) FROM information_schema.columns WHERE column_name = 'half_done'") == 0


def test_newer_database_is_refused_and_untouched(team_db):
    db = team_db
    admin = db.connect()
    try:
        with admin.cursor() as cursor:
            cursor.execute("INSERT INTO kpa.schema_version (version) VALUES (99)")
        admin.commit()
        snapshot = db.scalar("SELECT md5(string_agg(version::text || applied_at::text, ',' ORDER BY version)) "
                             "FROM kpa.schema_version")
        with pytest.raises(tdb.TeamSchemaError, match=r"schema version 99, newer than this plugin"):
            tdb.ensure_schema(admin)
        with pytest.raises(tdb.TeamSchemaError, match="Nothing was changed"):
            tdb.check_schema(admin)
    finally:
        admin.close()
    assert db.scalar("SELECT md5(string_agg(version::text || applied_at::text, ',' ORDER BY version)) "
                     "FROM kpa.schema_version") == snapshot
    assert db.scalar("SELECT max(version) FROM kpa.schema_version") == 99


def test_map_class_trigger_matches_the_python_rule(team_db):
    conn = team_db.connect()
    combos = [(c, r, g, i) for c in ("confirmed", "claimed") for r in ("unreviewed", "rejected")
              for g in "ABEF" for i in (1, 3, 6)]
    try:
        items = []
        for claim, review, grade, cred in combos:
            sighting, sources = sample_items(1, 3)[0]
            sighting.update(claim_status=claim, review_status=review, source_reliability=grade,
                            info_credibility=cred)
            items.append((sighting, sources))
        records = team_store.add_sightings(conn, items, now=NOW)
        with conn.cursor() as cursor:
            cursor.execute("SELECT sighting_id::text, map_class FROM kpa.sightings")
            stored = dict(cursor.fetchall())
            # and on update, by any client
            cursor.execute("UPDATE kpa.sightings SET review_status = 'rejected', row_version = row_version + 1 "
                           "WHERE sighting_id = %s RETURNING map_class", (records[0].sighting_id,))
            assert cursor.fetchone()[0] == "rejected"
        conn.commit()
    finally:
        conn.close()
    assert len(stored) == len(combos)
    for record in records:
        assert stored[record.sighting_id] == G.map_class(record.claim_status, record.review_status,
                                                         record.source_reliability, record.info_credibility)


def test_times_are_timestamptz_in_utc(team_db):
    conn = team_db.connect()
    try:
        sighting, sources = sample_items(1, 4)[0]
        sighting["observed_at"] = "2024-11-03T14:20:00+09:00"
        record = team_store.add_sighting(conn, sighting, sources, now=NOW)
        stored = team_store.read_sightings(conn)[0]
    finally:
        conn.close()
    assert stored.observed_at == datetime.datetime(2024, 11, 3, 5, 20, tzinfo=datetime.timezone.utc)
    assert stored.observed_at == record.observed_at

"""Dataset-record sources and original posts in the team database (schema version 4): stored and read by
the plugin, held to the same rule as the GeoPackage for any client, and carried by transfers both ways."""

import pytest

from kpa_tracker.core.domain import fields as FLD
from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.team import store as team_store
from kpa_tracker.core.team import transfer as team_transfer
from kpa_tracker.tests.team.team_writer import NOW, sample_items

ACLED = {"dataset": "ACLED", "record_id": "UKR12345", "publisher": "Ukrainska Pravda; Yonhap",
         "published_at": "2024-12-11"}
QUOTE = {"url": "https://example.org/quote", "publisher": "An outlet", "original_url": "https://t.me/channel/42"}


def _items(count, seed):
    items = sample_items(count, seed)
    items[0] = (items[0][0], [dict(ACLED)])
    items[1] = (items[1][0], [dict(QUOTE), dict(ACLED, record_id="UKR777")])
    return items


def _cited(records):
    return sorted(tuple("" if v is None else v for v in (r.sighting_id, s.source_id, s.url, s.dataset, s.record_id,
                                                        s.original_url, s.publisher))
                  for r in records for s in r.sources)


def test_the_team_database_stores_and_reads_the_new_fields(team_db):
    conn = team_db.connect("analyst")
    try:
        records = team_store.add_sightings(conn, _items(3, 90), now=NOW)
        stored = team_store.read_sightings(conn)
    finally:
        conn.close()
    assert _cited(stored) == _cited(records)
    by_record = {s.record_id: s for r in stored for s in r.sources if s.dataset}
    assert by_record["UKR12345"].url is None and by_record["UKR12345"].publisher == "Ukrainska Pravda; Yonhap"
    assert [s.original_url for r in stored for s in r.sources if s.original_url] == ["https://t.me/channel/42"]


@pytest.mark.parametrize("values, constraint", [
    ({"url": None}, "source_needs_url_or_dataset_record"),
    ({"url": "  ", "dataset": "ACLED", "record_id": None}, "source_dataset_and_record_id_together"),
    ({"record_id": "UKR1"}, "source_dataset_and_record_id_together"),
    ({"original_url": "javascript:alert(1)"}, "source_original_url_is_a_web_address"),
    ({"original_url": "https://exa mple.org"}, "source_original_url_is_a_web_address"),
    ({"url": "file:///etc/passwd"}, "source_url_is_a_web_address"),
    ({"archive_url": "data:text/html,x"}, "source_archive_url_is_a_web_address"),
])
def test_any_client_is_held_to_the_rule(team_db, values, constraint):
    psycopg2 = pytest.importorskip("psycopg2")
    conn = team_db.connect("analyst")
    try:
        [record] = team_store.add_sightings(conn, sample_items(1, 91), now=NOW)
        row = {"source_id": "7d1c1d42-1111-4000-8000-000000000001", "sighting_id": record.sighting_id,
               "url": "https://example.org/ok", "publisher": "plain SQL", "dataset": None, "record_id": None,
               "original_url": None, "archive_url": None}
        row.update(values)
        sql = "INSERT INTO kpa.sighting_sources ({}) VALUES ({})".format(", ".join(row), ", ".join(["%s"] * len(row)))
        with conn.cursor() as cursor:
            with pytest.raises(psycopg2.errors.CheckViolation) as refused:
                cursor.execute(sql, list(row.values()))
        assert constraint in str(refused.value)
        conn.rollback()
        # a dataset record without a URL is what the rule allows
        row.update(url=None, dataset="ACLED", record_id="UKR1", original_url="https://t.me/c/1", archive_url=None)
        with conn.cursor() as cursor:
            cursor.execute(sql, list(row.values()))
        conn.commit()
        assert team_store.count_sightings(conn) == (1, 2)
    finally:
        conn.close()


def test_the_columns_explain_themselves_to_qgis(team_db):
    """QGIS shows a column's comment as the tooltip of its label in the form."""
    for name, hint in FLD.SOURCE_HINTS.items():
        assert team_db.scalar("SELECT col_description('kpa.sighting_sources'::regclass, attnum) FROM pg_attribute "
                              "WHERE attrelid = 'kpa.sighting_sources'::regclass AND attname = %s", (name,)) == hint


def test_dataset_sources_travel_to_the_team_and_back(team_db, tmp_path):
    local = tmp_path / "mine.gpkg"
    S.add_sightings(local, _items(6, 92), now=NOW)
    originals = S.read_sightings(local)
    conn = team_db.connect("analyst")
    try:
        report = team_transfer.to_team(local, conn, now=NOW)
        assert (report.copied, report.sources_copied) == (6, 7)
        assert _cited(team_store.read_sightings(conn)) == _cited(originals)
        back = tmp_path / "back.gpkg"
        team_transfer.to_local(conn, back, now=NOW)
    finally:
        conn.close()
    assert _cited(S.read_sightings(back)) == _cited(originals)

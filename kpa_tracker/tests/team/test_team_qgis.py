"""The team database through QGIS: connections with auth configurations, layers, editing with VersionGuard."""

import sys

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProviderRegistry
from qgis.PyQt.QtCore import QDateTime, Qt

from kpa_tracker.core.team import connection as tdb
from kpa_tracker.core.team import versioning as team_edit
from kpa_tracker.core.team import store as team_store
from kpa_tracker.tests.team.pg_fixtures import LOGINS
from kpa_tracker.tests.team.team_writer import NOW, sample_items
from kpa_tracker.tests.team.test_team_store import TRICKY_TEXTS


@pytest.fixture
def layers_of(qgis_connection):
    """Factory: (sightings, sources) layers of a team database for a login; deleted afterwards."""
    made = []

    def open_for(db, who="analyst"):
        pair = tdb.open_team_layers(qgis_connection(db, who))
        made.append(pair)
        return pair

    yield open_for
    for sightings, sources in made:
        for layer in (sightings, sources):
            if layer.isEditable():
                layer.rollBack()
    made.clear()


def _add(db, who, count, seed):
    conn = db.connect(who)
    try:
        return team_store.add_sightings(conn, sample_items(count, seed), now=NOW)
    finally:
        conn.close()


def _rows(db, sql, parameters=()):
    conn = db.connect()
    try:
        with conn.cursor() as cursor:
            cursor.execute(sql, parameters)
            return cursor.fetchall()
    finally:
        conn.close()


def test_connection_through_an_auth_configuration(team_db, qgis_connection):
    name = qgis_connection(team_db, "analyst")
    assert name in tdb.connection_names()
    conn = tdb.connect(name)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT current_user, current_setting('application_name')")
            assert cursor.fetchone() == (LOGINS["analyst"][0], "KPA Deployment Tracker")
        assert tdb.schema_version(conn) == tdb.latest_version()
    finally:
        conn.close()
    for table in ("sightings", "sighting_sources"):
        uri = tdb.layer_uri(name, table)
        assert "authcfg=" in uri
        assert "password" not in uri and "user=" not in uri
        assert team_db.passwords["analyst"] not in uri
        assert '"kpa"."{}"'.format(table) in uri


def test_plain_text_password_is_refused(team_db, qgis_connection):
    name = qgis_connection(team_db, "analyst", plain_password=True)
    with pytest.raises(tdb.TeamConnectionError, match="stores its password in plain text") as caught:
        tdb.connect(name)
    assert team_db.passwords["analyst"] not in str(caught.value)
    with pytest.raises(tdb.TeamConnectionError, match="plain text"):
        tdb.open_team_layers(name)
    with pytest.raises(tdb.TeamConnectionError, match="no PostgreSQL connection named 'nope'"):
        tdb.connect("nope")


def test_missing_psycopg2_says_how_to_install_it(monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg2", None)
    with pytest.raises(tdb.TeamError, match="apt install python3-psycopg2"):
        tdb.connect_dsn("host=127.0.0.1")


def test_open_team_layers_creates_the_schema(empty_db, qgis_connection):
    name = qgis_connection(empty_db, "admin")
    sightings, sources = tdb.open_team_layers(name)
    try:
        assert sightings.isValid() and sources.isValid()
        assert sightings.providerType() == "postgres"
        assert sightings.crs().authid() == "EPSG:4326"
        assert sightings.featureCount() == 0
        assert "row_version" in sightings.fields().names()
    finally:
        del sightings, sources
    assert empty_db.scalar("SELECT max(version) FROM kpa.schema_version") == tdb.latest_version()


def test_login_that_may_not_migrate_gets_a_clear_message(empty_db, qgis_connection):
    conn = empty_db.connect()
    try:
        tdb.ensure_schema(conn, target=1)
        with conn.cursor() as cursor:
            # version 1 has no roles yet: let the (cluster-wide) reader in to look
            cursor.execute("GRANT USAGE ON SCHEMA kpa TO kpa_reader; GRANT SELECT ON kpa.schema_version TO kpa_reader")
        conn.commit()
    finally:
        conn.close()
    with pytest.raises(tdb.TeamSchemaError, match="ask the database administrator"):
        tdb.open_team_layers(qgis_connection(empty_db, "reader"))
    assert empty_db.scalar("SELECT max(version) FROM kpa.schema_version") == 1


def test_newer_schema_is_refused_by_open_team_layers(team_db, qgis_connection):
    conn = team_db.connect()
    with conn.cursor() as cursor:
        cursor.execute("INSERT INTO kpa.schema_version (version) VALUES (%s)", (tdb.latest_version() + 1,))
    conn.commit()
    conn.close()
    with pytest.raises(tdb.TeamSchemaError, match="schema version {}, newer than this plugin".format(
            tdb.latest_version() + 1)):
        tdb.open_team_layers(qgis_connection(team_db, "admin"))


def test_text_round_trips_through_the_postgres_provider(team_db, layers_of):
    sightings, sources = layers_of(team_db, "analyst")
    fields = sightings.fields()
    features = []
    for number, text in enumerate(TRICKY_TEXTS):
        sighting, _sources = sample_items(1, 40 + number)[0]
        record = team_store.clean_items([(sighting, _sources)], now=NOW)[0]
        feature = QgsFeature(fields)
        for name in team_store.SIGHTING_INSERT_COLUMNS:
            value = getattr(record, name)
            feature[name] = QDateTime(value.year, value.month, value.day, value.hour, value.minute) \
                if name.endswith("_at") else value
        feature.setAttribute(fields.indexFromName("fid"), None)
        feature["description"] = text
        feature["location_name"] = text
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(record.lon, record.lat)))
        features.append(feature)
    ok, _added = sightings.dataProvider().addFeatures(features)
    assert ok, sightings.dataProvider().lastError()
    stored = dict(_rows(team_db, "SELECT description, location_name FROM kpa.sightings"))
    assert sorted(stored) == sorted(TRICKY_TEXTS)
    assert all(stored[text] == text for text in TRICKY_TEXTS)
    assert {r[0] for r in _rows(team_db, "SELECT owner_role FROM kpa.sightings")} == {LOGINS["analyst"][0]}
    # changing through the provider, with the version stated
    by_text = {f["description"]: f for f in sightings.getFeatures()}
    description = fields.indexFromName("description")
    version = fields.indexFromName("row_version")
    changes = {by_text[text].id(): {description: text + " — edited ''; --", version: 2} for text in TRICKY_TEXTS}
    assert sightings.dataProvider().changeAttributeValues(changes), sightings.dataProvider().lastError()
    stored = sorted(r[0] for r in _rows(team_db, "SELECT description FROM kpa.sightings"))
    assert stored == sorted(text + " — edited ''; --" for text in TRICKY_TEXTS)
    assert _rows(team_db, "SELECT DISTINCT row_version FROM kpa.sightings") == [(2,)]
    # and read back through QGIS exactly
    assert sorted(f["description"] for f in sightings.getFeatures()) == stored


def test_version_guard_states_versions_and_reports_conflicts(team_db, layers_of):
    records = _add(team_db, "analyst", 3, 50)
    sightings, _sources = layers_of(team_db, "analyst")
    guard = team_edit.VersionGuard(sightings)
    by_id = {f["sighting_id"]: f.id() for f in sightings.getFeatures()}
    first, second, third = (by_id[r.sighting_id] for r in records)
    description = sightings.fields().indexFromName("description")
    assert sightings.startEditing()
    assert guard.base_version(first) == 1

    # a plain edit is committed as version 2
    sightings.changeAttributeValue(first, description, "first edit")
    assert guard.commit(), sightings.commitErrors()
    assert _rows(team_db, "SELECT row_version, description FROM kpa.sightings WHERE sighting_id = %s",
                 (records[0].sighting_id,)) == [(2, "first edit")]
    assert guard.base_version(first) == 2

    # someone else saves the first and second sightings while I edit all three
    sightings.changeAttributeValue(first, description, "mine 1")
    sightings.changeAttributeValue(second, description, "mine 2")
    sightings.changeGeometry(third, QgsGeometry.fromPointXY(QgsPointXY(126.5, 39.5)))
    other = team_db.connect("analyst")
    with other.cursor() as cursor:
        cursor.execute("UPDATE kpa.sightings SET description = 'theirs 1', location_name = 'their place', "
                       "row_version = row_version + 1 WHERE sighting_id = %s", (records[0].sighting_id,))
        cursor.execute("UPDATE kpa.sightings SET description = 'theirs 2', row_version = row_version + 1 "
                       "WHERE sighting_id = %s", (records[1].sighting_id,))
    other.commit()
    other.close()
    assert not guard.commit()
    assert team_edit.is_conflict_error(sightings.commitErrors())
    # nothing of mine was written, and nothing is lost from the buffer
    buffer = sightings.editBuffer()
    assert buffer.changedAttributeValues()[first][description] == "mine 1"
    assert buffer.changedAttributeValues()[second][description] == "mine 2"
    assert third in buffer.changedGeometries()
    assert _rows(team_db, "SELECT description, row_version FROM kpa.sightings ORDER BY fid") == [
        ("theirs 1", 3), ("theirs 2", 2), ("sighting 2 of writer 50", 1)]

    conflicts = {c.fid: c for c in guard.conflicts()}
    assert sorted(conflicts) == sorted([first, second])
    one = conflicts[first]
    assert (one.sighting_id, one.base_version, one.their_version, one.changed_by) == (
        records[0].sighting_id, 2, 3, LOGINS["analyst"][0])
    fields = {f.name: f for f in one.fields}
    assert (fields["description"].base, fields["description"].theirs, fields["description"].mine) == (
        "first edit", "theirs 1", "mine 1")
    assert fields["description"].clash
    assert fields["location_name"].they_changed and not fields["location_name"].i_changed
    assert not fields["location_name"].clash
    assert "theirs 1" not in str(one) and "changed by kpa_t_analyst" in str(one)

    guard.keep_mine(conflicts[first])
    guard.take_theirs(conflicts[second])
    assert guard.commit(), sightings.commitErrors()
    assert _rows(team_db, "SELECT description, location_name, row_version FROM kpa.sightings ORDER BY fid") == [
        ("mine 1", "their place", 4), ("theirs 2", records[1].location_name, 2),
        ("sighting 2 of writer 50", records[2].location_name, 2)]
    assert _rows(team_db, "SELECT ST_AsText(geom) FROM kpa.sightings WHERE sighting_id = %s",
                 (records[2].sighting_id,)) == [("POINT(126.5 39.5)",)]
    assert guard.conflicts() == []
    assert sightings.commitChanges()
    guard.detach()


def test_version_guard_reports_a_sighting_deleted_meanwhile(team_db, layers_of):
    records = _add(team_db, "analyst", 2, 60)
    sightings, _sources = layers_of(team_db, "analyst")
    guard = team_edit.VersionGuard(sightings)
    sightings.startEditing()
    fid = next(f.id() for f in sightings.getFeatures() if f["sighting_id"] == records[0].sighting_id)
    sightings.changeAttributeValue(fid, sightings.fields().indexFromName("description"), "mine")
    conn = team_db.connect("analyst")
    with conn.cursor() as cursor:
        cursor.execute("DELETE FROM kpa.sightings WHERE sighting_id = %s", (records[0].sighting_id,))
    conn.commit()
    conn.close()
    assert not guard.commit()
    conflicts = guard.conflicts()
    assert [(c.fid, c.deleted, c.sighting_id) for c in conflicts] == [(fid, True, records[0].sighting_id)]
    assert [(f.name, f.mine) for f in conflicts[0].fields] == [("description", "mine")]
    assert "deleted by someone else" in str(conflicts[0])
    sightings.rollBack()
    guard.detach()


def test_guard_refuses_a_layer_without_versions(qgis_app):
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "plain", "memory")
    with pytest.raises(ValueError, match="no row_version field"):
        team_edit.VersionGuard(layer)
    del layer
    assert QgsProviderRegistry.instance().providerMetadata("postgres") is not None
    assert Qt.TimeSpec.UTC is not None

"""The sightings GeoPackage refuses, by itself, what the form refuses: QGIS's own attribute table and
field calculator, and another program on the file, are held to the same rules (domain/rules_sql.py)."""

import sqlite3

import pytest
from qgis.core import QgsVectorLayer
from qgis.PyQt.QtCore import QDateTime, Qt

from kpa_tracker.core.domain import rules_sql
from kpa_tracker.core.domain.grading import CLAIM_STATUS, INFO_CREDIBILITY, SOURCE_RELIABILITY, codes
from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.sightings import layers as L
from kpa_tracker.tests.sightings.test_sightings_core import NOW, plain_client, sighting, source


@pytest.fixture
def stored(tmp_path):
    gpkg = tmp_path / "sightings.gpkg"
    record = S.add_sighting(gpkg, sighting(), [source()], now=NOW)
    return gpkg, record


def _qgis_layers(gpkg):
    sightings = QgsVectorLayer(L.sightings_uri(gpkg), "sightings", "ogr")
    sources = QgsVectorLayer(L.sources_uri(gpkg), "sources", "ogr")
    assert sightings.isValid() and sources.isValid()
    return sightings, sources


def _stored_value(gpkg, sql):
    return sqlite3.connect(str(gpkg)).execute(sql).fetchone()[0]


def test_qgis_attribute_table_cannot_store_a_future_observed_time(stored):
    gpkg, _record = stored
    before = _stored_value(gpkg, "SELECT observed_at FROM sightings")
    sightings, _sources = _qgis_layers(gpkg)
    feature = next(sightings.getFeatures())
    sightings.startEditing()
    index = sightings.fields().indexOf("observed_at")
    assert sightings.changeAttributeValue(feature.id(), index,
                                          QDateTime.fromString("2030-01-01T00:00:00Z", Qt.DateFormat.ISODate))
    assert not sightings.commitChanges()
    assert "observed_at" in " ".join(sightings.commitErrors())
    sightings.rollBack()
    assert _stored_value(gpkg, "SELECT observed_at FROM sightings") == before


def test_qgis_cannot_delete_the_last_source_of_a_sighting(stored):
    gpkg, _record = stored
    _sightings, sources = _qgis_layers(gpkg)
    sources.startEditing()
    assert sources.deleteFeature(next(sources.getFeatures()).id())
    assert not sources.commitChanges()
    assert "at least one source" in " ".join(sources.commitErrors())
    sources.rollBack()
    assert S.count_sightings(gpkg) == (1, 1)


def test_a_second_source_may_go_but_not_the_last(stored):
    gpkg, record = stored
    connection = plain_client(gpkg)
    connection.execute("INSERT INTO sighting_sources (source_id, sighting_id, url, publisher) VALUES "
                       "('9b2f7d7e-1a34-4d43-9a49-0b3e1f2b6a11', ?, 'https://example.org/two', 'Two')",
                       (record.sighting_id,))
    connection.execute("DELETE FROM sighting_sources WHERE url = 'https://example.org/two'")
    with pytest.raises(sqlite3.IntegrityError, match="at least one source"):
        connection.execute("DELETE FROM sighting_sources")
    with pytest.raises(sqlite3.IntegrityError, match="at least one source"):
        connection.execute("UPDATE sighting_sources SET sighting_id = 'somewhere-else'")
    assert S.count_sightings(gpkg) == (1, 1)


def test_deleting_a_sighting_still_takes_its_sources(stored):
    gpkg, _record = stored
    sightings, _sources = _qgis_layers(gpkg)
    sightings.startEditing()
    assert sightings.deleteFeature(next(sightings.getFeatures()).id())
    assert sightings.commitChanges(), sightings.commitErrors()
    assert S.count_sightings(gpkg) == (0, 0)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "file:///etc/passwd", "example.org/page",
                                 "https://exa mple.org", "ftp://example.org/x"])
def test_qgis_field_calculator_cannot_store_a_link_that_is_not_http(stored, url):
    gpkg, _record = stored
    _sightings, sources = _qgis_layers(gpkg)
    sources.startEditing()
    feature = next(sources.getFeatures())
    sources.changeAttributeValue(feature.id(), sources.fields().indexOf("url"), url)
    assert not sources.commitChanges()
    assert "url" in " ".join(sources.commitErrors())
    sources.rollBack()
    assert _stored_value(gpkg, "SELECT url FROM sighting_sources") == source()["url"]


@pytest.mark.parametrize("column, value", [("source_reliability", "G"), ("info_credibility", 7),
                                           ("info_credibility", 0), ("claim_status", "rumoured"),
                                           ("time_precision", 9), ("review_status", "approved")])
def test_another_program_cannot_store_a_grade_or_status_out_of_range(stored, column, value):
    gpkg, _record = stored
    connection = plain_client(gpkg)
    with pytest.raises(sqlite3.IntegrityError, match=column):
        connection.execute('UPDATE sightings SET "{}" = ?'.format(column), (value,))


def test_every_value_the_python_rules_accept_the_triggers_accept_too(stored):
    """The SQL is generated from the same scales: each accepted code is stored, and map_class follows."""
    gpkg, _record = stored
    connection = plain_client(gpkg)
    for letter in codes(SOURCE_RELIABILITY):
        for number in codes(INFO_CREDIBILITY):
            for status in codes(CLAIM_STATUS):
                connection.execute("UPDATE sightings SET source_reliability = ?, info_credibility = ?, "
                                   "claim_status = ?", (letter, number, status))
    assert _stored_value(gpkg, "SELECT source_reliability || info_credibility FROM sightings") == "F6"


def test_the_rules_need_no_plugin_code_they_are_in_the_file(stored):
    gpkg, _record = stored
    names = {row[0] for row in sqlite3.connect(str(gpkg)).execute(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    assert set(rules_sql.RULE_TRIGGERS) <= names


def test_a_sighting_qgis_stores_without_sources_is_flagged(stored):
    """SQLite cannot refuse a new sighting that never gets a source (no deferred triggers): it is listed."""
    gpkg, record = stored
    sightings, _sources = _qgis_layers(gpkg)
    sightings.startEditing()
    copy = next(sightings.getFeatures())
    copy.setAttribute("fid", None)
    copy.setAttribute("sighting_id", "0f6d1d0e-2b7a-4c59-8f0a-5a1e3c7b9d21")
    assert sightings.addFeature(copy)
    assert sightings.commitChanges(), sightings.commitErrors()
    assert S.sightings_without_sources(gpkg) == ["0f6d1d0e-2b7a-4c59-8f0a-5a1e3c7b9d21"]
    assert record.sighting_id not in S.sightings_without_sources(gpkg)

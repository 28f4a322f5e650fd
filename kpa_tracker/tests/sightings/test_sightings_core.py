"""Sightings storage: schema, validation, one transaction per sighting, two writers, SIGKILL, attachments."""

import datetime
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QDateTime, Qt

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.curated import store as CS
from kpa_tracker.core.domain import fields as FLD
from kpa_tracker.core.domain import grading as G
from kpa_tracker.core.domain import records as R
from kpa_tracker.core.domain import times as T
from kpa_tracker.core.domain import validation as V
from kpa_tracker.core.sightings import attachments as A
from kpa_tracker.core.sightings import layers as L
from kpa_tracker.toolbelt.compat import NULL_GEOMETRY, POINT_GEOMETRY
from kpa_tracker.toolbelt.gpkg import create_table
from kpa_tracker.core.sightings.html import escaped_expression, map_tip_template, sighting_html, sources_html

ROOT = Path(__file__).resolve().parents[3]
NOW = datetime.datetime(2024, 12, 20, 12, 0, tzinfo=datetime.timezone.utc)


def plain_client(gpkg) -> sqlite3.Connection:
    """Another program on the file: plain sqlite3 with the two SQL functions every SpatiaLite or GDAL
    client has (GDAL's R-tree triggers name them), and none of the plugin's code."""
    connection = sqlite3.connect(str(gpkg), isolation_level=None)
    connection.create_function("ST_IsEmpty", 1, lambda blob: 0 if blob else 1)
    for name in ("ST_MinX", "ST_MaxX", "ST_MinY", "ST_MaxY"):
        connection.create_function(name, 1, lambda blob: 0.0)
    return connection


def sighting(**overrides):
    values = {
        "lon": 35.27, "lat": 51.19, "observed_at": "2024-12-10T08:30:00Z", "time_precision": 1,
        "geo_precision": 2, "location_name": "Sudzha", "source_reliability": "B", "info_credibility": 2,
        "claim_status": "reported", "unit_as_reported": "KPA 94th brigade", "description": "Column seen",
    }
    values.update(overrides)
    return values


def source(**overrides):
    values = {"url": "https://example.org/report", "publisher": "Example News", "published_at": "2024-12-11"}
    values.update(overrides)
    return values


def problems_of(values, sources):
    _record, problems = V.clean_sighting(values, sources, now=NOW)
    return problems


def messages(values, sources):
    return [str(p) for p in problems_of(values, sources)]


# --- schema ----------------------------------------------------------------------------------

def test_schema_is_created_on_first_use_with_the_designed_fields(tmp_path):
    gpkg = tmp_path / "workspace.gpkg"
    S.ensure_schema(gpkg)
    sightings = QgsVectorLayer(L.sightings_uri(gpkg), "s", "ogr")
    sources = QgsVectorLayer(L.sources_uri(gpkg), "s", "ogr")
    assert sightings.isValid() and sources.isValid()
    assert sightings.crs().authid() == "EPSG:4326"
    assert sightings.geometryType() == POINT_GEOMETRY
    assert sources.geometryType() == NULL_GEOMETRY
    assert sightings.fields().names() == ["fid"] + list(FLD.SIGHTING_COLUMNS) + ["map_class"]
    assert sources.fields().names() == ["fid"] + list(FLD.SOURCE_COLUMNS)
    types = {f.name(): f.typeName() for f in sightings.fields()}
    assert types["observed_at"].lower() == "datetime" and types["created_at"].lower() == "datetime"
    connection = sqlite3.connect(str(gpkg))
    unique = connection.execute("SELECT sql FROM sqlite_master WHERE name = 'sightings_sighting_id_unique'").fetchone()
    assert unique and "UNIQUE" in unique[0]
    assert connection.execute("PRAGMA application_id").fetchone()[0] == 0x47504B47  # 'GPKG'
    connection.close()
    S.ensure_schema(gpkg)  # a second call changes nothing
    assert S.count_sightings(gpkg) == (0, 0)


def test_schema_joins_an_existing_workspace_without_touching_its_tables(tmp_path):
    from qgis.core import QgsFeature, QgsField, QgsFields, QgsGeometry, QgsPointXY, QgsWkbTypes
    from kpa_tracker.toolbelt.compat import FIELD_STRING
    gpkg = tmp_path / "workspace.gpkg"
    fields = QgsFields()
    fields.append(QgsField("id", FIELD_STRING))
    fields.append(QgsField("name", FIELD_STRING))
    row = QgsFeature(fields)
    row["id"], row["name"] = "kpa-94", "94th brigade"
    row.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(35.2, 51.2)))
    create_table(gpkg, "curated_units", fields, QgsWkbTypes.Point, [row])
    S.ensure_schema(gpkg)
    units = QgsVectorLayer("{}|layername=curated_units".format(gpkg), "u", "ogr")
    assert [f["id"] for f in units.getFeatures()] == ["kpa-94"]
    record = S.add_sighting(gpkg, sighting(unit_id="kpa-94"), [source()], now=NOW,
                            known_units=CS.known_unit_ids(gpkg))
    assert record.unit_id == "kpa-94"
    assert CS.known_unit_ids(gpkg) == {"kpa-94"}
    connection = sqlite3.connect(str(gpkg))
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    tables = {r[0] for r in connection.execute("SELECT table_name FROM gpkg_contents")}
    assert {"curated_units", "sightings", "sighting_sources"} <= tables
    connection.close()


def test_admiralty_labels_are_written_out():
    assert dict(G.SOURCE_RELIABILITY) == {
        "A": "Completely reliable", "B": "Usually reliable", "C": "Fairly reliable",
        "D": "Not usually reliable", "E": "Unreliable", "F": "Reliability cannot be judged"}
    assert dict(G.INFO_CREDIBILITY) == {
        1: "Confirmed by other sources", 2: "Probably true", 3: "Possibly true", 4: "Doubtful",
        5: "Improbable", 6: "Truth cannot be judged"}


# --- validation ----------------------------------------------------------------------------------

def test_a_good_sighting_is_normalised():
    record, problems = V.clean_sighting(
        sighting(source_reliability="b - Usually reliable", info_credibility="2 Probably true",
                 claim_status="Reported", observed_at="2024-12-10 11:30+03:00"),
        [source(url=" https://example.org/a ")], now=NOW)
    assert problems == []
    assert record.source_reliability == "B" and record.info_credibility == 2 and record.claim_status == "reported"
    assert record.observed_at == datetime.datetime(2024, 12, 10, 8, 30, tzinfo=datetime.timezone.utc)
    assert record.review_status == "unreviewed"
    assert record.analyst and record.created_at == NOW
    assert len(record.sighting_id) == 36 and record.sources[0].url == "https://example.org/a"
    assert record.map_class == "reported high"


def test_at_least_one_source_is_required():
    assert messages(sighting(), []) == [
        "Sources (sources): at least one source is required: the URL and publisher of where this was seen "
        "(or the dataset and record id it comes from)"]


@pytest.mark.parametrize("url", ["javascript:alert(document.cookie)", "file:///etc/passwd", "data:text/html,x",
                                 "ftp://example.org/x", "example.org/report", "https://", "http://exa mple.org/"])
def test_source_urls_must_be_http_or_https(url):
    found = messages(sighting(), [source(url=url)])
    assert len(found) == 1
    assert found[0].startswith("Source 1 URL (url): ")
    assert "http://" in found[0] and "https://" in found[0]


def test_archive_urls_too_and_the_message_names_the_source():
    found = messages(sighting(), [source(), source(archive_url="javascript:alert(1)")])
    assert found == ["Source 2 Archive URL (archive_url): 'javascript:alert(1)' is a javascript: address; "
                     "only web links starting with http:// or https:// are accepted"]


def test_observed_time_cannot_be_in_the_future():
    found = messages(sighting(observed_at="2024-12-21T00:00Z"), [source()])
    assert found == ["Observed (UTC) (observed_at): 2024-12-21T00:00:00Z is in the future "
                     "(now it is 2024-12-20T12:00:00Z); times are UTC"]
    assert messages(sighting(observed_at="2024-12-20T12:04Z"), [source()]) == []  # within clock skew
    # A local time east of UTC that is past there but still future in UTC is refused.
    assert messages(sighting(observed_at="2024-12-20T20:00+09:00"), [source()]) == []
    assert problems_of(sighting(observed_at="2024-12-21T08:00+09:00"), [source()])


@pytest.mark.parametrize("field, value, expected", [
    ("source_reliability", "G", "'G' is not an Admiralty grade; use A (Completely reliable) to F "
                                "(Reliability cannot be judged)"),
    ("info_credibility", 7, "'7' is not an Admiralty grade; use 1 (Confirmed by other sources) to 6 "
                            "(Truth cannot be judged)"),
    ("info_credibility", 0, "'0' is not an Admiralty grade"),
    ("time_precision", 4, "'4' is not one of 1 (exact date), 2 (within about a week), 3 (month only)"),
    ("geo_precision", "x", "'x' is not one of 1 (exact location), 2 (near a named place), 3 (region only)"),
    ("claim_status", "rumoured", "'rumoured' is not one of confirmed, assessed, reported, claimed"),
    ("review_status", "maybe", "'maybe' is not one of unreviewed, reviewed, rejected"),
])
def test_grades_and_scales_in_range(field, value, expected):
    found = problems_of(sighting(**{field: value}), [source()])
    assert [p.field for p in found] == [field]
    assert expected in found[0].message
    assert str(found[0]).startswith(FLD.LABELS[field] + " (" + field + "): ")


@pytest.mark.parametrize("lon, lat, field", [(180.5, 51.0, "lon"), (-181, 51.0, "lon"), (35.0, 90.01, "lat"),
                                             (35.0, -91, "lat"), (float("nan"), 51.0, "lon"),
                                             (float("inf"), 51.0, "lon")])
def test_coordinates_must_be_on_earth(lon, lat, field):
    found = problems_of(sighting(lon=lon, lat=lat), [source()])
    assert [p.field for p in found] == [field]
    assert "Earth" in found[0].message or "place" in found[0].message or "numbers" in found[0].message


def test_required_fields_each_named():
    values = {"lon": 35.0, "lat": 51.0}
    fields = [p.field for p in problems_of(values, [{"url": "", "publisher": None}])]
    assert fields == ["unit_as_reported", "observed_at", "time_precision", "geo_precision",
                      "source_reliability", "info_credibility", "claim_status", "url", "publisher"]
    found = messages({"observed_at": "2024-12-01", "unit_id": "x"}, [source()])
    assert any(m.startswith("Longitude (lon): the sighting needs a place") for m in found)


def test_bad_dates_and_ids_are_named():
    found = messages(sighting(observed_at="10/12/2024", sighting_id="not-a-uuid"),
                     [source(published_at="yesterday")])
    assert "Sighting id (sighting_id): 'not-a-uuid' is not a UUID" in found
    assert any(m.startswith("Observed (UTC) (observed_at): '10/12/2024' is not a date") for m in found)
    assert any(m.startswith("Source 1 Published (published_at): 'yesterday' is not a date") for m in found)
    assert problems_of(sighting(observed_at="2024-02-30"), [source()])[0].message.startswith(
        "'2024-02-30' is not a real date")


def test_unknown_unit_ids_are_refused_when_the_units_are_known():
    found = V.clean_sighting(sighting(unit_id="kpa-999"), [source()], now=NOW, known_units={"kpa-94"})[1]
    assert [str(p) for p in found] == ["Unit (unit_id): 'kpa-999' is not a unit in the units layer"]


def test_qdatetime_from_the_form_is_read_by_its_wall_clock_as_utc():
    # QGIS 3.22 reads GeoPackage DATETIME values (and the form widget gives values) as local
    # times whose wall clock is UTC.
    value = QDateTime.fromString("2024-12-10T08:30:00", "yyyy-MM-ddTHH:mm:ss")
    assert T.parse_utc(value) == datetime.datetime(2024, 12, 10, 8, 30, tzinfo=datetime.timezone.utc)
    utc = QDateTime.fromString("2024-12-10T08:30:00Z", Qt.DateFormat.ISODate)  # a UTC instant
    assert T.parse_utc(utc) == datetime.datetime(2024, 12, 10, 8, 30, tzinfo=datetime.timezone.utc)


# --- one transaction ---------------------------------------------------------------------------------

def test_add_writes_both_tables_and_qgis_reads_them_back(tmp_path):
    gpkg = tmp_path / "w.gpkg"
    first = S.add_sighting(gpkg, sighting(), [source(), source(url="https://example.com/b", publisher="B")],
                           now=NOW)
    S.add_sighting(gpkg, sighting(lon=34.9, lat=51.4, claim_status="confirmed", info_credibility=1),
                   [source()], now=NOW)
    assert S.count_sightings(gpkg) == (2, 3)
    layer = QgsVectorLayer(L.sightings_uri(gpkg), "s", "ogr")
    assert layer.featureCount() == 2
    extent = layer.extent()
    assert (extent.xMinimum(), extent.xMaximum(), extent.yMinimum(), extent.yMaximum()) == (34.9, 35.27, 51.19, 51.4)
    feature = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression(
        "\"sighting_id\" = '{}'".format(first.sighting_id))))
    assert feature["observed_at"].toString("yyyy-MM-ddTHH:mm:ss") == "2024-12-10T08:30:00"
    assert feature["source_reliability"] == "B" and feature["info_credibility"] == 2
    assert feature["map_class"] == "reported high"
    assert feature.geometry().asPoint().x() == 35.27 and feature.geometry().asPoint().y() == 51.19
    sources = QgsVectorLayer(L.sources_uri(gpkg), "s", "ogr")
    assert sorted(f["publisher"] for f in sources.getFeatures(
        QgsFeatureRequest().setFilterExpression("\"sighting_id\" = '{}'".format(first.sighting_id)))) == \
        ["B", "Example News"]
    read = S.read_sightings(gpkg)
    assert [r.sighting_id for r in read][0] in (first.sighting_id, read[1].sighting_id)
    again = {r.sighting_id: r for r in read}[first.sighting_id]
    assert again.observed_at == first.observed_at and [s.url for s in again.sources] == \
        ["https://example.org/report", "https://example.com/b"]
    spatial_index = sqlite3.connect(str(gpkg)).execute("SELECT count(*) FROM rtree_sightings_geom").fetchone()[0]
    assert spatial_index == 2


def test_a_failure_half_way_leaves_nothing_written(tmp_path):
    gpkg = tmp_path / "w.gpkg"
    S.add_sighting(gpkg, sighting(), [source()], now=NOW)
    # The second source reuses the first's id: its insert fails after the sighting row was written.
    duplicate = "6f1c1f8e-3c1e-4b8a-9e41-0c0c2c6b1a11"
    with pytest.raises(R.StorageError):
        S.add_sighting(gpkg, sighting(unit_as_reported="other"),
                       [source(source_id=duplicate), source(source_id=duplicate)], now=NOW)
    assert S.count_sightings(gpkg) == (1, 1)
    assert [r.unit_as_reported for r in S.read_sightings(gpkg)] == ["KPA 94th brigade"]


def test_a_batch_is_written_whole_or_not_at_all(tmp_path):
    gpkg = tmp_path / "w.gpkg"
    items = [(sighting(unit_as_reported="u{}".format(i)), [source()]) for i in range(5)]
    items.append((sighting(source_reliability="Z"), [source()]))
    with pytest.raises(R.SightingValidationError) as caught:
        S.add_sightings(gpkg, items, now=NOW)
    assert "sighting 6: 'Z' is not an Admiralty grade" in str(caught.value)
    assert S.count_sightings(gpkg) == (0, 0)
    S.add_sightings(gpkg, items[:5], now=NOW)
    assert S.count_sightings(gpkg) == (5, 5)


def test_a_sighting_id_is_stored_once(tmp_path):
    gpkg = tmp_path / "w.gpkg"
    record = S.add_sighting(gpkg, sighting(), [source()], now=NOW)
    with pytest.raises(R.StorageError) as caught:
        S.add_sighting(gpkg, sighting(sighting_id=record.sighting_id), [source()], now=NOW)
    assert "already in the layer" in str(caught.value)
    assert S.count_sightings(gpkg) == (1, 1)


@pytest.fixture
def gdal_exceptions_on():
    """GDAL's Python exceptions on, as QGIS 3.40's Processing plugin turns them on for the whole process."""
    from osgeo import gdal, ogr

    before = [(module, module.GetUseExceptions()) for module in (gdal, ogr)]
    for module, _ in before:
        module.UseExceptions()
    yield
    for module, was_on in reversed(before):  # GDAL 3.6: the last turned on is turned off first
        if not was_on:
            module.DontUseExceptions()


def test_refusals_and_rollbacks_hold_when_another_plugin_turned_gdal_exceptions_on(tmp_path, gdal_exceptions_on):
    from osgeo import gdal

    gpkg = tmp_path / "w.gpkg"
    record = S.add_sighting(gpkg, sighting(), [source()], now=NOW)
    with pytest.raises(R.StorageError, match="already in the layer"):
        S.add_sighting(gpkg, sighting(sighting_id=record.sighting_id), [source()], now=NOW)
    duplicate = "6f1c1f8e-3c1e-4b8a-9e41-0c0c2c6b1a11"
    with pytest.raises(R.StorageError, match="nothing was written"):
        S.add_sighting(gpkg, sighting(unit_as_reported="other"),
                       [source(source_id=duplicate), source(source_id=duplicate)], now=NOW)
    assert S.count_sightings(gpkg) == (1, 1)
    assert gdal.GetUseExceptions(), "the analyst's other plugins keep the mode they chose"


def test_invalid_sighting_raises_and_writes_nothing(tmp_path):
    gpkg = tmp_path / "w.gpkg"
    with pytest.raises(R.SightingValidationError) as caught:
        S.add_sighting(gpkg, sighting(), [source(url="javascript:alert(1)")], now=NOW)
    assert caught.value.problems[0].field == "url"
    assert S.count_sightings(gpkg) == (0, 0)


def test_deleting_a_sighting_in_qgis_deletes_its_sources_and_edits_keep_the_map_class(tmp_path):
    gpkg = tmp_path / "w.gpkg"
    keep = S.add_sighting(gpkg, sighting(), [source()], now=NOW)
    gone = S.add_sighting(gpkg, sighting(), [source(), source()], now=NOW)
    layer = QgsVectorLayer(L.sightings_uri(gpkg), "s", "ogr")
    fids = {f["sighting_id"]: f.id() for f in layer.getFeatures()}
    layer.startEditing()
    layer.deleteFeature(fids[gone.sighting_id])
    layer.changeAttributeValue(fids[keep.sighting_id], layer.fields().indexOf("claim_status"), "confirmed")
    assert layer.commitChanges(), layer.commitErrors()
    assert S.count_sightings(gpkg) == (1, 1)
    again = QgsVectorLayer(L.sightings_uri(gpkg), "s", "ogr")
    assert [f["map_class"] for f in again.getFeatures()] == ["confirmed high"]


# --- two writers, and a kill ---------------------------------------------------------------------------

WRITER = textwrap.dedent("""
    import os, sys, time
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    from kpa_tracker.core.sightings import gpkg_store as S
    path, tag, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    print("ready", flush=True)
    while not os.path.exists(go):
        time.sleep(0.01)
    i = 0
    while count < 0 or i < count:
        record = S.add_sighting(path, {
            "lon": 30 + (i % 1000) * 0.005, "lat": 50 + (hash(tag) % 100) * 0.01,
            "observed_at": "2024-12-10T08:00Z", "time_precision": 1, "geo_precision": 2,
            "source_reliability": "C", "info_credibility": 3, "claim_status": "claimed",
            "unit_as_reported": "%s %d" % (tag, i)},
            [{"url": "https://example.org/%s/%d" % (tag, i), "publisher": tag}])
        print(record.sighting_id, flush=True)
        i += 1
""")


def _start_writer(tmp_path, gpkg, tag, count, go):
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, str(script), str(gpkg), tag, str(count), str(go)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    return process


def _integrity(gpkg):
    connection = sqlite3.connect(str(gpkg))
    try:
        return connection.execute("PRAGMA integrity_check").fetchall()
    finally:
        connection.close()


def test_two_processes_adding_500_each_at_once_keep_all_1000(tmp_path):
    gpkg = tmp_path / "shared.gpkg"  # does not exist yet: both processes create it at once
    go = tmp_path / "go"
    writers = [_start_writer(tmp_path, gpkg, tag, 500, go) for tag in ("alpha", "bravo")]
    go.write_text("go")
    outputs = []
    for process in writers:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        outputs.append(out.split())
    assert [len(ids) for ids in outputs] == [500, 500]
    assert S.count_sightings(gpkg) == (1000, 1000)
    stored = S.existing_sighting_ids(gpkg)
    assert stored == set(outputs[0]) | set(outputs[1])
    assert _integrity(gpkg) == [("ok",)]
    layer = QgsVectorLayer(L.sightings_uri(gpkg), "s", "ogr")
    assert layer.featureCount() == 1000
    assert sqlite3.connect(str(gpkg)).execute("SELECT count(*) FROM rtree_sightings_geom").fetchone()[0] == 1000
    assert layer.extent().xMaximum() == pytest.approx(30 + 499 * 0.005)


def test_a_process_killed_while_adding_keeps_every_committed_sighting(tmp_path):
    gpkg = tmp_path / "killed.gpkg"
    S.ensure_schema(gpkg)
    go = tmp_path / "go"
    process = _start_writer(tmp_path, gpkg, "kilo", -1, go)  # adds until killed
    go.write_text("go")
    committed = []
    deadline = time.monotonic() + 120
    while len(committed) < 150 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    os.kill(process.pid, signal.SIGKILL)  # in the middle of adding: it never stops between sightings
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    committed += [line.strip() for line in process.stdout.read().splitlines() if line.strip()]
    assert len(committed) >= 150
    assert _integrity(gpkg) == [("ok",)]
    stored = S.read_sightings(gpkg)
    ids = {record.sighting_id for record in stored}
    assert set(committed) <= ids  # everything committed is there
    assert len(ids) - len(committed) <= 1  # at most the one committed after the last line was printed
    assert all(len(record.sources) == 1 for record in stored)  # never a sighting without its source
    assert S.count_sightings(gpkg)[1] == len(ids)
    layer = QgsVectorLayer(L.sightings_uri(gpkg), "s", "ogr")
    assert layer.isValid() and layer.featureCount() == len(ids)
    S.add_sighting(gpkg, sighting(), [source()], now=NOW)  # and the file takes more
    assert S.count_sightings(gpkg)[0] == len(ids) + 1


def test_times_are_utc_whatever_the_machines_time_zone(tmp_path):
    gpkg = tmp_path / "tz.gpkg"
    script = tmp_path / "tz.py"
    script.write_text(textwrap.dedent("""
        import sys
        from qgis.core import QgsApplication
        app = QgsApplication([], False)
        app.initQgis()
        from kpa_tracker.core.sightings import gpkg_store as S
        S.add_sighting(sys.argv[1], {"lon": 35, "lat": 51, "observed_at": "2024-12-10T23:30:00+09:00",
            "time_precision": 1, "geo_precision": 1, "source_reliability": "A", "info_credibility": 1,
            "claim_status": "confirmed", "unit_as_reported": sys.argv[2]},
            [{"url": "https://example.org", "publisher": "p"}])
    """), encoding="utf-8")
    for zone in ("America/New_York", "Asia/Seoul"):
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), TZ=zone)
        subprocess.run([sys.executable, str(script), str(gpkg), zone], env=env, check=True, timeout=120)
    stored = sqlite3.connect(str(gpkg)).execute("SELECT observed_at, created_at FROM sightings").fetchall()
    # UTC text, whatever the machine's zone; GDAL 3.6 writes "…00.000Z", 3.7+ drops the zero milliseconds.
    assert [row[0] for row in stored] in (["2024-12-10T14:30:00.000Z"] * 2, ["2024-12-10T14:30:00Z"] * 2)
    created = [T.parse_utc(row[1]) for row in stored]
    now = T.utc_now()
    assert all(abs((now - value).total_seconds()) < 600 for value in created)


# --- attachments -------------------------------------------------------------------------------------

def test_attachments_are_copied_into_the_workspace_hashed_and_checked(tmp_path):
    workspace = tmp_path / "ws"
    workspace.mkdir()
    gpkg = workspace / "workspace.gpkg"
    screenshot = tmp_path / "elsewhere" / "Screen shot (1).png"
    screenshot.parent.mkdir()
    screenshot.write_bytes(b"\x89PNG fake image bytes")
    relative, sha = A.attach_file(gpkg, screenshot)
    values = dict(sighting(), attachment=relative, attachment_sha256=sha)
    assert relative.startswith("attachments/") and relative.endswith("Screen_shot_1.png")
    assert values["attachment_sha256"] == A.sha256_of(screenshot)
    stored = workspace / relative
    assert stored.read_bytes() == screenshot.read_bytes()
    record = S.add_sighting(gpkg, values, [source()], now=NOW)
    assert A.check_attachment(gpkg, record.attachment, record.attachment_sha256).status == "ok"
    # the same file attached again is stored once
    assert A.attach_file(gpkg, screenshot)[0] == relative
    stored.write_bytes(b"\x89PNG retouched")
    check = A.check_attachment(gpkg, record.attachment, record.attachment_sha256)
    assert check.status == "modified" and not check.ok and "no longer matches" in check.message
    stored.unlink()
    assert A.check_attachment(gpkg, record.attachment, record.attachment_sha256).status == "missing"
    assert A.check_attachment(gpkg, None, None).status == "none"


@pytest.mark.parametrize("path", ["../secret.png", "attachments/../../secret.png", "/etc/passwd",
                                  "C:\\Users\\x\\a.png", "photos/a.png", "attachments"])
def test_attachment_paths_that_escape_the_workspace_are_refused(tmp_path, path):
    gpkg = tmp_path / "w.gpkg"
    with pytest.raises(R.AttachmentError):
        A.resolve_attachment(gpkg, path)
    assert A.check_attachment(gpkg, path, "0" * 64).status == "refused"
    found = problems_of(sighting(attachment=path, attachment_sha256="0" * 64), [source()])
    assert [p.field for p in found] == ["attachment"]
    assert S.count_sightings(gpkg) == (0, 0)


def test_a_link_out_of_the_workspace_is_refused(tmp_path):
    workspace = tmp_path / "ws"
    (workspace / "attachments").mkdir(parents=True)
    outside = tmp_path / "outside.png"
    outside.write_bytes(b"x")
    os.symlink(str(outside), str(workspace / "attachments" / "link.png"))
    gpkg = workspace / "w.gpkg"
    with pytest.raises(R.AttachmentError) as caught:
        A.resolve_attachment(gpkg, "attachments/link.png")
    assert "leads out of the workspace" in str(caught.value)
    with pytest.raises(R.AttachmentError):
        S.add_sighting(gpkg, sighting(attachment="attachments/link.png", attachment_sha256=A.sha256_of(outside)),
                       [source()], now=NOW)
    assert S.count_sightings(gpkg) == (0, 0)


# --- HTML ------------------------------------------------------------------------------------------------

def test_descriptions_publishers_and_urls_are_escaped_and_only_web_links_are_links():
    record, _ = V.clean_sighting(sighting(description="<script>alert('x')</script> & <b>bold</b>",
                                          unit_as_reported="<img src=x onerror=alert(1)>"),
                                 [source(publisher="<i>Evil</i> & Co", url="https://example.org/?a=1&b=<2>")],
                                 now=NOW)
    text = sighting_html(record)
    assert "<script>" not in text and "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in text
    assert "<img" not in text and "&lt;img src=x onerror=alert(1)&gt;" in text
    assert "&lt;i&gt;Evil&lt;/i&gt; &amp; Co" in text
    assert '<a href="https://example.org/?a=1&amp;b=&lt;2&gt;">' in text
    hostile = sources_html([{"publisher": "p", "url": "javascript:alert(1)", "archive_url": "file:///etc/passwd"}])
    assert "<a " not in hostile and "javascript:alert(1)" in hostile and "file:///etc/passwd" in hostile


def test_the_map_tip_escapes_what_it_shows(tmp_path):
    gpkg = tmp_path / "w.gpkg"
    S.add_sighting(gpkg, sighting(description="<script>alert(1)</script>", location_name="\"Sudzha\" & <b>"),
                   [source()], now=NOW)
    layer = QgsVectorLayer(L.sightings_uri(gpkg), "s", "ogr")
    feature = next(layer.getFeatures())
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    expression = QgsExpression(escaped_expression("\"description\""))
    assert expression.evaluate(context) == "&lt;script&gt;alert(1)&lt;/script&gt;"
    from qgis.core import QgsExpression as E
    tip = E.replaceExpressionText(map_tip_template(), context)
    assert "<script>" not in tip and "&lt;script&gt;" in tip
    assert "&quot;Sudzha&quot; &amp; &lt;b&gt;" in tip


# --- what the dock asks ----------------------------------------------------------------------------------

def test_nearest_place_name_from_curated_places_then_provinces():
    from kpa_tracker.core.routing.stops import Place
    from kpa_tracker.core.sightings.query import nearest_place_name
    places = [Place("sudzha", "Sudzha", ("Sudzha",), 35.270556, 51.191389),
              Place("kursk", "Kursk", ("Kursk",), 36.1873, 51.7373)]
    at = nearest_place_name(35.2706, 51.1914, places)
    assert (at.text, at.source, at.place_id) == ("Sudzha", "curated", "sudzha")
    east = nearest_place_name(35.3283, 51.1914, places)  # about 4 km east
    assert east.text == "4 km E of Sudzha" and east.distance_km == pytest.approx(4.0, abs=0.1)
    far = nearest_place_name(35.9, 50.6, places, max_km=25)  # no curated place within 25 km
    assert far.source == "province" and far.text in ("Belgorod, Russia", "Belgorod, Russian Federation")
    sea = nearest_place_name(-30.0, 0.0, places)
    assert (sea.text, sea.source) == ("", "")


def test_recent_sightings_filter_by_unit_dates_and_grade(tmp_path):
    from kpa_tracker.core.sightings.query import recent_sightings
    gpkg = tmp_path / "w.gpkg"
    S.add_sightings(gpkg, [
        (sighting(unit_id="kpa-94", observed_at="2024-12-01T10:00Z", source_reliability="A", info_credibility=1),
         [source()]),
        (sighting(unit_id="kpa-94", observed_at="2024-12-05T10:00Z", source_reliability="C", info_credibility=3),
         [source()]),
        (sighting(unit_as_reported="KPA Mortar Crew", observed_at="2024-12-07T10:00Z", source_reliability="B",
                  info_credibility=2, review_status="rejected"), [source()]),
    ], now=NOW)
    assert [r.observed_at.day for r in recent_sightings(gpkg)] == [7, 5, 1]
    assert [r.observed_at.day for r in recent_sightings(gpkg, unit="kpa-94")] == [5, 1]
    assert [r.observed_at.day for r in recent_sightings(gpkg, unit="kpa mortar crew")] == [7]
    start = datetime.datetime(2024, 12, 2, tzinfo=datetime.timezone.utc)
    end = datetime.datetime(2024, 12, 6, tzinfo=datetime.timezone.utc)
    assert [r.observed_at.day for r in recent_sightings(gpkg, start=start, end=end)] == [5]
    assert [r.observed_at.day for r in recent_sightings(gpkg, min_grade="B2")] == [7, 1]
    assert [r.observed_at.day for r in recent_sightings(gpkg, min_grade="B2", include_rejected=False)] == [1]
    assert len(recent_sightings(gpkg, limit=1)) == 1


def test_corroboration_counts_the_same_unit_near_in_space_and_time():
    from kpa_tracker.core.sightings.query import corroboration

    def record(unit, lon, lat, day):
        values = sighting(unit_id=unit, lon=lon, lat=lat, observed_at="2024-12-{:02d}T12:00Z".format(day))
        # Each its own report: a shared URL would be one origin, not corroboration (test_corroboration.py).
        url = "https://example.org/report/{}-{}-{}-{}".format(unit, lon, lat, day)
        return V.clean_sighting(values, [source(url=url)], now=NOW)[0]

    a = record("kpa-94", 35.27, 51.19, 1)
    b = record("kpa-94", 35.30, 51.20, 3)    # about 2.3 km and 2 days from a
    c = record("kpa-94", 35.27, 51.19, 15)   # same place, two weeks later
    d = record("kpa-94", 36.20, 51.70, 2)    # 80 km away
    e = record("ru-810", 35.27, 51.19, 1)    # another unit, same place and day
    counts = corroboration([a, b, c, d, e], distance_km=5, days=7)
    assert counts == {a.sighting_id: 1, b.sighting_id: 1, c.sighting_id: 0, d.sighting_id: 0, e.sighting_id: 0}
    assert corroboration([a, b, c, d, e], distance_km=100, days=30)[a.sighting_id] == 3


def test_workspace_paths_with_spaces_and_odd_characters(tmp_path):
    folder = tmp_path / "John Smith #1 ? (profile)"
    folder.mkdir()
    gpkg = folder / "workspace.gpkg"
    S.add_sighting(gpkg, sighting(), [source()], now=NOW)
    assert S.count_sightings(gpkg) == (1, 1)
    S.ensure_schema(gpkg)  # finds the tables through the read-only URI
    assert len(S.read_sightings(gpkg)) == 1

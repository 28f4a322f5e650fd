"""kpa_tracker:importsightings and kpa_tracker:exportsightings, run in this process through the registry."""

import csv
import datetime
import json
import sqlite3
import xml.etree.ElementTree as ElementTree

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingProvider,
    QgsProject,
)

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.domain import fields as FLD
from kpa_tracker.processing import import_sightings as import_module
from kpa_tracker.processing.export_sightings import ExportSightingsAlgorithm
from kpa_tracker.processing.import_sightings import ImportSightingsAlgorithm

PROVIDER_ID = "kpa_sightings_test"
NOW = datetime.datetime(2024, 12, 20, 12, 0, tzinfo=datetime.timezone.utc)
HEADER = ["longitude", "latitude", "unit_as_reported", "unit_id", "observed_at", "time_precision", "geo_precision",
          "source_reliability", "info_credibility", "claim_status", "description", "source_url", "source_publisher",
          "source_published_at"]


class SightingsTestProvider(QgsProcessingProvider):
    """The two algorithms, on their own, as the lead will add them to the kpa_tracker provider."""

    def id(self):
        return PROVIDER_ID

    def name(self):
        return "Sightings (test)"

    def loadAlgorithms(self):  # noqa: N802
        self.addAlgorithm(ImportSightingsAlgorithm())
        self.addAlgorithm(ExportSightingsAlgorithm())


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors, self.infos, self.warnings = [], [], []

    def reportError(self, error, fatalError=False):  # noqa: N802
        self.errors.append(error)
        super().reportError(error, fatalError)

    def pushWarning(self, warning):  # noqa: N802
        self.warnings.append(warning)
        super().pushWarning(warning)

    def pushInfo(self, info):  # noqa: N802
        self.infos.append(info)
        super().pushInfo(info)


@pytest.fixture(scope="module")
def registry():
    registry = QgsApplication.processingRegistry()
    provider = SightingsTestProvider()
    assert registry.addProvider(provider)
    yield registry
    registry.removeProvider(provider)


@pytest.fixture
def run(registry):
    def _run(name, **parameters):
        algorithm = registry.createAlgorithmById("{}:{}".format(PROVIDER_ID, name))
        assert algorithm is not None, name
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        feedback = Feedback()
        results, ok = algorithm.run(parameters, context, feedback)
        if not ok:
            raise QgsProcessingException("; ".join(feedback.errors) or "failed")
        return results, feedback
    return _run


def write_csv(path, header, rows):
    with open(str(path), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def good_row(**overrides):
    values = dict(zip(HEADER, ["35.27", "51.19", "KPA infantry", "", "2024-12-10T08:30:00Z", "1", "2", "B", "2",
                               "reported", "Column on the road", "https://example.org/a", "Example News",
                               "2024-12-11"]))
    values.update(overrides)
    return [values[h] for h in HEADER]


def read_rejected(path):
    with open(str(path), encoding="utf-8-sig", newline="") as handle:  # with a BOM, so Excel reads UTF-8
        return list(csv.DictReader(handle))


def test_names_and_registration(registry):
    assert registry.algorithmById(PROVIDER_ID + ":importsightings").displayName() == "Import sightings"
    assert registry.algorithmById(PROVIDER_ID + ":exportsightings").displayName() == "Export sightings"


def test_import_csv_checks_every_row_and_reports_rejects_with_reasons(run, tmp_path):
    source = write_csv(tmp_path / "in.csv", HEADER, [
        good_row(),
        good_row(source_reliability="G"),
        good_row(source_url="javascript:alert(1)"),
        good_row(observed_at="2999-01-01"),
        good_row(longitude="200"),
        good_row(source_url="", source_publisher="", source_published_at=""),
        good_row(unit_id="kpa-contingent-kursk", unit_as_reported="", source_url="https://example.org/b"),
        good_row(unit_id="kpa-nonexistent"),
    ])
    target = tmp_path / "target.gpkg"
    rejected = tmp_path / "rejected.csv"
    results, feedback = run("importsightings", INPUT=str(source), OUTPUT=str(target), REJECTED=str(rejected))
    assert (results["IMPORTED"], results["REJECTED_COUNT"]) == (2, 6)
    assert S.count_sightings(target) == (2, 2)
    reasons = {int(r["row"]): r["reason"] for r in read_rejected(rejected)}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 8]
    assert "Source reliability (source_reliability): 'G' is not an Admiralty grade" in reasons[2]
    assert "Source 1 URL (url): 'javascript:alert(1)' is a javascript: address" in reasons[3]
    assert "Observed (UTC) (observed_at): 2999-01-01T00:00:00Z is in the future" in reasons[4]
    assert "Longitude (lon): 200.0 is not on Earth" in reasons[5]
    assert "at least one source is required" in reasons[6]
    assert "Unit (unit_id): 'kpa-nonexistent' is not a unit" in reasons[8]
    assert read_rejected(rejected)[0]["source_reliability"] == "G"  # the row itself, to fix and import again
    assert sum("Row 2:" in w for w in feedback.warnings) == 1 and not feedback.errors
    stored = S.read_sightings(target)
    assert {r.unit_id for r in stored} == {None, "kpa-contingent-kursk"}
    assert stored[0].sources[0].published_at == "2024-12-11"


def test_import_again_adds_nothing_twice(run, tmp_path):
    rows = [good_row(), good_row(description="second", source_url="https://example.org/second"),
            good_row(description="third", source_url="https://example.org/third")]
    first = write_csv(tmp_path / "in.csv", ["sighting_id"] + HEADER,
                      [["3f1b7c0e-8a55-4d7e-9d9b-1a2b3c4d5e6f"] + rows[0], ["9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"]
                       + rows[1], ["3f1b7c0e-8a55-4d7e-9d9b-1a2b3c4d5e6f"] + rows[2]])
    target = tmp_path / "t.gpkg"
    results, _ = run("importsightings", INPUT=str(first), OUTPUT=str(target), REJECTED=str(tmp_path / "r1.csv"))
    assert (results["IMPORTED"], results["REJECTED_COUNT"], results["DUPLICATES_SKIPPED"]) == (2, 1, 0)
    assert "appears earlier in the file" in read_rejected(tmp_path / "r1.csv")[0]["reason"]
    results, _ = run("importsightings", INPUT=str(first), OUTPUT=str(target), REJECTED=str(tmp_path / "r2.csv"))
    assert (results["IMPORTED"], results["REJECTED_COUNT"], results["DUPLICATES_SKIPPED"]) == (0, 1, 2)
    again = read_rejected(tmp_path / "r2.csv")
    assert [r["outcome"] for r in again] == ["duplicate", "duplicate", "rejected"]
    assert "is already kept" in again[2]["reason"]
    assert S.count_sightings(target) == (2, 2)


def test_import_with_a_column_mapping_and_wkt(run, tmp_path):
    header = ["where", "who", "when", "prec", "gp", "rel", "cred", "status", "link", "outlet"]
    source = write_csv(tmp_path / "odd.csv", header, [
        ["POINT (35.1 51.3)", "KPA mortar crew", "2024-12-01", "2", "3", "c", "3", "claimed",
         "https://t.me/x/1", "Channel X"]])
    mapping = ("wkt=where; unit_as_reported=who; observed_at=when; time_precision=prec; geo_precision=gp; "
               "source_reliability=rel; info_credibility=cred; claim_status=status; source_url=link; "
               "source_publisher=outlet")
    target = tmp_path / "t.gpkg"
    results, _ = run("importsightings", INPUT=str(source), OUTPUT=str(target), MAPPING=mapping)
    assert results["IMPORTED"] == 1
    record = S.read_sightings(target)[0]
    assert (record.lon, record.lat, record.source_reliability, record.time_precision) == (35.1, 51.3, "C", 2)
    with pytest.raises(QgsProcessingException) as caught:
        run("importsightings", INPUT=str(source), OUTPUT=str(target), MAPPING="colour=where")
    assert "does not have: colour" in str(caught.value)
    with pytest.raises(QgsProcessingException) as caught:
        run("importsightings", INPUT=str(source), OUTPUT=str(target), MAPPING="observed_at=date_seen")
    assert "no column 'date_seen'" in str(caught.value)


def test_import_geojson(run, tmp_path):
    collection = {"type": "FeatureCollection", "features": [
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [35.3, 51.1]},
         "properties": {"unit_as_reported": "KPA drone team", "observed_at": "2024-12-05", "time_precision": 1,
                        "geo_precision": 1, "source_reliability": "A", "info_credibility": 1,
                        "claim_status": "confirmed", "source_url": "https://example.org/g",
                        "source_publisher": "MoD"}},
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[35, 51], [36, 52]]},
         "properties": {"unit_as_reported": "x"}},
    ]}
    source = tmp_path / "in.geojson"
    source.write_text(json.dumps(collection), encoding="utf-8")
    target = tmp_path / "t.gpkg"
    rejected = tmp_path / "r.csv"
    results, _ = run("importsightings", INPUT=str(source), OUTPUT=str(target), REJECTED=str(rejected))
    assert (results["IMPORTED"], results["REJECTED_COUNT"]) == (1, 1)
    assert S.read_sightings(target)[0].map_class == "confirmed high"
    assert "not a point" in read_rejected(rejected)[0]["reason"]


def test_accepted_rows_are_written_all_together_or_not_at_all(run, tmp_path):
    # Each row is valid on its own, but both cite the same source id: the second insert fails,
    # and the first row must not stay behind.
    same = [{"source_id": "6f1c1f8e-3c1e-4b8a-9e41-0c0c2c6b1a11", "url": "https://example.org/s",
             "publisher": "P"}]
    other = [dict(same[0], url="https://example.org/other")]  # another report: not a duplicate of the first row
    source = write_csv(tmp_path / "in.csv", HEADER + ["sources"], [
        good_row() + [json.dumps(same)], good_row(description="other") + [json.dumps(other)]])
    target = tmp_path / "t.gpkg"
    S.add_sighting(target, {"lon": 35, "lat": 51, "observed_at": "2024-12-01", "time_precision": 1,
                            "geo_precision": 1, "source_reliability": "B", "info_credibility": 2,
                            "claim_status": "reported", "unit_as_reported": "already there"},
                   [{"url": "https://example.org", "publisher": "p"}])
    with pytest.raises(QgsProcessingException) as caught:
        run("importsightings", INPUT=str(source), OUTPUT=str(target))
    assert "Nothing was imported" in str(caught.value)
    assert S.count_sightings(target) == (1, 1)
    assert sqlite3.connect(str(target)).execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_import_goes_to_the_workspace_by_default(run, tmp_path, monkeypatch):
    sightings = tmp_path / "profile" / "sightings.gpkg"
    sightings.parent.mkdir()
    monkeypatch.setattr(S, "default_path", lambda: sightings)
    source = write_csv(tmp_path / "in.csv", HEADER, [good_row()])
    results, _ = run("importsightings", INPUT=str(source))
    assert results["IMPORTED"] == 1 and S.count_sightings(sightings) == (1, 1)
    assert str(sightings) in results["OUTPUT"]


# --- the round trip ------------------------------------------------------------------------------------

def _populate(gpkg):
    S.add_sightings(gpkg, [
        ({"lon": 35.270556123456789, "lat": 51.191389987654321, "observed_at": "2024-12-10T08:30:00Z",
          "time_precision": 1, "geo_precision": 1, "location_name": "Sudzha, \"central\" square",
          "source_reliability": "B", "info_credibility": 2, "claim_status": "confirmed", "review_status": "reviewed",
          "unit_id": "kpa-contingent-kursk", "unit_as_reported": "КНА, 94-я бригада",
          "description": "Line one, with a comma\nline two; <script>alert('x')</script> & \"quotes\"",
          "analyst": "anna", "created_at": "2024-12-11T09:00:00.123Z", "updated_at": "2024-12-12T10:00:00Z",
          "attachment": "attachments/0123456789abcdef-shot.png", "attachment_sha256": "a" * 64},
         [{"url": "https://example.org/a?x=1&y=2", "publisher": "<i>Example</i> News", "published_at": "2024-12-11",
           "archive_url": "https://web.archive.org/web/2024/https://example.org/a", "notes": "geolocated; 2 frames"},
          {"url": "http://t.me/channel/42", "publisher": "Telegram channel",
           "published_at": "2024-12-10T07:00:00Z"}]),
        ({"lon": -0.0, "lat": 50.0, "observed_at": "2024-11-01", "time_precision": 3, "geo_precision": 3,
          "source_reliability": "F", "info_credibility": 6, "claim_status": "claimed",
          "unit_as_reported": "unidentified", "analyst": "bo"},
         [{"url": "https://example.com/claim", "publisher": "Claimant"}]),
        ({"lon": 131.9, "lat": 43.1, "observed_at": "2024-10-20T23:59:59Z", "time_precision": 2, "geo_precision": 2,
          "source_reliability": "D", "info_credibility": 4, "claim_status": "reported", "review_status": "rejected",
          "unit_as_reported": "KPA troops at Vladivostok", "analyst": "cy"},
         [{"url": "https://example.net/v", "publisher": "Local news"}]),
    ], now=NOW)


def _comparable(records):
    rows = []
    for record in records:
        values = {name: getattr(record, name) for name in FLD.SIGHTING_COLUMNS}
        values["lon"], values["lat"] = record.lon, record.lat
        values["sources"] = [source.as_dict() for source in record.sources]
        rows.append(values)
    return sorted(rows, key=lambda v: v["sighting_id"])


@pytest.mark.parametrize("extension", [".geojson", ".csv", ".kml"])
def test_what_export_writes_import_reads_back_unchanged(run, tmp_path, extension):
    original = tmp_path / "original.gpkg"
    _populate(original)
    first = tmp_path / ("first" + extension)
    results, _ = run("exportsightings", INPUT=str(original), OUTPUT=str(first))
    assert results["COUNT"] == 3
    copy = tmp_path / "copy.gpkg"
    results, feedback = run("importsightings", INPUT=str(first), OUTPUT=str(copy),
                            REJECTED=str(tmp_path / "rejected.csv"))
    assert (results["IMPORTED"], results["REJECTED_COUNT"]) == (3, 0), feedback.errors
    assert _comparable(S.read_sightings(copy)) == _comparable(S.read_sightings(original))
    second = tmp_path / ("second" + extension)
    run("exportsightings", INPUT=str(copy), OUTPUT=str(second))
    assert second.read_bytes() == first.read_bytes()


def test_export_formats_carry_every_source(run, tmp_path):
    original = tmp_path / "original.gpkg"
    _populate(original)
    geojson = tmp_path / "s.geojson"
    run("exportsightings", INPUT=str(original), OUTPUT=str(geojson))
    data = json.loads(geojson.read_text(encoding="utf-8"))
    first = [f for f in data["features"] if f["properties"]["unit_id"] == "kpa-contingent-kursk"][0]
    assert first["geometry"] == {"type": "Point", "coordinates": [35.270556123456789, 51.191389987654321]}
    assert [s["publisher"] for s in first["properties"]["sources"]] == ["<i>Example</i> News", "Telegram channel"]
    assert first["properties"]["observed_at"] == "2024-12-10T08:30:00Z"
    assert first["properties"]["info_credibility"] == 2
    csv_path = tmp_path / "s.csv"
    run("exportsightings", INPUT=str(original), OUTPUT=str(csv_path))
    with open(str(csv_path), encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    row = [r for r in rows if r["unit_id"] == "kpa-contingent-kursk"][0]
    assert row["source_url"] == "https://example.org/a?x=1&y=2" and len(json.loads(row["sources"])) == 2
    assert row["description"].startswith("Line one, with a comma\nline two")


def test_kml_has_time_stamps_and_an_escaped_description(run, tmp_path):
    original = tmp_path / "original.gpkg"
    _populate(original)
    S.add_sighting(original, {"lon": 35, "lat": 51, "observed_at": "2024-12-01", "time_precision": 1,
                              "geo_precision": 1, "source_reliability": "B", "info_credibility": 2,
                              "claim_status": "reported", "unit_as_reported": "x"},
                   [{"url": "https://example.org/ok", "publisher": "P",
                     "archive_url": "https://example.org/archive?a=<b>"}], now=NOW)
    kml = tmp_path / "s.kml"
    run("exportsightings", INPUT=str(original), OUTPUT=str(kml))
    root = ElementTree.parse(str(kml)).getroot()
    ns = {"k": "http://www.opengis.net/kml/2.2"}
    placemarks = root.findall(".//k:Placemark", ns)
    assert len(placemarks) == 4
    # an exact date is a TimeStamp; week and month precision a TimeSpan (tests/sightings/test_kml_export.py)
    whens = [p.findtext("k:TimeStamp/k:when", None, ns) or p.findtext("k:TimeSpan/k:begin", None, ns)
             for p in placemarks]
    assert "2024-12-10T08:30:00Z" in whens and all(whens)
    description = [p.find("k:description", ns).text for p in placemarks if "Line one" in p.find(
        "k:description", ns).text][0]
    assert "<script>" not in description and "&lt;script&gt;" in description
    assert "&lt;i&gt;Example&lt;/i&gt; News" in description
    assert '<a href="https://example.org/a?x=1&amp;y=2">' in description


def test_export_refuses_an_unknown_format(run, tmp_path):
    original = tmp_path / "original.gpkg"
    _populate(original)
    with pytest.raises(QgsProcessingException) as caught:
        run("exportsightings", INPUT=str(original), OUTPUT=str(tmp_path / "s.txt"))
    assert ".geojson" in str(caught.value) and ".csv" in str(caught.value) and ".kml" in str(caught.value)


def test_export_names_the_sightings_that_have_no_source(run, tmp_path):
    """The file cannot refuse a sighting stored without any source (no deferred triggers in SQLite): the
    export says which ones, so nobody is surprised when the import refuses them."""
    from kpa_tracker.tests.sightings.test_sightings_core import plain_client

    original = tmp_path / "original.gpkg"
    _populate(original)
    assert run("exportsightings", INPUT=str(original), OUTPUT=str(tmp_path / "all.csv"))[1].errors == []
    record = S.read_sightings(original)[0]
    connection = plain_client(original)
    connection.execute("DROP TRIGGER sighting_sources_keep_last")  # as a careless tool might leave it
    connection.execute("DELETE FROM sighting_sources WHERE sighting_id = ?", (record.sighting_id,))
    connection.close()
    _results, feedback = run("exportsightings", INPUT=str(original), OUTPUT=str(tmp_path / "s.csv"))
    assert any(record.sighting_id in error and "no source" in error for error in feedback.errors)

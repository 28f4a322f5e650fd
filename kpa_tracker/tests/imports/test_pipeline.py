"""The import run (core/imports/pipeline.py): mapping and defaults, the dry run equal to the import, duplicates,
bad input and cancel, into a real GeoPackage store, with QGIS's task manager for the task."""

import csv
import datetime
import time
from pathlib import Path

import pytest
from qgis.PyQt.QtCore import QCoreApplication, QThread

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.imports import saved
from kpa_tracker.core.imports.pipeline import ADD_SOURCES, ImportSpec, preview_import, run_import
from kpa_tracker.core.imports.task import ImportTask, start
from kpa_tracker.core.sightings.exchange import ExchangeError
from kpa_tracker.core.sightings.store import GpkgStore

NOW = datetime.datetime(2025, 6, 1, tzinfo=datetime.timezone.utc)
PLAIN = ["observed_at", "longitude", "latitude", "unit_as_reported", "source_url", "source_publisher",
         "source_reliability", "info_credibility", "description"]


@pytest.fixture(scope="module")
def units():
    _catalogue, result = curated.load_cached()
    return {feature.id for feature in result.features["units"]}


@pytest.fixture
def store(tmp_path):
    return GpkgStore(tmp_path / "sightings.gpkg")


def write(path, header, rows, encoding="utf-8", delimiter=","):
    with open(str(path), "w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def plain_rows():
    """Ten rows as a colleague's spreadsheet has them: no precision, claim status or grade columns for some."""
    return [
        ["2024-12-14T08:30:00Z", "35.27", "51.19", "KPA infantry", "https://t.me/examplechannel/101", "", "B", "2",
         "column on the road"],
        ["2024-12-15", "35.10", "51.30", "", "https://example.org/report/2", "Example News", "C", "3", ""],
        ["2024-12", "35.40", "51.25", "North Korean troops", "https://x.com/exampleaccount/status/3", "", "", "",
         "month only"],
        ["2024-12-16", "35.2", "51.2", "KPA infantry", "https://example.org/report/4", "Example News", "G", "2", ""],
        ["2024-12-17", "51.21", "35.28", "KPA infantry", "https://example.org/report/5", "Example News", "B", "2",
         "latitude and longitude swapped"],
        ["2999-01-01", "35.2", "51.2", "KPA infantry", "https://example.org/report/6", "Example News", "B", "2", ""],
        ["2024", "35.2", "51.2", "KPA infantry", "https://example.org/report/7", "Example News", "B", "2", ""],
        ["2024-12-18", "35.2", "51.2", "KPA infantry", "javascript:alert(1)", "Example News", "B", "2", ""],
        ["2024-12-19", "", "", "KPA infantry", "https://example.org/report/9", "Example News", "B", "2", ""],
        ["2024-12-20", "35.31", "51.22", "북한군", "https://example.org/report/10", "Example News", "B", "3", ""],
    ]


def spec_for(path, units, **changes):
    return ImportSpec(path=str(path), known_units=units, **changes)


def test_a_plain_file_without_precision_or_status_columns_imports_with_the_defaults(tmp_path, store, units):
    source = write(tmp_path / "colleague.csv", PLAIN, plain_rows())
    report = run_import(spec_for(source, units, rejected_path=str(tmp_path / "rejected.csv")), store, now=NOW)
    assert (report.rows, report.accepted, report.rejected, report.duplicates) == (10, 4, 6, 0)
    kept = {r.description or r.unit_as_reported: r for r in store.read()}
    first = kept["column on the road"]
    assert (first.time_precision, first.geo_precision, first.claim_status) == (1, 2, "reported")
    assert first.sources[0].publisher == "examplechannel"  # from the address: nobody typed it
    month = kept["month only"]
    assert (month.time_precision, month.observed_at.day, month.grade) == (3, 1, "F6")  # defaults for no grade
    assert month.unit_id == "kpa-contingent-kursk" and month.unit_as_reported == "North Korean troops"
    assert kept["북한군"].unit_id == "kpa-contingent-kursk"
    reasons = {o.number: o.reason for o in report.outcomes if o.status == "rejected"}
    assert sorted(reasons) == [4, 5, 6, 7, 8, 9]
    assert "'G' is not an Admiralty grade" in reasons[4] and "column 'source_reliability'" in reasons[4]
    assert "latitude and longitude look swapped" in reasons[5]
    assert "in the future" in reasons[6]
    assert "2024" in reasons[7] and "month" in reasons[7]
    assert "javascript" in reasons[8] and "column 'source_url'" in reasons[8]
    assert "the row has no place: its columns 'longitude', 'latitude' are empty" in reasons[9]
    with open(str(tmp_path / "rejected.csv"), encoding="utf-8-sig", newline="") as handle:
        rejected = list(csv.DictReader(handle))
    assert [int(r["row"]) for r in rejected] == [4, 5, 6, 7, 8, 9]
    assert rejected[1]["longitude"] == "51.21" and rejected[1]["reason"] == reasons[5]  # the row, to fix


def test_the_dry_run_is_the_import_without_writing(tmp_path, store, units):
    source = write(tmp_path / "colleague.csv", PLAIN, plain_rows())
    dry = run_import(spec_for(source, units), store, dry_run=True, now=NOW)
    assert store.counts() == (0, 0)
    real = run_import(spec_for(source, units), store, now=NOW)
    assert (dry.accepted, dry.rejected, dry.duplicates) == (real.accepted, real.rejected, real.duplicates)
    assert [(o.number, o.status, o.reason) for o in dry.outcomes] == [(o.number, o.status, o.reason)
                                                                       for o in real.outcomes]
    assert store.counts() == (real.accepted, real.accepted)
    assert "would be imported" in dry.summary() and "Imported 4 sightings" in real.summary()


def test_a_confirmed_row_on_one_weak_source_is_imported_with_the_claim_status_warning(tmp_path, store, units):
    header = PLAIN + ["claim_status"]
    rows = [r + [status] for r, status in zip(plain_rows()[:2], ("confirmed", "reported"))]
    report = run_import(spec_for(write(tmp_path / "claims.csv", header, rows), units), store, now=NOW)
    assert (report.accepted, report.warned) == (2, 1)
    warned = {o.number: o.reason for o in report.outcomes if o.status == "accepted"}
    assert warned[2] == ""  # reported on one C3 source: nothing to say
    assert "imported with a warning" in warned[1] and "claim_status" in warned[1] and "1 independent" in warned[1]
    assert "1 with a claim-status warning" in report.summary()
    assert {r.claim_status for r in store.read()} == {"confirmed", "reported"}  # warned, still kept as given


def test_importing_the_same_file_twice_adds_nothing(tmp_path, store, units):
    source = write(tmp_path / "colleague.csv", PLAIN, plain_rows())
    first = run_import(spec_for(source, units), store, now=NOW)
    again = run_import(spec_for(source, units), store, now=NOW)
    assert (again.accepted, again.duplicates, again.rejected) == (0, first.accepted, first.rejected)
    assert store.counts() == (first.accepted, first.accepted)
    duplicate = [o for o in again.outcomes if o.status == "duplicate"][0]
    assert "same source, date and place" in duplicate.reason


def test_the_same_report_through_another_address_is_a_duplicate(tmp_path, store, units):
    write(tmp_path / "a.csv", PLAIN, [plain_rows()[2]])
    run_import(spec_for(tmp_path / "a.csv", units), store, now=NOW)
    row = list(plain_rows()[2])
    row[0], row[1], row[2] = "2024-12-20", "35.405", "51.252"  # same month, 400 m away
    row[4] = "https://twitter.com/exampleaccount/status/3?utm_source=share"
    write(tmp_path / "b.csv", PLAIN, [row])
    report = run_import(spec_for(tmp_path / "b.csv", units), store, now=NOW)
    assert (report.accepted, report.duplicates) == (0, 1)
    far = list(row)
    far[1] = "35.6"  # about 14 km east: another sighting from the same post
    write(tmp_path / "c.csv", PLAIN, [far])
    assert run_import(spec_for(tmp_path / "c.csv", units, duplicate_km=5.0), store, now=NOW).accepted == 1


def test_a_duplicate_may_bring_its_other_sources_to_the_kept_sighting(tmp_path, store, units):
    header = PLAIN + ["sources"]
    base = plain_rows()[0]
    write(tmp_path / "a.csv", PLAIN, [base])
    run_import(spec_for(tmp_path / "a.csv", units), store, now=NOW)
    sources = ('[{"url": "https://t.me/examplechannel/101", "publisher": "examplechannel"}, '
               '{"url": "https://example.org/geolocation/101", "publisher": "Example Geolocators"}]')
    write(tmp_path / "b.csv", header, [base + [sources]])
    skipped = run_import(spec_for(tmp_path / "b.csv", units), store, dry_run=True, now=NOW)
    assert (skipped.duplicates, skipped.merged) == (1, 0)
    merged = run_import(spec_for(tmp_path / "b.csv", units, duplicates=ADD_SOURCES), store, now=NOW)
    assert (merged.accepted, merged.merged) == (0, 1)
    (record,) = store.read()
    assert sorted(s.url for s in record.sources) == ["https://example.org/geolocation/101",
                                                      "https://t.me/examplechannel/101"]
    again = run_import(spec_for(tmp_path / "b.csv", units, duplicates=ADD_SOURCES), store, now=NOW)
    assert (again.merged, again.duplicates) == (0, 1) and store.counts() == (1, 2)


def test_mapping_and_defaults_from_the_analyst(tmp_path, store, units):
    header = ["дата", "lat", "lon", "кто", "ссылка"]
    rows = [["14.12.2024", "51,19", "35,27", "войска КНДР", "https://t.me/examplechannel/7"]]
    source = write(tmp_path / "ru.csv", header, rows, encoding="cp1251", delimiter=";")
    spec = spec_for(source, units, mapping={"observed_at": "дата", "latitude": "lat", "longitude": "lon",
                                            "unit_as_reported": "кто", "source_url": "ссылка"},
                    defaults={"source_reliability": "C", "info_credibility": 3, "claim_status": "claimed",
                              "geo_precision": 1})
    preview = preview_import(spec)
    assert preview.table.encoding.lower().replace("-", "") in ("cp1251", "windows1251")
    assert preview.mapping["unit_as_reported"] == "кто" and preview.rows[0].values["кто"] == "войска КНДР"
    report = run_import(spec, store, now=NOW)
    assert report.accepted == 1, report.outcomes
    (record,) = store.read()
    assert (record.lon, record.lat, record.grade, record.claim_status, record.geo_precision) == (
        35.27, 51.19, "C3", "claimed", 1)
    assert record.unit_id == "kpa-contingent-kursk" and record.unit_as_reported == "войска КНДР"
    with pytest.raises(ExchangeError, match="no column 'когда'"):
        run_import(spec_for(source, units, mapping={"observed_at": "когда"}), store, now=NOW)
    with pytest.raises(ExchangeError, match="not a sighting or source field"):
        run_import(spec_for(source, units, mapping={"colour": "lat"}), store, now=NOW)


def test_a_saved_mapping_is_applied_again(tmp_path, units, monkeypatch):
    monkeypatch.setattr(saved, "workspace_dir", lambda create=True: tmp_path / "profile")
    spec = spec_for(tmp_path / "x.csv", units, layout="plain", mapping={"observed_at": "дата"},
                    defaults={"source_reliability": "C"}, encoding="cp1251", delimiter=";")
    saved.save_mapping("Russian channel sheet", spec)
    assert saved.saved_mappings() == ["Russian channel sheet"]
    fresh = saved.load_mapping("Russian channel sheet", ImportSpec(path=str(tmp_path / "y.csv")))
    assert (fresh.path, fresh.layout, fresh.mapping, fresh.defaults, fresh.encoding, fresh.delimiter) == (
        str(tmp_path / "y.csv"), "plain", {"observed_at": "дата"}, {"source_reliability": "C"}, "cp1251", ";")
    saved.delete_mapping("Russian channel sheet")
    assert saved.saved_mappings() == []
    with pytest.raises(ExchangeError, match="no saved mapping"):
        saved.load_mapping("Russian channel sheet", spec)


def test_bad_files_get_a_sentence_and_write_nothing(tmp_path, store, units):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(ExchangeError, match="empty.csv"):
        run_import(spec_for(empty, units), store, now=NOW)
    header_only = write(tmp_path / "header.csv", PLAIN, [])
    report = run_import(spec_for(header_only, units), store, now=NOW)
    assert (report.rows, report.accepted) == (0, 0)
    kml = tmp_path / "nothing.kml"
    kml.write_text('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>x</name>'
                   '</Document></kml>', encoding="utf-8")
    with pytest.raises(ExchangeError, match="placemarks"):
        run_import(spec_for(kml, units), store, now=NOW)
    assert store.counts() == (0, 0)


def test_a_canceled_import_writes_nothing(tmp_path, store, units):
    rows = [[("2024-12-%02d" % (1 + i % 28)), "35.%03d" % i, "51.2", "KPA infantry",
             "https://example.org/r/%d" % i, "Example News", "B", "2", ""] for i in range(1200)]
    source = write(tmp_path / "many.csv", PLAIN, rows)
    checks = []

    def canceled_at_row_700():
        checks.append(1)
        return len(checks) > 700

    report = run_import(spec_for(source, units, rejected_path=str(tmp_path / "rejected.csv")), store,
                        is_canceled=canceled_at_row_700, now=NOW)
    assert report.canceled and report.accepted == 0
    assert store.counts() == (0, 0)  # 500 records had been handed to the writer: rolled back
    assert not (tmp_path / "rejected.csv").exists()
    assert "canceled" in report.summary()
    steps = []
    done = run_import(spec_for(source, units), store, progress=steps.append, now=NOW)
    assert done.accepted == 1200 and store.counts() == (1200, 1200)
    assert len(steps) >= 5 and steps == sorted(steps) and steps[-1] == 100.0  # progress as the file is read


def _wait(task, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not getattr(task, "_done", False):
        QCoreApplication.processEvents()
        time.sleep(0.01)


def test_the_task_runs_off_the_ui_thread_and_reports_on_it(tmp_path, store, units):
    source = write(tmp_path / "colleague.csv", PLAIN, plain_rows())
    results = []

    def done(report, error):
        results.append((report, error, QThread.currentThread() is QCoreApplication.instance().thread()))
        task._done = True

    task = ImportTask(spec_for(source, units), store, dry_run=False, on_done=done)
    start(task)
    _wait(task)
    assert results, "the task did not end"
    report, error, on_main_thread = results[0]
    assert error is None and report.accepted == 4 and store.counts() == (4, 4)
    assert on_main_thread


def test_a_task_canceled_while_it_runs_writes_nothing(tmp_path, store, units):
    rows = [["2024-12-%02d" % (1 + i % 28), "35.%04d" % i, "51.2", "KPA infantry", "https://example.org/r/%d" % i,
             "Example News", "B", "2", ""] for i in range(6000)]
    source = write(tmp_path / "many.csv", PLAIN, rows)
    results = []

    def done(report, error):
        results.append((report, error))
        task._done = True

    task = ImportTask(spec_for(source, units), store, dry_run=False, on_done=done)
    start(task)
    deadline = time.monotonic() + 60
    while task.progress() <= 0 and time.monotonic() < deadline and not results:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    task.cancel()
    _wait(task)
    assert results and results[0][1] is None
    assert results[0][0].canceled and "nothing was written" in results[0][0].summary()
    assert store.counts() == (0, 0)


def test_an_acled_export_is_cited_as_the_dataset_record_with_its_named_sources(tmp_path, store, units):
    source = Path(__file__).parent / "data" / "acled_kursk.csv"
    report = run_import(spec_for(source, units), store, now=NOW)
    assert report.layout == "acled" and report.accepted == 3, report.outcomes
    kept = {r.sources[0].record_id: r for r in store.read()}
    first = kept["RUS90001"]
    (cited,) = first.sources
    assert (cited.dataset, cited.record_id, cited.url or None) == ("ACLED", "RUS90001", None)  # no URL invented
    assert cited.publisher == "Example Daily; Telegram"
    assert first.unit_id == "kpa-contingent-kursk"
    assert first.unit_as_reported == "Military Forces of North Korea (1948-)"
    assert (first.observed_at.date(), first.time_precision) == (datetime.date(2024, 12, 14), 1)
    assert kept["RUS90002"].time_precision == 2  # ACLED's own precision column wins over the date's form
    assert kept["RUS90003"].unit_id is None  # no North Korean actor: nothing linked
    again = run_import(spec_for(source, units), store, now=NOW)
    assert (again.accepted, again.duplicates) == (0, 3) and store.counts() == (3, 3)
    known = run_import(spec_for(source, units, only_known_units=True), GpkgStore(tmp_path / "known.gpkg"), now=NOW)
    assert (known.accepted, known.rejected) == (2, 1)
    assert "names no unit the alias table knows (Unidentified Armed Group (Russia))" in known.outcomes[2].reason


def test_geoconfirmed_kml_tells_the_side_by_icon_and_folder_through_the_reader(tmp_path, store, units):
    source = Path(__file__).parent / "data" / "geoconfirmed_kursk.kml"
    report = run_import(spec_for(source, units), store, now=NOW)
    assert report.layout == "geoconfirmed", report
    linked = [r for r in store.read() if r.unit_id == "kpa-contingent-kursk"]
    assert linked, [(o.number, o.status, o.reason) for o in report.outcomes]
    for record in linked:
        footage, geolocation = record.sources
        assert geolocation.original_url == footage.url  # one origin: the geolocation is derived from the footage

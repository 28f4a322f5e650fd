"""Known layouts: each fixture (written for these tests after each format's public documentation) is
detected as its layout, its columns mapped, its sources cited and its unit names found."""

import datetime
import json
from pathlib import Path

import pytest

from kpa_tracker.core.domain.records import SightingRecord, SourceRecord
from kpa_tracker.core.domain.validation import clean_sighting
from kpa_tracker.core.imports import layouts, readers
from kpa_tracker.core.sightings import exchange

DATA = Path(__file__).resolve().parent / "data"


def _read(path):
    table = readers.open_table(path)
    return table, readers.preview(table, 50)


def _layout_of(path):
    table, rows = _read(path)
    return layouts.detect(table, rows), table, rows


# --- publisher_from_url ------------------------------------------------------------------------------------

@pytest.mark.parametrize("url, publisher", [
    ("https://t.me/examplechannel/123", "examplechannel"),
    ("https://t.me/s/examplechannel/123", "examplechannel"),
    ("https://x.com/exampleaccount/status/1868000000000000001", "@exampleaccount"),
    ("https://twitter.com/GeoConfirmed/status/1868000000000000002", "@GeoConfirmed"),
    ("https://www.youtube.com/@examplevideos", "@examplevideos (YouTube)"),
    ("https://www.example.org/news/kursk", "example.org"),
    ("not a link", None),
    ("", None),
])
def test_publisher_from_url(url, publisher):
    assert layouts.publisher_from_url(url) == publisher


def test_urls_in_text_and_html_each_once_without_trailing_punctuation():
    text = 'Seen <a href="https://t.me/examplechannel/1">here</a>: https://t.me/examplechannel/1. Also https://x.com/a/status/2,'
    assert layouts.urls_in(text) == ["https://t.me/examplechannel/1", "https://x.com/a/status/2"]


# --- the plugin's own export -----------------------------------------------------------------------------

def _record():
    when = datetime.datetime(2024, 12, 14, 8, 30, tzinfo=datetime.timezone.utc)
    return SightingRecord(
        sighting_id="7b0c4f8e-1d2a-4c3b-9e5f-0a1b2c3d4e5f", lon=34.9583, lat=51.2417, observed_at=when,
        time_precision=1, geo_precision=1, source_reliability="B", info_credibility=2, claim_status="reported",
        review_status="reviewed", analyst="tester", created_at=when, updated_at=when, unit_id="kpa-contingent-kursk",
        unit_as_reported="North Korean troops", location_name="Plekhovo", description="Infantry column",
        sources=[SourceRecord("0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9", "https://t.me/examplechannel/123",
                              "examplechannel", "2024-12-14", None, "first post")])


def test_own_export_detected_and_read_back_unchanged(tmp_path):
    path = tmp_path / "export.csv"
    record = _record()
    exchange.write_csv(path, [record])
    layout, table, rows = _layout_of(path)
    assert layout.key == "own"
    mapping = layout.guess_mapping(table.columns)
    for name in ("sighting_id", "observed_at", "unit_id", "source_reliability", "longitude", "latitude", "sources"):
        assert mapping[name] == name
    row = layout.prepare_row(rows[0], mapping)
    sighting, _sources, problems = exchange.row_to_input(row, mapping)
    sources = layout.sources(row, mapping)
    assert problems == []
    assert sources[0]["source_id"] == "0f1e2d3c-4b5a-4978-8695-a4b3c2d1e0f9"
    assert sources[0]["url"] == "https://t.me/examplechannel/123" and sources[0]["notes"] == "first post"
    again, found = clean_sighting(sighting, sources, known_units={"kpa-contingent-kursk"})
    assert found == []
    assert again == record


# --- plain spreadsheets --------------------------------------------------------------------------------------

def test_plain_spreadsheet_detected_mapped_and_cited():
    layout, table, rows = _layout_of(DATA / "plain_sightings.csv")
    assert layout.key == "plain"
    mapping = layout.guess_mapping(table.columns)
    assert mapping == {"observed_at": "date", "latitude": "lat", "longitude": "lon", "description": "description",
                       "source_url": "source"}
    first = layout.sources(rows[0], mapping)
    assert [s["url"] for s in first] == ["https://t.me/examplechannel/123"]
    # No publisher column: left empty, so the analyst's default publisher (or the link's) applies.
    assert first[0]["publisher"] is None
    both = layout.sources(rows[2], mapping)
    assert [s["url"] for s in both] == ["https://t.me/examplechannel/124", "https://www.example.org/news/kursk-2024-12-20"]
    assert layout.unit_names(rows[0], mapping) == []


@pytest.mark.parametrize("name, expected", [
    ("plain_russian.csv", {"observed_at": "дата", "latitude": "широта", "longitude": "долгота",
                           "description": "описание", "source_url": "источник", "unit_as_reported": "подразделение"}),
    ("plain_korean.csv", {"observed_at": "날짜", "latitude": "위도", "longitude": "경도", "description": "설명",
                          "source_url": "출처", "unit_as_reported": "부대"}),
])
def test_plain_russian_and_korean_headers(name, expected):
    layout, table, rows = _layout_of(DATA / name)
    assert layout.key == "plain"
    assert layout.guess_mapping(table.columns) == expected
    assert layout.sources(rows[0], expected)[0]["url"].startswith("https://t.me/examplechannel/")


# --- ACLED -----------------------------------------------------------------------------------------------------

def test_acled_detected_and_mapped():
    layout, table, rows = _layout_of(DATA / "acled_kursk.csv")
    assert layout.key == "acled"
    assert table.columns == list(layouts.ACLED_COLUMNS)  # the fixture keeps ACLED's column order
    mapping = layout.guess_mapping(table.columns)
    assert mapping["observed_at"] == "event_date"
    assert mapping["time_precision"] == "time_precision" and mapping["geo_precision"] == "geo_precision"
    assert mapping["location_name"] == "location" and mapping["description"] == "notes"
    assert mapping["source_record_id"] == "event_id_cnty" and mapping["source_publisher"] == "source"
    assert "source_url" not in mapping


def test_acled_row_cited_as_one_dataset_record_with_its_named_sources_and_no_url():
    layout, table, rows = _layout_of(DATA / "acled_kursk.csv")
    mapping = layout.guess_mapping(table.columns)
    sources = layout.sources(rows[0], mapping)
    assert len(sources) == 1  # the link in ACLED's notes is not made a source
    source = sources[0]
    assert source["dataset"] == "ACLED" and source["record_id"] == "RUS90001"
    assert source["publisher"] == "Example Daily; Telegram"
    assert source["url"] is None and source["original_url"] is None
    assert "National-International" in source["notes"] and "2024-12-20T00:00:00Z" in source["notes"]
    assert layout.sources(rows[1], mapping)[0]["publisher"] == "Example Weekly; Example News Agency"
    # The validator takes it: a dataset and a record id stand for the URL.
    sighting, _flat, problems = exchange.row_to_input(rows[0], mapping)
    sighting.update(observed_at="2024-12-14", source_reliability="F", info_credibility=6, claim_status="reported",
                    unit_as_reported="Military Forces of North Korea (1948-)")
    record, found = clean_sighting(sighting, sources)
    assert found == [] and problems == []
    assert record.sources[0].dataset == "ACLED" and record.sources[0].url is None


def test_acled_unit_names_are_the_forces_north_korean_first():
    layout, table, rows = _layout_of(DATA / "acled_kursk.csv")
    mapping = layout.guess_mapping(table.columns)
    assert layout.unit_names(rows[0], mapping) == [
        "Military Forces of North Korea (1948-)", "Military Forces of Russia (2000-)", "Military Forces of Ukraine (2019-)"]
    assert layout.unit_names(rows[1], mapping)[0] == layouts.ACLED_KPA_ACTOR
    # Civilians are not a force.
    assert layout.unit_names(rows[2], mapping) == ["Unidentified Armed Group (Russia)"]


def test_acled_time_and_geo_precision_come_from_its_columns():
    layout, table, rows = _layout_of(DATA / "acled_kursk.csv")
    mapping = layout.guess_mapping(table.columns)
    sighting, _s, _p = exchange.row_to_input(rows[1], mapping)
    assert sighting["time_precision"] == "2" and sighting["geo_precision"] == "2"
    assert "time_precision" not in layout.defaults and "geo_precision" not in layout.defaults


def test_detect_falls_back_to_plain(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("alpha,beta\n1,2\n", encoding="utf-8")
    layout, _table, _rows = _layout_of(path)
    assert layout.key == "plain"
    assert set(layouts.LAYOUTS) >= {"own", "acled", "plain"}
    assert all(json.dumps(l.label) for l in layouts.LAYOUTS.values())


# --- GeoConfirmed -----------------------------------------------------------------------------------------------

def test_geoconfirmed_kml_detected_mapped_and_dated_from_the_name():
    layout, table, rows = _layout_of(DATA / "geoconfirmed_kursk.kml")
    assert layout.key == "geoconfirmed"
    mapping = layout.guess_mapping(table.columns)
    assert mapping["observed_at"] == "kml_name" and mapping["description"] == "kml_description"
    assert layout.defaults["geo_precision"] == 1
    second = layout.prepare_row(rows[1], mapping)
    assert second.values["kml_name"] == "16 DEC 2024"
    assert rows[1].values["kml_name"] == "16 DEC 2024 - Martynovka"  # the row as read is untouched
    assert "<br>" not in second.values["kml_description"] and "Drone footage" in second.values["kml_description"]
    assert second.point == (35.0417, 51.3125)


def test_geoconfirmed_footage_is_the_source_and_the_geolocation_reports_it():
    layout, table, rows = _layout_of(DATA / "geoconfirmed_kursk.kml")
    mapping = layout.guess_mapping(table.columns)
    footage, geolocation = layout.sources(rows[0], mapping)
    assert footage["url"] == "https://t.me/examplechannel/123" and footage["publisher"] == "examplechannel"
    assert footage["original_url"] is None
    assert geolocation["url"] == "https://x.com/GeoConfirmed/status/1868000000000000010"
    assert geolocation["publisher"] == "@GeoConfirmed"
    assert geolocation["original_url"] == footage["url"]
    # The first footage link is the source; the geolocation comes after its label, by anyone.
    first, located = layout.sources(rows[1], mapping)
    assert first["url"] == "https://x.com/exampleaccount/status/1868000000000000020" and first["publisher"] == "@exampleaccount"
    assert located["url"] == "https://x.com/examplegeolocator/status/1868000000000000021"
    assert located["original_url"] == first["url"]
    # Only GeoConfirmed's own post: it stands alone.
    alone = layout.sources(rows[2], mapping)
    assert [s["url"] for s in alone] == ["https://x.com/GeoConfirmed/status/1868000000000000030"]
    assert alone[0]["original_url"] is None


def test_geoconfirmed_footage_and_geolocation_are_one_origin():
    from kpa_tracker.core.domain.origin import origin_keys

    layout, table, rows = _layout_of(DATA / "geoconfirmed_kursk.kml")
    footage, geolocation = layout.sources(rows[0], layout.guess_mapping(table.columns))
    assert origin_keys(footage) & origin_keys(geolocation)


def test_geoconfirmed_json_detected_and_cited():
    layout, table, rows = _layout_of(DATA / "geoconfirmed_placemarks.json")
    assert layout.key == "geoconfirmed"
    mapping = layout.guess_mapping(table.columns)
    assert mapping["observed_at"] == "date" and mapping["longitude"] == "lo" and mapping["latitude"] == "la"
    assert mapping["source_url"] == "originalSource"
    footage, geolocation = layout.sources(rows[0], mapping)
    assert footage["url"] == "https://t.me/examplechannel/123"
    assert geolocation["original_url"] == footage["url"]
    assert "5a0d6c1e-7b2f-4c1a-9e3d-2f4b6a8c0e11" in geolocation["notes"]
    assert [s["url"] for s in layout.sources(rows[1], mapping)] == ["https://x.com/GeoConfirmed/status/1868000000000000030"]
    # The side is the icon's colour: North Korea's placemarks are of North Korean forces.
    assert layout.unit_names(rows[0], mapping) == ["North Korean forces"]
    assert layout.unit_names(rows[1], mapping) == []


def test_geoconfirmed_side_from_a_kml_style_or_folder():
    layout = layouts.LAYOUTS["geoconfirmed"]
    styled = exchange.Row(1, {"kml_style": "#api/icons/6A1D00/False/icons/transparent/80.png"})
    foldered = exchange.Row(2, {"kml_folder": "Ukraine / North Korea"})
    russian = exchange.Row(3, {"kml_style": "#api/icons/E00000/False/icons/transparent/10.png"})
    assert layout.unit_names(styled, {}) == ["North Korean forces"]
    assert layout.unit_names(foldered, {}) == ["North Korean forces"]
    assert layout.side(russian) == "Russia" and layout.unit_names(russian, {}) == []


# --- Bellingcat TimeMap ------------------------------------------------------------------------------------------

def test_timemap_csv_detected_mapped_and_dated_month_first():
    layout, table, rows = _layout_of(DATA / "timemap_export.csv")
    assert layout.key == "timemap"
    mapping = layout.guess_mapping(table.columns)
    assert mapping == {"observed_at": "date", "longitude": "longitude", "latitude": "latitude",
                       "location_name": "location", "description": "description", "source_url": "sources"}
    assert layout.prepare_row(rows[0], mapping).values["date"] == "2024-12-14"
    assert layout.prepare_row(rows[1], mapping).values["date"] == "2024-12-03"  # not 12 March


def test_timemap_csv_sources_are_its_links_with_the_event_id_in_the_notes():
    layout, table, rows = _layout_of(DATA / "timemap_export.csv")
    mapping = layout.guess_mapping(table.columns)
    sources = layout.sources(rows[0], mapping)
    assert [s["url"] for s in sources] == ["https://t.me/examplechannel/123", "https://www.example.org/news/plekhovo"]
    assert [s["publisher"] for s in sources] == ["examplechannel", "example.org"]
    assert all("TMX0001" in s["notes"] for s in sources)
    assert all(s["dataset"] is None and s["record_id"] is None for s in sources)
    assert layout.unit_names(rows[0], mapping) == ["KPA"]
    assert layout.unit_names(rows[1], mapping) == []


def test_timemap_json_sources_objects_and_filters():
    layout, table, rows = _layout_of(DATA / "timemap_export.json")
    assert layout.key == "timemap"
    mapping = layout.guess_mapping(table.columns)
    sources = layout.sources(rows[0], mapping)
    assert [s["url"] for s in sources] == ["https://t.me/examplechannel/123", "https://www.example.org/news/plekhovo"]
    assert "SRC0101" in sources[0]["notes"] and "Video of a column" in sources[0]["notes"]
    assert layout.unit_names(rows[0], mapping) == ["KPA"]


def test_timemap_events_with_time_column_and_source_ids():
    layout, table, rows = _layout_of(DATA / "timemap_events.json")
    assert layout.key == "timemap"
    mapping = layout.guess_mapping(table.columns)
    assert mapping["description"] == "desc" and mapping["longitude"] == "long" and mapping["latitude"] == "lat"
    assert layout.prepare_row(rows[0], mapping).values["date"] == "2024-12-03T18:30:00Z"
    # A source given by its id only: no link is invented; the notes say what is missing.
    (source,) = layout.sources(rows[0], mapping)
    assert source["url"] is None and "SRC9" in source["notes"]
    record, problems = clean_sighting({"observed_at": "2024-12-03T18:30:00Z", "lon": 35.27, "lat": 51.19,
                                       "time_precision": 1, "geo_precision": 2, "source_reliability": "F",
                                       "info_credibility": 6, "claim_status": "reported", "unit_as_reported": "x"},
                                      [source])
    assert record is None and "url" in [p.field for p in problems]


@pytest.mark.parametrize("date, time, month_first, expected", [
    ("12/14/2024", "18:30", True, "2024-12-14T18:30:00Z"),
    ("12/14/2024", "", True, "2024-12-14"),
    ("2024-12-14", "08:05:09", False, "2024-12-14T08:05:09Z"),
    ("14.12.2024", "08:05", False, "14.12.2024"),  # not a form joined here: left to the date reader
    ("2024-12-14", "25:00", False, "2024-12-14"),
    ("12/14/2024", None, False, "12/14/2024"),
])
def test_with_time(date, time, month_first, expected):
    assert layouts.with_time(date, time, month_first) == expected


def test_plain_joins_a_separate_time_column(tmp_path):
    path = tmp_path / "colleague.csv"
    path.write_text("date,time,lat,lon,url\n2024-12-14,08:30,51.2,34.9,https://t.me/examplechannel/1\n", encoding="utf-8")
    layout, table, rows = _layout_of(path)
    mapping = layout.guess_mapping(table.columns)
    assert layout.key == "plain" and mapping["observed_at"] == "date"
    assert layout.prepare_row(rows[0], mapping).values["date"] == "2024-12-14T08:30:00Z"


@pytest.mark.parametrize("name, key", [
    ("acled_kursk.csv", "acled"), ("geoconfirmed_kursk.kml", "geoconfirmed"),
    ("geoconfirmed_placemarks.json", "geoconfirmed"), ("timemap_export.csv", "timemap"),
    ("timemap_export.json", "timemap"), ("timemap_events.json", "timemap"), ("plain_sightings.csv", "plain"),
    ("plain_russian.csv", "plain"), ("plain_korean.csv", "plain"), ("readers_placemarks.kml", "plain"),
])
def test_detect_picks_each_fixtures_layout(name, key):
    assert _layout_of(DATA / name)[0].key == key


# --- through the import itself --------------------------------------------------------------------------------

@pytest.mark.parametrize("name, accepted, check", [
    ("acled_kursk.csv", 3, lambda kept: kept["Plekhovo"].sources[0].dataset == "ACLED"
        and kept["Plekhovo"].sources[0].record_id == "RUS90001" and kept["Plekhovo"].sources[0].url is None
        and kept["Plekhovo"].unit_id == "kpa-contingent-kursk" and kept["Martynovka"].time_precision == 2
        and kept["Martynovka"].geo_precision == 2 and kept["Kursk"].unit_id is None),
    ("geoconfirmed_kursk.kml", 3, lambda kept: all(r.geo_precision == 1 for r in kept.values())),
    ("geoconfirmed_placemarks.json", 2, lambda kept: any(r.unit_id == "kpa-contingent-kursk" for r in kept.values())),
    ("timemap_export.csv", 2, lambda kept: kept["Martynovka, Kursk Oblast"].observed_at.day == 3
        and kept["Plekhovo, Kursk Oblast"].unit_id == "kpa-contingent-kursk"
        and len(kept["Plekhovo, Kursk Oblast"].sources) == 2),
    ("timemap_export.json", 2, lambda kept: kept["Martynovka, Kursk Oblast"].observed_at.month == 12),
    ("plain_russian.csv", 1, lambda kept: next(iter(kept.values())).unit_id == "kpa-contingent-kursk"),
    ("plain_korean.csv", 1, lambda kept: next(iter(kept.values())).unit_id == "kpa-contingent-kursk"),
])
def test_each_fixture_imports_through_the_pipeline(tmp_path, name, accepted, check):
    from kpa_tracker.core.imports.aliases import AliasTable, curated_unit_ids
    from kpa_tracker.core.imports.pipeline import ImportSpec, run_import
    from kpa_tracker.core.sightings.store import GpkgStore

    units = curated_unit_ids()
    table = AliasTable.load(user_path=tmp_path / "none.yaml", known_units=units)
    store = GpkgStore(tmp_path / "sightings.gpkg")
    now = datetime.datetime(2025, 1, 10, tzinfo=datetime.timezone.utc)
    report = run_import(ImportSpec(path=str(DATA / name), known_units=units, aliases=table), store, now=now)
    reasons = [o.reason for o in report.outcomes if o.reason]
    assert report.accepted == accepted, reasons
    kept = {r.location_name or r.sighting_id: r for r in store.read()}
    assert check(kept)


def test_plain_sources_column_of_links_or_of_the_plugins_json(tmp_path):
    path = tmp_path / "sheet.csv"
    listed = json.dumps([{"url": "https://t.me/examplechannel/7", "publisher": "examplechannel"}])
    with open(str(path), "w", encoding="utf-8", newline="") as handle:
        import csv

        writer = csv.writer(handle)
        writer.writerow(["date", "lat", "lon", "sources"])
        writer.writerow(["2024-12-14", "51.2", "34.9", "https://t.me/examplechannel/5; https://t.me/examplechannel/6"])
        writer.writerow(["2024-12-14", "51.2", "34.9", listed])
    layout, table, rows = _layout_of(path)
    mapping = layout.guess_mapping(table.columns)
    assert layout.key == "plain" and mapping["source_url"] == "sources" and "sources" not in mapping
    assert [s["url"] for s in layout.sources(rows[0], mapping)] == ["https://t.me/examplechannel/5",
                                                                    "https://t.me/examplechannel/6"]
    assert [(s["url"], s["publisher"]) for s in layout.sources(rows[1], mapping)] == [
        ("https://t.me/examplechannel/7", "examplechannel")]
    _sighting, _sources, problems = exchange.row_to_input(rows[0], mapping)
    assert problems == []


def test_a_plain_kml_maps_its_placemarks_and_reads_a_month_span():
    layout, table, rows = _layout_of(DATA / "readers_placemarks.kml")
    mapping = layout.guess_mapping(table.columns)
    assert layout.key == "plain"
    assert mapping["observed_at"] == "kml_when" and mapping["description"] == "kml_description"
    assert mapping["location_name"] == "kml_name" and mapping["unit_as_reported"] == "unit"
    first = layout.prepare_row(rows[0], mapping)
    assert first.values["kml_description"] == "Trucks seen. source"
    assert layout.prepare_row(rows[1], mapping).values["kml_when"] == "2024-12"  # the TimeSpan: December
    assert layouts.kml_span("2024-12-01", "2024-12-07") == "2024-12-01"

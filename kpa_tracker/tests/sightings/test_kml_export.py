"""The KML export: placemarks styled by map class in the sightings style's colours, TimeSpan for week- and
month-precision times, and what it writes still reads back unchanged (with the dataset source fields)."""

import datetime
import xml.etree.ElementTree as ElementTree

from kpa_tracker.core.domain import validation as V
from kpa_tracker.core.sightings import exchange as X
from kpa_tracker.tests.sightings.test_sightings_core import NOW, sighting, source

K = "{http://www.opengis.net/kml/2.2}"
UTC = datetime.timezone.utc


def _records():
    items = [
        (sighting(observed_at="2024-12-10T08:30:00Z", time_precision=1, claim_status="confirmed",
                  source_reliability="A", info_credibility=1), [source()]),
        (sighting(observed_at="2024-12-03T00:00:00Z", time_precision=2, claim_status="reported",
                  source_reliability="C", info_credibility=3), [source(original_url="https://t.me/c/5")]),
        (sighting(observed_at="2024-12-01T00:00:00Z", time_precision=3, claim_status="claimed",
                  source_reliability="F", info_credibility=6),
         [{"dataset": "ACLED", "record_id": "UKR12345", "publisher": "Yonhap"}]),
        (sighting(observed_at="2024-11-20T12:00:00Z", time_precision=3, review_status="rejected"), [source()]),
    ]
    return V.clean_batch(items, now=NOW)


def _placemarks(path):
    root = ElementTree.parse(str(path)).getroot()
    document = root.find(K + "Document")
    styles = {style.get("id"): style for style in document.findall(K + "Style")}
    return document, styles, document.findall(K + "Placemark")


def test_every_placemark_points_to_a_shared_style_of_its_class_in_the_layers_colours(tmp_path):
    path = tmp_path / "out.kml"
    records = _records()
    X.write_kml(path, records)
    document, styles, placemarks = _placemarks(path)
    # one Style per class of the sightings style, before the placemarks, shared by them
    assert len(styles) == 13 and set(styles) == {X.style_id(c) for c in X.class_styles()}
    children = [child.tag for child in document]
    assert max(i for i, t in enumerate(children) if t == K + "Style") < children.index(K + "Placemark")
    assert [p.findtext(K + "styleUrl") for p in placemarks] == [
        "#sighting-confirmed-high", "#sighting-reported-medium", "#sighting-claimed-low", "#sighting-rejected"]
    colour = {sid: style.find(K + "IconStyle").findtext(K + "color") for sid, style in styles.items()}
    # layers/styles/sightings.qml: high 178,24,43; medium 239,138,98; low 150,150,150; rejected 170,170,170
    assert colour["sighting-confirmed-high"] == "ff2b18b2"
    assert colour["sighting-reported-medium"] == "ff628aef"  # an open symbol: its outline's colour
    assert colour["sighting-claimed-low"] == "ff969696"
    assert colour["sighting-rejected"] == "ffaaaaaa"
    scale = {sid: float(style.find(K + "IconStyle").findtext(K + "scale")) for sid, style in styles.items()}
    assert scale["sighting-rejected"] < scale["sighting-confirmed-high"] == 1.0


def test_week_and_month_precision_are_time_spans_an_exact_date_a_time_stamp(tmp_path):
    path = tmp_path / "out.kml"
    X.write_kml(path, _records())
    _document, _styles, placemarks = _placemarks(path)
    exact, week, month, november = placemarks
    assert exact.find(K + "TimeSpan") is None and exact.findtext(K + "TimeStamp/" + K + "when") == \
        "2024-12-10T08:30:00Z"
    assert week.find(K + "TimeStamp") is None
    assert (week.findtext(K + "TimeSpan/" + K + "begin"), week.findtext(K + "TimeSpan/" + K + "end")) == \
        ("2024-12-03T00:00:00Z", "2024-12-10T00:00:00Z")
    assert (month.findtext(K + "TimeSpan/" + K + "begin"), month.findtext(K + "TimeSpan/" + K + "end")) == \
        ("2024-12-01T00:00:00Z", "2025-01-01T00:00:00Z")  # the calendar month, across the new year
    assert (november.findtext(K + "TimeSpan/" + K + "begin"), november.findtext(K + "TimeSpan/" + K + "end")) == \
        ("2024-11-01T00:00:00Z", "2024-12-01T00:00:00Z")
    # KML's order: the time primitive comes before styleUrl and ExtendedData
    tags = [child.tag for child in week]
    assert tags.index(K + "TimeSpan") < tags.index(K + "styleUrl") < tags.index(K + "ExtendedData")


def test_gdal_reads_the_export_with_its_times_and_styles(tmp_path):
    """GDAL's LIBKML driver (what QGIS opens a KML with) sees the TimeSpans, TimeStamps and styles."""
    import pytest
    from osgeo import gdal

    path = tmp_path / "out.kml"
    X.write_kml(path, _records())
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR, allowed_drivers=["LIBKML"])
    if ds is None:
        pytest.skip("GDAL without its LIBKML driver")
    features = list(ds.GetLayer(0))
    assert len(features) == 4
    times = [(f.GetFieldAsString("timestamp"), f.GetFieldAsString("begin"), f.GetFieldAsString("end"))
             for f in features]
    assert times == [("2024/12/10 08:30:00+00", "", ""),
                     ("", "2024/12/03 00:00:00+00", "2024/12/10 00:00:00+00"),
                     ("", "2024/12/01 00:00:00+00", "2025/01/01 00:00:00+00"),
                     ("", "2024/11/01 00:00:00+00", "2024/12/01 00:00:00+00")]
    # GDAL names the shared style, or (with LIBKML_RESOLVE_STYLE, which QGIS may set) gives its colour
    expected = [("@sighting-confirmed-high", "#B2182BFF"), ("@sighting-reported-medium", "#EF8A62FF"),
                ("@sighting-claimed-low", "#969696FF"), ("@sighting-rejected", "#AAAAAAFF")]
    for feature, (reference, colour) in zip(features, expected):
        style = feature.GetStyleString()
        assert style == reference or "C:{}".format(colour) in style.upper(), style


def test_what_the_kml_export_writes_reads_back_unchanged(tmp_path):
    path = tmp_path / "out.kml"
    records = _records()
    X.write_kml(path, records)
    columns, rows = X.read_rows(path)
    assert set(X.COLUMNS) <= set(columns)
    resolved = X.resolve_columns(columns, {})
    again = []
    for row in rows:
        values, sources, problems = X.row_to_input(row, resolved)
        assert problems == []
        record, found = V.clean_sighting(values, sources, now=NOW)
        assert found == []
        again.append(record)
    assert [r.__dict__ for r in again] == [r.__dict__ for r in records]
    assert again[2].sources[0].dataset == "ACLED" and again[2].sources[0].url is None
    assert again[1].sources[0].original_url == "https://t.me/c/5"


def test_csv_and_geojson_carry_the_dataset_fields_flat_and_in_sources(tmp_path):
    records = _records()
    for name in ("out.csv", "out.geojson"):
        path = tmp_path / name
        X.write_file(path, records)
        columns, rows = X.read_rows(path)
        assert {"source_dataset", "source_record_id", "source_original_url"} <= set(columns)
        assert rows[2].values["source_dataset"] == "ACLED" and rows[2].values["source_record_id"] == "UKR12345"
        resolved = X.resolve_columns(columns, {})
        again = [V.clean_sighting(*X.row_to_input(row, resolved)[:2], now=NOW)[0] for row in rows]
        assert [r.__dict__ for r in again] == [r.__dict__ for r in records], name


def test_a_file_without_the_new_fields_reads_as_before(tmp_path):
    """An export of the release before: no source_dataset… columns, sources JSON without their keys."""
    path = tmp_path / "old.csv"
    path.write_text(
        "sighting_id,longitude,latitude,observed_at,time_precision,geo_precision,source_reliability,"
        "info_credibility,claim_status,unit_as_reported,source_url,source_publisher,sources\n"
        "4b1f6c1e-5b2a-4d8e-9a51-0c6f0e7d2a10,35.27,51.19,2024-12-10T08:30:00Z,1,2,B,2,reported,KPA,"
        "https://example.org/flat,Flat,\n"
        "5c2a7d2f-6c3b-4e9f-8b62-1d7a1f8e3b21,35.27,51.19,2024-12-10T08:30:00Z,1,2,B,2,reported,KPA,,,"
        "\"[{\"\"url\"\":\"\"https://example.org/listed\"\",\"\"publisher\"\":\"\"Listed\"\"}]\"\n",
        encoding="utf-8")
    columns, rows = X.read_rows(path)
    resolved = X.resolve_columns(columns, {})
    flat, listed = [V.clean_sighting(*X.row_to_input(row, resolved)[:2], now=NOW)[0] for row in rows]
    assert [(s.url, s.publisher, s.dataset, s.record_id, s.original_url) for s in flat.sources] == [
        ("https://example.org/flat", "Flat", None, None, None)]
    assert [(s.url, s.publisher, s.dataset) for s in listed.sources] == [("https://example.org/listed", "Listed",
                                                                         None)]
    assert flat.observed_at == datetime.datetime(2024, 12, 10, 8, 30, tzinfo=UTC)

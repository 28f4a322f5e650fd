"""The import's readers: every format and encoding from a small file written for the test, row numbers as a
person counts them, bad input as a sentence, and memory bounded on a large file."""

import codecs
import json
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from kpa_tracker.core.imports import readers
from kpa_tracker.core.imports.readers import ExchangeError, detect_encoding, iter_rows, open_table, preview

DATA = Path(__file__).resolve().parent / "data"


def rows_of(table):
    return list(iter_rows(table))


def write(path: Path, text: str, encoding="utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# --- CSV: encodings ------------------------------------------------------------------------------------------

def test_russian_excel_csv_is_cp1251_with_semicolons():
    table = open_table(DATA / "readers_cp1251.csv")
    assert (table.kind, table.encoding, table.delimiter) == ("CSV", "cp1251", ";")
    assert table.columns == ["дата", "широта", "долгота", "подразделение", "описание"]
    rows = rows_of(table)
    assert [r.number for r in rows] == [1, 2]
    assert rows[0].values["подразделение"] == "войска КНДР"
    assert rows[1].values["описание"] == "Разведка сообщает: «пехота в лесу»; две группы"
    assert not any(r.problems for r in rows)


def test_korean_excel_csv_is_cp949():
    table = open_table(DATA / "readers_cp949.csv")
    assert (table.encoding, table.delimiter) == ("cp949", ",")
    assert table.columns == ["날짜", "위도", "경도", "부대", "설명"]
    rows = rows_of(table)
    assert rows[0].values["부대"] == "북한군"
    assert rows[1].values["설명"] == "숲 속의 보병, 두 무리"  # a quoted comma stays in the value
    assert rows[1].values["날짜"] == "2024년 12월 15일"


def test_utf8_bom_tsv_with_a_value_over_two_lines():
    table = open_table(DATA / "readers_utf8_bom.tsv")
    assert (table.encoding, table.delimiter) == ("utf-8-sig", "\t")
    assert table.columns[0] == "observed_at"  # no BOM in the first name
    rows = rows_of(table)
    assert [r.number for r in rows] == [1, 2, 3]  # data rows, not lines: row 2 spans two lines
    assert rows[1].values["description"] == "Two groups,\nseen at dawn"
    assert rows[2].values["description"] == "Échelon reported, 북한군"


def test_excel_unicode_text_is_utf16_with_bom(tmp_path):
    path = write(tmp_path / "unicode.txt", "date\tunit\n2024-12-14\t북한군\n2024-12-15\tвойска КНДР\n", "utf-16")
    assert path.read_bytes()[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    table = open_table(path)
    assert (table.encoding, table.delimiter, table.columns) == ("utf-16", "\t", ["date", "unit"])
    assert [r.values["unit"] for r in rows_of(table)] == ["북한군", "войска КНДР"]


def test_a_given_encoding_wins_and_an_unknown_one_is_a_sentence(tmp_path):
    path = write(tmp_path / "latin.csv", "name,place\nJosé,Kursk\n", "latin-1")
    table = open_table(path, encoding="latin-1")
    assert rows_of(table)[0].values["name"] == "José"
    with pytest.raises(ExchangeError, match="latin.csv.*'klingon' is not an encoding"):
        open_table(path, encoding="klingon")


@pytest.mark.parametrize("text, expected", [
    ("Колонна техники у моста, Курская область", "cp1251"),
    ("ВОЙСКА КНДР", "cp1251"),
    ("Суджа", "cp1251"),
    ("북한군 병력이 쿠르스크 지역에서 목격되었다", "cp949"),
    ("한국", "cp949"),
    ("조선인민군 제11군단", "cp949"),
])
def test_cp1251_and_cp949_are_told_apart(text, expected):
    sample = "id;text\n1;{}\n".format(text).encode(expected)
    assert detect_encoding(sample) == expected


def test_utf8_and_boms_come_first():
    assert detect_encoding("북한군".encode("utf-8")) == "utf-8"
    assert detect_encoding(codecs.BOM_UTF8 + b"a,b\n") == "utf-8-sig"
    assert detect_encoding("a,b\n".encode("utf-16")) == "utf-16"
    # a multi-byte letter cut at the end of the sample is still UTF-8
    assert detect_encoding("북한군".encode("utf-8")[:-1], final=False) == "utf-8"


# --- CSV: delimiters, quotes, rows ---------------------------------------------------------------------------

@pytest.mark.parametrize("delimiter", [",", ";", "\t", "|"])
def test_each_delimiter_is_sniffed(tmp_path, delimiter):
    lines = [["date", "lat", "lon", "description"],
             ["2024-12-14", "51.5", "35.2", "trucks, tanks; and | a tab\there"],
             ["2024-12-15", "51.6", "35.3", "plain"]]

    def quote(value):
        return '"{}"'.format(value) if any(c in value for c in ",;|\t") else value
    text = "\n".join(delimiter.join(quote(v) for v in line) for line in lines) + "\n"
    table = open_table(write(tmp_path / "d.csv", text))
    assert table.delimiter == delimiter
    assert table.columns == lines[0]
    assert [list(r.values.values()) for r in rows_of(table)] == lines[1:]


def test_a_given_delimiter_is_used(tmp_path):
    path = write(tmp_path / "one.txt", "a|b;c\n1|2;3\n")
    assert open_table(path, delimiter="pipe").columns == ["a", "b;c"]
    assert open_table(path, delimiter=";").columns == ["a|b", "c"]
    assert open_table(write(tmp_path / "t.csv", "a\tb\n1\t2\n"), delimiter="tab").columns == ["a", "b"]


def test_row_numbers_problems_and_missing_values(tmp_path):
    text = ('id,when,text\n'
            '1,2024-12-14,"a ""quoted"" word"\n'
            '2,2024-12-15,"three\nlines\nhere"\n'
            '\n'
            ',,\n'
            '5,2024-12-16\n'
            '6,2024-12-17,x,unexpected\n')
    rows = rows_of(open_table(write(tmp_path / "rows.csv", text)))
    assert [r.number for r in rows] == [1, 2, 5, 6]  # the blank and empty rows are counted, not yielded
    assert rows[0].values["text"] == 'a "quoted" word'
    assert rows[1].values["text"] == "three\nlines\nhere"
    assert rows[2].values == {"id": "5", "when": "2024-12-16", "text": ""}
    assert rows[3].problems == ["it has 4 values, the header 3 columns"]
    assert rows[3].values == {"id": "6", "when": "2024-12-17", "text": "x"}
    assert not rows[0].problems and not rows[2].problems


def test_duplicate_and_empty_header_names_stay_apart(tmp_path):
    table = open_table(write(tmp_path / "h.csv", "name,name, ,x,\n1,2,3,4,\n"))
    assert table.columns == ["name", "name_2", "column_3", "x"]
    assert rows_of(table)[0].values == {"name": "1", "name_2": "2", "column_3": "3", "x": "4"}


def test_header_only_has_columns_and_no_rows(tmp_path):
    table = open_table(write(tmp_path / "header.csv", "date,lat,lon\n"))
    assert table.columns == ["date", "lat", "lon"]
    assert rows_of(table) == []
    assert table.fraction_read() == 1.0


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\n\n  \n"])
def test_an_empty_file_is_a_sentence(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    with pytest.raises(ExchangeError, match=r"^empty.csv is empty$"):
        open_table(path)


def test_binary_junk_named_csv_is_a_sentence(tmp_path):
    path = tmp_path / "junk.csv"
    path.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(ExchangeError) as error:
        open_table(path)
    assert str(error.value).startswith("junk.csv is not")


def test_a_zip_named_csv_is_a_sentence(tmp_path):
    path = tmp_path / "sheet.csv"
    with zipfile.ZipFile(str(path), "w") as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>" * 100)
    with pytest.raises(ExchangeError, match="sheet.csv is not a text file"):
        open_table(path)


def test_text_that_changes_encoding_later_names_the_row(tmp_path):
    path = tmp_path / "mixed.csv"
    head = "a,b\n" + "1,2\n" * (readers.SAMPLE_BYTES // 4 + 10)
    path.write_bytes(head.encode("ascii") + "3,북한군\n".encode("cp949"))
    table = open_table(path)
    assert table.encoding == "utf-8"
    with pytest.raises(ExchangeError, match=r"mixed.csv: the text after row \d+ is not utf-8; choose"):
        rows_of(table)


def test_unknown_extension_lists_the_accepted_ones(tmp_path):
    path = write(tmp_path / "sightings.xls", "x")
    with pytest.raises(ExchangeError) as error:
        open_table(path)
    message = str(error.value)
    assert message.startswith("sightings.xls:")
    for accepted in (".csv", ".tsv", ".txt", ".xlsx", ".geojson", ".json", ".kml", ".kmz", ".gpkg"):
        assert accepted in message


def test_a_missing_file_is_a_sentence(tmp_path):
    with pytest.raises(ExchangeError, match="does not exist"):
        open_table(tmp_path / "nowhere.csv")


def test_preview_takes_the_first_rows(tmp_path):
    text = "n\n" + "".join("{}\n".format(i) for i in range(1, 101))
    table = open_table(write(tmp_path / "many.csv", text))
    rows = preview(table, 20)
    assert [r.values["n"] for r in rows] == [str(i) for i in range(1, 21)]
    assert len(preview(table, 500)) == 100
    assert preview(table, 0) == []


def test_a_large_csv_streams_with_bounded_memory(tmp_path):
    path = tmp_path / "large.csv"
    line = "2024-12-14T08:30:00Z,51.6234567,35.1234567,Trucks near the bridge seen by several people,{}\n"
    with open(str(path), "w", encoding="utf-8", newline="") as handle:
        handle.write("observed_at,latitude,longitude,description,n\n")
        written, count = 0, 0
        while written < 50 * 1024 * 1024:
            count += 1
            written += handle.write(line.format(count))
    table = open_table(path)
    fractions = []
    tracemalloc.start()
    try:
        seen = 0
        last = None
        for row in iter_rows(table):
            seen += 1
            last = row
            if seen % 5000 == 0:
                fractions.append(table.fraction_read())
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert seen == count and last.number == count and last.values["n"] == str(count)
    assert peak < 20 * 1024 * 1024, "peak {:.1f} MB".format(peak / 1e6)
    assert fractions == sorted(fractions) and 0 < fractions[0] < 0.1 and fractions[-1] > 0.9
    assert table.fraction_read() == 1.0


# --- GeoJSON and JSON ------------------------------------------------------------------------------------------

def feature(lon, lat, **properties):
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [lon, lat]}, "properties": properties}


def test_geojson_feature_collection(tmp_path):
    collection = {"type": "FeatureCollection", "name": "x", "features": [
        feature(35.1, 51.6, unit="KPA", sources=[{"url": "https://example.org/1"}]),
        {"type": "Feature", "geometry": {"type": "LineString", "coordinates": [[35, 51], [36, 52]]},
         "properties": {"unit": "KPA", "extra": 2}},
        {"type": "Feature", "geometry": None, "properties": {"unit": None}},
    ], "bbox": [35, 51, 36, 52]}
    table = open_table(write(tmp_path / "s.geojson", json.dumps(collection)))
    assert (table.kind, table.columns) == ("GeoJSON", ["unit", "sources", "extra"])
    rows = rows_of(table)
    assert [r.number for r in rows] == [1, 2, 3]
    assert rows[0].point == (35.1, 51.6) and rows[0].values["sources"] == [{"url": "https://example.org/1"}]
    assert rows[1].point is None and rows[1].problems == ["the geometry is a LineString, not a point"]
    assert rows[2].point is None and not rows[2].problems


def test_a_single_geojson_feature(tmp_path):
    table = open_table(write(tmp_path / "one.json", json.dumps(feature(35.5, 51.5, a="b"))))
    rows = rows_of(table)
    assert table.columns == ["a"] and len(rows) == 1 and rows[0].point == (35.5, 51.5)


def test_a_json_list_of_records(tmp_path):
    records = [{"id": "1", "date": "2024-12-14", "latitude": 51.6, "longitude": 35.1, "sources": ["a"]},
               {"id": "2", "date": "2024-12-15", "location": "Sudzha"}, "not a record"]
    table = open_table(write(tmp_path / "timemap.json", json.dumps(records)))
    assert table.columns == ["id", "date", "latitude", "longitude", "sources", "location"]
    rows = rows_of(table)
    assert rows[0].values["latitude"] == 51.6 and rows[0].point is None
    assert rows[1].values == {"id": "2", "date": "2024-12-15", "location": "Sudzha"}
    assert rows[2].problems and rows[2].values == {}


def test_a_json_object_holding_a_list_of_records(tmp_path):
    data = {"version": 2, "events": [{"id": "a", "date": "2024-12"}, {"id": "b", "date": "2024-11"}]}
    rows = rows_of(open_table(write(tmp_path / "events.json", json.dumps(data))))
    assert [r.values["id"] for r in rows] == ["a", "b"]


def test_geojson_streams_across_chunk_edges(tmp_path):
    features = [feature(30 + i / 1e5, 50 + i / 1e5, n=i, text="x" * (i % 97), big=123456789012345 + i)
                for i in range(4000)]
    path = write(tmp_path / "big.geojson", json.dumps({"type": "FeatureCollection", "features": features}))
    assert path.stat().st_size > 10 * readers.CHUNK
    rows = rows_of(open_table(path))
    assert [r.values for r in rows] == [f["properties"] for f in features]
    assert [r.point for r in rows] == [tuple(f["geometry"]["coordinates"]) for f in features]


@pytest.mark.parametrize("text", ['{"type": "FeatureCollection", "features": [{"type": "Feature",',
                                  '{"a": 1}', '42', 'not json at all'])
def test_bad_json_is_a_sentence(tmp_path, text):
    path = write(tmp_path / "bad.geojson", text)
    with pytest.raises(ExchangeError) as error:
        rows_of(open_table(path))
    assert str(error.value).startswith("bad.geojson is ")


# --- KML and KMZ -------------------------------------------------------------------------------------------------

def test_kml_placemarks():
    table = open_table(DATA / "readers_placemarks.kml")
    assert table.kind == "KML"
    assert table.columns == ["source_url", "unit", "kml_name", "kml_description", "kml_when", "kml_begin",
                             "kml_end"]
    rows = rows_of(table)
    assert [r.number for r in rows] == [1, 2, 3]
    first, second, third = rows
    assert first.values["kml_name"] == "Column near the bridge"
    assert first.values["kml_when"] == "2024-12-14T08:30:00Z"
    assert first.values["source_url"] == "https://example.org/post/1" and first.values["unit"] == "KPA"
    assert 'href="https://example.org/post/1"' in first.values["kml_description"]
    assert first.point == (35.12, 51.62) and not first.problems
    assert (second.values["kml_begin"], second.values["kml_end"]) == ("2024-12-01", "2024-12-31")
    assert second.point == (35.30, 51.70)
    assert third.point is None and third.problems == ["the geometry is LineString, not one point"]
    assert table.fraction_read() == 1.0


def test_a_kml_without_placemarks_is_a_sentence(tmp_path):
    path = write(tmp_path / "none.kml", '<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>x</name>'
                                        '</Document></kml>')
    with pytest.raises(ExchangeError, match="^none.kml has no placemarks$"):
        open_table(path)


def test_xml_that_is_not_kml_is_a_sentence(tmp_path):
    with pytest.raises(ExchangeError, match="other.kml is not KML: its root element is <svg>"):
        open_table(write(tmp_path / "other.kml", '<svg xmlns="http://www.w3.org/2000/svg"><Placemark/></svg>'))
    with pytest.raises(ExchangeError, match="^broken.kml is not readable as KML"):
        open_table(write(tmp_path / "broken.kml", '<kml><Placemark><name>x</Placemark></kml>'))


def test_a_doctype_is_refused_before_any_entity_expands(tmp_path):
    laughs = ('<?xml version="1.0"?>\n<!-- a comment first -->\n<!DOCTYPE kml [\n <!ENTITY a "lol">\n'
              + "".join(' <!ENTITY {} "{}">\n'.format(chr(98 + i), ("&" + chr(97 + i) + ";") * 10)
                        for i in range(9))
              + ']>\n<kml><Placemark><name>&j;</name></Placemark></kml>\n')
    with pytest.raises(ExchangeError, match="laughs.kml declares a DOCTYPE"):
        open_table(write(tmp_path / "laughs.kml", laughs))


def make_kmz(path: Path, entries) -> Path:
    with zipfile.ZipFile(str(path), "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries:
            archive.writestr(name, data)
    return path


def test_kmz_reads_doc_kml(tmp_path):
    kml = (DATA / "readers_placemarks.kml").read_bytes()
    path = make_kmz(tmp_path / "s.kmz", [("files/other.kml", b"<kml/>"), ("doc.kml", kml),
                                         ("files/icon.png", b"\x89PNG")])
    table = open_table(path)
    assert table.kind == "KML" and table.columns[0] == "source_url"
    rows = rows_of(table)
    assert [r.values["kml_name"] for r in rows] == ["Column near the bridge", "Infantry in the woods", "Route"]
    assert table.fraction_read() == 1.0
    # no doc.kml: the first .kml inside
    other = make_kmz(tmp_path / "t.kmz", [("a/first.kml", kml), ("b/second.kml", b"<kml/>")])
    assert len(rows_of(open_table(other))) == 3


def test_kmz_without_kml_or_too_large_is_a_sentence(tmp_path, monkeypatch):
    with pytest.raises(ExchangeError, match="empty.kmz holds no .kml file"):
        open_table(make_kmz(tmp_path / "empty.kmz", [("icon.png", b"x")]))
    bomb = make_kmz(tmp_path / "bomb.kmz", [("doc.kml", b"<kml>" + b" " * 3_000_000 + b"</kml>")])
    monkeypatch.setattr(readers, "MAX_UNCOMPRESSED", 1024 * 1024)
    with pytest.raises(ExchangeError, match="bomb.kmz: doc.kml would be 2 MB uncompressed, more than the 1 MB"):
        open_table(bomb)
    with pytest.raises(ExchangeError, match="not.kmz is not readable as KML"):
        open_table(write(tmp_path / "not.kmz", "plain text, not a zip"))

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


# --- XLSX ----------------------------------------------------------------------------------------------------------
# A workbook written here by the Office Open XML (ECMA-376) SpreadsheetML layout: the parts, their
# relationships, shared strings, cell styles with date number formats.

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOC_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
SML = "application/vnd.openxmlformats-officedocument.spreadsheetml"
CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="' + SML + '.sheet.main+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="' + SML + '.styles+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="' + SML + '.sharedStrings+xml"/>{sheets}</Types>')
STYLES = {"date": 1, "datetime": 2, "custom": 3, "korean": 4, "time": 5, "plain": 0}


def _esc(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def make_xlsx(path: Path, sheets, date1904=False) -> Path:
    """sheets: [(name, {sheet row number: [cell, …]})]; a cell is None (absent), text (shared), a number,
    a bool, ("inline", text), ("formula", text) or (style, serial) with style one of STYLES."""
    strings = []

    def cell_xml(ref, value):
        if value is None:
            return ""
        if isinstance(value, bool):
            return '<c r="{}" t="b"><v>{}</v></c>'.format(ref, int(value))
        if isinstance(value, (int, float)):
            return '<c r="{}"><v>{!r}</v></c>'.format(ref, value)
        if isinstance(value, tuple) and value[0] == "inline":
            return '<c r="{}" t="inlineStr"><is><t>{}</t></is></c>'.format(ref, _esc(value[1]))
        if isinstance(value, tuple) and value[0] == "formula":
            return '<c r="{}" t="str"><f>CONCAT("a","b")</f><v>{}</v></c>'.format(ref, _esc(value[1]))
        if isinstance(value, tuple):
            return '<c r="{}" s="{}"><v>{!r}</v></c>'.format(ref, STYLES[value[0]], value[1])
        if value not in strings:
            strings.append(value)
        return '<c r="{}" t="s"><v>{}</v></c>'.format(ref, strings.index(value))

    sheet_parts = []
    for name, rows in sheets:
        body = []
        for number in sorted(rows):
            cells = "".join(cell_xml("{}{}".format(chr(65 + i), number), v) for i, v in enumerate(rows[number]))
            body.append('<row r="{}">{}</row>'.format(number, cells))
        sheet_parts.append('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="{}" '
                           'xmlns:r="{}"><sheetData>{}</sheetData></worksheet>'.format(MAIN, DOC_RELS,
                                                                                     "".join(body)))
    shared = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{}" count="{n}" uniqueCount="{n}">{}</sst>'.format(
        MAIN, "".join('<si><t xml:space="preserve">{}</t></si>'.format(_esc(s)) for s in strings),
        n=len(strings)))
    styles = ('<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{}"><numFmts count="2">'
              '<numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy\\ hh:mm"/>'
              '<numFmt numFmtId="165" formatCode="yyyy&quot;년&quot;\\ m&quot;월&quot;\\ d&quot;일&quot;"/>'
              '</numFmts><cellXfs count="6"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/>'
              '<xf numFmtId="22" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/>'
              '<xf numFmtId="165" applyNumberFormat="1"/><xf numFmtId="20" applyNumberFormat="1"/></cellXfs>'
              '</styleSheet>').format(MAIN)
    workbook = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{}" xmlns:r="{}"><workbookPr{}/>'
                '<sheets>{}</sheets></workbook>').format(
        MAIN, DOC_RELS, ' date1904="1"' if date1904 else "",
        "".join('<sheet name="{}" sheetId="{}" r:id="rId{}"/>'.format(_esc(name), i + 1, i + 1)
                for i, (name, _rows) in enumerate(sheets)))
    book_rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{}">{}'
                 '<Relationship Id="rIdS" Type="{}/sharedStrings" Target="sharedStrings.xml"/>'
                 '<Relationship Id="rIdT" Type="{}/styles" Target="/xl/styles.xml"/></Relationships>').format(
        RELS, "".join('<Relationship Id="rId{}" Type="{}/worksheet" Target="worksheets/sheet{}.xml"/>'.format(
            i + 1, DOC_RELS, i + 1) for i in range(len(sheets))), DOC_RELS, DOC_RELS)
    with zipfile.ZipFile(str(path), "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES.format(sheets="".join(
            '<Override PartName="/xl/worksheets/sheet{}.xml" ContentType="{}.worksheet+xml"/>'.format(i + 1, SML)
            for i in range(len(sheets)))))
        archive.writestr("_rels/.rels", '<?xml version="1.0"?><Relationships xmlns="{}"><Relationship Id="rId1" '
                         'Type="{}/officeDocument" Target="xl/workbook.xml"/></Relationships>'.format(RELS, DOC_RELS))
        archive.writestr("xl/workbook.xml", workbook)
        archive.writestr("xl/_rels/workbook.xml.rels", book_rels)
        archive.writestr("xl/sharedStrings.xml", shared)
        archive.writestr("xl/styles.xml", styles)
        for i, part in enumerate(sheet_parts):
            archive.writestr("xl/worksheets/sheet{}.xml".format(i + 1), part)
    return path


# 45640 is 2024-12-14 in the 1900 date system; .354166… is 08:30.
SIGHTINGS_SHEET = {
    1: ["observed_at", "latitude", "longitude", "unit", "confirmed", "count", "note"],
    2: [("date", 45640), 51.62, 35.12, "북한군", True, 12, "first"],
    3: [("datetime", 45640 + 8.5 / 24), 51.7, 35.3, ("inline", "войска КНДР"), False, 3.5, ("formula", "ab")],
    5: [("custom", 45641 + 0.75), "51.80", None, "KPA", None, None, None, "beyond the header"],
    6: [("korean", 45642), None, None, "first", None, None, None],
    7: [None, None, None, None, None, None, None],
    8: [("time", 0.5), ("plain", 45640), None, None, None, None, None],
}


def test_xlsx_first_sheet_values_and_dates(tmp_path):
    path = make_xlsx(tmp_path / "s.xlsx", [("Sightings", SIGHTINGS_SHEET), ("Notes", {1: ["a"], 2: ["b"]})])
    table = open_table(path)
    assert (table.kind, table.layer, table.layers) == ("XLSX", "Sightings", ["Sightings", "Notes"])
    assert table.columns == SIGHTINGS_SHEET[1]
    rows = rows_of(table)
    assert [r.number for r in rows] == [1, 2, 4, 5, 7]  # sheet rows 2, 3, 5, 6, 8: the empty rows counted
    first, second, third, fourth, fifth = rows
    assert first.values == {"observed_at": "2024-12-14", "latitude": 51.62, "longitude": 35.12, "unit": "북한군",
                            "confirmed": True, "count": 12, "note": "first"}
    assert second.values["observed_at"] == "2024-12-14T08:30:00"
    assert (second.values["unit"], second.values["confirmed"], second.values["count"]) == ("войска КНДР", False, 3.5)
    assert second.values["note"] == "ab"  # a formula's cached text
    assert third.values["observed_at"] == "2024-12-15T18:00:00" and third.values["latitude"] == "51.80"
    assert third.values["longitude"] == "" and third.problems == ["it has values beyond the header's 7 columns"]
    assert fourth.values["observed_at"] == "2024-12-16" and fourth.values["unit"] == "first"
    assert fifth.values["observed_at"] == "12:00:00" and fifth.values["latitude"] == 45640
    assert not first.problems and not second.problems
    assert table.fraction_read() == 1.0


def test_xlsx_sheet_chosen_by_name_and_an_unknown_one_named(tmp_path):
    path = make_xlsx(tmp_path / "s.xlsx", [("Sightings", SIGHTINGS_SHEET), ("Notes", {3: ["a", "b"], 4: ["x", 2]})])
    table = open_table(path, layer="notes")
    assert table.layer == "Notes" and table.columns == ["a", "b"]
    assert [(r.number, r.values) for r in rows_of(table)] == [(1, {"a": "x", "b": 2})]  # header on sheet row 3
    with pytest.raises(ExchangeError, match="s.xlsx has no sheet 'Missing'; its sheets are Sightings, Notes"):
        open_table(path, layer="Missing")


def test_xlsx_1904_dates(tmp_path):
    path = make_xlsx(tmp_path / "mac.xlsx", [("S", {1: ["d"], 2: [("date", 44178)]})], date1904=True)
    assert rows_of(open_table(path))[0].values["d"] == "2024-12-14"


def test_xlsx_empty_sheet_header_only_and_not_a_workbook(tmp_path):
    with pytest.raises(ExchangeError, match=r"empty.xlsx \(sheet S\) is empty"):
        open_table(make_xlsx(tmp_path / "empty.xlsx", [("S", {})]))
    header_only = open_table(make_xlsx(tmp_path / "h.xlsx", [("S", {1: ["date", "lat"]})]))
    assert header_only.columns == ["date", "lat"] and rows_of(header_only) == []
    with pytest.raises(ExchangeError, match="text.xlsx is not an XLSX workbook"):
        open_table(write(tmp_path / "text.xlsx", "date,lat\n"))
    other_zip = make_kmz(tmp_path / "other.xlsx", [("doc.kml", b"<kml/>")])
    with pytest.raises(ExchangeError, match="other.xlsx is a zip archive but not an XLSX workbook"):
        open_table(other_zip)


@pytest.mark.parametrize("code, kind", [
    ("yyyy-mm-dd", "date"), ("dd.mm.yyyy hh:mm", "datetime"), ('yyyy"년" m"월" d"일"', "date"), ("mmm yy", "date"),
    ("h:mm AM/PM", "time"), ("[h]:mm:ss", None), ("0.00", None), ('0.0 "days"', None), ("[Red]#,##0", None),
    ("General", None), ("[$-409]d-mmm-yyyy", "date"),
])
def test_number_format_kinds(code, kind):
    assert readers.format_kind(code) == kind


@pytest.mark.parametrize("serial, kind, text", [
    (45640, "date", "2024-12-14"), (45640.5, "date", "2024-12-14T12:00:00"), (45640, "datetime", "2024-12-14T00:00:00"),
    (45640 + 8.5 / 24 - 1e-9, "datetime", "2024-12-14T08:30:00"), (61, "date", "1900-03-01"), (1, "date", "1900-01-01"),
    (0.25, "time", "06:00:00"),
])
def test_serial_dates(serial, kind, text):
    assert readers.serial_text(serial, kind) == text


# --- GeoPackage ------------------------------------------------------------------------------------------------------

def make_gpkg(path: Path) -> Path:
    """Three tables: points in Web Mercator with every kind of field, points in WGS 84, and an attribute table."""
    from osgeo import ogr, osr

    dataset = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    mercator = osr.SpatialReference()
    mercator.ImportFromEPSG(3857)
    layer = dataset.CreateLayer("mercator_sightings", mercator, ogr.wkbUnknown)
    for name, kind in (("unit", ogr.OFTString), ("count", ogr.OFTInteger), ("big", ogr.OFTInteger64),
                       ("lat_text", ogr.OFTString), ("score", ogr.OFTReal), ("day", ogr.OFTDate),
                       ("observed", ogr.OFTDateTime), ("confirmed", ogr.OFTInteger)):
        definition = ogr.FieldDefn(name, kind)
        if name == "confirmed":
            definition.SetSubType(ogr.OFSTBoolean)
        layer.CreateField(definition)

    def mercator_point(lon, lat):
        import math
        radius = 6378137.0
        point = ogr.Geometry(ogr.wkbPoint)
        point.AddPoint_2D(radius * math.radians(lon), radius * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))
        return point

    feature = ogr.Feature(layer.GetLayerDefn())
    for name, value in (("unit", "북한군"), ("count", 12), ("big", 2 ** 40), ("lat_text", "51.62"), ("score", 0.75)):
        feature.SetField(name, value)
    feature.SetField("day", 2024, 12, 14, 0, 0, 0, 0)
    feature.SetField("observed", 2024, 12, 14, 8, 30, 0, 100)
    feature.SetField("confirmed", 1)
    feature.SetGeometry(mercator_point(35.12, 51.62))
    layer.CreateFeature(feature)
    feature = ogr.Feature(layer.GetLayerDefn())
    feature.SetField("unit", "войска КНДР")
    feature.SetField("observed", 2024, 12, 14, 17, 30, 0, 100 + 9 * 4)  # +09:00
    line = ogr.Geometry(ogr.wkbLineString)
    line.AddPoint_2D(0, 0)
    line.AddPoint_2D(1000, 1000)
    feature.SetGeometry(line)
    layer.CreateFeature(feature)
    feature = ogr.Feature(layer.GetLayerDefn())  # no geometry, no values
    layer.CreateFeature(feature)

    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    points = dataset.CreateLayer("wgs84_points", wgs84, ogr.wkbPoint)
    points.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    feature = ogr.Feature(points.GetLayerDefn())
    feature.SetField("name", "Sudzha")
    point = ogr.Geometry(ogr.wkbPoint)
    point.AddPoint_2D(35.27, 51.19)  # x = longitude in OGR's traditional order
    feature.SetGeometry(point)
    points.CreateFeature(feature)

    notes = dataset.CreateLayer("notes", None, ogr.wkbNone)
    notes.CreateField(ogr.FieldDefn("text", ogr.OFTString))
    feature = ogr.Feature(notes.GetLayerDefn())
    feature.SetField("text", "an attribute table")
    notes.CreateFeature(feature)
    dataset = None
    return path


def test_gpkg_layers_values_and_points_in_wgs84(tmp_path):
    path = make_gpkg(tmp_path / "s.gpkg")
    table = open_table(path)
    assert table.kind == "GPKG"
    assert sorted(table.layers) == ["mercator_sightings", "notes", "wgs84_points"]
    assert table.layer == table.layers[0]
    table = open_table(path, layer="mercator_sightings")
    assert table.columns == ["unit", "count", "big", "lat_text", "score", "day", "observed", "confirmed"]
    first, second, third = rows_of(table)
    assert first.values == {"unit": "북한군", "count": 12, "big": 2 ** 40, "lat_text": "51.62", "score": 0.75,
                            "day": "2024-12-14", "observed": "2024-12-14T08:30:00Z", "confirmed": True}
    assert first.point == pytest.approx((35.12, 51.62), abs=1e-9)  # from EPSG:3857, lon first
    assert not first.problems
    assert second.values["observed"] == "2024-12-14T17:30:00+09:00" and second.values["count"] is None
    assert second.point is None and second.problems == ["the geometry is a Linestring, not a point"]
    assert third.point is None and not third.problems and set(third.values.values()) == {None}
    assert [r.number for r in (first, second, third)] == [1, 2, 3]
    assert table.fraction_read() == 1.0


def test_gpkg_wgs84_point_keeps_lon_lat_and_attribute_tables_read(tmp_path):
    path = make_gpkg(tmp_path / "s.gpkg")
    (row,) = rows_of(open_table(path, layer="WGS84_points"))
    assert row.point == pytest.approx((35.27, 51.19)) and row.values == {"name": "Sudzha"}
    (note,) = rows_of(open_table(path, layer="notes"))
    assert note.values == {"text": "an attribute table"} and note.point is None


def test_gpkg_bad_layer_and_bad_file_are_sentences(tmp_path):
    path = make_gpkg(tmp_path / "s.gpkg")
    with pytest.raises(ExchangeError, match="s.gpkg has no layer 'roads'; its layers are .*notes"):
        open_table(path, layer="roads")
    with pytest.raises(ExchangeError, match="^fake.gpkg is not a GeoPackage GDAL can open"):
        open_table(write(tmp_path / "fake.gpkg", "not sqlite at all " * 100))


# --- memory and progress of the XML readers -----------------------------------------------------------------------

def iterate_measured(table):
    """(rows, peak bytes traced while iterating, fractions seen every 1000 rows)."""
    fractions = []
    tracemalloc.start()
    try:
        count = 0
        for _row in iter_rows(table):
            count += 1
            if count % 1000 == 0:
                fractions.append(table.fraction_read())
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return count, peak, fractions


def test_a_large_sheet_streams_with_bounded_memory(tmp_path):
    rows = {1: ["observed_at", "lat", "lon", "text"]}
    rows.update({i: [("date", 45640 + i % 30), 51.6, 35.1, "row {}".format(i % 100)] for i in range(2, 30002)})
    table = open_table(make_xlsx(tmp_path / "large.xlsx", [("S", rows)]))
    count, peak, fractions = iterate_measured(table)
    assert count == 30000
    # every row's cells kept would take some 20 MB: rows are dropped once read
    assert peak < 10 * 1024 * 1024, "peak {:.1f} MB".format(peak / 1e6)
    assert fractions == sorted(fractions) and fractions[0] < 0.2 and table.fraction_read() == 1.0


def test_a_large_kml_streams_with_bounded_memory(tmp_path):
    path = tmp_path / "large.kml"
    with open(str(path), "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>')
        for i in range(30000):
            handle.write('<Placemark><name>p{0}</name><ExtendedData><Data name="n"><value>{0}</value></Data>'
                         '</ExtendedData><Point><coordinates>35.1,51.6</coordinates></Point></Placemark>'.format(i))
        handle.write("</Folder></Document></kml>")
    table = open_table(path)
    count, peak, fractions = iterate_measured(table)
    assert count == 30000
    assert peak < 10 * 1024 * 1024, "peak {:.1f} MB".format(peak / 1e6)
    assert fractions == sorted(fractions) and fractions[0] < 0.2 and table.fraction_read() == 1.0


def test_a_doctype_after_a_long_prologue_is_still_refused(tmp_path):
    text = ('<?xml version="1.0"?>\n<!--' + "x" * (3 * readers.CHUNK) + '-->\n<!DOCTYPE kml SYSTEM "file:///etc/passwd">'
            '\n<kml><Placemark><name>x</name></Placemark></kml>\n')
    with pytest.raises(ExchangeError, match="long.kml declares a DOCTYPE"):
        open_table(write(tmp_path / "long.kml", text))

"""Tables from the files analysts bring: CSV/TSV/TXT, XLSX, GeoJSON (or a JSON list of records), KML/KMZ and a
GeoPackage layer, read row by row with bounded memory.

`open_table(path, encoding=None, delimiter=None, layer=None) -> Table` reads only what it needs to name the
columns (the header; for GeoJSON and KML the keys of the first COLUMN_SCAN records); `iter_rows(table)` streams
`Row`s (core/sightings/exchange.py's: number, values, point, problems) and moves `table.fraction_read()` from 0
to 1; `preview(table, n)` is the first n rows. Every failure is an ExchangeError whose sentence names the file
(and the row where there is one).

Row numbers are counted as a person counts data rows: 1 is the first row after the header (in a sheet, the
row below the header row, empty rows counted; in GeoJSON and KML, the first feature or placemark). A row whose
values are all empty is skipped (its number still counted, so the next rows keep the numbers a spreadsheet
shows).

Text encodings (CSV and JSON), when none is given: a byte-order mark decides (UTF-8, UTF-16 as Excel's
"Unicode text" writes it); else the first SAMPLE_BYTES must be strict UTF-8; else the sample is decoded
strictly as CP1251 (Russian Excel) and CP949 (Korean Excel): when only one succeeds it is that one, when both
do the share of the sample's non-ASCII characters that are Hangul syllables in the CP949 reading is compared
with the share that make well-formed Cyrillic words (all lower case, all upper case or Capitalised, two letters
or more) in the CP1251 reading, and the higher wins (a tie is CP1251). Korean read as CP1251 gives words of
mixed case and signs; Russian read as CP949 gives Hanja and few Hangul: the two readings part clearly.

Delimiters, when none is given: each of , ; TAB | splits the sample's first lines; the one that gives the
header more than one column and the most lines with as many values as the header wins (ties: more columns,
then that order; .tsv files start from TAB). Quotes are ", doubled inside a value, and a quoted value may hold
new lines.

Files are parsed, never evaluated: csv, json, and ElementTree's pull parser (which resolves no external
entities); an XML file that declares a DOCTYPE (where entities are declared, "billion laughs") is refused.
"""

import codecs
import csv
import datetime
import io
import json
import re
import unicodedata
import xml.etree.ElementTree as ElementTree
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterator, List, Optional, Tuple

from ...toolbelt.gdal_quiet import quiet_gdal
from ...toolbelt.i18n import tr
from ..sightings.exchange import ExchangeError, Row

KINDS = {".csv": "CSV", ".tsv": "CSV", ".txt": "CSV", ".xlsx": "XLSX", ".geojson": "GeoJSON", ".json": "GeoJSON",
         ".kml": "KML", ".kmz": "KML", ".gpkg": "GPKG"}
SAMPLE_BYTES = 1 << 20  # what encoding detection reads
SNIFF_LINES = 50  # lines the delimiter is chosen on
DELIMITERS = (",", ";", "\t", "|")
COLUMN_SCAN = 5000  # GeoJSON and KML records whose keys name the columns (later new keys are added while reading)
CHUNK = 1 << 16
MAX_UNCOMPRESSED = 200 * 1024 * 1024  # a KMZ or XLSX part larger than this (uncompressed) is refused
PROGRESS_EVERY = 200  # rows between two updates of fraction_read


@dataclass
class Table:
    path: Path
    kind: str  # "CSV", "XLSX", "GeoJSON", "KML", "GPKG"
    columns: List[str]
    encoding: Optional[str] = None  # CSV and JSON text
    delimiter: Optional[str] = None  # CSV
    layer: Optional[str] = None  # the XLSX sheet or GeoPackage layer read
    layers: List[str] = field(default_factory=list)  # the sheets or layers to choose from
    size_bytes: int = 0
    _fraction: float = field(default=0.0, repr=False)
    _detail: Dict[str, object] = field(default_factory=dict, repr=False)  # what open_table found for iter_rows

    def fraction_read(self) -> float:
        """How much of the file the last iter_rows has read, 0..1 (1 when it has read all)."""
        return self._fraction

    def _advance(self, fraction: float) -> None:
        self._fraction = max(self._fraction, min(1.0, fraction))


def _name(path) -> str:
    return Path(path).name


def kind_of(path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in KINDS:
        raise ExchangeError(tr("{}: the import reads {} files, not '{}' (an .xls or .ods sheet can be saved as "
                               ".xlsx or .csv)").format(_name(path), ", ".join(sorted(KINDS)), suffix or
                                                         tr("no extension")))
    return KINDS[suffix]


def open_table(path, encoding: Optional[str] = None, delimiter: Optional[str] = None,
               layer: Optional[str] = None) -> Table:
    """The file's columns and how it is read; raises ExchangeError with a sentence naming the file."""
    path = Path(path)
    kind = kind_of(path)
    if not path.is_file():
        raise ExchangeError(tr("{} does not exist").format(path))
    size = path.stat().st_size
    if size == 0:
        raise ExchangeError(tr("{} is empty").format(path.name))
    table = Table(path=path, kind=kind, columns=[], size_bytes=size)
    opener = {"CSV": _open_csv, "GeoJSON": _open_json, "KML": _open_kml, "XLSX": _open_xlsx, "GPKG": _open_gpkg}
    try:
        opener[kind](table, encoding=encoding, delimiter=delimiter, layer=layer)
    except ExchangeError:
        raise
    except (ValueError, UnicodeError, ElementTree.ParseError, csv.Error, zipfile.BadZipFile, OSError,
            KeyError, IndexError) as exc:
        raise ExchangeError(_unreadable(table, exc)) from None
    return table


def _unreadable(table: Table, exc) -> str:
    return tr("{} is not readable as {}: {}").format(table.path.name, table.kind, exc)


def iter_rows(table: Table) -> Iterator[Row]:
    """The rows one by one (the file is read as they are taken); raises ExchangeError naming file and row."""
    table._fraction = 0.0
    reader = {"CSV": _csv_rows, "GeoJSON": _json_rows, "KML": _kml_rows, "XLSX": _xlsx_rows,
              "GPKG": _gpkg_rows}[table.kind]
    try:
        yield from reader(table)
    except ExchangeError:
        raise
    except (ValueError, UnicodeError, ElementTree.ParseError, csv.Error, zipfile.BadZipFile, OSError,
            KeyError, IndexError) as exc:
        raise ExchangeError(_unreadable(table, exc)) from None
    table._fraction = 1.0


def preview(table: Table, n: int = 20) -> List[Row]:
    """The first n rows (fewer when the file has fewer)."""
    rows = []
    if n <= 0:
        return rows
    generator = iter_rows(table)
    try:
        for row in generator:
            rows.append(row)
            if len(rows) >= n:
                break
    finally:
        generator.close()
    return rows


def _add_columns(table: Table, values: Dict[str, object]) -> None:
    known = table._detail.setdefault("known", set(table.columns))
    for name in values:
        if name not in known:
            known.add(name)
            table.columns.append(name)


def _blank_row(values) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in values)


# --- text: encodings ------------------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _decodes(data: bytes, encoding: str, final: bool) -> Optional[str]:
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(data, final)
    except (UnicodeDecodeError, LookupError):
        return None


def _hangul_share(text: str) -> float:
    wide = [c for c in text if ord(c) > 127]
    if not wide:
        return 0.0
    return sum(1 for c in wide if "\uac00" <= c <= "\ud7a3") / len(wide)


_CYRILLIC_WORD = re.compile(r"[^\W\d_]+")


def _cyrillic_share(text: str) -> float:
    wide = sum(1 for c in text if ord(c) > 127)
    if not wide:
        return 0.0
    good = 0
    for word in _CYRILLIC_WORD.findall(text):
        if len(word) < 2 or not all("\u0400" <= c <= "\u04ff" for c in word):
            continue
        if word.islower() or word.isupper() or (word[0].isupper() and word[1:].islower()):
            good += len(word)
    return good / wide


def detect_encoding(head: bytes, final: bool = True) -> str:
    """The encoding of a text file's first bytes (see the module's notes): a Python codec name."""
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    if _decodes(head, "utf-8", final) is not None:
        return "utf-8"
    as_1251 = _decodes(head, "cp1251", final)
    as_949 = _decodes(head, "cp949", final)
    if as_1251 is None and as_949 is None:
        return ""
    if as_949 is None:
        return "cp1251"
    if as_1251 is None:
        return "cp949"
    return "cp949" if _hangul_share(as_949) > _cyrillic_share(as_1251) else "cp1251"


def _read_head(path: Path) -> Tuple[bytes, bool]:
    with open(str(path), "rb") as handle:
        head = handle.read(SAMPLE_BYTES)
        final = not handle.read(1)
    return head, final


def _choose_encoding(table: Table, head: bytes, final: bool, encoding: Optional[str]) -> str:
    name = table.path.name
    if encoding:
        try:
            codec = codecs.lookup(encoding).name
        except LookupError:
            raise ExchangeError(tr("{}: '{}' is not an encoding this Python knows (e.g. utf-8, cp1251, cp949, "
                                   "utf-16)").format(name, encoding)) from None
        if codec == "utf-8" and head.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        return encoding
    detected = detect_encoding(head, final)
    if not detected:
        raise ExchangeError(tr("{} is not text in UTF-8, UTF-16, CP1251 or CP949; choose its encoding").format(name))
    if not detected.startswith("utf-16") and b"\x00" in head:
        raise ExchangeError(tr("{} is not a text file: it holds binary data (a spreadsheet or archive saved under "
                               "another name?)").format(name))
    return detected


def _sample_text(table: Table, head: bytes, final: bool, encoding: str) -> str:
    try:
        return codecs.getincrementaldecoder(encoding)("strict").decode(head, final)
    except UnicodeDecodeError as exc:
        raise ExchangeError(tr("{} is not {} text (byte {}); choose its encoding").format(
            table.path.name, encoding, exc.start + 1)) from None


# --- CSV / TSV / TXT --------------------------------------------------------------------------------------------

def _delimiter(value: Optional[str]) -> Optional[str]:
    if value is None or value == "":
        return None
    words = {"tab": "\t", "\\t": "\t", "comma": ",", "semicolon": ";", "pipe": "|", "space": " "}
    value = words.get(value.lower(), value)
    if len(value) != 1:
        raise ExchangeError(tr("The delimiter must be one character (or tab), not '{}'").format(value))
    return value


def _field_counts(lines: List[str], delimiter: str) -> List[int]:
    try:
        return [len(record) for record in csv.reader(lines, delimiter=delimiter, quotechar='"') if record]
    except csv.Error:
        return []


def sniff_delimiter(text: str, prefer: str = ",") -> str:
    """The delimiter of a CSV sample (see the module's notes)."""
    lines = text.splitlines(keepends=True)
    if len(lines) > 1 and not text.endswith(("\n", "\r")):
        lines = lines[:-1]  # the sample may end inside a line
    lines = lines[:SNIFF_LINES]
    order = [prefer] + [d for d in DELIMITERS if d != prefer]
    best, best_score = prefer, None
    for rank, delimiter in enumerate(order):
        counts = _field_counts(lines, delimiter)
        if not counts or counts[0] < 2:
            continue
        agreeing = sum(1 for c in counts if c == counts[0]) / len(counts)
        score = (agreeing, counts[0], -rank)
        if best_score is None or score > best_score:
            best, best_score = delimiter, score
    return best


def _clean_header(raw: List[str]) -> List[str]:
    columns, seen = [], set()
    for index, name in enumerate(raw, start=1):
        name = unicodedata.normalize("NFC", (name or "").replace("\ufeff", "").strip()) or "column_{}".format(index)
        base, count = name, 1
        while name in seen:
            count += 1
            name = "{}_{}".format(base, count)
        seen.add(name)
        columns.append(name)
    while columns and columns[-1].startswith("column_") and not (raw[len(columns) - 1] or "").strip():
        columns.pop()  # trailing empty header cells (a trailing delimiter)
    return columns


def _open_csv(table: Table, encoding=None, delimiter=None, layer=None) -> None:
    head, final = _read_head(table.path)
    table.encoding = _choose_encoding(table, head, final, encoding)
    text = _sample_text(table, head, final, table.encoding).lstrip("\ufeff")
    if not text.strip():
        raise ExchangeError(tr("{} is empty").format(table.path.name))
    prefer = "\t" if table.path.suffix.lower() == ".tsv" else ","
    table.delimiter = _delimiter(delimiter) or sniff_delimiter(text, prefer)
    lines = text.splitlines(keepends=True)
    header = next((r for r in csv.reader(lines, delimiter=table.delimiter, quotechar='"') if r), None)
    if not header or _blank_row(header):
        raise ExchangeError(tr("{} has no header row").format(table.path.name))
    table.columns = _clean_header(header)


def _csv_rows(table: Table) -> Iterator[Row]:
    columns = list(table.columns)
    width = len(columns)
    size = max(1, table.size_bytes)
    number = 0
    with open(str(table.path), "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=table.encoding, errors="strict", newline="")
        reader = csv.reader(text, delimiter=table.delimiter, quotechar='"')
        try:
            header = next(reader, None)
            while header is not None and not header:
                header = next(reader, None)
            for record in reader:
                if not record:
                    number += 1  # an empty line: a row a person counts
                    continue
                number += 1
                if number % PROGRESS_EVERY == 0:
                    table._advance(raw.tell() / size)
                if _blank_row(record):
                    continue
                values = {column: (record[i] if i < len(record) else "") for i, column in enumerate(columns)}
                row = Row(number, values)
                extra = record[width:]
                if any(v.strip() for v in extra):
                    row.problems.append(tr("it has {} values, the header {} columns").format(len(record), width))
                yield row
        except UnicodeDecodeError:
            raise ExchangeError(tr("{}: the text after row {} is not {}; choose the file's encoding").format(
                table.path.name, number, table.encoding)) from None
        except csv.Error as exc:
            raise ExchangeError(tr("{}: row {} is not readable CSV ({}); is a quote left open?").format(
                table.path.name, number + 1, exc)) from None


# --- GeoJSON and JSON lists of records ----------------------------------------------------------------------

class _JsonStream:
    """Values taken one by one from a JSON text read in chunks (json.JSONDecoder.raw_decode on a window)."""

    def __init__(self, handle, on_read=None):
        self.handle = handle
        self.on_read = on_read
        self.buffer = ""
        self.pos = 0
        self.eof = False
        self.decoder = json.JSONDecoder()

    def _more(self, size: int = CHUNK) -> bool:
        chunk = self.handle.read(size)
        if self.on_read is not None:
            self.on_read()
        if not chunk:
            self.eof = True
            return False
        self.buffer = self.buffer[self.pos:] + chunk
        self.pos = 0
        return True

    def peek(self) -> str:
        while True:
            while self.pos < len(self.buffer) and self.buffer[self.pos] in " \t\r\n\ufeff":
                self.pos += 1
            if self.pos < len(self.buffer):
                return self.buffer[self.pos]
            if self.eof or not self._more():
                return ""

    def expect(self, char: str) -> None:
        found = self.peek()
        if found != char:
            raise ValueError(tr("expected '{}', found '{}'").format(char, found or tr("the end")))
        self.pos += 1

    def value(self):
        self.peek()
        size = CHUNK
        while True:
            try:
                value, end = self.decoder.raw_decode(self.buffer, self.pos)
            except json.JSONDecodeError as exc:
                needs_more = exc.pos >= len(self.buffer) - 1 or exc.msg.startswith("Unterminated")
                if self.eof or not needs_more:
                    raise ValueError(tr("{} (character {})").format(exc.msg, exc.pos)) from None
                self._more(size)
                size *= 2  # one large value: read it in growing steps, not again and again
                continue
            if end >= len(self.buffer) and not self.eof and self._more(size):
                size *= 2  # the value ends where the window does: a number may go on
                continue
            self.pos = end
            return value

    def elements(self):
        """The elements of the array that starts here, one at a time."""
        self.expect("[")
        if self.peek() == "]":
            self.pos += 1
            return
        while True:
            yield self.value()
            found = self.peek()
            self.pos += 1
            if found == "]":
                return
            if found != ",":
                raise ValueError(tr("expected ',' or ']' in a list, found '{}'").format(found or tr("the end")))


def _json_records(stream: _JsonStream):
    """The records of a GeoJSON FeatureCollection or Feature, or of a JSON list of objects."""
    first = stream.peek()
    if first == "[":
        yield from stream.elements()
        return
    if first != "{":
        raise ExchangeError("not-json")
    stream.pos += 1
    top = {}
    streamed = False
    while True:
        found = stream.peek()
        if found == "}":
            stream.pos += 1
            break
        if found == ",":
            stream.pos += 1
            continue
        key = stream.value()
        stream.expect(":")
        if key == "features" and stream.peek() == "[":
            streamed = True
            yield from stream.elements()
        else:
            top[key] = stream.value()
    if streamed:
        return
    if top.get("type") == "Feature":
        yield top
        return
    for value in top.values():
        if isinstance(value, list) and value and isinstance(value[0], dict):
            yield from value
            return
    raise ExchangeError("not-json")


def _is_feature(record: dict) -> bool:
    return record.get("type") == "Feature" or ("geometry" in record and "properties" in record)


def _json_row(number: int, record) -> Row:
    if not isinstance(record, dict):
        return Row(number, {}, problems=[tr("the record is not an object but {}").format(
            json.dumps(record, ensure_ascii=False)[:60])])
    if not _is_feature(record):
        return Row(number, dict(record))
    properties = record.get("properties")
    row = Row(number, dict(properties) if isinstance(properties, dict) else {})
    geometry = record.get("geometry")
    if isinstance(geometry, dict):
        kind = geometry.get("type")
        coordinates = geometry.get("coordinates")
        if kind == "MultiPoint" and isinstance(coordinates, list) and len(coordinates) == 1:
            kind, coordinates = "Point", coordinates[0]
        if kind == "Point" and isinstance(coordinates, list) and len(coordinates) >= 2 \
                and all(isinstance(c, (int, float)) and not isinstance(c, bool) for c in coordinates[:2]):
            row.point = (float(coordinates[0]), float(coordinates[1]))
        elif kind == "Point":
            row.problems.append(tr("its point's coordinates {} are not lon, lat").format(
                json.dumps(coordinates)[:60]))
        else:
            row.problems.append(tr("the geometry is a {}, not a point").format(kind))
    elif geometry is not None:
        row.problems.append(tr("the geometry is not a GeoJSON geometry object"))
    return row


def _text_stream(table: Table):
    raw = open(str(table.path), "rb")
    return raw, io.TextIOWrapper(raw, encoding=table.encoding, errors="strict", newline="")


def _open_json(table: Table, encoding=None, delimiter=None, layer=None) -> None:
    head, final = _read_head(table.path)
    table.encoding = _choose_encoding(table, head, final, encoding) if encoding else next(
        (name for bom, name in _BOMS if head.startswith(bom)), "utf-8")
    if not _sample_text(table, head[:CHUNK], final and len(head) <= CHUNK, table.encoding).strip():
        raise ExchangeError(tr("{} is empty").format(table.path.name))
    count = 0
    for row in _json_row_iter(table):
        count += 1
        _add_columns(table, row.values)
        if count >= COLUMN_SCAN:
            break
    table._detail["scanned"] = count


def _json_row_iter(table: Table) -> Iterator[Row]:
    raw, text = _text_stream(table)
    size = max(1, table.size_bytes)
    with raw:
        stream = _JsonStream(text, lambda: table._advance(raw.tell() / size))
        try:
            for number, record in enumerate(_json_records(stream), start=1):
                yield _json_row(number, record)
        except ExchangeError as exc:
            if str(exc) != "not-json":
                raise
            raise ExchangeError(tr("{} is neither GeoJSON (a FeatureCollection or a Feature) nor a JSON list of "
                                   "records").format(table.path.name)) from None
        except UnicodeDecodeError:
            raise ExchangeError(tr("{} is not {} text; JSON is UTF-8").format(
                table.path.name, table.encoding)) from None


def _json_rows(table: Table) -> Iterator[Row]:
    for row in _json_row_iter(table):
        _add_columns(table, row.values)
        yield row


# --- XML, pulled ----------------------------------------------------------------------------------------------

def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _prologue(head: bytes, label: str) -> bool:
    """True once the root element's start is in `head`; refuses a DOCTYPE before it."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = head[: len(head) // 2 * 2].decode("utf-16", "ignore")
    else:
        text = head.decode("latin-1")
    text = text.lstrip("\ufeff\u00ef\u00bb\u00bf \t\r\n")
    pos = 0
    while True:
        while pos < len(text) and text[pos] in " \t\r\n":
            pos += 1
        rest = text[pos:pos + 9]
        if len(rest) < 2:
            return False
        if rest.startswith("<?"):
            closing = "?>"
        elif rest.startswith("<!--"):
            closing = "-->"
        elif rest.upper().startswith(("<!DOCTYPE", "<!ENTITY")) or (rest.startswith("<!") and len(rest) < 9):
            if len(rest) < 9:
                return False
            raise ExchangeError(tr("{} declares a DOCTYPE; the import reads no DTD or entities, which can expand "
                                   "without bound (\"billion laughs\")").format(label))
        else:
            return True  # the root element (or text the parser will refuse)
        end = text.find(closing, pos + 2)
        if end < 0:
            return False
        pos = end + len(closing)


def _xml_batches(handle, label: str, on_read=None):
    """Lists of (event, element) pairs, start and end events, from a binary stream fed in chunks."""
    parser = ElementTree.XMLPullParser(events=("start", "end"))
    head = b""
    checked = False
    while True:
        chunk = handle.read(CHUNK)
        if on_read is not None:
            on_read()
        if not checked:
            head += chunk
            if _prologue(head, label) or not chunk:
                checked = True
                parser.feed(head)
                head = b""
            elif len(head) > SAMPLE_BYTES:
                raise ExchangeError(tr("{} is not XML: no element in its first megabyte").format(label))
        elif chunk:
            parser.feed(chunk)
        if not chunk:
            parser.close()
        yield list(parser.read_events())
        if not chunk:
            return


def _xml_events(handle, label: str, on_read=None):
    """(event, element) pairs from a binary stream, start and end events, fed in chunks."""
    for batch in _xml_batches(handle, label, on_read):
        yield from batch


# --- KML and KMZ -----------------------------------------------------------------------------------------------

KML_GEOMETRIES = {"Point", "LineString", "LinearRing", "Polygon", "Track", "MultiTrack", "Model"}


def _kml_entry(table: Table) -> Optional[zipfile.ZipInfo]:
    with zipfile.ZipFile(str(table.path)) as archive:
        entries = [info for info in archive.infolist() if info.filename.lower().endswith(".kml")]
    if not entries:
        raise ExchangeError(tr("{} holds no .kml file").format(table.path.name))
    chosen = next((i for i in entries if i.filename.lower() == "doc.kml"), entries[0])
    if chosen.file_size > MAX_UNCOMPRESSED:
        raise ExchangeError(tr("{}: {} would be {} MB uncompressed, more than the {} MB the import reads").format(
            table.path.name, chosen.filename, chosen.file_size // (1024 * 1024), MAX_UNCOMPRESSED // (1024 * 1024)))
    return chosen


class _Counted(io.RawIOBase):
    """A stream that counts what is read from it and stops past a limit."""

    def __init__(self, handle, limit: int, label: str):
        self.handle, self.limit, self.label, self.count = handle, limit, label, 0

    def read(self, size=-1):
        data = self.handle.read(size)
        self.count += len(data)
        if self.count > self.limit:
            raise ExchangeError(tr("{} is larger uncompressed than the {} MB the import reads").format(
                self.label, self.limit // (1024 * 1024)))
        return data

    def readable(self):
        return True


def _kml_source(table: Table):
    """(binary stream, bytes read so far, total bytes, close) of the KML text: the file, or the KML inside a KMZ."""
    if table.path.suffix.lower() != ".kmz":
        handle = open(str(table.path), "rb")
        return handle, lambda: handle.tell(), table.size_bytes, handle.close
    entry = table._detail.get("entry")
    if entry is None:
        entry = table._detail["entry"] = _kml_entry(table)
    archive = zipfile.ZipFile(str(table.path))
    stream = _Counted(archive.open(entry), MAX_UNCOMPRESSED, table.path.name)

    def close():
        stream.handle.close()
        archive.close()
    return stream, lambda: stream.count, entry.file_size, close


def _text_of(element) -> str:
    return (element.text or "").strip() if element is not None else ""


def _placemark_row(number: int, placemark, folder: str = "") -> Row:
    values: Dict[str, object] = {}
    geometries = []
    point_text = None
    for element in placemark.iter():
        tag = _local(element.tag)
        if tag == "Data":
            value = next((c.text for c in element if _local(c.tag) == "value"), None)
            values[element.get("name") or ""] = value or ""
        elif tag == "SimpleData":
            values[element.get("name") or ""] = element.text or ""
        elif tag in KML_GEOMETRIES:
            geometries.append(tag)
            if tag == "Point" and point_text is None:
                point_text = next((_text_of(c) for c in element if _local(c.tag) == "coordinates"), "")
    for child in placemark:
        tag = _local(child.tag)
        if tag in ("name", "description") and tag not in values and ("kml_" + tag) not in values:
            values["kml_" + tag] = child.text or ""
        elif tag == "TimeStamp":
            when = next((c for c in child if _local(c.tag) == "when"), None)
            values.setdefault("kml_when", _text_of(when))
        elif tag == "TimeSpan":
            for part in child:
                if _local(part.tag) in ("begin", "end"):
                    values.setdefault("kml_" + _local(part.tag), _text_of(part))
        elif tag == "styleUrl":
            values.setdefault("kml_style", _text_of(child))  # GeoConfirmed tells the side by its icon colour
    if folder:
        values.setdefault("kml_folder", folder)  # the enclosing folders' names, outermost first
    row = Row(number, values)
    if geometries == ["Point"]:
        parts = (point_text or "").split()[0].split(",") if (point_text or "").split() else []
        try:
            row.point = (float(parts[0]), float(parts[1]))
        except (ValueError, IndexError):
            row.problems.append(tr("its coordinates '{}' are not lon,lat").format((point_text or "")[:60]))
    elif geometries:
        row.problems.append(tr("the geometry is {}, not one point").format(", ".join(geometries)))
    return row


def _placemarks(table: Table) -> Iterator[Row]:
    handle, position, total, close = _kml_source(table)
    total = max(1, total)
    label = table.path.name
    stack = []
    number = 0
    containers = {"kml", "Document", "Folder"}
    try:
        for event, element in _xml_events(handle, label, lambda: table._advance(position() / total)):
            if event == "start":
                if not stack and _local(element.tag) != "kml":
                    raise ExchangeError(tr("{} is not KML: its root element is <{}>").format(
                        label, _local(element.tag)))
                stack.append(element)
                continue
            stack.pop()
            tag = _local(element.tag)
            if tag == "Placemark":
                number += 1
                folders = [_text_of(next((c for c in e if _local(c.tag) == "name"), None))
                           for e in stack if _local(e.tag) == "Folder"]
                yield _placemark_row(number, element, " / ".join(f for f in folders if f))
            if stack and tag not in containers and _local(stack[-1].tag) in containers:
                stack[-1].remove(element)  # done with it: memory stays bounded
    finally:
        close()
    if number == 0:
        raise ExchangeError(tr("{} has no placemarks").format(label))


def _open_kml(table: Table, encoding=None, delimiter=None, layer=None) -> None:
    if table.path.suffix.lower() == ".kmz":
        table._detail["entry"] = _kml_entry(table)
    count = 0
    generator = _placemarks(table)
    try:
        for row in generator:
            count += 1
            _add_columns(table, row.values)
            if count >= COLUMN_SCAN:
                break
    finally:
        generator.close()
    table.encoding = "utf-8"


def _kml_rows(table: Table) -> Iterator[Row]:
    for row in _placemarks(table):
        _add_columns(table, row.values)
        yield row


# --- XLSX --------------------------------------------------------------------------------------------------------
# Read here with zipfile and ElementTree's pull parser, not GDAL's XLSX driver (which this host's GDAL 3.6 has,
# as Debian 13's 3.10 does: it needs only expat). Tried on this module's test workbooks, GDAL 3.6 took the
# header row of an all-text sheet for data (columns Field1, Field2: its HEADERS=AUTO guess), typed each column
# from its cells (a date column with one text cell came out as text "2024/12/14", a coordinate column with one
# text cell as text) and turned a time-of-day cell into 1899/12/30 12:00:00. Here each cell is read as itself:
# a number with a date style is its date ("2024-12-14", "2024-12-14T08:30:00"; a time alone "08:30:00"), text
# stays text, the first non-empty row is the header, and row numbers follow the sheet. Sheets are streamed row
# by row; only the shared strings (which any row may use) and the styles are held.

XLSX_DATE_FORMATS = set(range(14, 23)) | {45, 47} | set(range(27, 37)) | set(range(50, 59))  # built-in ids
XLSX_TIME_ONLY = {18, 19, 20, 21, 45, 47}
_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_QUOTED = re.compile(r'"[^"]*"|\\.|_.|\*.')
_BRACKETS = re.compile(r"\[[^\]]*\]")
_CELL_REF = re.compile(r"^([A-Za-z]{1,3})(\d+)$")
_INTEGER = re.compile(r"^-?\d+$")


def format_kind(code: str) -> Optional[str]:
    """What a number format code (its first section) shows: "date", "time", "datetime" or None."""
    code = _QUOTED.sub("", code or "").split(";")[0]
    if re.search(r"\[(h+|m+|s+)\]", code, re.IGNORECASE):
        return None  # elapsed time ([h]:mm): a duration, not a date
    code = _BRACKETS.sub("", code).lower()
    has_date = bool(re.search(r"[dy]", code)) or ("m" in code and not re.search(r"[hs]", code))
    has_time = bool(re.search(r"[hs]", code))
    if has_date and has_time:
        return "datetime"
    if has_date:
        return "date"
    if has_time:
        return "time"
    return None


def serial_text(value: float, kind: str, date1904: bool = False) -> str:
    """A spreadsheet serial date as ISO text: "2024-12-14", "2024-12-14T08:30:00" or, for a time, "08:30:00"."""
    seconds = int(round(value * 86400))
    if kind == "time" and 0 <= seconds < 86400:
        return "{:02d}:{:02d}:{:02d}".format(seconds // 3600, seconds // 60 % 60, seconds % 60)
    if date1904:
        epoch = datetime.datetime(1904, 1, 1)
    else:
        epoch = datetime.datetime(1899, 12, 30)
        if value < 60:
            seconds += 86400  # 1900-02-29, which Excel counts and never was, lies between
    moment = epoch + datetime.timedelta(seconds=seconds)
    if seconds % 86400 == 0 and kind != "datetime":
        return moment.strftime("%Y-%m-%d")
    return moment.strftime("%Y-%m-%dT%H:%M:%S")


def _column_index(letters: str) -> int:
    index = 0
    for char in letters.upper():
        index = index * 26 + ord(char) - 64
    return index - 1


def _part(archive: zipfile.ZipFile, name: str, label: str):
    info = archive.getinfo(name)
    if info.file_size > MAX_UNCOMPRESSED:
        raise ExchangeError(tr("{}: {} would be {} MB uncompressed, more than the {} MB the import reads").format(
            label, name, info.file_size // (1024 * 1024), MAX_UNCOMPRESSED // (1024 * 1024)))
    return info


def _parse_part(archive: zipfile.ZipFile, name: str, label: str):
    """The root element of a (small) XML part."""
    _part(archive, name, label)
    root = None
    with archive.open(name) as handle:
        for event, element in _xml_events(handle, label):
            if root is None:
                root = element
    return root


def _relations(archive: zipfile.ZipFile, owner: str, label: str) -> Dict[str, Tuple[str, str]]:
    """{Id: (type, part name)} of a part's relationships."""
    folder, _, base = owner.rpartition("/")
    rels = "{}/_rels/{}.rels".format(folder, base) if folder else "_rels/{}.rels".format(base)
    if rels not in archive.namelist():
        return {}
    found = {}
    for element in _parse_part(archive, rels, label):
        if _local(element.tag) != "Relationship" or element.get("TargetMode") == "External":
            continue
        target = element.get("Target") or ""
        if target.startswith("/"):
            name = target.lstrip("/")
        else:
            parts = (folder.split("/") if folder else []) + target.split("/")
            stack = []
            for piece in parts:
                if piece == "..":
                    if stack:
                        stack.pop()
                elif piece and piece != ".":
                    stack.append(piece)
            name = "/".join(stack)
        found[element.get("Id")] = (element.get("Type") or "", name)
    return found


def _shared_strings(archive: zipfile.ZipFile, name: Optional[str], label: str) -> List[str]:
    if not name or name not in archive.namelist():
        return []
    _part(archive, name, label)
    strings = []
    stack = []
    with archive.open(name) as handle:
        for event, element in _xml_events(handle, label):
            if event == "start":
                stack.append(element)
                continue
            stack.pop()
            if _local(element.tag) == "si":
                strings.append(_rich_text(element))
                if stack:
                    stack[-1].remove(element)
    return strings


def _rich_text(element) -> str:
    """The text of a string item (<t>, or runs <r><t>), without phonetic guides (<rPh>)."""
    parts = []
    for child in element:
        tag = _local(child.tag)
        if tag == "t":
            parts.append(child.text or "")
        elif tag == "r":
            parts.extend(t.text or "" for t in child if _local(t.tag) == "t")
    return "".join(parts)


def _styles(archive: zipfile.ZipFile, name: Optional[str], label: str) -> List[Optional[str]]:
    """The date kind ("date", "time", "datetime" or None) of each cell style (the cells' s attribute)."""
    if not name or name not in archive.namelist():
        return []
    root = _parse_part(archive, name, label)
    codes = {}
    kinds = []
    for element in root:
        tag = _local(element.tag)
        if tag == "numFmts":
            for fmt in element:
                try:
                    codes[int(fmt.get("numFmtId"))] = fmt.get("formatCode") or ""
                except (TypeError, ValueError):
                    continue
        elif tag == "cellXfs":
            for xf in element:
                try:
                    number = int(xf.get("numFmtId") or 0)
                except ValueError:
                    number = 0
                if number in codes:
                    kinds.append(format_kind(codes[number]))
                elif number in XLSX_DATE_FORMATS:
                    kinds.append("time" if number in XLSX_TIME_ONLY else ("datetime" if number == 22 else "date"))
                else:
                    kinds.append(None)
    return kinds


def _workbook(table: Table) -> Dict[str, object]:
    """What reading a sheet needs: the sheets (name -> part), shared strings, styles, the 1904 date system."""
    label = table.path.name
    with zipfile.ZipFile(str(table.path)) as archive:
        names = set(archive.namelist())
        office = [n for t, n in _relations(archive, "", label).values() if t.endswith("/officeDocument")]
        book = office[0] if office and office[0] in names else "xl/workbook.xml"
        if book not in names:
            raise ExchangeError(tr("{} is a zip archive but not an XLSX workbook").format(label))
        relations = _relations(archive, book, label)
        root = _parse_part(archive, book, label)
        sheets = []
        date1904 = False
        for element in root.iter():
            tag = _local(element.tag)
            if tag == "workbookPr":
                date1904 = (element.get("date1904") or "").lower() in ("1", "true")
            elif tag == "sheet":
                rid = next((v for k, v in element.attrib.items() if _local(k) == "id"), None)
                kind, part = relations.get(rid, ("", ""))
                if kind.endswith("/worksheet") and part in names:
                    sheets.append((element.get("name") or part, part))
        strings = next((n for t, n in relations.values() if t.endswith("/sharedStrings")), "xl/sharedStrings.xml")
        styles = next((n for t, n in relations.values() if t.endswith("/styles")), "xl/styles.xml")
        return {"sheets": sheets, "strings": _shared_strings(archive, strings, label),
                "styles": _styles(archive, styles, label), "date1904": date1904}


_SML = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main")


def _tags(name: str) -> frozenset:
    return frozenset(["{%s}%s" % (ns, name) for ns in _SML] + [name])


_ROW, _CELL, _VALUE, _INLINE, _SHEET_DATA = (_tags(n) for n in ("row", "c", "v", "is", "sheetData"))
_COLUMNS: Dict[str, int] = {}


def _cell_value(cell, book) -> object:
    kind = cell.get("t") or "n"
    value = None
    inline = None
    for child in cell:
        if child.tag in _VALUE:
            value = child.text
        elif child.tag in _INLINE:
            inline = _rich_text(child)
    if kind == "inlineStr":
        return inline or ""
    if value is None:
        return ""
    if kind == "s":
        strings = book["strings"]
        index = int(value)
        return strings[index] if 0 <= index < len(strings) else ""
    if kind == "b":
        return value.strip() in ("1", "true")
    if kind in ("str", "e", "d"):
        return value
    text = value.strip()
    style = cell.get("s")
    if style is not None:
        styles = book["styles"]
        style = int(style)
        date_kind = styles[style] if 0 <= style < len(styles) else None
        if date_kind:
            return serial_text(float(text), date_kind, book["date1904"])
    if _INTEGER.match(text):
        return int(text)
    return float(text)


def _column_of(reference: str, default: int) -> int:
    letters = reference.rstrip("0123456789")
    if not letters:
        return default
    index = _COLUMNS.get(letters)
    if index is None:
        if not _CELL_REF.match(reference):
            return default
        index = _COLUMNS[letters] = _column_index(letters)
    return index


def _sheet_rows(table: Table, book) -> Iterator[Tuple[int, List[object]]]:
    """(sheet row number, values by column index) of each row of the chosen sheet."""
    part = table._detail["part"]
    label = table.path.name
    with zipfile.ZipFile(str(table.path)) as archive:
        info = _part(archive, part, label)
        total = max(1, info.file_size)
        with archive.open(info) as raw:
            stream = _Counted(raw, MAX_UNCOMPRESSED, label)
            sheet_data = None
            previous = 0
            for batch in _xml_batches(stream, label, lambda: table._advance(stream.count / total)):
                for event, element in batch:
                    if event == "start":
                        if sheet_data is None and element.tag in _SHEET_DATA:
                            sheet_data = element
                        continue
                    if element.tag not in _ROW:
                        continue
                    try:
                        number = int(element.get("r") or previous + 1)
                    except ValueError:
                        number = previous + 1
                    previous = number
                    values: List[object] = []
                    for cell in element:
                        if cell.tag not in _CELL:
                            continue
                        index = _column_of(cell.get("r") or "", len(values))
                        while len(values) < index:
                            values.append("")
                        value = _cell_value(cell, book)
                        if index < len(values):
                            values[index] = value
                        else:
                            values.append(value)
                    if sheet_data is not None:
                        sheet_data.remove(element)  # done with it: memory stays bounded
                    yield number, values


def _header_text(value) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _open_xlsx(table: Table, encoding=None, delimiter=None, layer=None) -> None:
    if not zipfile.is_zipfile(str(table.path)):
        raise ExchangeError(tr("{} is not an XLSX workbook (not a zip archive)").format(table.path.name))
    book = _workbook(table)
    sheets = book["sheets"]
    if not sheets:
        raise ExchangeError(tr("{} has no worksheet").format(table.path.name))
    table.layers = [name for name, _part_name in sheets]
    chosen = sheets[0]
    if layer:
        chosen = next((s for s in sheets if s[0] == layer), None) or next(
            (s for s in sheets if s[0].lower() == str(layer).lower()), None)
        if chosen is None:
            raise ExchangeError(tr("{} has no sheet '{}'; its sheets are {}").format(
                table.path.name, layer, ", ".join(table.layers)))
    table.layer = chosen[0]
    table._detail.update(book=book, part=chosen[1])
    for number, values in _sheet_rows(table, book):
        if not _blank_row(values):
            table._detail["header"] = number
            raw = [_header_text(v) for v in values]
            table.columns = _clean_header(raw)
            break
    else:
        raise ExchangeError(tr("{} (sheet {}) is empty").format(table.path.name, table.layer))


def _xlsx_rows(table: Table) -> Iterator[Row]:
    header = table._detail["header"]
    columns = list(table.columns)
    width = len(columns)
    for number, values in _sheet_rows(table, table._detail["book"]):
        if number <= header or _blank_row(values):
            continue
        row = Row(number - header, {c: (values[i] if i < len(values) else "") for i, c in enumerate(columns)})
        if not _blank_row(values[width:]):
            row.problems.append(tr("it has values beyond the header's {} columns").format(width))
        yield row


# --- GeoPackage --------------------------------------------------------------------------------------------------
# Read with GDAL's OGR (QGIS ships it): a layer's fields as text, numbers and booleans, dates and date-times as
# ISO text, its points in WGS 84 longitude, latitude whatever the layer's CRS.

def _gdal(label: str):
    try:
        from osgeo import gdal, ogr, osr
    except ImportError:
        raise ExchangeError(tr("{}: reading a GeoPackage needs GDAL's Python bindings (osgeo), which this QGIS "
                               "lacks").format(label)) from None
    return gdal, ogr, osr


def _open_dataset(table: Table):
    gdal, ogr, osr = _gdal(table.path.name)
    with quiet_gdal():
        try:
            dataset = gdal.OpenEx(str(table.path), gdal.OF_VECTOR | gdal.OF_READONLY, allowed_drivers=["GPKG"])
        except RuntimeError:  # when something in this process turned GDAL's exceptions on
            dataset = None
        reason = gdal.GetLastErrorMsg()
    if dataset is None:
        raise ExchangeError(tr("{} is not a GeoPackage GDAL can open: {}").format(
            table.path.name, reason or tr("GDAL gave no reason")))
    return dataset


def _open_gpkg(table: Table, encoding=None, delimiter=None, layer=None) -> None:
    dataset = _open_dataset(table)
    names = [dataset.GetLayerByIndex(i).GetName() for i in range(dataset.GetLayerCount())]
    if not names:
        raise ExchangeError(tr("{} holds no tables").format(table.path.name))
    table.layers = names
    chosen = names[0]
    if layer:
        chosen = next((n for n in names if n == layer), None) or next(
            (n for n in names if n.lower() == str(layer).lower()), None)
        if chosen is None:
            raise ExchangeError(tr("{} has no layer '{}'; its layers are {}").format(
                table.path.name, layer, ", ".join(names)))
    table.layer = chosen
    definition = dataset.GetLayerByName(chosen).GetLayerDefn()
    table.columns = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    table.encoding = "utf-8"


def _seconds_text(seconds: float) -> str:
    if abs(seconds - round(seconds)) < 0.0005:
        return "{:02d}".format(int(round(seconds)))
    return "{:06.3f}".format(seconds)


def _ogr_value(feature, index: int, kind: int, subtype: int, ogr):
    if not feature.IsFieldSetAndNotNull(index):
        return None
    if kind in (ogr.OFTDate, ogr.OFTDateTime, ogr.OFTTime):
        year, month, day, hour, minute, second, zone = feature.GetFieldAsDateTime(index)
        clock = "{:02d}:{:02d}:{}".format(hour, minute, _seconds_text(second))
        if kind == ogr.OFTTime:
            return clock
        date = "{:04d}-{:02d}-{:02d}".format(year, month, day)
        if kind == ogr.OFTDate:
            return date
        if zone == 100:
            suffix = "Z"
        elif zone > 1:
            offset = (zone - 100) * 15
            suffix = "{}{:02d}:{:02d}".format("+" if offset >= 0 else "-", abs(offset) // 60, abs(offset) % 60)
        else:
            suffix = ""  # unknown or local time: read as UTC, as the sightings read every zoneless time
        return "{}T{}{}".format(date, clock, suffix)
    if kind in (ogr.OFTInteger, ogr.OFTInteger64):
        number = feature.GetFieldAsInteger64(index)
        return bool(number) if subtype == ogr.OFSTBoolean else number
    if kind == ogr.OFTReal:
        return feature.GetFieldAsDouble(index)
    if kind == ogr.OFTString:
        return feature.GetFieldAsString(index)
    return feature.GetField(index)


def _gpkg_rows(table: Table) -> Iterator[Row]:
    gdal, ogr, osr = _gdal(table.path.name)
    dataset = _open_dataset(table)
    layer = dataset.GetLayerByName(table.layer)
    if layer is None:
        raise ExchangeError(tr("{} has no layer '{}' any more").format(table.path.name, table.layer))
    definition = layer.GetLayerDefn()
    fields = [(definition.GetFieldDefn(i).GetName(), definition.GetFieldDefn(i).GetType(),
               definition.GetFieldDefn(i).GetSubType()) for i in range(definition.GetFieldCount())]
    transform = None
    source = layer.GetSpatialRef()
    if source is not None:
        source = source.Clone()
        source.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        target = osr.SpatialReference()
        target.ImportFromEPSG(4326)
        target.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        if not source.IsSame(target):
            transform = osr.CoordinateTransformation(source, target)
    total = max(1, layer.GetFeatureCount())
    try:
        layer.ResetReading()
        number = 0
        while True:
            with quiet_gdal():
                feature = layer.GetNextFeature()
            if feature is None:
                break
            number += 1
            if number % PROGRESS_EVERY == 0:
                table._advance(number / total)
            row = Row(number, {name: _ogr_value(feature, i, kind, subtype, ogr)
                               for i, (name, kind, subtype) in enumerate(fields)})
            geometry = feature.GetGeometryRef()
            if geometry is not None and not geometry.IsEmpty():
                flat = ogr.GT_Flatten(geometry.GetGeometryType())
                if flat == ogr.wkbMultiPoint and geometry.GetGeometryCount() == 1:
                    geometry, flat = geometry.GetGeometryRef(0), ogr.wkbPoint
                if flat == ogr.wkbPoint:
                    x, y = geometry.GetX(), geometry.GetY()
                    if transform is not None:
                        try:
                            x, y = transform.TransformPoint(x, y)[:2]
                        except RuntimeError:
                            x = y = float("inf")
                    if x == x and y == y and abs(x) != float("inf") and abs(y) != float("inf"):
                        row.point = (x, y)
                    else:
                        row.problems.append(tr("its point cannot be put in WGS 84 longitude and latitude"))
                else:
                    row.problems.append(tr("the geometry is a {}, not a point").format(
                        geometry.GetGeometryName().title()))
            yield row
    finally:
        layer = None  # the layer before its dataset: GDAL's order
        dataset = None


__all__ = ["ExchangeError", "KINDS", "Row", "Table", "detect_encoding", "iter_rows", "kind_of", "open_table",
           "preview", "sniff_delimiter"]

"""Known layouts of the files analysts bring: how each names its columns, cites its sources and names units.

A `Layout` says, for one kind of file, which column holds which target (`guess_mapping`), what to suggest
for fields the file lacks (`defaults`), how a row's sources are cited (`sources`) and which names in it
may name a unit (`unit_names`). `prepare_row` rewrites the few values a layout must read in its own way
(a TimeMap date written month first with its time in another column, a GeoConfirmed date at the start of
the placemark's name, HTML descriptions); `detect(table, rows)` picks the layout whose `score` is highest,
else `plain`.

Targets are the sighting field names (core/domain/fields.py SIGHTING_COLUMNS), `longitude`, `latitude`,
`wkt`, the flat source columns (source_url, source_publisher, source_published_at, source_archive_url,
source_notes, source_dataset, source_record_id, source_original_url) and `sources` (a JSON list). Source
dicts have the keys url, publisher, published_at, archive_url, notes, dataset, record_id, original_url (and
source_id when the file has one).

The formats, from their public documentation (read 2026-12-02; facts only, no text copied):
- ACLED: the export's columns and codes. https://acleddata.com/knowledge-base/guide-to-2023-acled-column-changes
  (the 2023 columns: disorder_type, civilian_targeting, tags added; event_id_no_cnty, data_id, iso3 removed);
  the acledR package's codebook https://dtacled.r-universe.dev/acledR/data/acled_codebook/ndjson and
  https://dtacled.github.io/acledR/reference/acled_old_dummy.html (column order); geo_precision 1/2/3 as
  https://rdrr.io/github/mapme-initiative/mapme.biodiversity/src/R/calc_fatalities_acled.R restates the
  codebook (1 a named town with coordinates, 2 a small part of a region or near a town, 3 a larger region or
  a provincial capital); inter codes https://dataviz.roam.garden/ACLED-CodeBook (1 state forces, 2 rebel
  groups, 3 political militias, 4 identity militias, 5 rioters, 6 protesters, 7 civilians, 8 external/other
  forces); the source column names sources, separated by ';', without links
  (github.com/worldbank/sudan-nighttime-lights notebooks/conflict/conflict.md).
- GeoConfirmed: KML export (https://geoconfirmed.org/api/map/ExportAsKml/<conflict>, a KMZ with doc.kml):
  placemarks whose name starts with the date ("14 DEC 2024"), whose description holds the text and the
  links (the footage post, then the geolocation), and whose styleUrl encodes the side by colour
  (6A1D00 North Korea, E00000 Russia, 0051CA Ukraine) - github.com/conflict-investigations/osint-geo-extractor
  (geo_extractor/downloaders/geoconfirmed.py, extractors/geoconfirmed.py) and a public fetch script that
  parses the KMZ. JSON: no document of GeoConfirmed's own is stored; the placemark API's records (id, date,
  description, originalSource, geolocation, la/lo or latitude/longitude, icon) as public clients read them
  are what the `geoconfirmed` layout reads (design from those and from the KML; see layouts-16.md).
- Bellingcat TimeMap: github.com/bellingcat/ukraine-timemap src/components/controls/DownloadButton.js (the
  CSV export: id, date, latitude, longitude, location, description, sources as the source links joined by
  ',', associations as key=value joined by ','; the JSON export: the same with sources as objects {id, path,
  description} and filters as {key, value}); github.com/forensic-architecture/timemap README (events with
  desc, date "8/23/2011" month first, time "18:30", location, lat, long, source, filters, category) and
  datasheet-server's deeprows blueprinter (source1, source2 columns gathered into `sources`).
"""

import datetime
import html
import json
import re
from functools import lru_cache
from typing import Dict, Iterable, List, Mapping, Optional, Sequence
from urllib.parse import urlparse

from ...toolbelt.i18n import tr
from ..curated.data import fold
from ..domain.fields import SIGHTING_COLUMNS
from ..domain.urls import is_web_url
from ..sightings.exchange import Row

SOURCE_KEYS = ("url", "publisher", "published_at", "archive_url", "notes", "dataset", "record_id", "original_url")
SOURCE_FLAT = tuple("source_" + key for key in SOURCE_KEYS)  # source_url … source_original_url
PLACE = ("longitude", "latitude", "wkt")
TARGETS = tuple(SIGHTING_COLUMNS) + PLACE + SOURCE_FLAT + ("sources",)
_URL = re.compile(r"https?://[^\s<>\"'\]\[(){},;|]+", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(?:br|/p|/div|/li)\s*/?>", re.IGNORECASE)


def norm(name) -> str:
    """A column or actor name compared without case, accents, spaces or punctuation."""
    return re.sub(r"[\W_]+", "", fold(str(name or "")))


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value) -> Optional[str]:
    if _blank(value):
        return None
    return value.strip() if isinstance(value, str) else str(value)


def urls_in(text) -> List[str]:
    """The http(s) links in a text (HTML or not), in order, each once; trailing punctuation dropped."""
    found = []
    for match in _URL.finditer(html.unescape(str(text or ""))):
        url = match.group(0).rstrip(".:!?'\"")
        if is_web_url(url) and url not in found:
            found.append(url)
    return found


def plain_text(value) -> Optional[str]:
    """HTML (a KML description) as plain text: tags removed, entities read, lines kept."""
    text = _text(value)
    if text is None:
        return None
    if "<" in text and ">" in text:
        text = _BREAK.sub("\n", text)
        text = _TAG.sub(" ", text)
    text = html.unescape(text)
    lines = [" ".join(line.split()) for line in text.splitlines()]
    return "\n".join(line for line in lines if line) or None


_X_HOSTS = ("x.com", "twitter.com", "mobile.twitter.com", "mobile.x.com")
_X_RESERVED = {"i", "intent", "share", "search", "home", "hashtag", "status"}


def publisher_from_url(url) -> Optional[str]:
    """Who published a link, read from its address: t.me/<channel>/… is the channel, x.com/<account>/… and
    twitter.com/<account>/… are @account, youtube.com/@handle is @handle (YouTube), else the site's host
    without www. None when it is not a web address."""
    text = _text(url)
    if text is None or not is_web_url(text):
        return None
    parsed = urlparse(text)
    host = (parsed.hostname or "").lower()
    for prefix in ("www.", "m."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    parts = [part for part in parsed.path.split("/") if part]
    if host in ("t.me", "telegram.me"):
        if parts and parts[0] == "s":
            parts = parts[1:]
        if parts and parts[0] not in ("c", "joinchat", "addstickers", "share"):
            return parts[0]
        return host
    if host in _X_HOSTS:
        if parts and parts[0].lower() not in _X_RESERVED:
            return "@" + parts[0]
        return host
    if host in ("youtube.com", "youtu.be"):
        if parts and parts[0].startswith("@"):
            return "{} (YouTube)".format(parts[0])
        if len(parts) >= 2 and parts[0] in ("c", "user"):
            return "{} (YouTube)".format(parts[1])
        return "YouTube"
    if host == "instagram.com" and parts and parts[0] not in ("p", "reel", "tv", "stories"):
        return "@{} (Instagram)".format(parts[0])
    return host or None


def _column(columns: Sequence[str], names: Iterable[str], taken=()) -> Optional[str]:
    """The first column (in `names` order) whose name, normalised, is one of `names`."""
    by_norm = {}
    for column in columns:
        by_norm.setdefault(norm(column), column)
    for name in names:
        column = by_norm.get(norm(name))
        if column is not None and column not in taken:
            return column
    return None


def _value(row: Row, mapping: Mapping[str, str], target: str):
    column = mapping.get(target)
    return row.values.get(column) if column else None


def _source(**values) -> Dict[str, Optional[str]]:
    source = {key: _text(values.get(key)) for key in SOURCE_KEYS}
    if values.get("source_id"):
        source["source_id"] = _text(values["source_id"])
    return source


def _listed_sources(value) -> Optional[List[dict]]:
    """The plugin's `sources` column (a JSON list of objects, or a list in GeoJSON); None when empty."""
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            value = json.loads(value)
        except ValueError:
            return None
    if not isinstance(value, list) or not value:
        return None
    listed = []
    for item in value:
        if isinstance(item, dict):
            listed.append(_source(source_id=item.get("source_id"), **{k: item.get(k) for k in SOURCE_KEYS}))
    return listed or None


def _split_urls(value) -> List[Optional[str]]:
    """One cell's source links: several when it holds several (separated by spaces, ';', ',' or lines)."""
    text = _text(value)
    if text is None:
        return []
    links = urls_in(text)
    if len(links) > 1:
        return links
    return [text]


def flat_sources(row: Row, mapping: Mapping[str, str]) -> List[dict]:
    """Sources from the `sources` column when it lists any, else one from the flat source_* columns (a cell
    holding several links gives one source per link, the other flat values on each)."""
    listed = _listed_sources(_value(row, mapping, "sources"))
    if listed:
        return listed
    link = _value(row, mapping, "source_url")
    if isinstance(link, list) or (isinstance(link, str) and link.strip().startswith("[")):
        listed = _listed_sources(link)  # the plugin's JSON list in a column mapped as the link
        if listed:
            return listed
    flat = {key: _value(row, mapping, "source_" + key) for key in SOURCE_KEYS}
    if all(_blank(v) for v in flat.values()):
        return []
    urls = _split_urls(flat["url"]) or [None]
    return [_source(**dict(flat, url=url)) for url in urls]


class Layout:
    """One known layout. Subclasses set the names and override what they read differently."""

    key = ""
    title = ""
    # target -> the column names this layout knows for it, most likely first (compared by norm()).
    names: Dict[str, Sequence[str]] = {}
    # Suggested values for fields the layout's files lack (shown in the dialog, changeable); on top of the
    # import's documented defaults (targets.DEFAULTS).
    defaults: Dict[str, object] = {}

    @property
    def label(self) -> str:
        return tr(self.title)

    def score(self, table_kind: str, columns: Sequence[str], sample_rows: Sequence[Row]) -> int:
        """How surely the file is in this layout: 0 not at all; the highest score wins detect()."""
        return 0

    def guess_mapping(self, columns: Sequence[str]) -> Dict[str, str]:
        mapping, taken = {}, set()
        for target, names in self.names.items():
            column = _column(columns, names, taken)
            if column is not None:
                mapping[target] = column
                taken.add(column)
        return mapping

    def prepare_row(self, row: Row, mapping: Mapping[str, str]) -> Row:
        """The row with the values this layout reads its own way rewritten (a copy; the row is unchanged)."""
        return row

    def sources(self, row: Row, mapping: Mapping[str, str]) -> List[dict]:
        return flat_sources(row, mapping)

    def unit_names(self, row: Row, mapping: Mapping[str, str]) -> List[str]:
        return []

    def __repr__(self) -> str:
        return "<Layout {}>".format(self.key)


def _copy(row: Row, values: Dict[str, object]) -> Row:
    return Row(row.number, values, row.point, list(row.problems))


# --- the plugin's own export ------------------------------------------------------------------------------

class OwnLayout(Layout):
    """What exportsightings writes (core/sightings/exchange.py): columns named as the fields, the first
    source flat, every source in `sources` as JSON. Read back unchanged."""

    key = "own"
    title = "KPA Tracker export (this plugin's own)"
    names = dict({name: (name,) for name in SIGHTING_COLUMNS},
                 longitude=("longitude", "lon", "lng"), latitude=("latitude", "lat"), wkt=("wkt", "geometry"),
                 sources=("sources",), **{flat: (flat,) for flat in SOURCE_FLAT})
    # The export holds every field; nothing to suggest.
    defaults: Dict[str, object] = {}
    _MARKS = ("sighting_id", "observed_at", "time_precision", "geo_precision", "source_reliability",
              "info_credibility", "claim_status", "review_status", "unit_as_reported", "sources", "source_url")

    def score(self, table_kind, columns, sample_rows) -> int:
        present = {norm(c) for c in columns}
        found = sum(1 for name in self._MARKS if norm(name) in present)
        return 100 + found if found >= 6 else 0


# --- a plain spreadsheet -----------------------------------------------------------------------------------

class PlainLayout(Layout):
    """A spreadsheet of date, place, description and source link, in English, Russian or Korean headers.
    With no publisher column the import takes the publisher from the link (publisher_from_url) unless the
    analyst sets one: left empty here so that the analyst's default publisher wins."""

    key = "plain"
    title = "Plain spreadsheet (date, lat, lon, description, source)"
    names = {
        "sighting_id": ("sighting_id",),
        "observed_at": ("observed_at", "date", "datetime", "date_time", "observed", "when", "event_date",
                        "date_utc", "дата", "дата и время", "дата наблюдения", "время", "날짜", "일자", "일시",
                        "날짜시간", "관측일", "kml_when", "kml_begin"),
        "time_precision": ("time_precision",),
        "longitude": ("longitude", "lon", "long", "lng", "x", "долгота", "경도"),
        "latitude": ("latitude", "lat", "y", "широта", "위도"),
        "wkt": ("wkt", "geometry", "geom"),
        "location_name": ("location_name", "location", "place", "place_name", "settlement", "место",
                          "населенный пункт", "населённый пункт", "местоположение", "위치", "장소", "지명", "kml_name"),
        "geo_precision": ("geo_precision",),
        "unit_id": ("unit_id",),
        "unit_as_reported": ("unit_as_reported", "unit", "formation", "подразделение", "часть", "воинская часть",
                             "부대", "부대명"),
        "source_reliability": ("source_reliability", "reliability", "надежность", "надёжность", "신뢰도"),
        "info_credibility": ("info_credibility", "credibility", "достоверность", "신빙성"),
        "claim_status": ("claim_status", "status", "статус", "상태"),
        "review_status": ("review_status",),
        "description": ("description", "desc", "notes", "note", "comment", "comments", "text", "summary",
                        "описание", "примечание", "комментарий", "текст", "설명", "내용", "비고", "kml_description"),
        "analyst": ("analyst",),
        "source_url": ("source_url", "url", "link", "source", "source_link", "sourceurl", "sources", "links",
                       "ссылка", "источник", "источники", "출처", "링크", "url 주소", "주소"),
        "source_publisher": ("source_publisher", "publisher", "channel", "outlet", "издатель", "канал", "издание",
                             "게시자", "채널", "매체", "언론사"),
        "source_published_at": ("source_published_at", "published_at", "published", "дата публикации", "게시일"),
        "source_archive_url": ("source_archive_url", "archive_url", "archive", "архив", "보관"),
        "source_notes": ("source_notes",),
        "source_dataset": ("source_dataset", "dataset"),
        "source_record_id": ("source_record_id", "record_id"),
        "source_original_url": ("source_original_url", "original_url"),
        # A "sources" column is read as links (or, when it holds one, the plugin's JSON list): source_url.
    }
    defaults: Dict[str, object] = {}

    def score(self, table_kind, columns, sample_rows) -> int:
        return 1  # the fallback: any file

    def prepare_row(self, row, mapping) -> Row:
        """A separate time column joined to the date; for KML, a TimeSpan read when there is no TimeStamp
        (a whole month as the month) and an HTML description as text."""
        row = _date_and_time(row, mapping, month_first=False)
        values, changed = dict(row.values), False
        column = mapping.get("observed_at")
        if column == "kml_when" and _blank(values.get(column)) and not _blank(values.get("kml_begin")):
            values[column] = kml_span(values.get("kml_begin"), values.get("kml_end"))
            changed = True
        column = mapping.get("description")
        if column == "kml_description" and isinstance(values.get(column), str) and "<" in values[column]:
            values[column] = plain_text(values[column])
            changed = True
        return _copy(row, values) if changed else row


# --- ACLED -------------------------------------------------------------------------------------------------

ACLED_COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
                 "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
                 "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
                 "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
                 "fatalities", "tags", "timestamp")
ACLED_DATASET = "ACLED"
ACLED_KPA_ACTOR = "Military Forces of North Korea (1948-)"
# ACLED's actor types (inter1, inter2) that are not forces: rioters, protesters, civilians; older files give
# the code, newer ones the words.
_NOT_FORCES = {"5", "6", "7", "rioters", "protesters", "civilians"}
# Associated actors carry no type: these name people, not forces.
_NOT_FORCE_PREFIXES = tuple(norm(p) for p in (
    "Civilians", "Protesters", "Rioters", "Government of", "Journalists", "Media", "Health Workers", "Aid Workers",
    "Refugees", "Prisoners", "Labor Group", "Students", "Women", "Teachers", "Farmers", "Former Military Forces"))
_KOREA_WORDS = tuple(norm(w) for w in ("North Korea", "DPRK", "KPA", "Korean People's Army"))


def _is_force(name: str, inter) -> bool:
    if inter is not None and norm(inter) in {norm(v) for v in _NOT_FORCES}:
        return False
    return not norm(name).startswith(_NOT_FORCE_PREFIXES)


class AcledLayout(Layout):
    """ACLED's export (CSV from the data export tool, or the API's JSON records).

    Each row is cited as ONE source: the dataset ACLED and the record's event_id_cnty, its named sources
    as the publisher ("Ukrainska Pravda; Telegram"), no URL (ACLED gives none and none is invented). The
    notes carry the source scale and the record's ACLED timestamp. Links written in ACLED's notes are not
    made sources: the notes are ACLED's own summary, and a link there is what ACLED's coders read, not a
    source this row cites by itself (it would count the same report twice against the ACLED record).
    ACLED's time_precision codes (1 the day, 2 within the week, 3 the month) and geo_precision codes (1 the
    town, 2 near a town or part of a region, 3 a larger region) are the sightings' own scales, so both map
    as they are.
    """

    key = "acled"
    title = "ACLED export"
    names = {
        "observed_at": ("event_date",),
        "time_precision": ("time_precision",),
        "longitude": ("longitude",),
        "latitude": ("latitude",),
        "location_name": ("location",),
        "geo_precision": ("geo_precision",),
        "description": ("notes",),
        "source_publisher": ("source",),
        "source_record_id": ("event_id_cnty",),
        "source_notes": ("source_scale",),
    }
    # ACLED records are reports coded from others' reports: "reported" (the import's default) fits; its
    # grades are left to the analyst (the import's default F6, "cannot be judged", until graded): how far
    # ACLED's named sources are reliable for a KPA unit's presence is not something the layout can know.
    defaults: Dict[str, object] = {}
    _MARKS = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type", "actor1",
              "assoc_actor_1", "inter1", "interaction", "geo_precision", "source_scale", "disorder_type",
              "admin1", "fatalities", "civilian_targeting")

    def score(self, table_kind, columns, sample_rows) -> int:
        present = {norm(c) for c in columns}
        found = sum(1 for name in self._MARKS if norm(name) in present)
        return 200 + found if found >= 5 else 0

    def sources(self, row, mapping) -> List[dict]:
        record_id = _text(_value(row, mapping, "source_record_id"))
        publisher = _text(_value(row, mapping, "source_publisher"))
        dataset = _text(_value(row, mapping, "source_dataset")) or ACLED_DATASET
        notes = []
        scale = _text(_value(row, mapping, "source_notes"))
        if scale:
            notes.append(tr("ACLED source scale: {}").format(scale))
        column = next((c for c in row.values if norm(c) == "timestamp"), None)
        stamp = _acled_timestamp(row.values.get(column)) if column else None
        if stamp:
            notes.append(tr("ACLED record timestamp: {}").format(stamp))
        if publisher:
            # "Ukrainska Pravda;Telegram" -> "Ukrainska Pravda; Telegram"
            publisher = "; ".join(part.strip() for part in publisher.split(";") if part.strip())
        if record_id is None and publisher is None:
            return []
        return [_source(publisher=publisher, dataset=dataset, record_id=record_id,
                        notes="; ".join(notes) or None, url=_text(_value(row, mapping, "source_url")))]

    def unit_names(self, row, mapping) -> List[str]:
        """The actors that name a force: actor1, assoc_actor_1, actor2, assoc_actor_2 (associated actors may
        be several, separated by ';'); rioters, protesters and civilians left out; North Korean ones first."""
        values = {norm(k): v for k, v in row.values.items()}
        names = []
        for actor, assoc, inter in (("actor1", "assoc_actor_1", "inter1"), ("actor2", "assoc_actor_2", "inter2")):
            main = _text(values.get(actor))
            if main and _is_force(main, _text(values.get(inter))):
                names.append(main)
            for part in (_text(values.get(norm(assoc))) or "").split(";"):
                part = part.strip()
                if part and _is_force(part, None):
                    names.append(part)
        unique = list(dict.fromkeys(names))
        korean = [n for n in unique if any(w in norm(n) for w in _KOREA_WORDS)]
        return korean + [n for n in unique if n not in korean]


def _acled_timestamp(value) -> Optional[str]:
    """ACLED's timestamp (Unix seconds of the record's last change) as UTC ISO 8601; other text as it is."""
    text = _text(value)
    if text is None:
        return None
    if re.match(r"^\d{9,11}$", text):
        moment = datetime.datetime.fromtimestamp(int(text), tz=datetime.timezone.utc)
        return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
    return text


# --- dates written with their time apart --------------------------------------------------------------------

_MONTH_FIRST = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*$")
_ISO_DAY = re.compile(r"^\s*(\d{4}-\d{2}-\d{2})\s*$")
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})(?::(\d{2}))?\s*$")
_TIME_NAMES = ("time", "time_utc", "время", "시간", "시각")
_TIME_KEYS = frozenset(norm(name) for name in _TIME_NAMES)


def with_time(date_value, time_value=None, month_first: bool = False):
    """A date and an optional separate time as one ISO text: "12/14/2024" (month first, when told) and
    "18:30" give "2024-12-14T18:30:00Z" (times are UTC). Anything else is given back as it was written,
    for the import's date reader to read or refuse."""
    date = _text(date_value)
    if date is None:
        return date_value
    day = None
    match = _MONTH_FIRST.match(date) if month_first else None
    if match:
        month, number, year = (int(g) for g in match.groups())
        if 1 <= month <= 12 and 1 <= number <= 31:
            day = "{:04d}-{:02d}-{:02d}".format(year, month, number)
    else:
        iso = _ISO_DAY.match(date)
        day = iso.group(1) if iso else None
    if day is None:
        return date_value
    clock = _CLOCK.match(_text(time_value) or "")
    if not clock:
        return day
    hour, minute, second = int(clock.group(1)), int(clock.group(2)), int(clock.group(3) or 0)
    if hour > 23 or minute > 59 or second > 59:
        return day  # the date reader's precision stays the day's; the odd time is not guessed at
    return "{}T{:02d}:{:02d}:{:02d}Z".format(day, hour, minute, second)


@lru_cache(maxsize=4096)
def _is_time_name(column) -> bool:
    """Cached: asked for every column of every row (folding the names each time was half a 100,000-row
    import's time)."""
    return norm(column) in _TIME_KEYS


def _time_column(row: Row, mapping: Mapping[str, str]) -> Optional[str]:
    used = set(mapping.values())
    for column in row.values:
        if _is_time_name(column) and column not in used:
            return column
    return None


def _date_and_time(row: Row, mapping: Mapping[str, str], month_first: bool) -> Row:
    column = mapping.get("observed_at")
    if not column or column not in row.values:
        return row
    time_column = _time_column(row, mapping)
    value = row.values.get(column)
    combined = with_time(value, row.values.get(time_column) if time_column else None, month_first)
    if combined == value:
        return row
    values = dict(row.values)
    values[column] = combined
    return _copy(row, values)


def kml_span(begin, end=None) -> Optional[str]:
    """A KML TimeSpan as a date the import reads: a span of one whole calendar month is that month
    ("2024-12", month precision); else its beginning."""
    first, last = _text(begin), _text(end)
    try:
        start = datetime.date.fromisoformat((first or "")[:10])
        stop = datetime.date.fromisoformat((last or "")[:10])
    except ValueError:
        return first
    following = (stop + datetime.timedelta(days=1))
    if start.day == 1 and (start.year, start.month) == (stop.year, stop.month) and following.day == 1:
        return "{:04d}-{:02d}".format(start.year, start.month)
    return first


# --- GeoConfirmed ---------------------------------------------------------------------------------------------

GEOCONFIRMED = "GeoConfirmed"
# GeoConfirmed's own addresses: a link to one of them is the geolocation, never the footage.
_GEOCONFIRMED_ACCOUNTS = {"geoconfirmed"}
_GEOCONFIRMED_HOSTS = ("geoconfirmed.org", "geoconfirmed.azurewebsites.net")
_GEOLOCATION_LABEL = re.compile(r"\bgeo-?locat(?:ion|ed|ions)?\b|\bgeo\s*:", re.IGNORECASE)
_NAME_DATE = re.compile(r"^\s*(\d{1,2}\s+[^\W\d_]{3,9}\.?\s+\d{4})\b")
# The side is the icon's colour in GeoConfirmed's styleUrl or icon path ("…/icons/6A1D00/False/…").
_SIDE_COLOURS = {"6A1D00": "North Korea", "E00000": "Russia", "0051CA": "Ukraine", "400080": "Belarus"}
_STYLE_COLOUR = re.compile(r"icons/([0-9A-Fa-f]{6})/")
_KOREAN_SIDE_NAME = "North Korean forces"


def _is_geoconfirmed(url: str) -> bool:
    parsed = urlparse(url)
    host = (parsed.hostname or "").lower()
    if host.endswith(_GEOCONFIRMED_HOSTS):
        return True
    publisher = publisher_from_url(url) or ""
    return publisher.lstrip("@").lower() in _GEOCONFIRMED_ACCOUNTS


def geoconfirmed_links(description, original=None, geolocation=None):
    """(footage links, geolocation links) of a placemark: the links after a "Geolocation" label, and any
    link of GeoConfirmed's own, are the geolocation; the others are the footage (the source). The JSON's
    originalSource and geolocation fields, when given, say it outright."""
    footage, located = [], []
    for url in urls_in(original):
        (located if _is_geoconfirmed(url) else footage).append(url)
    located += [u for u in urls_in(geolocation) if u not in located]
    text = html.unescape(str(description or ""))
    label = _GEOLOCATION_LABEL.search(text)
    before, after = (text[:label.start()], text[label.end():]) if label else (text, "")
    for url in urls_in(before):
        if url in footage or url in located:
            continue
        (located if _is_geoconfirmed(url) else footage).append(url)
    for url in urls_in(after):
        if url not in located and url not in footage:
            located.append(url)
    return footage, located


class GeoConfirmedLayout(Layout):
    """GeoConfirmed's KML (placemarks: the date at the start of the name, the text and links in the
    description) and its JSON (records with date, description, originalSource, geolocation, la/lo).

    Sources: the first link that is not GeoConfirmed's own is the footage post, the source (its publisher
    from its address: t.me/<channel> the channel, x.com/<account> @account); the geolocation post is a
    second source whose original_url is the footage post. The geolocation is derived from the footage: it
    reports where that post was filmed, so it is not an independent origin, and with original_url the two
    count as one origin (a GeoConfirmed placemark never corroborates itself, and the same footage cited
    elsewhere is found as the same origin). With no footage link the geolocation post stands alone. Later
    footage links are left out: GeoConfirmed's placemark is about the first.
    """

    key = "geoconfirmed"
    title = "GeoConfirmed (KML or JSON)"
    names = {
        "observed_at": ("kml_when", "date", "kml_begin", "kml_name", "name"),
        "longitude": ("longitude", "lo", "lon", "lng"),
        "latitude": ("latitude", "la", "lat"),
        "description": ("kml_description", "description"),
        "source_url": ("originalSource", "original_source", "source"),
    }
    # GeoConfirmed's points are geolocated from the footage: the exact place. The claim status stays the
    # import's "reported": a geolocation fixes where the footage was filmed, not whose soldiers it shows,
    # and footage with its geolocation is one origin, not corroboration. Grades are the analyst's.
    defaults: Dict[str, object] = {"geo_precision": 1}

    def score(self, table_kind, columns, sample_rows) -> int:
        present = {norm(c) for c in columns}
        if table_kind == "GeoJSON" and ({"originalsource", "geolocation"} & present) and "description" in present:
            return 150
        if "kmldescription" not in present and "description" not in present:
            return 0
        for row in sample_rows[:20]:
            text = " ".join(str(v) for k, v in row.values.items()
                            if norm(k) in ("kmldescription", "description", "kmlstyle", "icon"))
            if "geoconfirmed" in text.lower():
                return 150
        # A KML whose placemarks are named by their date (GeoConfirmed's "14 DEC 2024") and whose
        # descriptions label a geolocation link.
        if table_kind == "KML" and sample_rows and all(
                _NAME_DATE.match(str(r.values.get("kml_name") or "")) and
                _GEOLOCATION_LABEL.search(str(r.values.get("kml_description") or "")) for r in sample_rows[:20]):
            return 120
        return 0

    def _field(self, row: Row, *names):
        wanted = {norm(n) for n in names}
        for column, value in row.values.items():
            if norm(column) in wanted and not _blank(value):
                return value
        return None

    def prepare_row(self, row, mapping) -> Row:
        values = dict(row.values)
        changed = False
        column = mapping.get("observed_at")
        if column and isinstance(values.get(column), str):
            match = _NAME_DATE.match(values[column])
            if match and match.group(1) != values[column].strip():
                values[column] = match.group(1)
                changed = True
        column = mapping.get("description")
        if column and isinstance(values.get(column), str) and "<" in values[column]:
            values[column] = plain_text(values[column])
            changed = True
        return _copy(row, values) if changed else row

    def sources(self, row, mapping) -> List[dict]:
        description = self._field(row, "kml_description", "description")
        original = _value(row, mapping, "source_url") or self._field(row, "originalSource", "original_source")
        footage, located = geoconfirmed_links(description, original, self._field(row, "geolocation"))
        record = _text(self._field(row, "id", "placemark_id"))
        note = tr("GeoConfirmed geolocation")
        if record:
            note = tr("GeoConfirmed geolocation (placemark {})").format(record)
        sources = []
        if footage:
            sources.append(_source(url=footage[0], publisher=publisher_from_url(footage[0])))
        if located:
            sources.append(_source(url=located[0], publisher=publisher_from_url(located[0]), notes=note,
                                   original_url=footage[0] if footage else None))
        return sources

    def side(self, row: Row) -> Optional[str]:
        """GeoConfirmed's side for the placemark, from its icon colour or its folder, when the file says."""
        style = self._field(row, "kml_style", "styleUrl", "icon")
        match = _STYLE_COLOUR.search(str(style or ""))
        if match and match.group(1).upper() in _SIDE_COLOURS:
            return _SIDE_COLOURS[match.group(1).upper()]
        folder = norm(self._field(row, "kml_folder", "folder") or "")
        for side in _SIDE_COLOURS.values():
            if norm(side) in folder:
                return side
        if "dprk" in folder or "kpa" in folder:
            return "North Korea"
        return None

    def unit_names(self, row, mapping) -> List[str]:
        """GeoConfirmed names no units; a placemark it files under North Korea is of North Korean forces."""
        return [_KOREAN_SIDE_NAME] if self.side(row) == "North Korea" else []


# --- Bellingcat TimeMap ------------------------------------------------------------------------------------

class TimeMapLayout(Layout):
    """Bellingcat's TimeMap export (CSV: sources as links joined by ','; JSON: sources as {id, path,
    description} objects) and Forensic Architecture's TimeMap events (desc, date month first, time, lat,
    long, source, filters, category).

    Each source link is a source (its publisher from its address); the TimeMap source id and its
    description go to the source's notes with the event's id: they are keys inside one TimeMap instance,
    not records of a dataset other files could cite (a dataset and record id would make two instances'
    "SRC1" one origin). A source given only by its id (a sheet whose sources are ids into a separate
    sources sheet) has no link: the validator then asks for one. The date is month first (TimeMap's
    form, "8/23/2011") and a separate time column is joined to it (UTC).
    """

    key = "timemap"
    title = "Bellingcat TimeMap export (CSV or JSON)"
    names = {
        "observed_at": ("date", "datetime"),
        "longitude": ("longitude", "long", "lon", "lng"),
        "latitude": ("latitude", "lat"),
        "location_name": ("location",),
        "description": ("description", "desc"),
        # TimeMap's sources are its links (or source objects), not the plugin's JSON list: source_url.
        "source_url": ("sources", "source"),
    }
    # TimeMap is a tool, not one dataset: how exact its points are depends on who made the map, so the
    # import's "near a named place" stays; the grades are the analyst's.
    defaults: Dict[str, object] = {}
    _UNIT_KEYS = {norm(k) for k in ("unit", "units", "military unit", "formation", "actor", "actors")}

    def score(self, table_kind, columns, sample_rows) -> int:
        present = {norm(c) for c in columns}
        if not ({"sources", "source"} & present) or "date" not in present:
            return 0
        if not ({"latitude", "lat"} & present):
            return 0
        for row in sample_rows[:20]:
            listed = row.values.get(next((c for c in row.values if norm(c) in ("sources", "source")), ""))
            if isinstance(listed, list) and listed and isinstance(listed[0], dict) and "path" in listed[0]:
                return 160
        if {"associations", "filters", "category"} & present:
            return 150
        return 0

    def prepare_row(self, row, mapping) -> Row:
        return _date_and_time(row, mapping, month_first=True)

    def sources(self, row, mapping) -> List[dict]:
        listed = _value(row, mapping, "source_url")
        if _blank(listed):
            listed = _value(row, mapping, "sources")
        event = _text(next((v for k, v in row.values.items() if norm(k) in ("id", "civid")), None))
        items: List[object] = []
        if isinstance(listed, list):
            items = listed
        elif isinstance(listed, str) and listed.strip():
            text = listed.strip()
            if text.startswith("["):
                try:
                    parsed = json.loads(text)
                    items = parsed if isinstance(parsed, list) else [text]
                except ValueError:
                    items = [text]
            else:
                links = urls_in(text)
                items = links or [part.strip() for part in text.split(",") if part.strip()]
        sources = []
        for item in items:
            ident = description = None
            if isinstance(item, dict):
                paths = item.get("paths")
                url = item.get("path") or item.get("url") or (paths[0] if isinstance(paths, list) and paths else None)
                ident, description = _text(item.get("id")), _text(item.get("description"))
            else:
                url = _text(item)
                if url is not None and not is_web_url(url):
                    ident, url = url, None
            notes = [tr("TimeMap event {}").format(event)] if event else []
            if ident and description:
                notes.append(tr("source {}: {}").format(ident, description))
            elif ident:
                notes.append(tr("source {}").format(ident) if url else
                             tr("source {} (only its id: export the map with its sources, or add the link)").format(ident))
            elif description:
                notes.append(description)
            url = _text(url)
            sources.append(_source(url=url, publisher=publisher_from_url(url) if url else None,
                                   notes="; ".join(notes) or None))
        return sources

    def unit_names(self, row, mapping) -> List[str]:
        """Units a TimeMap names in its filters (key "Unit", "Military unit", "Actor"…), as key=value pairs
        (CSV) or {key, value} objects (JSON)."""
        names = []
        for column, value in row.values.items():
            if norm(column) not in ("filters", "associations"):
                continue
            pairs = []
            if isinstance(value, list):
                pairs = [(i.get("key"), i.get("value")) for i in value if isinstance(i, dict)]
            elif isinstance(value, str):
                pairs = [tuple(p.split("=", 1)) for p in value.split(",") if "=" in p]
            for key, found in pairs:
                if norm(key) in self._UNIT_KEYS and _text(found):
                    names.append(_text(found))
        return list(dict.fromkeys(names))


# --- the registry ---------------------------------------------------------------------------------------------

LAYOUTS: Dict[str, Layout] = {}


def register(layout: Layout) -> Layout:
    LAYOUTS[layout.key] = layout
    return layout


for _layout in (OwnLayout(), AcledLayout(), GeoConfirmedLayout(), TimeMapLayout(), PlainLayout()):
    register(_layout)


def detect(table, rows: Sequence[Row]) -> Layout:
    """The layout of a table (readers.Table: kind, columns) from its columns and first rows; `plain` when no
    other fits."""
    kind = getattr(table, "kind", "") or ""
    columns = list(getattr(table, "columns", []) or [])
    best, best_score = LAYOUTS["plain"], 0
    for layout in LAYOUTS.values():
        score = layout.score(kind, columns, list(rows or []))
        if score > best_score:
            best, best_score = layout, score
    return best


__all__ = ["ACLED_DATASET", "ACLED_KPA_ACTOR", "GEOCONFIRMED", "LAYOUTS", "Layout", "SOURCE_FLAT", "SOURCE_KEYS",
           "TARGETS", "detect", "flat_sources", "geoconfirmed_links", "norm", "plain_text", "publisher_from_url",
           "kml_span", "register", "urls_in", "with_time"]

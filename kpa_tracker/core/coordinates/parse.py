"""Coordinates typed by an analyst: decimal degrees, degrees-minutes-seconds and MGRS.

`parse_coordinates(text)` returns a `ParsedCoordinate` (WGS 84 lon/lat, what
kind of notation it was, a normalised text to show back before saving), or
raises `CoordinateError` with a message that says what was wrong.

Reading rules (shown to the analyst in the dock's help):

- **Two numbers are latitude first**: "51.19, 35.27" and "51.19 35.27" are
  51.19° N, 35.27° E. Hemisphere letters override the order: "35.27E 51.19N"
  and "E35.27 N51.19" are the same point. A number that cannot be a latitude in
  the first place is refused, never silently swapped ("127.5, 40.1" asks you to
  write "40.1, 127.5" or to add letters).
- Southern and western values are negative numbers or S and W letters, not both.
- Degrees-minutes-seconds: 51°11′29″N 35°16′14″E, with ASCII ' and " (or '' for
  seconds), with letters (51d11m29sN 35d16m14sE), or as bare numbers
  (51 11 29 N 35 16 14 E); degrees and decimal minutes too (51°11.48′N).
  Only the last part of a value may have decimals; minutes and seconds are
  below 60. After a minutes value written with the letter m, an s directly
  after the seconds number is the seconds marker ("29s"); everywhere else S is
  the southern hemisphere.
- The two values are split at a comma or semicolon when there is one, else at
  the hemisphere letters, else at the second degrees marker, else in the middle
  of the numbers (2, 4 or 6 of them).
- MGRS (WGS 84, the current "AA" lettering): "36UYA1234567890",
  "36U YA 12345 67890", "36UYA 123 678", from 0 to 10 digits. The point is the
  south-west corner of the square the reference names (as MGRS defines a
  reference); `precision_m` is the side of that square. The 100 km square
  letters are decoded here; the UTM zone (EPSG:326zz north, 327zz south) is
  converted to WGS 84 by QGIS. Polar references (bands A, B, Y, Z) are refused.
"""

import math
import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsPointXY,
)

WGS84 = "EPSG:4326"
COLUMN_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # MGRS 100 km columns: A-Z without I and O
ROW_LETTERS = "ABCDEFGHJKLMNPQRSTUV"  # MGRS 100 km rows: A-V without I and O
BAND_LETTERS = "CDEFGHJKLMNPQRSTUVWX"  # latitude bands, 8° each from 80° S (X is 12°)
TWO_MILLION = 2000000.0
# How far (degrees of latitude) the point of a reference may lie outside its band:
# a 100 km square straddles band edges, and its south-west corner may be just south.
BAND_TOLERANCE_DEG = 1.0


class CoordinateError(ValueError):
    """The text is not a coordinate this parser understands; the message says why."""


@dataclass(frozen=True)
class ParsedCoordinate:
    lon: float
    lat: float
    kind: str  # "decimal", "dms" or "mgrs"
    normalised: str  # the input, written out canonically (what the analyst is shown)
    precision_m: Optional[float] = None  # MGRS: the side of the square the reference names

    @property
    def display(self) -> str:
        """The normalised text and the point it means, e.g. for the dock's preview."""
        if self.kind == "decimal":
            return self.normalised
        text = "{} = {}".format(self.normalised, format_decimal(self.lon, self.lat))
        if self.kind == "mgrs":
            text += " (south-west corner of its {} square)".format(_size_text(self.precision_m))
        return text


def parse_coordinates(text: str) -> ParsedCoordinate:
    """Parse decimal degrees, degrees-minutes-seconds or MGRS; raises CoordinateError."""
    raw = str(text if text is not None else "").strip()
    if not raw:
        raise CoordinateError("No coordinates given: type decimal degrees (51.19, 35.27), "
                              "degrees-minutes-seconds (51°11′29″N 35°16′14″E) or MGRS (36UYA1234567890)")
    if MGRS_SHAPE.match(raw):
        return parse_mgrs(raw)
    return parse_degrees(raw)


# --- formatting -------------------------------------------------------------------------

def format_decimal(lon: float, lat: float, decimals: int = 6) -> str:
    return "{:.{d}f}° {}, {:.{d}f}° {}".format(
        abs(lat), "S" if lat < 0 else "N", abs(lon), "W" if lon < 0 else "E", d=decimals)


def _dms_text(value: float, positive: str, negative: str, second_decimals: int = 0) -> str:
    hemisphere = negative if value < 0 else positive
    total = abs(value) * 3600.0
    scale = 10 ** second_decimals
    total = round(total * scale) / scale
    degrees = int(total // 3600)
    minutes = int((total - degrees * 3600) // 60)
    seconds = total - degrees * 3600 - minutes * 60
    if second_decimals:
        seconds_text = "{:0{w}.{d}f}".format(seconds, w=3 + second_decimals, d=second_decimals)
    else:
        seconds_text = "{:02d}".format(int(round(seconds)))
    return "{}°{:02d}′{}″ {}".format(degrees, minutes, seconds_text, hemisphere)


def format_dms(lon: float, lat: float, second_decimals: int = 1) -> str:
    return "{}, {}".format(_dms_text(lat, "N", "S", second_decimals), _dms_text(lon, "E", "W", second_decimals))


def _size_text(metres: float) -> str:
    return "{:g} km".format(metres / 1000.0) if metres >= 1000 else "{:g} m".format(metres)


# --- decimal degrees and degrees-minutes-seconds ----------------------------------------

_TRANSLATE = {
    "º": "°", "˚": "°",
    "′": "'", "’": "'", "‘": "'", "´": "'", "`": "'", "ʹ": "'",
    "″": '"', "“": '"', "”": '"', "ʺ": '"',
    "−": "-", "–": "-", "—": "-",
}
_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<number>[-+]?(?:\d+(?:\.\d*)?|\.\d+))
      | (?P<deg>°)
      | (?P<sec>"|'')
      | (?P<min>')
      | (?P<sep>[,;/])
      | (?P<word>[A-Za-z]+)
      | (?P<other>.)""",
    re.VERBOSE,
)
_WORD_UNITS = {"deg": "deg", "min": "min", "sec": "sec", "d": "deg", "m": "min"}
_HEMISPHERES = "NSEW"


@dataclass
class _Token:
    kind: str  # number, deg, min, sec, hemi, sep, s (ambiguous until resolved)
    text: str
    attached: bool  # no space between this token and the previous one
    position: int
    letter_unit: bool = False  # a unit written as a letter (d, m, s) rather than a symbol


def _tokens(text: str) -> List[_Token]:
    tokens = []
    attached = False
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind == "space":
            attached = False
            continue
        if kind == "other":
            raise CoordinateError("'{}' (at character {}) has no place in a coordinate".format(
                value, match.start() + 1))
        if kind == "word":
            lower = value.lower()
            if lower in ("deg", "min", "sec"):
                tokens.append(_Token(_WORD_UNITS.get(lower, lower), value, attached, match.start(), True))
            else:
                for offset, letter in enumerate(value):
                    low = letter.lower()
                    if low in ("d", "m"):
                        tokens.append(_Token(_WORD_UNITS[low], letter, attached or offset > 0,
                                             match.start() + offset, True))
                    elif low == "s":
                        tokens.append(_Token("s", letter, attached or offset > 0, match.start() + offset, True))
                    elif letter.upper() in _HEMISPHERES:
                        tokens.append(_Token("hemi", letter.upper(), attached or offset > 0, match.start() + offset))
                    else:
                        raise CoordinateError(
                            "'{}' is not a coordinate: letters may only be the hemispheres N, S, E, W "
                            "or the units d, m, s".format(value))
        else:
            tokens.append(_Token(kind, value, attached, match.start()))
        attached = True
    # An s right after the seconds number of a value whose minutes were marked with
    # the letter m is the seconds marker (51d11m29s); anywhere else it is South.
    for index, token in enumerate(tokens):
        if token.kind != "s":
            continue
        is_seconds = (index >= 2 and token.attached and tokens[index - 1].kind == "number"
                      and tokens[index - 2].kind == "min" and tokens[index - 2].letter_unit)
        token.kind = "sec" if is_seconds else "hemi"
        token.text = "s" if is_seconds else "S"
    return tokens


def _split(tokens: List[_Token], text: str) -> Tuple[List[_Token], List[_Token]]:
    separators = [i for i, t in enumerate(tokens) if t.kind == "sep"]
    if len(separators) > 1:
        raise CoordinateError("'{}' has more than one separator; write two values, e.g. "
                              "51.19, 35.27 (use a point for decimals)".format(text))
    if separators:
        i = separators[0]
        return tokens[:i], tokens[i + 1:]
    hemis = [i for i, t in enumerate(tokens) if t.kind == "hemi"]
    if hemis:
        if hemis[0] == 0:  # prefix letters: N51.19 E35.27
            if len(hemis) < 2:
                raise CoordinateError("'{}' has one hemisphere letter in front; give both "
                                      "(N51.19 E35.27) or separate the values with a comma".format(text))
            return tokens[:hemis[1]], tokens[hemis[1]:]
        return tokens[:hemis[0] + 1], tokens[hemis[0] + 1:]
    degrees = [i for i, t in enumerate(tokens) if t.kind == "deg"]
    if len(degrees) >= 2 and tokens[degrees[1] - 1].kind == "number":
        cut = degrees[1] - 1  # the second value starts at the number of its degrees
        return tokens[:cut], tokens[cut:]
    numbers = [i for i, t in enumerate(tokens) if t.kind == "number"]
    if len(numbers) in (2, 4, 6):
        cut = numbers[len(numbers) // 2]
        return tokens[:cut], tokens[cut:]
    raise CoordinateError("'{}' is not two coordinates: write latitude and longitude, "
                          "e.g. 51.19, 35.27 or 51°11′29″N 35°16′14″E".format(text))


@dataclass
class _Value:
    value: float
    axis: Optional[str]  # "lat", "lon" or None (unknown until paired)
    parts: int  # 1 decimal degrees, 2 degrees-minutes, 3 degrees-minutes-seconds
    text: str
    decimals: int  # decimals of the last part as typed


_UNIT_ORDER = {"deg": 0, "min": 1, "sec": 2}
_UNIT_NAMES = ("degrees", "minutes", "seconds")


def _value(tokens: List[_Token], which: str) -> _Value:
    source = " ".join(t.text for t in tokens).strip()
    if not tokens:
        raise CoordinateError("The {} value is missing".format(which))
    hemis = [t for t in tokens if t.kind == "hemi"]
    if len(hemis) > 1:
        raise CoordinateError("'{}' has two hemisphere letters in one value".format(source))
    if hemis and tokens[0] is not hemis[0] and tokens[-1] is not hemis[0]:
        raise CoordinateError("'{}': the hemisphere letter goes before or after the value".format(source))
    body = [t for t in tokens if t.kind != "hemi"]
    parts: List[Tuple[str, Optional[str]]] = []
    index = 0
    while index < len(body):
        token = body[index]
        if token.kind != "number":
            raise CoordinateError("'{}': '{}' must follow a number".format(source, token.text))
        unit = None
        if index + 1 < len(body) and body[index + 1].kind in _UNIT_ORDER:
            unit = body[index + 1].kind
            index += 1
        parts.append((token.text, unit))
        index += 1
    if not parts:
        raise CoordinateError("'{}' has no number".format(source))
    if len(parts) > 3:
        raise CoordinateError("'{}' has more than degrees, minutes and seconds".format(source))
    numbers = []
    negative = False
    for position, (number_text, unit) in enumerate(parts):
        if unit is not None and _UNIT_ORDER[unit] != position:
            raise CoordinateError("'{}': {} where {} were expected".format(
                source, _UNIT_NAMES[_UNIT_ORDER[unit]], _UNIT_NAMES[position]))
        if number_text[0] in "+-":
            if position > 0:
                raise CoordinateError("'{}': only the degrees may carry a sign".format(source))
            negative = number_text[0] == "-"
            number_text = number_text[1:]
        if "." in number_text and position < len(parts) - 1:
            raise CoordinateError("'{}': only the last part may have decimals "
                                  "(51°11.48′ or 51°11′29″, not 51.5°11′)".format(source))
        numbers.append(float(number_text))
    if len(numbers) > 1 and numbers[1] >= 60:
        raise CoordinateError("'{}': minutes must be below 60".format(source))
    if len(numbers) > 2 and numbers[2] >= 60:
        raise CoordinateError("'{}': seconds must be below 60".format(source))
    magnitude = numbers[0] + (numbers[1] / 60.0 if len(numbers) > 1 else 0.0) + (
        numbers[2] / 3600.0 if len(numbers) > 2 else 0.0)
    axis = None
    if hemis:
        letter = hemis[0].text
        if negative:
            raise CoordinateError("'{}': a minus sign and the hemisphere letter {} together are "
                                  "ambiguous; use one of them".format(source, letter))
        axis = "lat" if letter in "NS" else "lon"
        negative = letter in "SW"
    last = parts[-1][0]
    decimals = len(last.split(".", 1)[1]) if "." in last else 0
    return _Value(-magnitude if negative else magnitude, axis, len(numbers), source, decimals)


def parse_degrees(text: str) -> ParsedCoordinate:
    """Decimal degrees or degrees-minutes-seconds (see the module's reading rules)."""
    raw = str(text).strip()
    normalised = raw.translate(str.maketrans(_TRANSLATE))
    tokens = _tokens(normalised)
    first_tokens, second_tokens = _split(tokens, raw)
    first, second = _value(first_tokens, "first"), _value(second_tokens, "second")
    if first.axis and first.axis == second.axis:
        raise CoordinateError("'{}': both values are {}s; give one latitude (N/S) and one "
                              "longitude (E/W)".format(raw, "latitude" if first.axis == "lat" else "longitude"))
    if first.axis == "lon" or second.axis == "lat":
        lon_value, lat_value = first, second
    else:
        lat_value, lon_value = first, second  # latitude first unless the letters say otherwise
    lettered = bool(first.axis or second.axis)
    if not -90.0 <= lat_value.value <= 90.0:
        hint = "" if lettered else (" (without hemisphere letters the first value is the latitude: write "
                                    "latitude, longitude, or add N/S and E/W)")
        raise CoordinateError("'{}': {} is not a latitude, which lies between -90 and 90{}".format(
            raw, lat_value.text, hint))
    if not -180.0 <= lon_value.value <= 180.0:
        raise CoordinateError("'{}': {} is not a longitude, which lies between -180 and 180".format(
            raw, lon_value.text))
    lon, lat = lon_value.value, lat_value.value
    if first.parts == 1 and second.parts == 1:
        return ParsedCoordinate(lon, lat, "decimal", format_decimal(lon, lat))
    second_decimals = max(lat_value.decimals if lat_value.parts == 3 else 0,
                          lon_value.decimals if lon_value.parts == 3 else 0)
    if lat_value.parts < 3 or lon_value.parts < 3:
        second_decimals = max(second_decimals, 1)  # decimal minutes: show tenths of a second
    return ParsedCoordinate(lon, lat, "dms", format_dms(lon, lat, min(second_decimals, 3)))


# --- MGRS -------------------------------------------------------------------------------

MGRS_SHAPE = re.compile(r"^\s*\d{1,2}\s*[A-Za-z]\s*[A-Za-z]{2}(?:\s*\d+){0,2}\s*$")
_MGRS = re.compile(r"^(\d{1,2})([A-Z])([A-Z])([A-Z])(\d*)$")
_TRANSFORMS = {}


def _to_wgs84(epsg: int) -> QgsCoordinateTransform:
    transform = _TRANSFORMS.get(("to", epsg))
    if transform is None:
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:{}".format(epsg)),
                                           QgsCoordinateReferenceSystem(WGS84), QgsCoordinateTransformContext())
        _TRANSFORMS[("to", epsg)] = transform
    return transform


def _from_wgs84(epsg: int) -> QgsCoordinateTransform:
    transform = _TRANSFORMS.get(("from", epsg))
    if transform is None:
        transform = QgsCoordinateTransform(QgsCoordinateReferenceSystem(WGS84),
                                           QgsCoordinateReferenceSystem("EPSG:{}".format(epsg)),
                                           QgsCoordinateTransformContext())
        _TRANSFORMS[("from", epsg)] = transform
    return transform


def utm_epsg(zone: int, north: bool) -> int:
    return (32600 if north else 32700) + zone


def band_latitudes(band: str) -> Tuple[float, float]:
    index = BAND_LETTERS.index(band)
    south = -80.0 + 8.0 * index
    return south, south + (12.0 if band == "X" else 8.0)


def zone_longitudes(zone: int, band: str) -> Tuple[float, float]:
    """The longitudes a grid zone covers, with Norway's and Svalbard's exceptions."""
    west = -180.0 + 6.0 * (zone - 1)
    east = west + 6.0
    if band == "V" and zone == 31:
        east = 3.0
    elif band == "V" and zone == 32:
        west = 3.0
    elif band == "X" and zone in (31, 33, 35, 37):
        west, east = {31: (0.0, 9.0), 33: (9.0, 21.0), 35: (21.0, 33.0), 37: (33.0, 42.0)}[zone]
    return west, east


@dataclass(frozen=True)
class MgrsReference:
    zone: int
    band: str
    column: str
    row: str
    easting_digits: str
    northing_digits: str

    @property
    def text(self) -> str:
        parts = ["{}{}".format(self.zone, self.band), self.column + self.row]
        if self.easting_digits:
            parts += [self.easting_digits, self.northing_digits]
        return " ".join(parts)

    @property
    def precision_m(self) -> float:
        return 10.0 ** (5 - len(self.easting_digits))


def split_mgrs(text: str) -> MgrsReference:
    """The parts of an MGRS reference, checked for shape (not yet for position)."""
    raw = str(text).strip()
    groups = raw.upper().split()
    compact = "".join(groups)
    match = _MGRS.match(compact)
    if not match:
        raise CoordinateError("'{}' is not an MGRS reference like 36UYA1234567890 or "
                              "36U YA 12345 67890".format(raw))
    zone_text, band, column, row, digits = match.groups()
    zone = int(zone_text)
    if not 1 <= zone <= 60:
        raise CoordinateError("'{}': zone {} does not exist; MGRS zones are 1 to 60".format(raw, zone))
    if band in "ABYZ":
        raise CoordinateError("'{}': band {} is a polar (UPS) reference, which is not supported".format(raw, band))
    if band not in BAND_LETTERS:
        raise CoordinateError("'{}': {} is not a latitude band; bands are C to X without I and O".format(raw, band))
    if column not in COLUMN_LETTERS or row not in ROW_LETTERS:
        raise CoordinateError("'{}': {}{} is not a 100 km square; columns are A-Z and rows A-V, "
                              "both without I and O".format(raw, column, row))
    # With spaces, easting and northing must be two groups of equal length.
    digit_groups = [g for g in groups if g.isdigit()]
    if len(digit_groups) == 2 and compact.endswith(digit_groups[0] + digit_groups[1]):
        if len(digit_groups[0]) != len(digit_groups[1]):
            raise CoordinateError("'{}': easting {} and northing {} must have as many digits".format(
                raw, digit_groups[0], digit_groups[1]))
    if len(digits) % 2 or len(digits) > 10:
        raise CoordinateError("'{}': {} digits after the square; MGRS takes an even number "
                              "from 0 to 10 (2 for 10 km … 10 for 1 m)".format(raw, len(digits)))
    half = len(digits) // 2
    return MgrsReference(zone, band, column, row, digits[:half], digits[half:])


@dataclass(frozen=True)
class MgrsDecoded:
    """An MGRS reference as UTM: the south-west corner of its square and the square's side."""
    reference: MgrsReference
    zone: int
    north: bool
    easting: float
    northing: float
    size_m: float

    @property
    def epsg(self) -> int:
        return utm_epsg(self.zone, self.north)


def decode_mgrs(text: str) -> MgrsDecoded:
    """Decode the 100 km square letters and digits of an MGRS reference into UTM metres."""
    reference = split_mgrs(text)
    raw = str(text).strip()
    zone, band = reference.zone, reference.band
    column_set = (zone - 1) % 3  # zones 1, 4, 7… use A-H; 2, 5, 8… J-R; 3, 6, 9… S-Z
    column_index = COLUMN_LETTERS.index(reference.column) - 8 * column_set
    if not 0 <= column_index <= 7:
        first = COLUMN_LETTERS[8 * column_set]
        last = COLUMN_LETTERS[8 * column_set + 7]
        raise CoordinateError("'{}': column {} is not used in zone {} (its columns are {} to {})".format(
            raw, reference.column, zone, first, last))
    row_index = ROW_LETTERS.index(reference.row)
    if zone % 2 == 0:
        row_index = (row_index - 5) % 20  # even zones start their rows at F
    size = reference.precision_m
    easting = (column_index + 1) * 100000.0 + (
        int(reference.easting_digits) * size if reference.easting_digits else 0.0)
    northing_in_cycle = row_index * 100000.0 + (
        int(reference.northing_digits) * size if reference.northing_digits else 0.0)
    north = band >= "N"
    transform = _to_wgs84(utm_epsg(zone, north))
    south_lat, north_lat = band_latitudes(band)
    # The rows repeat every 2,000 km: take the repetition that falls in the band.
    for cycle in range(6):
        northing = northing_in_cycle + cycle * TWO_MILLION
        if northing > 10000000.0:
            break
        centre = transform.transform(QgsPointXY(easting + size / 2.0, northing + size / 2.0))
        if south_lat - BAND_TOLERANCE_DEG <= centre.y() <= north_lat + BAND_TOLERANCE_DEG:
            return MgrsDecoded(reference, zone, north, easting, northing, size)
    raise CoordinateError("'{}': square {}{} does not lie in latitude band {} of zone {} "
                          "({:g}° to {:g}°)".format(raw, reference.column, reference.row, band, zone,
                                                    south_lat, north_lat))


def parse_mgrs(text: str) -> ParsedCoordinate:
    """The south-west corner of the square an MGRS reference names, in WGS 84."""
    decoded = decode_mgrs(text)
    corner = _to_wgs84(decoded.epsg).transform(QgsPointXY(decoded.easting, decoded.northing))
    lon, lat = corner.x(), corner.y()
    zone, band = decoded.zone, decoded.reference.band
    west, east = zone_longitudes(zone, band)
    if not west - 1.0 <= lon <= east + 1.0:
        raise CoordinateError("'{}': easting {:.0f} m puts the point at {:.3f}°, outside zone {} "
                              "({:g}° to {:g}°)".format(str(text).strip(), decoded.easting, lon, zone, west, east))
    return ParsedCoordinate(lon, lat, "mgrs", decoded.reference.text, decoded.size_m)


def to_mgrs(lon: float, lat: float, digits: int = 5) -> str:
    """The MGRS reference (digits per axis, 0-5) of the square containing a WGS 84 point."""
    if not -80.0 <= lat <= 84.0:
        raise CoordinateError("{:.4f}° is outside MGRS's UTM area (80° S to 84° N)".format(lat))
    if not -180.0 <= lon <= 180.0:
        raise CoordinateError("{:.4f}° is not a longitude".format(lon))
    if not 0 <= digits <= 5:
        raise CoordinateError("MGRS takes 0 to 5 digits per axis, not {}".format(digits))
    band = BAND_LETTERS[min(int((lat + 80.0) // 8.0), len(BAND_LETTERS) - 1)]
    zone = min(int((lon + 180.0) // 6.0) + 1, 60)
    if band == "V" and 3.0 <= lon < 12.0 and zone in (31, 32):
        zone = 32
    elif band == "X" and 0.0 <= lon < 42.0:
        zone = 31 if lon < 9.0 else 33 if lon < 21.0 else 35 if lon < 33.0 else 37
    point = _from_wgs84(utm_epsg(zone, lat >= 0)).transform(QgsPointXY(lon, lat))
    # A hair added before truncating, so that a corner decoded from a reference
    # encodes back to the same reference despite floating-point noise.
    easting, northing = point.x() + 1e-6, point.y() + 1e-6
    column = COLUMN_LETTERS[8 * ((zone - 1) % 3) + int(easting // 100000.0) - 1]
    row_index = int(northing // 100000.0) % 20
    if zone % 2 == 0:
        row_index = (row_index + 5) % 20
    row = ROW_LETTERS[row_index]
    size = 10 ** (5 - digits)
    e_digits = "{:0{w}d}".format(int((easting % 100000.0) // size), w=digits) if digits else ""
    n_digits = "{:0{w}d}".format(int((northing % 100000.0) // size), w=digits) if digits else ""
    return MgrsReference(zone, band, column, row, e_digits, n_digits).text


def is_finite_point(lon: float, lat: float) -> bool:
    return all(isinstance(v, (int, float)) and math.isfinite(v) for v in (lon, lat)) \
        and -180.0 <= lon <= 180.0 and -90.0 <= lat <= 90.0

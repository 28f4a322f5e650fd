"""MGRS references (WGS 84, the current "AA" lettering), decoded and written; the UTM step is QGIS's."""

import re
from dataclasses import dataclass
from typing import Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsPointXY,
)

from ...toolbelt.i18n import tr
from .text import WGS84, CoordinateError, ParsedCoordinate

COLUMN_LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"  # MGRS 100 km columns: A-Z without I and O
ROW_LETTERS = "ABCDEFGHJKLMNPQRSTUV"  # MGRS 100 km rows: A-V without I and O
BAND_LETTERS = "CDEFGHJKLMNPQRSTUVWX"  # latitude bands, 8° each from 80° S (X is 12°)
TWO_MILLION = 2000000.0
# How far (degrees of latitude) the point of a reference may lie outside its band:
# a 100 km square straddles band edges, and its south-west corner may be just south.
BAND_TOLERANCE_DEG = 1.0


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
        raise CoordinateError(tr("'{}' is not an MGRS reference like 36UYA1234567890 or "
                              "36U YA 12345 67890").format(raw))
    zone_text, band, column, row, digits = match.groups()
    zone = int(zone_text)
    if not 1 <= zone <= 60:
        raise CoordinateError(tr("'{}': zone {} does not exist; MGRS zones are 1 to 60").format(raw, zone))
    if band in "ABYZ":
        raise CoordinateError(tr("'{}': band {} is a polar (UPS) reference, which is not supported").format(raw, band))
    if band not in BAND_LETTERS:
        raise CoordinateError(tr("'{}': {} is not a latitude band; bands are C to X without I and O").format(raw, band))
    if column not in COLUMN_LETTERS or row not in ROW_LETTERS:
        raise CoordinateError(tr("'{}': {}{} is not a 100 km square; columns are A-Z and rows A-V, "
                              "both without I and O").format(raw, column, row))
    # With spaces, easting and northing must be two groups of equal length.
    digit_groups = [g for g in groups if g.isdigit()]
    if len(digit_groups) == 2 and compact.endswith(digit_groups[0] + digit_groups[1]):
        if len(digit_groups[0]) != len(digit_groups[1]):
            raise CoordinateError(tr("'{}': easting {} and northing {} must have as many digits").format(
                raw, digit_groups[0], digit_groups[1]))
    if len(digits) % 2 or len(digits) > 10:
        raise CoordinateError(tr("'{}': {} digits after the square; MGRS takes an even number "
                              "from 0 to 10 (2 for 10 km … 10 for 1 m)").format(raw, len(digits)))
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
        raise CoordinateError(tr("'{}': column {} is not used in zone {} (its columns are {} to {})").format(
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
    raise CoordinateError(tr("'{}': square {}{} does not lie in latitude band {} of zone {} "
                          "({:g}° to {:g}°)").format(raw, reference.column, reference.row, band, zone,
                                                    south_lat, north_lat))


def parse_mgrs(text: str) -> ParsedCoordinate:
    """The south-west corner of the square an MGRS reference names, in WGS 84."""
    decoded = decode_mgrs(text)
    corner = _to_wgs84(decoded.epsg).transform(QgsPointXY(decoded.easting, decoded.northing))
    lon, lat = corner.x(), corner.y()
    zone, band = decoded.zone, decoded.reference.band
    west, east = zone_longitudes(zone, band)
    if not west - 1.0 <= lon <= east + 1.0:
        raise CoordinateError(tr("'{}': easting {:.0f} m puts the point at {:.3f}°, outside zone {} "
                              "({:g}° to {:g}°)").format(str(text).strip(), decoded.easting, lon, zone, west, east))
    return ParsedCoordinate(lon, lat, "mgrs", decoded.reference.text, decoded.size_m)


def to_mgrs(lon: float, lat: float, digits: int = 5) -> str:
    """The MGRS reference (digits per axis, 0-5) of the square containing a WGS 84 point."""
    if not -80.0 <= lat <= 84.0:
        raise CoordinateError(tr("{:.4f}° is outside MGRS's UTM area (80° S to 84° N)").format(lat))
    if not -180.0 <= lon <= 180.0:
        raise CoordinateError(tr("{:.4f}° is not a longitude").format(lon))
    if not 0 <= digits <= 5:
        raise CoordinateError(tr("MGRS takes 0 to 5 digits per axis, not {}").format(digits))
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

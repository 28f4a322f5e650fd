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

from .degrees import parse_degrees
from .mgrs import MGRS_SHAPE, decode_mgrs, parse_mgrs, split_mgrs, to_mgrs, utm_epsg  # noqa: F401 (the package's API)
from .text import WGS84, CoordinateError, ParsedCoordinate, format_decimal, format_dms  # noqa: F401
from ...toolbelt.i18n import tr


def parse_coordinates(text: str) -> ParsedCoordinate:
    """Parse decimal degrees, degrees-minutes-seconds or MGRS; raises CoordinateError."""
    raw = str(text if text is not None else "").strip()
    if not raw:
        raise CoordinateError(tr("No coordinates given: type decimal degrees (51.19, 35.27), "
                              "degrees-minutes-seconds (51°11′29″N 35°16′14″E) or MGRS (36UYA1234567890)"))
    if MGRS_SHAPE.match(raw):
        return parse_mgrs(raw)
    return parse_degrees(raw)

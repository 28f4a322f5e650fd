"""Coordinates typed by analysts: decimal degrees, degrees-minutes-seconds and MGRS.

MGRS is checked three independent ways:
- published references (Wikipedia's "Military Grid Reference System" article,
  read through the search tool on its revision pages at s.cnmilf.com):
  "4QFJ12345678" is given as 21°18′34.0″N 157°55′0.7″W (its south-west corner,
  to a tenth of a second), and "4Q FJ 1234 6789" as
  21°24′35.43062452380″N 157°54′57.89102787040″W, which is the centre of that
  10 m square (its corner plus 5 m east and north);
- pyproj (not QGIS) transforming the UTM easting/northing our decoder
  produces, and pyproj's UTM of random points against our decoding of the
  references we encode for them (a wrong 100 km letter is off by 100 km);
- hand-decoded letters of the zone-36 references used around Sudzha.
"""

import math
import random

import pyproj
import pytest

from kpa_tracker.core.coordinates.parse import (
    CoordinateError,
    decode_mgrs,
    parse_coordinates,
    parse_mgrs,
    to_mgrs,
)

SUDZHA = (35.27, 51.19)  # lon, lat


def metres_between(lon1, lat1, lon2, lat2):
    return pyproj.Geod(ellps="WGS84").inv(lon1, lat1, lon2, lat2)[2]


def dms(degrees, minutes, seconds, negative=False):
    value = degrees + minutes / 60.0 + seconds / 3600.0
    return -value if negative else value


# --- decimal degrees -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "51.19, 35.27", "51.19 35.27", "51.19;35.27", "51.19N 35.27E", "N51.19 E35.27", "35.27E 51.19N",
    "E 35.27, N 51.19", "51.19n 35.27e", "+51.19, +35.27",
])
def test_decimal_degrees_are_latitude_first_unless_letters_say_otherwise(text):
    parsed = parse_coordinates(text)
    assert parsed.kind == "decimal"
    assert parsed.lat == pytest.approx(51.19) and parsed.lon == pytest.approx(35.27)
    assert parsed.normalised == "51.190000° N, 35.270000° E"


def test_two_bare_numbers_are_read_latitude_first():
    parsed = parse_coordinates("35.27 51.19")  # ambiguous: the rule says latitude first
    assert (parsed.lat, parsed.lon) == (35.27, 51.19)
    assert parsed.normalised == "35.270000° N, 51.190000° E"  # shown back, so a swap is seen


def test_southern_and_western_values():
    parsed = parse_coordinates("-33.8688, -70.6693")
    assert (parsed.lat, parsed.lon) == (-33.8688, -70.6693)
    assert parsed.normalised == "33.868800° S, 70.669300° W"
    assert parse_coordinates("33.8688S 70.6693W").lon == -70.6693


@pytest.mark.parametrize("text, words", [
    ("127.5, 40.1", ["127.5 is not a latitude", "first value is the latitude"]),
    ("51.19N 35.27N", ["both values are latitudes"]),
    ("-51.19N 35.27E", ["minus sign", "ambiguous"]),
    ("51.19, 200", ["200 is not a longitude"]),
    ("51.19", ["not two coordinates"]),
    ("51,19 35,27", ["more than one separator"]),
    ("51.19 35.27 x", ["letters may only be"]),
    ("", ["No coordinates given"]),
    ("51.19 # 35.27", ["'#'"]),
])
def test_bad_decimal_input_is_refused_with_a_message_saying_why(text, words):
    with pytest.raises(CoordinateError) as caught:
        parse_coordinates(text)
    for word in words:
        assert word in str(caught.value)


# --- degrees, minutes, seconds ---------------------------------------------------------------

SUDZHA_DMS = (dms(35, 16, 14), dms(51, 11, 29))


@pytest.mark.parametrize("text", [
    "51°11′29″N 35°16′14″E",
    "51°11'29\"N 35°16'14\"E",
    "51°11'29''N 35°16'14''E",
    "51º11’29”N, 35º16’14”E",
    "51d11m29sN 35d16m14sE",
    "51d 11m 29s N, 35d 16m 14s E",
    "51 11 29 N 35 16 14 E",
    "N51°11′29″ E35°16′14″",
    "35°16′14″E 51°11′29″N",
    "51°11′29″ 35°16′14″",
    "51d11m29s 35d16m14s",
    "51 11 29 35 16 14",
    "51 deg 11 min 29 sec N, 35 deg 16 min 14 sec E",
])
def test_degrees_minutes_seconds_in_their_usual_spellings(text):
    parsed = parse_coordinates(text)
    assert parsed.kind == "dms"
    assert (parsed.lon, parsed.lat) == pytest.approx(SUDZHA_DMS, abs=1e-9)
    assert parsed.normalised == "51°11′29″ N, 35°16′14″ E"


def test_degrees_and_decimal_minutes_and_fractional_seconds():
    parsed = parse_coordinates("51°11.48′N 35°16.23′E")
    assert parsed.lat == pytest.approx(51 + 11.48 / 60) and parsed.lon == pytest.approx(35 + 16.23 / 60)
    precise = parse_coordinates("51°11′29.25″N 35°16′14.5″E")
    assert precise.lat == pytest.approx(dms(51, 11, 29.25))
    assert precise.normalised == "51°11′29.25″ N, 35°16′14.50″ E"


def test_southern_dms_and_the_s_rule():
    # A symbol-marked value followed by S is southern; after the letter m, an attached s is seconds.
    south = parse_coordinates("33°51′54″S 151°12′35″E")
    assert south.lat == pytest.approx(-dms(33, 51, 54)) and south.lon == pytest.approx(dms(151, 12, 35))
    assert parse_coordinates("33d51m54sS 151d12m35sE").lat == pytest.approx(-dms(33, 51, 54))
    assert parse_coordinates("33°51′54S, 151°12′35E").lat == pytest.approx(-dms(33, 51, 54))


@pytest.mark.parametrize("text, words", [
    ("51°61′29″N 35°16′14″E", ["minutes must be below 60"]),
    ("51°11′69″N 35°16′14″E", ["seconds must be below 60"]),
    ("51.5°11′N 35°16′E", ["only the last part may have decimals"]),
    ("51′11°N 35°16′E", ["minutes where degrees were expected"]),
    ("51°11′29″NS 35°16′14″E", ["two hemisphere letters"]),
    ("91°00′00″N 35°16′14″E", ["not a latitude"]),
])
def test_bad_dms_is_refused_with_a_message_saying_why(text, words):
    with pytest.raises(CoordinateError) as caught:
        parse_coordinates(text)
    for word in words:
        assert word in str(caught.value)


# --- MGRS ----------------------------------------------------------------------------------------

def test_published_reference_south_west_corner():
    # Wikipedia's example reference and the point it links to (to 0.1″, about 3 m).
    parsed = parse_coordinates("4QFJ12345678")
    assert parsed.kind == "mgrs" and parsed.normalised == "4Q FJ 1234 5678" and parsed.precision_m == 10
    expected = (-dms(157, 55, 0.7), dms(21, 18, 34.0))
    assert metres_between(parsed.lon, parsed.lat, *expected) < 3.5


def test_published_reference_centre_of_its_square():
    # The current article's example links to the centre of the 10 m square.
    decoded = decode_mgrs("4Q FJ 1234 6789")
    to_lonlat = pyproj.Transformer.from_crs(decoded.epsg, 4326, always_xy=True)
    lon, lat = to_lonlat.transform(decoded.easting + 5.0, decoded.northing + 5.0)
    expected = (-dms(157, 54, 57.89102787040), dms(21, 24, 35.43062452380))
    assert metres_between(lon, lat, *expected) < 0.01
    corner = parse_coordinates("4Q FJ 1234 6789")
    assert metres_between(corner.lon, corner.lat, *expected) == pytest.approx(math.hypot(5, 5), abs=0.05)


def test_hand_decoded_letters_in_zone_36():
    # Zone 36 (even, third column set S-Z): column Y is the 7th, so 700 km east;
    # row A in an even zone is the 16th of the 2,000 km cycle: 1,500 km + 4,000 km in band U.
    decoded = decode_mgrs("36UYA 12345 67890")
    assert (decoded.zone, decoded.north, decoded.size_m) == (36, True, 1.0)
    assert (decoded.easting, decoded.northing) == (712345.0, 5567890.0)
    # Sudzha: column X (600 km), row B (even zone: 1,600 km + 4,000 km).
    sudzha = decode_mgrs("36UXB5862473403")
    assert (sudzha.easting, sudzha.northing) == (658624.0, 5673403.0)


@pytest.mark.parametrize("text", ["36UYA 12345 67890", "36UYA1234567890", "36uya 12345 67890",
                                  "36U YA 12345 67890", "36U YA1234567890"])
def test_mgrs_spellings_give_the_same_point(text):
    expected = pyproj.Transformer.from_crs(32636, 4326, always_xy=True).transform(712345.0, 5567890.0)
    parsed = parse_coordinates(text)
    assert (parsed.lon, parsed.lat) == pytest.approx(expected, abs=1e-9)
    assert parsed.normalised == "36U YA 12345 67890"


@pytest.mark.parametrize("text, size, easting, northing", [
    ("36UYA", 100000, 700000, 5500000),
    ("36UYA16", 10000, 710000, 5560000),
    ("36UYA1267", 1000, 712000, 5567000),
    ("36UYA123678", 100, 712300, 5567800),
    ("36UYA12346789", 10, 712340, 5567890),
    ("36UYA1234567890", 1, 712345, 5567890),
])
def test_every_mgrs_precision(text, size, easting, northing):
    decoded = decode_mgrs(text)
    assert (decoded.size_m, decoded.easting, decoded.northing) == (size, easting, northing)
    expected = pyproj.Transformer.from_crs(32636, 4326, always_xy=True).transform(easting, northing)
    parsed = parse_mgrs(text)
    assert (parsed.lon, parsed.lat) == pytest.approx(expected, abs=1e-9)
    assert parsed.precision_m == size


def test_random_points_round_trip_against_pyproj():
    rng = random.Random(20241210)
    for _ in range(300):
        lat = rng.uniform(-79.5, 83.5)
        lon = rng.uniform(-179.9, 179.9)
        reference = to_mgrs(lon, lat, 5)
        decoded = decode_mgrs(reference)
        # pyproj's UTM easting/northing of the point, in the zone the reference names
        e, n = pyproj.Transformer.from_crs(4326, decoded.epsg, always_xy=True).transform(lon, lat)
        assert decoded.easting == math.floor(e) and decoded.northing == math.floor(n), (lon, lat, reference)
        back = parse_mgrs(reference)
        assert metres_between(lon, lat, back.lon, back.lat) < 1.5, reference
        assert to_mgrs(back.lon, back.lat, 5) == reference  # the corner encodes to its own square


def test_southern_hemisphere_and_norway_exception():
    sydney = to_mgrs(151.2093, -33.8688)
    assert sydney.startswith("56H")
    assert metres_between(151.2093, -33.8688, *_lonlat(sydney)) < 1.5
    bergen = to_mgrs(5.3221, 60.3913)  # zone 32V, widened over Norway's west coast
    assert bergen.startswith("32V")
    assert metres_between(5.3221, 60.3913, *_lonlat(bergen)) < 1.5


def _lonlat(reference):
    parsed = parse_mgrs(reference)
    return parsed.lon, parsed.lat


@pytest.mark.parametrize("text, words", [
    ("36UAA1234567890", ["column A is not used in zone 36", "S to Z"]),
    ("36UIA1234567890", ["not a 100 km square"]),
    ("36UYA123456789", ["9 digits"]),
    ("36U YA 1234 567", ["must have as many digits"]),
    ("61UYA1234567890", ["zone 61 does not exist"]),
    ("36AYA12", ["polar"]),
    ("36UXM12", ["square XM does not lie in latitude band U of zone 36"]),
    ("36CYA12", ["outside zone 36"]),
])
def test_bad_mgrs_is_refused_with_a_message_saying_why(text, words):
    with pytest.raises(CoordinateError) as caught:
        parse_coordinates(text)
    for word in words:
        assert word in str(caught.value)


def test_display_shows_what_was_understood():
    assert parse_coordinates("36UYA1234567890").display.startswith("36U YA 12345 67890 = 50.22")
    assert "1 m square" in parse_coordinates("36UYA1234567890").display
    assert parse_coordinates("51°11′29″N 35°16′14″E").display == \
        "51°11′29″ N, 35°16′14″ E = 51.191389° N, 35.270556° E"

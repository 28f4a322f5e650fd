"""The domain rules are plain Python: they import no QGIS, so they run (and are tested) without it."""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from kpa_tracker.core.domain import grading, query, rules_sql, times, urls, validation, values

ROOT = Path(__file__).resolve().parents[3]
DOMAIN = ROOT / "kpa_tracker" / "core" / "domain"
NOW = datetime.datetime(2024, 12, 20, 12, tzinfo=datetime.timezone.utc)


def test_the_domain_modules_import_no_qgis():
    names = sorted(p.stem for p in DOMAIN.glob("*.py") if p.stem != "__init__")
    code = ("import sys; import importlib\n"
            "for name in {!r}: importlib.import_module('kpa_tracker.core.domain.' + name)\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'osgeo'))\n"
            "print(bad); sys.exit(1 if bad else 0)").format(names)
    done = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert len(names) >= 10


@pytest.mark.parametrize("url, ok", [("https://example.org/a", True), ("http://x.y", True),
                                     ("HTTPS://EXAMPLE.ORG", True), ("javascript:alert(1)", False),
                                     ("file:///etc/passwd", False), ("https://exa mple.org", False),
                                     ("example.org", False), ("https://", False), ("", False)])
def test_one_link_rule(url, ok):
    assert urls.is_web_url(url) is ok


def test_the_sql_link_rule_is_the_python_one():
    import sqlite3

    connection = sqlite3.connect(":memory:")
    for url in ("https://example.org/a", "http://x.y", "HTTPS://EXAMPLE.ORG", "javascript:alert(1)",
                "file:///etc/passwd", "https://exa mple.org", "example.org", "https://", "ftp://a.b", "http://a\tb"):
        in_sql = connection.execute("SELECT {}".format(rules_sql.web_url_sql(":u")), {"u": url}).fetchone()[0]
        assert bool(in_sql) == urls.is_web_url(url), url


def _gpkg_point(x, y, envelope=0, little=True, z=None):
    """A GeoPackage point blob as the standard lays it out: header (flags: byte order, envelope kind), SRS id,
    envelope, then WKB (XY, or XYZ with type 1001)."""
    import struct

    order = "<" if little else ">"
    header = b"GP\x00" + bytes([(envelope << 1) | (1 if little else 0)]) + struct.pack(order + "i", 4326)
    header += b"\x00" * {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}[envelope]
    if z is None:
        return header + struct.pack(order + "bIdd", 1 if little else 0, 1, x, y)
    return header + struct.pack(order + "bIddd", 1 if little else 0, 1001, x, y, z)


def test_the_sql_null_island_rule_is_the_python_one():
    """The GeoPackage trigger reads the point's doubles from the blob's bytes: it must refuse exactly what
    values.is_null_island refuses, for either byte order, every envelope kind and a Z value."""
    import random
    import sqlite3

    connection = sqlite3.connect(":memory:")
    sql = "SELECT {} FROM (SELECT :g AS g)".format(rules_sql.null_island_sql("g"))
    tolerance = values.NULL_ISLAND_TOLERANCE
    rng = random.Random(17)
    cases = [(0.0, 0.0), (-0.0, 0.0), (0.0, -0.0), (1e-9, -1e-9), (tolerance * 0.999999, 0.0),
             (tolerance, 0.0), (0.0, -tolerance), (tolerance * 1.000001, 0.0), (1e-6, 1e-6), (0.0, 51.19),
             (35.27, 0.0), (35.27, 51.19), (-180.0, -90.0), (5e-324, 0.0)]
    cases += [(rng.uniform(-2, 2) * tolerance, rng.uniform(-2, 2) * tolerance) for _ in range(200)]
    for x, y in cases:
        for envelope in (0, 1, 2, 3, 4):
            for little in (True, False):
                for z in (None, 212.0):
                    blob = _gpkg_point(x, y, envelope, little, z)
                    in_sql = connection.execute(sql, {"g": blob}).fetchone()[0]
                    assert bool(in_sql) == values.is_null_island(x, y), (x, y, envelope, little, z)
    assert connection.execute(sql, {"g": None}).fetchone()[0] in (None, 0), "no geometry is not Null Island"
    empty = b"GP\x00" + bytes([1 | 16]) + b"\xe6\x10\x00\x00" + b"\x01\x01\x00\x00\x00" + b"\x00" * 16
    assert not connection.execute(sql, {"g": empty}).fetchone()[0], "an empty point is not Null Island"
    assert tolerance == 2.0 ** -20 and values.NULL_ISLAND_EXPONENT == 1003


def test_map_class_sql_is_built_from_the_same_bands():
    import sqlite3

    connection = sqlite3.connect(":memory:")
    connection.execute('CREATE TABLE NEW ("claim_status", "review_status", "source_reliability", '
                       '"info_credibility")')
    for status in grading.codes(grading.CLAIM_STATUS):
        for review in grading.codes(grading.REVIEW_STATUS):
            for letter in grading.codes(grading.SOURCE_RELIABILITY) + [None]:
                for number in grading.codes(grading.INFO_CREDIBILITY) + [None]:
                    connection.execute("DELETE FROM NEW")
                    connection.execute("INSERT INTO NEW VALUES (?, ?, ?, ?)", (status, review, letter, number))
                    in_sql = connection.execute("SELECT {} FROM NEW".format(grading.map_class_sql())).fetchone()[0]
                    assert in_sql == grading.map_class(status, review, letter, number)


@pytest.mark.parametrize("value", [None, "", "   ", float("nan")])
def test_one_null_test(value):
    assert values.is_null(value)


@pytest.mark.parametrize("value", [0, False, "x", 0.0, datetime.date(2024, 1, 1)])
def test_values_that_are_not_null(value):
    assert not values.is_null(value)


def test_times_are_utc_from_text_with_or_without_a_zone():
    assert times.parse_utc("2024-11-03T14:20+03:00") == datetime.datetime(2024, 11, 3, 11, 20,
                                                                           tzinfo=datetime.timezone.utc)
    assert times.format_gpkg_datetime(times.parse_utc("2024-11-03 14:20")) == "2024-11-03T14:20:00.000Z"
    with pytest.raises(ValueError, match="not a date"):
        times.parse_utc("14 December 2024")


def test_the_validator_names_each_field_it_refuses():
    record, problems = validation.clean_sighting(
        {"observed_at": "2030-01-01", "lon": 200, "lat": 51, "source_reliability": "G", "info_credibility": 9,
         "time_precision": 1, "geo_precision": 1, "claim_status": "reported", "unit_as_reported": "KPA"},
        [{"url": "javascript:alert(1)", "publisher": "x"}], now=NOW)
    assert record is None
    assert {p.field for p in problems} == {"observed_at", "lon", "source_reliability", "info_credibility", "url"}


def test_a_query_quotes_what_it_is_given():
    where = query.SightingQuery(unit="O'Brien's unit").sqlite_where()
    assert "'O''Brien''s unit'" in where
    assert query.sql_literal(None) == "NULL" and query.sql_literal(3) == "3"

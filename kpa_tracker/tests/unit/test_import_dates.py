"""The import's dates are plain Python: each written form, its precision, and the forms refused with a sentence."""

import dataclasses
import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from kpa_tracker.core.imports.dates import When, parse_when

ROOT = Path(__file__).resolve().parents[3]
UTC = datetime.timezone.utc


def at(*parts):
    return datetime.datetime(*parts, tzinfo=UTC)


def test_the_dates_module_imports_no_qgis():
    code = ("import sys\nimport kpa_tracker.core.imports.dates\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'osgeo'))\n"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("text, expected, precision", [
    ("2024-12-14T08:30:00Z", at(2024, 12, 14, 8, 30), 1),
    ("2024-12-14T08:30:00", at(2024, 12, 14, 8, 30), 1),  # no zone: UTC
    ("2024-12-14 08:30", at(2024, 12, 14, 8, 30), 1),
    ("2024-12-14T17:30:00+09:00", at(2024, 12, 14, 8, 30), 1),
    ("2024-12-14T05:30-03:00", at(2024, 12, 14, 8, 30), 1),
    ("2024-12-14T08:30:00.250Z", at(2024, 12, 14, 8, 30, 0, 250000), 1),
    ("2024-12-14", at(2024, 12, 14), 1),
    ("  2024-12-14 ", at(2024, 12, 14), 1),
    ("2024-12", at(2024, 12, 1), 3),
    ("2024-2", at(2024, 2, 1), 3),
    ("December 2024", at(2024, 12, 1), 3),
    ("Dec 2024", at(2024, 12, 1), 3),
    ("dec. 2024", at(2024, 12, 1), 3),
    ("Sept 2024", at(2024, 9, 1), 3),
    ("14 December 2024", at(2024, 12, 14), 1),  # ACLED's event_date
    ("14 Dec 2024", at(2024, 12, 14), 1),
    ("4 dec 2024", at(2024, 12, 4), 1),
    ("December 14, 2024", at(2024, 12, 14), 1),
    ("Dec 14 2024", at(2024, 12, 14), 1),
    ("December 1st, 2024", at(2024, 12, 1), 1),
    ("14.12.2024", at(2024, 12, 14), 1),  # day first
    ("4.1.2025", at(2025, 1, 4), 1),
    ("14.12.2024 08:30", at(2024, 12, 14, 8, 30), 1),
    ("2024/12/14", at(2024, 12, 14), 1),
    ("2024.12.14", at(2024, 12, 14), 1),
    ("2024.12.14.", at(2024, 12, 14), 1),  # Korean dotted form
    ("2024년 12월 14일", at(2024, 12, 14), 1),
    ("2024년12월14일", at(2024, 12, 14), 1),
    ("2024년 12월", at(2024, 12, 1), 3),
    ("14 декабря 2024", at(2024, 12, 14), 1),
    ("декабрь 2024", at(2024, 12, 1), 3),
    ("14/12/2024", at(2024, 12, 14), 1),  # day first: 14 is no month
    ("12/14/2024", at(2024, 12, 14), 1),  # month first
    ("05/05/2024", at(2024, 5, 5), 1),  # both readings are one date
    ("14-12-2024", at(2024, 12, 14), 1),
    ("2024-W50", at(2024, 12, 9), 2),  # an ISO week: its Monday, within about a week
])
def test_written_forms_and_their_precision(text, expected, precision):
    when = parse_when(text)
    assert when == When(expected, precision)
    assert when.at.tzinfo is not None and when.at.utcoffset() == datetime.timedelta(0)


def test_when_is_frozen():
    when = parse_when("2024-12-14")
    with pytest.raises(dataclasses.FrozenInstanceError):
        when.precision = 3


@pytest.mark.parametrize("value, expected", [
    (datetime.datetime(2024, 12, 14, 8, 30), at(2024, 12, 14, 8, 30)),
    (datetime.datetime(2024, 12, 14, 17, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=9))),
     at(2024, 12, 14, 8, 30)),
    (datetime.date(2024, 12, 14), at(2024, 12, 14)),
])
def test_date_objects_pass_through(value, expected):
    assert parse_when(value) == When(expected, 1)


def test_ambiguous_slash_date_names_both_readings():
    with pytest.raises(ValueError) as error:
        parse_when("03/04/2024")
    message = str(error.value)
    assert "'03/04/2024'" in message
    assert "2024-04-03" in message and "2024-03-04" in message


def test_a_year_alone_is_refused_with_a_sentence():
    with pytest.raises(ValueError, match="year alone.*month"):
        parse_when("2024")
    with pytest.raises(ValueError, match="year alone"):
        parse_when(2024)


@pytest.mark.parametrize("text", ["yesterday", "14 Decembre 2024", "2024-12-14 sometime", "13/13/2024",
                                  "2024-13", "Q4 2024"])
def test_unknown_forms_name_the_text_and_the_forms_read(text):
    with pytest.raises(ValueError) as error:
        parse_when(text)
    message = str(error.value)
    assert "'{}'".format(text) in message
    if text != "2024-13":
        assert "14 December 2024" in message and "2024-12-14" in message


@pytest.mark.parametrize("text", ["2024-02-30", "31.04.2024", "2025-W54", "2024년 2월 30일", "30 February 2024"])
def test_days_that_do_not_exist_are_refused(text):
    with pytest.raises(ValueError, match="real"):
        parse_when(text)


@pytest.mark.parametrize("value", [None, "", "   "])
def test_an_empty_date_is_refused(value):
    with pytest.raises(ValueError, match="empty"):
        parse_when(value)


@pytest.mark.parametrize("value", ["45640", 45640, "45640.354"])
def test_a_spreadsheet_day_number_is_named_as_such(value):
    with pytest.raises(ValueError, match="'{}' looks like a spreadsheet's day number".format(value)):
        parse_when(value)

"""Dates as other tools and people write them, read into a UTC instant and a time precision.

`parse_when(value)` -> `When(at, precision)`. The precision is the sightings' TIME_PRECISION code, taken from
how the date is written (a column of the file may override it):

- 1 (an exact date): an ISO date-time, with or without a zone (Z, +09:00, +0900; none is UTC), an ISO date
  (2024-12-14), "14 December 2024" and "14 Dec 2024" (ACLED's event_date), "December 14, 2024",
  "14.12.2024" (day first, as Russian and German write it), "2024/12/14", "2024.12.14", "2024.12.14." and
  "2024년 12월 14일" (Korean); "14 декабря 2024" too. Any of the day forms may be followed by a time
  ("14.12.2024 08:30", UTC). Slash or dash dates with the year last ("14/12/2024", "12/14/2024") are read
  when one part is above 12, which says which is the day; "03/04/2024" could be either and is refused with
  both readings named (both parts equal, "05/05/2024", is one date and read).
- 2 (within about a week): an ISO week, "2024-W50" (its Monday).
- 3 (the month only): "2024-12", "December 2024", "Dec 2024", "2024년 12월", "декабрь 2024" (the first of
  the month).

A year alone ("2024") is refused: a sighting needs at least its month; so is a spreadsheet's day number
(45640, a date cell read without its date format), with a sentence saying so. datetime, date, QDateTime and QDate
values pass through core/domain/times.parse_utc (an exact date). Pure Python: no QGIS import.
"""

import datetime
import re
from dataclasses import dataclass

from ..domain.i18n import tr
from ..domain.times import _ISO as ISO_PATTERN
from ..domain.times import parse_utc

EXACT, WEEK, MONTH = 1, 2, 3

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7, "august": 8,
    "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10,
    "nov": 11, "dec": 12,
    # Russian: the genitive after a day ("14 декабря 2024"), the nominative with a year alone ("декабрь 2024").
    "января": 1, "февраля": 2, "марта": 3, "апреля": 4, "мая": 5, "июня": 6, "июля": 7, "августа": 8,
    "сентября": 9, "октября": 10, "ноября": 11, "декабря": 12,
    "январь": 1, "февраль": 2, "март": 3, "апрель": 4, "май": 5, "июнь": 6, "июль": 7, "август": 8,
    "сентябрь": 9, "октябрь": 10, "ноябрь": 11, "декабрь": 12,
}

_TIME = r"(?:[T ,]\s*(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_MONTH_NAME = r"([^\W\d_]+)\.?"
_ISO_START = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ])")
_YEAR_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_ISO_WEEK = re.compile(r"^(\d{4})-?W(\d{2})$", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^\d{4}$")
_SERIAL = re.compile(r"^\d{5}(?:\.\d+)?$")
_DAY_NAME_YEAR = re.compile(r"^(\d{1,2})\s+" + _MONTH_NAME + r",?\s+(\d{4})" + _TIME + r"$")
_NAME_DAY_YEAR = re.compile(r"^" + _MONTH_NAME + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})" + _TIME + r"$",
                            re.IGNORECASE)
_NAME_YEAR = re.compile(r"^" + _MONTH_NAME + r",?\s+(\d{4})$")
_DOTTED = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})" + _TIME + r"$")
_YEAR_FIRST = re.compile(r"^(\d{4})([/.])(\d{1,2})\2(\d{1,2})\.?" + _TIME + r"$")
_YEAR_LAST = re.compile(r"^(\d{1,2})([/-])(\d{1,2})\2(\d{4})" + _TIME + r"$")
_KOREAN = re.compile(r"^(\d{4})\s*년\s*(\d{1,2})\s*월(?:\s*(\d{1,2})\s*일)?" + _TIME + r"$")


@dataclass(frozen=True)
class When:
    at: datetime.datetime  # aware, UTC
    precision: int  # TIME_PRECISION: 1 exact date, 2 within about a week, 3 the month only


def _forms() -> str:
    return tr("2024-12-14, 2024-12-14T08:30Z, 2024-12 (a month), 14 December 2024, December 14, 2024, "
              "14.12.2024, 2024/12/14 or 2024년 12월 14일")


def _refuse(text: str) -> ValueError:
    return ValueError(tr("'{}' is not a date this import reads; write e.g. {}").format(text, _forms()))


def _make(text: str, year, month, day=1, hour=None, minute=None, second=None) -> datetime.datetime:
    try:
        return datetime.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                                 int(second or 0), tzinfo=datetime.timezone.utc)
    except ValueError as exc:
        raise ValueError(tr("'{}' is not a real date or time ({})").format(text, exc)) from None


def _month(text: str, name: str) -> int:
    month = MONTHS.get(name.lower())
    if month is None:
        raise _refuse(text)
    return month


def parse_when(value) -> When:
    """When(at, precision) of a date as written; raises ValueError naming the text and the forms read."""
    if value is not None and not isinstance(value, (str, bytes, int, float)):
        at = parse_utc(value)  # datetime, date, QDateTime, QDate
        if at is None:
            raise ValueError(tr("The date is empty; write e.g. {}").format(_forms()))
        return When(at, EXACT)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    text = "" if value is None else " ".join(str(value).split())
    if not text:
        raise ValueError(tr("The date is empty; write e.g. {}").format(_forms()))
    if _ISO_START.match(text):
        if not ISO_PATTERN.match(text):
            raise _refuse(text)
        return When(parse_utc(text), EXACT)  # a day that does not exist: parse_utc's sentence
    if _SERIAL.match(text) and 20000 <= float(text) < 80000:
        raise ValueError(tr("'{}' looks like a spreadsheet's day number, not a date: give the column a date format "
                            "in the spreadsheet, or write e.g. {}").format(text, _forms()))
    if _YEAR_ONLY.match(text):
        raise ValueError(tr("'{}' is a year alone; a sighting needs at least its month (e.g. {}-12)").format(
            text, text))
    match = _YEAR_MONTH.match(text)
    if match:
        return When(_make(text, match.group(1), match.group(2)), MONTH)
    match = _ISO_WEEK.match(text)
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        try:
            day = datetime.date.fromisocalendar(year, week, 1)
        except ValueError:
            raise ValueError(tr("'{}' is not a real week of {}").format(text, year)) from None
        return When(_make(text, day.year, day.month, day.day), WEEK)
    match = _DAY_NAME_YEAR.match(text)
    if match:
        day, name, year, hour, minute, second = match.groups()
        return When(_make(text, year, _month(text, name), day, hour, minute, second), EXACT)
    match = _NAME_DAY_YEAR.match(text)
    if match:
        name, day, year, hour, minute, second = match.groups()
        return When(_make(text, year, _month(text, name), day, hour, minute, second), EXACT)
    match = _NAME_YEAR.match(text)
    if match:
        name, year = match.groups()
        return When(_make(text, year, _month(text, name)), MONTH)
    match = _DOTTED.match(text)
    if match:
        day, month, year, hour, minute, second = match.groups()
        return When(_make(text, year, month, day, hour, minute, second), EXACT)
    match = _YEAR_FIRST.match(text)
    if match:
        year, _sep, month, day, hour, minute, second = match.groups()
        return When(_make(text, year, month, day, hour, minute, second), EXACT)
    match = _KOREAN.match(text)
    if match:
        year, month, day, hour, minute, second = match.groups()
        if day is None:
            if hour is not None:
                raise _refuse(text)
            return When(_make(text, year, month), MONTH)
        return When(_make(text, year, month, day, hour, minute, second), EXACT)
    match = _YEAR_LAST.match(text)
    if match:
        first, _sep, second_part, year, hour, minute, second = match.groups()
        a, b = int(first), int(second_part)
        if a > 12 and b > 12:
            raise _refuse(text)
        if a > 12:
            day, month = a, b
        elif b > 12 or a == b:
            day, month = b, a
        else:
            day_first = "{}-{:02d}-{:02d}".format(year, b, a)
            month_first = "{}-{:02d}-{:02d}".format(year, a, b)
            raise ValueError(tr("'{}' could be {} (day first) or {} (month first); write the date as "
                                "YYYY-MM-DD").format(text, day_first, month_first))
        return When(_make(text, year, month, day, hour, minute, second), EXACT)
    raise _refuse(text)

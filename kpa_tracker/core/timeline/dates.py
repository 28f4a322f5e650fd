"""The timeline's dates, without QGIS: its span, steps of a day, week or month, the frames QGIS's
Temporal Controller cuts the span into, and the dates worth jumping to (front snapshots, events).

A frame is what the map shows at once: with a step of a week, the week (counted from the span's first
day, as QGIS counts its frames) that holds the chosen date.
"""

import datetime
from typing import Iterable, List, Optional, Tuple

from ..curated.dates import period_end, period_start

# The KPA deployment was first reported in October 2024 (the data's `period` of events and positions).
SPAN_START = datetime.date(2024, 10, 1)
DAY, WEEK, MONTH = "day", "week", "month"
STEPS = (DAY, WEEK, MONTH)
SNAPSHOT_LAYERS = ("front_areas", "front_lines")


def add_months(day: datetime.date, months: int) -> datetime.date:
    """`day` moved by whole months; the 31st becomes the last day of a shorter month (as Qt's addMonths)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = period_end("{:04d}-{:02d}".format(year, month + 1)).day
    return datetime.date(year, month + 1, min(day.day, last))


def step(day: datetime.date, unit: str, count: int = 1) -> datetime.date:
    """`day` moved by `count` days, weeks or months (negative: back)."""
    if unit == DAY:
        return day + datetime.timedelta(days=count)
    if unit == WEEK:
        return day + datetime.timedelta(weeks=count)
    if unit == MONTH:
        return add_months(day, count)
    raise ValueError("unknown step {!r}".format(unit))


def clamp(day: datetime.date, first: datetime.date, last: datetime.date) -> datetime.date:
    return max(first, min(day, last))


def frame_number(day: datetime.date, unit: str, origin: datetime.date = SPAN_START) -> int:
    """Which frame of `unit` from `origin` holds `day` (0 for the first)."""
    if unit == DAY:
        return (day - origin).days
    if unit == WEEK:
        return (day - origin).days // 7
    if unit == MONTH:
        months = (day.year - origin.year) * 12 + day.month - origin.month
        return months - 1 if add_months(origin, months) > day else months
    raise ValueError("unknown step {!r}".format(unit))


def frame_start(number: int, unit: str, origin: datetime.date = SPAN_START) -> datetime.date:
    return step(origin, unit, number)


def frame_window(day: datetime.date, unit: str, origin: datetime.date = SPAN_START,
                 last: Optional[datetime.date] = None) -> Tuple[datetime.date, datetime.date]:
    """(first day, last day) of the frame that holds `day`; the last frame stops at `last`."""
    number = frame_number(day, unit, origin)
    first = frame_start(number, unit, origin)
    end = frame_start(number + 1, unit, origin) - datetime.timedelta(days=1)
    return first, min(end, last) if last is not None else end


def frame_count(unit: str, first: datetime.date, last: datetime.date) -> int:
    return frame_number(last, unit, first) + 1


def feature_window(valid_from: str, valid_to: str) -> Tuple[datetime.date, Optional[datetime.date]]:
    """(first, last day) a curated feature is in force, as core/project/temporal.py tells QGIS: the
    first day valid_from stands for, the last day valid_to stands for; no valid_to: still in force (None).
    An event's valid_to is filled at load (curated/dates.instant_end), so an event lasts its day,
    week or month."""
    return period_start(valid_from), period_end(valid_to) if valid_to else None


def snapshot_dates(features_by_layer: dict, layer_ids: Iterable[str] = SNAPSHOT_LAYERS) -> List[datetime.date]:
    """The first days of the front snapshots (valid_from of the front layers), oldest first."""
    return sorted({period_start(f.valid_from) for layer_id in layer_ids
                   for f in features_by_layer.get(layer_id, []) if f.valid_from})


def event_dates(events) -> List[datetime.date]:
    """The first days of the events, oldest first, each once."""
    return sorted({period_start(e.valid_from) for e in events if e.valid_from})


def previous_date(dates: Iterable[datetime.date], current: datetime.date) -> Optional[datetime.date]:
    earlier = [d for d in dates if d < current]
    return max(earlier) if earlier else None


def next_date(dates: Iterable[datetime.date], current: datetime.date) -> Optional[datetime.date]:
    later = [d for d in dates if d > current]
    return min(later) if later else None

"""Dates in the curated data: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', the period each stands for, and the
error every check of the data files raises (it names the file, the feature and the field)."""

import datetime
import re
from pathlib import Path

DATE_PATTERN = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class CuratedDataError(Exception):
    """One problem in a curated data file, located by file, feature and field."""

    def __init__(self, file, feature_id, field_name, message, unresolved_place=False):
        self.file = str(file)
        self.feature_id = feature_id
        self.field = field_name
        self.message = message
        # A reference to a place that another layer may still provide.
        self.unresolved_place = unresolved_place
        super().__init__(str(self))

    def __str__(self):
        where = [Path(self.file).name]
        if self.feature_id:
            where.append("feature '{}'".format(self.feature_id))
        if self.field:
            where.append("field '{}'".format(self.field))
        return "{}: {}".format(", ".join(where), self.message)


def normalise_date(value, path, feature_id, field_name, today=None) -> str:
    """A date as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', checked and not in the future."""
    today = today or datetime.date.today()
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        text, first_day = value.isoformat(), value
    else:
        text = str(value).strip()
        match = DATE_PATTERN.match(text)
        if not match:
            raise CuratedDataError(
                path, feature_id, field_name,
                "'{}' is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)".format(text))
        year, month, day = match.group(1), match.group(2) or "01", match.group(3) or "01"
        try:
            first_day = datetime.date(int(year), int(month), int(day))
        except ValueError:
            raise CuratedDataError(path, feature_id, field_name, "'{}' is not a real date".format(text))
    if first_day > today:
        raise CuratedDataError(
            path, feature_id, field_name,
            "{} is in the future (today is {})".format(text, today.isoformat()))
    return text


DATE_PRECISIONS = {4: "year", 7: "month", 10: "day"}


def period_start(text: str) -> datetime.date:
    """The first day a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' date stands for."""
    parts = [int(p) for p in text.split("-")] + [1, 1]
    return datetime.date(parts[0], parts[1], parts[2])


def period_end(text: str) -> datetime.date:
    """The last day a 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD' date stands for."""
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 3:
        return datetime.date(*parts)
    if len(parts) == 1:
        return datetime.date(parts[0], 12, 31)
    year, month = parts
    first_of_next = datetime.date(year + month // 12, month % 12 + 1, 1)
    return first_of_next - datetime.timedelta(days=1)


def instant_end(valid_from: str, time_precision=None) -> str:
    """An event without valid_to lasts its day, its week (precision 'week') or its month."""
    if time_precision == "week" and len(valid_from) == 10:
        return (period_start(valid_from) + datetime.timedelta(days=6)).isoformat()
    return valid_from

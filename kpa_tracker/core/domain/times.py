"""Times: every stored time is UTC."""

import datetime
import re
from typing import Optional, Tuple

from .i18n import tr
from .values import is_null

# Clocks differ between machines: an observation up to this far ahead of our
# clock is not "in the future".
FUTURE_TOLERANCE = datetime.timedelta(minutes=5)

_ISO = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})"
    r"(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?"
    r"\s*(Z|z|UTC|[+-]\d{2}(?::?\d{2})?)?$"
)


def utc_now() -> datetime.datetime:
    return datetime.datetime.now(datetime.timezone.utc)


def truncate_ms(value: datetime.datetime) -> datetime.datetime:
    return value.replace(microsecond=value.microsecond // 1000 * 1000)


def parse_utc(value) -> Optional[datetime.datetime]:
    """An aware UTC datetime from a datetime, date, QDateTime, QDate or ISO 8601 text.

    Text and datetimes without a time zone are UTC. A QDateTime in local time is
    read by its wall-clock time as UTC: that is how QGIS 3.22 reads GeoPackage
    DATETIME values, and how the form's date-time widget (labelled UTC) is used.
    Raises ValueError with a readable message; returns None for empty values.
    """
    kind = type(value).__name__  # Qt's date types, recognised without importing Qt
    if value is None or (kind not in ("QDateTime", "QDate") and is_null(value)):
        return None
    if kind == "QDateTime":
        if not value.isValid():
            return None
        # Qt::LocalTime is 0 in Qt 5 and 6; PyQt6's enums are not ints, so compare the enum's value.
        spec = value.timeSpec()
        if int(getattr(spec, "value", spec)) != 0:  # UTC or an offset: the instant is known
            value = value.toUTC()
        day, clock = value.date(), value.time()
        return datetime.datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), clock.second(),
                                 clock.msec() * 1000, tzinfo=datetime.timezone.utc)
    if kind == "QDate":
        if not value.isValid():
            return None
        return datetime.datetime(value.year(), value.month(), value.day(), tzinfo=datetime.timezone.utc)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            return truncate_ms(value.replace(tzinfo=datetime.timezone.utc))
        return truncate_ms(value.astimezone(datetime.timezone.utc))
    if isinstance(value, datetime.date):
        return datetime.datetime(value.year, value.month, value.day, tzinfo=datetime.timezone.utc)
    text = str(value).strip()
    if not text:
        return None
    match = _ISO.match(text)
    if not match:
        raise ValueError(tr("'{}' is not a date or date-time; write e.g. 2024-11-03 or "
                            "2024-11-03T14:20Z (UTC)").format(text))
    year, month, day, hour, minute, second, fraction, zone = match.groups()
    try:
        result = datetime.datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                                   int(second or 0), int((fraction or "0")[:6].ljust(6, "0")))
    except ValueError as exc:
        raise ValueError(tr("'{}' is not a real date or time ({})").format(text, exc)) from None
    offset = datetime.timedelta(0)
    if zone and zone.upper() not in ("Z", "UTC"):
        sign = -1 if zone[0] == "-" else 1
        digits = zone[1:].replace(":", "")
        offset = sign * datetime.timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
    return truncate_ms((result - offset).replace(tzinfo=datetime.timezone.utc))


def format_gpkg_datetime(value: datetime.datetime) -> str:
    """GeoPackage DATETIME text: 2024-11-03T14:20:00.000Z."""
    value = value.astimezone(datetime.timezone.utc)
    return value.strftime("%Y-%m-%dT%H:%M:%S.") + "{:03d}Z".format(value.microsecond // 1000)


def format_iso_utc(value: Optional[datetime.datetime]) -> str:
    """Exchange text: 2024-11-03T14:20:00Z (milliseconds only when there are any)."""
    if value is None:
        return ""
    value = value.astimezone(datetime.timezone.utc)
    text = value.strftime("%Y-%m-%dT%H:%M:%S")
    if value.microsecond:
        text += ".{:03d}".format(value.microsecond // 1000)
    return text + "Z"


def published_text(value) -> Tuple[Optional[str], Optional[datetime.datetime]]:
    """A source's publication time: a date stays a date, a date-time becomes UTC text."""
    if is_null(value):
        return None, None
    if type(value).__name__ == "QDate" or (isinstance(value, datetime.date)
                                           and not isinstance(value, datetime.datetime)):
        parsed = parse_utc(value)
        return parsed.strftime("%Y-%m-%d"), parsed
    if isinstance(value, (str,)) and re.match(r"^\s*\d{4}-\d{2}-\d{2}\s*$", value):
        parsed = parse_utc(value)
        return parsed.strftime("%Y-%m-%d"), parsed
    parsed = parse_utc(value)
    return (format_iso_utc(parsed) if parsed else None), parsed


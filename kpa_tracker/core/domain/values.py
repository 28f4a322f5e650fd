"""Values as every path receives them: Python values, or QGIS's (NULL, QDateTime) seen without
importing QGIS. The one NULL test of the plugin is is_null()."""

import math
import re
from typing import Optional, Sequence

_DATE_LIKE = ("QDateTime", "QDate", "QTime")


def is_date_like(value) -> bool:
    """A Qt date or time (they have isNull() too, but a valid one is a value, not NULL)."""
    return type(value).__name__ in _DATE_LIKE


def is_null(value) -> bool:
    """None, blank text, NaN, or QGIS's NULL (an empty QVariant under Qt5; None under Qt6)."""
    if value is None:
        return True
    kind = type(value)
    if kind is str:
        return not value.strip()
    if kind in (int, bool):
        return False
    if kind is float:
        return math.isnan(value)
    if is_date_like(value):
        return False
    if hasattr(value, "isNull"):
        try:
            return bool(value.isNull())
        except TypeError:
            return False
    return False


def text(value) -> Optional[str]:
    """Stripped text, or None for a null value."""
    if is_null(value):
        return None
    return str(value).strip()


def plain(value):
    """A stored value as plain Python: QGIS's NULL becomes None, everything else is kept."""
    if value is None or type(value) in (str, int, float):
        return value
    if not is_date_like(value) and hasattr(value, "isNull"):
        try:
            if value.isNull():
                return None
        except TypeError:
            pass
    return value


def short(value, limit: int = 80) -> str:
    value = str(value)
    return value if len(value) <= limit else value[:limit - 1] + "…"


def code_of(value: str) -> str:
    """'B', 'b', 'B - Usually reliable' or 'B: Usually reliable' -> 'B'; '2 Probably true' -> '2'."""
    stripped = value.strip()
    match = re.match(r"^([A-Za-z0-9])(?:$|[\s\-–—:.)])", stripped)
    return match.group(1) if match else stripped


def int_in(value, allowed: Sequence[int]) -> Optional[int]:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, float) and value.is_integer():
        number = int(value)
    else:
        code = code_of(str(value))
        if not re.match(r"^[-+]?\d+$", code):
            return None
        number = int(code)
    return number if number in allowed else None


def float_value(value) -> Optional[float]:
    if isinstance(value, bool):
        return None
    try:
        number = float(str(value).strip()) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


# 0, 0 ("Null Island") is what a blank or failed coordinate becomes, never where a unit was seen. Within
# 2^-20 degrees (about 9.5e-7°, 0.1 m on the ground) of it: that covers an exact 0, -0 and the noise of a
# round trip through another CRS (about 1e-9°), while no real place of this war is anywhere near. A power
# of two, so the GeoPackage's trigger tests the very same bound on the stored double's exponent bits
# (rules_sql.null_island_sql), and PostGIS (team_schema/0005) and the form's expression (form_spec.py)
# compare with the same number.
NULL_ISLAND_TOLERANCE = 2.0 ** -20
NULL_ISLAND_EXPONENT = 1023 - 20  # a double is below 2^-20 in magnitude when its biased exponent is below this


def is_null_island(lon, lat) -> bool:
    """Both coordinates within NULL_ISLAND_TOLERANCE of 0."""
    return abs(lon) < NULL_ISLAND_TOLERANCE and abs(lat) < NULL_ISLAND_TOLERANCE

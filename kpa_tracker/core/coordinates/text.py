"""What a parsed coordinate is and how it is written back: shared by the decimal, DMS and MGRS readers."""

from dataclasses import dataclass
from typing import Optional

from ...toolbelt.i18n import tr

WGS84 = "EPSG:4326"


class CoordinateError(ValueError):
    """The text is not a coordinate this parser understands; the message says why."""


@dataclass(frozen=True)
class ParsedCoordinate:
    lon: float
    lat: float
    kind: str  # "decimal", "dms" or "mgrs"
    normalised: str  # the input, written out canonically (what the analyst is shown)
    precision_m: Optional[float] = None  # MGRS: the side of the square the reference names

    @property
    def display(self) -> str:
        """The normalised text and the point it means, e.g. for the dock's preview."""
        if self.kind == "decimal":
            return self.normalised
        text = "{} = {}".format(self.normalised, format_decimal(self.lon, self.lat))
        if self.kind == "mgrs":
            text += tr(" (south-west corner of its {} square)").format(size_text(self.precision_m))
        return text


# --- formatting -------------------------------------------------------------------------

def format_decimal(lon: float, lat: float, decimals: int = 6) -> str:
    return "{:.{d}f}° {}, {:.{d}f}° {}".format(
        abs(lat), "S" if lat < 0 else "N", abs(lon), "W" if lon < 0 else "E", d=decimals)


def _dms_text(value: float, positive: str, negative: str, second_decimals: int = 0) -> str:
    hemisphere = negative if value < 0 else positive
    total = abs(value) * 3600.0
    scale = 10 ** second_decimals
    total = round(total * scale) / scale
    degrees = int(total // 3600)
    minutes = int((total - degrees * 3600) // 60)
    seconds = total - degrees * 3600 - minutes * 60
    if second_decimals:
        seconds_text = "{:0{w}.{d}f}".format(seconds, w=3 + second_decimals, d=second_decimals)
    else:
        seconds_text = "{:02d}".format(int(round(seconds)))
    return "{}°{:02d}′{}″ {}".format(degrees, minutes, seconds_text, hemisphere)


def format_dms(lon: float, lat: float, second_decimals: int = 1) -> str:
    return "{}, {}".format(_dms_text(lat, "N", "S", second_decimals), _dms_text(lon, "E", "W", second_decimals))


def size_text(metres: float) -> str:
    return "{:g} km".format(metres / 1000.0) if metres >= 1000 else "{:g} m".format(metres)

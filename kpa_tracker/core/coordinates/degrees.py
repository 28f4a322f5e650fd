"""Decimal degrees and degrees-minutes-seconds, as the reading rules in parse.py describe."""

import re
from dataclasses import dataclass
from typing import List, Optional, Tuple

from ...toolbelt.i18n import tr
from .text import CoordinateError, ParsedCoordinate, format_decimal, format_dms


# --- decimal degrees and degrees-minutes-seconds ----------------------------------------

_TRANSLATE = {
    "º": "°", "˚": "°",
    "′": "'", "’": "'", "‘": "'", "´": "'", "`": "'", "ʹ": "'",
    "″": '"', "“": '"', "”": '"', "ʺ": '"',
    "−": "-", "–": "-", "—": "-",
}
_TOKEN = re.compile(
    r"""(?P<space>\s+)
      | (?P<number>[-+]?(?:\d+(?:\.\d*)?|\.\d+))
      | (?P<deg>°)
      | (?P<sec>"|'')
      | (?P<min>')
      | (?P<sep>[,;/])
      | (?P<word>[A-Za-z]+)
      | (?P<other>.)""",
    re.VERBOSE,
)
_WORD_UNITS = {"deg": "deg", "min": "min", "sec": "sec", "d": "deg", "m": "min"}
_HEMISPHERES = "NSEW"


@dataclass
class _Token:
    kind: str  # number, deg, min, sec, hemi, sep, s (ambiguous until resolved)
    text: str
    attached: bool  # no space between this token and the previous one
    position: int
    letter_unit: bool = False  # a unit written as a letter (d, m, s) rather than a symbol


def _tokens(text: str) -> List[_Token]:
    tokens = []
    attached = False
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup
        value = match.group()
        if kind == "space":
            attached = False
            continue
        if kind == "other":
            raise CoordinateError(tr("'{}' (at character {}) has no place in a coordinate").format(
                value, match.start() + 1))
        if kind == "word":
            lower = value.lower()
            if lower in ("deg", "min", "sec"):
                tokens.append(_Token(_WORD_UNITS.get(lower, lower), value, attached, match.start(), True))
            else:
                for offset, letter in enumerate(value):
                    low = letter.lower()
                    if low in ("d", "m"):
                        tokens.append(_Token(_WORD_UNITS[low], letter, attached or offset > 0,
                                             match.start() + offset, True))
                    elif low == "s":
                        tokens.append(_Token("s", letter, attached or offset > 0, match.start() + offset, True))
                    elif letter.upper() in _HEMISPHERES:
                        tokens.append(_Token("hemi", letter.upper(), attached or offset > 0, match.start() + offset))
                    else:
                        raise CoordinateError(
                            tr("'{}' is not a coordinate: letters may only be the hemispheres N, S, E, W "
                            "or the units d, m, s").format(value))
        else:
            tokens.append(_Token(kind, value, attached, match.start()))
        attached = True
    # An s right after the seconds number of a value whose minutes were marked with
    # the letter m is the seconds marker (51d11m29s); anywhere else it is South.
    for index, token in enumerate(tokens):
        if token.kind != "s":
            continue
        is_seconds = (index >= 2 and token.attached and tokens[index - 1].kind == "number"
                      and tokens[index - 2].kind == "min" and tokens[index - 2].letter_unit)
        token.kind = "sec" if is_seconds else "hemi"
        token.text = "s" if is_seconds else "S"
    return tokens


def _split(tokens: List[_Token], text: str) -> Tuple[List[_Token], List[_Token]]:
    separators = [i for i, t in enumerate(tokens) if t.kind == "sep"]
    if len(separators) > 1:
        raise CoordinateError(tr("'{}' has more than one separator; write two values, e.g. "
                              "51.19, 35.27 (use a point for decimals)").format(text))
    if separators:
        i = separators[0]
        return tokens[:i], tokens[i + 1:]
    hemis = [i for i, t in enumerate(tokens) if t.kind == "hemi"]
    if hemis:
        if hemis[0] == 0:  # prefix letters: N51.19 E35.27
            if len(hemis) < 2:
                raise CoordinateError(tr("'{}' has one hemisphere letter in front; give both "
                                      "(N51.19 E35.27) or separate the values with a comma").format(text))
            return tokens[:hemis[1]], tokens[hemis[1]:]
        return tokens[:hemis[0] + 1], tokens[hemis[0] + 1:]
    degrees = [i for i, t in enumerate(tokens) if t.kind == "deg"]
    if len(degrees) >= 2 and tokens[degrees[1] - 1].kind == "number":
        cut = degrees[1] - 1  # the second value starts at the number of its degrees
        return tokens[:cut], tokens[cut:]
    numbers = [i for i, t in enumerate(tokens) if t.kind == "number"]
    if len(numbers) in (2, 4, 6):
        cut = numbers[len(numbers) // 2]
        return tokens[:cut], tokens[cut:]
    raise CoordinateError(tr("'{}' is not two coordinates: write latitude and longitude, "
                          "e.g. 51.19, 35.27 or 51°11′29″N 35°16′14″E").format(text))


@dataclass
class _Value:
    value: float
    axis: Optional[str]  # "lat", "lon" or None (unknown until paired)
    parts: int  # 1 decimal degrees, 2 degrees-minutes, 3 degrees-minutes-seconds
    text: str
    decimals: int  # decimals of the last part as typed


_UNIT_ORDER = {"deg": 0, "min": 1, "sec": 2}
_UNIT_NAMES = ("degrees", "minutes", "seconds")


def _value(tokens: List[_Token], which: str) -> _Value:
    source = " ".join(t.text for t in tokens).strip()
    if not tokens:
        raise CoordinateError(tr("The {} value is missing").format(which))
    hemis = [t for t in tokens if t.kind == "hemi"]
    if len(hemis) > 1:
        raise CoordinateError(tr("'{}' has two hemisphere letters in one value").format(source))
    if hemis and tokens[0] is not hemis[0] and tokens[-1] is not hemis[0]:
        raise CoordinateError(tr("'{}': the hemisphere letter goes before or after the value").format(source))
    body = [t for t in tokens if t.kind != "hemi"]
    parts: List[Tuple[str, Optional[str]]] = []
    index = 0
    while index < len(body):
        token = body[index]
        if token.kind != "number":
            raise CoordinateError(tr("'{}': '{}' must follow a number").format(source, token.text))
        unit = None
        if index + 1 < len(body) and body[index + 1].kind in _UNIT_ORDER:
            unit = body[index + 1].kind
            index += 1
        parts.append((token.text, unit))
        index += 1
    if not parts:
        raise CoordinateError(tr("'{}' has no number").format(source))
    if len(parts) > 3:
        raise CoordinateError(tr("'{}' has more than degrees, minutes and seconds").format(source))
    numbers = []
    negative = False
    for position, (number_text, unit) in enumerate(parts):
        if unit is not None and _UNIT_ORDER[unit] != position:
            raise CoordinateError(tr("'{}': {} where {} were expected").format(
                source, _UNIT_NAMES[_UNIT_ORDER[unit]], _UNIT_NAMES[position]))
        if number_text[0] in "+-":
            if position > 0:
                raise CoordinateError(tr("'{}': only the degrees may carry a sign").format(source))
            negative = number_text[0] == "-"
            number_text = number_text[1:]
        if "." in number_text and position < len(parts) - 1:
            raise CoordinateError(tr("'{}': only the last part may have decimals "
                                  "(51°11.48′ or 51°11′29″, not 51.5°11′)").format(source))
        numbers.append(float(number_text))
    if len(numbers) > 1 and numbers[1] >= 60:
        raise CoordinateError(tr("'{}': minutes must be below 60").format(source))
    if len(numbers) > 2 and numbers[2] >= 60:
        raise CoordinateError(tr("'{}': seconds must be below 60").format(source))
    magnitude = numbers[0] + (numbers[1] / 60.0 if len(numbers) > 1 else 0.0) + (
        numbers[2] / 3600.0 if len(numbers) > 2 else 0.0)
    axis = None
    if hemis:
        letter = hemis[0].text
        if negative:
            raise CoordinateError(tr("'{}': a minus sign and the hemisphere letter {} together are "
                                  "ambiguous; use one of them").format(source, letter))
        axis = "lat" if letter in "NS" else "lon"
        negative = letter in "SW"
    last = parts[-1][0]
    decimals = len(last.split(".", 1)[1]) if "." in last else 0
    return _Value(-magnitude if negative else magnitude, axis, len(numbers), source, decimals)


def parse_degrees(text: str) -> ParsedCoordinate:
    """Decimal degrees or degrees-minutes-seconds (see the module's reading rules)."""
    raw = str(text).strip()
    normalised = raw.translate(str.maketrans(_TRANSLATE))
    tokens = _tokens(normalised)
    first_tokens, second_tokens = _split(tokens, raw)
    first, second = _value(first_tokens, "first"), _value(second_tokens, "second")
    if first.axis and first.axis == second.axis:
        raise CoordinateError(tr("'{}': both values are {}s; give one latitude (N/S) and one "
                              "longitude (E/W)").format(raw, "latitude" if first.axis == "lat" else "longitude"))
    if first.axis == "lon" or second.axis == "lat":
        lon_value, lat_value = first, second
    else:
        lat_value, lon_value = first, second  # latitude first unless the letters say otherwise
    lettered = bool(first.axis or second.axis)
    if not -90.0 <= lat_value.value <= 90.0:
        hint = "" if lettered else (tr(" (without hemisphere letters the first value is the latitude: write "
                                    "latitude, longitude, or add N/S and E/W)"))
        raise CoordinateError(tr("'{}': {} is not a latitude, which lies between -90 and 90{}").format(
            raw, lat_value.text, hint))
    if not -180.0 <= lon_value.value <= 180.0:
        raise CoordinateError(tr("'{}': {} is not a longitude, which lies between -180 and 180").format(
            raw, lon_value.text))
    lon, lat = lon_value.value, lat_value.value
    if first.parts == 1 and second.parts == 1:
        return ParsedCoordinate(lon, lat, "decimal", format_decimal(lon, lat))
    second_decimals = max(lat_value.decimals if lat_value.parts == 3 else 0,
                          lon_value.decimals if lon_value.parts == 3 else 0)
    if lat_value.parts < 3 or lon_value.parts < 3:
        second_decimals = max(second_decimals, 1)  # decimal minutes: show tenths of a second
    return ParsedCoordinate(lon, lat, "dms", format_dms(lon, lat, min(second_decimals, 3)))

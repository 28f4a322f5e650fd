"""Render the APP-6D symbols the curated data uses to SVG (development time only).

Run after adding a unit or base with a new SIDC: `python -m devtools.render_symbols`.
Each SIDC is rendered twice: as given (status digit 0, solid frame) and with
status digit 1 (planned/anticipated/suspected: dashed frame), which the styles
use for features whose status is `reported` or `claimed`. The SVGs are committed;
milsymbol (MIT) is a development dependency only.
"""

import sys

from milsymbol import Symbol

from kpa_tracker.core.curated import data as curated

OUT_DIR = curated.LAYERS_DIR / "svg" / "kpa_app6"
SIZE = 60


def sidcs_in_use():
    result = curated.load_all()
    if result.errors:
        raise SystemExit("fix the data first:\n" + "\n".join(str(e) for e in result.errors))
    found = set()
    for features in result.features.values():
        for feature in features:
            if feature.attributes.get("sidc"):
                found.add(feature.attributes["sidc"])
    return sorted(found)


def with_status(sidc: str, status_digit: str) -> str:
    return sidc[:6] + status_digit + sidc[7:]


def render(sidc: str) -> str:
    symbol = Symbol(sidc, size=SIZE)
    if not symbol.is_valid():
        raise SystemExit("milsymbol does not know SIDC " + sidc)
    svg = symbol.as_svg()
    if sidc[6] == "1":
        # milsymbol 0.2.0 does not dash the frame for status 1 (anticipated); do it
        # here on the frame, the first path, with APP-6's dash pattern, and lighten its fill.
        svg = svg.replace("<path ", '<path stroke-dasharray="8,12" ', 1)
        svg = svg.replace('fill-opacity="1"', 'fill-opacity="0.45"', 1)
    return svg


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    wanted = set()
    for sidc in sidcs_in_use():
        for digit in "01":
            wanted.add(with_status(sidc, digit))
    for sidc in sorted(wanted):
        (OUT_DIR / (sidc + ".svg")).write_text(render(sidc), encoding="utf-8")
    for stale in OUT_DIR.glob("*.svg"):
        if stale.stem not in wanted:
            stale.unlink()
    print("{} symbols in {}".format(len(wanted), OUT_DIR))
    return 0


if __name__ == "__main__":
    sys.exit(main())

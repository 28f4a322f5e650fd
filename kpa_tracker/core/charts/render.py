"""The charts drawn with matplotlib: a Figure built without pyplot, saved to PNG (Agg) or SVG.

Why matplotlib: it is the plotting library every QGIS distribution already ships (Debian's python3-qgis
depends on python3-matplotlib, the OSGeo4W and macOS installers bundle it), it is well kept, draws to the
Qt canvas the dock needs and to PNG and SVG for briefings, so the plugin adds no dependency of its own.
It is imported lazily, here only, so that the rest of the plugin works where it is missing; then
save_chart() raises ChartsUnavailable and the Charts tab says so.

No pyplot: its global figure manager would keep every figure alive and pick a GUI backend of its own.
Each figure here is a matplotlib.figure.Figure given the Agg or SVG canvas (or the Qt canvas in the dock).
"""

import datetime
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from ...toolbelt.i18n import tr

KINDS = ("front_area", "estimates", "events_per_week")
BRIEFING_SIZE = (8.0, 4.8)  # inches at BRIEFING_DPI: 1200 x 720 px, a page's width in a briefing
BRIEFING_DPI = 150
# One colour per estimator (area chart) or per estimator's country (estimates chart), in order of use.
PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
           "#bcbd22", "#7f7f7f", "#393b79", "#637939", "#843c39", "#7b4173")
DAY = datetime.timedelta(days=1)


class ChartsUnavailable(Exception):
    """matplotlib cannot be imported: the message says so to the analyst."""


def unavailable_message() -> str:
    return tr("Charts need the Python package matplotlib, which this QGIS installation does not have; "
              "the rest of the plugin works without it.")


def _matplotlib():
    """matplotlib's Figure class, or ChartsUnavailable. `import matplotlib` first, always: a submodule left
    in sys.modules would otherwise import even when matplotlib itself cannot."""
    try:
        import matplotlib  # noqa: F401
        from matplotlib.figure import Figure
    except ImportError as exc:
        raise ChartsUnavailable(unavailable_message()) from exc
    return Figure


def available() -> bool:
    try:
        _matplotlib()
    except ChartsUnavailable:
        return False
    return True


def qt_canvas_class():
    """matplotlib's Qt canvas: backend_qtagg (matplotlib 3.5+, it follows whichever of PyQt5 and PyQt6 QGIS
    has already imported), backend_qt5agg on older matplotlib."""
    _matplotlib()
    try:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    except ImportError:
        from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
    return FigureCanvasQTAgg


def titles() -> Dict[str, str]:
    """The chooser's name of each chart."""
    return {"front_area": tr("Ukrainian-held area in Kursk Oblast"),
            "estimates": tr("KPA strength and casualty estimates"),
            "events_per_week": tr("Events per week by category")}


def captions() -> Dict[str, str]:
    """What each chart shows and where its figures come from (the line under the chart)."""
    return {
        "front_area": tr("Points: each published figure of the area Ukraine held, coloured by who gave it "
                         "(estimates.yaml). Line: the geodesic area (WGS84) of each outline drawn on the map "
                         "(front_areas.yaml) over the days it stands for."),
        "estimates": tr("Published KPA strength and casualty figures (estimates.yaml), coloured by the "
                        "estimator's country; a vertical bar is a range, a horizontal bar a date known only "
                        "to the month or year. Log scale."),
        "events_per_week": tr("Curated events (events.yaml) counted in the ISO week they began, in the events "
                              "layer's colours; the top strip holds events dated only to a month."),
    }


@dataclass
class Drawn:
    """A chart drawn on a figure: what clicking each pickable artist means, (date, text) per index."""

    kind: str
    title: str
    caption: str
    picks: Dict[object, List[Tuple[datetime.date, str]]] = field(default_factory=dict)
    marks: list = field(default_factory=list)  # the as-of line's artists
    first_title: str = ""  # the first axes' title before the as-of date was added to it

    def pick(self, artist, index: int = 0) -> Optional[Tuple[datetime.date, str]]:
        entries = self.picks.get(artist)
        if not entries:
            return None
        return entries[min(index, len(entries) - 1)]


def _as_date(value) -> Optional[datetime.date]:
    if value is None or value == "":
        return None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(str(value)[:10])


def new_figure(width_in: float, height_in: float, dpi: float = 100):
    figure = _matplotlib()(figsize=(width_in, height_in), dpi=dpi)
    figure.set_layout_engine("constrained") if hasattr(figure, "set_layout_engine") \
        else figure.set_constrained_layout(True)  # set_layout_engine from matplotlib 3.6
    return figure


def draw(kind: str, figure, as_of=None, compact: bool = False, features=None) -> Drawn:
    """Clear `figure` and draw chart `kind` on it; as_of (a date) marks that day with a vertical line."""
    if kind not in KINDS:
        raise ValueError("unknown chart kind {!r}; one of {}".format(kind, ", ".join(KINDS)))
    from . import plots  # matplotlib's modules, only once it is known to import

    _matplotlib()
    figure.clear()
    drawn = Drawn(kind, titles()[kind], captions()[kind])
    style = plots.Style(compact)
    getattr(plots, kind)(figure, drawn, style, features)
    drawn.first_title = figure.axes[0].get_title(loc="left")
    mark(figure, drawn, as_of, compact)
    return drawn


def mark(figure, drawn: Drawn, as_of, compact: bool = False) -> None:
    """Move the as-of line to another date (None: no line), leaving the rest of the chart as drawn."""
    from . import plots

    for artist in drawn.marks:
        artist.remove()
    drawn.marks = []
    first = figure.axes[0]
    first.set_title(drawn.first_title, loc="left")
    day = _as_date(as_of)
    if day is not None:
        style = plots.Style(compact)
        drawn.marks = [plots.mark_date(axes, day, style, title=axes is first) for axes in figure.axes]


def save_chart(kind: str, path, as_of=None, size=BRIEFING_SIZE, dpi=BRIEFING_DPI) -> Path:
    """Chart `kind` written to `path`, PNG or SVG by its suffix (text kept as text in SVG)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".png", ".svg"):
        raise ValueError("a chart is saved as .png or .svg, not {!r}".format(path.suffix))
    _matplotlib()
    import matplotlib

    figure = new_figure(size[0], size[1], dpi)
    if suffix == ".png":
        from matplotlib.backends.backend_agg import FigureCanvasAgg as Canvas
    else:
        from matplotlib.backends.backend_svg import FigureCanvasSVG as Canvas
    Canvas(figure)
    draw(kind, figure, as_of=as_of)
    path.parent.mkdir(parents=True, exist_ok=True)
    with matplotlib.rc_context({"svg.fonttype": "none"}):  # SVG text stays text: searchable, editable
        figure.savefig(str(path), format=suffix[1:], dpi=dpi, metadata=_metadata(suffix, drawn_title(kind)))
    figure.clear()
    return path


def drawn_title(kind: str) -> str:
    return titles()[kind]


def _metadata(suffix: str, title: str) -> dict:
    return {"Title": title, "Software": None} if suffix == ".png" else {"Title": title, "Date": None}

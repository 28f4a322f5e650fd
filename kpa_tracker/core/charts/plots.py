"""The three charts drawn on a matplotlib Figure. Imported by render.draw() only, once matplotlib is known
to import, so that this module may import it at its top."""

import datetime
import textwrap
from typing import Dict, List

import matplotlib.dates as mdates
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, NullFormatter

from ...toolbelt.i18n import tr
from . import series
from .render import DAY, PALETTE


class Style:
    """Sizes for the dock (compact, about 350 px wide) or for a briefing page."""

    def __init__(self, compact: bool):
        self.compact = compact
        self.font = 7.5 if compact else 9
        self.title_size = 8 if compact else 11
        self.marker = 22 if compact else 40

    def title(self, axes, text: str) -> None:
        if not self.compact:  # in the dock the chooser above the chart names it
            axes.set_title(text, fontsize=self.title_size, loc="left")


def status_names() -> Dict[str, str]:
    return {"confirmed": tr("confirmed"), "assessed": tr("assessed"), "reported": tr("reported"),
            "claimed": tr("claimed"), "refuted": tr("refuted")}


def country_names() -> Dict[str, str]:
    return {"UA": tr("Ukraine"), "RU": tr("Russia"), "KR": tr("South Korea"), "KP": tr("North Korea"),
            "US": tr("United States"), "GB": tr("United Kingdom"), "EE": tr("Estonia"), "GR": tr("Greece")}


def measure_names() -> Dict[str, str]:
    return {"strength": tr("strength"), "deployed": tr("deployed"), "killed": tr("killed"),
            "wounded": tr("wounded"), "killed_or_wounded": tr("killed or wounded")}


def category_names() -> Dict[str, str]:
    return {"deployment": tr("Deployment"), "training": tr("Training"), "combat": tr("Combat"),
            "strike": tr("Strike"), "prisoners": tr("Prisoners"), "withdrawal": tr("Withdrawal"),
            "control": tr("Control"), "acknowledgement": tr("Acknowledgement"),
            "engineering": tr("Engineering"), "memorial": tr("Memorial"), "diplomacy": tr("Diplomacy")}


# How sure a figure is, drawn the same way on every chart: filled when assessed or confirmed, half-tone
# when reported, hollow when only claimed; a refuted figure is a cross.
def _faces(colour: str, status: str):
    if status in ("confirmed", "assessed"):
        return colour, colour
    if status == "reported":
        return colour + "66", colour  # 40 % opaque fill
    return "white", colour


def _precision_note(figure: series.Figure) -> str:
    if figure.precision == "year":
        return tr("dated only to the year {}").format(figure.as_of)
    if figure.precision == "month":
        return tr("dated only to the month {}").format(figure.start.strftime("%Y-%m"))
    return ""


def _label(figure: series.Figure) -> str:
    parts = [figure.text, _precision_note(figure), figure.counts]
    return " — ".join(part for part in parts if part)


def _date_axis(axes, style: Style) -> None:
    locator = mdates.AutoDateLocator(minticks=3, maxticks=6 if style.compact else 10)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    axes.tick_params(labelsize=style.font)
    axes.grid(True, color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)


def _legend(axes, handles, style: Style, title: str = None):
    """Beside the plot on a briefing page, under it in the dock: never over the data."""
    options = dict(handles=handles, fontsize=style.font - 0.5, title=title, title_fontsize=style.font,
                   frameon=False, borderaxespad=0.3, handlelength=1.2, columnspacing=0.8)
    if style.compact:
        for handle in handles:  # two columns in a 350 px dock: long names shortened, the click tells all
            label = handle.get_label()
            handle.set_label(label if len(label) <= 20 else label[:19].rstrip() + "…")
        return axes.legend(loc="upper left", bbox_to_anchor=(0.0, -0.12), ncol=2, **options)
    return axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), ncol=1, **options)


def _caption(axes, text: str, style: Style) -> None:
    """The caption under the bottom axes, wrapped by hand (constrained layout makes room for its lines)."""
    width_points = axes.figure.get_figwidth() * 72 * (0.95 if style.compact else 0.72)
    lines = textwrap.wrap(text, max(40, int(width_points / ((style.font - 1) * 0.56))))
    axes.set_xlabel("\n".join(lines), fontsize=style.font - 1, loc="left")


def _status_handles(style: Style, statuses) -> List[Line2D]:
    names = status_names()
    handles = []
    for status in ("confirmed", "assessed", "reported", "claimed", "refuted"):
        if status in statuses:
            face, edge = _faces("#555555", status)
            handles.append(Line2D([], [], linestyle="none", marker="X" if status == "refuted" else "o",
                                  markersize=5, markerfacecolor=face, markeredgecolor=edge, label=names[status]))
    return handles


def _plot_figures(axes, drawn, style, figures, colour_of, marker_of) -> None:
    """Each figure a marker: its range (value..value_max) a vertical bar, a coarse date a horizontal one."""
    for figure in figures:
        colour = colour_of(figure)
        if figure.value_max is not None and figure.value_max != figure.value:
            axes.vlines(mdates.date2num(figure.date), figure.value, figure.value_max, colors=colour,
                        linewidth=1.6, alpha=0.8)
        if figure.precision != "day":
            axes.hlines(figure.value, mdates.date2num(figure.start), mdates.date2num(figure.end + DAY),
                        colors=colour, linewidth=1.2, alpha=0.7)
        face, edge = _faces(colour, figure.status)
        marker = "X" if figure.status == "refuted" else marker_of(figure)
        point = axes.scatter([mdates.date2num(figure.date)], [figure.value], s=style.marker, marker=marker,
                             facecolors=[face], edgecolors=[edge], linewidths=1.0, zorder=3, picker=True)
        point.set_pickradius(6) if hasattr(point, "set_pickradius") else None
        drawn.picks[point] = [(figure.date, _label(figure))]


def front_area(fig, drawn, style: Style, features=None) -> None:
    axes = fig.add_subplot(1, 1, 1)
    outlines = series.outline_areas(features)
    figures = series.area_figures(features)
    # The outlines' own areas: a step for each snapshot over its days, joined where snapshots meet.
    steps_x, steps_y = [], []
    for outline in outlines:
        start, end = mdates.date2num(outline.start), mdates.date2num(outline.end + DAY)
        segment, = axes.plot([start, end], [outline.area_km2] * 2, color="#333333", linewidth=2.4,
                             solid_capstyle="butt", zorder=2, picker=True, pickradius=4)
        drawn.picks[segment] = [(outline.start, tr("Outline {}: {:,.0f} km² (geodesic), {} to {}").format(
            outline.name, outline.area_km2, outline.start.isoformat(), outline.end.isoformat()))]
        steps_x += [start, end]
        steps_y += [outline.area_km2] * 2
    axes.plot(steps_x, steps_y, color="#333333", linewidth=0.8, zorder=1)
    who = []
    for figure in figures:
        if figure.who not in who:
            who.append(figure.who)
    colours = {name: PALETTE[i % len(PALETTE)] for i, name in enumerate(who)}
    _plot_figures(axes, drawn, style, figures, lambda f: colours[f.who], lambda f: "o")
    top = max([f.value_max or f.value for f in figures] + [o.area_km2 for o in outlines] + [1])
    axes.set_ylim(-0.03 * top, 1.06 * top)  # a figure of 0 km² stays in view
    axes.set_ylabel(tr("km² held by Ukraine"), fontsize=style.font)
    style.title(axes, drawn.title)
    _date_axis(axes, style)
    handles = [Line2D([], [], color="#333333", linewidth=2.4, label=tr("Outline on the map"))]
    handles += [Line2D([], [], linestyle="none", marker="o", markersize=5, color=colours[name], label=name)
                for name in who]
    handles += _status_handles(style, {f.status for f in figures})
    _legend(axes, handles, style)
    if not style.compact:
        _caption(axes, drawn.caption, style)


MEASURE_MARKERS = {"strength": "o", "deployed": "D", "killed": "v", "wounded": "^", "killed_or_wounded": "s"}


def estimates(fig, drawn, style: Style, features=None) -> None:
    strength, casualties = series.strength_figures(features), series.casualty_figures(features)
    countries = []
    for figure in strength + casualties:
        if figure.country not in countries:
            countries.append(figure.country)
    colours = {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(countries)}
    top = fig.add_subplot(2, 1, 1)
    bottom = fig.add_subplot(2, 1, 2, sharex=top)
    for axes, figures, name in ((top, strength, tr("KPA troops")), (bottom, casualties, tr("KPA casualties"))):
        _plot_figures(axes, drawn, style, figures, lambda f: colours[f.country],
                      lambda f: MEASURE_MARKERS.get(f.measure, "o"))
        axes.set_yscale("log")
        values = [f.value_max or f.value for f in figures] + [f.value for f in figures]
        axes.set_ylim(min(values) / 1.6, max(values) * 1.6)
        axes.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 3.0)))
        axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _pos: "{:,.0f}".format(value)))
        axes.yaxis.set_minor_formatter(NullFormatter())
        axes.set_ylabel(name, fontsize=style.font)
        _date_axis(axes, style)
    top.tick_params(labelbottom=False)
    style.title(top, drawn.title)
    names, measures = country_names(), measure_names()
    handles = [Line2D([], [], linestyle="none", marker="o", markersize=5, color=colours[code],
                      label=names.get(code, code)) for code in countries]
    used = [m for m in MEASURE_MARKERS if any(f.measure == m for f in strength + casualties)]
    handles += [Line2D([], [], linestyle="none", marker=MEASURE_MARKERS[m], markersize=5, color="#555555",
                       markerfacecolor="white", label=measures[m]) for m in used]
    handles += _status_handles(style, {f.status for f in strength + casualties})
    if style.compact:
        _legend(bottom, handles, style)
    else:  # who beside the upper plot, what and how sure beside the lower one
        split = len(countries)
        _legend(top, handles[:split], style)
        _legend(bottom, handles[split:], style)
        _caption(bottom, drawn.caption, style)


def events_per_week(fig, drawn, style: Style, features=None) -> None:
    weeks, coarse = series.events_per_week(features)
    colours, names = series.category_colours(), category_names()
    grid = fig.add_gridspec(2, 1, height_ratios=(1, 4))
    strip = fig.add_subplot(grid[0])
    axes = fig.add_subplot(grid[1], sharex=strip)
    used = [c for c in names if any(w.counts.get(c) for w in weeks) or any(e.category == c for e in coarse)]
    used += sorted({c for w in weeks for c in w.counts} - set(used))
    bottoms = [0] * len(weeks)
    for category in used:
        heights = [w.counts.get(category, 0) for w in weeks]
        shown = [i for i, height in enumerate(heights) if height]  # no empty bars: 11 categories x 80 weeks
        bars = axes.bar([mdates.date2num(weeks[i].monday) for i in shown], [heights[i] for i in shown],
                        width=6.2, bottom=[bottoms[i] for i in shown], align="edge",
                        color=colours.get(category, "#999999"), edgecolor="white", linewidth=0.3,
                        label=names.get(category, category))
        for i, bar in zip(shown, bars):
            bar.set_picker(True)
            drawn.picks[bar] = [(weeks[i].monday, tr("{}: {} {} events").format(
                weeks[i].label, heights[i], names.get(category, category)))]
        bottoms = [b + h for b, h in zip(bottoms, heights)]
    # Events dated only to a month: a bar across the month, one lane each, never counted in a week.
    lanes: List[datetime.date] = []
    for event in coarse:
        lane = next((i for i, free in enumerate(lanes) if free < event.start), len(lanes))
        lanes[lane:lane + 1] = [event.end]
        line, = strip.plot([mdates.date2num(event.start), mdates.date2num(event.end + DAY)], [lane, lane],
                           color=colours.get(event.category, "#999999"), linewidth=3, solid_capstyle="butt",
                           picker=True, pickradius=4)
        drawn.picks[line] = [(event.start, tr("{} (dated only to the month {})").format(
            event.name, event.start.strftime("%Y-%m")))]
    strip.set_ylim(len(lanes) - 0.4, -0.6)
    strip.set_yticks([])
    strip.set_ylabel(tr("month\nonly"), fontsize=style.font - 1, rotation=0, ha="right", va="center")
    strip.tick_params(labelbottom=False, labelsize=style.font)
    strip.grid(True, axis="x", color="#dddddd", linewidth=0.6)
    style.title(strip, drawn.title)
    axes.set_ylabel(tr("events begun in the week"), fontsize=style.font)
    axes.yaxis.get_major_locator().set_params(integer=True)
    axes.set_ylim(0, max(bottoms + [1]) + 0.5)
    _date_axis(axes, style)
    handles = [Line2D([], [], linestyle="none", marker="s", markersize=6, color=colours.get(c, "#999999"),
                      label=names.get(c, c)) for c in used]
    _legend(axes, handles, style)
    if not style.compact:
        _caption(axes, drawn.caption, style)


def mark_date(axes, day: datetime.date, style: Style, title: bool):
    """The date the map is drawn for: a dashed vertical line (returned), and the date in the chart's title."""
    line = axes.axvline(mdates.date2num(day), color="black", linestyle="--", linewidth=1.0, zorder=4)
    if title:
        heading = tr("as of {}").format(day.isoformat())
        if axes.get_title(loc="left"):
            heading = tr("{} — as of {}").format(axes.get_title(loc="left"), day.isoformat())
        axes.set_title(heading, fontsize=style.title_size, loc="left")
    return line

"""The front through time: one PDF with a page per front snapshot, made by QGIS's own atlas.

The atlas runs over the front_areas layer (its snapshots, in date order); the map item's temporal
range is data-defined from each snapshot's dates (QgsLayoutObject.StartDateTime/EndDateTime, on
every QGIS of the matrix), so each page shows the picture of its snapshot's period. Each page has the
snapshot's published figures, the numbers of its sources and the area chart marked at its date;
the sources of every page follow, numbered once.
"""

import datetime
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from qgis.core import (
    QgsDateTimeRange,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsLayoutItemLabel,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsProperty,
    QgsRectangle,
    QgsUnitTypes,
)

from ...toolbelt.i18n import tr
from ..project.layers import find_loaded
from ..project.temporal import END_EXPRESSION, START_EXPRESSION
from . import legend as legend_fit
from . import marks, pdf
from .build import PAGES, TEMPLATE_PAGE_MM, _visible_layers, add_source_pages, load_template, set_footer, set_maps
from .sources import collect, compact


@dataclass
class Page:
    feature_id: int
    name: str
    start: datetime.date
    end: datetime.date
    numbers: List[int]
    chart: str = ""  # the PNG of the area chart marked at the snapshot's date ("" without charts)


@dataclass
class Atlas:
    layout: object
    pages: List[Page]
    sources: List[str]
    blocks: List[pdf.Block]
    numbers_layer: object
    chart_problem: str = ""
    work: Optional[tempfile.TemporaryDirectory] = None

    @property
    def count(self) -> int:
        return len(self.pages)


def _window(layer, feature) -> QgsDateTimeRange:
    """The snapshot's period, by the layer's own temporal expressions (the ones the map uses)."""
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    begin = QgsExpression(START_EXPRESSION).evaluate(context)
    end = QgsExpression(END_EXPRESSION).evaluate(context)
    return QgsDateTimeRange(begin, end)


def _day(value) -> datetime.date:
    date = value.date()
    return datetime.date(date.year(), date.month(), date.day())


def _chart(path: Path, day: datetime.date) -> str:
    """The charts helper's area chart at the day, or raises ChartsUnavailable (also when the module is
    missing: the same sentence for the analyst)."""
    from ..charts.render import save_chart  # lazily: matplotlib is imported there only
    save_chart("front_area", str(path), as_of=day)
    return str(path)


def build_atlas(project, extent_wgs84: QgsRectangle, crs: str, page: str = "A4 landscape",
                title: str = "North Korean troops in Russia", author: Optional[str] = None,
                handling: str = "", name: str = "KPA front through time") -> Atlas:
    page_mm = PAGES[page]
    scale = min(page_mm[0] / TEMPLATE_PAGE_MM[0], page_mm[1] / TEMPLATE_PAGE_MM[1]) ** 0.5
    layout = load_template(project, page_mm, name)
    visible = _visible_layers(project)
    coverage = find_loaded(project, "front_areas")
    if coverage is None:
        raise ValueError(tr("The front through time needs the layer of front snapshots (front_areas)."))
    main_map = set_maps(layout, project, visible, extent_wgs84, crs)
    snapshots = sorted(coverage.getFeatures(), key=lambda f: str(f["valid_from"]))
    windows = [_window(coverage, f) for f in snapshots]

    # Numbered once over every page: the sources of what any page draws, then each page's own.
    span = QgsDateTimeRange(windows[0].begin(), windows[-1].end())
    everything = collect(visible, extent_wgs84, project, span)
    number = {line: i for i, line in enumerate(everything.lines, start=1)}
    numbers = marks.numbers_layer([], scale)
    pages = []
    for feature, window in zip(snapshots, windows):
        cited = collect(visible, extent_wgs84, project, window)
        local = {i: number[line] for i, line in enumerate(cited.lines, start=1) if line in number}
        marks.add_marks(numbers, [(point, [local[n] for n in nums if n in local]) for point, nums in cited.marks],
                        window)
        pages.append(Page(feature.id(), str(feature["name"]), _day(window.begin()), _day(window.end()),
                          sorted(local.values())))
    main_map.setLayers([numbers] + visible)

    atlas = layout.atlas()
    atlas.setCoverageLayer(coverage)
    atlas.setSortFeatures(True)
    atlas.setSortExpression('"valid_from"')
    atlas.setEnabled(True)
    main_map.setAtlasDriven(False)  # one extent on every page, so the pages compare
    main_map.setIsTemporal(True)
    main_map.setTemporalRange(span)  # for the legend's fit: every class any page draws

    _arrange(layout, page_mm, scale)
    layout.itemById("title").setText(title)
    # Written by the atlas itself on each page (QGIS expressions on the snapshot's fields).
    layout.itemById("subtitle").setText('[% "name" %]')
    layout.itemById("asof").setText(tr("Snapshot of {} to {}").format(
        '[% "valid_from" %]', "[% coalesce(\"valid_to\", '…') %]"))
    layout.itemById("figures").setText(tr("Published figures for this snapshot") + "\n[% \"figures\" %]")
    set_footer(layout, author, handling, len(everything.lines))
    blocks = add_source_pages(layout, page_mm, everything, scale)
    problem, work = _charts(pages)
    chart_label = layout.itemById("chart_note")
    chart_label.setText(problem)
    layout.refresh()
    scalebar = layout.itemById("scalebar")
    scalebar.setLinkedMap(main_map)
    scalebar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    legend_fit.fill(layout.itemById("legend"), main_map, visible, scale)
    # Only now the snapshot's dates drive the map (the legend was fitted to every page's classes).
    main_map.dataDefinedProperties().setProperty(QgsLayoutObject.StartDateTime, QgsProperty.fromExpression(
        START_EXPRESSION))
    main_map.dataDefinedProperties().setProperty(QgsLayoutObject.EndDateTime, QgsProperty.fromExpression(
        END_EXPRESSION))
    return Atlas(layout, pages, everything.lines, blocks, numbers, problem, work)


def _charts(pages):
    work = tempfile.TemporaryDirectory(prefix="kpa-atlas-")
    try:
        for page in pages:
            page.chart = _chart(Path(work.name) / "area-{}.png".format(page.start.isoformat()), page.start)
    except Exception as exc:  # ChartsUnavailable, or the charts module not there
        if type(exc).__name__ != "ChartsUnavailable" and not isinstance(exc, ImportError):
            raise
        for page in pages:
            page.chart = ""
        return tr("The chart of the area held is not in this PDF: it needs matplotlib, which this QGIS "
                  "does not have."), work
    return "", work


def _arrange(layout, page_mm, scale) -> None:
    """The right column for the atlas: the figures, the chart, the legend (the overview is the same
    on every page, so it gives way)."""
    sx, sy = page_mm[0] / TEMPLATE_PAGE_MM[0], page_mm[1] / TEMPLATE_PAGE_MM[1]
    if layout.itemById("overview") is not None:
        layout.removeLayoutItem(layout.itemById("overview"))
    sources = layout.itemById("sources")

    def place(item, x, y, w, h):
        item.attemptMove(QgsLayoutPoint(x * sx, y * sy, QgsUnitTypes.LayoutMillimeters))
        item.attemptResize(QgsLayoutSize(w * sx, h * sy, QgsUnitTypes.LayoutMillimeters))

    for item_id, text_pt in (("figures", 5.6), ("chart_note", 6.5), ("page_sources", 6.5)):
        label = QgsLayoutItemLabel(layout)
        label.setId(item_id)
        font = sources.font()
        font.setPointSizeF(text_pt * scale)
        label.setFont(font)
        layout.addLayoutItem(label)
    # A narrower map leaves the column room for the figures, a readable chart and the legend of
    # every class the pages draw (at the template's 66 mm the legend could not fit at any size).
    place(layout.itemById("map"), 10, 27, 172, 151)
    place(layout.itemById("north"), 277, 180, 10, 10)  # below the column, clear of the source lines
    place(layout.itemById("figures"), 186, 27, 101, 40)
    chart = QgsLayoutItemPicture(layout)
    chart.setId("chart")
    layout.addLayoutItem(chart)
    place(chart, 186, 68, 101, 50)
    place(layout.itemById("chart_note"), 186, 68, 101, 50)
    place(layout.itemById("legend"), 186, 119, 101, 59)
    place(sources, 90, 180, 112, 4)
    place(layout.itemById("page_sources"), 90, 184, 112, 8)


def export_atlas(atlas: Atlas, output: Path) -> Path:
    """The atlas pages (QGIS's atlas, one per snapshot), then the source pages, into one PDF."""
    layout = atlas.layout
    qgis_atlas = layout.atlas()
    main_map, legend = layout.itemById("map"), layout.itemById("legend")
    chart, page_sources = layout.itemById("chart"), layout.itemById("page_sources")

    def pages(painter, writer, exporter):
        qgis_atlas.beginRender()
        try:
            for index in range(qgis_atlas.count()):
                qgis_atlas.seekTo(index)
                main_map.refreshDataDefinedProperty(QgsLayoutObject.AllProperties)
                page = next(p for p in atlas.pages if p.feature_id == qgis_atlas.layout().reportContext().feature().id())
                chart.setPicturePath(page.chart)
                page_sources.setText(tr("Sources of this page: {}").format(compact(page.numbers))
                                     if page.numbers else tr("Sources of this page: none"))
                legend.updateFilterByMap(False)
                if index:
                    writer.newPage()
                exporter.renderPage(painter, 0)
        finally:
            qgis_atlas.endRender()
        for index in range(1, layout.pageCollection().pageCount()):
            writer.newPage()
            exporter.renderPage(painter, index)
            pdf.draw_blocks(painter, [b for b in atlas.blocks if b.page == index])

    return pdf.export_pdf(layout, output, atlas.blocks, layout.itemById("title").text(), page_hook=pages)


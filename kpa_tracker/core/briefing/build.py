"""Briefing maps: the plugin's print-layout template filled for a preset or extent, with its sources.

Everything here runs without widgets, so the dock and the Processing algorithm
(headless, in qgis_process) make the same map.
"""

import datetime
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple
from urllib.parse import unquote

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDateTimeRange,
    QgsExpression,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsRenderContext,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtXml import QDomDocument

from ..curated import data as curated
from ..project.layers import LAYER_ID_PROPERTY

TEMPLATE = Path(__file__).resolve().parents[2] / "layouts" / "briefing.qpt"
TEMPLATE_PAGE_MM = (297.0, 210.0)  # the template is drawn on A4 landscape


@dataclass(frozen=True)
class Preset:
    id: str
    title: str
    extent: Tuple[float, float, float, float]  # west, south, east, north (degrees)
    crs: str  # a projection in which the scale bar is right at the map's latitude

    def extent_rectangle(self) -> QgsRectangle:
        return QgsRectangle(*self.extent)


# In the order of the Processing enum: theatre, Far East training, Kursk front.
PRESETS = (
    Preset("theatre", "From the ports to Kursk", (30.0, 34.0, 142.0, 60.0), "ESRI:102027"),
    # A conic projection centred on the region: a UTM zone would fold the far side of the world
    # (Natural Earth's polygons reach 180°E) into the map.
    Preset("far_east", "Far East: embarkation, transit and training", (104.0, 38.5, 139.0, 53.0),
           "+proj=lcc +lat_0=45 +lon_0=122 +lat_1=40 +lat_2=52 +datum=WGS84 +units=m +no_defs"),
    Preset("kursk", "The Kursk front around Sudzha", (34.75, 50.98, 35.65, 51.42), "EPSG:32636"),
)
# Page sizes in mm; the slide is 1920x1080 px at 96 dpi.
PAGES: Dict[str, Tuple[float, float]] = {
    "A4 landscape": (297.0, 210.0), "A4 portrait": (210.0, 297.0),
    "A3 landscape": (420.0, 297.0), "A3 portrait": (297.0, 420.0),
    "Slide 1920x1080 (PNG)": (508.0, 285.75),
}
OVERVIEW_EXTENT = (0.0, 8.0, 160.0, 75.0)  # Europe and Asia: where the map lies
LINE_CHARS = 210  # characters of a source line at the template's font before it wraps
SLIDE_DPI = 96
PRINT_DPI = 200


@dataclass
class Briefing:
    layout: QgsPrintLayout
    sources: List[str]
    as_of: str
    visible_layers: List[str]


def make_crs(text: str) -> QgsCoordinateReferenceSystem:
    """A CRS from an authority id (EPSG:3857) or a PROJ string (+proj=...)."""
    if text.strip().startswith("+proj"):
        return QgsCoordinateReferenceSystem.fromProj(text)
    return QgsCoordinateReferenceSystem(text)


def preset_by_id(preset_id: str) -> Preset:
    for preset in PRESETS:
        if preset.id == preset_id:
            return preset
    raise ValueError("unknown preset {!r}; one of {}".format(preset_id, ", ".join(p.id for p in PRESETS)))


def _visible_layers(project: QgsProject):
    root = project.layerTreeRoot()
    return [node.layer() for node in root.findLayers() if node.isVisible() and node.layer() is not None]


def day_range(day: datetime.date) -> QgsDateTimeRange:
    """The whole of one day, as QGIS's Temporal Controller frames it."""
    date = QDate(day.year, day.month, day.day)
    return QgsDateTimeRange(QDateTime(date, QTime(0, 0)), QDateTime(date, QTime(23, 59, 59)))


def temporal_request(layer: QgsVectorLayer, window: Optional[QgsDateTimeRange]) -> QgsFeatureRequest:
    """The features a temporal layer draws in the window (all of them when there is no window)."""
    request = QgsFeatureRequest()
    properties = layer.temporalProperties()
    if window is not None and properties is not None and properties.isActive():
        context = QgsVectorLayerTemporalContext()
        context.setLayer(layer)
        expression = properties.createFilterString(context, window)
        if expression:
            request.setFilterExpression(expression)
    return request


def collect_sources(layers, extent_wgs84: QgsRectangle, project: QgsProject,
                    window: Optional[QgsDateTimeRange] = None) -> Tuple[List[str], str]:
    """Every source of the plugin's features inside the extent (and drawn in the time window),
    de-duplicated and ordered, and the newest as_of."""
    _, result = curated.load_cached()
    cited: Dict[str, curated.Source] = {}
    by_feature = {(layer_id, f.id): f for layer_id, fs in result.features.items() for f in fs}
    extra, changes, newest = set(), set(), ""
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    for layer in layers:
        layer_id = layer.customProperty(LAYER_ID_PROPERTY)
        if not isinstance(layer, QgsVectorLayer) or not layer_id or "sources" not in layer.fields().names():
            continue
        box = QgsCoordinateTransform(wgs84, layer.crs(), project).transformBoundingBox(extent_wgs84)
        for feature in layer.getFeatures(temporal_request(layer, window).setFilterRect(box)):
            curated_feature = by_feature.get((layer_id, feature["id"]))
            if curated_feature is not None and _text(feature["sources"]) == "\n".join(
                    s.as_text() for s in curated_feature.sources):
                for source in curated_feature.sources:
                    cited[source.key] = source
            else:  # the analyst's own text
                extra.update(line for line in _text(feature["sources"]).splitlines() if line.strip())
            changed_on = _text(feature["changed_on"]) if "changed_on" in feature.fields().names() else ""
            if curated_feature is not None and changed_on:
                changes.add("{}: changed by you on {}".format(_text(feature["name"]), changed_on))
            as_of = _text(feature["as_of"]) if "as_of" in feature.fields().names() else ""
            newest = max(newest, as_of)
    ordered = sorted(cited.values(), key=lambda s: (s.publisher.casefold(), s.date, s.title.casefold()))
    # A percent-encoded address is printed as the readable address it stands for (the same URL
    # as an IRI): "%d0%b2%d1%81-..." cannot wrap and runs off the page; "вс-россии-..." can.
    lines = [s.as_text()[: -len(s.url)] + readable_url(s.url) if s.as_text().endswith(s.url) else s.as_text()
             for s in ordered]
    return lines + sorted(extra) + sorted(changes), newest


def readable_url(url: str) -> str:
    """The URL with percent-encoded UTF-8 decoded where that gives readable text (never spaces)."""
    decoded = unquote(url)
    return decoded if decoded != url and " " not in decoded and decoded.isprintable() else url


def _text(value) -> str:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value)


def _scale_items(layout, page_mm):
    sx, sy = page_mm[0] / TEMPLATE_PAGE_MM[0], page_mm[1] / TEMPLATE_PAGE_MM[1]
    for item in layout.items():
        if not hasattr(item, "positionWithUnits") or item.id() == "":
            continue
        position, size = item.positionWithUnits(), item.sizeWithUnits()
        item.attemptMove(type(position)(position.x() * sx, position.y() * sy, position.units()))
        item.attemptResize(QgsLayoutSize(size.width() * sx, size.height() * sy, size.units()))
        if item.id() in ("title", "subtitle", "asof", "sources"):
            font = item.font()
            font.setPointSizeF(font.pointSizeF() * min(sx, sy) ** 0.5)
            item.setFont(font)


def build_briefing(project: QgsProject, extent_wgs84: QgsRectangle, crs: str, page: str = "A4 landscape",
                   title: str = "North Korean troops in Russia", subtitle: str = "",
                   name: str = "KPA briefing map", as_of: Optional[datetime.date] = None) -> Briefing:
    """A print layout from the template: the map of the extent, overview, legend, scale, sources.

    `as_of`: the map shows the picture of that day (QGIS's temporal range on the map item), and
    the sources are those of the features drawn on that day.
    """
    document = QDomDocument()
    document.setContent(TEMPLATE.read_text(encoding="utf-8"))
    layout = QgsPrintLayout(project)
    layout.loadFromTemplate(document, QgsReadWriteContext())
    layout.setName(name)
    page_mm = PAGES[page]
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(page_mm[0], page_mm[1], QgsUnitTypes.LayoutMillimeters))
    _scale_items(layout, page_mm)
    scale_factor = min(page_mm[0] / TEMPLATE_PAGE_MM[0], page_mm[1] / TEMPLATE_PAGE_MM[1]) ** 0.5

    visible = _visible_layers(project)
    map_crs = make_crs(crs)
    main_map = layout.itemById("map")
    main_map.setCrs(map_crs)
    main_map.setLayers(visible)
    main_map.setKeepLayerSet(True)
    to_map = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), map_crs, project)
    _frame(main_map, to_map.transformBoundingBox(extent_wgs84))

    overview = layout.itemById("overview")
    overview_layers = [l for l in visible if l.customProperty(LAYER_ID_PROPERTY) == "countries"]
    overview.setLayers(overview_layers or visible)
    overview.setKeepLayerSet(True)
    overview.setCrs(QgsCoordinateReferenceSystem("ESRI:102027"))
    _frame(overview, QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), overview.crs(),
                                            project).transformBoundingBox(QgsRectangle(*OVERVIEW_EXTENT)))
    frame = QgsLayoutItemMapOverview("extent", overview)
    frame.setLinkedMap(main_map)
    frame.setFrameSymbol(QgsFillSymbol.createSimple(
        {"color": "214,39,40,40", "outline_color": "214,39,40,255", "outline_width": "0.5"}))
    overview.overviews().addOverview(frame)

    legend = layout.itemById("legend")
    legend.setLinkedMap(main_map)
    # The legend's own copy of the layer tree: only the layers visible on the map,
    # without the base map; and within them only the classes present in the extent.
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    shown = {layer.id() for layer in visible
             if layer.customProperty(LAYER_ID_PROPERTY) not in ("countries", "provinces")}
    for node in root.findLayers():
        if node.layerId() not in shown:
            node.parent().removeChildNode(node)
    legend.setLegendFilterByMapEnabled(True)
    for group in root.findGroups():
        QgsLegendRenderer.setNodeLegendStyle(group, QgsLegendStyle.Hidden)
    for style, size, bold in ((QgsLegendStyle.Title, 9.0, True), (QgsLegendStyle.Group, 7.5, True),
                              (QgsLegendStyle.Subgroup, 7.0, True), (QgsLegendStyle.SymbolLabel, 6.5, False)):
        font = QFont("Noto Sans")
        font.setPointSizeF(size * scale_factor)
        font.setBold(bold)
        legend.rstyle(style).setFont(font)
    legend.setSymbolWidth(6.0 * scale_factor)
    legend.setSymbolHeight(3.5 * scale_factor)
    legend.setResizeToContents(False)

    scalebar = layout.itemById("scalebar")
    scalebar.setLinkedMap(main_map)

    window = _temporal_window(project)
    if as_of is not None:
        window = (day_range(as_of), "as of " + as_of.isoformat())
    elif window:
        window = (window[0], "time window " + window[1])
    if window:
        main_map.setIsTemporal(True)
        main_map.setTemporalRange(window[0])
    sources, newest = collect_sources(visible, extent_wgs84, project, window[0] if window else None)
    layout.itemById("title").setText(title)
    layout.itemById("subtitle").setText(subtitle + (" · " + window[1] if window else ""))
    # "Data as of" is the newest information among the features shown; a map of a past day says
    # which day it shows first, so a later source date does not read as the map's date.
    picture = "Picture of {} · ".format(as_of.isoformat()) if as_of is not None else ""
    layout.itemById("asof").setText("{}Data as of {}\nKPA Deployment Tracker".format(picture, newest or "–"))
    numbered = ["[{}] {}".format(i, line) for i, line in enumerate(sources, start=1)]
    block = layout.itemById("sources")
    if not numbered:
        block.setText("Sources: none in view")
    elif _fits(numbered, block):
        block.setText("Sources\n" + "\n".join(numbered))
    else:
        block.setText("Sources: the {} sources of the features in this map, [1] to [{}], are listed from "
                      "page 2 on.".format(len(numbered), len(numbered)))
        _sources_page(layout, page_mm, numbered, block.font())
    layout.refresh()
    # Sized once the map knows its scale: in the map's local projection it is right at its latitude.
    scalebar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.update()
    legend.updateFilterByMap(True)
    return Briefing(layout, sources, newest, [l.name() for l in visible])


def _fits(lines, block) -> bool:
    """Whether the lines (wrapped at the block's width) fit the sources block on page one."""
    line_mm = block.font().pointSizeF() * 0.3528 * 1.3
    wrapped = 1 + sum(1 + len(line) // LINE_CHARS for line in lines)
    return wrapped * line_mm <= block.sizeWithUnits().height()


def _sources_page(layout, page_mm, numbered, font) -> None:
    """Pages after the map with the full, numbered list of sources (text, so the PDF stays searchable).

    As many pages as the list needs: a label holds what fits its height, wrapped at its width.
    """
    margin = 10.0 * page_mm[0] / TEMPLATE_PAGE_MM[0]
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 1.25)
    line_mm = bigger.pointSizeF() * 0.3528 * 1.3
    height = page_mm[1] - 2 * margin
    chars = int(LINE_CHARS * (page_mm[0] - 2 * margin) / (page_mm[0] * 0.95) / 1.25)
    pages, current, used = [], [], 2  # "Sources" and a blank line
    for line in numbered:
        rows = 1 + len(line) // max(chars, 40)
        if current and (used + rows) * line_mm > height:
            pages.append(current)
            current, used = [], 2
        current.append(line)
        used += rows
    pages.append(current)
    for number, lines in enumerate(pages, start=1):
        page = QgsLayoutItemPage(layout)
        page.setPageSize(QgsLayoutSize(page_mm[0], page_mm[1], QgsUnitTypes.LayoutMillimeters))
        layout.pageCollection().addPage(page)
        label = QgsLayoutItemLabel(layout)
        label.setId("sources_page" if number == 1 else "sources_page_{}".format(number))
        label.setFont(bigger)
        heading = "Sources" if len(pages) == 1 else "Sources ({} of {})".format(number, len(pages))
        label.setText(heading + "\n\n" + "\n".join(lines))
        layout.addLayoutItem(label)
        label.attemptMove(QgsLayoutPoint(margin, margin, QgsUnitTypes.LayoutMillimeters), page=number)
        label.attemptResize(QgsLayoutSize(page_mm[0] - 2 * margin, height, QgsUnitTypes.LayoutMillimeters))


def _frame(map_item, box: QgsRectangle) -> None:
    """Show at least the box, widened to the item's own shape.

    (setExtent would reshape the item to the box; zoomToExtent needs an extent to
    start from, which a map fresh from the template does not have.)
    """
    shape = map_item.rect().width() / map_item.rect().height()
    box = QgsRectangle(box)
    if box.width() / box.height() > shape:
        grow = (box.width() / shape - box.height()) / 2
        box.setYMinimum(box.yMinimum() - grow)
        box.setYMaximum(box.yMaximum() + grow)
    else:
        grow = (box.height() * shape - box.width()) / 2
        box.setXMinimum(box.xMinimum() - grow)
        box.setXMaximum(box.xMaximum() + grow)
    map_item.setExtent(box)


def _temporal_window(project: QgsProject):
    """The Temporal Controller's range when it has one (desktop only; None headless)."""
    try:
        from qgis.utils import iface
    except ImportError:
        return None
    if iface is None or not hasattr(iface, "mapCanvas"):
        return None
    controller = iface.mapCanvas().temporalController()
    if controller is None or not hasattr(controller, "navigationMode"):
        return None
    if controller.navigationMode() == controller.NavigationOff:
        return None
    frame = controller.dateTimeRangeForFrameNumber(controller.currentFrameNumber())
    text = "{} – {}".format(frame.begin().toString("yyyy-MM-dd"), frame.end().toString("yyyy-MM-dd"))
    return frame, text


def export(briefing: Briefing, output: Path, page: str) -> Path:
    """PDF (text stays text) or PNG by the output's extension."""
    output = Path(output)
    exporter = QgsLayoutExporter(briefing.layout)
    if output.suffix.lower() == ".pdf":
        settings = QgsLayoutExporter.PdfExportSettings()
        settings.rasterizeWholeImage = False
        settings.forceVectorOutput = True
        settings.textRenderFormat = QgsRenderContext.TextFormatAlwaysText  # searchable text
        status = exporter.exportToPdf(str(output), settings)
    elif output.suffix.lower() == ".png":
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = SLIDE_DPI if page.startswith("Slide") else PRINT_DPI
        status = exporter.exportToImage(str(output), settings)
    else:
        raise ValueError("the output must end in .pdf or .png, not {}".format(output.suffix))
    if status != QgsLayoutExporter.Success:
        raise RuntimeError("export to {} failed: {}".format(output, exporter.errorMessage()))
    return output


def add_to_project(project: QgsProject, briefing: Briefing) -> None:
    """Add (or replace) the layout in the project, so it can be edited in the layout designer."""
    manager = project.layoutManager()
    existing = manager.layoutByName(briefing.layout.name())
    if existing is not None:
        manager.removeLayout(existing)
    manager.addLayout(briefing.layout)

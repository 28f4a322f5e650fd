"""Briefing maps: the plugin's print-layout template filled for a preset or extent at a date, with its sources.

Everything here runs without widgets, so the dock and the Processing algorithm
(headless, in qgis_process) make the same map.
"""

import datetime
import getpass
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFillSymbol,
    QgsLayoutExporter,
    QgsLayoutItemLabel,
    QgsLayoutItemMapOverview,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF
from qgis.PyQt.QtXml import QDomDocument

from ...toolbelt.i18n import tr
from ..project.frame import THEATRE_CRS
from ..project.layers import LAYER_ID_PROPERTY
from . import legend as legend_fit
from . import marks, pdf
from .sources import Cited, collect, day_range, readable_url, temporal_request  # noqa: F401 (re-exported)

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
    Preset("theatre", "From the ports to Kursk", (30.0, 34.0, 142.0, 60.0), THEATRE_CRS),
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
SLIDE_DPI = 96
PRINT_DPI = 200
WHOLE_REGION_DEG = 40.0  # a map wider than this (the theatre) needs no overview
SOURCE_PT = 8.5  # the source pages' text on A4 (scaled with the page)


@dataclass
class Briefing:
    layout: QgsPrintLayout
    sources: List[str]
    as_of: str
    visible_layers: List[str]
    day: Optional[datetime.date] = None
    urls: List[str] = field(default_factory=list)
    blocks: List[pdf.Block] = field(default_factory=list)
    numbers_layer: object = None  # the map's "[n]" labels (a memory layer the map item draws)


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


def parse_as_of(value, parameter: str = "AS_OF", today: Optional[datetime.date] = None) -> datetime.date:
    """A yyyy-mm-dd date no later than today, or ValueError with a sentence naming the parameter."""
    today = today or datetime.date.today()
    text = str(value or "").strip()
    try:
        if len(text) != 10:
            raise ValueError(text)
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise ValueError(tr("{} must be a date written yyyy-mm-dd, such as 2025-03-13, not '{}'.")
                         .format(parameter, text)) from None
    if day > today:
        raise ValueError(tr("{} is {}, a date in the future: a briefing can show today ({}) at the latest.")
                         .format(parameter, day.isoformat(), today.isoformat()))
    return day


def default_as_of() -> datetime.date:
    """The Temporal Controller's current frame when it is on (desktop), else today."""
    frame = _temporal_frame()
    if frame is not None:
        day = frame.begin().date()
        return min(datetime.date(day.year(), day.month(), day.day()), datetime.date.today())
    return datetime.date.today()


def default_author() -> str:
    name = QgsApplication.userFullName() or QgsApplication.userLoginName()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):
            name = ""
    return name


def _visible_layers(project: QgsProject):
    root = project.layerTreeRoot()
    return [node.layer() for node in root.findLayers() if node.isVisible() and node.layer() is not None]


def collect_sources(layers, extent_wgs84: QgsRectangle, project: QgsProject, window=None) -> Tuple[List[str], str]:
    """Every source of the features inside the extent (and drawn in the time window), and the newest as_of."""
    cited = collect(layers, extent_wgs84, project, window)
    return cited.lines, cited.newest


def load_template(project: QgsProject, page_mm: Tuple[float, float], name: str) -> QgsPrintLayout:
    document = QDomDocument()
    document.setContent(TEMPLATE.read_text(encoding="utf-8"))
    layout = QgsPrintLayout(project)
    layout.loadFromTemplate(document, QgsReadWriteContext())
    layout.setName(name)
    layout.pageCollection().page(0).setPageSize(QgsLayoutSize(page_mm[0], page_mm[1], QgsUnitTypes.LayoutMillimeters))
    _scale_items(layout, page_mm)
    return layout


def _scale_items(layout, page_mm):
    sx, sy = page_mm[0] / TEMPLATE_PAGE_MM[0], page_mm[1] / TEMPLATE_PAGE_MM[1]
    for item in layout.items():
        if not hasattr(item, "positionWithUnits") or item.id() == "":
            continue
        position, size = item.positionWithUnits(), item.sizeWithUnits()
        item.attemptMove(type(position)(position.x() * sx, position.y() * sy, position.units()))
        item.attemptResize(QgsLayoutSize(size.width() * sx, size.height() * sy, size.units()))
        if isinstance(item, QgsLayoutItemLabel):
            font = item.font()
            font.setPointSizeF(font.pointSizeF() * min(sx, sy) ** 0.5)
            item.setFont(font)


def set_maps(layout, project, visible, extent_wgs84: QgsRectangle, crs: str):
    """The main map (extent, projection, layers) and the overview around it; returns the main map."""
    map_crs = make_crs(crs)
    main_map = layout.itemById("map")
    main_map.setCrs(map_crs)
    main_map.setLayers(visible)
    main_map.setKeepLayerSet(True)
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    _frame(main_map, QgsCoordinateTransform(wgs84, map_crs, project).transformBoundingBox(extent_wgs84))

    overview = layout.itemById("overview")
    if extent_wgs84.width() > WHOLE_REGION_DEG:
        give_way(layout, overview, layout.itemById("legend"))
        return main_map
    overview_layers = [l for l in visible if l.customProperty(LAYER_ID_PROPERTY) == "countries"]
    overview.setLayers(overview_layers or visible)
    overview.setKeepLayerSet(True)
    overview.setCrs(map_crs)
    _frame(overview, QgsCoordinateTransform(wgs84, map_crs, project).transformBoundingBox(
        overview_extent(extent_wgs84)))
    frame = QgsLayoutItemMapOverview("extent", overview)
    frame.setLinkedMap(main_map)
    frame.setFrameSymbol(QgsFillSymbol.createSimple(
        {"color": "214,39,40,60", "outline_color": "214,39,40,255", "outline_width": "0.6"}))
    overview.overviews().addOverview(frame)
    return main_map


def give_way(layout, overview, legend) -> None:
    """A map as wide as the region is its own overview: the legend takes the overview's place."""
    top, bottom = overview.positionWithUnits().y(), legend.positionWithUnits().y() + legend.sizeWithUnits().height()
    legend.attemptMove(QgsLayoutPoint(legend.positionWithUnits().x(), top, QgsUnitTypes.LayoutMillimeters))
    legend.attemptResize(QgsLayoutSize(legend.sizeWithUnits().width(), bottom - top, QgsUnitTypes.LayoutMillimeters))
    layout.removeLayoutItem(overview)


def overview_extent(extent: QgsRectangle) -> QgsRectangle:
    """The region around the map: wide enough to place it (14° at least), not the whole continent."""
    width = max(extent.width() * 1.6, 14.0)
    height = max(extent.height() * 1.6, 9.0)
    centre = extent.center()
    west, east = max(centre.x() - width / 2, -10.0), min(centre.x() + width / 2, 180.0)
    south, north = max(centre.y() - height / 2, 0.0), min(centre.y() + height / 2, 80.0)
    return QgsRectangle(west, south, east, north)


def build_briefing(project: QgsProject, extent_wgs84: QgsRectangle, crs: str, page: str = "A4 landscape",
                   title: str = "North Korean troops in Russia", subtitle: str = "",
                   name: str = "KPA briefing map", as_of: Optional[datetime.date] = None,
                   author: Optional[str] = None, handling: str = "") -> Briefing:
    """A print layout from the template: the map of the extent on a day, overview, legend, scale, sources.

    `as_of` (default: the Temporal Controller's frame when it is on, else today): the map shows the
    picture of that day (QGIS's temporal range on the map item), and the sources are those of the
    features drawn on that day, curated and the analyst's sightings.
    """
    day = as_of or default_as_of()
    page_mm = PAGES[page]
    layout = load_template(project, page_mm, name)
    scale = min(page_mm[0] / TEMPLATE_PAGE_MM[0], page_mm[1] / TEMPLATE_PAGE_MM[1]) ** 0.5
    visible = _visible_layers(project)
    main_map = set_maps(layout, project, visible, extent_wgs84, crs)
    window = day_range(day)
    main_map.setIsTemporal(True)
    main_map.setTemporalRange(window)

    cited = collect(visible, extent_wgs84, project, window)
    numbers = marks.numbers_layer(cited.marks, scale, window)
    main_map.setLayers([numbers] + visible)  # the numbers on top of everything
    newest = cited.newest
    layout.itemById("title").setText(title)
    layout.itemById("subtitle").setText(tr("{} · as of {}").format(subtitle, day.isoformat()) if subtitle
                                        else tr("Map as of {}").format(day.isoformat()))
    # The map's day first, so a later date of the information shown does not read as the map's date.
    layout.itemById("asof").setText(tr("Picture of {}\nNewest information shown: {}")
                                    .format(day.isoformat(), newest or "–"))
    set_footer(layout, author, handling, len(cited.lines))
    blocks = add_source_pages(layout, page_mm, cited, scale)
    layout.refresh()
    scalebar = layout.itemById("scalebar")
    scalebar.setLinkedMap(main_map)
    # Sized once the map knows its scale: in the map's local projection it is right at its latitude.
    scalebar.applyDefaultSize(QgsUnitTypes.DistanceKilometers)
    scalebar.setUnitLabel("km")
    scalebar.update()
    legend_fit.fill(layout.itemById("legend"), main_map, visible, scale)
    return Briefing(layout, cited.lines, newest, [l.name() for l in visible], day, cited.urls, blocks, numbers)


def set_footer(layout, author: Optional[str], handling: str, count: int) -> None:
    author = default_author() if author is None else author
    produced = tr("Produced {} by {}").format(datetime.date.today().isoformat(), author) if author \
        else tr("Produced {}").format(datetime.date.today().isoformat())
    lines = [produced + " · KPA Deployment Tracker"]
    if handling:
        lines.append(tr("Handling: {}").format(handling))
    layout.itemById("produced").setText("\n".join(lines))
    layout.itemById("caveat").setText(tr("Positions are approximate; see each source."))
    note = layout.itemById("sources")
    if count:
        note.setText(tr("Sources: the numbers on the map, [1] to [{}], are the sources listed from page 2 on.")
                     .format(count))
    else:
        note.setText(tr("Sources: none for what this map shows."))


def add_source_pages(layout, page_mm, cited: Cited, scale: float, first_page: int = 1) -> List[pdf.Block]:
    """Pages after the map with the full, numbered list (text, so the PDF stays searchable; links in PDF).

    As many pages as the list needs, measured with the text layout that draws them.
    """
    if not cited.lines:
        return []
    margin = 12.0 * page_mm[0] / TEMPLATE_PAGE_MM[0]
    font_pt = SOURCE_PT * scale
    entries = [pdf.entry_html(i, line, url) for i, (line, url) in enumerate(zip(cited.lines, cited.urls), start=1)]
    box = QRectF(margin, margin, page_mm[0] - 2 * margin, page_mm[1] - 2 * margin)
    heading = pdf.heading_html(tr("Sources"), font_pt)
    groups = pdf.paginate(entries, heading, box.width(), box.height(), font_pt)
    blocks, number = [], 1
    for index, group in enumerate(groups):
        page = QgsLayoutItemPage(layout)
        page.setPageSize(QgsLayoutSize(page_mm[0], page_mm[1], QgsUnitTypes.LayoutMillimeters))
        layout.pageCollection().addPage(page)
        text = tr("Sources") if len(groups) == 1 else tr("Sources ({} of {})").format(index + 1, len(groups))
        blocks.append(pdf.Block(first_page + index, box, pdf.heading_html(text, font_pt) + "".join(group), font_pt))
        # The same list as a plain label, for the layout designer and PNG export.
        label = QgsLayoutItemLabel(layout)
        label.setId(pdf.SOURCE_LABEL_PREFIX + ("" if index == 0 else "_{}".format(index + 1)))
        font = layout.itemById("sources").font()
        font.setPointSizeF(font_pt)
        label.setFont(font)
        label.setText(text + "\n\n" + "\n".join(
            "[{}] {}".format(n, line) for n, line in enumerate(cited.lines[number - 1:number - 1 + len(group)],
                                                             start=number)))
        number += len(group)
        layout.addLayoutItem(label)
        label.attemptMove(QgsLayoutPoint(box.x(), box.y(), QgsUnitTypes.LayoutMillimeters), page=first_page + index)
        label.attemptResize(QgsLayoutSize(box.width(), box.height(), QgsUnitTypes.LayoutMillimeters))
    return blocks


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


def _temporal_frame():
    """The Temporal Controller's current frame when it is on (desktop only; None headless)."""
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
    return controller.dateTimeRangeForFrameNumber(controller.currentFrameNumber())


def export(briefing: Briefing, output: Path, page: str) -> Path:
    """PDF (text stays text, sources are links) or PNG by the output's extension."""
    output = Path(output)
    if output.suffix.lower() == ".pdf":
        return pdf.export_pdf(briefing.layout, output, briefing.blocks, briefing.layout.itemById("title").text())
    if output.suffix.lower() != ".png":
        raise ValueError("the output must end in .pdf or .png, not {}".format(output.suffix))
    exporter = QgsLayoutExporter(briefing.layout)
    settings = QgsLayoutExporter.ImageExportSettings()
    settings.dpi = SLIDE_DPI if page.startswith("Slide") else PRINT_DPI
    status = exporter.exportToImage(str(output), settings)
    if status != QgsLayoutExporter.Success:
        raise RuntimeError("export to {} failed: {}".format(output, exporter.errorMessage()))
    return output


def add_to_project(project: QgsProject, briefing: Briefing) -> None:
    """Add (or replace) the layout in the project, so it can be edited in the layout designer; the
    map's numbers layer goes into the project too (not the layer tree), so the layout keeps it."""
    manager = project.layoutManager()
    existing = manager.layoutByName(briefing.layout.name())
    if existing is not None:
        manager.removeLayout(existing)
    old = [l.id() for l in project.mapLayers().values() if l.customProperty(marks.NUMBERS_PROPERTY)
           == briefing.layout.name()]
    project.removeMapLayers(old)
    if briefing.numbers_layer is not None:
        briefing.numbers_layer.setCustomProperty(marks.NUMBERS_PROPERTY, briefing.layout.name())
        project.addMapLayer(briefing.numbers_layer, False)
    manager.addLayout(briefing.layout)

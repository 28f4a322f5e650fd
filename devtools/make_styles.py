"""Write the curated layers' QML styles (development time): `python -m devtools.make_styles`.

The styles are data files shipped in kpa_tracker/layers/styles/; this script is
how they are made reproducibly. Edit here, run, look at the map, commit the QML.
"""

import sys

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
    QgsHashedLineSymbolLayer,
    QgsLineSymbol,
    QgsMarkerLineSymbolLayer,
    QgsMarkerSymbol,
    QgsPalLayerSettings,
    QgsFontMarkerSymbolLayer,
    QgsGeometryGeneratorSymbolLayer,
    QgsSymbol,
    QgsPointClusterRenderer,
    QgsSimpleMarkerSymbolLayer,
    QgsRendererCategory,
    QgsCategorizedSymbolRenderer,
    QgsProperty,
    QgsRuleBasedLabeling,
    QgsRuleBasedRenderer,
    QgsSimpleFillSymbolLayer,
    QgsSimpleLineSymbolLayer,

    QgsSingleSymbolRenderer,
    QgsSvgMarkerSymbolLayer,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QPointF, Qt
from qgis.PyQt.QtGui import QColor, QFont

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.curated.store import qgs_fields

STYLES = curated.LAYERS_DIR / "styles"
# The symbol for a feature: its SIDC with the status digit set from our status,
# so reported and claimed features get APP-6's dashed frame.
SVG_PATH_EXPRESSION = (
    "'kpa_app6/' || left(\"sidc\", 6) || "
    "if(\"status\" IN ('reported', 'claimed'), '1', '0') || substr(\"sidc\", 8) || '.svg'"
)
UNCERTAIN = "\"status\" IN ('reported', 'claimed')"
# A unit's symbol also gets the dashed frame when its position is known only to a region.
UNIT_SVG_PATH_EXPRESSION = (
    "'kpa_app6/' || left(\"sidc\", 6) || "
    "if(\"status\" IN ('reported', 'claimed') OR \"precision\" = 'region', '1', '0') || "
    "substr(\"sidc\", 8) || '.svg'"
)
# A place known only to its district or oblast is drawn as an area of about this size, in metres on the
# ground (the data does not say which district or how large; a Russian district is some 30-60 km across).
REGION_DIAMETER_M = 80000
# Stacked units merge into one count marker at their centroid when closer than this (mm on the map):
# nothing is drawn away from where it was reported, at any scale.
CLUSTER_TOLERANCE_MM = 4.0


def text_format(size=8.5, bold=False, color="#1d1d1d", buffer=True) -> QgsTextFormat:
    fmt = QgsTextFormat()
    font = QFont("Noto Sans")
    font.setBold(bold)
    fmt.setFont(font)
    fmt.setSize(size)
    fmt.setColor(QColor(color))
    if buffer:
        buf = QgsTextBufferSettings()
        buf.setEnabled(True)
        buf.setSize(0.8)
        buf.setColor(QColor(255, 255, 255, 230))
        fmt.setBuffer(buf)
    return fmt


def labels(expression, size=8.5, bold=False, max_scale_denominator=None, placement=None,
           dist=1.5, color="#1d1d1d", priority=5) -> QgsVectorLayerSimpleLabeling:
    settings = QgsPalLayerSettings()
    settings.fieldName = expression
    settings.isExpression = True
    settings.setFormat(text_format(size, bold, color))
    settings.dist = dist
    settings.priority = priority
    if placement is not None:
        settings.placement = placement
    if max_scale_denominator:
        # Labels only when zoomed in further than 1:max_scale_denominator.
        settings.scaleVisibility = True
        settings.minimumScale = max_scale_denominator
        settings.maximumScale = 0
    return QgsVectorLayerSimpleLabeling(settings)


def memory_layer(layer_id: str) -> QgsVectorLayer:
    layer_def = next(layer for layer in curated.load_catalogue() if layer.id == layer_id)
    geometry = {"Point": "Point", "LineString": "MultiLineString", "Polygon": "Polygon"}.get(
        layer_def.geometry, "Polygon")
    layer = QgsVectorLayer("{}?crs=EPSG:4326".format(geometry), layer_def.title, "memory")
    layer.dataProvider().addAttributes(qgs_fields(layer_def).toList())
    layer.updateFields()
    return layer


def svg_symbol(size_mm: float, expression: str = SVG_PATH_EXPRESSION,
               default: str = "kpa_app6/10061000181211000001.svg") -> QgsMarkerSymbol:
    """The APP-6 symbol of each feature; `default` is what the legend shows."""
    svg = QgsSvgMarkerSymbolLayer(default, size_mm)
    svg.setDataDefinedProperty(QgsSymbolLayer.PropertyName, QgsProperty.fromExpression(expression))
    symbol = QgsMarkerSymbol()
    symbol.changeSymbolLayer(0, svg)
    return symbol


def save(layer: QgsVectorLayer, name: str) -> None:
    path = STYLES / name
    message, ok = layer.saveNamedStyle(str(path))
    if not ok:
        raise SystemExit("could not write {}: {}".format(path, message))
    print("wrote", path)


# Drawn only from this scale out (1:N): closer in, the area would tint the whole front view, and the
# dashed frame and the label carry the precision.
REGION_AREA_FROM_SCALE = 800000
REGION_AREA_EXPRESSION = (
    "if(@map_scale < {scale}, NULL, transform(buffer(transform($geometry, @layer_crs, 'EPSG:3857'), "
    # Web Mercator stretches distances by 1/cos(latitude): divide it back out for metres on the ground.
    "{radius} / cos(radians(y(transform($geometry, @layer_crs, 'EPSG:4326')))), 36), 'EPSG:3857', @layer_crs))"
).format(scale=REGION_AREA_FROM_SCALE, radius=REGION_DIAMETER_M // 2)


def region_marker_area() -> QgsSimpleMarkerSymbolLayer:
    """The same area as a marker sized in metres on the ground, for the unit layers: QGIS's point
    cluster renderer draws a single unit through renderPoint, which skips geometry generators."""
    # Its own size is 0 and only the data-defined size gives it metres: the legend scales a symbol
    # by its largest layer's size, and 80,000 "metres" left the unit frame too small to see there.
    area = QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayer.Circle, 0.0)
    area.setSizeUnit(QgsUnitTypes.RenderMetersInMapUnits)
    # No map scale: the layer tree's legend icon, which would draw it at the size of a whole page.
    area.setDataDefinedProperty(QgsSymbolLayer.PropertySize, QgsProperty.fromExpression(
        "if(@map_scale IS NULL OR @map_scale < {}, 0, {})".format(REGION_AREA_FROM_SCALE, REGION_DIAMETER_M)))
    area.setColor(QColor(150, 40, 40, 30))
    area.setStrokeColor(QColor(150, 40, 40, 170))
    area.setStrokeStyle(Qt.PenStyle.DashLine)
    area.setStrokeWidth(0.35)
    return area


def region_area() -> QgsGeometryGeneratorSymbolLayer:
    """A translucent dashed circle of a region's size around the point: "somewhere in here".

    A geometry generator, not a marker in map units: the labelling engine does not treat
    it as an obstacle, so settlement names inside the area stay.
    """
    fill = QgsSimpleFillSymbolLayer(QColor(150, 40, 40, 30), strokeColor=QColor(150, 40, 40, 170),
                                    strokeWidth=0.35)
    fill.setStrokeStyle(Qt.PenStyle.DashLine)
    sub = QgsFillSymbol()
    sub.changeSymbolLayer(0, fill)
    area = QgsGeometryGeneratorSymbolLayer.create({"geometryModifier": REGION_AREA_EXPRESSION})
    area.setSymbolType(QgsSymbol.Fill)
    area.setSubSymbol(sub)
    return area


# The units legend: what the frame of a unit symbol says about its position.
PRECISION_RULES = (
    ("site", "Position known to the site (dashed frame: only reported or claimed)"),
    ("town", "Position known to a town (dashed frame: only reported or claimed)"),
    ("region", "Position known only to a region: dashed frame, shaded area about {} km across".format(
        REGION_DIAMETER_M // 1000)),
)


def precision_renderer(size_mm: float) -> QgsRuleBasedRenderer:
    """Unit symbols by how precisely the position is known, so the legend keys the dashed frame."""
    root = QgsRuleBasedRenderer.Rule(None)
    for precision, title in PRECISION_RULES:
        default = "kpa_app6/1006101{}.svg" if precision == "region" else "kpa_app6/1006100{}.svg"
        symbol = svg_symbol(size_mm, UNIT_SVG_PATH_EXPRESSION, default.format("0181211000001"))
        if precision == "region":
            symbol.insertSymbolLayer(0, region_marker_area())
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "\"precision\" = '{}'".format(precision), title))
    return QgsRuleBasedRenderer(root)


def count_marker() -> QgsMarkerSymbol:
    """Where units are stacked: one unit frame at their centroid, with their number (@cluster_size) on a badge."""
    marker = QgsMarkerSymbol.createSimple({"name": "diamond", "size": "6.4", "color": "#ff8080",
                                           "outline_color": "#000000", "outline_width": "0.35"})
    badge = QgsSimpleMarkerSymbolLayer(QgsSimpleMarkerSymbolLayer.Circle, 4.4)
    badge.setColor(QColor("#5a1414"))
    badge.setStrokeColor(QColor("#ffffff"))
    badge.setStrokeWidth(0.35)
    badge.setOffset(QPointF(3.0, -3.0))
    count = QgsFontMarkerSymbolLayer("Noto Sans", "0", 3.3, QColor("#ffffff"))
    count.setFontStyle("Bold")
    count.setOffset(QPointF(3.0, -3.0))
    count.setDataDefinedProperty(QgsSymbolLayer.PropertyCharacter, QgsProperty.fromExpression("@cluster_size"))
    marker.appendSymbolLayer(badge)
    marker.appendSymbolLayer(count)
    return marker


def stacked_renderer(size_mm: float) -> QgsPointClusterRenderer:
    """Units that would hide each other become one count marker at their true place.

    Chosen over the displacement ring: the ring's radius is in millimetres, so at theatre
    scale it threw the units 250 km from where they are; the cluster marker sits at the
    centroid of symbols closer than CLUSTER_TOLERANCE_MM, and clicking it selects them all.
    """
    renderer = QgsPointClusterRenderer()
    renderer.setEmbeddedRenderer(precision_renderer(size_mm))
    renderer.setTolerance(CLUSTER_TOLERANCE_MM)
    renderer.setToleranceUnit(QgsUnitTypes.RenderMillimeters)
    renderer.setClusterSymbol(count_marker())
    return renderer


def blocking_labels(expression, max_scale_denominator, priority=6) -> QgsRuleBasedLabeling:
    """The unit labels (from 1:max_scale_denominator in), and at every scale a rule that draws no
    text but keeps other layers' labels (settlements, provinces, countries) off the unit symbols."""
    root = QgsRuleBasedLabeling.Rule(None)
    text = labels(expression, size=7.5, bold=True, color="#5a1414", priority=priority,
                  placement=QgsPalLayerSettings.OrderedPositionsAroundPoint, dist=2.0).settings()
    blocking = QgsPalLayerSettings(text)
    # The obstacles are the blocking rule's; the text's own would count a region's area as one.
    obstacle = text.obstacleSettings()
    obstacle.setIsObstacle(False)
    text.setObstacleSettings(obstacle)
    root.appendChild(QgsRuleBasedLabeling.Rule(text, 0, max_scale_denominator, "", "Unit labels"))
    blocking.drawLabels = False
    obstacle = blocking.obstacleSettings()
    obstacle.setIsObstacle(True)
    obstacle.setFactor(1.0)
    blocking.setObstacleSettings(obstacle)
    # Not for a region's units: their symbol's bounds include the area, which would clear every
    # settlement name from it.
    root.appendChild(QgsRuleBasedLabeling.Rule(blocking, 0, 0, "\"precision\" <> 'region'",
                                               "Keep other labels off the symbols"))
    return QgsRuleBasedLabeling(root)


def units_style():
    layer = memory_layer("units")
    layer.setRenderer(stacked_renderer(8.0))
    layer.setLabeling(blocking_labels("\"designation\"", 10000000))
    layer.setLabelsEnabled(True)
    save(layer, "units.qml")


def bases_style():
    layer = memory_layer("bases")
    layer.setRenderer(QgsSingleSymbolRenderer(svg_symbol(6.0)))
    layer.setLabeling(labels(
        "regexp_replace(\"name\", '\\\\s*\\\\(.*\\\\)$', '')", size=8, bold=True,
        placement=QgsPalLayerSettings.OrderedPositionsAroundPoint, dist=1.0, priority=8))
    layer.setLabelsEnabled(True)
    save(layer, "bases.qml")


def kursk_sites_style():
    layer = memory_layer("kursk_sites")
    root = QgsRuleBasedRenderer.Rule(None)
    for damage, shape, color in (("destroyed", "cross2", "#b00000"), ("damaged", "triangle", "#e07000")):
        symbol = QgsMarkerSymbol.createSimple({
            "name": shape, "size": "3.2", "color": color, "outline_color": "#202020",
            "outline_width": "0.4" if damage == "destroyed" else "0.25"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "\"damage\" = '{}'".format(damage),
                                                   damage.capitalize()))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setLabeling(labels("regexp_replace(\"name\", '\\\\s*\\\\(.*\\\\)$', '')", size=8,
                             max_scale_denominator=3000000,
                             placement=QgsPalLayerSettings.OrderedPositionsAroundPoint))
    layer.setLabelsEnabled(True)
    save(layer, "kursk_sites.qml")


# Events by category: shape and colour, so a week's events read at a glance.
EVENT_STYLES = (
    ("deployment", "triangle", "#6a3d9a"), ("training", "square", "#8c6bb1"),
    ("combat", "star", "#c0161d"), ("strike", "cross2", "#e31a1c"),
    ("prisoners", "diamond", "#ff7f00"), ("withdrawal", "arrowhead", "#b15928"),
    ("control", "hexagon", "#1f78b4"), ("acknowledgement", "circle", "#33a02c"),
    ("engineering", "pentagon", "#7f6000"), ("memorial", "circle", "#4d4d4d"),
    ("diplomacy", "square", "#1b9e77"),
)
# Marker shapes QGIS draws with their stroke only (no fill).
LINE_SHAPES = ("cross2", "cross", "line", "arrowhead")
# Settlement ranks: label and marker only from this scale in (1:N), so the front reads at every zoom.
# Province labels stop at this scale (1:N): larger scales are the front's.
PROVINCE_LABELS_FROM_SCALE = 2000000
COUNTRY_LABELS_FROM_SCALE = 1000000
SETTLEMENT_SCALES = {1: 40000000, 2: 6000000, 3: 1500000, 4: 500000}


def events_style():
    layer = memory_layer("events")
    root = QgsRuleBasedRenderer.Rule(None)
    for category, shape, color in EVENT_STYLES:
        if shape in LINE_SHAPES:  # drawn by its stroke alone: a white stroke would be no symbol at all
            symbol = QgsMarkerSymbol.createSimple({
                "name": shape, "size": "3.6", "color": color, "outline_color": color, "outline_width": "0.8"})
            symbol.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeWidth,
                                                         QgsProperty.fromExpression(
                "if(\"status\" IN ('refuted', 'claimed'), 0.4, 0.8)"))  # thin: what was said, not seen
            root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "\"category\" = '{}'".format(category),
                                                       category.capitalize()))
            continue
        symbol = QgsMarkerSymbol.createSimple({
            "name": shape, "size": "3.4", "color": color, "outline_color": "#ffffff", "outline_width": "0.35"})
        # A refuted or claimed event is drawn hollow: what was said, not what was seen.
        symbol.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertyFillColor, QgsProperty.fromExpression(
            "if(\"status\" IN ('refuted', 'claimed'), '255,255,255,255', '{}')".format(
                ",".join(str(c) for c in QColor(color).getRgb()))))
        symbol.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeColor, QgsProperty.fromExpression(
            "if(\"status\" IN ('refuted', 'claimed'), '{}', '255,255,255,255')".format(
                ",".join(str(c) for c in QColor(color).getRgb()))))
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, 0, "\"category\" = '{}'".format(category),
                                                   category.capitalize()))
    # Known only to the district or oblast (precision region): a shaded dashed area of a region's
    # size around the point says "somewhere in here", so it does not read as an event in the town itself.
    area = QgsMarkerSymbol()
    area.changeSymbolLayer(0, region_area())
    root.appendChild(QgsRuleBasedRenderer.Rule(area, 0, 0, "\"precision\" = 'region'",
                                               "Place known only to the district or oblast (area about {} km across)"
                                               .format(REGION_DIAMETER_M // 1000)))
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setLabeling(labels("\"name\" || if(\"changed_on\" IS NOT NULL, ' (changed by you)', '')",
                             size=7, max_scale_denominator=800000, color="#3a3a3a", priority=3,
                             placement=QgsPalLayerSettings.OrderedPositionsAroundPoint))
    layer.setLabelsEnabled(True)
    save(layer, "events.qml")


def unit_positions_style():
    layer = memory_layer("unit_positions")
    layer.setRenderer(stacked_renderer(7.0))
    layer.setLabeling(blocking_labels(
        "\"designation\" || ' – ' || coalesce(\"sector\", '') || "
        "if(\"precision\" = 'region', ' (region only)', '')", 3000000, priority=9))
    layer.setLabelsEnabled(True)
    save(layer, "unit_positions.qml")


def settlements_style():
    layer = memory_layer("settlements")
    root = QgsRuleBasedRenderer.Rule(None)
    label_root = QgsRuleBasedLabeling.Rule(None)
    for rank, scale in SETTLEMENT_SCALES.items():
        size = {1: "2.6", 2: "2.0", 3: "1.5", 4: "1.2"}[rank]
        symbol = QgsMarkerSymbol.createSimple({"name": "circle", "size": size, "color": "#ffffff",
                                               "outline_color": "#333333", "outline_width": "0.3"})
        root.appendChild(QgsRuleBasedRenderer.Rule(symbol, 0, scale, "\"rank\" = {}".format(rank),
                                                   "Rank {}".format(rank)))
        settings = QgsPalLayerSettings()
        settings.fieldName = "\"name\""
        settings.isExpression = True
        settings.setFormat(text_format(size={1: 9.5, 2: 8.5, 3: 7.5, 4: 7}[rank], bold=rank == 1,
                                       color="#222222" if rank < 3 else "#444444"))
        settings.placement = QgsPalLayerSettings.OrderedPositionsAroundPoint
        settings.dist = 0.8
        settings.priority = {1: 7, 2: 6, 3: 4, 4: 2}[rank]
        label_rule = QgsRuleBasedLabeling.Rule(settings, 0, scale, "\"rank\" = {}".format(rank),
                                               "Rank {}".format(rank))
        label_root.appendChild(label_rule)
    layer.setRenderer(QgsRuleBasedRenderer(root))
    layer.setLabeling(QgsRuleBasedLabeling(label_root))
    layer.setLabelsEnabled(True)
    save(layer, "settlements.qml")



def movement_symbol(color: str) -> QgsLineSymbol:
    """A line along the leg's geodesic, with an arrowhead at its end.

    (QGIS's arrow symbol layer draws straight from first to last vertex, which
    would hide the great circle; this follows every vertex.)
    """
    line = QgsSimpleLineSymbolLayer(QColor(color), 0.7)
    line.setWidthUnit(QgsUnitTypes.RenderMillimeters)
    # Reported and claimed legs are dashed, firmer ones solid.
    line.setDataDefinedProperty(QgsSymbolLayer.PropertyStrokeStyle, QgsProperty.fromExpression(
        "if({}, 'dash', 'solid')".format(UNCERTAIN)))
    head = QgsMarkerSymbol.createSimple({
        "name": "filled_arrowhead", "size": "3.6", "color": color, "outline_color": color,
        "outline_width": "0.1", "angle": "0"})
    arrow = QgsMarkerLineSymbolLayer(True)
    arrow.setPlacement(QgsMarkerLineSymbolLayer.LastVertex)
    arrow.setSubSymbol(head)
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, line)
    symbol.appendSymbolLayer(arrow)
    return symbol


def movements_style():
    layer = memory_layer("movements")
    categories = []
    for mode, color, title in (("sea", "#1f5fa8", "By sea"), ("rail", "#3b3b3b", "By rail"),
                               ("road", "#6b4f2a", "By road"), ("air", "#6a3d9a", "By air"),
                               ("not reported", "#9a6a12", "Mode not reported")):
        categories.append(QgsRendererCategory(mode, movement_symbol(QColor(color).name()), title))
    layer.setRenderer(QgsCategorizedSymbolRenderer("mode", categories))
    save(layer, "movements.qml")


def network_style():
    """The transport network under the movements: thin, by mode; rail with sleepers."""
    layer = memory_layer("network")
    categories = []
    for mode, color, width, dash, title in (("rail", "#4a4a4a", 0.5, None, "Rail"),
                                            ("sea", "#5b8fc7", 0.4, "3;2", "Sea"),
                                            ("road", "#8a6d3b", 0.45, "1;1", "Road")):
        line = QgsSimpleLineSymbolLayer(QColor(color), width)
        if dash:
            line.setUseCustomDashPattern(True)
            line.setCustomDashVector([float(v) for v in dash.split(";")])
        symbol = QgsLineSymbol()
        symbol.changeSymbolLayer(0, line)
        if mode == "rail":
            sleepers = QgsHashedLineSymbolLayer()
            sleepers.setInterval(2.5)
            sleepers.setHashLength(1.4)
            sleepers.subSymbol().symbolLayer(0).setColor(QColor(color))
            sleepers.subSymbol().symbolLayer(0).setWidth(0.25)
            symbol.appendSymbolLayer(sleepers)
        categories.append(QgsRendererCategory(mode, symbol, title))
    layer.setRenderer(QgsCategorizedSymbolRenderer("mode", categories))
    save(layer, "network.qml")


def front_lines_style():
    layer = memory_layer("front_lines")
    line = QgsSimpleLineSymbolLayer(QColor("#c0161d"), 0.9)
    symbol = QgsLineSymbol()
    symbol.changeSymbolLayer(0, line)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    save(layer, "front_lines.qml")


def front_areas_style():
    layer = memory_layer("front_areas")
    fill = QgsSimpleFillSymbolLayer(QColor(45, 110, 200, 70), strokeColor=QColor(45, 110, 200, 200),
                                    strokeWidth=0.4)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, fill)
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.setLabeling(labels(
        "'Ukrainian-held, ' || \"as_of\" || if(\"area_cited_km2\" IS NOT NULL, '\\n' || "
        "format_number(\"area_cited_km2\", 0) || ' km² (' || \"area_cited_by\" || ')', '')",
        size=8, max_scale_denominator=3000000, color="#1f4f99"))
    layer.setLabelsEnabled(True)
    save(layer, "front_areas.qml")


def basemap_styles():
    world = "{}/resources/data/world_map.gpkg".format(QgsApplication.pkgDataPath())
    countries = QgsVectorLayer(world + "|layername=countries", "countries", "ogr")
    fill = QgsSimpleFillSymbolLayer(QColor("#f1efe9"), strokeColor=QColor("#9a948a"), strokeWidth=0.3)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, fill)
    countries.setRenderer(QgsSingleSymbolRenderer(symbol))
    # Country names give way to everything else (priority 0 of 10), and stay off the front scales,
    # where "Russia" landed inside the Ukrainian-held salient; the border says which side is which there.
    country_labels = labels("\"NAME\"", size=9, color="#7d776d", priority=0)
    settings = country_labels.settings()
    settings.scaleVisibility = True
    settings.minimumScale = 0
    settings.maximumScale = COUNTRY_LABELS_FROM_SCALE
    country_labels.setSettings(settings)
    countries.setLabeling(country_labels)
    countries.setLabelsEnabled(True)
    save(countries, "basemap_countries.qml")
    provinces = QgsVectorLayer(world + "|layername=states_provinces", "provinces", "ogr")
    line = QgsSimpleFillSymbolLayer(QColor(0, 0, 0, 0), strokeColor=QColor("#cdc8bd"), strokeWidth=0.15)
    symbol = QgsFillSymbol()
    symbol.changeSymbolLayer(0, line)
    provinces.setRenderer(QgsSingleSymbolRenderer(symbol))
    provinces.setScaleBasedVisibility(True)
    provinces.setMinimumScale(15000000)
    provinces.setMaximumScale(0)
    # Province names only at operational scales (1:6M to 1:2M): at front scales "Kursk" would sit
    # inside the salient, among the settlements and units the analyst came to read.
    province_labels = labels("\"name\"", size=7, color="#9a948a", max_scale_denominator=6000000, priority=0)
    settings = province_labels.settings()
    settings.maximumScale = PROVINCE_LABELS_FROM_SCALE
    province_labels.setSettings(settings)
    provinces.setLabeling(province_labels)
    provinces.setLabelsEnabled(True)
    save(provinces, "basemap_provinces.qml")


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    STYLES.mkdir(parents=True, exist_ok=True)
    events_style()
    unit_positions_style()
    settlements_style()
    units_style()
    bases_style()
    kursk_sites_style()
    movements_style()
    network_style()
    front_lines_style()
    front_areas_style()
    basemap_styles()
    return 0


if __name__ == "__main__":
    sys.exit(main())

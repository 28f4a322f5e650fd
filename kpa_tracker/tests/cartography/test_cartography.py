"""The curated layers as drawn: stacks at their true place, precision shown, selection and labels (issue 15).

Rendered with QGIS's own map renderer after loading the layers the plugin's way.
"""

import math

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsMapRendererParallelJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsRenderContext,
    QgsSymbolLayer,
)
from qgis.gui import QgsMapToolIdentify
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

from kpa_tracker.core.briefing.build import preset_by_id
from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.project.frame import theatre_crs, theatre_extent
from kpa_tracker.core.project.layers import find_loaded, load_layers
from kpa_tracker.toolbelt.svg_paths import add_plugin_svg_path, remove_plugin_svg_path

WGS84 = QgsCoordinateReferenceSystem("EPSG:4326")
SIZE = (1366, 768)
DPI = 96


@pytest.fixture
def loaded(qgis_new_project, tmp_path):
    """load(ids) puts catalogue layers into the project as the dock's Load button does."""
    added = add_plugin_svg_path()
    catalogue, result = curated.load_cached()

    def load(ids):
        outcome = load_layers(QgsProject.instance(), catalogue, ids, result, tmp_path / "workspace.gpkg")
        assert not outcome.problems
        return [find_loaded(QgsProject.instance(), i) for i in ids]

    yield load
    QgsProject.instance().clear()
    if added:
        remove_plugin_svg_path()


def _stack():
    """The largest group of curated units at one position, and that position."""
    _, result = curated.load_cached()
    by_place = {}
    for unit in result.features["units"]:
        by_place.setdefault(tuple(unit.coordinates), []).append(unit.id)
    place, ids = max(by_place.items(), key=lambda item: len(item[1]))
    assert len(ids) >= 5, "the issue's case: five or more units at one place"
    return QgsPointXY(*place), ids


def _only(layer, ids):
    layer.setSubsetString("\"id\" IN ({})".format(", ".join("'{}'".format(i) for i in ids)))
    assert layer.featureCount() == len(ids)


def _settings(layers, crs, extent):
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setOutputSize(QSize(*SIZE))
    settings.setOutputDpi(DPI)
    settings.setBackgroundColor(QColor(0, 0, 0, 0))
    settings.setExtent(extent)
    settings.setTransformContext(QgsProject.instance().transformContext())
    # As the canvas and layouts do: the styles read @map_scale.
    context = QgsExpressionContext()
    context.appendScopes([QgsExpressionContextUtils.globalScope(),
                          QgsExpressionContextUtils.projectScope(QgsProject.instance()),
                          QgsExpressionContextUtils.mapSettingsScope(settings)])
    settings.setExpressionContext(context)
    return settings


def _render(settings):
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage(), job.takeLabelingResults()


def _theatre_settings(layers):
    crs = theatre_crs()
    return _settings(layers, crs, theatre_extent(crs, QgsProject.instance(), SIZE[0] / SIZE[1]))


def _pixel(settings, point_wgs84):
    to_map = QgsCoordinateTransform(WGS84, settings.destinationCrs(), QgsProject.instance())
    return settings.mapToPixel().transform(to_map.transform(point_wgs84))


def _painted(image):
    """(x, y) of every pixel something was drawn on (the background is transparent)."""
    from qgis.PyQt.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    width, height = image.width(), image.height()
    bits = image.constBits()
    bits.setsize(image.sizeInBytes() if hasattr(image, "sizeInBytes") else image.byteCount())
    data = bytes(bits)
    stride = image.bytesPerLine()
    return [(x, y) for y in range(height) for x in range(width) if data[y * stride + x * 4 + 3] > 40]


def _km_per_pixel(settings):
    return settings.scale() * 25.4 / DPI / 1e6


def test_a_stack_of_units_is_drawn_at_its_true_place_at_theatre_scale(loaded):
    """The displacement ring threw the units stacked at Kursk some 250 km out (over eastern Ukraine)."""
    units, = loaded(["units"])
    place, ids = _stack()
    _only(units, ids)
    settings = _theatre_settings([units])
    assert 15e6 < settings.scale() < 35e6, "theatre scale"
    image, _ = _render(settings)
    painted = _painted(image)
    assert painted, "the stack is drawn"
    true = _pixel(settings, place)
    farthest_km = max(math.hypot(x - true.x(), y - true.y()) for x, y in painted) * _km_per_pixel(settings)
    # One 6.4 mm marker with its count badge: every drawn pixel within about 7 mm (~170 km) of the place.
    assert farthest_km < 200, "drawn up to {:.0f} km from where the units are".format(farthest_km)


def test_clicking_the_stack_marker_gets_every_unit_of_it(loaded, shown_canvas, flush):
    units, = loaded(["units"])
    place, ids = _stack()
    canvas = shown_canvas
    canvas.setLayers([units])
    canvas.setDestinationCrs(theatre_crs())
    canvas.setExtent(theatre_extent(theatre_crs(), QgsProject.instance(), 800 / 600))
    canvas.refresh()
    canvas.waitWhileRendering()
    flush()
    # Where the marker is drawn: the middle of what the renderer painted for the stack alone.
    _only(units, ids)
    drawn = QgsMapSettings(canvas.mapSettings())
    drawn.setBackgroundColor(QColor(0, 0, 0, 0))
    image, _ = _render(drawn)
    painted = _painted(image)
    x = round(sum(p[0] for p in painted) / len(painted))
    y = round(sum(p[1] for p in painted) / len(painted))
    units.setSubsetString("")
    hits = QgsMapToolIdentify(canvas).identify(x, y, [units], QgsMapToolIdentify.TopDownAll)
    assert sorted(hit.mFeature["id"] for hit in hits) == sorted(ids)
    # QGIS's Select Features tool on a click on points: a box 5 pixels either side of it.
    corner1 = canvas.getCoordinateTransform().toMapCoordinates(x - 5, y + 5)
    corner2 = canvas.getCoordinateTransform().toMapCoordinates(x + 5, y - 5)
    to_layer = QgsCoordinateTransform(canvas.mapSettings().destinationCrs(), units.crs(), QgsProject.instance())
    units.selectByRect(to_layer.transformBoundingBox(QgsRectangle(corner1, corner2)))
    assert sorted(f["id"] for f in units.selectedFeatures()) == sorted(ids)


def _symbols(layer, settings, feature_id):
    context = QgsRenderContext.fromMapSettings(settings)
    context.expressionContext().appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    feature = next(f for f in layer.getFeatures() if f["id"] == feature_id)
    context.expressionContext().setFeature(feature)
    renderer = layer.renderer().clone()
    renderer.startRender(context, layer.fields())
    try:
        symbols = renderer.symbolsForFeature(feature, context)
        drawn = []
        for symbol in symbols:
            for symbol_layer in symbol.symbolLayers():
                name = symbol_layer.dataDefinedProperties().property(QgsSymbolLayer.PropertyName)
                svg = name.valueAsString(context.expressionContext())[0] if name.isActive() else None
                drawn.append((symbol_layer.layerType(), svg))
    finally:
        renderer.stopRender(context)
    return drawn


def test_a_position_known_only_to_a_region_is_drawn_dashed_with_its_area(loaded):
    units, = loaded(["units"])
    settings = _theatre_settings([units])
    _, result = curated.load_cached()
    by_id = {unit.id: unit for unit in result.features["units"]}
    region = next(u for u in by_id.values() if u.precision == "region" and u.status == "confirmed")
    town = next(u for u in by_id.values() if u.precision == "town" and u.status == "confirmed")
    region_layers = _symbols(units, settings, region.id)
    town_layers = _symbols(units, settings, town.id)
    # The SIDC's status digit (the 7th) is 1 for APP-6's dashed frame.
    assert [svg[len("kpa_app6/") + 6] for kind, svg in region_layers if kind == "SvgMarker"] == ["1"]
    assert [svg[len("kpa_app6/") + 6] for kind, svg in town_layers if kind == "SvgMarker"] == ["0"]
    assert len(region_layers) == len(town_layers) + 1, "the region's area under the symbol"
    legend = [item.label() for item in units.renderer().legendSymbolItems()]
    assert any("region" in label and "dashed frame" in label for label in legend), legend

    # Drawn: 30 km east of the point (beyond the symbol at 1:2M) the region's area is shaded, a town's is not.
    units.setLabelsEnabled(False)  # (the unit's label sits beside it)

    def shaded_30_km_east(unit):
        _only(units, [unit.id])
        point = QgsPointXY(*unit.coordinates)
        extent = QgsRectangle(point.x() - 3, point.y() - 2, point.x() + 3, point.y() + 2)
        # (In the plugin's conformal theatre CRS: QGIS takes Web Mercator's metres for metres on the ground.)
        view = _settings([units], theatre_crs(),
                         QgsCoordinateTransform(WGS84, theatre_crs(), QgsProject.instance()).transformBoundingBox(extent))
        image, _ = _render(view)
        centre = _pixel(view, point)
        east = QgsPointXY(point.x() + 30 / (111.32 * math.cos(math.radians(point.y()))), point.y())
        pixel = _pixel(view, east)
        assert math.hypot(pixel.x() - centre.x(), pixel.y() - centre.y()) * 25.4 / DPI > 6, "outside the symbol"
        return image.pixelColor(round(pixel.x()), round(pixel.y())).alpha() > 0

    assert shaded_30_km_east(region)
    assert not shaded_30_km_east(town)


def _label_layers(labeling_results, extent):
    return {label.layerID: label.labelText for label in labeling_results.labelsWithinRect(extent)}


def _labels(labeling_results, extent):
    return [(label.layerID, label.labelText) for label in labeling_results.labelsWithinRect(extent)]


def test_no_province_or_country_name_inside_the_kursk_salient_at_front_scale(loaded):
    provinces, countries = loaded(["provinces", "countries"])
    kursk = preset_by_id("kursk")
    crs = QgsCoordinateReferenceSystem(kursk.crs)
    to_crs = QgsCoordinateTransform(WGS84, crs, QgsProject.instance())
    front = _settings([provinces, countries], crs, to_crs.transformBoundingBox(kursk.extent_rectangle()))
    assert front.scale() < 500000, "front scale"
    _, labels = _render(front)
    drawn = _labels(labels, front.visibleExtent())
    assert not [text for layer_id, text in drawn if layer_id in (provinces.id(), countries.id())], drawn
    # Zoomed out to the oblasts (1:4M), the province names are there: the labels work, only not at the front.
    oblasts = _settings([provinces, countries], crs,
                        to_crs.transformBoundingBox(QgsRectangle(31.0, 49.0, 40.0, 53.5)))
    assert 2e6 < oblasts.scale() < 6e6
    _, labels = _render(oblasts)
    assert (provinces.id(), "Kursk") in _labels(labels, oblasts.visibleExtent())


def _dark_pixels(symbol) -> int:
    image = symbol.asImage(QSize(32, 32))
    return sum(1 for x in range(32) for y in range(32)
               if image.pixelColor(x, y).alpha() > 0 and image.pixelColor(x, y).lightness() < 240)


@pytest.mark.parametrize("layer_id", ["events", "unit_positions", "units"])
def test_every_legend_entry_shows_a_symbol_on_a_white_page(loaded, layer_id):
    """The layer tree and the briefing legend key each class by its symbol: a stroke-only marker drawn
    white (strike, withdrawal) or a unit frame shrunk by an 80,000 m area showed nothing there."""
    layer, = loaded([layer_id])
    entries = [item for item in layer.renderer().legendSymbolItems() if item.symbol() is not None]
    assert len(entries) >= 3
    blank = [item.label() for item in entries if _dark_pixels(item.symbol()) < 20]
    assert blank == []

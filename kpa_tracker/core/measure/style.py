"""How measurements and range rings look: one colour of their own, apart from the line of contact's red
(192, 22, 29 in layers/styles/front_lines.qml) and the route's green, with a white halo so that they read
on any base map. Range rings are hollow and labelled with their radius at their northern point."""

from qgis.core import (
    QgsFillSymbol,
    QgsPalLayerSettings,
    QgsSimpleFillSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor

from ...toolbelt.compat import POINT_GEOMETRY

MEASURE_RGB = (123, 44, 191)  # violet
HALO_RGB = (255, 255, 255)


def measure_color(alpha: int = 255) -> QColor:
    return QColor(*MEASURE_RGB, alpha)


def halo_color(alpha: int = 230) -> QColor:
    return QColor(*HALO_RGB, alpha)


def _rgba(color: QColor) -> str:
    return "{},{},{},{}".format(color.red(), color.green(), color.blue(), color.alpha())


def style_rings_layer(layer) -> None:
    """Hollow violet rings over a white halo, each labelled with its radius ("label" field) at its north."""
    symbol = QgsFillSymbol.createSimple({
        "color": "0,0,0,0", "style": "no", "outline_color": _rgba(measure_color()),
        "outline_width": "0.6", "outline_width_unit": "MM"})
    halo = QgsSimpleFillSymbolLayer.create({
        "color": "0,0,0,0", "style": "no", "outline_color": _rgba(halo_color(200)),
        "outline_width": "1.4", "outline_width_unit": "MM"})
    symbol.insertSymbolLayer(0, halo)
    layer.renderer().setSymbol(symbol)

    text = QgsTextFormat()
    text.setColor(measure_color())
    text.setSize(9)
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(halo_color(255))
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = "label"
    settings.setFormat(text)
    # The first vertex of a ring is due north of its centre: the label sits there, one per ring.
    settings.geometryGeneratorEnabled = True
    settings.geometryGenerator = "point_n(exterior_ring(geometry_n($geometry, 1)), 1)"
    settings.geometryGeneratorType = POINT_GEOMETRY
    settings.displayAll = True  # every radius is named, even where place names crowd the map
    settings.priority = 9
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    layer.triggerRepaint()

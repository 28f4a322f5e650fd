"""The source numbers on the map: a memory layer of points, one "[n]" label per drawn feature, that only
the briefing's map item draws (it is never in the layer tree, so the canvas never shows it)."""

from typing import Dict, List, Optional, Tuple

from qgis.core import (
    Qgis,
    QgsFeature,
    QgsDateTimeRange,
    QgsGeometry,
    QgsNullSymbolRenderer,
    QgsPalLayerSettings,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtGui import QColor, QFont

from .sources import compact

NUMBERS_PROPERTY = "kpa_tracker/briefing_numbers"  # the layout the layer belongs to
_PLACEMENT = getattr(getattr(Qgis, "LabelPlacement", None), "OrderedPositionsAroundPoint", None)


def add_marks(layer: QgsVectorLayer, marks: List[Tuple[QgsGeometry, List[int]]],
              window: Optional[QgsDateTimeRange] = None) -> None:
    """Points labelled with their sources' numbers, drawn in the window (an atlas page's dates);
    features at one place share one label."""
    at_place: Dict[Tuple[float, float], List[int]] = {}
    for point, numbers in marks:
        xy = point.asPoint()
        at_place.setdefault((round(xy.x(), 4), round(xy.y(), 4)), []).extend(numbers)
    features = []
    for (x, y), numbers in at_place.items():
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt("POINT({} {})".format(x, y)))
        feature.setAttribute("numbers", compact(numbers))
        if window is not None:
            feature.setAttribute("shown_from", window.begin())
            feature.setAttribute("shown_to", window.end())
        features.append(feature)
    layer.dataProvider().addFeatures(features)


def numbers_layer(marks: List[Tuple[QgsGeometry, List[int]]], scale: float = 1.0,
                  window: Optional[QgsDateTimeRange] = None) -> QgsVectorLayer:
    """The layer of the map's "[n]" labels, timed like the map (QGIS's temporal filter)."""
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=numbers:string(200)&field=shown_from:datetime"
                           "&field=shown_to:datetime", "Source numbers", "memory")
    add_marks(layer, marks, window)
    properties = layer.temporalProperties()
    properties.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromFields)
    properties.setStartField("shown_from")
    properties.setEndField("shown_to")
    properties.setIsActive(True)
    layer.setRenderer(QgsNullSymbolRenderer())
    settings = QgsPalLayerSettings()
    settings.fieldName = "numbers"
    settings.placement = _PLACEMENT if _PLACEMENT is not None else QgsPalLayerSettings.OrderedPositionsAroundPoint
    settings.dist = 1.2
    settings.priority = 10
    settings.displayAll = True  # a feature without its numbers could not be traced to its sources
    text = QgsTextFormat()
    font = QFont("Noto Sans")
    font.setBold(True)
    text.setFont(font)
    text.setSize(6.0 * scale)
    text.setSizeUnit(QgsUnitTypes.RenderPoints)
    text.setColor(QColor("#7a1010"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    buffer.setColor(QColor(255, 255, 255, 230))
    text.setBuffer(buffer)
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer

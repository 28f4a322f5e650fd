"""The briefing's legend: the visible layers' classes drawn on the map's day, fitted inside its frame."""

import textwrap

from qgis.core import (
    QgsLayoutSize,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont, QImage, QPainter
from qgis.PyQt.QtWidgets import QStyleOptionGraphicsItem

from ..project.layers import LAYER_ID_PROPERTY

BASE_LAYERS = ("countries", "provinces")
STYLES = ((QgsLegendStyle.Title, 9.0, True), (QgsLegendStyle.Group, 7.5, True),
          (QgsLegendStyle.Subgroup, 7.0, True), (QgsLegendStyle.SymbolLabel, 6.5, False))
WRAP = "~"  # where a long legend label breaks (never printed)
THREE_COLUMNS_FROM_MM = 90.0
SHRINK = (1.0, 0.92, 0.85, 0.78, 0.72, 0.66, 0.6)  # font steps


def fill(legend, main_map, visible, scale: float) -> None:
    """Only the layers visible on the map, without the base map, and within them only the classes
    drawn (QGIS's filter by map, on the map's day); then the text made as small as it must be, down to
    a floor, and a second column if that is not enough, so nothing runs off the frame."""
    legend.setLinkedMap(main_map)
    legend.setAutoUpdateModel(False)
    root = legend.model().rootGroup()
    shown = {layer.id() for layer in visible if layer.customProperty(LAYER_ID_PROPERTY) not in BASE_LAYERS}
    for node in root.findLayers():
        if node.layerId() not in shown:
            node.parent().removeChildNode(node)
    for group in root.findGroups():
        QgsLegendRenderer.setNodeLegendStyle(group, QgsLegendStyle.Hidden)
    legend.setLegendFilterByMapEnabled(True)
    legend.setWrapString(WRAP)
    legend.setResizeToContents(False)
    frame = legend.sizeWithUnits()
    apply_filter(legend)
    for node in root.findLayers():  # a layer that draws nothing on the map's day has no entry
        if not legend.model().layerLegendNodes(node):
            node.parent().removeChildNode(node)
    labels = _labels(legend)
    # A wide frame (the atlas's column) may take a third column before the text gets any smaller.
    most = 3 if frame.width() >= THREE_COLUMNS_FROM_MM * scale else 2
    for step in SHRINK:  # the largest text that fits, in one column or else more
        for columns in range(1, most + 1):
            legend.setColumnCount(columns)
            legend.setSplitLayer(columns > 1)
            _fonts(legend, scale * step)
            _wrap(legend, labels, (frame.width() - 4.0) / columns - 6.0 * scale * step - 4.0, 6.5 * scale * step)
            if fits(legend, frame):
                _restore(legend, frame)
                return
    _restore(legend, frame)


def apply_filter(legend) -> None:
    """QGIS filters a legend by its map at its next paint: paint it once, off screen, so the classes
    measured are the ones that will print."""
    legend.updateFilterByMap(False)
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    legend.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()


def needed_size(legend) -> QgsLayoutSize:
    """The size (mm) the legend's content takes: QGIS's own measure, the one 'resize to contents' uses
    (which itself waits for a first paint)."""
    context = QgsLayoutUtils.createRenderContextForLayout(legend.layout(), None)
    size = QgsLegendRenderer(legend.model(), legend.legendSettings()).minimumSize(context)
    return QgsLayoutSize(size.width(), size.height())


def _labels(legend):
    """Each layer's title and its classes' labels as the styles give them: (node, None or index, text)."""
    model, found = legend.model(), []
    for node in model.rootGroup().findLayers():
        found.append((node, None, node.name()))
        for index, legend_node in enumerate(model.layerOriginalLegendNodes(node)):
            text = legend_node.data(Qt.ItemDataRole.DisplayRole)
            if text:
                found.append((node, index, str(text)))
    return found


def _wrap(legend, labels, width_mm: float, font_pt: float) -> None:
    """Long labels broken at words (the legend's wrap character), to the width the frame leaves."""
    chars = max(12, int(width_mm / (font_pt * 0.3528 * 0.55)))
    touched = set()
    for node, index, text in labels:
        wrapped = WRAP.join(textwrap.wrap(text, chars)) or text
        if index is None:
            node.setCustomProperty("legend/title-label", wrapped)
        else:
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, index, wrapped)
        touched.add(node)
    for node in touched:
        legend.model().refreshLayerLegend(node)


def fits(legend, frame) -> bool:
    size = needed_size(legend)
    # A margin: a page drawn later (an atlas page) may word its classes a little taller than measured.
    return size.width() <= frame.width() + 0.01 and size.height() <= frame.height() * 0.9


def _restore(legend, frame) -> None:
    legend.setResizeToContents(False)
    legend.attemptResize(frame)


def _fonts(legend, factor: float) -> None:
    for style, size, bold in STYLES:
        font = QFont("Noto Sans")
        font.setPointSizeF(size * factor)
        font.setBold(bold)
        legend.rstyle(style).setFont(font)
    legend.setSymbolWidth(6.0 * factor)
    legend.setSymbolHeight(3.5 * factor)
    legend.setMaximumSymbolSize(6.0 * factor)  # the unit frames would otherwise set each row's height

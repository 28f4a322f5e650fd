"""Write the briefing-map print layout template (development time): `python -m devtools.make_layout`.

The template is a data file shipped in kpa_tracker/layouts/briefing.qpt, drawn
on an A4 landscape page; core/briefing/build.py loads it, finds its items by id and
fits them to the page size the analyst picks. Edit it here (or in QGIS's layout
designer, keeping the item ids), run, look at the exported maps, commit.
"""

import sys

from qgis.core import (
    QgsApplication,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLegendStyle,
    QgsLayoutItemMap,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsTextFormat,
    QgsLayoutMeasurement,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor, QFont

from kpa_tracker.core.briefing.build import TEMPLATE


def _place(item, x, y, w, h):
    item.attemptMove(QgsLayoutPoint(x, y, QgsUnitTypes.LayoutMillimeters))
    item.attemptResize(QgsLayoutSize(w, h, QgsUnitTypes.LayoutMillimeters))


def _label(layout, item_id, x, y, w, h, size, bold=False, align=Qt.AlignmentFlag.AlignLeft, color="#1d1d1d"):
    label = QgsLayoutItemLabel(layout)
    label.setId(item_id)
    font = QFont("Noto Sans")
    font.setPointSizeF(size)
    font.setBold(bold)
    label.setFont(font)
    label.setFontColor(QColor(color))
    label.setHAlign(align)
    label.setVAlign(Qt.AlignmentFlag.AlignTop)
    label.setText(item_id)
    layout.addLayoutItem(label)
    _place(label, x, y, w, h)
    return label


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    project = QgsProject()
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()  # one A4 landscape page
    layout.setName("KPA briefing map")

    _label(layout, "title", 10, 7, 190, 11, 18, bold=True)
    _label(layout, "subtitle", 10, 18, 190, 7, 10, color="#4a4a4a")
    _label(layout, "asof", 200, 7, 87, 18, 8.5, align=Qt.AlignmentFlag.AlignRight, color="#4a4a4a")

    # The map takes the page down to the strip of scale bar and north arrow: no empty lower third.
    main_map = QgsLayoutItemMap(layout)
    main_map.setId("map")
    main_map.setFrameEnabled(True)
    main_map.setFrameStrokeWidth(QgsLayoutMeasurement(0.3))
    layout.addLayoutItem(main_map)
    _place(main_map, 10, 27, 207, 151)

    overview = QgsLayoutItemMap(layout)
    overview.setId("overview")
    overview.setFrameEnabled(True)
    layout.addLayoutItem(overview)
    _place(overview, 221, 27, 66, 44)

    legend = QgsLayoutItemLegend(layout)
    legend.setId("legend")
    legend.setTitle("Legend")
    legend.setFrameEnabled(True)
    legend.setFrameStrokeWidth(QgsLayoutMeasurement(0.2))
    for style in (QgsLegendStyle.Title, QgsLegendStyle.Group, QgsLegendStyle.Subgroup,
                  QgsLegendStyle.Symbol, QgsLegendStyle.SymbolLabel):
        legend.rstyle(style).setFont(QFont("Noto Sans", 8))  # the shipped face (the build sets sizes)
    layout.addLayoutItem(legend)
    _place(legend, 221, 74, 66, 104)

    # Below the map, where no feature can lie under them.
    scalebar = QgsLayoutItemScaleBar(layout)
    scalebar.setId("scalebar")
    scalebar.setStyle("Single Box")
    scale_text = QgsTextFormat()
    scale_text.setFont(QFont("Noto Sans"))
    scale_text.setSize(8)
    scalebar.setTextFormat(scale_text)
    layout.addLayoutItem(scalebar)
    _place(scalebar, 10, 180, 75, 10)

    north = QgsLayoutItemPicture(layout)
    north.setId("north")
    north.setPicturePath("arrows/NorthArrow_02.svg")
    layout.addLayoutItem(north)
    _place(north, 207, 180, 10, 10)

    _label(layout, "sources", 90, 181, 112, 9, 7, color="#2a2a2a")
    _label(layout, "caveat", 10, 193, 120, 10, 8, bold=True, color="#7a1010")
    _label(layout, "produced", 130, 193, 157, 10, 7.5, align=Qt.AlignmentFlag.AlignRight, color="#4a4a4a")

    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    if not layout.saveAsTemplate(str(TEMPLATE), QgsReadWriteContext()):
        raise SystemExit("could not write " + str(TEMPLATE))
    print("wrote", TEMPLATE)
    return 0


if __name__ == "__main__":
    sys.exit(main())

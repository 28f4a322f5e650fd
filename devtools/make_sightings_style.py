"""Write the sightings style, kpa_tracker/layers/styles/sightings.qml (development time).

    QT_HASH_SEED=0 QT_QPA_PLATFORM=offscreen .venv/bin/python -m devtools.make_sightings_style

Symbols by claim status (shape, and a dashed outline for reported and claimed,
as the curated units and bases have) and by grade band (colour), from the
derived field ``map_class`` ("reported high", …, "rejected"; see
kpa_tracker.core.sightings.gpkg_store.map_class). Rejected sightings stay on the map as
small grey crosses: nothing an analyst entered disappears.

Only the symbology is written: the form lives in the GeoPackage's default style.
"""

import sys

from qgis.core import (
    QgsApplication,
    QgsCategorizedSymbolRenderer,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsReadWriteContext,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtXml import QDomDocument

from kpa_tracker.core.domain.grading import CLAIM_STATUS, GRADE_BANDS
from kpa_tracker.core.sightings.form import STYLE_QML

BAND_COLOURS = {"high": "178,24,43,255", "medium": "239,138,98,255", "low": "150,150,150,255"}
STATUS_SHAPES = {
    # status: (shape, filled, dashed outline)
    "confirmed": ("circle", True, False),
    "assessed": ("diamond", True, False),
    "reported": ("circle", False, True),
    "claimed": ("diamond", False, True),
}
SIZE_MM = "2.4"


def marker(colour: str, shape: str, filled: bool, dashed: bool) -> QgsMarkerSymbol:
    if filled:
        properties = {"name": shape, "color": colour, "outline_color": "35,35,35,255", "outline_width": "0.3",
                      "size": SIZE_MM}
    else:
        red, green, blue, _alpha = colour.split(",")
        properties = {"name": shape, "color": "{},{},{},70".format(red, green, blue), "outline_color": colour,
                      "outline_width": "0.5", "outline_style": "dash" if dashed else "solid", "size": SIZE_MM}
    return QgsMarkerSymbol.createSimple(properties)


def renderer() -> QgsCategorizedSymbolRenderer:
    categories = []
    for status, _label in CLAIM_STATUS:
        shape, filled, dashed = STATUS_SHAPES[status]
        for band, grades in GRADE_BANDS:
            categories.append(QgsRendererCategory(
                "{} {}".format(status, band), marker(BAND_COLOURS[band], shape, filled, dashed),
                "{}, grade {} ({})".format(status, band, grades)))
    rejected = QgsMarkerSymbol.createSimple({"name": "cross2", "color": "170,170,170,255",
                                             "outline_color": "170,170,170,255", "outline_width": "0.3",
                                             "size": "1.8"})
    categories.append(QgsRendererCategory("rejected", rejected, "rejected in review"))
    return QgsCategorizedSymbolRenderer("map_class", categories)


def main() -> int:
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=map_class:string", "sightings", "memory")
    layer.setRenderer(renderer())
    document = QDomDocument()
    error = layer.exportNamedStyle(document, QgsReadWriteContext(), QgsMapLayer.Symbology)
    if error:
        print(error, file=sys.stderr)
        return 1
    STYLE_QML.write_text(document.toString(2), encoding="utf-8")
    print("wrote", STYLE_QML)
    return 0


if __name__ == "__main__":
    app = QgsApplication([], False)
    app.initQgis()
    sys.exit(main())

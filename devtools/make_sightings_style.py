"""Write the sightings style, kpa_tracker/layers/styles/sightings.qml (development time).

    QT_HASH_SEED=0 QT_QPA_PLATFORM=offscreen .venv/bin/python -m devtools.make_sightings_style

Symbols by claim status (shape, and a dashed outline for reported and claimed,
as the curated units and bases have) and by grade band (colour), from the
derived field ``map_class`` ("reported high", …, "rejected"; see
kpa_tracker.core.sightings.gpkg_store.map_class). Rejected sightings stay on the map as
small grey crosses: nothing an analyst entered disappears.

Readable at the theatre and at the Kursk front: each marker sits on a white halo, is 3.2 mm across
beyond 1:5,000,000 and 4.2 mm closer in, and from 1:3,000,000 in each sighting is labelled with its
unit (the units list's name, or the unit as the source names it) and its day, on a white halo.

Only the symbology is written: the form lives in the GeoPackage's default style.
"""

import sys

from qgis.core import (
    QgsApplication,
    QgsPalLayerSettings,
    QgsProperty,
    QgsSymbolLayer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayerSimpleLabeling,
    QgsCategorizedSymbolRenderer,
    QgsMapLayer,
    QgsMarkerSymbol,
    QgsReadWriteContext,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor, QFont
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
SIZE_MM = "4.2"  # at the Kursk front (closer in than 1:5,000,000)
THEATRE_SIZE_MM = 3.2  # beyond 1:5,000,000: Korea to Kursk on one screen
THEATRE_SCALE = 5000000
HALO_MM = 1.2  # the white halo is this much wider than the marker
LABELS_FROM_SCALE = 3000000  # labels from 1:3,000,000 in
# The unit as the units list names it (without a parenthesised nickname), else as the source names it;
# then the day.
LABEL_EXPRESSION = (
    "regexp_replace(coalesce(if(\"unit_id\" IS NULL, NULL, represent_value(\"unit_id\")), "
    "\"unit_as_reported\", 'sighting'), '\\\\s*\\\\(.*\\\\)$', '') "
    "|| '\\n' || format_date(\"observed_at\", 'd MMM yyyy')")


def _size(extra: float = 0.0) -> QgsProperty:
    """The marker's size by scale (the legend, with no scale, draws the closer-in size)."""
    return QgsProperty.fromExpression("if(@map_scale > {}, {}, {})".format(
        THEATRE_SCALE, THEATRE_SIZE_MM + extra, float(SIZE_MM) + extra))


def marker(colour: str, shape: str, filled: bool, dashed: bool) -> QgsMarkerSymbol:
    if filled:
        properties = {"name": shape, "color": colour, "outline_color": "35,35,35,255", "outline_width": "0.3",
                      "size": SIZE_MM}
    else:
        red, green, blue, _alpha = colour.split(",")
        properties = {"name": shape, "color": "{},{},{},70".format(red, green, blue), "outline_color": colour,
                      "outline_width": "0.5", "outline_style": "dash" if dashed else "solid", "size": SIZE_MM}
    symbol = QgsMarkerSymbol.createSimple(properties)
    symbol.symbolLayer(0).setDataDefinedProperty(QgsSymbolLayer.PropertySize, _size())
    halo_symbol = QgsMarkerSymbol.createSimple({"name": shape, "color": "255,255,255,210", "outline_style": "no",
                                                "size": str(float(SIZE_MM) + HALO_MM)})
    halo = halo_symbol.symbolLayer(0).clone()
    halo.setDataDefinedProperty(QgsSymbolLayer.PropertySize, _size(HALO_MM))
    symbol.insertSymbolLayer(0, halo)  # drawn first, under the marker
    return symbol


def labeling() -> QgsVectorLayerSimpleLabeling:
    fmt = QgsTextFormat()
    font = QFont("Noto Sans")
    fmt.setFont(font)
    fmt.setSize(8)
    fmt.setColor(QColor("#1d1d1d"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.9)
    buffer.setColor(QColor(255, 255, 255, 235))
    fmt.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = LABEL_EXPRESSION
    settings.isExpression = True
    settings.setFormat(fmt)
    settings.dist = 1.2
    settings.priority = 6
    settings.scaleVisibility = True
    settings.minimumScale = LABELS_FROM_SCALE  # shown closer in than 1:3,000,000
    settings.maximumScale = 0
    return QgsVectorLayerSimpleLabeling(settings)


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
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=map_class:string&field=unit_id:string"
                           "&field=unit_as_reported:string&field=observed_at:datetime", "sightings", "memory")
    layer.setRenderer(renderer())
    layer.setLabeling(labeling())
    layer.setLabelsEnabled(True)
    document = QDomDocument()
    error = layer.exportNamedStyle(document, QgsReadWriteContext(),
                                   QgsMapLayer.StyleCategory.Symbology | QgsMapLayer.StyleCategory.Labeling)
    if error:
        print(error, file=sys.stderr)
        return 1
    STYLE_QML.write_text(document.toString(2), encoding="utf-8")
    print("wrote", STYLE_QML)
    return 0


if __name__ == "__main__":
    app = QgsApplication([], True)  # fonts (the labels) need the GUI application
    app.initQgis()
    sys.exit(main())

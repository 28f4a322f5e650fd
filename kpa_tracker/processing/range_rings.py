"""kpa_tracker:rangerings: geodesic range rings around a point or a curated place, one polygon per radius."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ..core.measure.rings import RingsError, parse_radii, resolve_centre, ring_geometry, ring_label
from ..toolbelt.compat import FIELD_DOUBLE, FIELD_STRING, WKB_POLYGON
from ..toolbelt.i18n import tr
from .base import KpaAlgorithm

DEFAULT_RADII = "10, 25, 40"


def ring_fields() -> QgsFields:
    fields = QgsFields()
    for name, kind in (("radius_km", FIELD_DOUBLE), ("label", FIELD_STRING), ("centre", FIELD_STRING),
                       ("centre_lon", FIELD_DOUBLE), ("centre_lat", FIELD_DOUBLE)):
        fields.append(QgsField(name, kind))
    return fields


class RangeRingsAlgorithm(KpaAlgorithm):
    NAME, GROUP_ID = "rangerings", "measure"
    CENTER, RADII, OUTPUT = "CENTER", "RADII", "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Geodesic range rings")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(
            self.CENTER, tr("Centre (lon,lat [EPSG:4326] or a place)")))
        self.addParameter(QgsProcessingParameterString(
            self.RADII, tr("Radii, km, separated by commas"), defaultValue=DEFAULT_RADII))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Range rings"), QgsProcessing.SourceType.TypeVectorPolygon))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..core.routing.stops import curated_places

        center_text = self.parameterAsString(parameters, self.CENTER, context)
        try:
            radii = parse_radii(self.parameterAsString(parameters, self.RADII, context), self.RADII)
            places = [] if _looks_like_point(center_text) else curated_places()
            centre = resolve_centre(center_text, places, self.CENTER, context.transformContext())
        except RingsError as error:
            raise QgsProcessingException(str(error))
        feedback.pushInfo(tr("Centre: {} at {:.6f},{:.6f}").format(centre.name, centre.lon, centre.lat))
        fields = ring_fields()
        sink, dest_id = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WKB_POLYGON,
                                             QgsCoordinateReferenceSystem("EPSG:4326"))
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        # Largest first: drawn in that order, every ring stays visible and clickable.
        for count, radius_km in enumerate(sorted(radii, reverse=True), start=1):
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            feature.setAttributes([radius_km, ring_label(radius_km), centre.name, centre.lon, centre.lat])
            feature.setGeometry(ring_geometry(centre.lon, centre.lat, radius_km * 1000.0))
            sink.addFeature(feature, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(100.0 * count / len(radii))
        feedback.pushInfo(tr("{} rings: {} km").format(len(radii), ", ".join("{:g}".format(r) for r in radii)))
        return {self.OUTPUT: dest_id}


def _looks_like_point(text: str) -> bool:
    from ..core.routing.stops import POINT_PATTERN

    return bool(POINT_PATTERN.match(str(text or "")))

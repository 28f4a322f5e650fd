"""kpa_tracker:exportcurated: every curated layer, with its sources, to one GeoPackage."""

from pathlib import Path

from qgis.core import (
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsProcessingException,
    QgsProcessingParameterFileDestination,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..toolbelt.compat import FIELD_STRING, WKB_NO_GEOMETRY
from ..core.curated import data as curated
from ..core.curated.store import layer_uri, sync_layer
from ..toolbelt.i18n import tr
from ..toolbelt.workspace import workspace_gpkg_path
from .base import KpaAlgorithm

SOURCES_TABLE = "sources"


class ExportCuratedAlgorithm(KpaAlgorithm):
    NAME, GROUP_ID = "exportcurated", "curated"
    OUTPUT = "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Export curated layers")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Output GeoPackage"), "GeoPackage (*.gpkg)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if output.suffix.lower() != ".gpkg":
            raise QgsProcessingException(tr("OUTPUT must be a .gpkg file, not {}").format(output.name))
        catalogue, result = curated.load_cached()
        for error in result.errors:
            feedback.reportError(tr("Refused, not exported: {}").format(error))
        workspace = workspace_gpkg_path()
        if output.exists():
            output.unlink()
        source_rows = []
        layers = [layer for layer in catalogue if layer.kind == "curated" and layer.id in result.features]
        for step, layer in enumerate(layers):
            if feedback.isCanceled():
                break
            sync_layer(workspace, layer, result.features[layer.id])
            source = QgsVectorLayer(layer_uri(workspace, layer), layer.title, "ogr")
            self._write(source, output, layer.id, context)
            source_rows.extend(self._source_rows(layer, source, result))
            feedback.setProgress(100.0 * (step + 1) / (len(layers) + 1))
        self._write_sources(source_rows, output)
        feedback.pushInfo(tr("Exported {} layers and {} source rows to {}").format(
            len(layers), len(source_rows), output))
        return {self.OUTPUT: str(output)}

    @staticmethod
    def _write(layer, output: Path, name: str, context):
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = name
        options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer if output.exists()
                                        else QgsVectorFileWriter.CreateOrOverwriteFile)
        error = QgsVectorFileWriter.writeAsVectorFormatV3(
            layer, str(output), context.transformContext(), options)
        if error[0] != QgsVectorFileWriter.NoError:
            raise QgsProcessingException(tr("could not write {}: {}").format(name, error[1]))

    @staticmethod
    def _source_rows(layer, source_layer, result):
        """Curated features cite keyed sources; a feature the analyst added keeps its own text."""
        by_id = {f.id: f for f in result.features[layer.id]}
        rows = []
        names = source_layer.fields().names()
        for row in source_layer.getFeatures():
            feature = by_id.get(row["id"])
            changed = str(row["changed_on"]) if "changed_on" in names and row["changed_on"] else ""
            shipped_text = "\n".join(s.as_text() for s in feature.sources) if feature is not None else None
            if feature is not None and str(row["sources"] or "") == shipped_text:
                for cited in feature.sources:
                    rows.append([layer.id, feature.id, cited.publisher, cited.title, cited.date, cited.url,
                                 cited.kind, changed])
            else:  # the analyst's own feature, or curated sources the analyst rewrote
                for line in str(row["sources"] or "").splitlines():
                    rows.append([layer.id, row["id"], line, "", "", "", "", changed])
        return rows

    @staticmethod
    def _write_sources(rows, output: Path):
        fields = QgsFields()
        for name in ("layer", "feature_id", "publisher", "title", "date", "url", "kind", "changed_on"):
            fields.append(QgsField(name, FIELD_STRING))
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = SOURCES_TABLE
        options.actionOnExistingFile = QgsVectorFileWriter.CreateOrOverwriteLayer
        writer = QgsVectorFileWriter.create(str(output), fields, WKB_NO_GEOMETRY,
                                            QgsVectorLayer().crs(), QgsCoordinateTransformContext(), options)
        for values in rows:
            feature = QgsFeature(fields)
            feature.setAttributes(values)
            writer.addFeature(feature)
        del writer

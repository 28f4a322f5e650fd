"""kpa_tracker:exportsightings: the sightings with their sources to GeoJSON, CSV or KML.

What it writes, kpa_tracker:importsightings reads back unchanged.
"""

from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ..core.sightings.gpkg_store import read_sightings
from ..core.sightings.exchange import ExchangeError, format_of, write_file
from .import_sightings import gpkg_from_parameter


class ExportSightingsAlgorithm(QgsProcessingAlgorithm):
    INPUT, OUTPUT, COUNT = "INPUT", "OUTPUT", "COUNT"

    def name(self):
        return "exportsightings"

    def displayName(self):  # noqa: N802
        return "Export sightings"

    def group(self):
        return "Sightings"

    def groupId(self):  # noqa: N802
        return "sightings"

    def shortHelpString(self):  # noqa: N802
        return (
            "Writes the sightings (your workspace's by default) with all their sources to GeoJSON, CSV or KML; "
            "the extension of OUTPUT picks the format. Every field is written, times in UTC; each sighting's "
            "sources are a list (GeoJSON) or a JSON text column 'sources' (CSV, KML), and the first source is "
            "also written flat (source_url, source_publisher, …) for other tools. KML placemarks carry a "
            "time stamp and an HTML description with every text escaped. Import sightings reads what this "
            "writes back unchanged. Attachments are written as their workspace path and SHA-256, not copied.")

    def createInstance(self):  # noqa: N802
        return ExportSightingsAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, "Sightings GeoPackage (empty: your workspace)", QgsProcessingParameterFile.File,
            fileFilter="GeoPackage (*.gpkg)", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, "Exported sightings", "GeoJSON (*.geojson);;CSV (*.csv);;KML (*.kml)"))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, "Sightings exported"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = gpkg_from_parameter(self.parameterAsFile(parameters, self.INPUT, context))
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        try:
            kind = format_of(output)
        except ExchangeError as exc:
            raise QgsProcessingException(str(exc)) from exc
        if not source.exists():
            raise QgsProcessingException("{} does not exist".format(source))
        records = read_sightings(source, order_by='"observed_at", "sighting_id"')
        output.parent.mkdir(parents=True, exist_ok=True)
        temporary = output.with_name(output.name + ".part")
        try:
            write_file(temporary, records, kind)
            temporary.replace(output)  # a reader never sees half a file
        except (OSError, ExchangeError) as exc:
            if temporary.exists():
                temporary.unlink()
            raise QgsProcessingException("{} not written: {}".format(output, exc)) from exc
        feedback.pushInfo("Exported {} sightings with {} sources to {} ({})".format(
            len(records), sum(len(r.sources) for r in records), output, kind))
        return {self.OUTPUT: str(output), self.COUNT: len(records)}

"""kpa_tracker:exportsightings: the sightings with their sources to GeoJSON, CSV or KML.

What it writes, kpa_tracker:importsightings reads back unchanged.
"""

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ..core.sightings.gpkg_store import read_sightings
from ..core.sightings.exchange import ExchangeError, format_of, write_file
from ..toolbelt.i18n import tr
from .base import KpaAlgorithm
from .import_sightings import gpkg_from_parameter


class ExportSightingsAlgorithm(KpaAlgorithm):
    NAME, GROUP_ID = "exportsightings", "sightings"
    INPUT, OUTPUT, COUNT = "INPUT", "OUTPUT", "COUNT"

    def displayName(self):  # noqa: N802
        return tr("Export sightings")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Sightings GeoPackage (empty: your workspace)"), QgsProcessingParameterFile.File,
            fileFilter="GeoPackage (*.gpkg)", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Exported sightings"), "GeoJSON (*.geojson);;CSV (*.csv);;KML (*.kml)"))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Sightings exported")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = gpkg_from_parameter(self.parameterAsFile(parameters, self.INPUT, context))
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        try:
            kind = format_of(output)
        except ExchangeError as exc:
            raise QgsProcessingException(str(exc)) from exc
        if not source.exists():
            raise QgsProcessingException(tr("{} does not exist").format(source))
        records = read_sightings(source, order_by='"observed_at", "sighting_id"')
        output.parent.mkdir(parents=True, exist_ok=True)
        temporary = output.with_name(output.name + ".part")
        try:
            write_file(temporary, records, kind)
            temporary.replace(output)  # a reader never sees half a file
        except (OSError, ExchangeError) as exc:
            if temporary.exists():
                temporary.unlink()
            raise QgsProcessingException(tr("{} not written: {}").format(output, exc)) from exc
        feedback.pushInfo(tr("Exported {} sightings with {} sources to {} ({})").format(
            len(records), sum(len(r.sources) for r in records), output, kind))
        unsourced = [r.sighting_id for r in records if not r.sources]
        if unsourced:
            # Stored outside the form (the file cannot refuse a sighting that never got a source): they are
            # exported as they are, and the import will refuse them until each has a source.
            feedback.reportError(tr("{} sighting(s) have no source and will not import until they get one: {}")
                                 .format(len(unsourced), ", ".join(unsourced)))
        return {self.OUTPUT: str(output), self.COUNT: len(records)}

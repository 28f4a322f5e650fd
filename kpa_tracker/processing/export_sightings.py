"""kpa_tracker:exportsightings: the sightings with their sources to GeoJSON, CSV or KML.

What it writes, kpa_tracker:importsightings reads back unchanged. `export_sightings(store, output)` is the
one export: this algorithm and the Sightings tab's Export button both call it.
"""

from dataclasses import dataclass, field
from pathlib import Path
from typing import List

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ..core.domain.query import SightingQuery
from ..core.domain.records import SightingError
from ..core.sightings.exchange import ExchangeError, format_of, write_file
from ..core.sightings.store import GpkgStore, selected_store
from ..core.team.connection import TeamError
from ..toolbelt.i18n import tr
from .base import KpaAlgorithm
from .import_sightings import gpkg_from_parameter

EXPORT_ORDER = '"observed_at", "sighting_id"'
# The formats, as a file dialog's filter (GeoJSON first: it keeps every source as a list).
EXPORT_FILTER = "GeoJSON (*.geojson);;CSV (*.csv);;KML (*.kml)"


@dataclass
class ExportResult:
    path: Path
    kind: str  # "CSV", "GeoJSON" or "KML"
    sightings: int
    sources: int
    unsourced: List[str] = field(default_factory=list)  # ids of sightings without a source


def export_sightings(store, output) -> ExportResult:
    """Every sighting of the store, with its sources, to `output` in the format its extension names.

    The file appears whole or not at all (written beside it, then moved into place). Raises ExchangeError
    (a sentence naming the file) when it cannot be written, and what the store raises when it cannot be read.
    """
    output = Path(output)
    kind = format_of(output)
    records = store.read(SightingQuery(order_by=EXPORT_ORDER))
    temporary = output.with_name(output.name + ".part")
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_file(temporary, records, kind)
        temporary.replace(output)  # a reader never sees half a file
    except (OSError, ExchangeError) as exc:
        if temporary.exists():
            temporary.unlink()
        raise ExchangeError(tr("{} not written: {}").format(output, exc)) from exc
    return ExportResult(output, kind, len(records), sum(len(r.sources) for r in records),
                        [r.sighting_id for r in records if not r.sources])


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
            self.OUTPUT, tr("Exported sightings"), EXPORT_FILTER))
        self.addOutput(QgsProcessingOutputNumber(self.COUNT, tr("Sightings exported")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = gpkg_from_parameter(self.parameterAsFile(parameters, self.INPUT, context))
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        try:
            format_of(output)
        except ExchangeError as exc:
            raise QgsProcessingException(str(exc)) from exc
        if source is not None and not source.exists():
            raise QgsProcessingException(tr("{} does not exist").format(source))
        store = GpkgStore(source) if source is not None else selected_store()
        try:
            result = export_sightings(store, output)
        except (ExchangeError, SightingError, TeamError) as exc:
            raise QgsProcessingException(str(exc)) from exc
        feedback.pushInfo(tr("Exported {} sightings with {} sources to {} ({})").format(
            result.sightings, result.sources, output, result.kind))
        if result.unsourced:
            # Stored outside the form (the file cannot refuse a sighting that never got a source): they are
            # exported as they are, and the import will refuse them until each has a source.
            feedback.reportError(tr("{} sighting(s) have no source and will not import until they get one: {}")
                                 .format(len(result.unsourced), ", ".join(result.unsourced)))
        return {self.OUTPUT: str(output), self.COUNT: result.sightings}

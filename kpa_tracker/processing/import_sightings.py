"""kpa_tracker:importsightings: sightings from CSV, GeoJSON or KML, every row checked like the form's.

Accepted rows are written all together, in one transaction, or not at all;
rejected rows go to a CSV with the reason for each.
"""

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..core.domain.records import SightingError
from ..core.domain.validation import clean_sighting
from ..core.sightings.gpkg_store import ensure_schema, existing_sighting_ids, write_records
from ..core.curated.store import known_unit_ids
from ..core.domain.times import utc_now
from ..core.sightings.exchange import (
    ExchangeError,
    cell,
    parse_mapping,
    read_rows,
    rejected_writer,
    resolve_columns,
    row_to_input,
)
from ..toolbelt.i18n import tr
from ..toolbelt.workspace import workspace_gpkg_path
from .base import KpaAlgorithm


def gpkg_from_parameter(value) -> Path:
    """A GeoPackage path from a path or a 'path|layername=…' source; the workspace when empty."""
    text = str(value or "").strip()
    if not text:
        return workspace_gpkg_path()
    path = Path(text.split("|", 1)[0])
    if path.suffix.lower() != ".gpkg":
        raise QgsProcessingException(tr("{} is not a GeoPackage (.gpkg)").format(path))
    return path


class ImportSightingsAlgorithm(KpaAlgorithm):
    NAME, GROUP_ID = "importsightings", "sightings"
    INPUT, MAPPING, OUTPUT, REJECTED = "INPUT", "MAPPING", "OUTPUT", "REJECTED"
    IMPORTED, REJECTED_COUNT = "IMPORTED", "REJECTED_COUNT"

    def displayName(self):  # noqa: N802
        return tr("Import sightings")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Sightings to import (CSV, GeoJSON or KML)"), QgsProcessingParameterFile.File,
            fileFilter=tr("Sightings") + " (*.csv *.geojson *.json *.kml);;CSV (*.csv);;"
                                            "GeoJSON (*.geojson *.json);;KML (*.kml)"))
        self.addParameter(QgsProcessingParameterString(
            self.MAPPING, tr("Column mapping (field=column; …), empty to take columns named as the fields"),
            multiLine=True, optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.OUTPUT, tr("Sightings GeoPackage to add to (empty: your workspace)"),
            QgsProcessingParameterFile.File,
            fileFilter="GeoPackage (*.gpkg)", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REJECTED, tr("Rejected rows, with the reason for each"), "CSV (*.csv)", optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputNumber(self.IMPORTED, tr("Sightings imported")))
        self.addOutput(QgsProcessingOutputNumber(self.REJECTED_COUNT, tr("Rows rejected")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = Path(self.parameterAsFile(parameters, self.INPUT, context))
        target = gpkg_from_parameter(self.parameterAsFile(parameters, self.OUTPUT, context))
        rejected_path = self.parameterAsFileOutput(parameters, self.REJECTED, context)
        try:
            mapping = parse_mapping(self.parameterAsString(parameters, self.MAPPING, context))
            columns, rows = read_rows(source)
            resolved = resolve_columns(columns, mapping)
        except ExchangeError as exc:
            raise QgsProcessingException(str(exc)) from exc
        if not any(key in resolved for key in ("longitude", "wkt")) and not any(r.point for r in rows):
            feedback.pushWarning(tr("{} has no longitude/latitude or WKT column and no point geometry; "
                                    "every row will be rejected for want of a place").format(source.name))
        try:
            ensure_schema(target)
        except SightingError as exc:
            raise QgsProcessingException(str(exc)) from exc
        present = existing_sighting_ids(target)
        units = known_unit_ids(target)
        now = utc_now()
        accepted, rejected, seen = [], [], set()
        for index, row in enumerate(rows):
            if feedback.isCanceled():
                raise QgsProcessingException(tr("Canceled: nothing was imported"))
            sighting, sources, problems = row_to_input(row, resolved)
            record, found = clean_sighting(sighting, sources, now, units)
            reasons = problems + [str(p) for p in found]
            if record is not None and not reasons:
                if record.sighting_id in present:
                    reasons.append(tr("sighting_id {} is already in the layer").format(record.sighting_id))
                elif record.sighting_id in seen:
                    reasons.append(tr("sighting_id {} appears earlier in the file").format(
                        record.sighting_id))
            if reasons:
                rejected.append((row, "; ".join(reasons)))
            else:
                seen.add(record.sighting_id)
                accepted.append(record)
            feedback.setProgress(80.0 * (index + 1) / max(1, len(rows)))
        if rejected_path:
            self._write_rejected(rejected_path, columns, rejected)
        for row, reason in rejected[:20]:
            feedback.reportError(tr("Row {}: {}").format(row.number, reason))
        if len(rejected) > 20:
            feedback.reportError(tr("… and {} more rejected rows{}").format(
                len(rejected) - 20, tr(" (all in {})").format(rejected_path) if rejected_path else ""))
        if accepted:
            try:
                write_records(target, accepted)
            except SightingError as exc:
                raise QgsProcessingException(tr("Nothing was imported: {}").format(exc)) from exc
        feedback.setProgress(100.0)
        feedback.pushInfo(tr("Imported {} sightings into {}; {} rows rejected").format(
            len(accepted), target, len(rejected)))
        results = {self.OUTPUT: str(target), self.IMPORTED: len(accepted), self.REJECTED_COUNT: len(rejected)}
        if rejected_path:
            results[self.REJECTED] = rejected_path
        return results

    @staticmethod
    def _write_rejected(path, columns, rejected):
        handle, writer = rejected_writer(path, columns)
        try:
            for row, reason in rejected:
                writer.writerow([row.number, reason] + [cell(row.values.get(c)) for c in columns])
        finally:
            handle.close()


__all__ = ["ImportSightingsAlgorithm", "gpkg_from_parameter"]

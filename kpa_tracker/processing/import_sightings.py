"""kpa_tracker:importsightings: sightings from another tool's file, read exactly as the import dialog reads it.

The parameters are the dialog's choices (layout, mapping, defaults, duplicates), each with the documented
default of core/imports/targets.py, so a plain file imports with INPUT alone. The run is
core/imports/pipeline.run_import: accepted rows are written all together, in one transaction, or not at
all; rejected rows go to a CSV with the reason for each.
"""

from pathlib import Path

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..core.domain.grading import CLAIM_STATUS, GEO_PRECISION, INFO_CREDIBILITY, SOURCE_RELIABILITY, TIME_PRECISION
from ..core.domain.records import SightingError
from ..core.imports.pipeline import ACCEPTED, ADD_SOURCES, REJECTED, SKIP, ImportSpec, run_import
from ..core.imports.saved import load_mapping
from ..core.imports.targets import AUTO, DEFAULTS
from ..core.sightings.exchange import ExchangeError, parse_mapping
from ..core.sightings.store import GpkgStore, selected_store
from ..toolbelt.i18n import tr
from .base import KpaAlgorithm

LAYOUT_KEYS = ("auto", "own", "acled", "geoconfirmed", "timemap", "plain")
ENCODINGS = ("auto", "utf-8", "utf-16", "cp1251", "cp949", "latin-1")
TIME_CODES = (AUTO,) + tuple(code for code, _l in TIME_PRECISION)
GEO_CODES = tuple(code for code, _l in GEO_PRECISION)
CLAIM_CODES = tuple(code for code, _l in CLAIM_STATUS)
LETTERS = tuple(code for code, _l in SOURCE_RELIABILITY)
NUMBERS = tuple(code for code, _l in INFO_CREDIBILITY)
DUPLICATE_ACTIONS = (SKIP, ADD_SOURCES)
FILE_FILTER = ("Sightings (*.csv *.tsv *.txt *.xlsx *.geojson *.json *.kml *.kmz *.gpkg);;CSV or TSV (*.csv *.tsv "
               "*.txt);;Excel workbook (*.xlsx);;GeoJSON (*.geojson *.json);;KML (*.kml *.kmz);;GeoPackage (*.gpkg)")
# How many rejected rows are printed one by one; the rest are counted (and all are in REJECTED).
PRINTED = 50


def gpkg_from_parameter(value):
    """A GeoPackage path from a path or a 'path|layername=…' source; None when empty (the chosen store)."""
    text = str(value or "").strip()
    if not text:
        return None
    path = Path(text.split("|", 1)[0])
    if path.suffix.lower() != ".gpkg":
        raise QgsProcessingException(tr("{} is not a GeoPackage (.gpkg)").format(path))
    return path


class ImportSightingsAlgorithm(KpaAlgorithm):
    NAME, GROUP_ID = "importsightings", "sightings"
    INPUT, LAYER, LAYOUT, SAVED, MAPPING = "INPUT", "LAYER", "LAYOUT", "SAVED_MAPPING", "MAPPING"
    ENCODING, DELIMITER = "ENCODING", "DELIMITER"
    TIME_PRECISION, GEO_PRECISION, CLAIM_STATUS = "TIME_PRECISION", "GEO_PRECISION", "CLAIM_STATUS"
    RELIABILITY, CREDIBILITY, UNIT, PUBLISHER = "SOURCE_RELIABILITY", "INFO_CREDIBILITY", "UNIT", "PUBLISHER"
    DUPLICATES, DUPLICATE_KM, DRY_RUN = "DUPLICATES", "DUPLICATE_KM", "DRY_RUN"
    ONLY_KNOWN_UNITS = "ONLY_KNOWN_UNITS"
    OUTPUT, REJECTED = "OUTPUT", "REJECTED"
    IMPORTED, REJECTED_COUNT, DUPLICATE_COUNT, MERGED_COUNT = "IMPORTED", "REJECTED_COUNT", "DUPLICATES_SKIPPED", \
        "MERGED"

    def displayName(self):  # noqa: N802
        return tr("Import sightings")

    def _enum(self, name, description, options, default):
        self.addParameter(QgsProcessingParameterEnum(name, description, options=list(options), defaultValue=default))

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFile(
            self.INPUT, tr("Sightings to import (CSV/TSV, Excel, GeoJSON, KML/KMZ or GeoPackage)"),
            QgsProcessingParameterFile.File, fileFilter=FILE_FILTER))
        self.addParameter(QgsProcessingParameterString(
            self.LAYER, tr("Layer of the GeoPackage, or sheet of the workbook (empty: the first)"), optional=True))
        self._enum(self.LAYOUT, tr("Layout of the file"),
                   [tr("Detected from its columns"), tr("Export sightings (this plugin)"), tr("ACLED export"),
                    tr("GeoConfirmed (KML or JSON)"), tr("Bellingcat TimeMap (CSV or JSON)"),
                    tr("Plain spreadsheet (date, lat, lon, description, source URL)")], 0)
        self.addParameter(QgsProcessingParameterString(
            self.SAVED, tr("Saved mapping to apply (its name, as saved in the import dialog)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.MAPPING, tr("Column mapping (field=column; …), over the layout's own; field= drops a column"),
            multiLine=True, optional=True))
        self._enum(self.ENCODING, tr("Text encoding (CSV)"),
                   [tr("Detected"), "UTF-8", "UTF-16", tr("Windows-1251 (Russian)"), tr("CP949 (Korean)"),
                    "Latin-1"], 0)
        self.addParameter(QgsProcessingParameterString(
            self.DELIMITER, tr("Delimiter (CSV; empty: detected)"), optional=True))
        self._enum(self.TIME_PRECISION, tr("Time precision where the file has none"),
                   [tr("From how each date is written")] + [tr(l) for _c, l in TIME_PRECISION], 0)
        self._enum(self.GEO_PRECISION, tr("Location precision where the file has none"),
                   [tr(l) for _c, l in GEO_PRECISION], GEO_CODES.index(DEFAULTS["geo_precision"]))
        self._enum(self.CLAIM_STATUS, tr("Claim status where the file has none"),
                   [tr(l) for _c, l in CLAIM_STATUS], CLAIM_CODES.index(DEFAULTS["claim_status"]))
        self._enum(self.RELIABILITY, tr("Source reliability where the file has none"),
                   ["{} {}".format(c, tr(l)) for c, l in SOURCE_RELIABILITY],
                   LETTERS.index(DEFAULTS["source_reliability"]))
        self._enum(self.CREDIBILITY, tr("Information credibility where the file has none"),
                   ["{} {}".format(c, tr(l)) for c, l in INFO_CREDIBILITY],
                   NUMBERS.index(DEFAULTS["info_credibility"]))
        self.addParameter(QgsProcessingParameterString(
            self.UNIT, tr("Unit as reported where the file names none"), defaultValue=DEFAULTS["unit_as_reported"],
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PUBLISHER, tr("Source publisher where the file names none (empty: from the source's address)"),
            optional=True))
        self._enum(self.DUPLICATES, tr("A row with the same source, date and place as a kept sighting"),
                   [tr("Skip it"), tr("Add its other sources to that sighting")], 0)
        self.addParameter(QgsProcessingParameterNumber(
            self.DUPLICATE_KM, tr("Same place: within (km)"), type=QgsProcessingParameterNumber.Type.Double, defaultValue=1.0,
            minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterBoolean(
            self.ONLY_KNOWN_UNITS, tr("Only rows whose unit is a known unit (through the alias table)"),
            defaultValue=False))
        self.addParameter(QgsProcessingParameterBoolean(
            self.DRY_RUN, tr("Dry run: check and report, write nothing"), defaultValue=False))
        self.addParameter(QgsProcessingParameterFile(
            self.OUTPUT, tr("Sightings GeoPackage to add to (empty: the store chosen in the plugin's settings, "
                            "your workspace by default)"), QgsProcessingParameterFile.File,
            fileFilter="GeoPackage (*.gpkg)", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.REJECTED, tr("Rejected and duplicate rows, with the reason for each"), "CSV (*.csv)", optional=True,
            createByDefault=False))
        for name, text in ((self.IMPORTED, tr("Sightings imported")), (self.REJECTED_COUNT, tr("Rows rejected")),
                           (self.DUPLICATE_COUNT, tr("Duplicate rows skipped")),
                           (self.MERGED_COUNT, tr("Rows added as sources to kept sightings"))):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    def spec(self, parameters, context) -> ImportSpec:
        """The ImportSpec these parameters say (the dialog builds the same object from its widgets)."""
        enum = lambda name, codes: codes[self.parameterAsEnum(parameters, name, context)]  # noqa: E731
        text = lambda name: (self.parameterAsString(parameters, name, context) or "").strip()  # noqa: E731
        spec = ImportSpec(path=self.parameterAsFile(parameters, self.INPUT, context))
        if text(self.SAVED):
            spec = load_mapping(text(self.SAVED), spec)
        mapping = parse_mapping(self.parameterAsString(parameters, self.MAPPING, context))
        layout = enum(self.LAYOUT, LAYOUT_KEYS)
        encoding = enum(self.ENCODING, ENCODINGS)
        defaults = dict(spec.defaults)
        defaults.update({
            "time_precision": enum(self.TIME_PRECISION, TIME_CODES),
            "geo_precision": enum(self.GEO_PRECISION, GEO_CODES),
            "claim_status": enum(self.CLAIM_STATUS, CLAIM_CODES),
            "source_reliability": enum(self.RELIABILITY, LETTERS),
            "info_credibility": enum(self.CREDIBILITY, NUMBERS),
            "unit_as_reported": text(self.UNIT),
            "source_publisher": text(self.PUBLISHER),
        })
        spec.defaults = defaults
        spec.mapping = dict(spec.mapping, **mapping)
        if layout != "auto" or not text(self.SAVED):
            spec.layout = layout
        if encoding != "auto":
            spec.encoding = encoding
        if text(self.DELIMITER):
            spec.delimiter = text(self.DELIMITER).replace("\\t", "\t")
        spec.layer = text(self.LAYER) or None
        spec.duplicates = enum(self.DUPLICATES, DUPLICATE_ACTIONS)
        spec.duplicate_km = self.parameterAsDouble(parameters, self.DUPLICATE_KM, context)
        spec.only_known_units = spec.only_known_units or self.parameterAsBool(parameters, self.ONLY_KNOWN_UNITS,
                                                                              context)
        spec.rejected_path = self.parameterAsFileOutput(parameters, self.REJECTED, context) or None
        return spec

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        target = gpkg_from_parameter(self.parameterAsFile(parameters, self.OUTPUT, context))
        store = GpkgStore(target) if target is not None else selected_store()
        dry_run = self.parameterAsBool(parameters, self.DRY_RUN, context)
        try:
            spec = self.spec(parameters, context)
            report = run_import(spec, store, dry_run, progress=feedback.setProgress, is_canceled=feedback.isCanceled)
        except (ExchangeError, SightingError) as exc:
            raise QgsProcessingException(tr("Nothing was imported: {}").format(exc)) from exc
        if report.canceled:
            raise QgsProcessingException(report.summary())
        # Each rejection once, as a warning: qgis_process prints an error twice (its own line and the message
        # log's), a warning once. The summary is an info line.
        printed = warned = 0
        for outcome in report.outcomes:
            if outcome.status == REJECTED and printed < PRINTED:
                feedback.pushWarning(tr("Row {}: {}").format(outcome.number, outcome.reason))
                printed += 1
            elif outcome.status == ACCEPTED and outcome.reason and warned < PRINTED:
                feedback.pushWarning(tr("Row {}: {}").format(outcome.number, outcome.reason))
                warned += 1
        if report.rejected > printed:
            feedback.pushWarning(tr("… and {} more rejected rows{}").format(
                report.rejected - printed,
                tr(" (all in {})").format(report.rejected_path) if report.rejected_path else ""))
        if report.duplicates:
            feedback.pushWarning(tr("{} rows had the same source, date and place as a kept sighting and were "
                                    "skipped").format(report.duplicates))
        feedback.pushInfo(report.summary() + " · " + store.describe())
        results = {self.OUTPUT: str(target) if target is not None else store.describe(),
                   self.IMPORTED: report.accepted, self.REJECTED_COUNT: report.rejected,
                   self.DUPLICATE_COUNT: report.duplicates, self.MERGED_COUNT: report.merged}
        if report.rejected_path:
            results[self.REJECTED] = report.rejected_path
        return results


__all__ = ["ImportSightingsAlgorithm", "gpkg_from_parameter"]

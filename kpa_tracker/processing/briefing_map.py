"""kpa_tracker:briefingmap: a sourced briefing map (PDF or PNG) for a preset or an extent, headless."""

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
    QgsProject,
)

from ..core.curated import data as curated
from ..core.briefing.build import PAGES, PRESETS, build_briefing, export
from ..core.project.layers import load_layers
from ..toolbelt.svg_paths import add_plugin_svg_path
from ..toolbelt.i18n import tr
from ..toolbelt.workspace import workspace_gpkg_path
from .base import KpaAlgorithm

EXTENT_CHOICE = len(PRESETS)  # the enum's last entry: use EXTENT


class BriefingMapAlgorithm(KpaAlgorithm):
    NAME, GROUP_ID = "briefingmap", "maps"
    PRESET, EXTENT, PAGE, TITLE, OUTPUT = "PRESET", "EXTENT", "PAGE", "TITLE", "OUTPUT"

    def displayName(self):  # noqa: N802
        return tr("Briefing map")

    def flags(self):
        # Layouts are built and exported on the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterEnum(
            self.PRESET, tr("Preset"), [p.title for p in PRESETS] + [tr("The extent given (EXTENT)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Extent (with PRESET = extent)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.PAGE, tr("Page"), list(PAGES), defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"),
                                                       defaultValue=tr("North Korean troops in Russia")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Output map"), "PDF (*.pdf);;PNG (*.png)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if output.suffix.lower() not in (".pdf", ".png"):
            raise QgsProcessingException(tr("OUTPUT must end in .pdf or .png, not '{}'").format(output.name))
        choice = self.parameterAsEnum(parameters, self.PRESET, context)
        page = list(PAGES)[self.parameterAsEnum(parameters, self.PAGE, context)]
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        if choice == EXTENT_CHOICE:
            extent = self.parameterAsExtent(parameters, self.EXTENT, context, wgs84)
            if extent.isEmpty():
                raise QgsProcessingException(tr("PRESET is 'extent' but no EXTENT was given"))
            crs, subtitle = "EPSG:3857", tr("Custom extent")
        else:
            preset = PRESETS[choice]
            extent = preset.extent_rectangle()
            crs, subtitle = preset.crs, preset.title
        add_plugin_svg_path()  # the symbols, also headless
        project = QgsProject()  # a project of its own: the analyst's open one is not touched
        catalogue, result = curated.load_cached()
        outcome = load_layers(project, catalogue, [l.id for l in catalogue if l.default_load], result,
                              workspace_gpkg_path())
        for problem in outcome.problems:
            feedback.reportError(problem)
        briefing = build_briefing(project, extent, crs, page, self.parameterAsString(parameters, self.TITLE, context),
                                  subtitle)
        export(briefing, output, page)
        feedback.pushInfo(tr("{} sources cited; data as of {}").format(len(briefing.sources), briefing.as_of))
        project.clear()
        return {self.OUTPUT: str(output)}

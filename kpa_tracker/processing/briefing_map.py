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
from ..core.briefing.build import PAGES, PRESETS, build_briefing, default_author, export, parse_as_of
from ..core.briefing import settings as briefing_settings
from ..core.project.layers import load_layers
from ..toolbelt.svg_paths import add_plugin_svg_path
from ..toolbelt.i18n import tr
from ..toolbelt.workspace import workspace_gpkg_path
from ..core.briefing.atlas import build_atlas, export_atlas
from ..core.briefing.headless import add_local_sightings
from .base import KpaAlgorithm

EXTENT_CHOICE = len(PRESETS)  # 3: use EXTENT
THROUGH_TIME = EXTENT_CHOICE + 1  # 4: the front through time, a page per front snapshot (kept after 0..3)


class BriefingMapAlgorithm(KpaAlgorithm):
    NAME, GROUP_ID = "briefingmap", "maps"
    PRESET, EXTENT, PAGE, TITLE, OUTPUT = "PRESET", "EXTENT", "PAGE", "TITLE", "OUTPUT"
    AS_OF, AUTHOR, HANDLING = "AS_OF", "AUTHOR", "HANDLING"

    def displayName(self):  # noqa: N802
        return tr("Briefing map")

    def flags(self):
        # Layouts are built and exported on the main thread.
        return super().flags() | QgsProcessingAlgorithm.Flag.FlagNoThreading

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterEnum(
            self.PRESET, tr("Preset"), [p.title for p in PRESETS] + [tr("The extent given (EXTENT)"),
                                            tr("The Kursk front through time (a page per snapshot)")],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterExtent(self.EXTENT, tr("Extent (with PRESET = extent)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterEnum(self.PAGE, tr("Page"), list(PAGES), defaultValue=0))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Title"),
                                                       defaultValue=tr("North Korean troops in Russia")))
        self.addParameter(QgsProcessingParameterString(
            self.AS_OF, tr("As of (yyyy-mm-dd; empty: today)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.AUTHOR, tr("Author (empty: your user name)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.HANDLING, tr("Handling line"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Output map"), "PDF (*.pdf);;PNG (*.png)"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        output = Path(self.parameterAsFileOutput(parameters, self.OUTPUT, context))
        if output.suffix.lower() not in (".pdf", ".png"):
            raise QgsProcessingException(tr("OUTPUT must end in .pdf or .png, not '{}'").format(output.name))
        choice = self.parameterAsEnum(parameters, self.PRESET, context)
        as_of_text = self.parameterAsString(parameters, self.AS_OF, context).strip()
        try:
            as_of = parse_as_of(as_of_text, self.AS_OF) if as_of_text else None
        except ValueError as exc:
            raise QgsProcessingException(str(exc)) from None
        author = self.parameterAsString(parameters, self.AUTHOR, context).strip() or \
            briefing_settings.author() or default_author()
        handling = self.parameterAsString(parameters, self.HANDLING, context).strip() or briefing_settings.handling()
        if choice == THROUGH_TIME and output.suffix.lower() != ".pdf":
            raise QgsProcessingException(tr("PRESET 4 (the front through time) makes a PDF: OUTPUT must end in "
                                            ".pdf, not '{}'").format(output.name))
        page = list(PAGES)[self.parameterAsEnum(parameters, self.PAGE, context)]
        wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
        if choice == THROUGH_TIME:
            extent, crs, subtitle = PRESETS[2].extent_rectangle(), PRESETS[2].crs, PRESETS[2].title
        elif choice == EXTENT_CHOICE:
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
        shown = add_local_sightings(project)
        if shown:
            feedback.pushInfo(tr("Your sightings are on the map: {}").format(shown))
        title = self.parameterAsString(parameters, self.TITLE, context)
        try:
            if choice == THROUGH_TIME:
                atlas = build_atlas(project, extent, crs, page, title, author=author, handling=handling)
                export_atlas(atlas, output)
                feedback.pushInfo(tr("{} snapshots, {} sources cited").format(atlas.count, len(atlas.sources)))
                if atlas.chart_problem:
                    feedback.pushWarning(atlas.chart_problem)
            else:
                briefing = build_briefing(project, extent, crs, page, title, subtitle, as_of=as_of, author=author,
                                          handling=handling)
                export(briefing, output, page)
                feedback.pushInfo(tr("{} sources cited; picture of {}; newest information shown {}")
                                  .format(len(briefing.sources), briefing.day.isoformat(), briefing.as_of or "–"))
        finally:
            project.clear()
        return {self.OUTPUT: str(output)}

"""kpa_tracker:validatecurated: check the curated data files as a data curator would before committing."""

from qgis.core import QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingOutputString

from ..core.curated.checks import validate
from ..toolbelt.i18n import tr
from .base import KpaAlgorithm


class ValidateCuratedAlgorithm(KpaAlgorithm):
    NAME, GROUP_ID = "validatecurated", "curated"
    PROBLEMS = "PROBLEMS"
    REPORT = "REPORT"

    def displayName(self):  # noqa: N802
        return tr("Validate curated data")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addOutput(QgsProcessingOutputNumber(self.PROBLEMS, tr("Number of problems")))
        self.addOutput(QgsProcessingOutputString(self.REPORT, tr("Report")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        problems = validate()
        for problem in problems:
            feedback.reportError(str(problem))
        if problems:
            raise QgsProcessingException(tr("{} problem(s) in the curated data").format(len(problems)))
        feedback.pushInfo(tr("The curated data is valid."))
        return {self.PROBLEMS: 0, self.REPORT: "valid"}

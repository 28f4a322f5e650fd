"""kpa_tracker:validatecurated: check the curated data files as a data curator would before committing."""

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
)

from ..core.curated.checks import validate


class ValidateCuratedAlgorithm(QgsProcessingAlgorithm):
    PROBLEMS = "PROBLEMS"
    REPORT = "REPORT"

    def name(self):
        return "validatecurated"

    def displayName(self):  # noqa: N802
        return "Validate curated data"

    def group(self):
        return "Curated data"

    def groupId(self):  # noqa: N802
        return "curated"

    def shortHelpString(self):  # noqa: N802
        return ("Reads every curated YAML file the plugin ships and checks it: schema, dates not "
                "in the future, http(s) sources, coordinates on Earth, unique ids, outline areas "
                "against the figures they cite, and rendered symbols. Fails with one line per "
                "problem, naming the file, the feature and the field.")

    def createInstance(self):  # noqa: N802
        return ValidateCuratedAlgorithm()

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addOutput(QgsProcessingOutputNumber(self.PROBLEMS, "Number of problems"))
        self.addOutput(QgsProcessingOutputString(self.REPORT, "Report"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        problems = validate()
        for problem in problems:
            feedback.reportError(str(problem))
        if problems:
            raise QgsProcessingException("{} problem(s) in the curated data".format(len(problems)))
        feedback.pushInfo("The curated data is valid.")
        return {self.PROBLEMS: 0, self.REPORT: "valid"}

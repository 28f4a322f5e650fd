"""The `kpa_tracker` Processing provider: one algorithm per module, each a KpaAlgorithm (base.py)."""

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..toolbelt.i18n import tr
from ..toolbelt.icons import plugin_icon_path

PROVIDER_ID = "kpa_tracker"


def algorithm_classes():
    """The algorithm classes this provider offers, imported only when QGIS asks."""
    from .briefing_map import BriefingMapAlgorithm
    from .export_curated import ExportCuratedAlgorithm
    from .export_sightings import ExportSightingsAlgorithm
    from .import_sightings import ImportSightingsAlgorithm
    from .range_rings import RangeRingsAlgorithm
    from .route import RouteAlgorithm
    from .validate_curated import ValidateCuratedAlgorithm

    return [ExportCuratedAlgorithm, ValidateCuratedAlgorithm, RouteAlgorithm, BriefingMapAlgorithm,
            ImportSightingsAlgorithm, ExportSightingsAlgorithm, RangeRingsAlgorithm]


class KpaTrackerProvider(QgsProcessingProvider):
    def id(self):
        return PROVIDER_ID

    def name(self):
        return tr("KPA Deployment Tracker")

    def longName(self):  # noqa: N802
        return tr("KPA Deployment Tracker: curated data, measuring, routing and sightings")

    def icon(self):
        return QIcon(plugin_icon_path())

    def svgIconPath(self):  # noqa: N802
        return plugin_icon_path()

    def loadAlgorithms(self):  # noqa: N802
        for algorithm_class in algorithm_classes():
            self.addAlgorithm(algorithm_class())

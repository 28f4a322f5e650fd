"""Ctrl+K: find places (the place index) and curated units by any spelling, and zoom to them."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsLocatorFilter,
    QgsLocatorResult,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)

from ..core.curated import data as curated
from ..core.places import index as place_index
from ..toolbelt.compat import locator_result_data
from ..toolbelt.i18n import tr

UNIT_LAYERS = ("units",)  # searched after the places, as the place index does not hold units
ZOOM_HALF_WIDTH_DEG = 0.6
MAX_RESULTS = 30


def build_index():
    """[(place, description)] of the place index and the curated units, as plain data for the worker thread."""
    catalogue, result = curated.load_cached()
    titles = {layer.id: layer.title for layer in catalogue}
    titles[place_index.TOWN_KIND] = tr("Town of the transport network")
    entries = [(place, titles.get(place.kind, place.kind)) for place in place_index.cached()]
    entries += [(unit, titles.get(unit.kind, unit.kind)) for unit in place_index.unit_places(result, UNIT_LAYERS)]
    return entries


def search(index, query):
    """(place, description) entries the query names, best first, misspellings last."""
    if len(curated.fold(query)) < 2:
        return []
    descriptions = {id(place): description for place, description in index}
    hits = place_index.search([place for place, _ in index], query, MAX_RESULTS)
    return [(place, descriptions[id(place)]) for place in hits]


class KpaLocatorFilter(QgsLocatorFilter):
    def __init__(self, iface, index=None):
        super().__init__()
        self.iface = iface
        self._index = index

    def clone(self):
        # QGIS runs each search on a clone in a worker thread: hand it plain data only.
        return KpaLocatorFilter(self.iface, self._index or build_index())

    def name(self):
        return "kpa_tracker"

    def displayName(self):  # noqa: N802
        return tr("KPA Deployment Tracker")

    def prefix(self):
        return "kpa"

    def fetchResults(self, string, context, feedback):  # noqa: N802
        index = self._index if self._index is not None else build_index()
        hits = search(index, string)
        for rank, (place, description) in enumerate(hits):
            if feedback.isCanceled():
                return
            result = QgsLocatorResult(self, place.name, [place.lon, place.lat, place.id])
            result.description = description
            # QGIS lists a filter's results by score, best first: keep the index's order
            # (exact names before prefixes and misspellings, a base before its town).
            result.score = 1.0 - rank / (len(hits) + 1.0)
            self.resultFetched.emit(result)

    def triggerResult(self, result):  # noqa: N802
        lon, lat, _feature_id = locator_result_data(result)
        canvas = self.iface.mapCanvas()
        transform = QgsCoordinateTransform(
            QgsCoordinateReferenceSystem("EPSG:4326"),
            canvas.mapSettings().destinationCrs(), QgsProject.instance())
        box = QgsRectangle(lon - ZOOM_HALF_WIDTH_DEG, lat - ZOOM_HALF_WIDTH_DEG / 2,
                           lon + ZOOM_HALF_WIDTH_DEG, lat + ZOOM_HALF_WIDTH_DEG / 2)
        canvas.setExtent(transform.transformBoundingBox(box))
        canvas.refresh()
        point = QgsGeometry.fromPointXY(QgsPointXY(lon, lat))
        canvas.flashGeometries([point], QgsCoordinateReferenceSystem("EPSG:4326"))

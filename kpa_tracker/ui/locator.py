"""Ctrl+K: find curated units and bases by any of their names, and zoom to them."""

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

from ..core import curated
from ..core.compat import locator_result_data

SEARCHED_LAYERS = ("units", "bases", "kursk_sites")
ZOOM_HALF_WIDTH_DEG = 0.6


def build_index():
    """[(folded names, display text, layer id, feature id, lon, lat)] from the curated data."""
    catalogue, result = curated.load_cached()
    titles = {layer.id: layer.title for layer in catalogue}
    index = []
    for layer_id in SEARCHED_LAYERS:
        for feature in result.features.get(layer_id, []):
            folded = [curated.fold(name) for name in feature.search_names()]
            lon, lat = feature.coordinates
            index.append((folded, feature.name, titles.get(layer_id, layer_id), feature.id, lon, lat))
    return index


def search(index, query):
    """Entries any of whose names contains the query, ignoring case, accents and apostrophes."""
    needle = curated.fold(query)
    if len(needle) < 2:
        return []
    hits = []
    for entry in index:
        names = entry[0]
        if any(needle in name for name in names):
            exact = any(name.startswith(needle) for name in names)
            hits.append((0 if exact else 1, entry))
    return [entry for _, entry in sorted(hits, key=lambda hit: (hit[0], hit[1][1]))]


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
        return "KPA Deployment Tracker"

    def prefix(self):
        return "kpa"

    def fetchResults(self, string, context, feedback):  # noqa: N802
        index = self._index if self._index is not None else build_index()
        for entry in search(index, string):
            if feedback.isCanceled():
                return
            _, display, layer_title, feature_id, lon, lat = entry
            result = QgsLocatorResult(self, display, [lon, lat, feature_id])
            result.description = layer_title
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

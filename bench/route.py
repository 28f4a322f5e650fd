"""Routes on a 100,000-edge grid: kpa_tracker.core.routing.network against native:shortestpathpointtopoint.

The same vertex-to-vertex queries, in the same run. The native algorithm builds
the graph on every run; ours builds it on the first query and keeps it until
the layer changes, so:
- first: our query with the graph built (cache cleared), median of COLD_ROUNDS,
  against the native median on the same queries;
- repeated: our queries with the graph cached, median, against the native median.
Our answers are checked against the native ones (same length to the millimetre).
"""

import random
import statistics
import sys
import time

from qgis.core import QgsApplication, QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from kpa_tracker.core.routing import network as routing

SIDE = 224  # vertices per side: 2 * 224 * 223 = 99,904 edges
STEP = 0.01  # degrees between grid vertices
ORIGIN = (30.0, 50.0)
COLD_ROUNDS = 3
QUERIES = 10
PROCESSING_PLUGINS = "/usr/share/qgis/python/plugins"


def grid_layer() -> QgsVectorLayer:
    layer = QgsVectorLayer("LineString?crs=EPSG:4326", "grid", "memory")
    features = []

    def point(i, j):
        return QgsPointXY(ORIGIN[0] + i * STEP, ORIGIN[1] + j * STEP)

    for row in range(SIDE):
        for col in range(SIDE - 1):
            for a, b in ((point(col, row), point(col + 1, row)), (point(row, col), point(row, col + 1))):
                feature = QgsFeature()
                feature.setGeometry(QgsGeometry.fromPolylineXY([a, b]))
                features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


def queries(count):
    rng = random.Random(5)
    picks = []
    for _ in range(count):
        a = (rng.randrange(SIDE), rng.randrange(SIDE))
        b = (rng.randrange(SIDE), rng.randrange(SIDE))
        picks.append(tuple((ORIGIN[0] + i * STEP, ORIGIN[1] + j * STEP) for i, j in (a, b)))
    return picks


def _processing():
    if PROCESSING_PLUGINS not in sys.path:
        sys.path.append(PROCESSING_PLUGINS)
    from processing.core.Processing import Processing

    Processing.initialize()
    import processing

    return processing


def _ours(layer, start, end):
    began = time.perf_counter()
    result = routing.find_route(layer, [routing.Stop("a", *start), routing.Stop("b", *end)])
    return time.perf_counter() - began, result.total_km


def _native(processing, layer, start, end):
    began = time.perf_counter()
    answer = processing.run("native:shortestpathpointtopoint", {
        "INPUT": layer, "STRATEGY": 0, "OUTPUT": "memory:",
        "START_POINT": "{},{} [EPSG:4326]".format(*start), "END_POINT": "{},{} [EPSG:4326]".format(*end)})
    return time.perf_counter() - began, next(answer["OUTPUT"].getFeatures())["cost"] / 1000.0


def run() -> dict:
    if QgsApplication.instance() is None:
        app = QgsApplication([], False)
        app.initQgis()
    processing = _processing()
    layer = grid_layer()
    pairs = queries(QUERIES)
    builds = routing.stats["builds"]
    cold, native, expected = [], [], {}
    for index, (start, end) in enumerate(pairs[:COLD_ROUNDS]):
        routing.clear_cache()
        seconds, _km = _ours(layer, start, end)
        cold.append(seconds)
        seconds, expected[index] = _native(processing, layer, start, end)
        native.append(seconds)
    cached = []
    for index, (start, end) in enumerate(pairs):
        seconds, km = _ours(layer, start, end)
        cached.append(seconds)
        if index in expected and abs(km - expected[index]) > 1e-6:
            raise SystemExit("query {}: ours {} km, native {} km".format(index, km, expected[index]))
    if routing.stats["builds"] - builds != COLD_ROUNDS:
        raise SystemExit("the graph was built {} times, not {}".format(routing.stats["builds"] - builds, COLD_ROUNDS))
    figures = {
        "edges": layer.featureCount(),
        "ours_first_s": statistics.median(cold),
        "ours_repeated_ms": statistics.median(cached) * 1000,
        "native_s": statistics.median(native),
    }
    figures["first_speedup"] = figures["native_s"] / figures["ours_first_s"]
    figures["repeated_speedup"] = figures["native_s"] * 1000 / figures["ours_repeated_ms"]
    print(
        "route: {} edges, vertex-to-vertex queries, same answers as native\n"
        "  ours, graph built (median of {})     {:.2f} s   ({:.2f}x native speed)\n"
        "  ours, graph cached (median of {})   {:.1f} ms  ({:.0f}x native speed)\n"
        "  native:shortestpathpointtopoint      {:.2f} s   (median of {})".format(
            figures["edges"], COLD_ROUNDS, figures["ours_first_s"], figures["first_speedup"], len(cached),
            figures["ours_repeated_ms"], figures["repeated_speedup"], figures["native_s"], len(native)))
    return figures


if __name__ == "__main__":
    run()

"""Loading the curated layers into a project, against plain QgsVectorLayer loads, same run.

- cold: a fresh workspace (the plugin materialises the YAML into the GeoPackage,
  then opens and styles each layer);
- warm: the workspace exists (the plugin checks it against the shipped data,
  then opens and styles each layer);
- native: QgsVectorLayer on the same GeoPackage tables and addMapLayer, no style;
- native cold: QgsVectorFileWriter writing the same rows to a new GeoPackage, then
  the native load (what the plugin's cold load does, without checks or styles).
Each figure is the median of several rounds; the project is cleared between loads.
"""

import shutil
import statistics
import tempfile
import time
from pathlib import Path

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.curated.store import (
    GEOMETRY_TYPES, _build_row, curated_attributes, curated_geometry, layer_uri,
    qgs_fields, table_name)
from kpa_tracker.toolbelt.gpkg import create_table
from kpa_tracker.core.project.layers import load_layers

ROUNDS = 15


def _timed(action):
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def run() -> dict:
    app = QgsApplication.instance()
    if app is None:
        app = QgsApplication([], False)
        app.initQgis()
    project = QgsProject.instance()
    catalogue = curated.load_catalogue()
    ids = [layer.id for layer in catalogue if layer.kind == "curated"]
    work = Path(tempfile.mkdtemp(prefix="kpa-bench-"))
    cached = curated.load_all(catalogue)
    prepared = []
    for layer in catalogue:
        if layer.kind == "curated":
            fields = qgs_fields(layer)
            rows = [_build_row(fields, curated_attributes(f, layer), curated_geometry(f))
                    for f in cached.features[layer.id]]
            prepared.append((layer, fields, rows))
    cold, warm, native, native_cold = [], [], [], []
    try:
        for round_index in range(ROUNDS):
            gpkg = work / "round{}.gpkg".format(round_index)

            def plugin_load(read_yaml):
                # Cold: the YAML is read and checked (as when the dock first opens);
                # warm: the plugin's in-memory copy is used, as for any later load.
                result = curated.load_all(catalogue) if read_yaml else cached
                outcome = load_layers(project, catalogue, ids, result, gpkg)
                assert len(outcome.loaded) == len(ids), outcome.problems

            cold.append(_timed(lambda: plugin_load(True)))
            project.removeAllMapLayers()
            warm.append(_timed(lambda: plugin_load(False)))
            project.removeAllMapLayers()

            def native_load():
                for layer in catalogue:
                    if layer.kind == "curated":
                        loaded = QgsVectorLayer(layer_uri(gpkg, layer), layer.title, "ogr")
                        assert loaded.isValid()
                        project.addMapLayer(loaded)

            native.append(_timed(native_load))
            project.removeAllMapLayers()

            native_gpkg = work / "native{}.gpkg".format(round_index)

            def native_cold_load():
                for layer, fields, rows in prepared:
                    create_table(native_gpkg, table_name(layer), fields, GEOMETRY_TYPES[layer.geometry], rows)
                for layer, _fields, _rows in prepared:
                    loaded = QgsVectorLayer(layer_uri(native_gpkg, layer), layer.title, "ogr")
                    assert loaded.isValid()
                    project.addMapLayer(loaded)

            native_cold.append(_timed(native_cold_load))
            project.removeAllMapLayers()
    finally:
        project.clear()
        shutil.rmtree(str(work), ignore_errors=True)
    figures = {
        "cold_ms": statistics.median(cold) * 1000,
        "warm_ms": statistics.median(warm) * 1000,
        "native_ms": statistics.median(native) * 1000,
        "native_cold_ms": statistics.median(native_cold) * 1000,
    }
    figures["warm_ratio"] = figures["warm_ms"] / figures["native_ms"]
    figures["cold_ratio"] = figures["cold_ms"] / figures["native_cold_ms"]
    print(
        "load_curated: {} curated layers into a project (median of {} rounds)\n"
        "  plugin, cold (fresh workspace)  {:.1f} ms  ({:.2f}x native write and load)\n"
        "  plugin, warm (workspace exists) {:.1f} ms  ({:.2f}x native load)\n"
        "  native write and load           {:.1f} ms\n"
        "  native load                     {:.1f} ms".format(
            len(ids), ROUNDS, figures["cold_ms"], figures["cold_ratio"], figures["warm_ms"],
            figures["warm_ratio"], figures["native_cold_ms"], figures["native_ms"]))
    return figures


if __name__ == "__main__":
    run()

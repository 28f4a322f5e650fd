"""Exporting an A4 PDF of the theatre preset: the plugin's whole path against QGIS's own exporter.

- plugin: build the briefing layout from the template (map, overview, legend,
  sources of the features in view) and export it;
- QGIS: QgsLayoutExporter.exportToPdf of the same, already built layout.
Medians of several rounds in the same run.
"""

import statistics
import tempfile
import time
from pathlib import Path

from qgis.core import QgsApplication, QgsLayoutExporter, QgsProject

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.briefing.build import build_briefing, export, preset_by_id
from kpa_tracker.core.project.layers import load_layers
from kpa_tracker.toolbelt.svg_paths import add_plugin_svg_path

ROUNDS = 5


def run() -> dict:
    if QgsApplication.instance() is None:
        app = QgsApplication([], True)
        app.initQgis()
    add_plugin_svg_path()
    work = Path(tempfile.mkdtemp(prefix="kpa-bench-briefing-"))
    project = QgsProject.instance()
    catalogue, result = curated.load_cached()
    load_layers(project, catalogue, [l.id for l in catalogue if l.default_load], result, work / "ws.gpkg")
    preset = preset_by_id("theatre")
    plugin, native = [], []
    for index in range(ROUNDS):
        started = time.perf_counter()
        briefing = build_briefing(project, preset.extent_rectangle(), preset.crs, "A4 landscape")
        export(briefing, work / "plugin{}.pdf".format(index), "A4 landscape")
        plugin.append(time.perf_counter() - started)
        exporter = QgsLayoutExporter(briefing.layout)
        started = time.perf_counter()
        status = exporter.exportToPdf(str(work / "native{}.pdf".format(index)),
                                      QgsLayoutExporter.PdfExportSettings())
        native.append(time.perf_counter() - started)
        assert status == QgsLayoutExporter.Success
    project.clear()
    figures = {"plugin_s": statistics.median(plugin), "native_s": statistics.median(native)}
    figures["ratio"] = figures["plugin_s"] / figures["native_s"]
    print("briefing: A4 PDF of the theatre preset (median of {})\n"
          "  plugin (build layout, collect sources, export)  {:.2f} s\n"
          "  QGIS QgsLayoutExporter.exportToPdf, same layout {:.2f} s\n"
          "  ratio                                           {:.2f}x".format(
              ROUNDS, figures["plugin_s"], figures["native_s"], figures["ratio"]))
    return figures


if __name__ == "__main__":
    run()

"""Export the three briefing presets as PDF and PNG into docs/briefing/ (for the README and review)."""

import datetime
import sys
import time
from pathlib import Path

from qgis.core import QgsApplication, QgsProject

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.briefing.build import PRESETS, build_briefing, export
from kpa_tracker.core.project.layers import load_layers
from kpa_tracker.toolbelt.svg_paths import add_plugin_svg_path

ROOT = Path(__file__).resolve().parent.parent
# The Kursk front is printed as it stood on the primary source's date; the others as of today.
AS_OF = {"kursk": datetime.date(2024, 12, 15)}


def main() -> int:
    app = QgsApplication([], True)
    app.initQgis()
    add_plugin_svg_path()
    out = ROOT / "docs" / "briefing"
    out.mkdir(parents=True, exist_ok=True)
    project = QgsProject.instance()
    catalogue, result = curated.load_cached()
    workspace = ROOT / "build" / "briefing"
    workspace.mkdir(parents=True, exist_ok=True)
    load_layers(project, catalogue, [l.id for l in catalogue if l.default_load], result,
                ROOT / "build" / "briefing" / "workspace.gpkg")
    for preset in PRESETS:
        briefing = build_briefing(project, preset.extent_rectangle(), preset.crs, "A4 landscape",
                                  subtitle=preset.title, as_of=AS_OF.get(preset.id, datetime.date.today()))
        for suffix in (".pdf", ".png"):
            started = time.perf_counter()
            export(briefing, out / (preset.id + suffix), "A4 landscape")
            print("{}{}: {} sources, {:.2f} s".format(preset.id, suffix, len(briefing.sources),
                                                      time.perf_counter() - started))
    project.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Export the briefing presets, one at 2025-03-13, and the front through time into docs/briefing/."""

import datetime
import sys
import time
from pathlib import Path

from qgis.core import QgsApplication, QgsProject

from kpa_tracker.core.briefing.atlas import build_atlas, export_atlas
from kpa_tracker.core.briefing.build import PRESETS, build_briefing, export, preset_by_id
from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.project.layers import load_layers
from kpa_tracker.toolbelt.svg_paths import add_plugin_svg_path

ROOT = Path(__file__).resolve().parent.parent
# The Kursk front is printed as it stood on the primary source's date; the others as of today.
AS_OF = {"kursk": datetime.date(2024, 12, 15)}
AUTHOR, HANDLING = "KPA Deployment Tracker (docs)", "Open sources; share with the source list"


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
    load_layers(project, catalogue, [l.id for l in catalogue if l.default_load], result, workspace / "workspace.gpkg")
    jobs = [(p.id, p, AS_OF.get(p.id, datetime.date.today())) for p in PRESETS]
    jobs.append(("kursk_2025-03-13", preset_by_id("kursk"), datetime.date(2025, 3, 13)))
    for name, preset, day in jobs:
        briefing = build_briefing(project, preset.extent_rectangle(), preset.crs, "A4 landscape",
                                  subtitle=preset.title, as_of=day, author=AUTHOR, handling=HANDLING)
        for suffix in (".pdf", ".png"):
            started = time.perf_counter()
            export(briefing, out / (name + suffix), "A4 landscape")
            print("{}{}: {} sources, {:.2f} s".format(name, suffix, len(briefing.sources),
                                                      time.perf_counter() - started))
    kursk = preset_by_id("kursk")
    started = time.perf_counter()
    atlas = build_atlas(project, kursk.extent_rectangle(), kursk.crs, author=AUTHOR, handling=HANDLING)
    export_atlas(atlas, out / "front_through_time.pdf")
    print("front_through_time.pdf: {} snapshots, {} sources, {:.2f} s{}".format(
        atlas.count, len(atlas.sources), time.perf_counter() - started,
        " ({})".format(atlas.chart_problem) if atlas.chart_problem else ""))
    project.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""QGIS desktop start-up with and without the plugin enabled, measured in the same run.

Each start runs real QGIS under Xvfb in an isolated profile (build/bench) and
counts from launching the process to QGIS running its --code script, which
happens once the main window is up and the plugins are loaded. Starts alternate
between enabled and disabled so machine noise hits both alike.
"""

import statistics
import time
from pathlib import Path

from devtools import package, qgis_desktop

ROOT = Path(__file__).resolve().parent.parent
RUNS = 7


def _start(profiles: Path, enabled: bool, work: Path) -> dict:
    qgis_desktop.set_plugin_enabled(profiles, enabled)
    launched = time.time()
    outcome = qgis_desktop.run_qgis(
        profiles, qgis_desktop.HERE / "code_startup_bench.py", work / "result.json", timeout=180
    )
    if outcome["errors"] or not outcome["result"]:
        raise SystemExit("QGIS start failed:\n" + outcome["errors"] + outcome["output"][-2000:])
    result = outcome["result"]
    if result["active"] != enabled:
        raise SystemExit("the plugin's enabled state was not what the benchmark set")
    result["startup_s"] = result["ready_at"] - launched
    return result


def run() -> dict:
    work = ROOT / "build" / "bench"
    profiles = work / "qgis"
    qgis_desktop.install_zip(package.build(out_dir=work / "dist"), profiles)
    _start(profiles, True, work)  # warm the disk cache and the new profile once
    with_plugin, without_plugin, init_gui, unload = [], [], [], []
    for _ in range(RUNS):
        for enabled in (True, False):
            result = _start(profiles, enabled, work)
            (with_plugin if enabled else without_plugin).append(result["startup_s"])
            if enabled:
                init_gui.append(result["init_gui_ms"])
                unload.append(result["unload_ms"])
    figures = {
        "startup_with_plugin_s": statistics.median(with_plugin),
        "startup_without_plugin_s": statistics.median(without_plugin),
        "init_gui_ms": statistics.median(init_gui),
        "unload_ms": statistics.median(unload),
    }
    figures["ratio"] = figures["startup_with_plugin_s"] / figures["startup_without_plugin_s"]
    print(
        "startup: QGIS desktop start-up (launch to ready, median of {} alternating runs)\n"
        "  with plugin    {:.3f} s\n  without plugin {:.3f} s\n  ratio          {:.3f}x\n"
        "  initGui {:.2f} ms, unload {:.2f} ms (median in-session)".format(
            RUNS, figures["startup_with_plugin_s"], figures["startup_without_plugin_s"],
            figures["ratio"], figures["init_gui_ms"], figures["unload_ms"])
    )
    return figures


if __name__ == "__main__":
    run()

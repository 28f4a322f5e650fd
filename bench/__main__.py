"""`make bench`: run every benchmark, or those named on the command line.

Each runs in its own Python process, so that one benchmark's QGIS set-up
(GUI or not, layers, caches) cannot colour another's figures.
"""

import subprocess
import sys

BENCHMARKS = ["startup", "load_curated", "measure", "route", "briefing", "sightings", "imports", "team"]


def main(names):
    failed = []
    for name in names or BENCHMARKS:
        if subprocess.run([sys.executable, "-m", "bench." + name]).returncode != 0:
            failed.append(name)
        print()
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""`make bench`: run every benchmark, or those named on the command line."""

import importlib
import sys

BENCHMARKS = ["startup", "load_curated", "measure", "route"]


def main(names):
    for name in names or BENCHMARKS:
        importlib.import_module("bench." + name).run()
        print()


if __name__ == "__main__":
    main(sys.argv[1:])

"""`make validate`: check the curated data files before committing them."""

import sys

from qgis.core import QgsApplication

from kpa_tracker.core.curated.checks import validate


def main() -> int:
    app = QgsApplication([], False)
    app.initQgis()
    problems = validate()
    for problem in problems:
        print(problem)
    print("{} problem(s) in the curated data".format(len(problems)) if problems else "curated data: valid")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

"""The version to package: the newest released section of CHANGELOG.md."""

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASE_HEADING = re.compile(r"^## \[(\d+\.\d+\.\d+)\]", re.MULTILINE)


def changelog_version() -> str:
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    match = RELEASE_HEADING.search(text)
    if not match:
        raise SystemExit("CHANGELOG.md has no released section '## [x.y.z] - date'")
    return match.group(1)


if __name__ == "__main__":
    sys.stdout.write(changelog_version() + "\n")

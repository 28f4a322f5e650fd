"""Build dist/kpa_tracker.<version>.zip with qgis-plugin-ci, without touching the work tree.

qgis-plugin-ci edits metadata.txt in place and then resets the repository it
runs in, so it runs here in a throwaway clone under build/. The clone gets the
work tree's current files (tracked and new, not ignored), so `make test` checks
what is about to be committed; in CI's clean clone that is exactly HEAD.
"""

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

from devtools.version import changelog_version

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "kpa_tracker"


def _git(args, cwd):
    return subprocess.run(
        ["git"] + args, cwd=str(cwd), check=True, capture_output=True, text=True
    ).stdout


def _snapshot(workdir: Path) -> Path:
    source = workdir / "source"
    if source.exists():
        shutil.rmtree(source)
    _git(["clone", "--quiet", "--no-hardlinks", str(ROOT), str(source)], workdir)
    tracked_now = set(
        _git(["ls-files", "--cached", "--others", "--exclude-standard"], ROOT).split("\n")
    ) - {""}
    in_clone = set(_git(["ls-files"], source).split("\n")) - {""}
    for name in tracked_now:
        origin = ROOT / name
        if origin.is_file():
            target = source / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(origin, target)
    for name in in_clone - tracked_now:
        (source / name).unlink(missing_ok=True)
    _git(["add", "--all"], source)
    if _git(["status", "--porcelain"], source).strip():
        _git(
            [
                "-c", "user.name=package", "-c", "user.email=package@localhost",
                "commit", "--quiet", "-m", "work tree snapshot for packaging",
            ],
            source,
        )
    return source


def build(version: str = None, out_dir: Path = None) -> Path:
    version = version or changelog_version()
    out_dir = Path(out_dir or ROOT / "dist")
    workdir = ROOT / "build" / "package"
    workdir.mkdir(parents=True, exist_ok=True)
    source = _snapshot(workdir)
    ci = Path(sys.executable).with_name("qgis-plugin-ci")
    result = subprocess.run(
        [str(ci), "package", version], cwd=str(source), capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("qgis-plugin-ci package failed")
    built = source / "{}.{}.zip".format(PLUGIN, version)
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / built.name
    shutil.move(str(built), str(target))
    return target


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--version", help="defaults to the newest release in CHANGELOG.md")
    parser.add_argument("--out", help="output folder (default dist/)")
    args = parser.parse_args()
    print(build(args.version, args.out))

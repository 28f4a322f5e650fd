"""Build a workspace as the release before the sightings moved out of workspace.gpkg made it.

The code of that release is taken from git (`git archive RELEASE kpa_tracker`) and run in its own QGIS
process, so the file is byte for byte what analysts have today. The result is committed as the
fixture of tests/sightings/test_migration.py:

    .venv/bin/python -m devtools.make_legacy_workspace [RELEASE] [OUT_DIR]
"""

import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RELEASE = "0085610"  # main as issue #13 landed: the last release with sightings in workspace.gpkg
OUT = ROOT / "kpa_tracker" / "tests" / "sightings" / "data" / "legacy-workspace"

SCRIPT = textwrap.dedent("""
    import datetime, sys
    from pathlib import Path
    from qgis.core import QgsApplication, QgsFields, QgsField
    from qgis.PyQt.QtCore import QVariant
    app = QgsApplication([], False)
    app.initQgis()
    from kpa_tracker.core import sightings as S
    from kpa_tracker.core.gpkg import create_table
    from kpa_tracker.core.compat import WKB_NO_GEOMETRY
    out = Path(sys.argv[1])
    gpkg = out / "workspace.gpkg"
    fields = QgsFields()
    fields.append(QgsField("id", QVariant.String))
    create_table(gpkg, "curated_units", fields, WKB_NO_GEOMETRY)  # the analyst's other tables stay
    now = datetime.datetime(2025, 6, 1, tzinfo=datetime.timezone.utc)
    photo = out / "photo.jpg"
    photo.write_bytes(b"not really a photo, but bytes with a hash")
    relative, sha = S.attach_file(gpkg, photo)
    photo.unlink()
    base = dict(unit_as_reported="KPA 94th brigade", time_precision=1, geo_precision=2,
                source_reliability="B", info_credibility=2, claim_status="reported", lon=35.28, lat=51.19)
    items = [
        (dict(base, observed_at="2024-12-14T06:30:00Z", location_name="Plekhovo",
              description="Column seen at dawn; 'quoted' \\"double\\" <b>tags</b>\\nsecond line 둘째 줄"),
         [dict(url="https://example.org/report?id=1&x=%20y", publisher="O'Brien; Daily -- News",
               published_at="2024-12-15"),
          dict(url="http://example.com/copy", publisher="Telegram channel", archive_url="https://archive.ph/abc",
               notes="войска КНДР")]),
        (dict(base, observed_at="2025-01-03T00:00:00.250Z", unit_as_reported="북한군", source_reliability="F",
              info_credibility=6, claim_status="claimed", attachment=relative, attachment_sha256=sha),
         [dict(url="https://example.org/2", publisher="Yonhap", published_at="2025-01-03T09:00:00Z")]),
        (dict(base, observed_at="2024-11-20T12:00:00Z", review_status="rejected", description=None),
         [dict(url="https://example.org/3", publisher="ISW")]),
    ]
    S.add_sightings(gpkg, items, now)
    print(S.count_sightings(gpkg))
""")


def main(release: str = RELEASE, out: Path = OUT) -> None:
    out = Path(out)
    archive = subprocess.run(["git", "archive", "--format=tar", release, "kpa_tracker"], cwd=str(ROOT),
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        tarfile.open(fileobj=io.BytesIO(archive)).extractall(folder)
        if out.exists():
            shutil.rmtree(str(out))
        out.mkdir(parents=True)
        script = Path(folder) / "make.py"
        script.write_text(SCRIPT, encoding="utf-8")
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=folder)
        done = subprocess.run([sys.executable, str(script), str(out)], env=env, capture_output=True, text=True)
        if done.returncode != 0:
            raise SystemExit(done.stderr)
        print("{}: {} (sightings, sources)".format(out, done.stdout.strip()))


if __name__ == "__main__":
    main(*sys.argv[1:])

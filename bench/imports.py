"""Importing a big plain CSV, against QGIS's own way of doing the same work, in the same run.

A generated 100,000-row CSV, a colleague's plain spreadsheet (observed_at, longitude, latitude, unit,
source URL and publisher, grades, description), goes into a fresh sightings GeoPackage:
- plugin: kpa_tracker:importsightings's engine (core/imports/pipeline.run_import): the file streamed,
  every row read by the layout, its date's precision, the unit aliases, checked by the one validator,
  the theatre and duplicate checks, written in one transaction with its source;
- QGIS: the delimited-text provider reads the same file (x/y fields, detected types), and each feature
  is copied to the sightings and sources tables with the OGR provider's addFeatures (all at once),
  with no check at all.
Each side runs in a child process of its own, in alternating order, so the peak memory (the child's
maximum resident set) is its own; the figures are medians.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench imports
"""

import csv
import datetime
import json
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROWS = 100000
ROUNDS = 3


def make_csv(path: Path, rows: int) -> None:
    rng = random.Random(20241214)
    start = datetime.datetime(2024, 11, 1, tzinfo=datetime.timezone.utc)
    with open(str(path), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["observed_at", "longitude", "latitude", "unit_as_reported", "source_url", "source_publisher",
                         "source_reliability", "info_credibility", "description"])
        for index in range(rows):
            when = start + datetime.timedelta(minutes=rng.randrange(0, 150 * 24 * 60))
            writer.writerow([when.strftime("%Y-%m-%dT%H:%M:00Z"), "%.5f" % rng.uniform(34.5, 36.3),
                             "%.5f" % rng.uniform(50.9, 51.8), "KPA unit {}".format(index % 40),
                             "https://example.org/post/{}".format(index), "Channel {}".format(index % 30),
                             rng.choice("ABCDEF"), rng.randint(1, 6), "Generated row {}".format(index)])


def _init():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    return app


def child_plugin(source: str, target: str) -> dict:
    from kpa_tracker.core.imports.pipeline import ImportSpec, run_import
    from kpa_tracker.core.sightings.store import GpkgStore

    started = time.perf_counter()
    report = run_import(ImportSpec(path=source, known_units=set()), GpkgStore(target))
    seconds = time.perf_counter() - started
    assert report.accepted == ROWS, report.summary()
    return {"seconds": seconds, "accepted": report.accepted}


def child_qgis(source: str, target: str) -> dict:
    from qgis.core import QgsFeature, QgsVectorLayer

    from kpa_tracker.core.sightings import gpkg_store as S
    from kpa_tracker.core.sightings import layers as L

    S.ensure_schema(target)
    started = time.perf_counter()
    uri = "file://{}?type=csv&delimiter=,&xField=longitude&yField=latitude&crs=EPSG:4326&detectTypes=yes".format(
        source)
    text = QgsVectorLayer(uri, "csv", "delimitedtext")
    assert text.isValid()
    sightings, sources = L.open_layers(Path(target), create=False)
    s_fields, o_fields = sightings.fields(), sources.fields()
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")
    rows, source_rows = [], []
    for feature in text.getFeatures():
        sighting_id = str(uuid.uuid4())
        row = QgsFeature(s_fields)
        row.setGeometry(feature.geometry())
        for name in ("observed_at", "unit_as_reported", "source_reliability", "info_credibility", "description"):
            row[name] = feature[name]
        row["sighting_id"], row["time_precision"], row["geo_precision"] = sighting_id, 1, 2
        row["claim_status"], row["review_status"], row["analyst"] = "reported", "unreviewed", "bench"
        row["created_at"] = row["updated_at"] = now
        rows.append(row)
        other = QgsFeature(o_fields)
        other["source_id"], other["sighting_id"] = str(uuid.uuid4()), sighting_id
        other["url"], other["publisher"] = feature["source_url"], feature["source_publisher"]
        source_rows.append(other)
    assert sightings.dataProvider().addFeatures(rows)[0] and sources.dataProvider().addFeatures(source_rows)[0]
    seconds = time.perf_counter() - started
    assert S.count_sightings(target) == (ROWS, ROWS)
    return {"seconds": seconds, "accepted": len(rows)}


def _child(kind: str, source: Path, target: Path) -> dict:
    result = subprocess.run([sys.executable, "-m", "bench.imports", "--child", kind, str(source), str(target)],
                            check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def run() -> dict:
    work = Path(tempfile.mkdtemp(prefix="kpa-bench-imports-"))
    try:
        source = work / "plain.csv"
        make_csv(source, ROWS)
        size_mb = source.stat().st_size / 1e6
        runs = {"plugin": [], "qgis": []}
        for round_index in range(ROUNDS):
            order = ("plugin", "qgis") if round_index % 2 == 0 else ("qgis", "plugin")
            for kind in order:
                target = work / "{}-{}.gpkg".format(kind, round_index)
                runs[kind].append(_child(kind, source, target))
                target.unlink()
        figures = {"rows": ROWS, "file_mb": size_mb}
        for kind, results in runs.items():
            figures[kind + "_s"] = statistics.median(r["seconds"] for r in results)
            figures[kind + "_peak_mb"] = statistics.median(r["peak_mb"] for r in results)
        figures["ratio"] = figures["plugin_s"] / figures["qgis_s"]
        figures["memory_ratio"] = figures["plugin_peak_mb"] / figures["qgis_peak_mb"]
    finally:
        shutil.rmtree(str(work), ignore_errors=True)
    print("imports: {rows:,} rows of a plain CSV ({mb:.1f} MB) into a fresh sightings GeoPackage "
          "(median of {r} rounds, each in its own process):\n"
          "  plugin: streamed, every row checked, duplicates, one transaction  {p:.1f} s, peak {pm:.0f} MB "
          "({ratio:.2f}x QGIS's time, {mratio:.2f}x its memory)\n"
          "  QGIS: delimited-text provider + addFeatures, nothing checked      {q:.1f} s, peak {qm:.0f} MB".format(
              rows=ROWS, mb=figures["file_mb"], r=ROUNDS, p=figures["plugin_s"], pm=figures["plugin_peak_mb"],
              ratio=figures["ratio"], mratio=figures["memory_ratio"], q=figures["qgis_s"],
              qm=figures["qgis_peak_mb"]))
    return figures


def _main_child(kind: str, source: str, target: str) -> None:
    app = _init()  # noqa: F841 (kept alive while the work runs)
    result = (child_plugin if kind == "plugin" else child_qgis)(source, target)
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0  # Linux: kilobytes
    print(json.dumps(result))


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        _main_child(*sys.argv[2:])
    else:
        run()

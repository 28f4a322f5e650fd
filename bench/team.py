"""The team workspace on PostGIS against the local GeoPackage, in the same run.

A throwaway PostgreSQL 15 + PostGIS server on the loopback interface
(devtools.pg_server; needs Debian's postgresql-postgis and python3-psycopg2).

1. The same 100,000 sightings in a GeoPackage and in the team database;
   opening the layer and rendering a full-extent frame
   (QgsMapRendererSequentialJob, 1000 x 700 px, QGIS's default single
   symbol for both, so the figures compare the data sources): ogr provider
   on the GeoPackage vs postgres provider on kpa.sightings. Median of rounds.
2. Insert throughput, 10,000 sightings with their sources in transactions of
   250: the local workspace (S.add_sightings), the team database with one
   writer process, and with four writer processes at once.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench team
"""

import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from qgis.core import QgsApplication, QgsDataSourceUri, QgsProject, QgsVectorLayer, QgsWkbTypes

from bench.sightings import NOW, _timed, _values, open_and_render
from devtools.pg_server import SUPERUSER, PgServer
from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.domain import validation as V
from kpa_tracker.core.sightings import layers as L
from kpa_tracker.core.team import connection as team_db
from kpa_tracker.core.team import store as team_store

SIGHTINGS = 100000
ROUNDS = 5
INSERTS = 10000
BATCH = 250
ROOT = Path(__file__).resolve().parent.parent


def _open_gpkg(path: Path) -> QgsVectorLayer:
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    return QgsVectorLayer(L.sightings_uri(path), "sightings", "ogr", options)


def _open_postgis(server: PgServer, dbname: str) -> QgsVectorLayer:
    uri = QgsDataSourceUri()
    uri.setConnection(server.host, str(server.port), dbname, SUPERUSER, server.password,
                      QgsDataSourceUri.SslMode.SslDisable)
    uri.setDataSource("kpa", "sightings", "geom", "", "fid")
    uri.setSrid("4326")
    uri.setWkbType(QgsWkbTypes.Point)
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    return QgsVectorLayer(uri.uri(False), "sightings", "postgres", options)


def _writers(dsn: str, count: int, each: int) -> float:
    """Seconds for `count` writer processes to insert `each` sightings apiece (from when all are started)."""
    environment = dict(os.environ, PYTHONPATH=str(ROOT))
    started = time.perf_counter()
    processes = [subprocess.Popen([sys.executable, "-m", "kpa_tracker.tests.team.team_writer", "insert", dsn, str(each),
                                   str(BATCH), str(1000 + seed)], cwd=str(ROOT), env=environment,
                                  stdout=subprocess.PIPE, text=True) for seed in range(count)]
    results = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in processes]
    elapsed = time.perf_counter() - started
    assert all(r["written"] == each for r in results), results
    # Each process pays for Python and QGIS's import before writing: count only its writing time.
    return max(r["seconds"] for r in results) if results else elapsed


def run() -> dict:
    if QgsApplication.instance() is None:
        app = QgsApplication([], False)
        app.initQgis()
    work = Path(tempfile.mkdtemp(prefix="kpa-bench-team-"))
    server = PgServer()  # its own directory, which the postgres user can reach
    figures = {}
    try:
        server.start()
        server.create_database("bench")
        conn = server.connect("bench")
        team_db.ensure_schema(conn)
        rng = random.Random(20241210)
        items = [_values(rng, i) for i in range(SIGHTINGS)]
        records = [V.clean_sighting(s, [src], NOW)[0] for s, src in items]
        gpkg = work / "workspace.gpkg"
        figures["gpkg_write_s"], _ = _timed(lambda: S.write_records(gpkg, records))
        figures["team_write_s"], _ = _timed(lambda: team_store.write_records(conn, records))
        conn.autocommit = True
        with conn.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE kpa.sightings")
        conn.close()

        openers = {"gpkg": lambda: _open_gpkg(gpkg), "postgis": lambda: _open_postgis(server, "bench")}
        figures.update(open_and_render(openers, ROUNDS, SIGHTINGS))
        figures["render_ratio"] = figures["postgis_total_ms"] / figures["gpkg_total_ms"]

        local = work / "inserts.gpkg"
        S.ensure_schema(local)
        insert_items = [(s, [src]) for s, src in (_values(rng, SIGHTINGS + i) for i in range(INSERTS))]

        def local_batches():
            for start in range(0, INSERTS, BATCH):
                S.add_sightings(local, insert_items[start:start + BATCH], NOW)

        figures["local_insert_s"], _ = _timed(local_batches)
        for writers in (1, 4):
            dbname = "inserts{}".format(writers)
            server.create_database(dbname)
            setup = server.connect(dbname)
            team_db.ensure_schema(setup)
            setup.close()
            figures["team_{}_insert_s".format(writers)] = _writers(server.dsn(dbname), writers, INSERTS // writers)
            check = server.connect(dbname)
            assert team_store.count_sightings(check) == (INSERTS, INSERTS)
            check.close()
        for key in ("local", "team_1", "team_4"):
            figures[key + "_rows_per_s"] = INSERTS / figures[key + "_insert_s"]
    finally:
        QgsProject.instance().clear()
        server.stop()
        shutil.rmtree(str(work), ignore_errors=True)

    print(
        "team: {n:,} sightings (one transaction: GeoPackage {gw:.1f} s, PostGIS {tw:.1f} s)\n"
        "  open and render a full-extent frame (median of {r} rounds, default single symbol):\n"
        "    GeoPackage, ogr provider          {go:.0f} + {gr:.0f} = {gt:.0f} ms\n"
        "    PostGIS, postgres provider        {po:.0f} + {pr:.0f} = {pt:.0f} ms  ({ratio:.2f}x GeoPackage)\n"
        "  {m:,} sightings with their sources, transactions of {b}:\n"
        "    local GeoPackage, one process     {ls:.2f} s  {lr:,.0f} rows/s\n"
        "    PostGIS, one writer process       {t1:.2f} s  {r1:,.0f} rows/s  ({x1:.2f}x local)\n"
        "    PostGIS, four writer processes    {t4:.2f} s  {r4:,.0f} rows/s  ({x4:.2f}x one writer)".format(
            n=SIGHTINGS, gw=figures["gpkg_write_s"], tw=figures["team_write_s"], r=ROUNDS,
            go=figures["gpkg_open_ms"], gr=figures["gpkg_render_ms"], gt=figures["gpkg_total_ms"],
            po=figures["postgis_open_ms"], pr=figures["postgis_render_ms"], pt=figures["postgis_total_ms"],
            ratio=figures["render_ratio"], m=INSERTS, b=BATCH, ls=figures["local_insert_s"],
            lr=figures["local_rows_per_s"], t1=figures["team_1_insert_s"], r1=figures["team_1_rows_per_s"],
            x1=figures["team_1_rows_per_s"] / figures["local_rows_per_s"], t4=figures["team_4_insert_s"],
            r4=figures["team_4_rows_per_s"], x4=figures["team_4_rows_per_s"] / figures["team_1_rows_per_s"]))
    return figures


if __name__ == "__main__":
    run()

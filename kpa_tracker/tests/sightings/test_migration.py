"""A workspace made by the release before sightings had their own GeoPackage (the fixture was built
from that release's code by devtools/make_legacy_workspace.py) keeps every row when it moves."""

import shutil
import sqlite3
from pathlib import Path

from qgis.core import QgsVectorLayer

from kpa_tracker.core.domain.fields import SIGHTINGS_TABLE, SOURCES_TABLE
from kpa_tracker.core.sightings import attachments
from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.sightings.migration import migrate_if_needed
from kpa_tracker.core.sightings.store import GpkgStore

LEGACY = Path(__file__).resolve().parent / "data" / "legacy-workspace"


def _rows(gpkg, table):
    connection = sqlite3.connect(str(gpkg))
    try:
        columns = [row[1] for row in connection.execute('PRAGMA table_info("{}")'.format(table))]
        return columns, sorted(connection.execute('SELECT * FROM "{}"'.format(table)).fetchall())
    finally:
        connection.close()


def _legacy_copy(tmp_path):
    workspace = tmp_path / "profile" / "kpa_tracker"
    shutil.copytree(str(LEGACY), str(workspace))
    return workspace


def test_every_sighting_source_and_attachment_moves_exactly(tmp_path):
    workspace = _legacy_copy(tmp_path)
    old, new = workspace / "workspace.gpkg", workspace / "sightings.gpkg"
    before = {table: _rows(old, table) for table in (SIGHTINGS_TABLE, SOURCES_TABLE)}
    old_records = S.read_sightings(old)
    report = migrate_if_needed(new, old)
    assert (report.sightings, report.sources, report.attachments) == (3, 4, 1)
    for table in (SIGHTINGS_TABLE, SOURCES_TABLE):
        assert _rows(new, table) == before[table]  # every column of every row, byte for byte, fids too
    assert [r.__dict__ for r in S.read_sightings(new)] == [r.__dict__ for r in old_records]
    with_file = [r for r in S.read_sightings(new) if r.attachment]
    assert attachments.check_attachment(new, with_file[0].attachment, with_file[0].attachment_sha256).status == "ok"
    # the old tables are gone once the copy is verified; the analyst's other tables stay
    tables = {row[0] for row in sqlite3.connect(str(old)).execute("SELECT table_name FROM gpkg_contents")}
    assert SIGHTINGS_TABLE not in tables and SOURCES_TABLE not in tables and "curated_units" in tables
    assert QgsVectorLayer("{}|layername=curated_units".format(old), "u", "ogr").isValid()


def test_the_moved_file_has_todays_rules_and_takes_new_sightings(tmp_path):
    from kpa_tracker.tests.sightings.test_sightings_core import NOW, sighting, source

    workspace = _legacy_copy(tmp_path)
    new = workspace / "sightings.gpkg"
    migrate_if_needed(new, workspace / "workspace.gpkg")
    S.add_sighting(new, sighting(), [source()], now=NOW)
    assert S.count_sightings(new) == (4, 5)
    names = {row[0] for row in sqlite3.connect(str(new)).execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
    assert "sightings_rules_update" in names and "sighting_sources_keep_last" in names


def test_it_moves_once_and_a_failed_check_changes_nothing(tmp_path, monkeypatch):
    from kpa_tracker.core.sightings import migration

    workspace = _legacy_copy(tmp_path)
    old, new = workspace / "workspace.gpkg", workspace / "sightings.gpkg"
    original = old.read_bytes()
    monkeypatch.setattr(migration, "_rows", lambda ds, table: [id(ds)])  # the copy never matches
    try:
        migrate_if_needed(new, old)
    except Exception as exc:  # noqa: BLE001
        assert "differs from the original" in str(exc)
    else:
        raise AssertionError("a copy that differs must be refused")
    assert not new.exists() and old.read_bytes() == original  # nothing moved, nothing dropped
    monkeypatch.undo()
    assert migrate_if_needed(new, old) is not None
    assert migrate_if_needed(new, old) is None  # once


def test_the_local_store_migrates_the_workspace_on_first_use(tmp_path, monkeypatch):
    workspace = _legacy_copy(tmp_path)
    from kpa_tracker.core.sightings import migration

    monkeypatch.setattr(S, "default_path", lambda: workspace / "sightings.gpkg")
    monkeypatch.setattr(migration, "workspace_gpkg_path", lambda create_dir=False: workspace / "workspace.gpkg")
    store = GpkgStore()
    store.ensure_schema()
    assert store.counts() == (3, 4)

"""The GeoPackage's streaming import writer (gpkg_store.import_writer) beside other writers: it waits for
a writer that holds the file, others wait for it, and a big import is one transaction. The behaviour both
stores share is in test_store_contract.py."""

import sqlite3
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from kpa_tracker.core.domain.records import StorageError
from kpa_tracker.core.domain.validation import clean_batch
from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.sightings.store import GpkgStore
from kpa_tracker.tests.sightings.test_sightings_core import NOW, ROOT, sighting, source


def _records(count, tag="import"):
    return clean_batch([(sighting(description="{} {}".format(tag, i)),
                         [source(url="https://example.org/{}/{}".format(tag, i))]) for i in range(count)], now=NOW)


def test_the_import_waits_for_a_writer_holding_the_file(tmp_path):
    gpkg = tmp_path / "sightings.gpkg"
    S.ensure_schema(gpkg)
    other = sqlite3.connect(str(gpkg), isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")  # another program writing
    released = threading.Timer(1.5, lambda: other.execute("COMMIT"))
    released.start()
    started = time.monotonic()
    try:
        with S.import_writer(gpkg) as writer:
            waited = time.monotonic() - started
            writer.add(_records(3))
    finally:
        released.join()
        other.close()
    assert waited >= 1.0, "the write lock is taken when the import starts, after the other writer is done"
    assert S.count_sightings(gpkg) == (3, 3)


def test_the_import_fails_with_nothing_written_when_the_file_stays_locked(tmp_path, monkeypatch):
    gpkg = tmp_path / "sightings.gpkg"
    S.ensure_schema(gpkg)
    monkeypatch.setattr(S, "BUSY_TIMEOUT_MS", 300)
    other = sqlite3.connect(str(gpkg), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(StorageError, match="nothing was written"):
            with S.import_writer(gpkg) as writer:
                writer.add(_records(1))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert S.count_sightings(gpkg) == (0, 0)


WRITER = textwrap.dedent("""
    import sys
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    from kpa_tracker.core.sightings.store import GpkgStore
    from kpa_tracker.tests.sightings.test_sightings_core import NOW, sighting, source
    record = GpkgStore(sys.argv[1]).write([(sighting(description="the other writer"), [source()])], now=NOW)[0]
    print(record.sighting_id, flush=True)
""")


def test_another_writer_waits_for_the_import_and_both_are_kept(tmp_path):
    import os

    gpkg = tmp_path / "sightings.gpkg"
    store = GpkgStore(gpkg)
    store.ensure_schema()
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    with store.import_writer() as writer:
        writer.add(_records(500))
        process = subprocess.Popen([sys.executable, str(script), str(gpkg)], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, env=env, text=True)
        time.sleep(3.0)  # the other writer has started and waits for the file
        assert process.poll() is None, process.stderr.read()
        writer.add(_records(500, "second"))
    out, err = process.communicate(timeout=240)
    assert process.returncode == 0, err
    assert store.counts() == (1001, 1001)
    assert out.strip() in store.ids()


def test_a_large_import_is_one_transaction(tmp_path):
    gpkg = tmp_path / "sightings.gpkg"
    store = GpkgStore(gpkg)
    batch = _records(1000)
    with pytest.raises(KeyboardInterrupt):
        with store.import_writer() as writer:
            for page in range(20):
                for number, record in enumerate(batch):  # fresh ids for each page
                    record.sighting_id = "{:08x}-0000-4000-8000-{:012x}".format(page, number)
                    record.sources[0].source_id = "{:08x}-1111-4000-8000-{:012x}".format(page, number)
                writer.add(batch)
            assert writer.sightings_added == 20000
            raise KeyboardInterrupt()  # the analyst pressed Cancel at the very end
    assert store.counts() == (0, 0)
    assert S.read_sightings(gpkg) == []

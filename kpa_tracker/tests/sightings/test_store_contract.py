"""One contract, two stores: the local GeoPackage and the team's PostGIS database behave the same through
SightingsStore (core/sightings/store.py). Every test runs against both backends."""

import datetime
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from kpa_tracker.core.domain.query import NEWEST_FIRST, SightingQuery
from kpa_tracker.core.domain.records import SightingValidationError, StorageError
from kpa_tracker.core.sightings.store import GpkgStore, PostgisStore
from kpa_tracker.tests.sightings.test_sightings_core import NOW, sighting, source

ROOT = Path(__file__).resolve().parents[3]
TRICKY = "Seen near the bridge'); DROP TABLE sightings; -- \"quoted\"; 100% <b>sure</b>\n둘째 줄\tвойска КНДР"


@pytest.fixture(params=["gpkg", pytest.param("postgis", marks=pytest.mark.postgis)])
def backend(request, tmp_path):
    """(store, spec): spec tells a worker process how to open the same store."""
    if request.param == "gpkg":
        path = tmp_path / "sightings.gpkg"
        store = GpkgStore(path)
        store.ensure_schema()
        return store, "gpkg:{}".format(path)
    team_db = request.getfixturevalue("team_db")
    dsn = team_db.dsn("analyst")
    return PostgisStore("contract", gpkg_path=tmp_path / "ws.gpkg", dsn=dsn), "pg:{}".format(dsn)


def _item(**overrides):
    return (sighting(**overrides), [source()])


def test_a_sighting_and_its_sources_are_written_together(backend):
    store, _spec = backend
    records = store.write([(sighting(), [source(), source(url="https://example.org/second")])], now=NOW)
    assert store.counts() == (1, 2)
    assert store.ids() == {records[0].sighting_id}
    [stored] = store.read()
    assert [s.url for s in stored.sources] == [source()["url"], "https://example.org/second"]


def test_a_batch_is_written_whole_or_not_at_all(backend):
    store, _spec = backend
    first = store.write([_item()], now=NOW)[0]
    again = dict(sighting(), sighting_id=first.sighting_id)  # the store refuses a second copy
    with pytest.raises(StorageError):
        store.write([_item(description="new and fine"), (again, [source()])], now=NOW)
    assert store.counts() == (1, 1)
    with pytest.raises(SightingValidationError):
        store.write([_item(), _item(observed_at="2030-01-01T00:00Z")], now=NOW)
    assert store.counts() == (1, 1)


def test_text_is_kept_exactly(backend):
    store, _spec = backend
    store.write([(sighting(description=TRICKY, location_name="Сужа / 수자"),
                  [source(publisher="O'Brien; \"Daily\" -- News", notes=TRICKY)])], now=NOW)
    [stored] = store.read()
    assert stored.description == TRICKY and stored.location_name == "Сужа / 수자"
    assert stored.sources[0].publisher == "O'Brien; \"Daily\" -- News" and stored.sources[0].notes == TRICKY
    assert stored.observed_at is not None and stored.observed_at.tzinfo is not None


def test_a_query_means_the_same_in_both_stores(backend):
    store, _spec = backend
    day = datetime.datetime(2024, 11, 1, 12, tzinfo=datetime.timezone.utc)
    store.write([
        _item(unit_as_reported="KPA 94th brigade", observed_at=day, source_reliability="B", info_credibility=2),
        _item(unit_as_reported="KPA 94th brigade", observed_at=day + datetime.timedelta(days=10),
              source_reliability="E", info_credibility=5),
        _item(unit_as_reported="Someone else", observed_at=day + datetime.timedelta(days=20),
              source_reliability="D", info_credibility=4),
    ], now=NOW)
    by_unit = store.read(SightingQuery(unit="kpa 94th BRIGADE", order_by=NEWEST_FIRST))
    assert [r.observed_at.day for r in by_unit] == [11, 1]
    graded = store.read(SightingQuery(min_grade="C3"))
    assert [r.source_reliability for r in graded] == ["B"]
    window = store.read(SightingQuery(start=day + datetime.timedelta(days=5), end=day + datetime.timedelta(days=15)))
    assert [r.observed_at.day for r in window] == [11]
    assert len(store.read(SightingQuery(limit=2))) == 2


# --- the streaming import writer: one transaction, every row or none --------------------------------

def _records(count, **overrides):
    from kpa_tracker.core.domain.validation import clean_batch

    return clean_batch([(sighting(description="import {}".format(i), **overrides), [source(
        url="https://example.org/import/{}".format(i))]) for i in range(count)], now=NOW)


def _clean_sources(*sources):
    from kpa_tracker.core.domain.validation import clean_sighting

    record, problems = clean_sighting(sighting(), list(sources), now=NOW)
    assert problems == []
    return record.sources


def test_an_import_writer_commits_every_page_together(backend):
    store, _spec = backend
    first, second = _records(700), _records(650)  # more than one page of 500 on the team database
    with store.import_writer() as writer:
        writer.add(first)
        writer.add(second)
        assert store.counts() == (0, 0)  # nothing is seen by others before the block ends
    assert store.counts() == (1350, 1350)
    assert writer.sightings_added == 1350 and writer.sources_added == 1350
    assert store.ids() == {r.sighting_id for r in first + second}


def test_an_import_that_raises_writes_nothing(backend):
    store, _spec = backend
    store.write([_item()], now=NOW)
    before_ids = store.ids()

    class Cancelled(Exception):
        pass

    with pytest.raises(Cancelled):
        with store.import_writer() as writer:
            writer.add(_records(600))
            writer.add_sources(next(iter(before_ids)), _clean_sources(source(url="https://example.org/more")))
            raise Cancelled()  # what a cancelled import does
    assert store.counts() == (1, 1) and store.ids() == before_ids
    # and the store takes the next import
    with store.import_writer() as writer:
        writer.add(_records(2))
    assert store.counts() == (3, 3)


def test_an_import_adds_sources_to_existing_and_new_sightings(backend):
    store, _spec = backend
    [existing] = store.write([_item()], now=NOW)
    [fresh] = _records(1)
    dataset_row = {"dataset": "ACLED", "record_id": "UKR12345", "publisher": "Yonhap"}
    with store.import_writer() as writer:
        writer.add_sources(existing.sighting_id, _clean_sources(dataset_row, source(
            url="https://example.org/quote", original_url="https://t.me/channel/7")))
        writer.add([fresh])
        writer.add_sources(fresh.sighting_id, _clean_sources(source(url="https://example.org/second")))
    assert store.counts() == (2, 5)
    by_id = {r.sighting_id: r for r in store.read()}
    sources = by_id[existing.sighting_id].sources
    assert [(s.dataset, s.record_id, s.url) for s in sources if s.dataset] == [("ACLED", "UKR12345", None)]
    assert [s.original_url for s in sources if s.original_url] == ["https://t.me/channel/7"]
    assert len(by_id[fresh.sighting_id].sources) == 2


def test_the_store_still_refuses_bad_rows_in_an_import_and_writes_none_of_it(backend):
    from kpa_tracker.core.domain.records import SourceRecord

    store, _spec = backend
    [existing] = store.write([_item()], now=NOW)
    good = _records(3)
    bad = _records(1)[0]
    bad.sources = [SourceRecord("1b2c3d4e-0000-4000-8000-00000000000a", None, "No URL, no record")]
    with pytest.raises(StorageError):
        with store.import_writer() as writer:
            writer.add(good)
            writer.add([bad])  # the validator was skipped: the store's own rules refuse it
    assert store.counts() == (1, 1)
    twin = _records(1)[0]
    twin.sighting_id = existing.sighting_id
    with pytest.raises(StorageError):
        with store.import_writer() as writer:
            writer.add(good)
            writer.add([twin])  # the same sighting_id again
    with pytest.raises(StorageError, match="no sighting"):
        with store.import_writer() as writer:
            writer.add(good)
            writer.add_sources("00000000-0000-4000-8000-000000000000", _clean_sources(source()))
    assert store.counts() == (1, 1) and store.ids() == {existing.sighting_id}


WRITER = textwrap.dedent("""
    import sys, time, uuid
    from pathlib import Path
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    from kpa_tracker.core.sightings.store import GpkgStore, PostgisStore
    from kpa_tracker.tests.sightings.test_sightings_core import NOW, sighting, source
    spec, tag, count, go = sys.argv[1], sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
    kind, _, where = spec.partition(":")
    store = GpkgStore(where) if kind == "gpkg" else PostgisStore("worker", dsn=where)
    print("ready", flush=True)
    while not go.exists():
        time.sleep(0.01)
    number = 0
    while count < 0 or number < count:
        record = store.write([(sighting(description="{} {}".format(tag, number)), [source()])], now=NOW)[0]
        print(record.sighting_id, flush=True)
        number += 1
""")


def _start(tmp_path, spec, tag, count, go):
    script = tmp_path / "store_writer.py"
    script.write_text(WRITER, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    process = subprocess.Popen([sys.executable, str(script), spec, tag, str(count), str(go)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True)
    assert process.stdout.readline().strip() == "ready", process.stderr.read()
    return process


def test_two_processes_writing_at_once_keep_every_sighting(backend, tmp_path):
    store, spec = backend
    go = tmp_path / "go"
    writers = [_start(tmp_path, spec, tag, 150, go) for tag in ("alpha", "bravo")]
    go.write_text("go")
    ids = set()
    for process in writers:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        ids |= set(out.split())
    assert len(ids) == 300
    assert store.ids() == ids and store.counts() == (300, 300)


def test_a_process_killed_mid_write_leaves_only_whole_sightings(backend, tmp_path):
    store, spec = backend
    go = tmp_path / "go"
    process = _start(tmp_path, spec, "kilo", -1, go)
    go.write_text("go")
    committed = []
    deadline = time.monotonic() + 120
    while len(committed) < 60 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        committed.append(line.strip())
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    committed += [line.strip() for line in process.stdout.read().splitlines() if line.strip()]
    assert len(committed) >= 60
    stored = store.read()
    ids = {record.sighting_id for record in stored}
    assert set(committed) <= ids and len(ids) - len(committed) <= 1
    assert all(len(record.sources) == 1 for record in stored)  # never a sighting without its source
    store.write([_item()], now=NOW)  # and the store takes more
    assert store.counts()[0] == len(ids) + 1

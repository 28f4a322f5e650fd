"""The team database's slow work as QgsTasks in QGIS's task manager, against the real test database: the
connection check (and schema update), the copies both ways with progress, cancel that writes nothing, clear
sentences when a connection fails, and the settings page closed while a task runs."""

import sys
import time

import pytest
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtWidgets import QDialog

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.sightings import store as sightings_backend
from kpa_tracker.core.team import connection as tdb
from kpa_tracker.core.team import store as team_store
from kpa_tracker.core.team import tasks as team_tasks
from kpa_tracker.core.team import transfer as team_transfer
from kpa_tracker.tests.team.team_writer import NOW, sample_items
from kpa_tracker.tests.team.test_team_transfer import _comparable
from kpa_tracker.ui.dialogs.options_page import KpaOptionsPage

MANY = team_transfer.BATCH * 2 + 37  # three batches of INSERTs in the one transaction


@pytest.fixture
def slot_errors(monkeypatch):
    """Exceptions raised in Qt slots (PyQt hands them to sys.excepthook instead of raising them)."""
    errors = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, trace: errors.append(value))
    return errors


@pytest.fixture
def workspace(tmp_path, monkeypatch):
    """The local workspace's sightings GeoPackage, in the test's folder."""
    local = tmp_path / "ws.gpkg"
    monkeypatch.setattr(S, "default_path", lambda: local)
    return local


def _team_counts(db):
    conn = db.connect()
    try:
        return team_store.count_sightings(conn)
    finally:
        conn.close()


class _TableLock:
    """Holds an exclusive lock on the team tables, so that a copy waits at its LOCK TABLE until released."""

    def __init__(self, db):
        self.conn = db.connect()
        with self.conn.cursor() as cursor:
            cursor.execute("LOCK TABLE kpa.sightings IN ACCESS EXCLUSIVE MODE")

    def release(self):
        if not self.conn.closed:
            self.conn.rollback()
            self.conn.close()


def test_the_connect_task_creates_the_schema_of_an_empty_database(empty_db, qgis_connection, slot_errors):
    name = qgis_connection(empty_db, "admin")
    progress = []
    task = team_tasks.ConnectTask(name)
    task.progressChanged.connect(progress.append)
    outcome = team_tasks.wait_for(team_tasks.start(task))
    assert outcome.state == team_tasks.DONE, outcome.message
    latest = tdb.latest_version()
    assert outcome.result.migrated == (0, latest)
    assert outcome.result.status.schema_version == latest and outcome.result.status.admin
    assert "updated from version 0 to {}".format(latest) in outcome.message
    assert "Schema version {}, 0 sightings with 0 sources.".format(latest) in outcome.message
    assert empty_db.scalar("SELECT max(version) FROM kpa.schema_version") == latest
    assert progress and progress[-1] == 100 and progress == sorted(progress)
    assert not slot_errors


def test_the_connect_task_of_a_login_that_may_not_migrate_reports_the_status(empty_db, qgis_connection):
    outcome = team_tasks.wait_for(team_tasks.start(team_tasks.ConnectTask(qgis_connection(empty_db, "analyst"))))
    assert outcome.state == team_tasks.DONE, outcome.message
    assert outcome.result.migrated is None
    assert "kpa_t_analyst" in outcome.message and "No team schema yet" in outcome.message, outcome.message
    assert empty_db.scalar("SELECT to_regclass('kpa.schema_version') IS NULL")


def test_a_transfer_task_copies_everything_to_the_team_and_back(team_db, qgis_connection, workspace, tmp_path,
                                                                 slot_errors):
    name = qgis_connection(team_db, "analyst")
    S.add_sightings(workspace, sample_items(MANY, 90), now=NOW)
    originals = S.read_sightings(workspace)
    progress = []
    task = team_tasks.TransferTask(team_tasks.TO_TEAM, name, workspace, now=NOW)
    task.progressChanged.connect(progress.append)
    outcome = team_tasks.wait_for(team_tasks.start(task))
    assert outcome.state == team_tasks.DONE, outcome.message
    report = outcome.result
    assert (report.found, report.copied, report.sources_copied, report.after) == (MANY, MANY, MANY, (MANY, MANY))
    assert "{0} of {0} sightings copied".format(MANY) in outcome.message
    assert progress[-1] == 100 and progress == sorted(progress) and len(progress) >= 5, progress
    conn = team_db.connect("analyst")
    try:
        assert _comparable(team_store.read_sightings(conn)) == _comparable(originals)
    finally:
        conn.close()

    back = tmp_path / "back.gpkg"
    outcome = team_tasks.wait_for(team_tasks.start(team_tasks.TransferTask(team_tasks.TO_LOCAL, name, back, now=NOW)))
    assert outcome.state == team_tasks.DONE, outcome.message
    assert (outcome.result.copied, outcome.result.after) == (MANY, (MANY, MANY))
    assert _comparable(S.read_sightings(back)) == _comparable(originals)
    assert not slot_errors


@pytest.mark.parametrize("direction", [team_tasks.TO_TEAM, team_tasks.TO_LOCAL])
def test_a_task_cancelled_before_it_starts_writes_nothing(team_db, qgis_connection, workspace, direction):
    name = qgis_connection(team_db, "analyst")
    S.add_sightings(workspace, sample_items(12, 91), now=NOW)
    conn = team_db.connect("analyst")
    try:
        team_store.add_sightings(conn, sample_items(7, 92), now=NOW)
    finally:
        conn.close()
    task = team_tasks.TransferTask(direction, name, workspace, now=NOW)
    task.hold()  # queued in the task manager, not started
    team_tasks.start(task)
    task.cancel()
    outcome = team_tasks.wait_for(task)
    assert outcome.state == team_tasks.CANCELLED
    assert outcome.message == "The copy was cancelled; nothing was copied."
    assert _team_counts(team_db) == (7, 7)
    assert S.count_sightings(workspace) == (12, 12)


def test_a_copy_cancelled_between_batches_leaves_nothing_half_written(team_db, workspace):
    S.add_sightings(workspace, sample_items(MANY, 93), now=NOW)
    seen = []
    after_first_batch = 30 + 60 * team_transfer.BATCH / MANY
    conn = team_db.connect("analyst")
    try:
        with pytest.raises(team_transfer.TransferCancelled, match="nothing was copied"):
            # cancelled once the first batch has gone into the transaction
            team_transfer.to_team(workspace, conn, NOW, progress=seen.append,
                                  canceled=lambda: bool(seen) and seen[-1] >= after_first_batch)
        assert seen[-1] == after_first_batch, seen
        assert team_store.count_sightings(conn) == (0, 0), "the batches written before the cancel are rolled back"
    finally:
        conn.close()


def test_a_bad_connection_gives_a_sentence_naming_the_connection(team_db, qgis_connection, workspace):
    port = team_db.server.port
    team_db.server.port = 1  # nothing listens there
    try:
        dead = qgis_connection(team_db, "analyst")
    finally:
        team_db.server.port = port
    outcome = team_tasks.wait_for(team_tasks.start(team_tasks.ConnectTask(dead)))
    assert outcome.state == team_tasks.FAILED
    assert outcome.message.startswith("Could not connect to the QGIS connection '{}': ".format(dead)), outcome.message
    assert "Traceback" not in outcome.message and team_db.login("analyst")[1] not in outcome.message

    S.add_sightings(workspace, sample_items(3, 94), now=NOW)
    outcome = team_tasks.wait_for(team_tasks.start(team_tasks.TransferTask(team_tasks.TO_TEAM, dead, workspace)))
    assert outcome.state == team_tasks.FAILED
    assert outcome.message.startswith("Nothing was copied: Could not connect to the QGIS connection '{}'".format(
        dead)), outcome.message

    outcome = team_tasks.wait_for(team_tasks.start(team_tasks.ConnectTask("no such connection")))
    assert outcome.state == team_tasks.FAILED
    assert "There is no PostgreSQL connection named 'no such connection'" in outcome.message


def _wait_until(condition, timeout=30.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        QCoreApplication.processEvents()
        time.sleep(0.005)


def _page_on(name, parent=None):
    page = KpaOptionsPage(parent)
    page.team.setChecked(True)
    page.connection.setCurrentText(name)
    return page


def test_the_page_cancels_a_copy_and_says_so(team_db, qgis_connection, workspace, slot_errors,
                                             local_choice_restored):
    name = qgis_connection(team_db, "analyst")
    S.add_sightings(workspace, sample_items(20, 95), now=NOW)
    page = _page_on(name)
    lock = _TableLock(team_db)
    try:
        task = page.transfer(sightings_backend.TEAM)
        assert not page.to_team_button.isEnabled() and not page.to_local_button.isEnabled()
        assert not page.check_button.isEnabled() and not page.refresh_button.isEnabled()
        assert page.cancel_button.isEnabled() and not page.progress.isHidden()
        _wait_until(lambda: page.progress.value() >= 24)  # read and checked; now waiting for its LOCK TABLE
        page.cancel_button.click()
    finally:
        lock.release()  # the copy gets its lock, finds itself cancelled, and rolls back
    outcome = team_tasks.wait_for(task)
    assert outcome.state == team_tasks.CANCELLED, outcome.message
    assert page.transfer_result.text() == "The copy was cancelled; nothing was copied."
    assert _team_counts(team_db) == (0, 0)
    assert page.to_team_button.isEnabled() and page.check_button.isEnabled() and page.progress.isHidden()
    assert not slot_errors
    page.deleteLater()


def test_the_page_closed_mid_copy_leaves_the_copy_whole_and_a_new_page_follows_it(
        team_db, qgis_connection, workspace, slot_errors, flush, local_choice_restored):
    name = qgis_connection(team_db, "analyst")
    S.add_sightings(workspace, sample_items(30, 96), now=NOW)
    dialog = QDialog()
    page = _page_on(name, dialog)  # kept referenced here, as a connected slot could keep it
    lock = _TableLock(team_db)
    try:
        task = page.transfer(sightings_backend.TEAM)
        sip.delete(dialog)  # the Options dialog is closed (and its page deleted) while the copy waits
        flush()
        assert sip.isdeleted(page)
        assert team_tasks.running() == [task]
        reopened = _page_on(name)
        assert not reopened.to_team_button.isEnabled() and reopened.cancel_button.isEnabled()
    finally:
        lock.release()
    outcome = team_tasks.wait_for(task)
    assert outcome.state == team_tasks.DONE, outcome.message
    assert _team_counts(team_db) == (30, 30)
    assert "30 of 30 sightings copied" in reopened.transfer_result.text()
    assert reopened.to_team_button.isEnabled() and team_tasks.running() == []
    assert not slot_errors, slot_errors
    reopened.deleteLater()


@pytest.fixture
def local_choice_restored():
    yield
    sightings_backend.choose(sightings_backend.LOCAL)

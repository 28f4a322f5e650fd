"""Team database work off the UI thread: QgsTasks for QGIS's task manager, with progress and cancel.

- `ConnectTask`: reach the database through a QGIS connection, create or update its schema when
  this login may (TeamSchemaError otherwise: the status says who may), then read the status;
- `TransferTask`: copy sightings local -> team or team -> local (core/team/transfer.py); a
  cancelled copy writes nothing (see that module for where cancel is checked).

`run()` works on a worker thread: it opens its own psycopg2 connection there (never shared between
threads) and touches no widget, project or layer. The outcome (`TaskOutcome`: done, failed or
cancelled, with a sentence for the analyst and the result) is emitted by `ended` from `finished()`,
which QGIS's task manager calls on the main thread. A page that starts a task may close before it
ends: `start()` keeps the Python task referenced until then, and receivers guard against their own
deletion (see ui/dialogs/options_page.py).
"""

import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional, Tuple

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal

from ...toolbelt import log
from ...toolbelt.i18n import tr
from ..domain.records import SightingError
from . import connection as team_db
from . import transfer as team_transfer
from .connection import TeamError, TeamSchemaError
from .status import TeamStatus, read_status

DONE, FAILED, CANCELLED = "done", "failed", "cancelled"
TO_TEAM, TO_LOCAL = "to team", "to local"

# Tasks handed to the task manager and not yet finished. A Python QgsTask must stay referenced while
# the manager runs it, and the page that started it may be gone by then.
_RUNNING = set()


@dataclass
class TaskOutcome:
    state: str  # DONE, FAILED or CANCELLED
    message: str  # a sentence for the analyst
    result: object = None  # ConnectionCheck or TransferReport when DONE

    @property
    def ok(self) -> bool:
        return self.state == DONE


@dataclass
class ConnectionCheck:
    status: TeamStatus
    migrated: Optional[Tuple[int, int]] = None  # (before, after) when this check created or updated the schema

    def __str__(self) -> str:
        text = str(self.status)
        if self.migrated is not None:
            text += " " + tr("The team schema was updated from version {} to {}.").format(*self.migrated)
        return text


class _Cancelled(Exception):
    pass


class TeamTask(QgsTask):
    """Runs `work()` on a worker thread; `ended` carries the TaskOutcome, on the main thread."""

    ended = pyqtSignal(object)

    def __init__(self, description: str, connection_name: str):
        super().__init__(description)  # the default flags: the analyst may cancel it
        self.connection_name = connection_name
        self.result = None
        self.error: Optional[str] = None
        self.outcome: Optional[TaskOutcome] = None
        self._trace: Optional[str] = None

    # --- for subclasses --------------------------------------------------------------------------

    def work(self):
        """The job, on the worker thread; raise _Cancelled (or TransferCancelled) when cancelled."""
        raise NotImplementedError

    def done_message(self, result) -> str:
        return str(result)

    def failed_message(self, error: str) -> str:
        return error

    def cancelled_message(self) -> str:
        return tr("Cancelled.")

    def _check_cancel(self) -> None:
        if self.isCanceled():
            raise _Cancelled()

    # --- QgsTask ---------------------------------------------------------------------------------------

    def run(self) -> bool:
        try:
            self.result = self.work()
        except (_Cancelled, team_transfer.TransferCancelled):
            return False
        except (TeamError, SightingError) as exc:
            self.error = str(exc)
            return False
        except Exception as exc:  # noqa: BLE001 (a worker thread must not let anything escape)
            self.error = tr("The team database task failed unexpectedly: {}").format(exc)
            self._trace = traceback.format_exc()
            return False
        self.setProgress(100)
        return True

    def finished(self, result: bool) -> None:
        _RUNNING.discard(self)
        if result:
            outcome = TaskOutcome(DONE, self.done_message(self.result), self.result)
        elif self.error is not None:
            outcome = TaskOutcome(FAILED, self.failed_message(self.error))
        else:
            outcome = TaskOutcome(CANCELLED, self.cancelled_message())
        if self._trace:
            log.critical(self._trace)
        # Kept in the log too: the page that started the task may have been closed.
        (log.info if outcome.ok else log.warning)("{}: {}".format(self.description(), outcome.message))
        self.outcome = outcome
        self.ended.emit(outcome)


class ConnectTask(TeamTask):
    """Test a QGIS connection to the team database and bring its schema up to date (when this login may)."""

    def __init__(self, connection_name: str, migrate: bool = True):
        super().__init__(tr("Checking the team database connection '{}'").format(connection_name), connection_name)
        self.migrate = migrate

    def work(self) -> ConnectionCheck:
        self._check_cancel()
        conn = team_db.connect(self.connection_name)  # opened on this (the worker's) thread
        try:
            self.setProgress(30)
            self._check_cancel()
            migrated = None
            if self.migrate and team_db.schema_version(conn) < team_db.latest_version():
                conn.rollback()
                try:
                    migrated = team_db.ensure_schema(conn)
                except TeamSchemaError:
                    pass  # this login may not migrate; the status says so, and who may
            self.setProgress(70)
            return ConnectionCheck(read_status(conn), migrated)
        finally:
            conn.close()

    def cancelled_message(self) -> str:
        return tr("The connection check was cancelled.")


class TransferTask(TeamTask):
    """Copy sightings between the local workspace GeoPackage and the team database."""

    def __init__(self, direction: str, connection_name: str, gpkg_path, now=None):
        if direction not in (TO_TEAM, TO_LOCAL):
            raise ValueError("direction must be {!r} or {!r}".format(TO_TEAM, TO_LOCAL))
        description = (tr("Copying local sightings to the team database ('{}')") if direction == TO_TEAM
                       else tr("Copying the team's sightings ('{}') to this computer")).format(connection_name)
        super().__init__(description, connection_name)
        self.direction = direction
        self.gpkg_path = Path(gpkg_path)
        self.now = now

    def work(self) -> team_transfer.TransferReport:
        self._check_cancel()
        conn = team_db.connect(self.connection_name)  # opened on this (the worker's) thread
        try:
            self.setProgress(5)

            def progress(percent: float) -> None:
                self.setProgress(5 + 0.95 * percent)

            if self.direction == TO_TEAM:
                return team_transfer.to_team(self.gpkg_path, conn, self.now, progress, self.isCanceled)
            return team_transfer.to_local(conn, self.gpkg_path, self.now, progress, self.isCanceled)
        finally:
            conn.close()

    def failed_message(self, error: str) -> str:
        return tr("Nothing was copied: {}").format(error)

    def cancelled_message(self) -> str:
        return tr("The copy was cancelled; nothing was copied.")


# --- the task manager ------------------------------------------------------------------------------------

def start(task: TeamTask) -> TeamTask:
    """Hand the task to QGIS's task manager (it runs as soon as a thread is free)."""
    _RUNNING.add(task)
    if not QgsApplication.taskManager().addTask(task):
        _RUNNING.discard(task)
        raise TeamError(tr("QGIS's task manager did not take the task '{}'").format(task.description()))
    return task


def running() -> List[TeamTask]:
    """The team tasks started and not yet finished (a reopened settings page follows them)."""
    return [task for task in _RUNNING if task.outcome is None]


def cancel_running() -> None:
    """Cancel every team task still running (when the plugin unloads)."""
    for task in running():
        task.cancel()


def wait_for(task: TeamTask, timeout: float = 120.0) -> TaskOutcome:
    """Process events until the task has ended; for tests and scripts, never from the plugin's UI."""
    deadline = time.monotonic() + timeout
    while task.outcome is None:
        if time.monotonic() > deadline:
            raise TimeoutError("the task '{}' did not end within {:.0f} s".format(task.description(), timeout))
        QCoreApplication.processEvents()
        time.sleep(0.005)
    return task.outcome


__all__ = ["CANCELLED", "ConnectTask", "ConnectionCheck", "DONE", "FAILED", "TO_LOCAL", "TO_TEAM", "TaskOutcome",
           "TeamTask", "TransferTask", "cancel_running", "running", "start", "wait_for"]

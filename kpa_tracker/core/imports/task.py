"""The import (or its dry run) as a QgsTask: off the UI thread, with progress and cancel.

`run()` works on a worker thread and touches no widget, project or layer; the store it writes to opens its
own connection there (GDAL or psycopg2). `on_done(report, error)` is called from `finished()`, which QGIS's
task manager calls on the main thread: the report (its `canceled` set when the analyst canceled, nothing
written), or None with a sentence when the file or the store failed.
"""

import traceback
from typing import Callable, Optional

from qgis.core import QgsApplication, QgsTask

from ...toolbelt import log
from ...toolbelt.i18n import tr
from ..domain.records import SightingError
from ..sightings.exchange import ExchangeError
from .pipeline import ImportReport, ImportSpec, run_import

# A Python QgsTask must stay referenced while the task manager runs it; the dialog may close first.
_RUNNING = set()


class ImportTask(QgsTask):
    def __init__(self, spec: ImportSpec, store, dry_run: bool,
                 on_done: Optional[Callable[[Optional[ImportReport], Optional[str]], None]] = None):
        name = spec.path.rsplit("/", 1)[-1] if isinstance(spec.path, str) else getattr(spec.path, "name", "")
        super().__init__((tr("Dry run of the import of {}") if dry_run else tr("Importing sightings from {}"))
                         .format(name))
        self.spec, self.store, self.dry_run, self.on_done = spec, store, dry_run, on_done
        self.report: Optional[ImportReport] = None
        self.error: Optional[str] = None

    def run(self) -> bool:
        try:
            self.report = run_import(self.spec, self.store, self.dry_run, progress=self.setProgress,
                                     is_canceled=self.isCanceled)
        except (ExchangeError, SightingError, OSError) as exc:
            self.error = str(exc)
            return False
        except Exception as exc:  # noqa: BLE001 (nothing may escape a worker thread)
            self.error = tr("The import failed unexpectedly, and nothing was written: {}").format(exc)
            log.critical(traceback.format_exc())
            return False
        return not self.report.canceled

    def finished(self, result: bool) -> None:
        _RUNNING.discard(self)
        if self.report is None and self.error is None:  # canceled before run() began
            self.report = ImportReport(str(self.spec.path), self.spec.layout, self.dry_run, canceled=True)
        message = self.error if self.report is None else self.report.summary()
        (log.info if self.error is None else log.warning)(message)
        if self.on_done is not None:
            self.on_done(self.report if self.error is None else None, self.error)


def start(task: ImportTask) -> ImportTask:
    """Hand the task to QGIS's task manager, keeping it referenced until it ends."""
    _RUNNING.add(task)
    QgsApplication.taskManager().addTask(task)
    return task


__all__ = ["ImportTask", "start"]

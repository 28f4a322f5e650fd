"""The Sightings tab's Import and Export buttons.

Import opens the import dialog (ui/dialogs/import_sightings.py; one window, raised when open again, not
modal); after an import that wrote, the tab's list is refreshed. Export asks where, then writes every
sighting of the store the settings choose, with its sources, in a background task through the same
function as kpa_tracker:exportsightings (processing/export_sightings.export_sightings).
"""

from pathlib import Path
from typing import Optional

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtWidgets import QFileDialog

from ...core.domain.records import SightingError
from ...core.sightings import store as sightings_backend
from ...core.sightings.exchange import ExchangeError
from ...core.team.connection import TeamError
from ...processing.export_sightings import EXPORT_FILTER, export_sightings
from ...toolbelt import log, settings
from ...toolbelt.i18n import tr

FOLDER_SETTING = "sightings/exchange_folder"  # where the last export was written
SUFFIXES = {"GeoJSON": ".geojson", "CSV": ".csv", "KML": ".kml"}

# A Python QgsTask must stay referenced while the task manager runs it.
_RUNNING = set()


class ExportTask(QgsTask):
    """Read the store and write the file on a worker thread; `on_done(result, error)` on the main thread."""

    def __init__(self, store, path, on_done=None):
        super().__init__(tr("Exporting sightings to {}").format(Path(path).name))
        self.store, self.path, self.on_done = store, Path(path), on_done
        self.result = None
        self.error: Optional[str] = None

    def run(self) -> bool:
        try:
            self.result = export_sightings(self.store, self.path)
        except (ExchangeError, SightingError, TeamError, OSError) as exc:
            self.error = str(exc)
            return False
        except Exception as exc:  # noqa: BLE001 (nothing may escape a worker thread)
            self.error = tr("The export failed unexpectedly: {}").format(exc)
            return False
        return True

    def finished(self, result: bool) -> None:
        _RUNNING.discard(self)
        if not result and self.error is None:
            self.error = tr("The export was cancelled; no file was written.")
        (log.info if result else log.warning)("{}: {}".format(self.description(), self.error or "done"))
        if self.on_done is not None:
            self.on_done(self.result if result else None, self.error)


class SightingExchangeController:
    def __init__(self, iface, panel, connections, refresh, store=None):
        self.iface = iface
        self.panel = panel
        self.refresh = refresh  # the Sightings tab's list refresh
        self.store = store or sightings_backend.selected_store  # a callable: the store of the moment
        self.dialog = None
        self.export_task = None
        self._connected = []
        for name, slot in (("importRequested", self.open_import), ("exportRequested", self.ask_export)):
            signal = getattr(panel, name, None)
            if signal is None:  # a panel without the button: nothing to wire
                log.warning("The Sightings panel has no {} signal".format(name))
                continue
            connections.connect(signal, slot)
            self._connected.append((signal, slot))

    # --- import ---------------------------------------------------------------------------------------

    def open_import(self, path=None):
        """Show the import dialog (one window: raised when it is open); `path` chooses a file in it."""
        from ..dialogs.import_sightings import ImportSightingsDialog

        if self.dialog is None:
            self.dialog = ImportSightingsDialog(self.store, self.iface.mainWindow())
            self.dialog.imported.connect(self._imported)
        if path is not None:
            self.dialog.set_path(path)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _imported(self, report):
        self.refresh()
        # The refresh writes its own count; the import's outcome is what the analyst just did.
        self.panel.message.setText(self.dialog.message.text() if self.dialog is not None else report.summary())

    # --- export ---------------------------------------------------------------------------------------

    def ask_export(self):
        folder = settings.value(FOLDER_SETTING, str(Path.home()))
        suggested = str(Path(folder) / "sightings.geojson")
        filters = EXPORT_FILTER.split(";;")
        path, chosen = QFileDialog.getSaveFileName(self.panel, tr("Export sightings"), suggested,
                                                   ";;".join(filters))
        if not path:
            return None
        if Path(path).suffix.lower() not in (".geojson", ".json", ".csv", ".kml"):
            kind = chosen.split(" ", 1)[0] if chosen else "GeoJSON"
            path += SUFFIXES.get(kind, ".geojson")
        settings.set_value(FOLDER_SETTING, str(Path(path).parent))
        return self.export(path)

    def export(self, path):
        """Write the store's sightings to `path` in a background task. Returns the task, or None."""
        if self.export_task is not None:
            self.panel.message.setText(tr("An export is still being written; wait for it to end."))
            return None
        try:
            store = self.store()
        except (SightingError, TeamError) as exc:
            self.panel.message.setText(str(exc))
            return None
        task = ExportTask(store, path, self._exported)
        self.export_task = task
        _RUNNING.add(task)
        self.panel.message.setText(tr("Exporting the sightings of {} to {}…").format(store.describe(), path))
        QgsApplication.taskManager().addTask(task)
        return task

    def _exported(self, result, error):
        self.export_task = None
        if result is None:
            self.panel.message.setText(tr("Export failed: {}").format(error))
            return
        text = tr("Exported {} sightings with {} sources to {} ({}).").format(
            result.sightings, result.sources, result.path, result.kind)
        if result.unsourced:
            text += " " + tr("{} of them have no source and will not import until they get one.").format(
                len(result.unsourced))
        self.panel.message.setText(text)

    # --- the plugin unloads ------------------------------------------------------------------------------

    def unload(self):
        for signal, slot in self._connected:
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass  # the plugin's registry undid it first
        self._connected = []
        if self.export_task is not None:
            self.export_task.on_done = None
            self.export_task = None
        if self.dialog is not None:
            self.dialog.shutdown()
            self.dialog.deleteLater()
            self.dialog = None

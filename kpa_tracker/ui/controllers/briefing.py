"""Connects the dock's Briefing page to the layout builder; the file dialog is the only widget here."""

from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
from qgis.PyQt.QtWidgets import QFileDialog

from ...toolbelt import log
from ...toolbelt.i18n import tr
from ...core.briefing.build import add_to_project, build_briefing, export, preset_by_id
from ..panels.briefing import CURRENT_VIEW


class BriefingController:
    def __init__(self, iface, panel, connections, ask_path=None):
        self.iface = iface
        self.panel = panel
        # Asks where to save; tests pass their own answer.
        self.ask_path = ask_path or self._ask
        connections.connect(panel.exportRequested, self.export)

    def _ask(self, suggested):
        path, _filter = QFileDialog.getSaveFileName(self.iface.mainWindow(), tr("Save briefing map"), suggested,
                                                    tr("PDF (*.pdf);;PNG (*.png)"))
        return path

    def extent_and_crs(self):
        choice = self.panel.preset.currentData()
        if choice != CURRENT_VIEW:
            preset = preset_by_id(choice)
            return preset.extent_rectangle(), preset.crs, preset.title
        canvas = self.iface.mapCanvas()
        crs = canvas.mapSettings().destinationCrs()
        to_wgs84 = QgsCoordinateTransform(crs, QgsCoordinateReferenceSystem("EPSG:4326"), QgsProject.instance())
        return to_wgs84.transformBoundingBox(canvas.extent()), crs.authid(), tr("Current view")

    def export(self):
        extent, crs, description = self.extent_and_crs()
        suffix = self.panel.format.currentData()
        path = self.ask_path(str(Path.home() / ("kpa-briefing" + suffix)))
        if not path:
            return None
        path = Path(path)
        if path.suffix.lower() not in (".pdf", ".png"):
            path = path.with_suffix(suffix)
        page = self.panel.page.currentText()
        briefing = build_briefing(QgsProject.instance(), extent, crs, page, self.panel.title.text(),
                                  self.panel.subtitle.text() or description)
        try:
            export(briefing, path, page)
        except (RuntimeError, ValueError) as exc:
            self.panel.message.setText(str(exc))
            log.warning(str(exc))
            return None
        add_to_project(QgsProject.instance(), briefing)
        self.panel.message.setText(tr("Saved {} ({} sources). The layout '{}' is in the project's layouts.")
                                   .format(path, len(briefing.sources), briefing.layout.name()))
        return path, briefing

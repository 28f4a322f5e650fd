"""Connects the dock's Briefing page to the layout builder; the file dialog is the only widget here."""

import datetime
from pathlib import Path

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsProject
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QFileDialog

from ...toolbelt import log
from ...toolbelt.i18n import tr
from ...core.briefing import settings as briefing_settings
from ...core.briefing.build import add_to_project, build_briefing, default_as_of, default_author, export, \
    parse_as_of, preset_by_id
from ..panels.briefing import CURRENT_VIEW


class BriefingController:
    def __init__(self, iface, panel, connections, ask_path=None):
        self.iface = iface
        self.panel = panel
        # Asks where to save; tests pass their own answer.
        self.ask_path = ask_path or self._ask
        connections.connect(panel.exportRequested, self.export)
        panel.author.setText(briefing_settings.author() or default_author())
        panel.handling.setText(briefing_settings.handling())
        self.follow_temporal_controller()
        controller = self._temporal_controller()
        if controller is not None:  # the date follows the Temporal Controller while it is on
            connections.connect(controller.updateTemporalRange, lambda _range: self.follow_temporal_controller())

    def _temporal_controller(self):
        canvas = self.iface.mapCanvas() if self.iface is not None else None
        return canvas.temporalController() if canvas is not None and hasattr(canvas, "temporalController") else None

    def follow_temporal_controller(self):
        day = default_as_of()
        self.panel.as_of.setMaximumDate(QDate.currentDate())
        self.panel.as_of.setDate(QDate(day.year, day.month, day.day))

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

    def as_of(self) -> datetime.date:
        return parse_as_of(self.panel.as_of.date().toString("yyyy-MM-dd"), tr("The 'as of' date"))

    def export(self):
        try:
            day = self.as_of()
        except ValueError as exc:
            self.panel.message.setText(str(exc))
            return None
        extent, crs, description = self.extent_and_crs()
        suffix = self.panel.format.currentData()
        path = self.ask_path(str(Path.home() / ("kpa-briefing-{}{}".format(day.isoformat(), suffix))))
        if not path:
            return None
        path = Path(path)
        if path.suffix.lower() not in (".pdf", ".png"):
            path = path.with_suffix(suffix)
        page = self.panel.page.currentText()
        author, handling = self.panel.author.text().strip(), self.panel.handling.text().strip()
        briefing_settings.remember(author, handling)
        briefing = build_briefing(QgsProject.instance(), extent, crs, page, self.panel.title.text(),
                                  self.panel.subtitle.text() or description, as_of=day, author=author,
                                  handling=handling)
        try:
            export(briefing, path, page)
        except (RuntimeError, ValueError) as exc:
            self.panel.message.setText(str(exc))
            log.warning(str(exc))
            return None
        add_to_project(QgsProject.instance(), briefing)
        self.panel.message.setText(tr("Saved {} ({} sources, picture of {}). The layout '{}' is in the project's "
                                      "layouts.").format(path, len(briefing.sources), day.isoformat(),
                                                         briefing.layout.name()))
        return path, briefing

"""Connects the Charts page: draws the chosen chart, follows the date QGIS's Temporal Controller shows,
moves the timeline to the date of a clicked point or bar, and exports the chart to PNG or SVG."""

import datetime
from pathlib import Path

from qgis.PyQt.QtWidgets import QFileDialog

from ...core.charts import render
from ...toolbelt import log, settings
from ...toolbelt.i18n import tr

FOLDER_SETTING = "charts/export_folder"


class ChartsController:
    def __init__(self, iface, panel, connections, move_to_date):
        """move_to_date: called with a datetime.date when the analyst clicks a point (the timeline's
        set_date)."""
        self.iface = iface
        self.panel = panel
        self.move_to_date = move_to_date
        self.as_of = None
        self._pick_id = None
        self._last_click = None
        self.connections = connections
        if panel.available is None:  # the page is made when first shown
            panel.built.connect(self.start)
        else:
            self.start()

    def start(self):
        """Wire and draw the page once it exists (nothing when matplotlib is missing: it says so)."""
        try:
            self.panel.built.disconnect(self.start)
        except TypeError:
            pass  # it was built before this controller existed
        if not self.panel.available:
            return
        connections = self.connections
        connections.connect(self.panel.kindChanged, self.redraw)
        connections.connect(self.panel.exportRequested, self.ask_export)
        connections.connect(self.iface.mapCanvas().temporalRangeChanged, self.follow_map)
        self._pick_id = self.panel.canvas.mpl_connect("pick_event", self.picked)
        self.as_of = self.map_date()
        self.redraw()

    def map_date(self):
        """The first day of the range the map is drawn for, or None when the map is not temporal."""
        canvas = self.iface.mapCanvas()
        begin = canvas.temporalRange().begin()
        if not canvas.mapSettings().isTemporal() or not begin.isValid():
            return None
        return begin.date().toPyDate()

    def redraw(self, _kind=None):
        self.panel.show_chart(self.as_of)

    def follow_map(self):
        day = self.map_date()
        if day != self.as_of:
            self.as_of = day
            self.panel.show_date(day)

    def picked(self, event):
        """A point, an outline's step or a bar was clicked: the first artist under the click decides."""
        if event.mouseevent is self._last_click or self.panel.drawn is None:
            return
        indices = getattr(event, "ind", None)
        entry = self.panel.drawn.pick(event.artist, int(indices[0]) if indices is not None and len(indices) else 0)
        if entry is None:
            return
        self._last_click = event.mouseevent
        day, text = entry
        self.panel.show_info(text)
        self.move_to_date(day)

    def ask_export(self, suffix: str):
        kind = self.panel.current_kind()
        folder = settings.value(FOLDER_SETTING, str(Path.home()))
        stamp = (self.as_of or datetime.date.today()).isoformat()
        suggested = str(Path(folder) / "kpa-{}-{}{}".format(kind.replace("_", "-"), stamp, suffix))
        name = tr("PNG image (*.png)") if suffix == ".png" else tr("SVG drawing (*.svg)")
        path, _filter = QFileDialog.getSaveFileName(self.panel, tr("Export the chart"), suggested, name)
        if path:
            if not path.lower().endswith(suffix):
                path += suffix
            settings.set_value(FOLDER_SETTING, str(Path(path).parent))
            self.export(path)

    def export(self, path) -> Path:
        """The chosen chart at briefing size, with the date line of the map, written to path."""
        try:
            written = render.save_chart(self.panel.current_kind(), path, as_of=self.as_of)
        except (OSError, render.ChartsUnavailable) as exc:
            log.warning("Chart export to {} failed: {}".format(path, exc))
            self.panel.show_info(tr("The chart could not be saved: {}").format(exc))
            return None
        self.panel.show_info(tr("Chart saved to {}").format(written))
        return written

    def unload(self):
        if self.panel.available is None:  # never shown: only the wait for it to be built to undo
            self.panel.built.disconnect(self.start)
        if self._pick_id is not None and self.panel.canvas is not None:
            self.panel.canvas.mpl_disconnect(self._pick_id)
            self._pick_id = None
        if self.panel.figure is not None:
            self.panel.figure.clear()  # no pyplot: clearing the figure drops its artists and callbacks' data
        self.panel.drawn = None

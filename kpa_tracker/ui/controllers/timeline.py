"""Connects the Timeline page to QGIS's own Temporal Controller and to the curated events.

The tab never filters a layer itself: it sets the Temporal Controller's navigation mode, frame duration,
extents and current frame, and QGIS draws every temporal layer (curated, sightings, the analyst's own)
for that frame. When the analyst moves QGIS's controller instead, its updateTemporalRange signal moves
the tab; while the tab is setting the controller it ignores that echo, so there is no loop.
"""

import datetime
import html

from qgis.core import (
    Qgis,
    QgsCoordinateTransform,
    QgsDateTimeRange,
    QgsExpression,
    QgsFeatureRequest,
    QgsInterval,
    QgsProject,
    QgsTemporalNavigationObject,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QTimer

from ...core.curated import data as curated
from ...core.curated.html import feature_html
from ...core.curated.store import curated_attributes
from ...core.project.layers import find_loaded
from ...core.timeline import dates
from ...core.timeline import events as timeline_events
from ...core.timeline.title import DateTitle
from ...toolbelt import log
from ...toolbelt.i18n import tr

_MODES = getattr(Qgis, "TemporalNavigationMode", None)  # QGIS 3.30+; QgsTemporalNavigationObject's before
ANIMATED = _MODES.Animated if _MODES is not None else QgsTemporalNavigationObject.Animated
NAVIGATION_OFF = _MODES.Disabled if _MODES is not None else QgsTemporalNavigationObject.NavigationOff
_UNITS = getattr(Qgis, "TemporalUnit", None)  # QGIS 3.30+; QgsUnitTypes's before
FRAME_UNITS = {
    dates.DAY: _UNITS.Days if _UNITS is not None else QgsUnitTypes.TemporalDays,
    dates.WEEK: _UNITS.Weeks if _UNITS is not None else QgsUnitTypes.TemporalWeeks,
    dates.MONTH: _UNITS.Months if _UNITS is not None else QgsUnitTypes.TemporalMonths,
}
PLAY_INTERVAL_MS = 1000
# An event is shown at this scale (a district across on a laptop), or closer if the map already is.
# One in view on a map already closer than PAN_ONLY_SCALE is only panned to: the analyst keeps their
# frame; at theatre scale a pan would leave the event a dot among others.
EVENT_SCALE = 1500000
PAN_ONLY_SCALE = 4000000


def _to_date(value) -> datetime.date:
    if isinstance(value, QDate):
        return value.toPyDate()
    if isinstance(value, datetime.datetime):
        return value.date()
    return value


def _midnight(day: datetime.date) -> QDateTime:
    return QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))


def range_text(first: datetime.date, last: datetime.date) -> str:
    if first == last:
        return first.strftime("%d %b %Y").lstrip("0")
    return "{} – {}".format(first.strftime("%d %b %Y").lstrip("0"), last.strftime("%d %b %Y").lstrip("0"))


class TimelineController:
    def __init__(self, iface, panel, connections, navigation=None, load_layers=None, today=None):
        """`navigation`: QGIS's Temporal Controller (default: the map canvas's); `load_layers`: loads
        catalogue layers by id (the Layers tab's), to put the events layer on the map when it is missing."""
        self.iface = iface
        self.panel = panel
        self.canvas = iface.mapCanvas()
        self.load_layers = load_layers
        self.first = dates.SPAN_START
        self.last = today or datetime.date.today()
        self._own_navigation = None
        navigation = navigation or self.canvas.temporalController()
        if not isinstance(navigation, QgsTemporalNavigationObject):
            # Outside QGIS desktop (a bare canvas) there is none: keep one of our own that draws the canvas.
            navigation = self._own_navigation = QgsTemporalNavigationObject()
            connections.connect(navigation.updateTemporalRange, self.canvas.setTemporalRange)
        self.navigation = navigation
        self.date = self.last
        self._applying = False
        self.window = self._window_of(self._current_range())  # None while QGIS's controller is off
        self._rows = None  # the curated events, read when first needed
        self.title = DateTitle(iface.mainWindow())
        self.timer = QTimer()
        self.timer.setInterval(PLAY_INTERVAL_MS)
        panel.set_span(self.first, self.last)
        connections.connect(self.timer.timeout, self._tick)
        connections.connect(panel.dayMoved, lambda offset: self.set_date(self.first + datetime.timedelta(days=offset)))
        connections.connect(panel.stepChanged, lambda _unit: self.set_date(self.date))
        connections.connect(panel.stepRequested, self.step)
        connections.connect(panel.playToggled, self.play)
        connections.connect(panel.snapshotRequested, self.jump_to_snapshot)
        connections.connect(panel.eventJumpRequested, self.jump_to_event)
        connections.connect(panel.titleToggled, self._title_toggled)
        connections.connect(panel.filtersChanged, self.refresh_events)
        connections.connect(panel.eventChosen, self.choose_event)
        connections.connect(panel.shown, self._on_shown)
        # A change of QGIS's navigation mode comes as updateTemporalRange too (an empty range when off);
        # navigationModeChanged itself cannot be connected from Python on QGIS 3.22.
        connections.connect(navigation.updateTemporalRange, self._on_range)
        connections.connect(QgsProject.instance().cleared, self.title.forget)
        self._show_date()

    # The date ---------------------------------------------------------------
    def set_date(self, value) -> None:
        """Move the timeline, and with it QGIS's Temporal Controller, to the frame of `value`
        (a QDate or datetime.date), kept within October 2024 to today."""
        self.date = dates.clamp(_to_date(value), self.first, self.last)
        self._apply()
        if self.panel.title_box.isChecked():
            self.title.show(tr("Map drawn for {}"))
        self._show_date()
        self.refresh_events()

    def _apply(self) -> None:
        navigation = self.navigation
        unit = self.panel.current_step()
        extents = QgsDateTimeRange(_midnight(self.first), _midnight(self.last + datetime.timedelta(days=1)))
        duration = QgsInterval(1, FRAME_UNITS[unit])
        self._applying = True
        try:
            if navigation.navigationMode() != ANIMATED:
                navigation.setNavigationMode(ANIMATED)
            if navigation.temporalExtents() != extents:
                navigation.setTemporalExtents(extents)
            if not (navigation.frameDuration() == duration):
                navigation.setFrameDuration(duration)
            navigation.setCurrentFrameNumber(dates.frame_number(self.date, unit, self.first))
        finally:
            self._applying = False
        self.window = self._window_of(self._current_range())

    def _current_range(self):
        navigation = self.navigation
        if navigation.navigationMode() == ANIMATED:
            shown = navigation.dateTimeRangeForFrameNumber(navigation.currentFrameNumber())
            if navigation.temporalRangeCumulative():
                return QgsDateTimeRange(navigation.temporalExtents().begin(), shown.end(),
                                        True, shown.includeEnd())
            return shown
        if navigation.navigationMode() == NAVIGATION_OFF:
            return None
        return navigation.temporalExtents()

    @staticmethod
    def _window_of(shown):
        """(first, last day) a QGIS range draws, None for no range."""
        if shown is None or not shown.begin().isValid() or not shown.end().isValid():
            return None
        end = shown.end() if shown.includeEnd() else shown.end().addSecs(-1)
        return shown.begin().date().toPyDate(), end.date().toPyDate()

    def _on_range(self, shown) -> None:
        """QGIS's Temporal Controller moved (its own slider, play, or a mode change): follow it."""
        if self._applying:
            return
        self.window = self._window_of(shown) if shown is not None and shown.begin().isValid() else \
            self._window_of(self._current_range())
        if self.window is not None and not self.window[0] <= self.date <= self.window[1]:
            cumulative = self.navigation.temporalRangeCumulative()
            self.date = dates.clamp(self.window[1] if cumulative else self.window[0], self.first, self.last)
        for unit, qgis_unit in FRAME_UNITS.items():
            if self.navigation.frameDuration() == QgsInterval(1, qgis_unit):
                self.panel.set_step(unit)
        self._show_date()
        if self._rows is not None or self.panel.isVisible():
            self.refresh_events()

    def _show_date(self) -> None:
        if self.window is None:
            text = tr("QGIS's Temporal Controller is off: the map shows every feature. Move the slider to "
                      "draw it for a date.")
        else:
            text = tr("The map shows {}").format(range_text(*self.window))
        self.panel.show_date(self.date, text)

    def step(self, direction: int) -> None:
        self.set_date(dates.step(self.date, self.panel.current_step(), direction))

    def play(self, playing: bool) -> None:
        if playing:
            if self.date >= self.last:
                self.set_date(self.first)
            self.timer.start()
        else:
            self.timer.stop()
        self.panel.set_playing(playing)

    def _tick(self) -> None:
        if self.date >= self.last:
            self.play(False)
            return
        self.step(1)
        if self.date >= self.last:
            self.play(False)

    def jump_to_snapshot(self, direction: int) -> None:
        _, result = curated.load_cached()
        self._jump(dates.snapshot_dates(result.features), direction,
                   tr("No earlier front snapshot within the timeline."), tr("No later front snapshot."))

    def jump_to_event(self, direction: int) -> None:
        self._jump(sorted({row.first for row in self.rows()}), direction,
                   tr("No earlier event within the timeline."), tr("No later event."))

    def _jump(self, known, direction, none_before, none_after) -> None:
        found = dates.previous_date(known, self.date) if direction < 0 else dates.next_date(known, self.date)
        if found is None or dates.clamp(found, self.first, self.last) == self.date:
            self.panel.say(none_before if direction < 0 else none_after)
            return
        self.panel.say("")
        self.set_date(found)

    def _title_toggled(self, on: bool) -> None:
        if on:
            self.title.show(tr("Map drawn for {}"))
        else:
            self.title.hide()

    # The events -------------------------------------------------------------
    def rows(self):
        if self._rows is None:
            _, result = curated.load_cached()
            self._rows = timeline_events.rows(result.features.get(timeline_events.EVENTS_LAYER, []))
            self.panel.set_choices(timeline_events.categories_of(self._rows), timeline_events.statuses_of(self._rows))
        return self._rows

    def _on_shown(self) -> None:
        self._show_date()
        self.refresh_events()

    def listed(self):
        """The events of the map's window that pass the tab's filters, oldest first."""
        if self.window is None:
            return []
        category, status = self.panel.chosen_category(), self.panel.chosen_status()
        return timeline_events.events_in_window(
            self.rows(), self.window[0], self.window[1], categories=[category] if category else None,
            statuses=[status] if status else None, search=self.panel.search.text())

    def refresh_events(self) -> None:
        shown = self.listed()
        if self.window is None:
            title = tr("Events: set a date to list the events of the map's window")
        else:
            title = tr("Events of {}: {}").format(range_text(*self.window), len(shown))
        self.panel.show_events(title, shown)

    def choose_event(self, event_id: str) -> None:
        row = next((r for r in self.rows() if r.id == event_id), None)
        if row is None:
            return
        layer = find_loaded(QgsProject.instance(), timeline_events.EVENTS_LAYER)
        if layer is None and self.load_layers is not None:
            self.load_layers([timeline_events.EVENTS_LAYER])
            layer = find_loaded(QgsProject.instance(), timeline_events.EVENTS_LAYER)
        feature = None
        if layer is not None:
            request = QgsFeatureRequest().setFilterExpression(
                "\"id\" = {}".format(QgsExpression.quotedValue(event_id)))
            feature = next(layer.getFeatures(request), None)
        if feature is not None:
            attributes = {name: feature[name] for name in feature.fields().names()}
        else:
            catalogue, _ = curated.load_cached()
            layer_def = next(l for l in catalogue if l.id == timeline_events.EVENTS_LAYER)
            attributes = curated_attributes(row.feature, layer_def)
        grade = "<p><b>{}</b> {}</p>".format(html.escape(tr("Sources by kind:")), html.escape(row.grade))
        self.panel.show_details(grade + feature_html(attributes, layer.name() if layer is not None else ""))
        if layer is None:
            self.panel.say(tr("The Events layer is not on the map: load it in the Layers tab to see "
                                          "the event there."))
            return
        if feature is None:
            self.panel.say(tr("This event is not in your Events layer (it was deleted there)."))
            return
        self.panel.say("")
        self._go_to(layer, feature)

    def _go_to(self, layer, feature) -> None:
        canvas = self.canvas
        transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
        point = transform.transform(feature.geometry().centroid().asPoint())
        in_view = canvas.extent().contains(point) and canvas.scale() <= PAN_ONLY_SCALE
        canvas.setCenter(point)
        if not in_view and canvas.scale() > EVENT_SCALE:
            canvas.zoomScale(EVENT_SCALE)
        canvas.refresh()
        canvas.flashFeatureIds(layer, [feature.id()])
        log.info("Timeline: went to event {} ({})".format(feature["id"], "panned" if in_view else "zoomed"))

    def unload(self) -> None:
        self.timer.stop()
        self.title.hide()
        if self._own_navigation is not None:
            self._own_navigation.deleteLater()
            self._own_navigation = None
        self.navigation = None

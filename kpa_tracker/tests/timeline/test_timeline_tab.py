"""The Timeline tab driven with its real widgets, against a real QgsTemporalNavigationObject: it moves
QGIS's Temporal Controller, QGIS's controller moves it, and play steps on a QTimer."""

import datetime

from qgis.core import Qgis, QgsDateTimeRange, QgsInterval, QgsTemporalNavigationObject
from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime
from qgis.PyQt.QtTest import QTest

from kpa_tracker.core.timeline import dates
from kpa_tracker.ui.controllers.timeline import ANIMATED, FRAME_UNITS, NAVIGATION_OFF

D = datetime.date
FIXED_RANGE = (Qgis.TemporalNavigationMode.FixedRange if hasattr(Qgis, "TemporalNavigationMode")
               else QgsTemporalNavigationObject.FixedRange)


def _day(value: QDateTime) -> D:
    return value.date().toPyDate()


def _choose_step(panel, unit):
    panel.step.setCurrentIndex(panel.step.findData(unit))


def test_the_slider_and_the_step_drive_qgis_temporal_controller(make_timeline, navigation, qgis_iface):
    timeline = make_timeline()
    panel = timeline.panel
    # Until the tab is used, QGIS's controller (off here) is left as it is, and the tab says so.
    assert timeline.window is None and navigation.navigationMode() == NAVIGATION_OFF
    assert "off" in panel.window_label.text() and timeline.listed() == []
    assert panel.slider.minimum() == 0 and panel.slider.maximum() == (timeline.last - D(2024, 10, 1)).days
    panel.slider.setValue((D(2025, 3, 13) - dates.SPAN_START).days)  # as a drag ends
    assert timeline.date == D(2025, 3, 13)
    assert navigation.navigationMode() == ANIMATED
    assert navigation.frameDuration().originalUnit() == FRAME_UNITS[dates.WEEK]
    assert _day(navigation.temporalExtents().begin()) == D(2024, 10, 1)
    assert _day(navigation.temporalExtents().end()) == timeline.last + datetime.timedelta(days=1)
    canvas_range = qgis_iface.mapCanvas().temporalRange()
    assert (_day(canvas_range.begin()), _day(canvas_range.end())) == (D(2025, 3, 11), D(2025, 3, 18))
    assert "2025" in panel.date_label.text() and "13" in panel.date_label.text()
    assert panel.window_label.text().endswith("11 Mar 2025 – 17 Mar 2025")

    _choose_step(panel, dates.DAY)
    assert navigation.frameDuration().originalUnit() == FRAME_UNITS[dates.DAY]
    assert _day(qgis_iface.mapCanvas().temporalRange().begin()) == D(2025, 3, 13)
    QTest.keyClick(panel.slider, Qt.Key.Key_Right)  # the keyboard moves the slider a day
    assert timeline.date == D(2025, 3, 14)
    panel.back_button.click()
    panel.back_button.click()
    assert timeline.date == D(2025, 3, 12) and navigation.currentFrameNumber() == (D(2025, 3, 12) - D(2024, 10, 1)).days
    _choose_step(panel, dates.MONTH)
    panel.forward_button.click()
    assert timeline.date == D(2025, 4, 12)
    assert _day(qgis_iface.mapCanvas().temporalRange().begin()) == D(2025, 4, 1)
    assert _day(qgis_iface.mapCanvas().temporalRange().end()) == D(2025, 5, 1)

    timeline.set_date(QDate(2023, 5, 1))  # a QDate, before the span: the first day
    assert timeline.date == D(2024, 10, 1) and panel.slider.value() == 0
    timeline.set_date(D(2031, 1, 1))
    assert timeline.date == timeline.last and panel.slider.value() == panel.slider.maximum()


def test_play_steps_on_its_timer_and_pause_stops(make_timeline):
    timeline = make_timeline()
    panel = timeline.panel
    _choose_step(panel, dates.WEEK)
    timeline.set_date(D(2025, 1, 7))
    panel.play_button.click()
    assert timeline.timer.isActive() and panel.play_button.text() == "Pause"
    timeline.timer.timeout.emit()
    timeline.timer.timeout.emit()
    assert timeline.date == D(2025, 1, 21)
    panel.play_button.click()
    assert not timeline.timer.isActive() and panel.play_button.text() == "Play"
    # Playing on the last day starts again from the first; reaching it stops.
    timeline.set_date(timeline.last)
    panel.play_button.click()
    assert timeline.date == D(2024, 10, 1)
    timeline.set_date(timeline.last - datetime.timedelta(days=3))
    timeline.timer.timeout.emit()
    assert timeline.date == timeline.last and not timeline.timer.isActive() and not panel.play_button.isChecked()


def test_qgis_controller_moves_the_tab_without_a_loop(make_timeline, navigation):
    timeline = make_timeline()
    panel = timeline.panel
    _choose_step(panel, dates.WEEK)
    timeline.set_date(D(2025, 3, 13))
    heard = []
    navigation.updateTemporalRange.connect(heard.append)
    try:
        frame = dates.frame_number(D(2025, 6, 2), dates.WEEK)
        navigation.setCurrentFrameNumber(frame)  # the analyst drags QGIS's own slider
        assert len(heard) == 1 and navigation.currentFrameNumber() == frame  # the tab did not set it back
        first, last = dates.frame_window(D(2025, 6, 2), dates.WEEK)
        assert timeline.date == first and timeline.window == (first, last)
        assert panel.slider.value() == (first - dates.SPAN_START).days
        assert panel.window_label.text().endswith("{} – {}".format(first.strftime("%d %b %Y").lstrip("0"),
                                                                    last.strftime("%d %b %Y").lstrip("0")))
        navigation.next()  # QGIS's own "next frame" button
        assert timeline.date == first + datetime.timedelta(days=7)
        # QGIS's step set to a day there moves the tab's step too.
        navigation.setFrameDuration(QgsInterval(1, FRAME_UNITS[dates.DAY]))
        assert panel.current_step() == dates.DAY
        # A fixed range set in QGIS (here the first front snapshot, before the timeline starts).
        navigation.setNavigationMode(FIXED_RANGE)
        navigation.setTemporalExtents(QgsDateTimeRange(QDateTime(QDate(2024, 8, 15), QTime(0, 0)),
                                                       QDateTime(QDate(2024, 9, 11), QTime(23, 59, 59))))
        assert timeline.window == (D(2024, 8, 15), D(2024, 9, 11))
        assert timeline.date == D(2024, 10, 1) and panel.slider.value() == 0
        assert panel.window_label.text().endswith("15 Aug 2024 – 11 Sep 2024")
        navigation.setNavigationMode(NAVIGATION_OFF)
        assert timeline.window is None and "off" in panel.window_label.text()
        assert timeline.listed() == []
    finally:
        navigation.updateTemporalRange.disconnect(heard.append)


def test_snapshot_and_event_buttons_jump_to_the_curated_dates(make_timeline):
    from kpa_tracker.core.curated import data as curated

    _, result = curated.load_cached()
    snapshots = sorted({curated.period_start(f.valid_from) for f in result.features["front_areas"]})
    starts = sorted({curated.period_start(f.valid_from) for f in result.features["events"]})
    timeline = make_timeline()
    panel = timeline.panel
    timeline.set_date(D(2025, 3, 1))
    panel.next_snapshot.click()
    assert timeline.date == min(d for d in snapshots if d > D(2025, 3, 1))
    panel.next_snapshot.click()
    assert timeline.date == min(d for d in snapshots if d > D(2025, 3, 7))
    panel.previous_snapshot.click()
    assert timeline.date == max(d for d in snapshots if d < D(2025, 3, 16))
    timeline.set_date(D(2024, 10, 1))
    panel.previous_snapshot.click()  # the snapshot in force then began in September, before the timeline
    assert timeline.date == D(2024, 10, 1) and "No earlier front snapshot" in panel.message.text()
    timeline.set_date(max(snapshots))
    panel.next_snapshot.click()
    assert "No later front snapshot" in panel.message.text()
    timeline.set_date(D(2025, 1, 15))
    panel.next_event.click()
    after = min(d for d in starts if d > D(2025, 1, 15))
    assert timeline.date == after
    panel.previous_event.click()
    panel.previous_event.click()  # two events back from the one after 15 January
    assert timeline.date == sorted(d for d in starts if d < after)[-2]

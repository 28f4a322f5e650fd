"""The Charts page with real widgets: a click on a point or bar moves the timeline to its date; the page
follows the map's date; without matplotlib it says so and nothing raises."""

import datetime
import sys

import pytest
from qgis.core import QgsDateTimeRange
from qgis.PyQt.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QLabel

from kpa_tracker.core.charts import render, series
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.controllers.charts import ChartsController
from kpa_tracker.ui.panels.charts import ChartsPanel


@pytest.fixture
def charts(qgis_iface, flush):
    panel = ChartsPanel(None)
    panel.resize(350, 620)  # a dock on a 1366 x 768 screen
    panel.show()
    flush()
    moved = []
    connections = ConnectionRegistry()
    controller = ChartsController(qgis_iface, panel, connections, moved.append)
    yield panel, controller, moved
    controller.unload()
    connections.disconnect_all()
    panel.close()
    panel.deleteLater()
    flush()


def _choose(panel, kind, flush):
    panel.kind.setCurrentIndex(panel.kind.findData(kind))
    flush()
    panel.canvas.draw()  # lay the figure out at the widget's size, so data maps to its pixels


def _click(panel, x, y):
    """A real left click on the Qt canvas at matplotlib display coordinates (x, y)."""
    ratio = panel.canvas.devicePixelRatioF() if hasattr(panel.canvas, "devicePixelRatioF") else 1.0
    point = QPoint(int(round(x / ratio)), int(round(panel.canvas.height() - y / ratio)))
    QTest.mouseClick(panel.canvas, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def _artist_of(panel, text_part):
    return next((a, entries) for a, entries in panel.drawn.picks.items() if text_part in entries[0][1])


def test_clicking_a_figure_moves_the_timeline_to_its_date(charts, flush):
    panel, _controller, moved = charts
    _choose(panel, "front_area", flush)
    late = next(f for f in series.area_figures() if f.id == "est-area-2025-06-22-syrskyi" or
                (f.who == "Syrskyi" and f.start.year == 2025 and f.start.month == 6))
    point, entries = _artist_of(panel, "2025-06-22")
    x, y = point.axes.transData.transform((point.get_offsets()[0][0], point.get_offsets()[0][1]))
    _click(panel, x, y)
    assert moved == [late.date] == [datetime.date(2025, 6, 22)]
    assert "90" in panel.info.text() and "Syrskyi" in panel.info.text()
    # a click on empty ground moves nothing
    _click(panel, x, y + 120)
    assert moved == [datetime.date(2025, 6, 22)]


def test_a_figure_dated_to_a_year_moves_the_timeline_to_mid_year(charts, flush):
    panel, _controller, moved = charts
    _choose(panel, "estimates", flush)
    figure = next(f for f in series.strength_figures() if f.id == "est-ponomarenko-2024-93rd")
    point, entries = _artist_of(panel, "876")
    assert entries[0][0] == figure.date == datetime.date(2024, 7, 1)
    x, y = point.axes.transData.transform(point.get_offsets()[0])
    _click(panel, x, y)
    assert moved == [datetime.date(2024, 7, 1)]
    assert "2024" in panel.info.text() and "year" in panel.info.text()


def test_clicking_a_bar_moves_the_timeline_to_its_week(charts, flush):
    panel, _controller, moved = charts
    _choose(panel, "events_per_week", flush)
    weeks, _coarse = series.events_per_week()
    busiest = max(weeks, key=lambda w: sum(w.counts.values()))
    bar = next(a for a, entries in panel.drawn.picks.items() if entries[0][1].startswith(busiest.label))
    x, y = bar.axes.transData.transform((bar.get_x() + bar.get_width() / 2, bar.get_y() + bar.get_height() / 2))
    _click(panel, x, y)
    assert moved == [busiest.monday]
    assert panel.info.text().startswith(busiest.label)


def test_the_chart_follows_the_map_s_date(charts, qgis_iface, flush):
    import matplotlib.dates as mdates

    panel, controller, _moved = charts
    canvas = qgis_iface.mapCanvas()
    begin = QDateTime(QDate(2025, 3, 13), QTime(0, 0))
    canvas.setTemporalRange(QgsDateTimeRange(begin, begin.addDays(1)))
    flush()
    try:
        assert controller.as_of == datetime.date(2025, 3, 13)
        assert [line.get_xdata()[0] for line in panel.drawn.marks] == [mdates.date2num(datetime.date(2025, 3, 13))]
        _choose(panel, "estimates", flush)  # another chart keeps the date
        assert len(panel.drawn.marks) == 2
    finally:
        canvas.setTemporalRange(QgsDateTimeRange(QDateTime(), QDateTime()))  # no date: no line
        flush()
    assert controller.as_of is None and panel.drawn.marks == []


def test_export_writes_the_chosen_chart(charts, flush, tmp_path):
    panel, controller, _moved = charts
    _choose(panel, "events_per_week", flush)
    written = controller.export(tmp_path / "weekly.svg")
    assert written.read_text(encoding="utf-8").count(render.titles()["events_per_week"]) >= 1
    assert "weekly.svg" in panel.info.text()


def test_the_page_fits_a_350_px_dock(charts, flush, tmp_path):
    panel, _controller, _moved = charts
    for kind in render.KINDS:
        _choose(panel, kind, flush)
        assert panel.canvas.width() <= 350 and panel.canvas.height() >= 300
        assert panel.grab().save(str(tmp_path / (kind + ".png")))
    assert panel.minimumSizeHint().width() <= 350


def test_without_matplotlib_the_page_says_so_and_nothing_raises(monkeypatch, qgis_iface, flush):
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    panel = ChartsPanel(None)
    connections = ConnectionRegistry()
    controller = ChartsController(qgis_iface, panel, connections, lambda day: pytest.fail("moved"))
    panel.show()
    flush()
    labels = [label.text() for label in panel.findChildren(QLabel)]
    assert labels == [render.unavailable_message()]
    assert "matplotlib" in labels[0]
    assert len(connections) == 0 and panel.current_kind() == "" and panel.show_chart() is None
    controller.unload()
    panel.deleteLater()
    flush()


def test_the_page_is_made_and_drawn_only_when_first_shown(qgis_iface, flush):
    """QGIS's start-up does not import matplotlib or draw a chart for a tab that is not open."""
    panel = ChartsPanel(None)
    connections = ConnectionRegistry()
    controller = ChartsController(qgis_iface, panel, connections, lambda day: None)
    assert panel.available is None and panel.canvas is None and panel.drawn is None
    assert len(connections) == 0
    panel.show()
    flush()
    assert panel.available is True and panel.canvas is not None
    assert panel.drawn is not None and len(connections) == 3  # drawn, and following the map
    controller.unload()
    connections.disconnect_all()
    panel.close()
    panel.deleteLater()
    flush()


def test_unload_before_the_page_was_ever_shown(qgis_iface, flush):
    panel = ChartsPanel(None)
    controller = ChartsController(qgis_iface, panel, ConnectionRegistry(), lambda day: None)
    controller.unload()
    panel.show()  # shown after unload: built, but nothing of the controller's runs
    flush()
    assert panel.canvas is not None and panel.drawn is None
    panel.deleteLater()
    flush()

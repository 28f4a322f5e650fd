"""What QGIS draws for a date set on the Timeline tab, through QGIS's own temporal filter, and the events
list beside the map: exactly the events of the window, filtered, searched; choosing one goes to it."""

import datetime
import re

import pytest
import yaml
from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
)
from qgis.gui import QgsRubberBand

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.project.layers import LAYER_ID_PROPERTY, find_loaded
from kpa_tracker.core.timeline import dates
from kpa_tracker.ui.controllers.timeline import EVENT_SCALE

D = datetime.date
EVENTS_YAML = curated.LAYERS_DIR / "data" / "events.yaml"


def _drawn_ids(layer: QgsVectorLayer, window) -> set:
    """The ids QGIS's temporal filter keeps for the canvas's range (QgsVectorLayerTemporalProperties)."""
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    request = QgsFeatureRequest()
    expression = layer.temporalProperties().createFilterString(context, window)
    if expression:
        request.setFilterExpression(expression)
    return {f["id"] for f in layer.getFeatures(request)}


def _in_force(feature, first: D, last: D) -> bool:
    """Independently of the plugin's code: in force on some day of first..last."""
    start = curated.period_start(feature.valid_from) if feature.valid_from else D(1900, 1, 1)
    end = curated.period_end(feature.valid_to) if feature.valid_to else D.today()
    return start <= last and end >= first


@pytest.mark.parametrize("label, day, unit", [
    ("peak", None, None),  # the first front snapshot's days, set in QGIS's own controller
    ("13 March 2025", D(2025, 3, 13), dates.DAY),
    ("a week of 2026", D(2026, 2, 15), dates.WEEK),
])
def test_each_curated_layer_shows_what_was_in_force(project, make_timeline, navigation, qgis_iface, label, day, unit):
    _, result = curated.load_cached()
    timeline = make_timeline()
    if day is None:
        from qgis.core import QgsDateTimeRange
        from qgis.PyQt.QtCore import QDate, QDateTime, QTime
        from kpa_tracker.tests.timeline.test_timeline_tab import FIXED_RANGE

        peak = min(result.features["front_areas"], key=lambda f: f.valid_from)
        first, last = curated.period_start(peak.valid_from), curated.period_end(peak.valid_to)
        navigation.setNavigationMode(FIXED_RANGE)
        navigation.setTemporalExtents(QgsDateTimeRange(QDateTime(QDate(first), QTime(0, 0)),
                                                       QDateTime(QDate(last), QTime(23, 59, 59))))
    else:
        timeline.panel.step.setCurrentIndex(timeline.panel.step.findData(unit))
        timeline.set_date(day)
        first, last = dates.frame_window(day, unit)
    assert timeline.window == (first, last)
    window = qgis_iface.mapCanvas().temporalRange()
    checked = 0
    for layer in project.mapLayers().values():
        layer_id = layer.customProperty(LAYER_ID_PROPERTY)
        if not isinstance(layer, QgsVectorLayer) or layer_id not in result.features:
            continue
        expected = {f.id for f in result.features[layer_id] if _in_force(f, first, last)}
        if layer.temporalProperties().isActive():
            assert _drawn_ids(layer, window) == expected, (label, layer_id)
            checked += 1
        else:  # not time-bound: every feature, whatever the date
            assert _drawn_ids(layer, window) == {f.id for f in result.features[layer_id]}
    assert checked >= 6
    fronts = _drawn_ids(find_loaded(project, "front_areas"), window)
    if label == "peak":
        assert fronts == {"sudzha-salient-2024-08"}
        assert not _drawn_ids(find_loaded(project, "events"), window)  # the events start in October 2024
    elif label == "13 March 2025":
        assert fronts == {"sudzha-salient-2025-03-13"}
        assert _drawn_ids(find_loaded(project, "events"), window) == set(timeline.panel.listed_ids())
    else:
        assert not fronts  # the front layers end in April 2025
        assert _drawn_ids(find_loaded(project, "events"), window) == set(timeline.panel.listed_ids())


def _yaml_window(entry):
    """Independently of the plugin, from the YAML: an event's first and last day; without valid_to it
    lasts its day, its week (time_precision: week) or its month (a 'YYYY-MM' date)."""
    def parse(text, last):
        text = str(text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return D.fromisoformat(text)
        year, month = (int(p) for p in text.split("-"))
        if not last:
            return D(year, month, 1)
        return D(year + month // 12, month % 12 + 1, 1) - datetime.timedelta(days=1)
    start = parse(entry["valid_from"], False)
    if entry.get("valid_to"):
        return start, parse(entry["valid_to"], True)
    if entry.get("time_precision") == "week" and len(str(entry["valid_from"])) == 10:
        return start, start + datetime.timedelta(days=6)
    return start, parse(entry["valid_from"], True)


def test_a_weeks_list_holds_exactly_the_events_of_that_week(make_timeline):
    entries = yaml.safe_load(EVENTS_YAML.read_text(encoding="utf-8"))["features"]
    timeline = make_timeline()
    panel = timeline.panel
    panel.step.setCurrentIndex(panel.step.findData(dates.WEEK))
    busiest = 0
    monday_to_sunday = 0
    week = dates.SPAN_START
    while week <= timeline.last:
        timeline.set_date(week + datetime.timedelta(days=3))
        first, last = week, week + datetime.timedelta(days=6)
        expected = {e["id"] for e in entries if _yaml_window(e)[0] <= last and _yaml_window(e)[1] >= first}
        listed = panel.listed_ids()
        assert set(listed) == expected and len(listed) == len(expected), week
        starts = [_yaml_window(next(e for e in entries if e["id"] == i))[0] for i in listed]
        assert starts == sorted(starts)  # by date
        assert panel.events_title.text().endswith(": {}".format(len(expected)))
        busiest = max(busiest, len(expected))
        monday_to_sunday += 1
        week += datetime.timedelta(days=7)
    assert busiest >= 3 and monday_to_sunday > 100
    # The week of 13 March 2025 (Tuesday 11 to Monday 17, counted from 1 October 2024 as QGIS counts).
    timeline.set_date(D(2025, 3, 13))
    assert timeline.window == (D(2025, 3, 11), D(2025, 3, 17))
    assert set(panel.listed_ids()) == {e["id"] for e in entries if _yaml_window(e)[0] <= D(2025, 3, 17)
                                       and _yaml_window(e)[1] >= D(2025, 3, 11)}


def test_filters_and_search_narrow_the_list(make_timeline):
    _, result = curated.load_cached()
    timeline = make_timeline()
    panel = timeline.panel
    panel.step.setCurrentIndex(panel.step.findData(dates.MONTH))
    timeline.set_date(D(2025, 1, 15))
    everything = panel.listed_ids()
    by_id = {f.id: f for f in result.features["events"]}
    categories = sorted({by_id[i].attributes["category"] for i in everything})
    assert len(everything) >= 5 and len(categories) >= 2
    panel.category.setCurrentIndex(panel.category.findData(categories[0]))
    assert panel.listed_ids() == [i for i in everything if by_id[i].attributes["category"] == categories[0]]
    panel.category.setCurrentIndex(0)
    status = by_id[everything[0]].status
    panel.status.setCurrentIndex(panel.status.findData(status))
    assert panel.listed_ids() == [i for i in everything if by_id[i].status == status]
    panel.status.setCurrentIndex(0)
    word = "Kursk"
    panel.search.setText("kursk")  # case does not matter
    found = panel.listed_ids()
    assert found and set(found) < set(everything)
    for event_id in everything:
        feature = by_id[event_id]
        text = " ".join([feature.name, feature.notes, str(feature.attributes.get("place") or ""),
                         str(feature.attributes.get("actors") or ""), " ".join(feature.names)])
        assert (event_id in found) == (word.lower() in text.lower()), event_id
    panel.search.clear()
    assert panel.listed_ids() == everything
    # Each row says its dates, then the name over category, place, status and the sources' kinds.
    row = panel.listed_ids().index(everything[0])
    first = by_id[everything[0]]
    assert panel.events.item(row, 0).text().startswith(curated.period_start(first.valid_from).isoformat())
    name, facts = panel.events.item(row, 1).text().split("\n")
    assert name == first.name
    expected = [first.attributes["category"], first.attributes.get("place"), first.status]
    assert facts.split(" · ")[:3] == [v for v in expected if v][:3]
    assert "sources {}: ".format(len(first.sources)) in facts


def _events_layer(project):
    return find_loaded(project, "events")


def _point_on_canvas(canvas, layer, feature):
    transform = QgsCoordinateTransform(layer.crs(), canvas.mapSettings().destinationCrs(), QgsProject.instance())
    return transform.transform(feature.geometry().asPoint())


def _flashes(canvas):
    return [item for item in canvas.scene().items() if isinstance(item, QgsRubberBand)]


def test_choosing_an_event_zooms_flashes_and_shows_escaped_details(project, make_timeline, qgis_iface, flush):
    canvas = qgis_iface.mapCanvas()
    canvas.resize(800, 600)
    layer = _events_layer(project)
    canvas.setDestinationCrs(layer.crs())
    timeline = make_timeline()
    panel = timeline.panel
    panel.step.setCurrentIndex(panel.step.findData(dates.MONTH))
    timeline.set_date(D(2025, 3, 13))
    listed = panel.listed_ids()
    assert len(listed) >= 2
    target = listed[0]
    # The analyst's copy of the event carries hostile text: it must come out as text, the link inert.
    feature = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression("\"id\" = '{}'".format(target))))
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("notes"), "<script>alert(1)</script> & <b>x</b>")
    urls = '["javascript:alert(1)", "https://example.org/ok"]'
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("source_urls"), urls)
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("sources"),
                               "Evil javascript:alert(1)\nGood https://example.org/ok")
    assert layer.commitChanges()
    feature = layer.getFeature(feature.id())
    point = _point_on_canvas(canvas, layer, feature)
    canvas.setExtent(QgsRectangle(point.x() + 40, point.y() + 40, point.x() + 41, point.y() + 41))  # far away
    canvas.zoomScale(20000000)
    before = len(_flashes(canvas))
    assert panel.select_event(target)
    assert abs(canvas.center().x() - point.x()) < 1e-6 and abs(canvas.center().y() - point.y()) < 1e-6
    assert canvas.scale() == pytest.approx(EVENT_SCALE, rel=0.01)
    assert len(_flashes(canvas)) > before  # QGIS's flash (flashFeatureIds) is on the canvas
    text = panel.details.toPlainText()
    assert "<script>alert(1)</script> & <b>x</b>" in text
    shown_html = panel.details.toHtml()
    links = re.findall(r'href="([^"]*)"', shown_html)
    assert links == ["https://example.org/ok"]
    assert "Sources by kind:" in text
    # One already in view of a close map is panned to, at the same scale ...
    canvas.zoomScale(3000000)
    other = next(layer.getFeatures(QgsFeatureRequest().setFilterExpression("\"id\" = '{}'".format(listed[1]))))
    other_point = _point_on_canvas(canvas, layer, other)
    canvas.setCenter(QgsPointXY(other_point.x() + canvas.extent().width() / 4, other_point.y()))
    scale = canvas.scale()
    assert panel.select_event(listed[1])
    assert canvas.scale() == pytest.approx(scale, rel=1e-6)
    assert abs(canvas.center().x() - other_point.x()) < 1e-3
    # ... but at theatre scale, where a pan would leave it a dot among others, zoomed to.
    canvas.zoomScale(30000000)
    assert canvas.extent().contains(point)
    assert panel.select_event(listed[0])
    assert canvas.scale() == pytest.approx(EVENT_SCALE, rel=0.01)


def test_without_the_events_layer_it_is_loaded_or_the_tab_says_so(qgis_new_project, make_timeline, tmp_path):
    timeline = make_timeline()
    panel = timeline.panel
    timeline.set_date(D(2025, 3, 13))
    panel.step.setCurrentIndex(panel.step.findData(dates.MONTH))
    target = panel.listed_ids()[0]
    assert panel.select_event(target)
    assert "not on the map" in panel.message.text()
    assert next(f for f in curated.load_cached()[1].features["events"] if f.id == target).name in \
        panel.details.toPlainText()

    catalogue, result = curated.load_cached()
    from kpa_tracker.core.project.layers import load_layers

    loads = []

    def load(layer_ids):
        loads.append(layer_ids)
        return load_layers(QgsProject.instance(), catalogue, layer_ids, result, tmp_path / "ws.gpkg")

    loading = make_timeline(load_layers=load)
    loading.set_date(D(2025, 3, 13))
    loading.panel.step.setCurrentIndex(loading.panel.step.findData(dates.MONTH))
    assert loading.panel.select_event(target)
    assert loads == [["events"]] and find_loaded(QgsProject.instance(), "events") is not None
    assert loading.panel.message.text() == ""
    QgsProject.instance().clear()

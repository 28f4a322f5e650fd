"""The charts' data equals the curated figures, read here straight from the YAML files."""

import datetime
from pathlib import Path

import pytest
import yaml
from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransformContext, QgsDistanceArea, QgsGeometry, \
    QgsPointXY

from kpa_tracker.core.charts import series

DATA = Path(series.LAYERS_DIR) / "data"


def _rows(name):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))["features"]


def _day(text):
    return datetime.date.fromisoformat(str(text))


def test_area_figures_are_the_published_area_held_figures():
    expected = {(r["id"], r["estimator"], str(r["as_of"]), float(r["value"]), r.get("value_max"), r["qualifier"],
                 r["status"]) for r in _rows("estimates.yaml") if r["measure"] == "area_held_km2"}
    got = {(f.id, f.estimator, f.as_of, f.value, f.value_max, f.qualifier, f.status) for f in series.area_figures()}
    assert got == expected
    assert len(got) >= 20


@pytest.mark.parametrize("measures", [("strength", "deployed"), ("killed", "wounded", "killed_or_wounded")])
def test_strength_and_casualty_figures_are_the_published_ones(measures):
    expected = {(r["id"], r["measure"], float(r["value"]),
                 None if r.get("value_max") is None else float(r["value_max"]), r["status"])
                for r in _rows("estimates.yaml") if r["measure"] in measures}
    found = series.strength_figures() if "strength" in measures else series.casualty_figures()
    assert {(f.id, f.measure, f.value, f.value_max, f.status) for f in found} == expected
    assert any(f.value_max for f in found) or "killed" in measures  # ranges exist among strength figures


def test_a_figure_dated_to_a_year_or_month_stands_mid_period_not_on_its_first_day():
    by_id = {f.id: f for f in series.strength_figures() + series.area_figures()}
    year = by_id["est-ponomarenko-2024-strength"]  # as_of: 2024
    assert (year.precision, year.start, year.end) == ("year", datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    assert year.date == datetime.date(2024, 7, 1)
    month = next(f for f in by_id.values() if f.as_of == "2024-10")
    assert (month.precision, month.start, month.end) == ("month", datetime.date(2024, 10, 1),
                                                         datetime.date(2024, 10, 31))
    assert month.date == datetime.date(2024, 10, 16)
    day = by_id["est-area-2024-08-27-syrskyi"]
    assert (day.precision, day.date) == ("day", datetime.date(2024, 8, 27))


def test_outline_areas_agree_with_qgsdistancearea_on_wgs84():
    measure = QgsDistanceArea()
    measure.setSourceCrs(QgsCoordinateReferenceSystem("EPSG:4326"), QgsCoordinateTransformContext())
    measure.setEllipsoid("WGS84")
    expected = {}
    for row in _rows("front_areas.yaml"):
        ring = [QgsPointXY(lon, lat) for lon, lat in row["ring"]]
        km2 = measure.measureArea(QgsGeometry.fromPolygonXY([ring])) / 1e6
        expected[row["id"]] = (_day(row["valid_from"]), _day(row["valid_to"]), km2)
    got = {o.id: (o.start, o.end, o.area_km2) for o in series.outline_areas()}
    assert set(got) == set(expected)
    for key, (start, end, km2) in expected.items():
        assert got[key][:2] == (start, end)
        assert got[key][2] == pytest.approx(km2, rel=1e-9)
    peak = got["sudzha-salient-2024-08"][2]
    assert 900 < peak < 1200  # the peak outline is about 1,049 km² (its notes say so)


def _week_of(day):
    year, week, _ = day.isocalendar()
    return year, week


def test_events_per_week_count_each_event_in_the_iso_week_it_began():
    expected, coarse = {}, set()
    for row in _rows("events.yaml"):
        text = str(row["valid_from"])
        if len(text) < 10 or row.get("time_precision") in ("month", "year"):
            coarse.add(row["id"])
            continue
        key = (_week_of(_day(text)), row["category"])
        expected[key] = expected.get(key, 0) + 1
    weeks, coarse_events = series.events_per_week()
    got = {((w.year, w.week), c): n for w in weeks for c, n in w.counts.items()}
    assert got == expected
    assert {e.id for e in coarse_events} == coarse
    assert sum(got.values()) + len(coarse) == len(_rows("events.yaml"))
    # every week between the first and the last, once, Mondays a week apart
    mondays = [w.monday for w in weeks]
    assert all(b - a == datetime.timedelta(days=7) for a, b in zip(mondays, mondays[1:]))
    assert all(m.isoweekday() == 1 for m in mondays)


def test_category_colours_are_the_events_layer_style_s():
    colours = series.category_colours()
    categories = {row["category"] for row in _rows("events.yaml")}
    assert categories <= set(colours)
    style = series.EVENTS_STYLE.read_text(encoding="utf-8")
    for colour in colours.values():
        rgb = ",".join(str(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
        assert rgb + ",255" in style

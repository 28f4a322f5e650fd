"""The timeline's dates and event windows are plain Python: tested without QGIS (make test-unit)."""

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.timeline import dates, events

ROOT = Path(__file__).resolve().parents[3]
D = datetime.date


def test_the_timeline_modules_import_no_qgis():
    code = ("import sys\nimport kpa_tracker.core.timeline.dates, kpa_tracker.core.timeline.events\n"
            "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'osgeo'))\n"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], cwd=str(ROOT), capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("day, months, expected", [
    (D(2024, 10, 1), 1, D(2024, 11, 1)), (D(2024, 1, 31), 1, D(2024, 2, 29)), (D(2025, 1, 31), 1, D(2025, 2, 28)),
    (D(2024, 12, 15), 1, D(2025, 1, 15)), (D(2025, 1, 15), -1, D(2024, 12, 15)), (D(2024, 10, 1), 17, D(2026, 3, 1)),
])
def test_months_move_like_qt(day, months, expected):
    assert dates.add_months(day, months) == expected


def test_steps_by_day_week_month_and_back():
    start = D(2025, 3, 13)
    assert dates.step(start, dates.DAY) == D(2025, 3, 14)
    assert dates.step(start, dates.WEEK, -1) == D(2025, 3, 6)
    assert dates.step(start, dates.MONTH, 2) == D(2025, 5, 13)
    with pytest.raises(ValueError):
        dates.step(start, "fortnight")


def test_frames_are_counted_from_the_span_start():
    # 1 October 2024 is a Tuesday: the weeks run Tuesday to Monday, as QGIS's frames from that day do.
    assert dates.frame_number(D(2024, 10, 1), dates.WEEK) == 0
    assert dates.frame_window(D(2025, 3, 13), dates.WEEK) == (D(2025, 3, 11), D(2025, 3, 17))
    assert dates.frame_window(D(2025, 3, 13), dates.MONTH) == (D(2025, 3, 1), D(2025, 3, 31))
    assert dates.frame_window(D(2025, 3, 13), dates.DAY) == (D(2025, 3, 13), D(2025, 3, 13))
    assert dates.frame_number(D(2025, 3, 13), dates.MONTH) == 5
    assert dates.frame_window(D(2025, 3, 13), dates.MONTH, last=D(2025, 3, 20)) == (D(2025, 3, 1), D(2025, 3, 20))
    for unit in dates.STEPS:
        for offset in range(0, 500, 7):
            day = dates.SPAN_START + datetime.timedelta(days=offset)
            first, last = dates.frame_window(day, unit)
            assert first <= day <= last
            assert dates.frame_start(dates.frame_number(day, unit), unit) == first
    assert dates.frame_count(dates.MONTH, D(2024, 10, 1), D(2024, 12, 1)) == 3


def test_previous_and_next_skip_the_current_date():
    known = [D(2024, 12, 6), D(2025, 1, 11), D(2025, 2, 6)]
    assert dates.previous_date(known, D(2025, 1, 11)) == D(2024, 12, 6)
    assert dates.next_date(known, D(2025, 1, 11)) == D(2025, 2, 6)
    assert dates.previous_date(known, D(2024, 12, 6)) is None
    assert dates.next_date(known, D(2025, 3, 1)) is None


def test_snapshot_and_event_dates_come_from_the_curated_data():
    _, result = curated.load_cached()
    snapshots = dates.snapshot_dates(result.features)
    expected = sorted({curated.period_start(f.valid_from) for layer in ("front_areas", "front_lines")
                       for f in result.features[layer]})
    assert snapshots == expected and len(snapshots) >= 5
    assert D(2025, 3, 7) in snapshots
    assert dates.event_dates(result.features["events"])[0] == min(
        curated.period_start(f.valid_from) for f in result.features["events"])


def _feature(feature_id, valid_from, valid_to, category="combat", status="reported", place="Sudzha", notes="",
             kinds=("independent media",)):
    sources = [curated.Source("s{}".format(i), "P", "T", "2025-01-01", "https://example.org/{}".format(i), "", kind)
               for i, kind in enumerate(kinds)]
    return curated.CuratedFeature(
        layer="events", id=feature_id, name=feature_id.replace("-", " "), status=status, as_of=valid_from,
        precision="town", sources=sources, geometry_type="Point", coordinates=[35.0, 51.0],
        valid_from=valid_from, valid_to=valid_to, notes=notes,
        attributes={"category": category, "place": place, "actors": "KPA"})


def test_an_event_is_in_a_window_while_it_lasts():
    made = events.rows([
        _feature("one-day", "2025-03-13", "2025-03-13"),
        _feature("a-week", "2025-03-05", "2025-03-11"),
        _feature("a-month", "2025-02", "2025-02"),
        _feature("after", "2025-03-18", "2025-03-18"),
        _feature("open", "2025-01-01", ""),
    ])
    assert [r.id for r in made] == ["open", "a-month", "a-week", "one-day", "after"]
    week = events.events_in_window(made, D(2025, 3, 11), D(2025, 3, 17))
    assert [r.id for r in week] == ["open", "a-week", "one-day"]
    assert [r.id for r in events.events_in_window(made, D(2025, 2, 28), D(2025, 2, 28))] == ["open", "a-month"]
    assert made[1].dates_text() == "2025-02-01 – 2025-02-28" and made[0].dates_text() == "2025-01-01 →"


def test_filters_and_search_narrow_the_list():
    made = events.rows([
        _feature("strike-kursk", "2025-03-13", "2025-03-13", category="strike", place="Kursk"),
        _feature("pow-kyiv", "2025-03-13", "2025-03-13", category="prisoners", status="confirmed", place="Kyiv",
                 notes="Two soldiers captured near Sudzha"),
        _feature("combat-sudzha", "2025-03-13", "2025-03-13", status="claimed", place="Sudža"),
    ])
    window = (D(2025, 3, 13), D(2025, 3, 13))
    assert [r.id for r in events.events_in_window(made, *window, categories={"strike"})] == ["strike-kursk"]
    assert [r.id for r in events.events_in_window(made, *window, statuses={"claimed", "confirmed"})] == [
        "combat-sudzha", "pow-kyiv"]
    assert {r.id for r in events.events_in_window(made, *window, search="SUDZHA")} == {"pow-kyiv", "combat-sudzha"}
    assert [r.id for r in events.events_in_window(made, *window, search="sudzha captured")] == ["pow-kyiv"]
    assert events.events_in_window(made, *window, categories=set()) == []
    assert events.categories_of(made) == ["combat", "prisoners", "strike"]
    assert events.statuses_of(made) == ["confirmed", "reported", "claimed"]  # curated.STATUSES order


def test_the_grade_counts_the_sources_by_kind():
    row = events.rows([_feature("x", "2025-03-13", "2025-03-13",
                                kinds=("state media", "independent media", "independent media"))])[0]
    assert row.grade == "3: independent media 2, state media 1"

"""The curated picture through time: the validator's rules for dated data, one test per rule, and
what QGIS's Temporal Controller shows of the shipped layers at chosen dates."""

import datetime
import textwrap

import pytest
from qgis.core import QgsDateTimeRange, QgsProject, QgsVectorLayer, QgsVectorLayerTemporalContext
from qgis.PyQt.QtCore import QDate, QDateTime, QTime

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.places import index as place_index
from kpa_tracker.core.curated.checks import polygon_area_km2, validate
from kpa_tracker.core.project.layers import load_layers


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def _problems(**overrides):
    return [p for p in validate(overrides=overrides)]


def _only(problems, file_name):
    return [p for p in problems if p.file.endswith(file_name)]


EVENT = """
    features:
      - id: ev-test
        name: A test event
        category: combat
        at: sudzha
        precision: town
        status: reported
        as_of: {as_of}
        valid_from: {date}
        sources: [mynk-2024-12]
"""


def test_shipped_picture_is_valid_under_every_rule():
    assert [str(p) for p in validate()] == []


def test_a_dated_feature_outside_its_layers_period_is_refused(tmp_path):
    path = _write(tmp_path, "events.yaml", EVENT.format(date="2023-05-01", as_of="2023-05-02"))
    problems = _only(_problems(events=path), "events.yaml")
    # An event lasts its day, so both its ends are outside.
    assert [(p.feature_id, p.field) for p in problems] == [("ev-test", "valid_from"), ("ev-test", "valid_to")]
    assert "outside the layer's period (2024-10 to today)" in problems[0].message


def test_an_event_without_an_end_lasts_its_day_or_its_week(tmp_path):
    path = _write(tmp_path, "events.yaml", EVENT.format(date="2024-12-14", as_of="2024-12-16").replace(
        "        sources:", "        time_precision: week\n        sources:"))
    result = curated.load_all(overrides={"events": path})
    (event,) = result.features["events"]
    assert (event.valid_from, event.valid_to, event.attributes["time_precision"]) == (
        "2024-12-14", "2024-12-20", "week")
    path.write_text(EVENT.format(date="2025-03", as_of="2025-03-13"), encoding="utf-8")
    (event,) = curated.load_all(overrides={"events": path}).features["events"]
    assert (event.valid_to, event.attributes["time_precision"]) == ("2025-03", "month")


def test_every_feature_of_a_dated_layer_needs_valid_from(tmp_path):
    path = _write(tmp_path, "events.yaml", EVENT.format(date="2024-12-14", as_of="2024-12-16").replace(
        "        valid_from: 2024-12-14\n", ""))
    result = curated.load_all(overrides={"events": path})
    (error,) = [e for e in result.errors if e.file == str(path)]
    assert (error.feature_id, error.field) == ("ev-test", "valid_from") and "dated" in error.message


def test_an_outline_whose_area_strays_from_its_figure_is_refused(tmp_path):
    shipped = (curated.LAYERS_DIR / "data" / "front_areas.yaml").read_text(encoding="utf-8")
    assert "area_cited_km2: 459\n" in shipped
    path = tmp_path / "front_areas.yaml"
    path.write_text(shipped.replace("area_cited_km2: 459\n", "area_cited_km2: 900\n", 1), encoding="utf-8")
    problems = _only(_problems(front_areas=path), "front_areas.yaml")
    assert [(p.feature_id, p.field) for p in problems] == [("sudzha-salient-2024-12", "ring")]
    assert "not within 15% of the 900 km² it is drawn to" in problems[0].message


def test_a_unit_inside_the_other_sides_held_area_on_its_date_is_refused(tmp_path):
    position = """
        features:
          - id: pos-test
            name: Test position
            unit: kpa-contingent-kursk
            at: {place}
            precision: town
            status: reported
            as_of: 2024-12-16
            valid_from: {start}
            valid_to: {end}
            sources: [mynk-2024-12]
    """
    inside = _write(tmp_path, "unit_positions.yaml", position.format(place="sudzha", start="2024-12-10",
                                                                     end="2024-12-20"))
    (problem,) = _only(_problems(unit_positions=inside), "unit_positions.yaml")
    assert (problem.feature_id, problem.field) == ("pos-test", "at")
    assert "inside sudzha-salient-2024-12" in problem.message and "held by Ukraine" in problem.message
    # The same town once Russia had retaken it is the attackers' side: no problem.
    after = _write(tmp_path, "unit_positions.yaml", position.format(place="sudzha", start="2025-05-01",
                                                                    end="2025-06-01"))
    assert _only(_problems(unit_positions=after), "unit_positions.yaml") == []


def test_an_event_at_a_place_the_index_does_not_know_is_refused(tmp_path):
    by_coordinates = EVENT.format(date="2024-12-14", as_of="2024-12-16").replace(
        "        at: sudzha\n", "        lat: 51.3\n        lon: 35.2\n        place: Atlantis\n")
    path = _write(tmp_path, "events.yaml", by_coordinates)
    (problem,) = _only(_problems(events=path), "events.yaml")
    assert (problem.feature_id, problem.field) == ("ev-test", "place") and "Atlantis" in problem.message
    # A unit is a curated point but not a place.
    at_unit = _write(tmp_path, "events.yaml", EVENT.format(date="2024-12-14", as_of="2024-12-16").replace(
        "at: sudzha", "at: kpa-xi-corps"))
    (problem,) = _only(_problems(events=at_unit), "events.yaml")
    assert problem.field == "at" and "not a place of the place index" in problem.message
    # Coordinates beside a place the index knows, by a misspelling even, are fine.
    known = _write(tmp_path, "events.yaml", by_coordinates.replace("Atlantis", "Sudja"))
    assert _only(_problems(events=known), "events.yaml") == []


def test_an_estimate_about_an_unknown_feature_is_refused(tmp_path):
    path = _write(tmp_path, "estimates.yaml", """
        features:
          - id: est-test
            name: Test estimate
            subject: kpa-nowhere
            measure: killed
            value: 100
            estimator: Nobody
            status: reported
            as_of: 2024-12-19
            sources: [mynk-2024-12]
    """)
    result = curated.load_all(overrides={"estimates": path})
    (error,) = [e for e in result.errors if e.file == str(path)]
    assert (error.feature_id, error.field) == ("est-test", "subject") and "kpa-nowhere" in error.message


def test_a_source_without_a_known_kind_is_refused(tmp_path):
    text = (curated.SOURCES_FILE).read_text(encoding="utf-8")
    path = tmp_path / "sources.yaml"
    path.write_text(text.replace("    kind: analysis\n", "    kind: rumour\n", 1), encoding="utf-8")
    (error,) = curated.load_all(overrides={"sources": path}).errors
    assert error.field == "kind" and "rumour" in error.message


def test_refuted_claims_are_kept(tmp_path):
    path = _write(tmp_path, "events.yaml", EVENT.format(date="2024-12-14", as_of="2024-12-16").replace(
        "status: reported", "status: refuted"))
    (event,) = curated.load_all(overrides={"events": path}).features["events"]
    assert event.status == "refuted"


# The place index -------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, expected", [
    ("Sudzha", "sudzha"), ("Суджа", "sudzha"), ("Sudja", "sudzha"), ("Kursk", "kursk"),
    ("Korenevo", "korenevo"), ("Plekhovo", "plekhovo"), ("Moscow", "moscow"), ("Москва", "moscow"),
    ("Pyongyang", "pyongyang"), ("Ussuriisk", "ussuriysk"), ("Vladivostock", "vladivostok"),
    ("Blagoveshensk", "blagoveshchensk"),
])
def test_the_place_index_finds_places_by_any_spelling(typed, expected):
    hits = [p.id for p in place_index.search(place_index.cached(), typed)]
    assert hits and any(h == expected or h.startswith(expected) for h in hits[:3]), (typed, hits[:5])


def test_misspellings_are_ranked_after_real_matches_and_short_text_is_not_guessed():
    places = place_index.cached()
    assert place_index.search(places, "Kursk")[0].name == "Kursk"
    assert place_index.allowed_typos("Lgov") == 1 and place_index.allowed_typos("Ufa") == 0
    assert place_index.edit_distance("vladivostock", "vladivostok", 2) == 1
    assert place_index.edit_distance("ussuriisk", "ussuriysk", 2) == 1
    assert place_index.edit_distance("abcdefgh", "zzzzzzzz", 2) == 3


# What QGIS shows at a date ----------------------------------------------------------------------

def _at(layer: QgsVectorLayer, day: str):
    """Ids of the features QGIS's temporal filter keeps on that day (the Temporal Controller's frame)."""
    date = QDate.fromString(day, "yyyy-MM-dd")
    frame = QgsDateTimeRange(QDateTime(date, QTime(0, 0)), QDateTime(date, QTime(23, 59, 59)))
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    expression = layer.temporalProperties().createFilterString(context, frame)
    layer.setSubsetString("")
    return sorted(f["id"] for f in layer.getFeatures(expression))


@pytest.fixture(scope="module")
def temporal_layers(tmp_path_factory):
    project = QgsProject()
    catalogue, result = curated.load_cached()
    gpkg = tmp_path_factory.mktemp("time") / "workspace.gpkg"
    wanted = ["front_areas", "front_lines", "units", "unit_positions", "events"]
    outcome = load_layers(project, catalogue, wanted, result, gpkg)
    assert outcome.problems == []
    layers = {layer.customProperty("kpa_tracker/layer_id"): layer for layer in outcome.loaded}
    yield layers
    project.clear()


def test_the_temporal_controller_shows_one_front_snapshot_at_each_date(temporal_layers):
    areas = temporal_layers["front_areas"]
    assert areas.temporalProperties().isActive()
    snapshots = [f for f in curated.load_cached()[1].features["front_areas"]]
    assert len(snapshots) >= 8
    for snapshot in snapshots:
        day = curated.period_start(snapshot.valid_from).isoformat()
        assert _at(areas, day) == [snapshot.id], day
    assert _at(areas, "2025-06-15") == []  # after the end, nothing held is drawn
    assert _at(areas, "2024-07-15") == []  # before the incursion


def test_the_contingent_is_not_in_kursk_before_october_2024_and_still_is_today(temporal_layers):
    units = temporal_layers["units"]
    assert "kpa-contingent-kursk" not in _at(units, "2024-08-20")
    assert "kpa-contingent-kursk" in _at(units, datetime.date.today().isoformat())
    assert "kpa-xi-corps" in _at(units, "2024-08-20")  # not time-bound: the corps at its garrison


def test_every_snapshot_outline_is_near_the_figure_it_is_drawn_to():
    for snapshot in curated.load_cached()[1].features["front_areas"]:
        cited = snapshot.attributes["area_cited_km2"]
        area = polygon_area_km2(snapshot.coordinates[0])
        if cited:
            assert abs(area - cited) <= 0.15 * cited, (snapshot.id, area, cited)
        assert snapshot.attributes.get("figures"), snapshot.id  # every figure published for that date

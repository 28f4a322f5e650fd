"""kpa_tracker:route in Processing: in this process through the registry, and headless in qgis_process."""

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from devtools import qgis_desktop
from kpa_tracker.processing import route as route_module

SUDZHA = "35.270556,51.191389 [EPSG:4326]"
MOSCOW = "37.61749,55.75045 [EPSG:4326]"


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.infos.append(info)
        super().pushInfo(info)


@pytest.fixture
def run(registry, tmp_path, monkeypatch):
    """Run kpa_tracker:route on the given parameters; returns (results, legs as dicts, feedback)."""
    monkeypatch.setattr(route_module, "workspace_gpkg_path", lambda: tmp_path / "workspace.gpkg")
    counter = [0]

    def _run(**parameters):
        counter[0] += 1
        output = tmp_path / "route{}.gpkg".format(counter[0])
        parameters.setdefault("OUTPUT", str(output))
        algorithm = registry.createAlgorithmById("kpa_tracker:route")
        assert algorithm is not None, "kpa_tracker:route is not registered"
        feedback = Feedback()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        results, ok = algorithm.run(parameters, context, feedback, catchExceptions=False)
        assert ok
        layer = QgsVectorLayer(str(output), "route", "ogr")
        assert layer.isValid()
        legs = [dict(zip(layer.fields().names(), f.attributes())) for f in layer.getFeatures()]
        return results, legs, feedback

    return _run


def test_route_is_registered_with_its_parameters(registry):
    algorithm = registry.algorithmById("kpa_tracker:route")
    names = [p.name() for p in algorithm.parameterDefinitions()]
    for needed in ("START", "END", "NETWORK", "OPTIMIZE", "OUTPUT"):
        assert needed in names
    assert algorithm.parameterDefinition("NETWORK").flags() & algorithm.parameterDefinition("NETWORK").FlagOptional
    assert algorithm.parameterDefinition("OPTIMIZE").options() == ["Distance", "Time"]


def test_vladivostok_to_moscow_over_the_curated_network(run):
    # The published lengths of the Trans-Siberian: 9,259 km by today's routing, 9,289 by the historic one
    # (the network's own answers are tested in test_network_data.py).
    results, legs, feedback = run(START="Vladivostok", END=MOSCOW)
    assert 9259.0 - 0.5 <= results["TOTAL_KM"] <= 9289.0 + 0.5
    assert [(leg["leg"], leg["mode"], leg["from_name"]) for leg in legs] == [
        (1, "rail", "Vladivostok (arrival and transit)")]
    km = results["TOTAL_KM"]
    assert legs[0]["total_km"] == pytest.approx(km) and legs[0]["hours"] == pytest.approx(km / 50)
    assert any("curated place Vladivostok" in line for line in feedback.infos)


def test_chongjin_to_sudzha_by_distance_has_a_row_per_mode(run):
    results, legs, _ = run(START="Chongjin", END=SUDZHA, OPTIMIZE=0, SPEEDS="rail=60")
    assert [leg["mode"] for leg in legs] == ["sea", "rail", "road"]
    assert legs[0]["from_name"] == "Chongjin (embarkation port)"
    assert legs[0]["to_name"] == legs[1]["from_name"] == "Vladivostok (arrival and transit)"
    assert legs[1]["km"] > 9000
    assert legs[1]["hours"] == pytest.approx(legs[1]["km"] / 60.0)
    assert results["MOVING_HOURS"] == pytest.approx(sum(leg["hours"] for leg in legs))
    # The default dwell: loading 12 h, sea -> rail 24 h, rail -> road 6 h, unloading 6 h.
    assert [(leg["dwell_before"], leg["dwell_before_h"], leg["dwell_after_h"]) for leg in legs] == [
        ("loading", 12.0, 0.0), ("sea → rail", 24.0, 0.0), ("rail → road", 6.0, 6.0)]
    assert results["DWELL_HOURS"] == pytest.approx(48.0)
    assert results["TOTAL_HOURS"] == pytest.approx(results["MOVING_HOURS"] + 48.0)
    assert results["TOTAL_DAYS"] == pytest.approx(results["TOTAL_HOURS"] / 24.0)
    assert all(leg["total_km"] == pytest.approx(results["TOTAL_KM"]) for leg in legs)
    assert all(leg["total_hours"] == pytest.approx(results["TOTAL_HOURS"]) for leg in legs)
    assert all(leg["optimize"] == "distance" for leg in legs)


def test_any_line_layer_with_its_own_fields_and_waypoints(run):
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=kind:string&field=dist:double", "own", "memory")
    rows = [("ferry", 40.0, [(0, 0), (1, 0)]), ("ferry", 40.0, [(1, 0), (2, 0)]),
            ("train", 500.0, [(0, 0), (1, 1), (2, 0)])]
    for kind, dist, points in rows:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([kind, dist])
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in points]))
        layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    try:
        results, legs, _ = run(START="0,0", END="2,0", WAYPOINTS="1,0", NETWORK=layer.id(),
                               LENGTH_FIELD="dist", MODE_FIELD="kind", SPEEDS="ferry=20; train=100")
        assert [(leg["from_name"], leg["to_name"], leg["mode"], leg["km"]) for leg in legs] == [
            ("0.0000, 0.0000", "1.0000, 0.0000", "ferry", 40.0), ("1.0000, 0.0000", "2.0000, 0.0000", "ferry", 40.0)]
        results, legs, _ = run(START="0,0", END="2,0", NETWORK=layer.id(), LENGTH_FIELD="dist",
                               MODE_FIELD="kind", SPEEDS="ferry=10; train=100", OPTIMIZE=1)
        assert [leg["mode"] for leg in legs] == ["train"] and results["MOVING_HOURS"] == pytest.approx(5.0)
        assert results["TOTAL_HOURS"] == pytest.approx(5.0 + 12.0 + 6.0), "loading and unloading by default"
    finally:
        QgsProject.instance().removeMapLayer(layer.id())


def test_a_far_point_fails_with_a_message_not_an_opaque_error(run):
    with pytest.raises(QgsProcessingException, match=r"START \(Sergeevka training ground\) is \d+\.\d km "
                                                     r"from the nearest node"):
        run(START="sergeevka-range", END=MOSCOW)
    with pytest.raises(QgsProcessingException, match="SPEEDS: 'rail fast'"):
        run(START="Vladivostok", END=MOSCOW, SPEEDS="rail fast")
    with pytest.raises(QgsProcessingException, match="NETWORK '/nowhere/roads.gpkg' is not a line layer"):
        run(START="Vladivostok", END=MOSCOW, NETWORK="/nowhere/roads.gpkg")


def test_route_runs_headless_in_qgis_process(headless_profiles, tmp_path):
    profiles = headless_profiles
    output = tmp_path / "route.gpkg"
    run = qgis_desktop.run_qgis_process(profiles, [
        "run", "kpa_tracker:route", "--", "START=Chongjin", "END=" + SUDZHA, "OPTIMIZE=0", "MODES=0,1,2",
        "LOADING_HOURS=3", "OUTPUT={}".format(output)])
    assert run.returncode == 0, run.stdout + run.stderr
    assert "TOTAL_KM" in run.stdout
    layer = QgsVectorLayer(str(output), "route", "ogr")
    assert layer.isValid()
    legs = list(layer.getFeatures())
    assert [leg["mode"] for leg in legs] == ["sea", "rail", "road"]
    assert legs[1]["km"] > 9000 and legs[0]["dwell_before_h"] == 3.0
    assert legs[0]["total_hours"] == pytest.approx(legs[0]["moving_hours"] + legs[0]["dwell_hours"])
    assert layer.crs().authid() == "EPSG:4326"
    failing = qgis_desktop.run_qgis_process(profiles, [
        "run", "kpa_tracker:route", "--", "START=Atlantis", "END=" + SUDZHA, "OUTPUT={}".format(output)])
    assert failing.returncode != 0
    assert "START 'Atlantis' is neither a point" in failing.stdout + failing.stderr


@pytest.fixture
def air_and_rail():
    """A memory network: rail 1,000 km from (0,0) to (2,0), an air leg of 900 km beside it, and a sea leg on."""
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=name:string&field=mode:string&field=length_km:double",
                           "Air and rail", "memory")
    for name, mode, km, points in (("main line", "rail", 1000.0, [(0, 0), (1, 1), (2, 0)]),
                                   ("airlift", "air", 900.0, [(0, 0), (2, 0)]),
                                   ("ferry", "sea", 100.0, [(2, 0), (3, 0)])):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([name, mode, km])
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in points]))
        layer.dataProvider().addFeatures([feature])
    QgsProject.instance().addMapLayer(layer)
    yield layer
    QgsProject.instance().removeMapLayer(layer.id())


def test_modes_dwell_hours_and_snap_tolerance_reach_the_route(run, air_and_rail):
    modes = route_module.RouteAlgorithm.MODES
    default = [i for i, m in enumerate(route_module.routing.MODES) if m != "air"]
    assert modes == "MODES"
    results, legs, _ = run(START="0,0", END="3,0", NETWORK=air_and_rail.id())
    assert [(leg["mode"], round(leg["km"], 6)) for leg in legs] == [("rail", 1000.0), ("sea", 100.0)], "air left out"
    results, legs, feedback = run(START="0,0", END="3,0", NETWORK=air_and_rail.id(), MODES=default + [3],
                                  LOADING_HOURS=2, UNLOADING_HOURS=1, RAIL_SEA_HOURS=50, OTHER_CHANGE_HOURS=7)
    assert [(leg["mode"], round(leg["km"], 6), round(leg["hours"], 6)) for leg in legs] == [
        ("air", 900.0, 1.125), ("sea", 100.0, 4.0)]
    assert [(leg["dwell_before"], leg["dwell_before_h"]) for leg in legs] == [("loading", 2.0), ("air → sea", 7.0)]
    assert results["DWELL_HOURS"] == pytest.approx(2 + 7 + 1)
    assert results["TOTAL_HOURS"] == pytest.approx(900 / 800.0 + 4.0 + 10.0)
    assert any("Modes: rail, sea, road, air" in line for line in feedback.infos)
    results, legs, _ = run(START="0,0", END="3,0", NETWORK=air_and_rail.id(), RAIL_SEA_HOURS=50,
                           AIR_RAIL_HOURS=1, LOADING_HOURS=0, UNLOADING_HOURS=0)
    assert [leg["dwell_before_h"] for leg in legs] == [0.0, 50.0] and results["DWELL_HOURS"] == 50.0
    with pytest.raises(QgsProcessingException, match=r"START \(0.0000, -0.5000\) is 55.3 km .*"
                                                     r"END \(3.0000, 0.5000\) is 55.3 km .*SNAP_TOLERANCE"):
        run(START="0,-0.5", END="3,0.5", NETWORK=air_and_rail.id())
    results, _, _ = run(START="0,-0.5", END="3,0.5", NETWORK=air_and_rail.id(), SNAP_TOLERANCE=60)
    assert results["TOTAL_KM"] == pytest.approx(1100.0)


def test_a_route_that_needs_air_names_the_modes_parameter(run, air_and_rail):
    island = QgsFeature(air_and_rail.fields())
    island.setAttributes(["flight out", "air", 300.0])
    island.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(3, 0), QgsPointXY(6, 0)]))
    air_and_rail.dataProvider().addFeatures([island])
    with pytest.raises(QgsProcessingException, match=r"without air: .*Tick air .*MODES"):
        run(START="0,0", END="6,0", NETWORK=air_and_rail.id())
    results, legs, _ = run(START="0,0", END="6,0", NETWORK=air_and_rail.id(), MODES=[0, 1, 2, 3])
    assert legs[-1]["mode"] == "air" and results["TOTAL_KM"] == pytest.approx(1300.0)

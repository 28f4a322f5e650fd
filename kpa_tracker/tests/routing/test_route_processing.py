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

from devtools import package, qgis_desktop
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
    results, legs, feedback = run(START="Vladivostok", END=MOSCOW)
    assert results["TOTAL_KM"] == pytest.approx(9289.0)
    assert [(leg["leg"], leg["mode"], leg["from_name"]) for leg in legs] == [
        (1, "rail", "Vladivostok (arrival and transit)")]
    assert legs[0]["total_km"] == pytest.approx(9289.0) and legs[0]["hours"] == pytest.approx(9289.0 / 50)
    assert any("curated place Vladivostok" in line for line in feedback.infos)


def test_chongjin_to_sudzha_by_time_has_a_row_per_mode(run):
    results, legs, _ = run(START="Chongjin", END=SUDZHA, OPTIMIZE=1, SPEEDS="rail=60")
    assert [leg["mode"] for leg in legs] == ["sea", "rail", "road"]
    assert legs[0]["from_name"] == "Chongjin (embarkation port)"
    assert legs[0]["to_name"] == legs[1]["from_name"] == "Vladivostok (arrival and transit)"
    assert legs[1]["km"] == pytest.approx(9289.0 + 536.0)
    assert legs[1]["hours"] == pytest.approx((9289.0 + 536.0) / 60.0)
    assert results["TOTAL_HOURS"] == pytest.approx(sum(leg["hours"] for leg in legs))
    assert all(leg["total_km"] == pytest.approx(results["TOTAL_KM"]) for leg in legs)
    assert all(leg["optimize"] == "time" for leg in legs)


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
        assert [leg["mode"] for leg in legs] == ["train"] and results["TOTAL_HOURS"] == pytest.approx(5.0)
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


def test_route_runs_headless_in_qgis_process(tmp_path):
    plugin_zip = package.build(out_dir=tmp_path / "dist")
    profiles = tmp_path / "profiles"
    qgis_desktop.install_zip(plugin_zip, profiles, profile="default")
    output = tmp_path / "route.gpkg"
    run = qgis_desktop.run_qgis_process(profiles, [
        "run", "kpa_tracker:route", "--", "START=Chongjin", "END=" + SUDZHA, "OPTIMIZE=1",
        "OUTPUT={}".format(output)])
    assert run.returncode == 0, run.stdout + run.stderr
    assert "TOTAL_KM" in run.stdout
    layer = QgsVectorLayer(str(output), "route", "ogr")
    assert layer.isValid()
    legs = list(layer.getFeatures())
    assert [leg["mode"] for leg in legs] == ["sea", "rail", "road"]
    assert legs[1]["km"] == pytest.approx(9289.0 + 536.0)
    assert layer.crs().authid() == "EPSG:4326"
    failing = qgis_desktop.run_qgis_process(profiles, [
        "run", "kpa_tracker:route", "--", "START=Atlantis", "END=" + SUDZHA, "OUTPUT={}".format(output)])
    assert failing.returncode != 0
    assert "START 'Atlantis' is neither a point" in failing.stdout + failing.stderr

"""Range rings, geodesic buffers and the distance to the line of contact, against GeographicLib (pyproj)."""

import datetime
import sys
from pathlib import Path

import pytest
from pyproj import Geod
from qgis.core import (
    QgsApplication,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.measure.front_distance import NoFrontLine, distance_to_front, lines_in_force
from kpa_tracker.core.measure.rings import (
    RING_VERTICES,
    RingsError,
    geodesic_buffer,
    geodesic_ring,
    parse_radii,
    resolve_centre,
)
from kpa_tracker.core.measure.store import rings_uri, save_rings
from kpa_tracker.core.routing.stops import curated_places

GEOD = Geod(ellps="WGS84")
SUDZHA = (35.270556, 51.191389)
KURSK = (36.183333, 51.716667)


def _front_lines():
    _, result = curated.load_cached()
    return result.features["front_lines"]


def _position(position_id):
    _, result = curated.load_cached()
    return next(f for f in result.features["unit_positions"] if f.id == position_id)


# Rings -------------------------------------------------------------------------------------

@pytest.mark.parametrize("lat", [0.0, SUDZHA[1], 70.0])
@pytest.mark.parametrize("radius_km", [1, 40, 500, 2000])
def test_every_ring_vertex_is_at_the_radius_within_a_hundredth_of_a_percent(radius_km, lat):
    lon, radius = SUDZHA[0], radius_km * 1000.0
    ring = geodesic_ring(lon, lat, radius)
    assert len(ring) == RING_VERTICES + 1 and ring[0] == ring[-1]
    errors = [abs(GEOD.inv(lon, lat, x, y)[2] - radius) / radius for x, y in ring]
    assert max(errors) <= 1e-4
    # Between the vertices too: the geodesic midpoint of every edge is no more than 0.01 % inside.
    middles = [GEOD.npts(a[0], a[1], b[0], b[1], 1)[0] for a, b in zip(ring, ring[1:])]
    assert min(GEOD.inv(lon, lat, x, y)[2] for x, y in middles) >= radius * (1 - 1e-4)
    # It goes once round, clockwise from due north.
    azimuths = [GEOD.inv(lon, lat, x, y)[0] % 360 for x, y in ring[:-1]]
    assert azimuths[0] == pytest.approx(0.0, abs=1e-6) or azimuths[0] == pytest.approx(360.0, abs=1e-6)
    assert azimuths[90] == pytest.approx(90.0, abs=1e-6)


def test_a_ring_across_the_antimeridian_stays_in_one_piece():
    ring = geodesic_ring(179.9, 52.0, 50000.0)
    assert max(x for x, _ in ring) > 180.0 and min(x for x, _ in ring) < 180.0
    assert QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in ring]]).isGeosValid()


@pytest.mark.parametrize("text, expected", [
    ("10, 25, 40", [10.0, 25.0, 40.0]), ("40;10 25", [10.0, 25.0, 40.0]), ("2.5", [2.5]), ("40, 40", [40.0]),
])
def test_radii_are_read(text, expected):
    assert parse_radii(text) == expected


@pytest.mark.parametrize("text, named", [
    ("10, abc", "'abc'"), ("0", "'0'"), ("-5", "'-5'"), ("", "no radius"), ("20000", "'20000'"), ("nan", "'nan'"),
])
def test_bad_radii_are_refused_naming_the_parameter_and_the_value(text, named):
    with pytest.raises(RingsError) as caught:
        parse_radii(text, "RADII")
    assert str(caught.value).startswith("RADII: ") and named in str(caught.value)


def test_a_centre_is_a_point_in_any_crs_or_a_curated_place():
    assert resolve_centre("35.270556,51.191389").lon == pytest.approx(SUDZHA[0])
    in_3857 = resolve_centre("3926300.334,6655218.302 [EPSG:3857]")
    assert (in_3857.lon, in_3857.lat) == pytest.approx(SUDZHA, abs=1e-6)
    place = resolve_centre("Sudzha", curated_places())
    assert "Sudzha" in place.name
    assert GEOD.inv(place.lon, place.lat, *SUDZHA)[2] < 3000.0
    for text, words in (("Atlantis Nowhere", "neither a point"), ("200,95", "not a longitude"),
                        ("1,2 [EPSG:99999999]", "not a coordinate reference system"), ("", "no centre")):
        with pytest.raises(RingsError) as caught:
            resolve_centre(text, curated_places(), "CENTER")
        assert str(caught.value).startswith("CENTER: ") and words in str(caught.value), text


def test_a_buffer_of_the_line_of_contact_is_true_to_its_distance():
    """40 km around the line of contact of December 2024: every vertex of the buffer, measured by
    GeographicLib to the line densified to 100 m, is 40 km away (within 0.05 %)."""
    line = next(f for f in _front_lines() if f.id == "sudzha-line-of-contact-2024-12")
    geometry = QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in line.coordinates])
    buffer = geodesic_buffer(geometry, 40000.0)
    assert buffer.isGeosValid() and buffer.contains(geometry)
    dense = _densified(line.coordinates, 100.0)
    vertices = [(v.x(), v.y()) for v in buffer.vertices()]
    worst = max(abs(_brute_min(p, dense)[0] - 40000.0) for p in vertices[::7])
    assert worst <= 40000.0 * 5e-4, worst


def test_rings_are_saved_to_the_workspace(tmp_path):
    rings = [(r, QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in geodesic_ring(*SUDZHA, r * 1000.0)]]))
             for r in (10.0, 25.0, 40.0)]
    uri = save_rings(tmp_path / "ws.gpkg", rings, "Sudzha", SUDZHA)
    assert uri == rings_uri(tmp_path / "ws.gpkg")
    layer = QgsVectorLayer(uri, "rings", "ogr")
    rows = [(f["radius_km"], f["label"], f["centre"], f["kind"]) for f in layer.getFeatures()]
    assert rows == [(40.0, "40 km", "Sudzha", "ring"), (25.0, "25 km", "Sudzha", "ring"),
                    (10.0, "10 km", "Sudzha", "ring")]
    assert layer.crs().authid() == "EPSG:4326"
    # The same rings again replace the ones kept; another radius is added.
    again = rings[:1] + [(5.0, QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in geodesic_ring(*SUDZHA, 5000.0)]]))]
    save_rings(tmp_path / "ws.gpkg", again, "Sudzha", SUDZHA)
    layer = QgsVectorLayer(uri, "rings", "ogr")
    assert sorted(f["radius_km"] for f in layer.getFeatures()) == [5.0, 10.0, 25.0, 40.0]


# The line of contact --------------------------------------------------------------------------

def _densified(path, step_m):
    points = [tuple(path[0])]
    for a, b in zip(path, path[1:]):
        count = int(GEOD.inv(a[0], a[1], b[0], b[1])[2] // step_m)
        points += [tuple(p) for p in GEOD.npts(a[0], a[1], b[0], b[1], count)] + [tuple(b)]
    return points


def _brute_min(point, dense):
    lons = [point[0]] * len(dense)
    lats = [point[1]] * len(dense)
    _, _, distances = GEOD.inv(lons, lats, [p[0] for p in dense], [p[1] for p in dense])
    index = min(range(len(distances)), key=distances.__getitem__)
    return distances[index], dense[index]


FRONT_CASES = {
    "Sudzha, 20 December 2024": (SUDZHA, datetime.date(2024, 12, 20), "sudzha-line-of-contact-2024-12"),
    "Kursk city, 1 November 2024": (KURSK, datetime.date(2024, 11, 1), "sudzha-line-of-contact-2024-11"),
    "Kursk city, 10 March 2025": (KURSK, datetime.date(2025, 3, 10), None),
    "the KPA contingent at Novoivanovka, its date": ("pos-kpa-contingent-2024-12-novoivanovka", None, None),
    "the contingent on the Sudzha axis, its date": ("pos-kpa-contingent-2025-03-sudzha-axis", None, None),
}


@pytest.mark.parametrize("case", sorted(FRONT_CASES))
def test_distance_to_the_line_of_contact_agrees_with_a_brute_force_minimum(case):
    where, day, line_id = FRONT_CASES[case]
    if isinstance(where, str):
        position = _position(where)
        where, day = tuple(position.coordinates), datetime.date.fromisoformat(position.valid_from)
    lines = lines_in_force(_front_lines(), day)
    assert lines, "a line of contact is in force on {}".format(day)
    if line_id:
        assert [line.id for line in lines] == [line_id]
    front = distance_to_front(where[0], where[1], day)
    brute, brute_point = min(_brute_min(where, _densified(line.coordinates, 100.0)) for line in lines)
    assert abs(front.metres - brute) <= max(50.0, 1e-3 * brute), (front.metres, brute)
    assert front.metres <= brute + 1.0, "never farther than a point of the line"
    assert GEOD.inv(*front.nearest, *brute_point)[2] <= 150.0
    assert front.text().startswith("{:,.1f} km to the line of contact of {} (nearest point ".format(
        front.km, day.isoformat()))


def test_a_date_without_a_line_of_contact_is_said_so():
    with pytest.raises(NoFrontLine) as caught:
        distance_to_front(*KURSK, datetime.date(2024, 5, 1))
    assert "2024-05-01" in str(caught.value) and "2024-08-15" in str(caught.value)


def test_the_validity_rule_is_the_timelines():
    lines = _front_lines()
    # valid_to is the last day in force, valid_from the first.
    assert [f.id for f in lines_in_force(lines, datetime.date(2024, 12, 5))] == ["sudzha-line-of-contact-2024-11"]
    assert [f.id for f in lines_in_force(lines, datetime.date(2024, 12, 6))] == ["sudzha-line-of-contact-2024-12"]


# Processing ------------------------------------------------------------------------------------

@pytest.fixture
def processing_run(registry):
    """QGIS's own processing.run (its Python plugin), with the plugin's provider registered."""
    plugins = Path(QgsApplication.pkgDataPath()) / "python" / "plugins"
    if str(plugins) not in sys.path:
        sys.path.append(str(plugins))
    import processing

    def run(**parameters):
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        return processing.run("kpa_tracker:rangerings", parameters, context=context,
                              feedback=QgsProcessingFeedback())

    return run


def test_rangerings_runs_through_processing_run(processing_run, tmp_path):
    output = tmp_path / "rings.gpkg"
    results = processing_run(CENTER="35.270556,51.191389 [EPSG:4326]", RADII="10, 25, 40", OUTPUT=str(output))
    layer = QgsVectorLayer(results["OUTPUT"], "rings", "ogr")
    assert layer.isValid()
    assert "radius_km" in layer.fields().names()
    rows = {f["radius_km"]: f for f in layer.getFeatures()}
    assert sorted(rows) == [10.0, 25.0, 40.0]
    for radius_km, feature in rows.items():
        assert (feature["centre_lon"], feature["centre_lat"]) == pytest.approx(SUDZHA)
        vertices = [(v.x(), v.y()) for v in feature.geometry().vertices()]
        assert len(vertices) == RING_VERTICES + 1
        worst = max(abs(GEOD.inv(*SUDZHA, *v)[2] - radius_km * 1000.0) for v in vertices)
        assert worst <= radius_km * 1000.0 * 1e-4


def test_rangerings_takes_a_place_name(processing_run, tmp_path):
    results = processing_run(CENTER="Sudzha", RADII="40", OUTPUT=str(tmp_path / "place.gpkg"))
    (feature,) = list(QgsVectorLayer(results["OUTPUT"], "rings", "ogr").getFeatures())
    assert "Sudzha" in feature["centre"] and feature["radius_km"] == 40.0


@pytest.mark.parametrize("center, radii, words", [
    ("Atlantis Nowhere", "10", ("CENTER", "'Atlantis Nowhere'")),
    ("35.27,51.19", "10, abc", ("RADII", "'abc'")),
    ("35.27,51.19", "-5", ("RADII", "'-5'")),
    ("35.27,51.19", "", ("RADII", "no radius")),
])
def test_rangerings_refuses_bad_input_naming_the_parameter(registry, tmp_path, center, radii, words):
    algorithm = registry.createAlgorithmById("kpa_tracker:rangerings")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    with pytest.raises(QgsProcessingException) as caught:
        algorithm.run({"CENTER": center, "RADII": radii, "OUTPUT": str(tmp_path / "bad.gpkg")}, context,
                      QgsProcessingFeedback(), catchExceptions=False)
    for word in words:
        assert word in str(caught.value)


def test_rangerings_runs_headless_in_qgis_process(headless_profiles, tmp_path):
    from devtools import qgis_desktop

    profiles = headless_profiles
    output = tmp_path / "rings.gpkg"
    run = qgis_desktop.run_qgis_process(profiles, [
        "run", "kpa_tracker:rangerings", "--", "CENTER=Sudzha", "RADII=10,40", "OUTPUT={}".format(output)])
    assert run.returncode == 0, run.stdout + run.stderr
    layer = QgsVectorLayer(str(output), "rings", "ogr")
    assert sorted(f["radius_km"] for f in layer.getFeatures()) == [10.0, 40.0]
    failing = qgis_desktop.run_qgis_process(profiles, [
        "run", "kpa_tracker:rangerings", "--", "CENTER=Sudzha", "RADII=10,forty", "OUTPUT={}".format(output)])
    assert failing.returncode != 0
    assert "RADII: 'forty' is not a number of kilometres" in failing.stdout + failing.stderr

"""The curated transport network: published distances, the links the story needs, far-from-network stops.

Every figure asserted here is in network.yaml's notes with its sources: the km posts of the two
Trans-Siberian routings, the DPRK lines' published lengths, the Greater Ring round Moscow, and the
air legs reported in November 2024."""

import pytest
import yaml
from qgis.core import QgsApplication, QgsGeometry, QgsPointXY, QgsSpatialIndex, QgsVectorLayer

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.curated.store import layer_uri, sync_layer
from kpa_tracker.core.measure.geodesy import densify, distance_area
from kpa_tracker.core.routing import network as routing
from kpa_tracker.core.routing.network import NetworkSettings, Stop
from kpa_tracker.core.places.index import network_towns
from kpa_tracker.core.routing.stops import curated_places, node_names, resolve_stop

RAIL_SEA_ROAD = NetworkSettings.make(length_field="length_km", mode_field="mode", name_field="name",
                                     exclude=("air",))
EVERY_MODE = NetworkSettings.make(length_field="length_km", mode_field="mode", name_field="name")
SETTINGS = RAIL_SEA_ROAD
MOSCOW = Stop("Moscow", 37.61749, 55.75045)
KURSK = Stop("Kursk", 36.183, 51.717)
YAROSLAVL = Stop("Yaroslavl", 39.85, 57.617)
TUMANGANG_STATION = Stop("Tumangang station", 130.6025505, 42.4216825)
PUBLISHED_VIA_YAROSLAVL_KM = 9289.0  # Vladivostok–Moscow, the historic routing
PUBLISHED_VIA_VLADIMIR_KM = 9259.0  # today's main routing, since 2002
MOSCOW_KURSK_KM = 537.0  # Yandex timetables from the Kursky terminal (Russian Wikipedia's article: 536)
CHONGJIN_TUMANGANG_KM = 81.2 + 42.6 + 9.5  # P'yŏngra to Rajin, Hambuk back to Hongŭi, Hongŭi Line
GREATER_RING_KM = 200.9  # Orekhovo-Zuevo to Stolbovaya
NETWORK_YAML = curated.LAYERS_DIR / "data" / "network.yaml"
LAND_NEAR_ENDS_KM = {"net-sea-hamhung-vladivostok": (13.0, 5.0)}  # the start is Hamhung city, 13 km inland
DEFAULT_LAND_NEAR_ENDS_KM = (5.0, 5.0)


# The curated network ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def curated_network(tmp_path_factory):
    catalogue, result = curated.load_cached()
    layer_def = next(layer for layer in catalogue if layer.id == "network")
    gpkg = tmp_path_factory.mktemp("network") / "workspace.gpkg"
    sync_layer(gpkg, layer_def, result.features["network"])
    layer = QgsVectorLayer(layer_uri(gpkg, layer_def), layer_def.title, "ogr")
    assert layer.isValid() and layer.featureCount() == len(result.features["network"])
    return layer, result


def route(layer, *stops, optimize="distance", settings=SETTINGS):
    places = curated_places()
    resolved = [stop if isinstance(stop, Stop) else resolve_stop(stop, places)[0] for stop in stops]
    return routing.find_route(layer, resolved, optimize, settings, places=node_names(places))


def edge_names(result):
    return [name for leg in result.legs for name in leg.via.split("; ")]


def features(result, mode=None):
    return [f for f in result.features["network"] if mode is None or f.attributes["mode"] == mode]


def test_vladivostok_to_moscow_takes_the_vladimir_routing_and_its_km_posts_add_up_exactly(curated_network):
    layer, _ = curated_network
    result = route(layer, "Vladivostok", MOSCOW)
    assert [leg.mode for leg in result.legs] == ["rail"]
    assert result.total_km == pytest.approx(PUBLISHED_VIA_VLADIMIR_KM)
    names = edge_names(result)
    assert "Trans-Siberian main routing, Vladimir–Nizhny Novgorod–Kirov" in names
    assert not any("Yaroslavl" in name for name in names)
    assert result.straight_km < 0.75 * result.total_km


def test_a_waypoint_at_yaroslavl_gives_the_historic_routing_and_its_own_km_posts(curated_network):
    layer, _ = curated_network
    result = route(layer, "Vladivostok", YAROSLAVL, MOSCOW)
    assert result.total_km == pytest.approx(PUBLISHED_VIA_YAROSLAVL_KM)
    names = edge_names(result)
    assert {"Trans-Siberian, Yaroslavl–Kirov", "Trans-Siberian, Moscow–Yaroslavl"} <= set(names)
    assert not any("main routing" in name for name in names)  # the two routings' posts never mixed
    assert result.total_km - route(layer, "Vladivostok", MOSCOW).total_km == pytest.approx(30.0)


def test_the_garrison_at_tokchon_reaches_both_east_coast_ports_by_rail(curated_network):
    layer, _ = curated_network
    to_hamhung = route(layer, "tokchon-garrison", "hamhung-port")
    assert [leg.mode for leg in to_hamhung.legs] == ["rail"]
    assert to_hamhung.snaps[0].offset_km == pytest.approx(0.0, abs=0.01)  # was 106 km from the nearest node
    to_chongjin = route(layer, "tokchon-garrison", "chongjin-port")
    assert [leg.mode for leg in to_chongjin.legs] == ["rail"]
    assert edge_names(to_chongjin) == ["P'yŏngdŏk and P'yŏngra lines, Tokchon–Kowŏn–Hamhung",
                                       "P'yŏngra Line, Hamhung–Chongjin"]
    # No km posts published for Tokchon or Hamhung: the geodesic of the drawn line, no more.
    assert to_chongjin.total_km == pytest.approx(to_hamhung.total_km + route(
        layer, "hamhung-port", "chongjin-port").total_km)


def test_chongjin_to_tumangang_goes_by_rail_over_the_published_line_lengths_not_554_km_by_sea(curated_network):
    layer, _ = curated_network
    result = route(layer, "chongjin-port", TUMANGANG_STATION)
    assert [leg.mode for leg in result.legs] == ["rail"]
    assert result.total_km == pytest.approx(CHONGJIN_TUMANGANG_KM)  # 133.3 km
    assert edge_names(result) == ["P'yŏngra and Hambuk lines by Rajin, Chongjin–Hongŭi",
                                  "Hongŭi Line, Hongŭi–Tumangang"]
    assert 95.0 < result.straight_km < result.total_km < 1.5 * result.straight_km
    by_time = route(layer, "chongjin-port", "tumangang-crossing", optimize="time")
    assert [leg.mode for leg in by_time.legs] == ["rail"] and by_time.total_km < 140.0


def test_the_curated_network_joins_ports_crossing_and_branches(curated_network):
    # With the DPRK lines in, Chongjin and Hamhung reach the Trans-Siberian by rail through
    # Tumangang faster than by sea to Vladivostok (the sea legs stay for the routes NIS reported).
    layer, _ = curated_network
    for origin, destination, modes in (
            ("chongjin-port", Stop("Sudzha", 35.270556, 51.191389), ["rail", "road"]),
            ("hamhung-port", "khabarovsk-240", ["rail"]),
            ("musudan-coast", "vladivostok", ["sea"]),
            ("tumangang-crossing", "ussuriysk-83-gaab", ["rail"]),
            ("khabarovsk-240", "Blagoveshchensk", ["rail"]),
            ("ulan-ude", "vladivostok", ["rail"])):
        result = route(layer, origin, destination, optimize="time")
        assert [leg.mode for leg in result.legs] == modes, (origin, destination)
    assert route(layer, "vladivostok", "khabarovsk-240").total_km == pytest.approx(9289 - 8523)
    by_sea = route(layer, "chongjin-port", "vladivostok")
    assert [leg.mode for leg in by_sea.legs] == ["sea"] and by_sea.legs[0].via == "Chongjin–Vladivostok by sea"


def test_far_east_to_kursk_through_moscow_or_round_it_on_the_greater_ring(curated_network):
    layer, result = curated_network
    through = route(layer, "Vladivostok", KURSK)
    assert through.total_km == pytest.approx(PUBLISHED_VIA_VLADIMIR_KM + MOSCOW_KURSK_KM)  # 9,796 km
    assert {"Trans-Siberian main routing, Moscow–Orekhovo-Zuevo", "Kursk line, Moscow–Stolbovaya"} <= set(
        edge_names(through))
    ring = next(f for f in features(result, "rail") if f.id == "net-rail-greater-ring-orekhovo-zuevo-stolbovaya")
    drawn = next(layer.getFeatures("\"id\" = 'net-rail-greater-ring-orekhovo-zuevo-stolbovaya'")).geometry()
    vertices = [QgsPointXY(v) for v in drawn.vertices()]
    on_ring = vertices[len(vertices) // 2]
    assert ring.coordinates[0] != (on_ring.x(), on_ring.y())
    bypass = route(layer, "Vladivostok", Stop("on the Greater Ring", on_ring.x(), on_ring.y()), KURSK)
    names = edge_names(bypass)
    assert "Greater Ring (Moscow bypass), Orekhovo-Zuevo–Stolbovaya" in names
    assert not any(name.startswith(("Trans-Siberian main routing, Moscow", "Kursk line, Moscow",
                                    "Trans-Siberian, Moscow")) for name in names)
    assert bypass.total_km == pytest.approx(PUBLISHED_VIA_VLADIMIR_KM - 109.0 + GREATER_RING_KM + MOSCOW_KURSK_KM - 63.2)
    # The ring is 28.7 km longer than the line through the centre, so it is taken only when asked for.
    assert bypass.total_km - through.total_km == pytest.approx(GREATER_RING_KM - 109.0 - 63.2)


def test_air_legs_are_their_own_mode_and_share_the_rail_nodes_where_routes_change_mode(curated_network):
    layer, result = curated_network
    air = {f.id: f for f in features(result, "air")}
    assert set(air) == {"net-air-sunan-vladivostok", "net-air-vladivostok-european-russia"}
    assert all(f.attributes.get("length_km") is None for f in air.values())  # great circles
    assert air["net-air-vladivostok-european-russia"].status == "claimed"
    rail_ends = {tuple(p) for f in features(result, "rail") for p in (f.coordinates[0], f.coordinates[-1])}
    assert tuple(air["net-air-vladivostok-european-russia"].coordinates[0]) in rail_ends  # Vladivostok
    assert tuple(air["net-air-vladivostok-european-russia"].coordinates[-1]) in rail_ends  # Kursk
    assert tuple(air["net-air-sunan-vladivostok"].coordinates[-1]) in rail_ends
    flown = route(layer, "sunan-airport", KURSK, optimize="time", settings=EVERY_MODE)
    assert [leg.mode for leg in flown.legs] == ["air"]
    measure = distance_area()
    great_circles = sum(measure.measureLine([QgsPointXY(*p) for p in f.coordinates]) / 1000.0 for f in air.values())
    assert flown.total_km == pytest.approx(great_circles, rel=1e-6)
    with pytest.raises(routing.NoRouteError, match="air"):
        route(layer, "sunan-airport", KURSK, optimize="time")
    mixed = route(layer, "tokchon-garrison", KURSK, optimize="time", settings=EVERY_MODE)
    assert [leg.mode for leg in mixed.legs] == ["rail", "air"]
    assert mixed.legs[0].to_name.startswith("Vladivostok")


def test_the_new_links_name_their_stations_and_mode_changes_are_named_by_them(curated_network):
    # An edge's name lists one station per point of its path (docs/data-model.md): that is how
    # routes name the junctions they pass, so an air leg's stand-in end must be called Kursk.
    layer, result = curated_network
    towns = {(round(lon, 5), round(lat, 5)): name for name, lon, lat in network_towns(result)}
    for feature_id, stations in (
            ("net-rail-tokchon-hamhung", ["Tokchon", "Kowŏn", "Hamhung"]),
            ("net-rail-chongjin-hongui", ["Chongjin", "Hongŭi"]),
            ("net-rail-hongui-tumangang", ["Hongŭi", "Tumangang"]),
            ("net-rail-vladimir-kirov", ["Vladimir", "Nizhny Novgorod", "Kirov"]),
            ("net-rail-greater-ring-orekhovo-zuevo-stolbovaya", ["Orekhovo-Zuevo", "Stolbovaya"]),
            ("net-air-sunan-vladivostok", ["Sunan", "Vladivostok"]),
            ("net-air-vladivostok-european-russia", ["Vladivostok", "Kursk"])):
        feature = next(f for f in result.features["network"] if f.id == feature_id)
        assert [towns[(round(lon, 5), round(lat, 5))] for lon, lat in feature.coordinates] == stations, feature_id
    legs = route(layer, "musudan-coast", Stop("Sudzha", 35.270556, 51.191389), optimize="time").legs
    assert [(leg.mode, leg.to_name) for leg in legs] == [
        ("sea", "Vladivostok (arrival and transit)"), ("rail", "Kursk"), ("road", "Sudzha")]


def test_every_published_length_is_longer_than_the_straight_line_but_not_absurdly(curated_network):
    _, result = curated_network
    measure = distance_area()
    for feature in result.features["network"]:
        published = feature.attributes.get("length_km")
        assert feature.attributes["mode"] in routing.MODES
        geodesic = measure.measureLine([QgsPointXY(*p) for p in feature.coordinates]) / 1000.0
        if published is None:  # sea and air legs, the road to Sudzha, DPRK lines without km posts
            assert "geodesic" in feature.notes or "great circle" in feature.notes, feature.id
            continue
        assert feature.attributes["mode"] == "rail", feature.id
        assert geodesic <= published <= 2.5 * geodesic, (feature.id, geodesic, published)


@pytest.fixture(scope="module")
def land():
    countries = QgsVectorLayer(QgsApplication.pkgDataPath() + "/resources/data/world_map.gpkg|layername=countries",
                               "Natural Earth countries", "ogr")
    assert countries.isValid() and countries.featureCount() > 200
    polygons = {f.id(): f.geometry() for f in countries.getFeatures()}
    return polygons, QgsSpatialIndex(countries.getFeatures())


def test_sea_legs_stay_on_the_water_except_near_their_ends(curated_network, land):
    _, result = curated_network
    polygons, index = land
    measure = distance_area()
    sea = features(result, "sea")
    assert len(sea) == 3
    for feature in sea:
        points = [p for part in densify(feature.coordinates, 1000.0) for p in part]  # the great circles as drawn
        along = [0.0]
        for a, b in zip(points, points[1:]):
            along.append(along[-1] + measure.measureLine(QgsPointXY(*a), QgsPointXY(*b)) / 1000.0)
        near_start, near_end = LAND_NEAR_ENDS_KM.get(feature.id, DEFAULT_LAND_NEAR_ENDS_KM)
        ashore = []
        for point, km in zip(points, along):
            geometry = QgsGeometry.fromPointXY(QgsPointXY(*point))
            if any(polygons[fid].contains(geometry) for fid in index.intersects(geometry.boundingBox())):
                ashore.append(km)
        assert ashore, feature.id  # both ends are town points on land: the check does see land
        offshore = [km for km in ashore if near_start < km < along[-1] - near_end]
        assert not offshore, (feature.id, offshore[:3])


def test_the_old_straight_sea_line_would_have_crossed_land_near_khasan(land):
    polygons, index = land
    points = [p for part in densify([(129.8204, 41.7816), (131.885278, 43.115)], 1000.0) for p in part]
    ashore = [p for p in points[10:-10]
              if any(polygons[fid].contains(QgsGeometry.fromPointXY(QgsPointXY(*p)))
                     for fid in index.intersects(QgsGeometry.fromPointXY(QgsPointXY(*p)).boundingBox()))]
    assert any(130.6 < lon < 130.8 and 42.3 < lat < 42.45 for lon, lat in ashore)  # the Tumen mouth, Khasan


def test_every_network_feature_cites_sources_that_exist(curated_network):
    _, result = curated_network
    with open(str(NETWORK_YAML), encoding="utf-8") as stream:
        raw = yaml.safe_load(stream)["features"]
    known = curated.load_sources()
    assert len(raw) == len(result.features["network"])
    for entry in raw:
        assert entry["sources"], entry["id"]
        missing = [key for key in entry["sources"] if key not in known]
        assert not missing, (entry["id"], missing)
    assert not [e for e in result.errors if "network" in str(e)]


def test_a_training_ground_off_the_network_gets_the_far_from_network_message(curated_network):
    layer, _ = curated_network
    with pytest.raises(routing.SnapError, match=r"START \(Sergeevka training ground\) is \d+\.\d km from "
                                                r"the nearest node of the network 'Transport network'"):
        route(layer, "Sergeevka", "vladivostok")


def test_the_movements_sea_legs_follow_the_same_water_as_the_network(curated_network):
    _, result = curated_network
    network = {f.id.replace("net-sea-", ""): f.coordinates for f in features(result, "sea")}
    movements = {f.id.replace("sea-", ""): f.coordinates for f in result.features["movements"]
                 if f.attributes.get("mode") == "sea"}
    assert sorted(movements) == sorted(network) == ["chongjin-vladivostok", "hamhung-vladivostok",
                                                    "musudan-vladivostok"]
    for leg, points in movements.items():
        assert points == network[leg] and len(points) > 8, leg  # the offshore waypoints, not a straight line

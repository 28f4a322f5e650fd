"""The curated transport network: published distances, the links the story needs, far-from-network stops."""

import pytest
from qgis.core import QgsPointXY, QgsVectorLayer

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.curated.store import layer_uri, sync_layer
from kpa_tracker.core.measure.geodesy import distance_area
from kpa_tracker.core.routing import network as routing
from kpa_tracker.core.routing.network import NetworkSettings, Stop
from kpa_tracker.core.routing.stops import curated_places, node_names, resolve_stop

SETTINGS = NetworkSettings.make(length_field="length_km", mode_field="mode", name_field="name")
PUBLISHED_VLADIVOSTOK_MOSCOW_KM = 9289.0


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


def test_vladivostok_to_moscow_by_rail_is_within_two_percent_of_the_published_figure(curated_network):
    layer, _ = curated_network
    places = curated_places()
    start, _ = resolve_stop("Vladivostok", places)
    result = routing.find_route(layer, [start, Stop("Moscow", 37.61749, 55.75045)], "distance", SETTINGS,
                                places=node_names(places))
    assert [leg.mode for leg in result.legs] == ["rail"]
    assert abs(result.total_km - PUBLISHED_VLADIVOSTOK_MOSCOW_KM) / PUBLISHED_VLADIVOSTOK_MOSCOW_KM < 0.02
    assert result.total_km == pytest.approx(9289.0)  # km posts of one routing add up exactly
    assert result.straight_km < 0.75 * result.total_km


def test_the_curated_network_joins_ports_crossing_and_branches(curated_network):
    layer, _ = curated_network
    places = curated_places()
    names = node_names(places)
    for origin, destination, modes in (
            ("chongjin-port", "35.270556,51.191389", ["sea", "rail", "road"]),
            ("hamhung-port", "khabarovsk-240", ["sea", "rail"]),
            ("musudan-coast", "vladivostok", ["sea"]),
            ("tumangang-crossing", "ussuriysk-83-gaab", ["rail"]),
            ("khabarovsk-240", "Blagoveshchensk", ["rail"]),
            ("ulan-ude", "vladivostok", ["rail"])):
        stops = [resolve_stop(origin, places)[0], resolve_stop(destination, places)[0]]
        result = routing.find_route(layer, stops, "time", SETTINGS, places=names)
        assert [leg.mode for leg in result.legs] == modes, (origin, destination)
    khabarovsk = routing.find_route(layer, [resolve_stop("vladivostok", places)[0],
                                            resolve_stop("khabarovsk-240", places)[0]], "distance", SETTINGS)
    assert khabarovsk.total_km == pytest.approx(9289 - 8523)


def test_every_published_length_is_longer_than_the_straight_line_but_not_absurdly(curated_network):
    _, result = curated_network
    measure = distance_area()
    for feature in result.features["network"]:
        published = feature.attributes.get("length_km")
        assert feature.attributes["mode"] in ("rail", "sea", "road")
        geodesic = measure.measureLine([QgsPointXY(*p) for p in feature.coordinates]) / 1000.0
        if published is None:  # only where no distance is published: sea tracks, the road to Sudzha
            assert feature.attributes["mode"] in ("sea", "road") and "geodesic" in feature.notes, feature.id
            continue
        assert geodesic <= published <= 2.5 * geodesic, (feature.id, geodesic, published)


def test_a_training_ground_off_the_network_gets_the_far_from_network_message(curated_network):
    layer, _ = curated_network
    places = curated_places()
    stops = [resolve_stop("Sergeevka", places)[0], resolve_stop("vladivostok", places)[0]]
    with pytest.raises(routing.SnapError, match=r"START \(Sergeevka training ground\) is \d+\.\d km from "
                                                r"the nearest node of the network 'Transport network'"):
        routing.find_route(layer, stops, "distance", SETTINGS, places=node_names(places))

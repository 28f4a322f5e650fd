"""Routing over line layers: known answers on small networks, snapping, the cache, stops from text.

The curated network's own answers are in test_network_data.py."""

import pytest
from qgis.analysis import QgsGraph
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from kpa_tracker.core.routing import network as routing
from kpa_tracker.core.routing.stops import curated_places, find_places, parse_point, resolve_stop
from kpa_tracker.core.routing.network import NetworkSettings, Stop

SETTINGS = NetworkSettings.make(length_field="length_km", mode_field="mode", name_field="name")


def line_layer(edges, name="net"):
    """A memory network: edges are (name, mode, length_km or None, [(lon, lat), ...])."""
    layer = QgsVectorLayer("LineString?crs=EPSG:4326&field=name:string&field=mode:string"
                           "&field=length_km:double", name, "memory")
    features = []
    for edge_name, mode, length, points in edges:
        feature = QgsFeature(layer.fields())
        feature.setAttributes([edge_name, mode, length])
        feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in points]))
        features.append(feature)
    assert layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


A, B, C, D = (0.0, 0.0), (1.0, 0.0), (1.0, 1.0), (0.0, 1.0)


def stop(label, point):
    return Stop(label, point[0], point[1])


def route(layer, *points, optimize="distance", settings=SETTINGS, **kwargs):
    stops = [stop(label, point) for label, point in points]
    return routing.find_route(layer, stops, optimize, settings, **kwargs)


@pytest.fixture
def square():
    return line_layer([
        ("A-B", "rail", 10, [A, B]), ("B-C", "rail", 10, [B, C]),
        ("A-D", "rail", 15, [A, D]), ("D-C", "rail", 2, [D, C]),
        ("A-C", "rail", 25, [A, C]),
    ])


def test_shortest_by_distance_takes_the_cheapest_path_not_the_fewest_edges(square):
    result = route(square, ("A", A), ("C", C))
    assert result.total_km == pytest.approx(17.0)
    (leg,) = result.legs
    assert (leg.from_name, leg.to_name, leg.mode, leg.via) == ("A", "C", "rail", "A-D; D-C")
    assert leg.points == [A, D, C]
    assert leg.hours == pytest.approx(17.0 / routing.DEFAULT_SPEEDS_KMH["rail"])


def test_without_a_length_field_edges_cost_their_geodesic_length():
    layer = line_layer([("equator", "road", None, [(0.0, 0.0), (1.0, 0.0)])])
    settings = NetworkSettings.make(mode_field="mode")
    result = route(layer, ("west", (0.0, 0.0)), ("east", (1.0, 0.0)), settings=settings)
    assert result.total_km == pytest.approx(111.319, abs=0.01)  # one degree of the WGS84 equator
    # An empty length value falls back to the geodesic length too.
    assert route(layer, ("west", (0.0, 0.0)), ("east", (1.0, 0.0))).total_km == pytest.approx(111.319, abs=0.01)


def test_a_published_length_is_shared_out_along_the_line():
    layer = line_layer([("long line", "rail", 300, [(0.0, 0.0), (1.0, 0.0), (2.0, 0.0)])])
    assert route(layer, ("start", (0.0, 0.0)), ("middle", (1.0, 0.0))).total_km == pytest.approx(150.0)
    assert route(layer, ("start", (0.0, 0.0)), ("end", (2.0, 0.0))).total_km == pytest.approx(300.0)


@pytest.fixture
def sea_or_rail():
    # Sea is shorter (100 km, 4 h at 25 km/h); rail is longer but faster (120 km, 2.4 h at 50 km/h).
    return line_layer([
        ("strait", "sea", 100, [A, B]),
        ("rail west", "rail", 60, [A, (0.5, -0.5)]), ("rail east", "rail", 60, [(0.5, -0.5), B]),
    ])


def test_distance_and_time_choose_different_routes(sea_or_rail):
    by_distance = route(sea_or_rail, ("A", A), ("B", B))
    assert [leg.mode for leg in by_distance.legs] == ["sea"]
    assert (by_distance.total_km, by_distance.total_hours) == (pytest.approx(100.0), pytest.approx(4.0))
    by_time = route(sea_or_rail, ("A", A), ("B", B), optimize="time")
    assert [leg.mode for leg in by_time.legs] == ["rail"], "two rail edges make one leg"
    assert (by_time.total_km, by_time.total_hours) == (pytest.approx(120.0), pytest.approx(2.4))


def test_speeds_are_settable_per_mode(sea_or_rail):
    fast_ships = NetworkSettings.make(speeds={"sea": 100.0}, length_field="length_km", mode_field="mode")
    result = route(sea_or_rail, ("A", A), ("B", B), optimize="time", settings=fast_ships)
    assert [leg.mode for leg in result.legs] == ["sea"] and result.total_hours == pytest.approx(1.0)
    assert dict(fast_ships.speeds)["rail"] == routing.DEFAULT_SPEEDS_KMH["rail"]
    with pytest.raises(routing.RoutingError, match="positive number"):
        NetworkSettings.make(speeds={"rail": 0})


def test_a_row_per_mode_named_after_the_place_where_the_mode_changes():
    layer = line_layer([("crossing", "sea", 50, [A, B]), ("inland", "rail", 70, [B, C])])
    result = route(layer, ("Port A", A), ("Town C", C), places=[("Harbour B", 1.001, 0.0)])
    rows = [(leg.from_name, leg.to_name, leg.mode, round(leg.km, 6)) for leg in result.legs]
    assert rows == [("Port A", "Harbour B", "sea", 50.0), ("Harbour B", "Town C", "rail", 70.0)]
    assert result.total_hours == pytest.approx(50 / 25.0 + 70 / 50.0)
    line = result.geometry().asPolyline()
    assert [(p.x(), p.y()) for p in line] == [A, B, C]


def test_waypoints_route_leg_by_leg(square):
    result = route(square, ("A", A), ("via B", B), ("C", C))
    assert [(leg.from_name, leg.to_name, leg.km) for leg in result.legs] == [("A", "via B", 10.0), ("via B", "C", 10.0)]
    assert result.total_km == pytest.approx(20.0)


def test_ties_give_the_tied_cost_and_the_same_path_every_time():
    layer = line_layer([
        ("north 1", "road", 5, [A, D]), ("north 2", "road", 5, [D, C]),
        ("south 1", "road", 5, [A, B]), ("south 2", "road", 5, [B, C]),
    ])
    first = route(layer, ("A", A), ("C", C))
    assert first.total_km == pytest.approx(10.0)
    assert first.legs[0].points in ([A, D, C], [A, B, C])
    routing.clear_cache()
    again = route(layer, ("A", A), ("C", C))
    assert again.legs[0].points == first.legs[0].points


def test_a_disconnected_part_gives_a_clear_no_route_message():
    layer = line_layer([("mainland", "rail", 10, [A, B]), ("island", "rail", 10, [(5.0, 5.0), (6.0, 5.0)])],
                       name="Islands")
    with pytest.raises(routing.NoRouteError) as error:
        route(layer, ("Alpha", A), ("Isle", (6.0, 5.0)))
    message = str(error.value)
    assert "No route from START (Alpha) to END (Isle)" in message
    assert "do not connect" in message and "'Islands'" in message
    assert route(layer, ("Alpha", A), ("Beta", B)).total_km == pytest.approx(10.0)


def test_a_stop_never_snaps_to_a_point_drawn_along_a_flight_or_a_crossing():
    """Air and sea lines are boarded at their ends: a stop beside a vertex drawn mid-flight or mid-sea snaps
    to the nearest rail node or line end instead (the air leg to the Kursk node had a vertex 16 km out)."""
    flight = [(0.0, 0.0), (0.5, 0.0), (1.0, 0.0), (1.5, 0.0), (2.0, 0.0)]
    layer = line_layer([("Flight", "air", None, flight), ("Crossing", "sea", None, [(0.0, 1.0), (1.0, 1.0),
                                                                                   (2.0, 1.0)]),
                        ("Line", "rail", 300, [(2.0, 0.0), (2.0, 1.0), (3.0, 1.0)])])
    with_air = NetworkSettings.make(exclude=[], length_field="length_km", mode_field="mode", name_field="name")
    result = route(layer, ("beside the flight", (1.02, 0.05)), ("rail end", (3.0, 1.0)), settings=with_air,
                   snap_tolerance_km=200)
    assert (result.snaps[0].lon, result.snaps[0].lat) in ((0.0, 0.0), (2.0, 0.0))  # a line end, not (1.0, 0.0)
    result = route(layer, ("beside the crossing", (1.0, 1.05)), ("rail end", (3.0, 1.0)), settings=with_air,
                   snap_tolerance_km=200)
    assert (result.snaps[0].lon, result.snaps[0].lat) in ((0.0, 1.0), (2.0, 1.0))
    # Rail is boarded anywhere it has a node, and a flight's end is where the analyst can start.
    assert (route(layer, ("by the line", (2.0, 0.98)), ("rail end", (3.0, 1.0)), settings=with_air).snaps[0].lat
            == 1.0)
    assert route(layer, ("airfield", (0.0, 0.0)), ("rail end", (3.0, 1.0)), settings=with_air).snaps[0].offset_km == 0


def test_a_point_near_the_network_snaps_to_the_nearest_node_and_says_how_far(square):
    result = route(square, ("near A", (-0.05, 0.0)), ("C", C))
    assert result.snaps[0].vertex != result.snaps[1].vertex
    assert (result.snaps[0].lon, result.snaps[0].lat) == A
    assert result.snaps[0].offset_km == pytest.approx(5.566, abs=0.01)


def test_a_point_far_from_the_network_is_refused_naming_the_distance_and_the_node(square):
    with pytest.raises(routing.SnapError) as error:
        route(square, ("Faraway", (-1.0, 0.0)), ("C", C), places=[("Depot A", 0.0, 0.0)])
    message = str(error.value)
    assert message.startswith("START (Faraway) is 111.3 km from the nearest node of the network 'net'")
    assert "Depot A (0.0000, 0.0000)" in message and "The limit is 25 km" in message
    assert route(square, ("Faraway", (-1.0, 0.0)), ("C", C), snap_tolerance_km=120).total_km == pytest.approx(17.0)


def test_bad_networks_are_refused_with_a_reason():
    points = QgsVectorLayer("Point?crs=EPSG:4326", "dots", "memory")
    with pytest.raises(routing.RoutingError, match="'dots' is not a line layer"):
        routing.network_for(points)
    layer = line_layer([("only", "rail", 1, [A, B])])
    with pytest.raises(routing.RoutingError, match="no field 'km'.*name, mode, length_km"):
        routing.network_for(layer, NetworkSettings(length_field="km"))
    with pytest.raises(routing.RoutingError, match="same node"):
        route(layer, ("A", A), ("also A", (0.001, 0.0)))
    with pytest.raises(routing.RoutingError, match="'Flatland' is not an ellipsoid"):
        routing.network_for(layer, NetworkSettings(ellipsoid="Flatland"))


# The graph cache ----------------------------------------------------------------------------------

def test_the_graph_is_built_once_and_again_only_after_an_edit(square):
    builds = routing.stats["builds"]
    route(square, ("A", A), ("C", C))
    route(square, ("C", C), ("A", A), optimize="time")
    assert routing.stats["builds"] == builds + 1, "a second query must reuse the graph"

    square.startEditing()
    shortcut = next(f for f in square.getFeatures() if f["name"] == "A-C")
    assert square.changeAttributeValue(shortcut.id(), square.fields().indexOf("length_km"), 1.0)
    assert route(square, ("A", A), ("C", C)).total_km == pytest.approx(1.0), "uncommitted edits count"
    assert routing.stats["builds"] == builds + 2
    assert square.commitChanges()
    assert route(square, ("A", A), ("C", C)).total_km == pytest.approx(1.0)
    builds_after_commit = routing.stats["builds"]
    route(square, ("A", A), ("C", C))
    assert routing.stats["builds"] == builds_after_commit


def test_new_settings_or_provider_writes_rebuild_the_graph(square):
    route(square, ("A", A), ("C", C))
    builds = routing.stats["builds"]
    geodesic = NetworkSettings.make(mode_field="mode", name_field="name")
    assert route(square, ("A", A), ("C", C), settings=geodesic).total_km > 150  # degrees, not the field
    assert routing.stats["builds"] == builds + 1
    feature = QgsFeature(square.fields())
    feature.setAttributes(["A-C direct", "road", 0.5])
    feature.setGeometry(QgsGeometry.fromPolylineXY([QgsPointXY(*A), QgsPointXY(*C)]))
    square.dataProvider().addFeatures([feature])  # behind the edit buffer's back
    assert route(square, ("A", A), ("C", C)).total_km == pytest.approx(0.5)


def test_a_deleted_layer_leaves_the_cache():
    layer = line_layer([("only", "rail", 1, [A, B])])
    layer_id = layer.id()
    route(layer, ("A", A), ("B", B))
    assert any(key[0] == layer_id for key in routing._CACHE)
    del layer
    assert not any(key[0] == layer_id for key in routing._CACHE)


# dijkstra ----------------------------------------------------------------------------

def test_dijkstra_on_a_real_graph():
    graph = QgsGraph()
    for point in (A, B, C):
        graph.addVertex(QgsPointXY(*point))
    graph.addEdge(0, 1, [2.0])
    graph.addEdge(1, 2, [3.0])
    tree, cost = routing.dijkstra(graph, 0, 0)
    assert tree[0] == -1 and cost == [0.0, 2.0, 5.0]
    assert graph.edge(tree[2]).fromVertex() == 1


# Stops from text ----------------------------------------------------------------------------------------

def test_points_are_read_as_lon_lat_in_any_crs():
    assert parse_point("131.885, 43.115") == (131.885, 43.115)
    assert parse_point("131.885,43.115 [EPSG:4326]") == (131.885, 43.115)
    lon, lat = parse_point("14681401.99,5329492.43 [EPSG:3857]")  # Vladivostok in Web Mercator
    assert (lon, lat) == (pytest.approx(131.885278, abs=1e-6), pytest.approx(43.115, abs=1e-6))
    assert parse_point("Vladivostok") is None
    with pytest.raises(routing.RoutingError, match="not a longitude, latitude"):
        parse_point("43.1,231.9")
    with pytest.raises(routing.RoutingError, match="not a coordinate reference system"):
        parse_point("1,2 [EPSG:999999]")


def test_places_are_found_by_id_or_any_spelling_and_ambiguity_is_refused():
    places = curated_places()
    assert [p.id for p in find_places("ussuriysk-83-gaab", places)] == ["ussuriysk-83-gaab"]
    assert resolve_stop("Владивосток", places)[0].label == "Vladivostok (arrival and transit)"
    # A town that is a base's (same name, within 10 km) is that base: Hamhung is the port's point.
    assert resolve_stop("hamhung", places)[0].lat == pytest.approx(39.916667)
    assert resolve_stop("Hamhŭng", places)[0].lat == pytest.approx(39.916667)
    assert resolve_stop("Sudzha", places, "END")[0].label == "Sudzha"
    assert resolve_stop("Blagoveshensk", places, "END")[0].label.startswith("Blagoveshchensk")
    with pytest.raises(routing.RoutingError, match="matches places in .* locations"):
        resolve_stop("training", places, "END")
    with pytest.raises(routing.RoutingError, match="END 'Atlantis' is neither a point"):
        resolve_stop("Atlantis", places, "END")


def test_a_layer_without_fields_costs_time_at_the_default_speed(square):
    plain = NetworkSettings.make(speeds={"road": 80.0})
    result = route(square, ("A", A), ("C", C), settings=plain)
    by_time = route(square, ("A", A), ("C", C), settings=plain, optimize="time")
    assert by_time.legs[0].points == result.legs[0].points
    assert result.legs[0].mode == "road"
    assert result.legs[0].points == [A, C], "the diagonal is the shortest geodesic"
    assert result.total_km == pytest.approx(156.8996, abs=1e-3)
    assert result.total_hours == pytest.approx(result.total_km / 80.0)


# Modes to use, the air speed ------------------------------------------------------------------

@pytest.fixture
def rail_or_air():
    # Rail 1,000 km by a detour; a direct air leg of 900 km; an island only an aircraft reaches.
    return line_layer([
        ("Trans-Siberian", "rail", 1000, [A, (0.5, 0.5), B]), ("airlift", "air", 900, [A, B]),
        ("flight to the island", "air", 300, [B, (3.0, 0.0)]),
    ], name="Air and rail")


def test_air_edges_use_the_air_speed_and_air_can_be_left_out(rail_or_air):
    assert routing.DEFAULT_SPEEDS_KMH["air"] == 800.0
    flying = route(rail_or_air, ("A", A), ("B", B))
    assert [(leg.mode, leg.km) for leg in flying.legs] == [("air", 900.0)]
    assert flying.total_hours == pytest.approx(900.0 / 800.0)
    grounded = NetworkSettings.make(exclude=["Air"], length_field="length_km", mode_field="mode", name_field="name")
    by_rail = route(rail_or_air, ("A", A), ("B", B), optimize="time", settings=grounded)
    assert [(leg.mode, leg.km, leg.via) for leg in by_rail.legs] == [("rail", 1000.0, "Trans-Siberian")]
    assert by_rail.total_hours == pytest.approx(1000.0 / 50.0)


def test_a_route_that_needs_a_mode_left_out_is_refused_naming_it(rail_or_air):
    grounded = NetworkSettings.make(exclude=routing.DEFAULT_EXCLUDED_MODES, length_field="length_km",
                                    mode_field="mode", name_field="name")
    with pytest.raises(routing.NoRouteError) as error:
        route(rail_or_air, ("Depot", A), ("Island", (3.0, 0.0)), settings=grounded)
    message = str(error.value)
    assert message.startswith("No route from START (Depot) to END (Island) without air")
    assert "'Air and rail' joins them only with air" in message and "MODES" in message


def test_leaving_out_the_only_mode_of_a_layer_without_a_mode_field_is_refused(square):
    with pytest.raises(routing.RoutingError, match="no mode field, so every line counts as road"):
        route(square, ("A", A), ("C", C), settings=NetworkSettings.make(exclude=["road"]))


# Dwell times -------------------------------------------------------------------------------------

@pytest.fixture
def sea_rail_road():
    return line_layer([("crossing", "sea", 50, [A, B]), ("inland", "rail", 70, [B, C]),
                       ("last miles", "road", 40, [C, D])])


DWELL = routing.DwellTimes.make({"loading": 10, "unloading": 5, "rail/sea": 20, "road/rail": 3, "other": 99})


def test_dwell_times_are_added_at_the_start_at_each_change_of_mode_and_at_the_end(sea_rail_road):
    result = route(sea_rail_road, ("Port A", A), ("Front D", D), places=[("Harbour B", 1.0, 0.0),
                                                                          ("Railhead C", 1.0, 1.0)], dwell=DWELL)
    rows = [(leg.from_name, leg.mode, leg.dwell_what, leg.dwell_hours) for leg in result.legs]
    assert rows == [("Port A", "sea", "loading", 10.0), ("Harbour B", "rail", "sea → rail", 20.0),
                    ("Railhead C", "road", "rail → road", 3.0)]
    assert result.unloading_hours == 5.0
    assert result.moving_hours == pytest.approx(50 / 25.0 + 70 / 50.0 + 40 / 40.0)  # 4.4
    assert result.dwell_hours == pytest.approx(38.0)
    assert result.total_hours == pytest.approx(42.4)
    assert result.days == pytest.approx(42.4 / 24.0)
    plain = route(sea_rail_road, ("Port A", A), ("Front D", D))
    assert plain.dwell_hours == 0.0 and plain.total_hours == pytest.approx(4.4), "no dwell unless asked"


def test_a_change_not_listed_takes_the_other_dwell_and_a_waypoint_on_one_mode_none():
    layer = line_layer([("crossing", "sea", 50, [A, B]), ("landing", "road", 10, [B, C]),
                        ("on", "road", 10, [C, D])])
    result = route(layer, ("A", A), ("via C", C), ("D", D), dwell=DWELL)
    assert [(leg.mode, leg.dwell_hours) for leg in result.legs] == [("sea", 10.0), ("road", 99.0), ("road", 0.0)]
    assert result.dwell_hours == pytest.approx(10 + 99 + 5)
    assert routing.DwellTimes.defaults().change("sea", "rail") == routing.DEFAULT_DWELL_HOURS["rail/sea"]
    with pytest.raises(routing.RoutingError, match="dwell time for loading must be zero or more"):
        routing.DwellTimes.make({"loading": -1})


# Stops off the network, stops named by a place ----------------------------------------------------------

def test_both_ends_off_the_network_are_named_in_one_message(square):
    with pytest.raises(routing.SnapError) as error:
        route(square, ("Faraway", (-1.0, 0.0)), ("via C", C), ("Beyond", (1.0, 2.0)))
    message = str(error.value)
    assert message.startswith("START (Faraway) is 111.3 km from the nearest node of the network 'net'")
    assert "END (Beyond) is 110.6 km from the nearest node" in message
    assert "waypoint" not in message and error.value.roles == ["START", "END"]
    assert "'Snap tolerance (km)' on the dock's Route page, SNAP_TOLERANCE in Processing" in message


def test_a_point_within_the_constant_of_a_curated_place_is_named_by_it():
    from kpa_tracker.core.routing.stops import place_near, stop_at

    places = curated_places()
    port = next(p for p in places if p.id == "chongjin-port")
    # 0.009 degrees of latitude north is 1.0 km; 0.03 is 3.3 km, beyond NAME_WITHIN_KM (2 km).
    assert routing.NAME_WITHIN_KM == 2.0
    assert place_near(port.lon, port.lat + 0.009, places).id == "chongjin-port"
    assert stop_at(port.lon, port.lat + 0.009, places).label == "Chongjin (embarkation port)"
    assert place_near(port.lon, port.lat + 0.03, places) is None
    assert stop_at(port.lon, port.lat + 0.03, places).label == "129.8204, 41.8116"


# The routes table --------------------------------------------------------------------------------

def test_a_routes_table_saved_before_the_dwell_fields_gets_them_and_keeps_its_rows(tmp_path, sea_rail_road):
    from qgis.core import QgsField, QgsFields

    from kpa_tracker.core.routing import store
    from kpa_tracker.toolbelt.gpkg import create_table

    gpkg = tmp_path / "old.gpkg"
    old = QgsFields()
    for name, kind in store.FIELDS[:13]:  # the fields of the routes table before dwell times
        old.append(QgsField(name, kind))
    create_table(gpkg, store.ROUTES_TABLE, old, store.WKB_LINESTRING)
    layer = store.workspace_routes_layer(gpkg)
    assert [f.name() for f in layer.fields() if f.name() != "fid"] == [name for name, _ in store.FIELDS]
    result = route(sea_rail_road, ("Port A", A), ("Front D", D), dwell=DWELL)
    assert store.append_route(layer, result) == 3
    reopened = store.workspace_routes_layer(gpkg)
    rows = sorted(reopened.getFeatures(), key=lambda f: f["leg"])
    assert [(r["dwell_before"], r["dwell_before_h"], r["dwell_after_h"]) for r in rows] == [
        ("loading", 10.0, 0.0), ("sea → rail", 20.0, 0.0), ("rail → road", 3.0, 5.0)]
    assert rows[0]["total_hours"] == pytest.approx(42.4) and rows[0]["total_days"] == pytest.approx(42.4 / 24)


def test_the_quickest_route_counts_the_dwell_at_changes_of_mode():
    # Sea then rail is quicker moving (2 h + 1 h) than rail alone (4 h), not once a day at the port counts.
    layer = line_layer([("crossing", "sea", 50, [A, B]), ("on by rail", "rail", 50, [B, C]),
                        ("round by rail", "rail", 200, [A, D, C])])
    moving_only = route(layer, ("A", A), ("C", C), optimize="time")
    assert [leg.mode for leg in moving_only.legs] == ["sea", "rail"]
    dwell = routing.DwellTimes.make({"rail/sea": 24, "loading": 1, "unloading": 2})
    quickest = route(layer, ("A", A), ("C", C), optimize="time", dwell=dwell)
    assert [(leg.mode, leg.km) for leg in quickest.legs] == [("rail", 200.0)]
    assert quickest.total_hours == pytest.approx(1 + 4 + 2)
    cheap_port = routing.DwellTimes.make({"rail/sea": 0.5})
    assert [leg.mode for leg in route(layer, ("A", A), ("C", C), optimize="time", dwell=cheap_port).legs] == [
        "sea", "rail"]
    shortest = route(layer, ("A", A), ("C", C), dwell=dwell)
    assert [leg.mode for leg in shortest.legs] == ["sea", "rail"], "the shortest route counts km only"

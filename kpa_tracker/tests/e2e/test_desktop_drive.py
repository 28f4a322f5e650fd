"""End to end in real QGIS desktop (under Xvfb), on every QGIS of the matrix: the installed zip used as an
analyst would, through QGIS's own widgets and real mouse and key events (devtools/code_drive_plugin.py).
Fails on any step that went wrong and on any Python error QGIS logged."""

import pytest

from devtools import qgis_desktop
from kpa_tracker.tests.sightings.test_sightings_processing import HEADER, good_row, write_csv

TOKCHON = (126.311944, 39.761111)


@pytest.fixture(scope="module")
def drive(plugin_zip, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("drive")
    profiles = tmp_path / "profiles"
    qgis_desktop.install_zip(plugin_zip, profiles)
    work = tmp_path / "work"
    work.mkdir()
    write_csv(work / "sightings.csv", HEADER, [good_row(description="driven", source_url="https://example.org/d")])
    outcome = qgis_desktop.run_qgis(profiles, qgis_desktop.HERE / "code_drive_plugin.py", tmp_path / "result.json",
                                    timeout=420, extra_env={"KPA_DRIVE_DIR": str(work)})
    assert outcome["errors"] == "", outcome["errors"]
    result = outcome["result"]
    assert result, "QGIS wrote no result:\n" + outcome["output"][-4000:]
    assert "exception" not in result, result["exception"]
    return result


def test_load_all_from_the_dock(drive):
    for name in ("Units", "Bases"):
        assert any(name in layer for layer in drive["layers"]), drive["layers"]


def test_locator_typed_and_entered_zooms_to_the_place(drive):
    lon, lat = drive["locator"]["centre"]
    assert abs(lon - TOKCHON[0]) < 0.05 and abs(lat - TOKCHON[1]) < 0.05, drive["locator"]


def test_measure_tool_clicked_on_the_map(drive):
    measure = drive["measure"]
    assert measure["tool_active"], measure
    assert "km" in measure["text"] and "6" in measure["text"], measure  # Chongjin to Sudzha: some 6,500 km


def test_route_chosen_in_the_dock(drive):
    route = drive["route"]
    # Chongjin by sea to Vladivostok, then rail to the contingent's point at Kursk (its oblast).
    assert route["legs"] >= 2 and route["km"] > 9000, route


def test_sighting_added_by_clicking_the_map(drive):
    sighting = drive["sighting_by_click"]
    assert sighting["tool_active"] and sighting["form_opened"], sighting
    assert sighting["point"] == [35.27, 51.19], sighting
    assert "Sudzha" in sighting["place"], sighting


def test_options_page_opens_and_applies(drive):
    page = drive["options_page"]
    assert page["page"] and page["local_checked"], page
    assert page["store_after"] == "GpkgStore", page


def test_every_processing_algorithm_runs_in_the_desktop(drive):
    ran = drive["processing"]["ran"]
    assert set(ran) == {"exportcurated", "validatecurated", "route", "briefingmap", "importsightings",
                        "exportsightings", "rangerings"}
    failed = {name: run for name, run in ran.items() if not run["ok"]}
    assert not failed, failed
    assert all(drive["processing"]["files"].values()), drive["processing"]["files"]

"""On the screens analysts have: every dock tab, the sighting form, the conflict dialog and the Options page,
opened in real QGIS desktop (maximised, under Xvfb) on a 1366x768 laptop screen and a 1920x1080 one, fit on
the screen with every button on it; the sighting form shows no ids or NULLs."""

import pytest

from devtools import qgis_desktop

SCREENS = {"laptop": "1366x768x24", "full_hd": "1920x1080x24"}
WINDOWS = ("dock_layers", "dock_measure", "dock_route", "dock_sightings", "dock_briefing", "sighting_form",
           "conflict_dialog", "options_page")


@pytest.fixture(scope="module", params=sorted(SCREENS))
def screens(request, plugin_zip, tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("screens-" + request.param)
    profiles = tmp_path / "profiles"
    qgis_desktop.install_zip(plugin_zip, profiles)
    shots = tmp_path / "shots"
    shots.mkdir()
    outcome = qgis_desktop.run_qgis(profiles, qgis_desktop.HERE / "code_check_screens.py", tmp_path / "result.json",
                                    timeout=300, screen=SCREENS[request.param],
                                    extra_env={"KPA_SCREENS_DIR": str(shots)})
    assert outcome["errors"] == "", outcome["errors"]
    result = outcome["result"]
    assert result, "QGIS wrote no result:\n" + outcome["output"][-4000:]
    assert "exception" not in result, result["exception"]
    return request.param, result


@pytest.mark.parametrize("window", WINDOWS)
def test_fits_the_screen_with_every_button_on_it(screens, window):
    screen, result = screens
    seen = result[window]
    assert "error" not in seen, seen
    width, height = (int(n) for n in SCREENS[screen].split("x")[:2])
    assert seen["screen"][2] <= width and seen["screen"][3] <= height
    assert seen["fits"], "{} on the {} screen: frame {} outside {}".format(window, screen, seen["frame"],
                                                                            seen["screen"])
    if not window.startswith("dock_"):  # a dock's pages scroll: their buttons are reached by scrolling
        assert seen["buttons"], "no buttons seen"
    off = [b for b in seen["buttons"] if not b["on_screen"]]
    assert not off, "{} on the {} screen: buttons off the screen: {}".format(window, screen, off)


def test_sighting_form_can_be_saved_with_the_mouse_and_hides_its_plumbing(screens):
    _screen, result = screens
    form = result["sighting_form"]
    texts = [b["text"] for b in form["buttons"] if b["on_screen"]]
    assert "OK" in texts and "Cancel" in texts, texts
    assert form["tabs"] == ["Sighting", "Sources", "Description and record"]
    assert form["source_columns"], "the Sources table is shown"
    for columns in form["source_columns"]:
        assert not {"fid", "source_id", "sighting_id", "Source id", "Sighting id"} & set(columns), columns
        assert "URL" in columns and "Publisher" in columns, columns

"""End to end: the zip that qgis-plugin-ci builds installs and runs in real QGIS desktop."""

import configparser
import re
import zipfile

import pytest
from qgis.core import QgsVectorLayer

from devtools import qgis_desktop


def test_zip_contents(plugin_zip):
    with zipfile.ZipFile(str(plugin_zip)) as archive:
        names = archive.namelist()
        assert all(name.startswith("kpa_tracker/") for name in names)
        # No compiled Qt resources: pyrcc5's output imports PyQt5 (wrong in a Qt6 QGIS).
        assert not [n for n in names if n.endswith(("_rc.py", ".qrc"))], "compiled Qt resources shipped"
        assert not [n for n in names if "/tests/" in n], "tests/ must not ship"
        assert not [n for n in names if n.endswith((".pyc", ".qgis-settings"))]
        for needed in ("metadata.txt", "__init__.py", "plugin.py", "icons/kpa_tracker.svg", "LICENSE",
                       "processing/help/route.md", "team_schema/0001_initial.sql",
                       "team_schema/0004_dataset_sources.sql", "layers/aliases/unit_aliases.yaml",
                       "processing/help/importsightings.md"):
            assert "kpa_tracker/" + needed in names
        metadata = configparser.ConfigParser(interpolation=None)
        metadata.read_string(archive.read("kpa_tracker/metadata.txt").decode("utf-8"))
    general = metadata["general"]
    version = plugin_zip.name[len("kpa_tracker."):-len(".zip")]
    assert general["version"] == version != "0.0.0"
    for key in ("name", "description", "about", "qgisMinimumVersion", "qgisMaximumVersion",
                "author", "email", "homepage", "tracker", "repository", "icon"):
        assert general[key].strip(), key


def test_installed_zip_loads_and_unloads_symmetrically_in_qgis_desktop(plugin_zip, tmp_path):
    """Three load/unload cycles in one real QGIS desktop session give back the main window exactly as it was:
    every QAction, menu, dock, toolbar, Processing provider, locator filter, options page and rubber band."""
    profiles = tmp_path / "profiles"
    qgis_desktop.install_zip(plugin_zip, profiles, enabled=False)
    outcome = qgis_desktop.run_qgis(
        profiles,
        qgis_desktop.HERE / "code_check_plugin.py",
        tmp_path / "result.json",
        timeout=300,
    )
    assert outcome["errors"] == "", outcome["errors"]
    result = outcome["result"]
    assert result, "QGIS wrote no result:\n" + outcome["output"][-4000:]
    assert "exception" not in result, result.get("exception")
    assert not result["loaded_at_start"]
    before = result["before"]
    assert "kpa_tracker" not in before["providers"]
    assert len(result["cycles"]) == 3
    for number, cycle in enumerate(result["cycles"], 1):
        assert cycle["loaded"] and cycle["unloaded"], number
        loaded = cycle["after_load"]
        # What the plugin adds while loaded, seen in the real main window.
        assert "KpaTrackerDock" in loaded["docks"] and "KpaTrackerToolbar" in loaded["toolbars"]
        assert "&KPA Deployment Tracker" in loaded["plugins_menu"]
        assert "kpa_tracker" in loaded["providers"] and "kpa_tracker" in loaded["locator_filters"]
        assert "KpaOptionsPage:KpaOptionsPage" in loaded["options_pages"]
        assert loaded["qactions"] > before["qactions"]
        # The measure tool's four rubber bands and the route's one come with the plugin.
        assert loaded["rubber_bands"] == before["rubber_bands"] + 5
        assert cycle["wiring"] == {"dock_hidden_at_start": True, "dock_shown_by_action": True,
                                   "action_unchecked_by_close": True}, number
        assert cycle["after_unload"] == before, "cycle {} left something behind".format(number)


def test_processing_runs_headless_in_qgis_process(plugin_zip, tmp_path):
    profiles = tmp_path / "profiles"
    qgis_desktop.install_zip(plugin_zip, profiles, profile="default")
    output = tmp_path / "curated.gpkg"
    run = qgis_desktop.run_qgis_process(
        profiles, ["run", "kpa_tracker:exportcurated", "--", "OUTPUT={}".format(output)])
    assert run.returncode == 0, run.stdout + run.stderr
    from kpa_tracker.core.curated import data as curated
    shipped = curated.load_all().features
    expected = {name: len(shipped[name]) for name in (
        "units", "bases", "kursk_sites", "movements", "front_lines", "front_areas", "events", "unit_positions",
        "settlements", "estimates")}
    assert expected["front_areas"] >= 8 and expected["events"] >= 40
    for name, count in expected.items():
        layer = QgsVectorLayer("{}|layername={}".format(output, name), name, "ogr")
        assert layer.isValid() and layer.featureCount() == count, name
        for feature in layer.getFeatures():
            assert "https://" in feature["sources"] or "http://" in feature["sources"]
    sources = QgsVectorLayer("{}|layername=sources".format(output), "sources", "ogr")
    rows = list(sources.getFeatures())
    assert len(rows) > 36
    assert all(row["url"].startswith(("http://", "https://")) for row in rows)
    assert {"layer", "feature_id", "publisher", "title", "date", "url", "kind", "changed_on"} <= set(
        sources.fields().names())
    assert {row["layer"] for row in rows} >= {"events", "estimates", "settlements"}
    validate = qgis_desktop.run_qgis_process(profiles, ["run", "kpa_tracker:validatecurated"])
    assert validate.returncode == 0 and "The curated data is valid." in validate.stdout


def test_briefing_map_runs_headless_in_qgis_process(plugin_zip, tmp_path):
    import subprocess
    profiles = tmp_path / "profiles"
    qgis_desktop.install_zip(plugin_zip, profiles, profile="default")
    output = tmp_path / "kursk.pdf"
    run = qgis_desktop.run_qgis_process(
        profiles, ["run", "kpa_tracker:briefingmap", "--", "PRESET=2", "PAGE=0", "OUTPUT={}".format(output)])
    assert run.returncode == 0, run.stdout + run.stderr
    text = subprocess.run(["pdftotext", str(output), "-"], capture_output=True, text=True).stdout
    assert "The Kursk front around Sudzha" in text
    assert "mynorthkorea.blogspot.com" in text


def test_sightings_in_and_out_headless_and_kept_across_reinstall_and_upgrade(plugin_zip, tmp_path):
    """qgis_process imports into the profile's workspace; the plugin is reinstalled, then upgraded (a newer
    version over it, as the Plugin Manager does: the plugin folder replaced); every sighting and source stays."""
    import json

    from kpa_tracker.core.sightings import gpkg_store as S
    from kpa_tracker.tests.sightings.test_sightings_processing import HEADER, good_row, write_csv

    profiles = tmp_path / "profiles"
    plugin_folder = qgis_desktop.install_zip(plugin_zip, profiles, profile="default")
    rows = [good_row(description="first", source_url="https://example.org/1"),
            good_row(description="second; with 'quotes'", latitude="51.25", source_url="https://example.org/2"),
            good_row(description="third", unit_as_reported="KPA sniper team", source_url="https://example.org/3")]
    source = write_csv(tmp_path / "in.csv", HEADER, rows)
    run = qgis_desktop.run_qgis_process(profiles, ["run", "kpa_tracker:importsightings", "--",
                                                   "INPUT={}".format(source)])
    assert run.returncode == 0, run.stdout + run.stderr
    # The sightings GeoPackage the dock reads (the import wrote to workspace.gpkg before, which the dock does not).
    workspace = qgis_desktop.profile_dir(profiles, "default") / "kpa_tracker" / S.SIGHTINGS_GPKG
    assert not str(workspace).startswith(str(plugin_folder)), "user data never in the plugin folder"
    assert S.count_sightings(workspace) == (3, 3)
    before = sorted((r.sighting_id, r.description, tuple(s.url for s in r.sources))
                    for r in S.read_sightings(workspace))

    qgis_desktop.install_zip(plugin_zip, profiles, profile="default")  # reinstall
    metadata = plugin_folder / "metadata.txt"
    metadata.write_text(metadata.read_text(encoding="utf-8").replace("\nversion=", "\nversion=99.0.0\nold_version="),
                        encoding="utf-8")  # an upgrade: a newer version in the plugin folder
    out = tmp_path / "out.geojson"
    run = qgis_desktop.run_qgis_process(profiles, ["run", "kpa_tracker:exportsightings", "--",
                                                   "OUTPUT={}".format(out)])
    assert run.returncode == 0, run.stdout + run.stderr
    after = sorted((r.sighting_id, r.description, tuple(s.url for s in r.sources))
                   for r in S.read_sightings(workspace))
    assert after == before
    exported = json.loads(out.read_text(encoding="utf-8"))
    assert sorted(f["properties"]["description"] for f in exported["features"]) == [
        "first", "second; with 'quotes'", "third"]


def _how_qgis_ended(outcome):
    """QGIS's own exit: the signal its crash handler names, else the exit status. (When QGIS dies,
    xvfb-run may fail to clean up its temporary directory and exit 5 instead of passing the status on.)"""
    died = re.search(r"QGIS died on signal (\d+)", outcome["output"])
    if died and outcome["returncode"] is not None:
        return "signal " + died.group(1)
    return outcome["returncode"]


def test_qgis_quits_with_the_plugin_as_it_does_without_it(plugin_zip, tmp_path):
    """QGIS desktop quits after loading GeoPackage layers with the plugin loaded exactly as it does without it
    (a control run with the plugin disabled). QGIS 3.44.16 under Xvfb dies with signal 11 on quit in both runs:
    that is QGIS's own, not the plugin's; the plugin must add no crash of its own."""
    codes = {}
    for enabled in (False, True):
        profiles = tmp_path / ("with" if enabled else "without")
        qgis_desktop.install_zip(plugin_zip, profiles, enabled=enabled)
        outcome = qgis_desktop.run_qgis(profiles, qgis_desktop.HERE / "code_quit.py", profiles / "result.json",
                                        timeout=240)
        assert outcome["errors"] == "", outcome["errors"]
        assert outcome["result"].get("plugin") is enabled, outcome["output"][-3000:]
        assert "countries" in outcome["result"]["loaded"]
        codes[enabled] = _how_qgis_ended(outcome)
        assert codes[enabled] is not None, outcome["output"][-3000:]  # None: QGIS did not quit in time
        if codes[enabled] != 0:  # say what QGIS said as it died (shown with pytest -s)
            print("QGIS {} the plugin exited with {}; its last words:\n{}".format(
                "with" if enabled else "without", codes[enabled], "\n".join(outcome["output"].splitlines()[-6:])))
    print("QGIS exit status without the plugin: {}, with it: {}".format(codes[False], codes[True]))
    assert codes[True] == codes[False], codes

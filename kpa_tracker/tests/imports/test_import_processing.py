"""kpa_tracker:importsightings headless in qgis_process, as a batch script runs it: a plain file with INPUT alone,
each rejection printed once, a second run adding nothing."""

import csv


from devtools import qgis_desktop
from kpa_tracker.core.sightings import gpkg_store as S


def test_a_plain_file_imports_headless_with_input_alone(headless_profiles, tmp_path):
    profiles = headless_profiles
    source = tmp_path / "colleague.csv"
    with open(str(source), "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["date", "lat", "lon", "description", "source url"])
        writer.writerow(["14 December 2024", "51.19", "35.27", "column on the road", "https://t.me/examplechannel/1"])
        writer.writerow(["2024-12", "51.30", "35.10", "month only", "https://example.org/report/2"])
        writer.writerow(["2024-12-16", "35.28", "51.21", "swapped", "https://example.org/report/3"])
        writer.writerow(["someday", "51.2", "35.2", "no date", "https://example.org/report/4"])
    run = qgis_desktop.run_qgis_process(profiles, ["run", "kpa_tracker:importsightings", "--",
                                                   "INPUT={}".format(source)])
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "IMPORTED:\t2" in output or "IMPORTED: 2" in output, output
    for number in (3, 4):
        assert output.count("Row {}:".format(number)) == 1, output  # each rejection once
    assert "look swapped" in output and "'someday'" in output
    store = profiles / "profiles" / "default" / "kpa_tracker" / "sightings.gpkg"
    assert S.count_sightings(store) == (2, 2)
    records = {r.description: r for r in S.read_sightings(store)}
    assert records["month only"].time_precision == 3 and records["column on the road"].time_precision == 1
    assert records["column on the road"].sources[0].publisher == "examplechannel"
    again = qgis_desktop.run_qgis_process(profiles, ["run", "kpa_tracker:importsightings", "--",
                                                     "INPUT={}".format(source)])
    assert again.returncode == 0 and "DUPLICATES_SKIPPED" in again.stdout, again.stdout + again.stderr
    assert S.count_sightings(store) == (2, 2)

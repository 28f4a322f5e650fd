"""Times written and read through QGIS's own OGR provider (the attribute table, the field calculator, the
form in plain QGIS) stay in UTC whatever the machine's time zone, on every QGIS of the matrix. QGIS 3.24+
changed how the OGR provider converts local date-times for GeoPackages (qgis/QGIS PR #57548); the
sightings' "wall clock is UTC" convention was built on 3.22's behaviour, so each zone runs in its own QGIS
process with TZ set."""

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.domain import times as T
from kpa_tracker.core.sightings import layers as L

ROOT = Path(__file__).resolve().parents[3]
OBSERVED = "2024-12-10T14:30:00.000Z"

# Both scripts start alike: QGIS up (with its GUI, for the form's widgets), the GeoPackage's two tables in
# the project with the plugin's form, as QGIS desktop has them.
PROLOGUE = textwrap.dedent("""
    import json, sys
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer
    app = QgsApplication([], True)
    app.initQgis()
    from kpa_tracker.core.sightings import gpkg_store as S
    from kpa_tracker.core.sightings import layers as L
    from kpa_tracker.core.domain import times as T
    from kpa_tracker.core.sightings import form as F
    gpkg = sys.argv[1]
    layer = QgsVectorLayer(L.sightings_uri(gpkg), "sightings", "ogr")
    sources = QgsVectorLayer(L.sources_uri(gpkg), "sources", "ogr")
    QgsProject.instance().addMapLayers([layer, sources])
    F.configure_form(layer, sources, project=QgsProject.instance())
""")

SCRIPT = PROLOGUE + textwrap.dedent("""
    out = {}
    feature = next(layer.getFeatures())
    value = feature["observed_at"]
    out["read"] = T.format_gpkg_datetime(T.parse_utc(value))
    index = layer.fields().indexOf("observed_at")
    layer.startEditing()
    # Written back unchanged, as the attribute table does when another field of the row is edited;
    # description edited, so updated_at is re-defaulted (applied on update).
    layer.changeAttributeValue(feature.id(), index, value)
    layer.changeAttributeValue(feature.id(), layer.fields().indexOf("description"), "edited in QGIS")
    out["committed"] = layer.commitChanges()
    out["errors"] = layer.commitErrors()
    again = QgsVectorLayer(L.sightings_uri(gpkg), "again", "ogr")
    out["read_again"] = T.format_gpkg_datetime(T.parse_utc(next(again.getFeatures())["observed_at"]))
    print(json.dumps(out))
""")


def _run_in_zone(script_text, gpkg, zone, tmp_path):
    """Run a script in its own QGIS process with the machine's time zone set to `zone`; what it printed."""
    script = tmp_path / "script.py"
    script.write_text(script_text, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT), TZ=zone)
    done = subprocess.run([sys.executable, str(script), str(gpkg)], env=env, capture_output=True, text=True,
                          timeout=180)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("zone", ["Asia/Seoul", "America/Los_Angeles", "UTC"])
def test_qgis_editing_keeps_times_in_utc(tmp_path, zone):
    from kpa_tracker.tests.sightings.test_sightings_core import NOW, sighting, source

    gpkg = tmp_path / "times.gpkg"
    record = S.add_sighting(gpkg, dict(sighting(), observed_at=OBSERVED), [source()], now=NOW)
    seen = _run_in_zone(SCRIPT, gpkg, zone, tmp_path)
    assert seen["read"] == OBSERVED, "QGIS reads the stored UTC time as that UTC time ({})".format(zone)
    assert seen["committed"], seen["errors"]
    stored = sqlite3.connect(str(gpkg)).execute(
        "SELECT observed_at, updated_at, description FROM sightings WHERE sighting_id = ?",
        (record.sighting_id,)).fetchone()
    assert stored[2] == "edited in QGIS"
    assert T.parse_utc(stored[0]) == T.parse_utc(OBSERVED), "unchanged by a write-back in {}: {}".format(
        zone, stored[0])
    assert seen["read_again"] == OBSERVED
    updated = T.parse_utc(stored[1])
    assert abs((updated - T.utc_now()).total_seconds()) < 600, "updated_at is the UTC clock in {}: {}".format(
        zone, stored[1])


WIDGET_SCRIPT = PROLOGUE + textwrap.dedent("""
    from qgis.gui import QgsGui
    from qgis.PyQt.QtCore import QDate, QDateTime, QTime
    from kpa_tracker.core.sightings.utc_edits import respec_pending_datetimes
    # As the plugin's Sightings tab connects its layer (ui/sightings_controller.py).
    layer.beforeCommitChanges.connect(lambda *_stop: respec_pending_datetimes(layer))
    index = layer.fields().indexOf("observed_at")
    setup = layer.editorWidgetSetup(index)
    QgsGui.editorWidgetRegistry().initEditors()  # as QGIS desktop does at start
    from qgis.PyQt.QtWidgets import QWidget
    parent = QWidget()
    wrapper = QgsGui.editorWidgetRegistry().create(setup.type(), layer, index, setup.config(), None, parent)
    # The analyst types 2024-12-10 14:30 into "Observed (UTC)", as the form's DateTime widget holds it.
    wrapper.setValues(QDateTime(QDate(2024, 12, 10), QTime(14, 30)), [])
    typed = wrapper.value()
    feature = next(layer.getFeatures())
    layer.startEditing()
    layer.changeAttributeValue(feature.id(), index, typed)
    out = {"committed": layer.commitChanges(), "errors": layer.commitErrors(),
           "plugin_reads_typed": T.format_gpkg_datetime(T.parse_utc(typed))}
    print(json.dumps(out))
    app.exitQgis()
""")


@pytest.mark.parametrize("zone", ["Asia/Seoul", "America/Los_Angeles"])
def test_a_time_typed_in_qgis_own_form_is_stored_as_that_utc_time(tmp_path, zone):
    """The form's DateTime widget's value saved by QGIS's OGR provider, on the plugin's layer. (Without the
    plugin, in plain QGIS 3.40+, the provider still shifts it: see core/utc_edits.py.)"""
    from kpa_tracker.tests.sightings.test_sightings_core import NOW, sighting, source

    gpkg = tmp_path / "typed.gpkg"
    record = S.add_sighting(gpkg, dict(sighting(), observed_at="2024-12-01T00:00:00Z"), [source()], now=NOW)
    seen = _run_in_zone(WIDGET_SCRIPT, gpkg, zone, tmp_path)
    assert seen["committed"], seen["errors"]
    assert seen["plugin_reads_typed"] == OBSERVED
    stored = sqlite3.connect(str(gpkg)).execute(
        "SELECT observed_at FROM sightings WHERE sighting_id = ?", (record.sighting_id,)).fetchone()[0]
    assert T.parse_utc(stored) == T.parse_utc(OBSERVED), "typed 14:30 UTC in {}, stored {}".format(zone, stored)

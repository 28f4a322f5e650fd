"""The upgrade path: two versions of the curated data merged into an analyst's edited workspace."""

import textwrap

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsVectorLayer

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.curated.store import layer_uri, read_state, reset_features, sync_layer

V1 = """
features:
  - {id: alpha, name: Alpha, kind: garrison, country: KP, sidc: "10062000001208020000", lat: 40.0, lon: 127.0, precision: town, status: assessed, as_of: 2024-10, sources: [mynk-2024-12], notes: first}
  - {id: bravo, name: Bravo, kind: port, country: KP, sidc: "10062000001213090000", lat: 41.0, lon: 129.0, precision: town, status: confirmed, as_of: 2024-10, sources: [mynk-2024-12]}
  - {id: charlie, name: Charlie, kind: port, country: RU, sidc: "10062000001213090000", lat: 43.0, lon: 131.0, precision: town, status: confirmed, as_of: 2024-10, sources: [mynk-2024-12]}
  - {id: delta, name: Delta, kind: transit hub, country: RU, sidc: "10062000001213000000", lat: 44.0, lon: 132.0, precision: town, status: reported, as_of: 2024-10, sources: [mynk-2024-12]}
"""
# v2: alpha and charlie changed upstream, delta removed, echo added.
V2 = """
features:
  - {id: alpha, name: Alpha, kind: garrison, country: KP, sidc: "10062000001208020000", lat: 40.0, lon: 127.0, precision: town, status: confirmed, as_of: 2024-12, sources: [mynk-2024-12], notes: "first, corrected"}
  - {id: bravo, name: Bravo, kind: port, country: KP, sidc: "10062000001213090000", lat: 41.0, lon: 129.0, precision: town, status: confirmed, as_of: 2024-10, sources: [mynk-2024-12]}
  - {id: charlie, name: Charlie port, kind: port, country: RU, sidc: "10062000001213090000", lat: 43.1, lon: 131.1, precision: site, status: confirmed, as_of: 2024-12, sources: [mynk-2024-12]}
  - {id: echo, name: Echo, kind: training site, country: RU, sidc: "10062000001119020000", lat: 48.0, lon: 135.0, precision: town, status: reported, as_of: 2024-12, sources: [mynk-2024-12]}
"""


@pytest.fixture
def bases_layer():
    return next(layer for layer in curated.load_catalogue() if layer.id == "bases")


def _features(tmp_path, text, name):
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    result = curated.load_all(overrides={"bases": path})
    return result.features["bases"]


def _rows(gpkg, layer):
    table = QgsVectorLayer(layer_uri(gpkg, layer), "t", "ogr")
    return {f["id"]: f for f in table.getFeatures()}, table


def test_upgrade_merges_by_id_and_never_overwrites_the_analysts_edits(tmp_path, bases_layer):
    gpkg = tmp_path / "workspace.gpkg"
    v1 = _features(tmp_path, V1, "v1.yaml")
    first = sync_layer(gpkg, bases_layer, v1)
    assert sorted(first.added) == ["alpha", "bravo", "charlie", "delta"]

    rows, table = _rows(gpkg, bases_layer)
    table.startEditing()
    table.changeAttributeValue(rows["alpha"].id(), table.fields().indexOf("notes"), "my own note")
    table.deleteFeature(rows["bravo"].id())
    mine = QgsFeature(table.fields())
    mine["id"], mine["name"], mine["status"] = "my-sighting-base", "Analyst's base", "reported"
    mine.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(35.1, 51.2)))
    table.addFeature(mine)
    assert table.commitChanges(), table.commitErrors()

    v2 = _features(tmp_path, V2, "v2.yaml")
    report = sync_layer(gpkg, bases_layer, v2)
    assert report.updated == ["charlie"]
    assert report.added == ["echo"]
    assert report.removed == ["delta"]
    assert report.kept_analyst_changes == ["alpha"]
    assert report.kept_analyst_deletions == ["bravo"]

    rows, _ = _rows(gpkg, bases_layer)
    assert sorted(rows) == ["alpha", "charlie", "echo", "my-sighting-base"]
    assert rows["alpha"]["notes"] == "my own note" and rows["alpha"]["status"] == "assessed"
    assert rows["charlie"]["name"] == "Charlie port"
    assert rows["charlie"].geometry().asPoint() == QgsPointXY(131.1, 43.1)
    assert rows["my-sighting-base"]["name"] == "Analyst's base"

    again = sync_layer(gpkg, bases_layer, v2)
    assert again.summary() == "bases: up to date", "the same shipped data is merged once"


def test_reset_feature_and_layer_to_curated(tmp_path, bases_layer):
    gpkg = tmp_path / "workspace.gpkg"
    v1 = _features(tmp_path, V1, "v1.yaml")
    sync_layer(gpkg, bases_layer, v1)
    rows, table = _rows(gpkg, bases_layer)
    table.startEditing()
    table.changeAttributeValue(rows["alpha"].id(), table.fields().indexOf("notes"), "edited")
    table.changeGeometry(rows["charlie"].id(), QgsGeometry.fromPointXY(QgsPointXY(0, 0)))
    table.deleteFeature(rows["delta"].id())
    assert table.commitChanges()

    assert reset_features(gpkg, bases_layer, v1, ["alpha"]) == ["alpha"]
    rows, _ = _rows(gpkg, bases_layer)
    assert rows["alpha"]["notes"] == "first"
    assert rows["charlie"].geometry().asPoint() == QgsPointXY(0, 0), "only the asked feature is reset"

    assert reset_features(gpkg, bases_layer, v1) == ["alpha", "bravo", "charlie", "delta"]
    rows, _ = _rows(gpkg, bases_layer)
    assert sorted(rows) == ["alpha", "bravo", "charlie", "delta"]
    assert rows["charlie"].geometry().asPoint() == QgsPointXY(131.0, 43.0)
    # After a reset the features count as untouched again: the next upgrade updates them.
    report = sync_layer(gpkg, bases_layer, _features(tmp_path, V2, "v2.yaml"))
    assert sorted(report.updated) == ["alpha", "charlie"] and report.kept_analyst_changes == []
    assert set(read_state(gpkg, "bases")) == {"alpha", "bravo", "charlie", "echo"}

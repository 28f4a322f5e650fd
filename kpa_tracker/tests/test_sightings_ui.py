"""The dock's Sightings page: the layer with its form, the list, filters, corroboration, escaped details."""

import datetime

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QDate

from kpa_tracker.core import sightings as S
from kpa_tracker.tests.test_sightings_core import sighting, source
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.sightings_controller import SightingsController
from kpa_tracker.ui.sightings_panel import SightingsPanel

NOW = datetime.datetime(2025, 1, 15, tzinfo=datetime.timezone.utc)


def test_list_filters_corroboration_and_escaped_details(qgis_iface, qgis_new_project, tmp_path, flush):
    gpkg = tmp_path / "ws.gpkg"
    S.add_sighting(gpkg, sighting(), [source()], now=NOW)
    S.add_sighting(gpkg, sighting(lon=35.30, lat=51.20, observed_at="2024-12-12T10:00:00Z",
                                   description="<script>alert(1)</script>"), [source()], now=NOW)
    S.add_sighting(gpkg, sighting(unit_as_reported="Other unit", source_reliability="E",
                                   info_credibility=5), [source()], now=NOW)
    panel = SightingsPanel()
    connections = ConnectionRegistry()
    controller = SightingsController(qgis_iface, panel, connections, gpkg_path=gpkg)
    panel.start.setDate(QDate(2024, 12, 1))
    rows = controller.refresh()
    assert len(rows) == 3
    by_unit = {}
    for row in rows:
        by_unit.setdefault(row[1], []).append(row[4])
    assert by_unit["KPA 94th brigade"] == [1, 1], "two sightings of one unit 2 km and 2 days apart"
    assert by_unit["Other unit"] == [0]
    panel.grade.setCurrentIndex(panel.grade.findData("C3"))
    assert len(controller.refresh()) == 2, "the E5 sighting is below the grade asked for"
    panel.table.setCurrentCell(0, 0)
    html = panel.details.toHtml()
    assert "<script>" not in html and "&lt;script&gt;" in html
    connections.disconnect_all()
    panel.deleteLater()
    flush()


def test_show_layer_adds_sightings_with_their_form_once(qgis_iface, qgis_new_project, tmp_path, flush):
    panel = SightingsPanel()
    connections = ConnectionRegistry()
    controller = SightingsController(qgis_iface, panel, connections, gpkg_path=tmp_path / "ws.gpkg")
    layer = controller.show_layer()
    assert layer is not None and layer.isValid()
    assert controller.show_layer() is layer, "shown once"
    assert len(QgsProject.instance().mapLayers()) == 2
    widget = layer.editorWidgetSetup(layer.fields().indexOf("source_reliability"))
    assert widget.type() == "ValueMap"
    assert layer.temporalProperties().isActive()
    assert QgsProject.instance().relationManager().relations(), "the sources relation is set up"
    connections.disconnect_all()
    QgsProject.instance().clear()
    panel.deleteLater()
    flush()

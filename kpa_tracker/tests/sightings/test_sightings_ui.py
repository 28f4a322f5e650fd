"""The dock's Sightings page: the layer with its form, the list, filters, corroboration, escaped details."""

import datetime
import hashlib

import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
    QgsVectorLayerUtils,
)
from qgis.gui import QgsMapToolPan
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt
from qgis.PyQt.QtWidgets import QDialogButtonBox

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.domain import validation as V
from kpa_tracker.tests.sightings.test_sightings_core import sighting, source
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.controllers.sightings import SightingsController
from kpa_tracker.ui.panels.sightings import SightingsPanel

NOW = datetime.datetime(2025, 1, 15, tzinfo=datetime.timezone.utc)


def test_list_filters_corroboration_and_escaped_details(qgis_iface, qgis_new_project, tmp_path, flush):
    gpkg = tmp_path / "ws.gpkg"
    # Three reports of their own (one URL each): a shared URL is one origin, not corroboration.
    S.add_sighting(gpkg, sighting(), [source(url="https://example.org/report/1")], now=NOW)
    S.add_sighting(gpkg, sighting(lon=35.30, lat=51.20, observed_at="2024-12-12T10:00:00Z",
                                   description="<script>alert(1)</script>"),
                   [source(url="https://example.org/report/2")], now=NOW)
    S.add_sighting(gpkg, sighting(unit_as_reported="Other unit", source_reliability="E",
                                   info_credibility=5), [source(url="https://example.org/report/3")], now=NOW)
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


# --- "Add sighting": typed coordinates or a map click, QGIS's form, one commit ----------------------

SUDZHA = (35.270556, 51.191389)


@pytest.fixture
def adding(qgis_iface, shown_canvas, qgis_new_project, tmp_path, flush):
    qgis_canvas = shown_canvas
    panel = SightingsPanel()
    connections = ConnectionRegistry()
    controller = SightingsController(qgis_iface, panel, connections, gpkg_path=tmp_path / "ws.gpkg")
    yield controller, tmp_path / "ws.gpkg"
    connections.disconnect_all()
    controller.unload()
    qgis_canvas.setMapTool(QgsMapToolPan(qgis_canvas))
    QgsProject.instance().clear()
    panel.deleteLater()
    flush()


# 20 December 2024, 08:00 UTC: the observed time the forms are given (the field has no default).
OBSERVED = QDateTime(QDate(2024, 12, 20), QTime(8, 0), Qt.TimeSpec.UTC)


def _add_source(sources, sighting_id, **values):
    attributes = {sources.fields().indexOf("sighting_id"): sighting_id}
    for name, value in dict(source(), **values).items():
        attributes[sources.fields().indexOf(name)] = value
    feature = QgsVectorLayerUtils.createFeature(sources, QgsGeometry(), attributes, sources.createExpressionContext())
    assert sources.addFeature(feature)


def _ok_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_typed_coordinates_are_shown_back_before_anything_is_saved(adding):
    controller, gpkg = adding
    panel = controller.panel
    panel.coordinates.setText("51°11′29″N 35°16′14″E")
    shown = panel.parsed.text()
    assert "51.191389° N, 35.270556° E" in shown and "Sudzha" in shown
    assert panel.add_here_button.isEnabled()
    panel.coordinates.setText("127.5, 40.1")
    assert "latitude" in panel.parsed.text().lower()
    assert not panel.add_here_button.isEnabled(), "nothing to add from text that does not parse"
    panel.coordinates.setText("36UYA 12345 67890")
    assert "south-west corner" in panel.parsed.text() and panel.add_here_button.isEnabled()
    assert not gpkg.exists() or S.count_sightings(gpkg)[0] == 0, "previewing writes nothing"


def test_ok_saves_the_sighting_with_its_sources_in_one_commit(adding, flush):
    controller, gpkg = adding
    controller.panel.coordinates.setText("51.19, 35.27")
    dialog = controller.add_at_text(controller.panel.coordinates.text())
    assert dialog is not None and dialog.isVisible()
    sightings, sources = controller.layers()
    form = dialog.attributeForm()
    new = form.currentFormFeature()
    assert "Sudzha" in new["location_name"], "pre-filled with the nearest curated place"
    assert new["analyst"] == V.default_analyst()
    assert new["sighting_id"]
    assert not _ok_button(dialog).isEnabled(), "no unit and no source yet: the form's hard constraints"
    form.changeAttribute("description", "Column seen <b>bold</b> & \"quoted\"")
    form.changeAttribute("source_reliability", "B")
    form.changeAttribute("info_credibility", 2)
    form.changeAttribute("unit_as_reported", "KPA 94th brigade")
    form.changeAttribute("observed_at", OBSERVED)  # empty until the analyst says when
    assert not _ok_button(dialog).isEnabled(), "still no source"
    _add_source(sources, new["sighting_id"], url="https://example.org/a?x=1&y=2")
    assert _ok_button(dialog).isEnabled(), "adding a source (as the relation editor does) re-checks the form"
    _add_source(sources, new["sighting_id"], url="https://example.org/b", publisher="Second outlet")
    _ok_button(dialog).click()
    flush()
    assert controller.dialog is None
    records = S.read_sightings(gpkg)
    assert len(records) == 1, controller.panel.message.text()
    record = records[0]
    assert record.unit_as_reported == "KPA 94th brigade"
    assert record.description == "Column seen <b>bold</b> & \"quoted\"", "stored exactly as typed"
    assert (record.source_reliability, record.info_credibility) == ("B", 2)
    assert sorted(s.url for s in record.sources) == ["https://example.org/a?x=1&y=2", "https://example.org/b"]
    assert abs(record.lon - 35.27) < 1e-9 and abs(record.lat - 51.19) < 1e-9
    assert not sightings.isEditable() and not sources.isEditable(), "the layers are left as they were"
    assert sightings.featureCount() == 1 and sources.featureCount() == 2
    assert "Saved" in controller.panel.message.text()
    assert controller.panel.table.rowCount() == 1, "the list shows the new sighting"


def test_cancel_leaves_nothing_behind(adding, flush):
    controller, gpkg = adding
    dialog = controller.add_at(*SUDZHA)
    sightings, sources = controller.layers()
    _add_source(sources, dialog.attributeForm().currentFormFeature()["sighting_id"])
    dialog.reject()
    flush()
    assert S.count_sightings(gpkg) == (0, 0)
    assert sightings.featureCount() == 0 and sources.featureCount() == 0
    assert not sightings.isEditable() and not sources.isEditable()
    assert "nothing was saved" in controller.panel.message.text()


def test_a_refused_sighting_reopens_the_form_with_everything_typed(adding, flush):
    controller, gpkg = adding
    dialog = controller.add_at(*SUDZHA)
    sightings, sources = controller.layers()
    form = dialog.attributeForm()
    sighting_id = form.currentFormFeature()["sighting_id"]
    # A source the sources form would refuse, added behind its back: the file's own rules refuse it at once
    # (the form edits both tables inside one QGIS transaction).
    attributes = {sources.fields().indexOf("sighting_id"): sighting_id}
    for name, value in dict(source(), url="javascript:alert(1)").items():
        attributes[sources.fields().indexOf(name)] = value
    assert not sources.addFeature(QgsVectorLayerUtils.createFeature(sources, QgsGeometry(), attributes,
                                                                    sources.createExpressionContext()))
    # One the file lets through but the validator refuses at OK (published in the future): nothing is
    # written, and nothing typed is lost.
    _add_source(sources, sighting_id, published_at="2030-01-01")
    form.changeAttribute("description", "kept")
    form.changeAttribute("unit_as_reported", "KPA 94th brigade")
    form.changeAttribute("observed_at", OBSERVED)  # empty until the analyst says when
    _ok_button(dialog).click()
    flush()
    assert S.count_sightings(gpkg) == (0, 0)
    assert "future" in controller.panel.message.text()
    reopened = controller.dialog
    assert reopened is not None and reopened.isVisible()
    assert reopened.attributeForm().currentFormFeature()["description"] == "kept"
    bad = [f for f in sources.getFeatures() if f["published_at"] == "2030-01-01"]
    assert len(bad) == 1
    sources.changeAttributeValue(bad[0].id(), sources.fields().indexOf("published_at"), "2024-12-01")
    _ok_button(reopened).click()
    flush()
    assert S.count_sightings(gpkg) == (1, 1), controller.panel.message.text()
    assert S.read_sightings(gpkg)[0].description == "kept"
    assert not sightings.isEditable()


def test_clicking_the_map_snaps_and_opens_the_form_there(adding, qgis_canvas, flush):
    from kpa_tracker.tests.measure.test_measure import _click, _frame, _pixel, snap_to_vertices

    controller, gpkg = adding
    marker = QgsVectorLayer("Point?crs=EPSG:4326", "marker", "memory")
    feature = QgsFeature(marker.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*SUDZHA)))
    marker.dataProvider().addFeature(feature)
    QgsProject.instance().addMapLayer(marker)
    qgis_canvas.setLayers([marker])
    snap_to_vertices(qgis_canvas)
    _frame(qgis_canvas, "EPSG:3857", ((35.0, 51.0), (35.5, 51.4)))
    controller.pick()
    assert qgis_canvas.mapTool() is controller.tool
    _click(qgis_canvas, _pixel(qgis_canvas, SUDZHA, nudge=(-4, 3)))
    dialog = controller.dialog
    assert dialog is not None, controller.panel.message.text()
    point = dialog.attributeForm().currentFormFeature().geometry().asPoint()
    assert abs(point.x() - SUDZHA[0]) < 1e-9 and abs(point.y() - SUDZHA[1]) < 1e-9, "snapped to the vertex"
    assert qgis_canvas.mapTool() is not controller.tool, "one click, one sighting"
    dialog.reject()
    flush()


def test_an_attached_file_is_copied_hashed_and_flagged_when_it_changes(adding, tmp_path, flush):
    controller, gpkg = adding
    evidence = tmp_path / "elsewhere" / "frame 01.png"
    evidence.parent.mkdir()
    evidence.write_bytes(b"\x89PNG not really, but bytes")
    dialog = controller.add_at(*SUDZHA)
    sightings, sources = controller.layers()
    assert controller.panel.attach_button.isEnabled()
    relative = controller.attach(str(evidence))
    assert relative and relative.startswith("attachments/")
    form = dialog.attributeForm()
    form.changeAttribute("unit_as_reported", "KPA 94th brigade")
    form.changeAttribute("observed_at", OBSERVED)  # empty until the analyst says when
    _add_source(sources, form.currentFormFeature()["sighting_id"])
    _ok_button(dialog).click()
    flush()
    record = S.read_sightings(gpkg)[0]
    assert record.attachment == relative
    assert record.attachment_sha256 == hashlib.sha256(evidence.read_bytes()).hexdigest()
    assert not controller.panel.attach_button.isEnabled(), "only while a form is open"
    controller.panel.table.setCurrentCell(0, 0)
    assert "matches its recorded SHA-256" in controller.panel.details.toPlainText()
    (gpkg.parent / relative).write_bytes(b"edited")
    controller.show_details(0)
    text = controller.panel.details.toPlainText()
    assert "no longer matches" in text and "⚠" in text


def test_ordinary_qgis_editing_works_on_the_layer_in_place(adding, flush):
    controller, gpkg = adding
    S.add_sighting(gpkg, sighting(description="to move"), [source()], now=NOW)
    S.add_sighting(gpkg, sighting(description="to delete"), [source(), source(url="https://example.org/2")],
                   now=NOW)
    layer = controller.show_layer()
    _same, sources = controller.layers()
    by_text = {f["description"]: f for f in layer.getFeatures()}
    moved, gone = by_text["to move"], by_text["to delete"]
    assert layer.startEditing()
    assert layer.changeGeometry(moved.id(), QgsGeometry.fromPointXY(QgsPointXY(35.40, 51.25)))
    reliability = layer.fields().indexOf("source_reliability")
    layer.beginEditCommand("grade")  # as QGIS's form and attribute table wrap an edit
    assert layer.changeAttributeValue(moved.id(), reliability, "A", moved[reliability])
    layer.endEditCommand()
    layer.undoStack().undo()  # the grade change is undone (with its updated time); the move stays
    description = layer.fields().indexOf("description")
    assert layer.changeAttributeValue(moved.id(), description, "moved; graded again", moved[description])
    assert layer.deleteFeature(gone.id())
    assert layer.commitChanges(), layer.commitErrors()
    records = {r.description: r for r in S.read_sightings(gpkg)}
    assert set(records) == {"moved; graded again"}
    kept = records["moved; graded again"]
    assert (round(kept.lon, 6), round(kept.lat, 6)) == (35.40, 51.25)
    assert kept.source_reliability == "B", "undone"
    assert S.count_sightings(gpkg) == (1, 1), "the deleted sighting's sources went with it"
    sources.reload()
    assert sources.featureCount() == 1


def _fill_and_ok(controller, dialog, flush):
    sightings, sources = controller.layers()
    form = dialog.attributeForm()
    form.changeAttribute("unit_as_reported", "KPA 94th brigade")
    form.changeAttribute("observed_at", OBSERVED)  # empty until the analyst says when
    _add_source(sources, form.currentFormFeature()["sighting_id"])
    _ok_button(dialog).click()
    flush()


def test_ok_commits_through_qgis_in_one_transaction_group(adding, flush):
    from kpa_tracker.toolbelt.compat import automatic_transactions

    controller, gpkg = adding
    project = QgsProject.instance()
    assert not automatic_transactions(project)
    dialog = controller.add_at(*SUDZHA)
    sightings, sources = controller.layers()
    assert automatic_transactions(project), "while the form is open, both tables edit in one transaction"
    added = []
    sightings.featureAdded.connect(added.append)
    _fill_and_ok(controller, dialog, flush)
    assert S.count_sightings(gpkg) == (1, 1), controller.panel.message.text()
    assert added, "QGIS added the feature itself (featureAdded), so QGIS knows it: nothing to reload"
    assert sightings.featureCount() == 1
    assert not automatic_transactions(project), "the project's own setting is back"


def test_while_another_layer_is_edited_the_form_still_saves_in_one_transaction(adding, flush, tmp_path):
    from kpa_tracker.toolbelt.compat import automatic_transactions

    controller, gpkg = adding
    other = QgsVectorLayer("Point?crs=EPSG:4326&field=name:string", "my layer", "memory")
    QgsProject.instance().addMapLayer(other)
    assert other.startEditing()
    dialog = controller.add_at(*SUDZHA)
    assert not automatic_transactions(QgsProject.instance()), "QGIS cannot group layers while one is edited"
    _fill_and_ok(controller, dialog, flush)
    assert S.count_sightings(gpkg) == (1, 1), controller.panel.message.text()
    assert other.isEditable(), "the analyst's own editing is left alone"

"""The team workspace from the analyst's side, on a real PostgreSQL: the settings page, the same dock
workflow against the team database, and a conflict shown (theirs, mine) and resolved."""

import pytest
from qgis.core import QgsProject
from qgis.gui import QgsMapToolPan
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt
from qgis.PyQt.QtWidgets import QDialogButtonBox, QTableWidget

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.sightings import store as sightings_backend
from kpa_tracker.core.team import store as team_store
from kpa_tracker.core.team import tasks as team_tasks
from kpa_tracker.tests.sightings.test_sightings_core import sighting, source
from kpa_tracker.tests.sightings.test_sightings_ui import SUDZHA, _add_source, _ok_button
from kpa_tracker.tests.team.test_team_qgis import _rows
from kpa_tracker.tests.team.test_team_review import _review
from kpa_tracker.tests.team.test_team_roles import _try
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.dialogs.options_page import KpaOptionsPage
from kpa_tracker.ui.controllers.sightings import SightingsController
from kpa_tracker.ui.panels.sightings import SightingsPanel

TRICKY = "Seen near the bridge'); DROP TABLE kpa.sightings; -- \"quoted\"; 100% <b>sure</b>\n둘째 줄"


@pytest.fixture
def local_choice_restored():
    yield
    sightings_backend.choose(sightings_backend.LOCAL)


@pytest.fixture
def team_dock(team_db, qgis_connection, qgis_iface, shown_canvas, qgis_new_project, tmp_path, flush,
              local_choice_restored):
    """The dock's Sightings page with the settings pointing at a team database, as an analyst."""
    qgis_canvas = shown_canvas
    name = qgis_connection(team_db, "analyst")
    sightings_backend.choose(sightings_backend.TEAM, name)
    panel = SightingsPanel()
    connections = ConnectionRegistry()
    controller = SightingsController(qgis_iface, panel, connections, gpkg_path=tmp_path / "ws.gpkg")
    yield controller, team_db
    connections.disconnect_all()
    for layer in controller.layers():
        if layer is not None and layer.isEditable():
            layer.rollBack()
    controller.unload()
    qgis_canvas.setMapTool(QgsMapToolPan(qgis_canvas))
    QgsProject.instance().clear()
    panel.deleteLater()
    flush()


def _add_as(db, who, *descriptions):
    """Sightings added through the team store as `who` (one source each); returns their records."""
    conn = db.connect(who)
    try:
        return team_store.add_sightings(conn, [(sighting(description=d), [source()]) for d in descriptions])
    finally:
        conn.close()


def test_settings_page_chooses_a_qgis_connection_and_copies_local_sightings(team_db, qgis_connection, tmp_path,
                                                                           local_choice_restored, monkeypatch,
                                                                           qgis_iface):
    iface_for_label = qgis_iface
    name = qgis_connection(team_db, "analyst")
    local = tmp_path / "ws.gpkg"
    monkeypatch.setattr(S, "default_path", lambda: local)
    S.add_sighting(local, sighting(description="from my laptop"), [source(), source(url="https://example.org/2")])
    applied = []
    page = KpaOptionsPage(on_apply=lambda: applied.append(True))
    assert page.local.isChecked(), "the local workspace is the default"
    assert name in [page.connection.itemText(i) for i in range(page.connection.count())]
    page.team.setChecked(True)
    page.connection.setCurrentText(name)
    assert team_tasks.wait_for(page.check()).ok  # the check runs as a task; the page shows its outcome
    status = page.status.text()
    assert "kpa_t_analyst" in status and "analyst" in status and "Schema version 5, 0 sightings" in status, status
    report = team_tasks.wait_for(page.transfer(sightings_backend.TEAM)).result
    assert (report.copied, report.sources_copied) == (1, 2)
    assert "1 of 1 sightings copied" in page.transfer_result.text()
    assert _rows(team_db, "SELECT description FROM kpa.sightings") == [("from my laptop",)]
    again = team_tasks.wait_for(page.transfer(sightings_backend.TEAM)).result
    assert again.copied == 0 and len(again.skipped) == 1, "the same sighting is not copied twice"
    page.apply()
    assert applied == [True]
    panel, connections = SightingsPanel(), ConnectionRegistry()
    controller = SightingsController(iface_for_label, panel, connections)
    assert name in panel.store_label.text() and "team database" in panel.store_label.text()
    connections.disconnect_all()
    controller.unload()
    panel.deleteLater()
    store = sightings_backend.current()
    assert store.kind == sightings_backend.TEAM and store.connection_name == name
    page.local.setChecked(True)
    page.apply()
    assert sightings_backend.current().kind == sightings_backend.LOCAL
    page.deleteLater()


def test_no_password_of_the_team_connection_reaches_the_project(team_dock):
    controller, db = team_dock
    layer = controller.show_layer()
    assert layer is not None, controller.panel.message.text()
    _user, password = db.login("analyst")
    assert layer.providerType() == "postgres"
    assert password not in layer.source() and "authcfg=" in layer.source()
    assert "password" not in layer.source()


def test_the_team_layer_has_the_same_form_style_and_time_settings(team_dock):
    controller, _db = team_dock
    layer = controller.show_layer()
    assert layer is not None, controller.panel.message.text()
    assert layer.editorWidgetSetup(layer.fields().indexOf("source_reliability")).type() == "ValueMap"
    assert layer.temporalProperties().isActive()
    assert layer.renderer().classAttribute() == "map_class"
    assert layer.fields().field("observed_at").constraints().constraintExpression()
    assert controller.guard is not None and controller.guard.layer is layer
    assert QgsProject.instance().relationManager().relations(), "the sources relation"


def test_adding_a_sighting_through_the_form_writes_it_to_the_team_database(team_dock, flush):
    controller, db = team_dock
    dialog = controller.add_at(*SUDZHA)
    assert dialog is not None, controller.panel.message.text()
    sightings, sources = controller.layers()
    assert sightings.providerType() == "postgres"
    form = dialog.attributeForm()
    form.changeAttribute("unit_as_reported", "KPA 94th brigade")
    form.changeAttribute("observed_at", QDateTime(QDate(2024, 12, 20), QTime(8, 0), Qt.TimeSpec.UTC))  # no default
    form.changeAttribute("description", TRICKY)
    _add_source(sources, form.currentFormFeature()["sighting_id"], publisher="O'Brien; \"Daily\" -- News")
    assert _ok_button(dialog).isEnabled()
    _ok_button(dialog).click()
    flush()
    rows = _rows(db, "SELECT description, location_name, owner_role, row_version FROM kpa.sightings")
    assert rows == [(TRICKY, "Sudzha", "kpa_t_analyst", 1)], controller.panel.message.text()
    assert _rows(db, "SELECT publisher FROM kpa.sighting_sources") == [("O'Brien; \"Daily\" -- News",)]
    assert not sightings.isEditable() and sightings.featureCount() == 1
    rows = controller.refresh()
    assert len(rows) == 1 and rows[0][1] == "KPA 94th brigade", "the dock lists the team's sightings"


def test_a_conflict_is_shown_theirs_and_mine_and_resolved_without_losing_either(team_dock, flush):
    controller, db = team_dock
    first, second = _add_as(db, "analyst", "first", "second")
    layer = controller.show_layer()
    by_id = {f["sighting_id"]: f.id() for f in layer.getFeatures()}
    description = layer.fields().indexOf("description")
    assert layer.startEditing()
    layer.changeAttributeValue(by_id[first.sighting_id], description, "mine: column of 12 trucks")
    layer.changeAttributeValue(by_id[second.sighting_id], description, "mine: second")
    # Meanwhile a reviewer marks the first reviewed, and the same analyst, in another session, rewrites the second.
    _review(db, first.sighting_id)
    _try(db, "analyst", "UPDATE kpa.sightings SET description = 'theirs: second', row_version = row_version + 1 "
                        "WHERE sighting_id = %s", (second.sighting_id,))

    assert not layer.commitChanges(False), "the database refuses the stale save"
    flush()  # the plugin looks at the outcome once QGIS's commit has returned
    dialog = controller.conflict_dialog
    assert dialog is not None and dialog.isVisible(), layer.commitErrors()
    assert layer.editBuffer().changedAttributeValues()[by_id[first.sighting_id]][description] == \
        "mine: column of 12 trucks", "nothing of mine is lost"
    tables = dialog.findChildren(QTableWidget)
    shown = [[table.item(r, c).text() for r in range(table.rowCount()) for c in range(4)] for table in tables]
    flat = [text for rows in shown for text in rows]
    assert "theirs: second" in flat and "mine: second" in flat and "reviewed" in flat
    conflicts = [c for c, _choice in dialog.choices()]
    second_index = [c.sighting_id for c in conflicts].index(second.sighting_id)
    dialog.choose(second_index, dialog.TAKE_THEIRS)
    dialog.findChild(QDialogButtonBox).buttons()[0].click()  # "Save with these choices"
    flush()
    assert controller.conflict_dialog is None
    rows = dict(_rows(db, "SELECT description, review_status || ' v' || row_version FROM kpa.sightings"))
    # Mine on top of their version; and since I changed what the reviewer had reviewed, the database sends it
    # back for review. Theirs is kept where I chose theirs.
    assert rows == {"mine: column of 12 trucks": "unreviewed v3", "theirs: second": "unreviewed v2"}, rows
    assert not layer.isModified()


def test_after_a_server_restart_the_dock_carries_on_and_an_unreachable_server_gets_a_clear_message(
        team_dock, qgis_connection, flush):
    controller, db = team_dock
    _add_as(db, "analyst", "before the restart")
    layer = controller.show_layer()
    assert len(controller.refresh()) == 1
    db.server.restart()  # every open connection, QGIS's included, is cut
    assert len(controller.refresh()) == 1, controller.panel.message.text()
    dialog = controller.add_at(*SUDZHA)
    form = dialog.attributeForm()
    form.changeAttribute("unit_as_reported", "KPA 94th brigade")
    form.changeAttribute("observed_at", QDateTime(QDate(2024, 12, 20), QTime(8, 0), Qt.TimeSpec.UTC))  # no default
    _add_source(controller.layers()[1], form.currentFormFeature()["sighting_id"])
    _ok_button(dialog).click()
    flush()
    assert len(controller.refresh()) == 2, controller.panel.message.text()
    layer.reload()
    assert layer.featureCount() == 2, "QGIS's own connection comes back too"

    # A server that is not there: a sentence in the dock, no traceback.
    port = db.server.port
    db.server.port = 1  # nothing listens there
    try:
        dead = qgis_connection(db, "analyst")
    finally:
        db.server.port = port
    sightings_backend.choose(sightings_backend.TEAM, dead)
    assert controller.refresh() == []
    message = controller.panel.message.text()
    assert message.startswith("Could not connect to") and "Traceback" not in message, message
    _user, password = db.login("analyst")
    assert password not in message


def test_a_reopened_project_or_reloaded_plugin_still_guards_the_team_layer(team_dock, qgis_iface, flush):
    controller, db = team_dock
    record = _add_as(db, "analyst", "v1")[0]
    layer = controller.show_layer()
    # The plugin unloads and loads again (or the project is reopened): a new controller finds the layer.
    controller.unload()
    fresh_connections = ConnectionRegistry()
    fresh = SightingsController(qgis_iface, SightingsPanel(), fresh_connections)
    assert fresh.guard is not None and fresh.guard.layer is layer
    assert layer.startEditing()
    layer.changeAttributeValue(next(layer.getFeatures()).id(), layer.fields().indexOf("description"), "v2")
    assert layer.commitChanges(), layer.commitErrors()
    assert _rows(db, "SELECT description, row_version FROM kpa.sightings WHERE sighting_id = %s",
                      (record.sighting_id,)) == [("v2", 2)]
    fresh_connections.disconnect_all()
    fresh.unload()


def test_a_refused_store_switch_keeps_unsaved_team_edits_savable(team_dock, flush):
    controller, db = team_dock
    _add_as(db, "analyst", "before")
    layer = controller.show_layer()
    assert layer.startEditing()
    layer.changeAttributeValue(next(layer.getFeatures()).id(), layer.fields().indexOf("description"), "unsaved")
    sightings_backend.choose(sightings_backend.LOCAL)
    controller.store_changed()  # refused: unsaved edits
    assert controller.layers()[0] is layer and controller.guard is not None
    assert layer.commitChanges(), layer.commitErrors()
    assert _rows(db, "SELECT description FROM kpa.sightings") == [("unsaved",)]


def test_saving_and_stopping_reports_an_edit_of_a_sighting_deleted_meanwhile(team_dock, flush):
    controller, db = team_dock
    gone, kept = _add_as(db, "analyst", "gone", "kept")
    layer = controller.show_layer()
    by_id = {f["sighting_id"]: f.id() for f in layer.getFeatures()}
    description = layer.fields().indexOf("description")
    assert layer.startEditing()
    layer.changeAttributeValue(by_id[gone.sighting_id], description, "my words for the deleted one")
    layer.changeAttributeValue(by_id[kept.sighting_id], description, "kept, edited")
    # The same analyst, in another session, deletes one.
    _try(db, "analyst", "DELETE FROM kpa.sightings WHERE sighting_id = %s", (gone.sighting_id,))
    layer.commitChanges(True)  # QGIS's "save and stop editing"
    flush()
    dialog = controller.conflict_dialog
    assert dialog is not None, "the lost change is reported, not dropped in silence"
    texts = [t.item(r, 3).text() for t in dialog.findChildren(QTableWidget) for r in range(t.rowCount())]
    assert "my words for the deleted one" in texts
    assert _rows(db, "SELECT description FROM kpa.sightings") == [("kept, edited",)]
    dialog.accept()
    flush()


def test_a_database_refusal_at_ok_reopens_the_form_with_everything_kept(team_dock, flush):
    controller, db = team_dock
    dialog = controller.add_at(*SUDZHA)
    sightings, sources = controller.layers()
    review = sightings.fields().indexOf("review_status")
    assert sightings.editFormConfig().readOnly(review), "an analyst's form does not offer the review status"
    form = dialog.attributeForm()
    form.changeAttribute("unit_as_reported", "KPA 94th brigade")
    form.changeAttribute("observed_at", QDateTime(QDate(2024, 12, 20), QTime(8, 0), Qt.TimeSpec.UTC))  # no default
    form.changeAttribute("description", "typed with care")
    form.changeAttribute("review_status", "reviewed")  # as a client without the form's hint would
    _add_source(sources, form.currentFormFeature()["sighting_id"])
    _ok_button(dialog).click()
    flush()
    assert "only a reviewer" in controller.panel.message.text()
    assert _rows(db, "SELECT count(*) FROM kpa.sightings") == [(0,)]
    reopened = controller.dialog
    assert reopened is not None and reopened.attributeForm().currentFormFeature()["description"] == "typed with care"
    reopened.reject()
    flush()
    assert not sightings.isEditable() and sightings.featureCount() == 0


def test_a_reader_is_told_the_layer_is_read_only(team_db, qgis_connection, qgis_iface, tmp_path, flush,
                                                local_choice_restored):
    sightings_backend.choose(sightings_backend.TEAM, qgis_connection(team_db, "reader"))
    panel = SightingsPanel()
    connections = ConnectionRegistry()
    controller = SightingsController(qgis_iface, panel, connections, gpkg_path=tmp_path / "ws.gpkg")
    assert controller.add_at(*SUDZHA) is None
    assert "read-only" in panel.message.text()
    connections.disconnect_all()
    controller.unload()
    QgsProject.instance().clear()
    panel.deleteLater()
    flush()


def _reviewed_sighting(db, description):
    record = _add_as(db, "analyst", description)[0]
    _review(db, record.sighting_id)
    return record


def test_my_own_source_change_saved_first_is_no_conflict_with_myself(team_dock, flush):
    controller, db = team_dock
    record = _reviewed_sighting(db, "reviewed once")
    layer = controller.show_layer()
    _same, sources = controller.layers()
    assert layer.startEditing() and sources.startEditing()
    fid = next(layer.getFeatures()).id()
    layer.changeAttributeValue(fid, layer.fields().indexOf("description"), "typo fixed")
    _add_source(sources, record.sighting_id, url="https://example.org/second")
    assert sources.commitChanges(), sources.commitErrors()  # the relation editor's own "save child edits"
    assert _rows(db, "SELECT review_status, row_version FROM kpa.sightings") == [("unreviewed", 3)]
    assert layer.commitChanges(), layer.commitErrors()
    flush()
    assert controller.conflict_dialog is None
    assert _rows(db, "SELECT description, review_status, row_version FROM kpa.sightings") == [
        ("typo fixed", "unreviewed", 4)]


def test_a_duplicated_team_layer_leaves_the_original_guarded(team_dock, flush):
    controller, db = team_dock
    _reviewed_sighting(db, "original")
    layer = controller.show_layer()
    copy = layer.clone()  # as QGIS's Duplicate Layer does: custom properties come along
    QgsProject.instance().addMapLayer(copy)
    assert controller.team.guard_of(layer) is not None and controller.team.guard_of(copy) is not None
    assert layer.startEditing()
    layer.changeAttributeValue(next(layer.getFeatures()).id(), layer.fields().indexOf("description"), "still guarded")
    assert layer.commitChanges(), layer.commitErrors()
    QgsProject.instance().removeMapLayer(copy.id())
    assert controller.team.guard_of(layer) is not None and len(controller.team.guards) == 1

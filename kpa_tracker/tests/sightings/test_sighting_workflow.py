"""The sighting workflow without rough edges (issue #17), in real QGIS with real events of the curated data:
the refusal reason inside the form and no stale message bar after a success; the claim-status warning;
Null Island refused by the validator, the form's constraint and the GeoPackage's trigger; a typed year
taken by the date-time editor, the observed time empty until set; a list click that selects the sighting
and pans to it; details that say each value once."""

import datetime

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsPointXY, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapToolPan
from qgis.PyQt.QtCore import QDate, QDateTime, QPoint, Qt, QTime
from qgis.PyQt.QtTest import QTest
from qgis.PyQt.QtWidgets import QDateTimeEdit, QDialogButtonBox, QLabel, QLineEdit

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.domain import consistency as C
from kpa_tracker.core.domain import validation as V
from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.sightings import layers as L
from kpa_tracker.core.sightings.html import observed_text, sighting_html
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.controllers import sightings as SC
from kpa_tracker.ui.panels.sightings import SightingsPanel

NOW = datetime.datetime(2025, 1, 10, 12, tzinfo=datetime.timezone.utc)
STRIKE = "ev-2024-12-20-novoivanovka-strike"  # near Sudzha, 20 December 2024: Kyiv Independent and Kyiv Post
PLEKHOVO = "ev-2024-12-06-plekhovo-capture-claim"  # 6 December 2024, south of Sudzha


def _event(event_id):
    return next(f for f in curated.load_cached()[1].features["events"] if f.id == event_id)


def _sources_of(event_id):
    return [{"url": s.url, "publisher": s.publisher, "published_at": s.date if len(s.date) == 10 else None}
            for s in _event(event_id).sources]


def _sighting_of(event_id, **overrides):
    event = _event(event_id)
    lon, lat = event.coordinates
    values = {"lon": lon, "lat": lat, "observed_at": event.valid_from + "T08:00:00Z", "time_precision": 1,
              "geo_precision": 2, "location_name": event.name, "source_reliability": "B", "info_credibility": 2,
              "claim_status": "reported", "unit_as_reported": "North Korean soldiers",
              "description": "Test entry from the curated event {}".format(event_id)}
    values.update(overrides)
    return values


# --- the claim status against the grades and sources -----------------------------------------------------

def test_confirmed_with_f6_and_one_source_is_warned_about_and_still_accepted():
    one = _sources_of(STRIKE)[1:]  # the Kyiv Post only
    values = _sighting_of(STRIKE, claim_status="confirmed", source_reliability="F", info_credibility=6)
    warnings = C.claim_warnings(values, one)
    assert len(warnings) == 3, warnings
    joined = " ".join(warnings)
    for field in ("claim_status", "info_credibility", "source_reliability", "sources"):
        assert "({})".format(field) in joined, field
    assert "6 (truth cannot be judged)" in joined and "F (reliability cannot be judged)" in joined
    assert "1 independent source(s)" in joined
    record, problems = V.clean_sighting(values, one, now=NOW)
    assert problems == [] and record is not None, "a warning, not a refusal"
    assert C.claim_warnings(record) == warnings, "the same sentences from the stored record"


def test_confirmed_with_two_independent_b2_sources_has_no_warning():
    both = _sources_of(STRIKE)  # The Kyiv Independent and the Kyiv Post: two publishers, two reports
    assert C.independent_sources(both) == 2
    assert C.claim_warnings(_sighting_of(STRIKE, claim_status="confirmed"), both) == []
    # The same report twice (a repost of the same URL under another name) is one source, not two.
    repost = [both[1], dict(both[1], publisher="A channel reposting it")]
    assert C.independent_sources(repost) == 1
    assert "1 independent source(s)" in " ".join(C.claim_warnings(_sighting_of(STRIKE, claim_status="confirmed"),
                                                                  repost))
    # "reported" with information "confirmed by other sources" disagrees the other way round.
    [warning] = C.claim_warnings(_sighting_of(STRIKE, info_credibility=1), both)
    assert "'reported'" in warning and "(info_credibility)" in warning


# --- Null Island --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("lon, lat, refused", [(0, 0, True), (-0.0, 0.0, True), (9e-7, -9e-7, True),
                                               (2 ** -20, 0, False), (0, 51.19, False), (35.33, 51.1, False)])
def test_null_island_is_refused_by_the_validator_with_the_field_named(lon, lat, refused):
    _record, problems = V.clean_sighting(_sighting_of(PLEKHOVO, lon=lon, lat=lat), _sources_of(PLEKHOVO), now=NOW)
    texts = [str(p) for p in problems]
    assert any("Longitude (lon)" in t and "Null Island" in t for t in texts) is refused, texts


def test_null_island_is_refused_by_the_geopackage_for_a_plain_qgis_edit(tmp_path):
    """QGIS's own editing on the GeoPackage (no plugin code in between): the file's trigger refuses it."""
    gpkg = tmp_path / "ws.gpkg"
    record = S.add_sighting(gpkg, _sighting_of(PLEKHOVO), _sources_of(PLEKHOVO), now=NOW)
    layer = QgsVectorLayer(L.sightings_uri(gpkg), "sightings", "ogr")
    assert layer.isValid()
    existing = next(layer.getFeatures())
    # a new sighting at 0, 0
    feature = QgsFeature(existing)
    feature.setId(-1)
    feature.setAttribute(layer.fields().indexOf("fid"), None)
    feature.setAttribute(layer.fields().indexOf("sighting_id"), "0e6c7b8a-1111-4000-8000-000000000017")
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(0, 0)))
    layer.startEditing()
    layer.addFeature(feature)
    assert not layer.commitChanges()
    assert "Null Island" in " ".join(layer.commitErrors()) and "(lon)" in " ".join(layer.commitErrors())
    layer.rollBack()
    # the stored one moved to 0, 0
    layer.startEditing()
    layer.changeGeometry(existing.id(), QgsGeometry.fromPointXY(QgsPointXY(0.0000001, 0)))
    assert not layer.commitChanges()
    assert "Null Island" in " ".join(layer.commitErrors())
    layer.rollBack()
    # moved a few hundred metres, as an analyst corrects a place: allowed
    layer.startEditing()
    layer.changeGeometry(existing.id(), QgsGeometry.fromPointXY(QgsPointXY(35.335, 51.102)))
    assert layer.commitChanges(), layer.commitErrors()
    [stored] = S.read_sightings(gpkg)
    assert stored.sighting_id == record.sighting_id and abs(stored.lon - 35.335) < 1e-9
    assert S.count_sightings(gpkg) == (1, 2)


def test_null_island_is_refused_by_the_store_and_an_import_s_writer(tmp_path):
    gpkg = tmp_path / "ws.gpkg"
    with pytest.raises(V.SightingValidationError, match="Null Island"):
        S.add_sightings(gpkg, [(_sighting_of(PLEKHOVO, lon=0, lat=0), _sources_of(PLEKHOVO))], now=NOW)
    assert not gpkg.exists() or S.count_sightings(gpkg) == (0, 0)


# --- details say each value once -------------------------------------------------------------------------

def test_details_say_each_value_once():
    record, problems = V.clean_sighting(_sighting_of(STRIKE, location_name="Novoivanovka"), _sources_of(STRIKE),
                                        now=NOW)
    assert problems == []
    text = sighting_html(record)
    assert "20 Dec 2024 08:00 UTC (exact)" in text
    assert "Reported, unreviewed" in text
    assert "B2 — source usually reliable, information probably true" in text
    assert "Novoivanovka (near a named place)" in text
    for doubled in ("reported (Reported)", "(Exact date)", "T08:00:00Z", "B (Usually reliable)", "2 (Probably",
                    "(Unreviewed)", "2 (Near a named place)"):
        assert doubled not in text, doubled
    assert "⚠" not in text, "two independent sources and B2: nothing to warn about"
    week = observed_text(record.observed_at, 2)
    month = observed_text(record.observed_at, 3)
    assert (week, month) == ("20 Dec 2024 (within about a week)", "December 2024 (month only)")
    warned = sighting_html(V.clean_sighting(_sighting_of(STRIKE, claim_status="confirmed", source_reliability="F",
                                                         info_credibility=6), _sources_of(STRIKE)[1:], now=NOW)[0])
    assert warned.count("⚠") == 3 and "(claim_status)" in warned


# --- the form ----------------------------------------------------------------------------------------------

@pytest.fixture
def adding(qgis_iface, shown_canvas, qgis_new_project, tmp_path, flush):
    panel = SightingsPanel()
    connections = ConnectionRegistry()
    controller = SC.SightingsController(qgis_iface, panel, connections, gpkg_path=tmp_path / "ws.gpkg")
    qgis_iface.messageBar().clearWidgets()
    yield controller, tmp_path / "ws.gpkg"
    connections.disconnect_all()
    controller.unload()
    shown_canvas.setMapTool(QgsMapToolPan(shown_canvas))
    QgsProject.instance().clear()
    qgis_iface.messageBar().clearWidgets()
    panel.deleteLater()
    flush()


def _status(dialog):
    return dialog.findChild(QLabel, "KpaSightingFormStatus")


def _ok(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def _add_sources(sources, sighting_id, cited):
    from qgis.core import QgsVectorLayerUtils

    for values in cited:
        attributes = {sources.fields().indexOf("sighting_id"): sighting_id}
        for name, value in values.items():
            attributes[sources.fields().indexOf(name)] = value
        assert sources.addFeature(QgsVectorLayerUtils.createFeature(sources, QgsGeometry(), attributes,
                                                                    sources.createExpressionContext()))


def _observed_editor(dialog):
    return next(e for e in dialog.findChildren(QDateTimeEdit) if e.objectName() == "observed_at")


def test_the_observed_time_is_empty_and_a_typed_year_is_taken(adding, flush):
    controller, _gpkg = adding
    lon, lat = _event(STRIKE).coordinates
    dialog = controller.add_at(lon, lat)
    form = dialog.attributeForm()
    assert form.currentFormFeature()["observed_at"] is None or form.currentFormFeature()["observed_at"].isNull()
    status = _status(dialog)
    assert status is not None and status.isVisible()
    assert "Observed (UTC) (observed_at): required" in status.text(), "the reason, inside the form"
    assert not _ok(dialog).isEnabled()
    editor = _observed_editor(dialog)
    line_edit = editor.findChild(QLineEdit)
    QTest.mouseClick(line_edit, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(line_edit.width() // 2, line_edit.height() // 2))
    QTest.keyClicks(editor, "2024-12-20 08:00")  # real key events, as typed
    flush()
    typed = form.currentFormFeature()["observed_at"]
    assert typed.date() == QDate(2024, 12, 20) and typed.time() == QTime(8, 0), typed
    assert "observed_at" not in status.text(), "the reason goes once the time is given"
    dialog.reject()
    flush()


def test_a_refusal_is_shown_in_the_form_and_a_later_success_clears_the_bar(adding, qgis_iface, flush):
    controller, gpkg = adding
    bar = qgis_iface.messageBar()
    controller._push_refusal("Sighting refused earlier by the team database")  # as when no form could reopen
    assert len(bar.items()) == 1
    lon, lat = _event(STRIKE).coordinates
    dialog = controller.add_at(lon, lat)
    sightings, sources = controller.layers()
    form = dialog.attributeForm()
    form.changeAttribute("unit_as_reported", "North Korean soldiers")
    form.changeAttribute("observed_at", QDateTime(QDate(2024, 12, 20), QTime(8, 0), Qt.TimeSpec.UTC))
    cited = _sources_of(STRIKE)
    # The Kyiv Post's page is dated by month only; given as 2030 here, the validator refuses it at OK.
    _add_sources(sources, form.currentFormFeature()["sighting_id"], [cited[0], dict(cited[1], published_at="2030-01-01")])
    flush()
    assert _ok(dialog).isEnabled()
    _ok(dialog).click()
    flush()
    assert S.count_sightings(gpkg) == (0, 0)
    reopened = controller.dialog
    assert reopened is not None and reopened.isVisible()
    status = _status(reopened)
    assert status.isVisible() and "Not saved" in status.text() and "2030-01-01 is in the future" in status.text()
    assert "Published (published_at)" in status.text(), "the reason names the field"
    assert status.text().count("2030-01-01 is in the future") == 1, "said once, not again as a problem"
    assert len(bar.items()) == 1, "the reason went into the form, not into another bar behind it"
    bad = [f for f in sources.getFeatures() if f["published_at"] == "2030-01-01"]
    sources.changeAttributeValue(bad[0].id(), sources.fields().indexOf("published_at"), None)
    _ok(reopened).click()
    flush()
    assert S.count_sightings(gpkg) == (1, 2), controller.panel.message.text()
    assert bar.items() == [], "no stale 'Sighting not saved' after the success"


def test_the_form_warns_when_confirmed_rests_on_f6_and_one_source(adding, flush):
    controller, gpkg = adding
    lon, lat = _event(STRIKE).coordinates
    dialog = controller.add_at(lon, lat)
    _sightings, sources = controller.layers()
    form = dialog.attributeForm()
    form.changeAttribute("unit_as_reported", "North Korean soldiers")
    form.changeAttribute("observed_at", QDateTime(QDate(2024, 12, 20), QTime(8, 0), Qt.TimeSpec.UTC))
    form.changeAttribute("claim_status", "confirmed")  # with the defaults F and 6
    _add_sources(sources, form.currentFormFeature()["sighting_id"], _sources_of(STRIKE)[1:])
    flush()
    text = _status(dialog).text()
    assert "Warning (it can still be saved)" in text and "Before it can be saved" not in text
    assert "(claim_status)" in text and "(info_credibility)" in text and "(sources)" in text
    assert _ok(dialog).isEnabled(), "a warning does not stop the save"
    form.changeAttribute("source_reliability", "B")
    form.changeAttribute("info_credibility", 2)
    _add_sources(sources, form.currentFormFeature()["sighting_id"], _sources_of(STRIKE)[:1])
    flush()
    assert not _status(dialog).isVisible(), "two independent B2 sources: nothing to say"
    _ok(dialog).click()
    flush()
    assert S.count_sightings(gpkg) == (1, 2)


def test_null_island_cannot_be_saved_through_the_form(adding, flush):
    controller, gpkg = adding
    dialog = controller.add_at(0.0, 0.0)
    _sightings, sources = controller.layers()
    form = dialog.attributeForm()
    form.changeAttribute("unit_as_reported", "North Korean soldiers")
    form.changeAttribute("observed_at", QDateTime(QDate(2024, 12, 6), QTime(8, 0), Qt.TimeSpec.UTC))
    _add_sources(sources, form.currentFormFeature()["sighting_id"], _sources_of(PLEKHOVO))
    flush()
    assert not _ok(dialog).isEnabled(), "the form's constraint"
    assert "Longitude (lon)" in _status(dialog).text() and "Null Island" in _status(dialog).text()
    dialog.reject()
    flush()
    assert S.count_sightings(gpkg) == (0, 0)


# --- the list and the map ------------------------------------------------------------------------------------

def _click_row(table, row):
    rect = table.visualRect(table.model().index(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())


def test_a_list_click_selects_the_sighting_and_pans_to_it(adding, shown_canvas, flush):
    from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsRectangle

    controller, gpkg = adding
    S.add_sightings(gpkg, [(_sighting_of(STRIKE), _sources_of(STRIKE)),
                           (_sighting_of(PLEKHOVO, claim_status="claimed"), _sources_of(PLEKHOVO))], now=NOW)
    controller.show_layer()
    sightings, _sources = controller.layers()
    panel = controller.panel
    panel.start.setDate(QDate(2024, 12, 1))
    panel.end.setDate(QDate(2024, 12, 31))
    panel.show()
    controller.refresh()
    assert panel.table.rowCount() == 2
    canvas = shown_canvas
    to_canvas = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), canvas.mapSettings().destinationCrs(),
                                       QgsProject.instance())
    canvas.setExtent(to_canvas.transformBoundingBox(QgsRectangle(30, 35, 135, 60)))  # the theatre
    flush()
    assert canvas.scale() > SC.FOCUS_ABOVE_SCALE
    assert sightings.selectedFeatureCount() == 0, "refreshing the list moves nothing"
    for row in range(2):
        record = controller.records[row]
        _click_row(panel.table, row)
        flush()
        selected = list(sightings.getSelectedFeatures())
        assert [f["sighting_id"] for f in selected] == [record.sighting_id]
        centre = to_canvas.transform(QgsPointXY(record.lon, record.lat))
        assert canvas.center().distance(centre) < canvas.mapUnitsPerPixel() * 2
        if row == 0:
            assert abs(canvas.scale() - SC.FOCUS_SCALE) / SC.FOCUS_SCALE < 0.05, "zoomed in from the theatre"
            kept = canvas.scale()
        else:
            assert abs(canvas.scale() - kept) / kept < 0.01, "at the Kursk scale the map keeps its scale"

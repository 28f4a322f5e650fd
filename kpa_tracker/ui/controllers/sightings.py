"""Connects the dock's Sightings page to the sightings core: adding a sighting through QGIS's own
attribute form, the layer, the list, filters, corroboration.

Adding: a map click (PointPickTool, snapped) or typed coordinates (parsed and shown back first) opens
the layer's attribute form on a new feature pre-filled with the nearest place; the form's relation
editor collects the sources. On the local store both tables are edited in one QGIS transaction group
while the form is open: OK validates the sighting with its sources once and QGIS commits both
(`_finish_in_group`). The team store, and the local one while another layer is being edited, keep
the form's edit buffers and write them in one transaction through the store (`commit_new_sightings`).
A refusal reopens the form with everything typed kept; Cancel rolls both layers back.
"""

import datetime
import html

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsExpression,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsVectorDataProvider,
    QgsVectorLayerTools,
    QgsVectorLayerUtils,
)
from qgis.gui import (
    QgsAttributeDialog,
    QgsAttributeEditorContext,
    QgsDualView,
    QgsMessageBarItem,
    QgsRelationEditorWidget,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt, QTimer
from qgis.PyQt.QtWidgets import QFileDialog, QTabWidget

from ...core.curated import data as curated
from ...toolbelt import log
from ...toolbelt.i18n import tr
from ...core.sightings import store as sightings_backend
from ...core.coordinates.parse import CoordinateError, format_decimal, parse_coordinates
from ...core.measure.geodesy import WGS84
from ...core.project.layers import find_loaded, plugin_group
from ...core.sightings.html import sighting_html
from ...core.domain.records import AttachmentError, SightingError
from ...core.sightings.attachments import attach_file, check_attachment
from ...core.domain.validation import claim_warnings, clean_sighting
from ...core.sightings.layers import commit_new_sightings, sighting_from_feature, source_from_feature
from ...toolbelt.compat import automatic_transactions, set_automatic_transactions
from ...core.sightings.form import configure_form
from ...core.sightings.query import Corroboration, corroboration_details, nearest_place_name
from ...core.team.connection import TeamError
from ...core.sightings.utc_edits import respec_pending_datetimes
from ...maptools.point_pick_tool import PointPickTool
from ..screen import fit_on_screen
from ..team_conflicts import TeamConflicts
from .sighting_form import FormStatus, blank_for_null, hide_source_keys, typed_dates

SIGHTINGS_PROPERTY = "kpa_tracker/sightings"
FOCUS_ABOVE_SCALE = 2_000_000  # a list click zooms in from beyond 1:2,000,000 (the theatre) ...
FOCUS_SCALE = 250_000  # ... to 1:250,000, where a village and the roads around it show
LISTED = 5  # neighbours named in a corroboration paragraph; the rest are counted ("and 3 more")
STORE_PROPERTY = "kpa_tracker/sightings_store"  # which store the layer shows (local file or team connection)


def _number(value: float) -> str:
    return "{:g}".format(value)


def _listed(neighbours, with_origin: bool) -> str:
    items = []
    for neighbour in neighbours[:LISTED]:
        text = neighbour.description
        if with_origin:
            text = tr("{} ({})").format(text, neighbour.reason)
        items.append("<li>{}</li>".format(html.escape(text)))
    if len(neighbours) > LISTED:
        items.append("<li>{}</li>".format(html.escape(tr("and {} more").format(len(neighbours) - LISTED))))
    return "<ul>{}</ul>".format("".join(items))


def corroboration_html(entry: Corroboration, distance_km: float, days: float) -> str:
    """Why a sighting counts as corroborated or not, as rich text: every quoted name and URL escaped."""
    within = (_number(distance_km), _number(days))
    if entry.count:
        parts = ["<p>{}</p>".format(html.escape(tr("Corroborated by {} independent sighting(s) within {} km and "
                                                   "{} days:").format(entry.count, *within))),
                 _listed(entry.by, False)]
        if entry.not_counted:
            parts.append("<p>{}</p>".format(html.escape(tr("Not counted, {} sighting(s) nearby with the same "
                                                           "origin:").format(len(entry.not_counted)))))
            parts.append(_listed(entry.not_counted, True))
        return "".join(parts)
    if not entry.not_counted:
        return "<p>{}</p>".format(html.escape(tr("Not corroborated: no other sighting of this unit within {} km "
                                                 "and {} days.").format(*within)))
    origins = {n.origin for n in entry.not_counted}
    if len(origins) == 1:  # one shared origin: say it once
        head = tr("Not corroborated: {} sighting(s) nearby cite(s) {}, so not an independent report:").format(
            len(entry.not_counted), next(iter(origins)))
        return "<p>{}</p>{}".format(html.escape(head), _listed(entry.not_counted, False))
    head = tr("Not corroborated: {} sighting(s) nearby, none of them with independent sources:").format(
        len(entry.not_counted))
    return "<p>{}</p>{}".format(html.escape(head), _listed(entry.not_counted, True))


class SightingsController:
    def __init__(self, iface, panel, connections, gpkg_path=None):
        self.iface = iface
        self.connections = connections  # undone by the plugin's unload (and by tests' disconnect_all)
        self.panel = panel
        self.gpkg_path = gpkg_path
        self.records = []
        self.corroboration = {}  # sighting_id -> Corroboration, as the list was last computed
        self._corroborated_within = (10.0, 7.0)  # the km and days it was computed for
        self.dialog = None  # the open "Add sighting" form
        self._was_editing = [False, False]  # the sightings and sources layers' editing before an add
        self._grouped = False  # the open form edits both tables in one QGIS transaction group
        self._restore_groups = None  # the project's transaction-group setting to go back to
        self._feature = None  # the new sighting the form shows (the dialog does not own it)
        self.form_status = None  # the open form's own line: why it cannot be saved, warnings, a refusal
        self._bar_item = None  # the "Sighting not saved" message bar item, removed after a later success
        self._listing = False  # the list is being refilled: choosing a row then does not move the map
        self.team = TeamConflicts(iface.mainWindow(), panel.message.setText)  # the team layer's guard
        self.tool = PointPickTool(iface.mapCanvas())
        connections.connect(panel.pickRequested, self.pick)
        connections.connect(panel.coordinatesEdited, self.preview)
        connections.connect(panel.addAtCoordinatesRequested, self.add_at_text)
        connections.connect(panel.attachRequested, self.attach)
        connections.connect(self.tool.picked, self.add_at)
        connections.connect(self.tool.cancelled, self.stop_picking)
        connections.connect(panel.showRequested, self.show_layer)
        connections.connect(panel.refreshRequested, self.refresh)
        connections.connect(panel.rowChosen, self.choose_row)
        # A team layer from a reopened project, or one present when the plugin (re)loads, gets its guard.
        connections.connect(QgsProject.instance().layersAdded, lambda _layers: self.ensure_guard())
        connections.connect(QgsProject.instance().layersWillBeRemoved, self._layers_leaving)
        self.ensure_guard()
        self.show_store()

    def show_store(self):
        self.panel.store_label.setText(tr("Sightings are kept in {}.").format(self.store().describe()))

    def store(self):
        """The local workspace or the team database, as the plugin's settings say."""
        return sightings_backend.current(self.gpkg_path)

    def layers(self):
        """The project's Sightings layer and its sources layer, as the plugin added them, or (None, None)."""
        found = {}
        for layer in QgsProject.instance().mapLayers().values():
            role = layer.customProperty(SIGHTINGS_PROPERTY)
            if role in ("sightings", "sources"):
                found[role] = layer
        return found.get("sightings"), found.get("sources")

    def show_layer(self):
        """Add the Sightings layer (with its sources table, form, style and time settings), once."""
        project = QgsProject.instance()
        store = self.store()
        shown, _sources = self.layers()
        if shown is not None and shown.customProperty(STORE_PROPERTY) == store.key():
            self.ensure_guard()
            return shown
        try:
            if shown is not None:  # the settings now choose another store
                self.remove_layers()
            sightings, sources = store.open_layers()
        except (SightingError, TeamError) as exc:
            self.panel.message.setText(str(exc))
            log.warning(str(exc))
            return None
        for layer, role in ((sightings, "sightings"), (sources, "sources")):
            layer.setCustomProperty(SIGHTINGS_PROPERTY, role)
            layer.setCustomProperty(STORE_PROPERTY, store.key())
            project.addMapLayer(layer, False)  # layersAdded: ensure_guard() guards a team layer
        group = plugin_group(project)
        group.insertLayer(0, sightings)
        group.addLayer(sources).setItemVisibilityChecked(False)
        configure_form(sightings, sources, find_loaded(project, "units"), project)  # keeps read-only flags
        if sightings.providerType() == "ogr":  # see core/utc_edits.py
            self.connections.connect(sightings.beforeCommitChanges,
                                     lambda *_stop_editing: respec_pending_datetimes(sightings))
        self.panel.message.setText(tr("Sightings of {} shown. Add one above; the layer is also yours to edit "
                                   "with QGIS's own tools (move, edit attributes, undo, delete).")
                                   .format(store.describe()))
        return sightings

    def store_changed(self):
        """The settings page chose another store: show its sightings instead, if sightings were shown."""
        self.show_store()
        shown, _sources = self.layers()
        if shown is None or shown.customProperty(STORE_PROPERTY) == self.store().key():
            return
        try:
            self.remove_layers()
        except SightingError as exc:
            self.iface.messageBar().pushWarning(tr("KPA Tracker"), str(exc))
            return
        self.show_layer()

    def remove_layers(self):
        """Take the plugin's sightings layers out of the project (e.g. when the store changes)."""
        sightings, sources = self.layers()
        for layer in (sightings, sources):
            if layer is not None and layer.isEditable() and layer.isModified():
                raise SightingError(tr("{} has unsaved edits: save or discard them before switching where "
                                    "sightings are kept").format(layer.name()))
        self.team.detach()
        QgsProject.instance().removeMapLayers([layer.id() for layer in (sightings, sources) if layer is not None])

    def ensure_guard(self):
        """Every team sightings layer in the project has its VersionGuard; returns the shown layer's."""
        if self.tool is None:  # unloaded: guards belong to the controller that is loaded now
            return None
        team = {"sightings": [], "sources": []}
        for layer in QgsProject.instance().mapLayers().values():
            role = layer.customProperty(SIGHTINGS_PROPERTY)
            if role in team and str(layer.customProperty(STORE_PROPERTY) or "").startswith("team:"):
                team[role].append(layer)
        adopted = [layer for layer in team["sightings"] if self.team.guard_of(layer) is None]
        self.team.follow(team["sightings"], team["sources"])
        for layer in adopted:  # e.g. from a project saved by someone with another role
            self._limit_review_status(layer, self.store())
        return self.guard

    @property
    def guard(self):
        return self.team.guard_of(self.layers()[0])

    @property
    def conflict_dialog(self):
        return self.team.dialog

    def _layers_leaving(self, layer_ids):
        self.team.forget(layer_ids)

    def _limit_review_status(self, sightings, store):
        """Only reviewers set a review status (the database enforces it; the form says so up front)."""
        from ...core.team.status import team_status

        if store.kind != sightings_backend.TEAM:
            return
        try:
            status = team_status(store.connection_name)
        except TeamError:
            return
        config = sightings.editFormConfig()
        config.setReadOnly(sightings.fields().indexOf("review_status"),
                           not (status.admin or "kpa_reviewer" in status.roles))
        sightings.setEditFormConfig(config)

    # --- adding a sighting -------------------------------------------------------------------

    def pick(self):
        self.iface.mapCanvas().setMapTool(self.tool)
        self.panel.message.setText(tr("Click where the unit was seen (snapping applies). Esc or right-click "
                                   "cancels."))

    def stop_picking(self):
        canvas = self.iface.mapCanvas()
        if canvas.mapTool() is self.tool:
            canvas.unsetMapTool(self.tool)
        self.panel.message.setText("")

    def preview(self, text):
        """Show back what the typed coordinates mean, and where that is, before anything is saved."""
        if not text.strip():
            self.panel.show_parse("", False)
            return None
        try:
            parsed = parse_coordinates(text)
        except CoordinateError as exc:
            self.panel.show_parse(str(exc), False)
            return None
        place = nearest_place_name(parsed.lon, parsed.lat).text
        self.panel.show_parse("{}{}".format(parsed.display, " — " + place if place else ""), True)
        return parsed

    def add_at_text(self, text):
        parsed = self.preview(text)
        if parsed is not None:
            return self.add_at(parsed.lon, parsed.lat)
        return None

    def add_at(self, lon, lat):
        """Open the sighting form on a new point at lon/lat (WGS 84). Returns the dialog, or None."""
        self.stop_picking()
        if self.dialog is not None:
            self.dialog.raise_()
            self.panel.message.setText(tr("Finish or cancel the sighting form that is open first."))
            return None
        sightings = self.show_layer()
        _same, sources = self.layers()
        if sightings is None or sources is None:
            return None
        for layer in (sightings, sources):
            if layer.isEditable() and layer.isModified():
                self.panel.message.setText(
                    tr("{} has unsaved edits: save or discard them first (the new sighting is written in one "
                    "transaction with its sources, apart from other edits).").format(layer.name()))
                return None
        if not sightings.dataProvider().capabilities() & QgsVectorDataProvider.AddFeatures:
            self.panel.message.setText(tr("{} is read-only for you (your login may read sightings but not add "
                                       "them).").format(sightings.name()))
            return None
        self._was_editing = [layer.isEditable() for layer in (sightings, sources)]
        if self.guard is not None:
            self.guard.suspend_snapshots(True)  # the new sighting is written apart from the layer
        self._grouped = self._begin_group(sightings, sources)
        for layer in (sightings, sources):
            if not layer.isEditable():
                layer.startEditing()
        to_layer = QgsCoordinateTransform(QgsCoordinateReferenceSystem(WGS84), sightings.crs(),
                                          QgsProject.instance())
        point = to_layer.transform(QgsPointXY(lon, lat))
        place = nearest_place_name(lon, lat).text
        prefill = {sightings.fields().indexOf("location_name"): place} if place else {}
        feature = QgsVectorLayerUtils.createFeature(sightings, QgsGeometry.fromPointXY(point), prefill,
                                                    sightings.createExpressionContext())
        self.panel.message.setText(tr("New sighting at {}{}: fill in the form and add at least one source.")
                                   .format(format_decimal(lon, lat, 5), " (" + place + ")" if place else ""))
        return self._open_form(sightings, feature, QgsAttributeEditorContext.Mode.AddFeatureMode)

    def _open_form(self, layer, feature, mode, refusal=None):
        context = QgsAttributeEditorContext()
        tools = self.iface.vectorLayerTools()
        if isinstance(tools, QgsVectorLayerTools):  # the relation editor adds sources through these
            context.setVectorLayerTools(tools)
        context.setMapCanvas(self.iface.mapCanvas())
        self._feature = feature  # the dialog does not own it
        dialog = QgsAttributeDialog(layer, self._feature, False, self.iface.mainWindow(), True, context)
        dialog.setMode(mode)
        dialog.setWindowTitle(tr("New sighting"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(self._form_finished)
        # Sources read best as a table (URL, publisher, published) than as QGIS's default list-and-form.
        for editor in dialog.findChildren(QgsRelationEditorWidget):
            editor.setViewMode(QgsDualView.ViewMode.AttributeTable)
        # The relation editor builds its table when its tab is first shown, showing every column: hide the
        # keys (fid, source id, sighting id) then; they are plumbing, not what a reader of sources needs.
        for tabs in dialog.findChildren(QTabWidget):
            tabs.currentChanged.connect(lambda _index: QTimer.singleShot(
                0, lambda: hide_source_keys(dialog, self.layers()[1])))
        blank_for_null(dialog)
        typed_dates(dialog)
        self.form_status = FormStatus(dialog)
        form = dialog.attributeForm()
        form.widgetValueChanged.connect(lambda *_args: QTimer.singleShot(0, self.update_form_status))
        self.dialog = dialog
        self._watch_sources(True)
        self.panel.attach_button.setEnabled(True)
        self.update_form_status(refusal)
        dialog.show()
        fit_on_screen(dialog)
        return dialog

    def form_values(self):
        """The open form's sighting (values for clean_sighting) and its sources, edits not yet saved included."""
        if self.dialog is None or sip.isdeleted(self.dialog):
            return None, []
        sightings, sources = self.layers()
        feature = self.dialog.attributeForm().currentFormFeature()
        values = sighting_from_feature(feature) if sightings is None or sightings.crs().authid() == WGS84 else \
            sighting_from_feature(feature, QgsCoordinateTransform(sightings.crs(), QgsCoordinateReferenceSystem(
                WGS84), QgsProject.instance()))
        source_values = []
        key = feature["sighting_id"]
        if sources is not None and key:
            request = QgsFeatureRequest().setFilterExpression('"sighting_id" = {}'.format(
                QgsExpression.quotedValue(key)))
            source_values = [source_from_feature(f) for f in sources.getFeatures(request)]
        return values, source_values

    def update_form_status(self, refusal=None):
        """The form's own line says what keeps it from being saved (the one validator's words), where the
        claim status disagrees with the grades and sources (a warning), and why OK was refused."""
        status = self.form_status
        if status is None or self.dialog is None or sip.isdeleted(self.dialog) or sip.isdeleted(status.label):
            return None
        values, source_values = self.form_values()
        if values is None:
            return None
        _record, problems = clean_sighting(values, source_values)
        return status.show(refusal if refusal is not None else status.refusal, [str(p) for p in problems],
                           claim_warnings(values, source_values))

    def attach(self, path=None):
        """Copy a file into the workspace's attachments, hash it, and put both into the open form."""
        if self.dialog is None:
            return None
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self.dialog, tr("Attach a file to this sighting"))
            if not path:
                return None
        try:
            relative, sha256 = attach_file(self.store().attachments_workspace(), path)
        except (AttachmentError, OSError) as exc:
            self.panel.message.setText(tr("Not attached: {}").format(exc))
            return None
        form = self.dialog.attributeForm()
        form.changeAttribute("attachment", relative)
        form.changeAttribute("attachment_sha256", sha256)
        self.panel.message.setText(tr("Attached {} (SHA-256 {}…).").format(relative, sha256[:12]))
        return relative

    def _watch_sources(self, on):
        """QGIS 3.22 checks a form's constraints only when one of its own fields changes, so the
        "at least one source" rule would keep OK disabled after a source is added in the relation
        editor. While the form is open, a change to the sources re-checks it."""
        _sightings, sources = self.layers()
        if sources is None:
            return
        signals = (sources.featureAdded, sources.featuresDeleted, sources.attributeValueChanged)
        for signal in signals:
            try:
                signal.connect(self._recheck_form) if on else signal.disconnect(self._recheck_form)
            except TypeError:  # not connected
                pass

    def _recheck_form(self, *_args):
        if self.dialog is None:
            return
        # The rule sits on sighting_id; QGIS re-checks a field's rules when its value changes, so the
        # id is set to nothing and back (it is read-only in the form; the sources keep pointing at it).
        form = self.dialog.attributeForm()
        key = form.currentFormFeature()["sighting_id"]
        form.changeAttribute("sighting_id", "")
        form.changeAttribute("sighting_id", key)
        QTimer.singleShot(0, self.update_form_status)

    def _begin_group(self, sightings, sources) -> bool:
        """The local store: put both tables in one QGIS transaction group for the form, so OK commits the
        sighting and its sources together through QGIS (no second writer, nothing to reload).

        QGIS switches transaction groups on for a project only while no layer is being edited; when the
        analyst is editing another layer, the form falls back to its edit buffers, written in one GDAL
        transaction by the store (commit_new_sightings). The sightings file holds only the two sightings
        tables, so the group never takes in the curated layers (workspace.gpkg).
        """
        self._restore_groups = None
        if self.store().kind != sightings_backend.LOCAL:
            return False  # the team layer: its VersionGuard and the database's own checks (see TeamConflicts)
        project = QgsProject.instance()
        if not automatic_transactions(project):
            for layer in (sightings, sources):
                if layer.isEditable():
                    layer.rollBack()  # unmodified (checked above); editing resumes after the form
            if not set_automatic_transactions(project, True):
                return False
            self._restore_groups = False
        sightings.startEditing()
        if sources.isEditable():
            return True
        # Not grouped after all (a QGIS that did not bring the sources layer along): the buffer path.
        sightings.rollBack()
        self._end_group()
        return False

    def _end_group(self):
        if self._restore_groups is not None:
            set_automatic_transactions(QgsProject.instance(), self._restore_groups)
            self._restore_groups = None

    def _new_in_group(self, sightings, sources):
        """The sighting the form added inside the transaction, with its sources (read through QGIS)."""
        key = self._feature["sighting_id"] if self._feature is not None else None
        request = QgsFeatureRequest().setFilterExpression('"sighting_id" = {}'.format(QgsExpression.quotedValue(key)))
        found = list(sightings.getFeatures(request))
        if not found:
            return None, None, []
        source_values = [source_from_feature(f) for f in sources.getFeatures(QgsFeatureRequest(request))]
        return found[0], sighting_from_feature(found[0]), source_values

    def _finish_in_group(self, result, sightings, sources):
        if not result:
            sightings.rollBack()  # the group: both tables
            self._end_add(sightings, sources)
            self.panel.message.setText(tr("Sighting cancelled; nothing was saved."))
            return
        feature, values, source_values = self._new_in_group(sightings, sources)
        if feature is None:
            sightings.rollBack()
            self._end_add(sightings, sources)
            self.panel.message.setText(tr("Not saved: QGIS did not add the sighting (see the message bar)."))
            return
        record, problems = clean_sighting(values, source_values)
        if problems:
            # Refused by the one validator: keep everything typed; the form reopens on the sighting,
            # which is still inside the open transaction. Cancel there discards it.
            reason = "; ".join(str(p) for p in problems)
            self.panel.message.setText(tr("Not saved: {}").format(reason))
            self._open_form(sightings, feature, QgsAttributeEditorContext.Mode.SingleEditMode, reason)
            return
        if not sightings.commitChanges():
            errors = "; ".join(sightings.commitErrors())
            sightings.rollBack()
            self._end_add(sightings, sources)
            self.panel.message.setText(tr("Not saved: {}").format(errors))
            self._push_refusal(errors)
            return
        self._end_add(sightings, sources)
        self._saved([record], sightings)

    def _form_finished(self, result):
        self._watch_sources(False)
        self.form_status = None
        self.panel.attach_button.setEnabled(False)
        self.dialog = None
        sightings, sources = self.layers()
        if sightings is None:
            return
        if self._grouped:
            self._finish_in_group(result, sightings, sources)
            return
        if not result:
            self._end_add(sightings, sources)
            self.panel.message.setText(tr("Sighting cancelled; nothing was saved."))
            return
        try:
            records = commit_new_sightings(sightings, sources, write=self.store().write)
        except (SightingError, TeamError) as exc:
            # Refused (a rule, the database, a lost connection): keep everything typed, the new feature
            # stays in the edit buffer and the form reopens on it; Cancel there discards it.
            self.panel.message.setText(tr("Not saved: {}").format(exc))
            added = list(sightings.editBuffer().addedFeatures().values()) if sightings.editBuffer() else []
            if added:  # the reason goes into the reopened form itself, where the analyst is typing
                self._open_form(sightings, added[-1], QgsAttributeEditorContext.Mode.SingleEditMode, str(exc))
            else:  # no form to show it in: the map's message bar, until a later sighting is saved
                self._end_add(sightings, sources)
                self._push_refusal(str(exc))
            return
        self._end_add(sightings, sources)
        self._saved(records, sightings)

    def _push_refusal(self, reason):
        """A refusal with no form left open goes to the map's message bar; the item is kept, so a later
        success takes it away (a stale "Sighting not saved" would say something no longer true)."""
        self._clear_refusal()
        self._bar_item = QgsMessageBarItem(tr("Sighting not saved"), reason, Qgis.MessageLevel.Warning, 0)
        self.iface.messageBar().pushItem(self._bar_item)

    def _clear_refusal(self):
        item, self._bar_item = self._bar_item, None
        if item is not None and not sip.isdeleted(item):
            self.iface.messageBar().popWidget(item)

    def _saved(self, records, sightings):
        self._clear_refusal()
        sightings.triggerRepaint()
        self.refresh()
        units = {u.id: u.name for u in curated.load_cached()[1].features.get("units", [])}
        for record in records:
            log.info("sighting {} saved with {} source(s)".format(record.sighting_id, len(record.sources)))
            self.panel.message.setText(tr("Saved: {} at {} with {} source(s).").format(
                units.get(record.unit_id, record.unit_id) or record.unit_as_reported or "sighting",
                record.location_name or
                format_decimal(record.lon, record.lat, 4), len(record.sources)))
            self._flash(sightings, record.sighting_id)

    def _end_add(self, sightings, sources):
        """Leave the layers as the analyst had them: buffers discarded, editing only if it was on."""
        was_editing = self._was_editing
        for layer in (sightings, sources):
            if layer is not None and layer.isEditable():
                layer.rollBack()
        self._end_group()
        self._grouped = False
        if self.guard is not None:
            self.guard.suspend_snapshots(False)
        for layer, editing in zip((sightings, sources), was_editing):
            if layer is not None and editing:
                layer.startEditing()
        self._was_editing = [False, False]

    def _flash(self, layer, sighting_id):
        request = QgsFeatureRequest().setFilterExpression('"sighting_id" = {}'.format(
            QgsExpression.quotedValue(sighting_id))).setNoAttributes()
        ids = [f.id() for f in layer.getFeatures(request)]
        if ids:
            self.iface.mapCanvas().flashFeatureIds(layer, ids)

    def unload(self):
        if self.tool is None:  # unloaded already
            return
        if self.dialog is not None:
            self.dialog.reject()
        self.team.unload()
        canvas = self.iface.mapCanvas()
        if canvas.mapTool() is self.tool:
            canvas.unsetMapTool(self.tool)
        self.tool.remove_canvas_items()
        self.tool.deleteLater()
        self.tool = None

    def refresh(self):
        _catalogue, result = curated.load_cached()
        units = [(u.id, u.name) for u in result.features.get("units", [])]
        self.panel.set_units(units)
        unit_names = dict(units)
        start = datetime.datetime.combine(self.panel.start.date().toPyDate(), datetime.time.min,
                                          tzinfo=datetime.timezone.utc)
        end = datetime.datetime.combine(self.panel.end.date().toPyDate(), datetime.time.max,
                                        tzinfo=datetime.timezone.utc)
        try:
            self.records = self.store().recent(self.panel.unit.currentData() or None, start, end,
                                               self.panel.grade.currentData() or None)
        except (SightingError, TeamError) as exc:
            self.panel.message.setText(str(exc))
            return []
        within = (self.panel.within_km.value(), self.panel.within_days.value())
        self.corroboration = corroboration_details(self.records, *within)
        self._corroborated_within = within
        empty = Corroboration()
        rows = [(r.observed_at.strftime("%Y-%m-%d %H:%M") if r.observed_at else "",
                 unit_names.get(r.unit_id, r.unit_id) or r.unit_as_reported or "",
                 "{}{}".format(r.source_reliability, r.info_credibility),
                 (r.location_name or "") + ("" if r.sources else " " + tr("(NO SOURCE)")),
                 self.corroboration.get(r.sighting_id, empty).count) for r in self.records]
        tips = ["<qt>{}</qt>".format(corroboration_html(self.corroboration.get(r.sighting_id, empty), *within))
                for r in self.records]
        self._listing = True
        try:
            self.panel.show_rows(rows, tips)
        finally:
            self._listing = False
        self.show_details(self.panel.table.currentRow())  # the chosen sighting's pane as now computed
        # The file refuses a sighting losing its last source, but not one stored without any (outside the
        # form, e.g. through QGIS's attribute table): those are named here until given a source.
        unsourced = sum(1 for r in self.records if not r.sources)
        message = tr("{} sighting(s).").format(len(rows))
        if unsourced:
            message += " " + tr("{} of them have no source: add one in the form or delete them.").format(unsourced)
        self.panel.message.setText(message)
        return rows

    def choose_row(self, row):
        """A row of the list chosen (clicked, or reached with the arrow keys): its details, and the map goes
        to the sighting and highlights it (not while the list is being refilled)."""
        self.show_details(row)
        if not self._listing and 0 <= row < len(self.records):
            self.go_to(self.records[row])

    def go_to(self, record, scale: float = FOCUS_SCALE):
        """Select the sighting on the layer, centre the map on it and flash it. The map keeps its scale when
        the sighting can be made out at it; from further out (the theatre) it zooms in to `scale`."""
        sightings, _sources = self.layers()
        canvas = self.iface.mapCanvas()
        ids = []
        if sightings is not None:
            request = QgsFeatureRequest().setFilterExpression('"sighting_id" = {}'.format(
                QgsExpression.quotedValue(record.sighting_id))).setNoAttributes()
            ids = [f.id() for f in sightings.getFeatures(request)]
            sightings.selectByIds(ids)
        to_canvas = QgsCoordinateTransform(QgsCoordinateReferenceSystem(WGS84), canvas.mapSettings().destinationCrs(),
                                           QgsProject.instance())
        centre = to_canvas.transform(QgsPointXY(record.lon, record.lat))
        canvas.setCenter(centre)
        if canvas.scale() > FOCUS_ABOVE_SCALE:
            canvas.zoomScale(scale)
            canvas.setCenter(centre)
        canvas.refresh()
        if ids:
            canvas.flashFeatureIds(sightings, ids)
        return ids

    def show_details(self, row):
        if not 0 <= row < len(self.records):
            self.panel.details.clear()
            return
        record = self.records[row]
        check = check_attachment(self.store().attachments_workspace(), record.attachment, record.attachment_sha256)
        entry = self.corroboration.get(record.sighting_id, Corroboration())
        paragraph = "<p><b>{}</b></p>{}".format(html.escape(tr("Corroboration")),
                                           corroboration_html(entry, *self._corroborated_within))
        units = {u.id: u.name for u in curated.load_cached()[1].features.get("units", [])}
        self.panel.details.setHtml(sighting_html(record, attachment=check, unit_name=units.get(record.unit_id))
                                   + "\n" + paragraph)

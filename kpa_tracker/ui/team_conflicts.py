"""The team sightings layers' VersionGuards, and the dialog that shows what a refused save ran into.

QGIS's own Save (or the plugin's) commits a layer; its guard states the row versions. Once the commit
has returned, a refusal by the database, or changes of sightings someone deleted meanwhile, open the
ConflictDialog: before, theirs and mine per field, keep mine or take theirs, then save again.

Every team sightings layer in the project has its own guard (a duplicated layer too). Saving the
sources of a reviewed sighting sends it back for review and raises its version in the database; when
that change was the analyst's own, the guards take it as their new base, so the analyst's next save of
the sighting is not refused as a conflict with themselves.
"""

from functools import partial

from qgis.core import QgsExpression, QgsFeatureRequest
from qgis.PyQt.QtCore import Qt, QTimer

from ..core.team.versioning import VersionGuard, is_conflict_error
from ..toolbelt.i18n import tr
from .dialogs.conflict import ConflictDialog
from .screen import fit_on_screen


class TeamConflicts:
    def __init__(self, parent_window, report):
        self.parent_window = parent_window
        self.report = report  # report(text): a sentence for the analyst
        self.guards = {}  # layer id -> VersionGuard
        self.callbacks = {}  # layer id -> the slot on that layer's beforeCommitChanges
        self.sources = {}  # layer id -> (layer, before, after): the team sources layers watched
        self._pending_sources = (set(), {})  # a sources save in progress: (sighting ids, their stored versions)
        self.dialog = None

    # --- which layers are guarded ------------------------------------------------------------

    def follow(self, sightings_layers, sources_layers=()):
        """Guard exactly these team sightings layers; watch these team sources layers."""
        wanted = {layer.id(): layer for layer in sightings_layers
                  if layer is not None and layer.fields().indexOf("row_version") >= 0}
        for layer_id in [i for i in self.guards if i not in wanted]:
            self._drop_guard(layer_id)
        for layer_id, layer in wanted.items():
            if layer_id not in self.guards:
                self.guards[layer_id] = VersionGuard(layer)
                self.callbacks[layer_id] = partial(self._after_commit_attempt, layer_id)
                layer.beforeCommitChanges.connect(self.callbacks[layer_id])
        watched = {layer.id(): layer for layer in sources_layers if layer is not None}
        for layer_id in [i for i in self.sources if i not in watched]:
            self._unwatch_sources(layer_id)
        for layer_id, layer in watched.items():
            if layer_id not in self.sources:
                before, after = partial(self._sources_saving, layer), partial(self._sources_saved, layer)
                layer.beforeCommitChanges.connect(before)
                layer.afterCommitChanges.connect(after)
                self.sources[layer_id] = (layer, before, after)

    def guard_of(self, layer):
        return self.guards.get(layer.id()) if layer is not None else None

    def forget(self, layer_ids):
        for layer_id in layer_ids:
            if layer_id in self.guards:
                self._drop_guard(layer_id)
            if layer_id in self.sources:
                self._unwatch_sources(layer_id)

    def _drop_guard(self, layer_id):
        guard = self.guards.pop(layer_id)
        callback = self.callbacks.pop(layer_id)
        try:
            guard.layer.beforeCommitChanges.disconnect(callback)
        except (TypeError, RuntimeError):
            pass
        guard.detach()

    def _unwatch_sources(self, layer_id):
        layer, before, after = self.sources.pop(layer_id)
        for signal, slot in ((layer.beforeCommitChanges, before), (layer.afterCommitChanges, after)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass

    def detach(self):
        for layer_id in list(self.guards):
            self._drop_guard(layer_id)
        for layer_id in list(self.sources):
            self._unwatch_sources(layer_id)

    def unload(self):
        if self.dialog is not None:
            self.dialog.reject()
        self.detach()

    # --- the analyst's own source changes ---------------------------------------------------------

    def _stored_versions(self, sighting_ids):
        """{(guard, fid): (row_version, last_changed_by)} of those sightings in each guarded layer, as stored."""
        result = {}
        if not sighting_ids:
            return result
        quoted = ", ".join(QgsExpression.quotedValue(str(i)) for i in sighting_ids)
        request = QgsFeatureRequest().setFilterExpression('"sighting_id" IN ({})'.format(quoted))
        request.setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for guard in self.guards.values():
            for feature in guard.layer.dataProvider().getFeatures(request):
                result[(guard, feature.id())] = (feature["row_version"], feature["last_changed_by"])
        return result

    def _sources_saving(self, layer, *_args):
        buffer = layer.editBuffer()
        ids = set()
        if buffer is not None:
            index = layer.fields().indexOf("sighting_id")
            for feature in buffer.addedFeatures().values():
                ids.add(feature[index])
            changed = set(buffer.changedAttributeValues()) | set(buffer.deletedFeatureIds())
            if changed:
                request = QgsFeatureRequest().setFilterFids(list(changed)).setFlags(QgsFeatureRequest.Flag.NoGeometry)
                ids.update(f["sighting_id"] for f in layer.dataProvider().getFeatures(request))
            for values in buffer.changedAttributeValues().values():
                if index in values:
                    ids.add(values[index])
        ids = {i for i in ids if i}
        self._pending_sources = (ids, self._stored_versions(ids))

    def _sources_saved(self, layer, *_args):
        ids, pending = self._pending_sources
        self._pending_sources = (set(), {})
        if not pending:
            return
        now = self._stored_versions(ids)
        for (guard, fid), (version, _who) in pending.items():
            after = now.get((guard, fid))
            # Raised by exactly one by this save (the sources trigger), from the version the analyst had.
            if after is not None and after[0] == version + 1 and guard.base_version(fid) == version:
                guard.snapshot([fid])

    # --- after a commit of a sightings layer -------------------------------------------------------

    def _after_commit_attempt(self, layer_id, *_args):
        # beforeCommitChanges: look at the outcome once QGIS's commit has returned.
        QTimer.singleShot(0, partial(self.check, layer_id))

    def check(self, layer_id):
        """After a commit of a team sightings layer: show what could not be saved, if anything."""
        guard = self.guards.get(layer_id)
        if guard is None or self.dialog is not None:
            return None
        layer = guard.layer
        refused = layer.isEditable() and is_conflict_error(layer.commitErrors())
        # Saved (perhaps with editing stopped): only changes of sightings deleted meanwhile to report.
        conflicts = guard.conflicts() if refused else guard.deleted_conflicts()
        guard.forget_deleted()
        if not conflicts:
            return None
        dialog = ConflictDialog(conflicts, self.parent_window, edits_kept=refused)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda result: self._resolve(layer.id(), dialog, result, refused))
        self.dialog = dialog
        dialog.show()
        fit_on_screen(dialog)
        return dialog

    def _resolve(self, layer_id, dialog, result, edits_kept):
        self.dialog = None
        guard = self.guards.get(layer_id)
        if not edits_kept or guard is None or not guard.layer.isEditable():
            return  # only deletions were reported; the rest was saved
        if not result:
            self.report(tr("Your edits are kept in the layer's edit buffer, not saved; save again when you are "
                           "ready to resolve the conflict."))
            return
        for conflict, choice in dialog.choices():
            if conflict.deleted:
                continue  # their deletion stands; my values were shown to copy
            try:
                if choice == ConflictDialog.KEEP_MINE:
                    guard.keep_mine(conflict)
                else:
                    guard.take_theirs(conflict)
            except LookupError:  # deleted while the dialog was open: the next commit reports it
                pass
        callback = self.callbacks[layer_id]
        guard.layer.beforeCommitChanges.disconnect(callback)
        try:
            saved = guard.commit()
        finally:
            guard.layer.beforeCommitChanges.connect(callback)
        if saved:
            self.report(tr("Conflict resolved and saved."))
            guard.layer.triggerRepaint()
        else:
            self.check(layer_id)  # someone saved again meanwhile, or deleted one

"""The team sightings layer's VersionGuard, and the dialog that shows what a refused save ran into.

QGIS's own Save (or the plugin's) commits the layer; the guard states the row versions. Once the commit
has returned, a refusal by the database, or changes of sightings someone deleted meanwhile, open the
ConflictDialog: before, theirs and mine per field, keep mine or take theirs, then save again.
"""

from qgis.PyQt.QtCore import Qt, QTimer

from ..core.team_edit import VersionGuard, is_conflict_error
from .conflict_dialog import ConflictDialog


class TeamConflicts:
    def __init__(self, parent_window, report):
        self.parent_window = parent_window
        self.report = report  # report(text): a sentence for the analyst
        self.guard = None
        self.dialog = None

    def follow(self, layer):
        """Guard this team sightings layer (None: no team layer in the project)."""
        if self.guard is not None and self.guard.layer is layer:
            return self.guard
        self.detach()
        if layer is not None and layer.fields().indexOf("row_version") >= 0:
            self.guard = VersionGuard(layer)
            layer.beforeCommitChanges.connect(self._after_commit_attempt)
        return self.guard

    def detach(self):
        if self.guard is not None:
            try:
                self.guard.layer.beforeCommitChanges.disconnect(self._after_commit_attempt)
            except (TypeError, RuntimeError):
                pass
            self.guard.detach()
            self.guard = None

    def unload(self):
        if self.dialog is not None:
            self.dialog.reject()
        self.detach()

    def _after_commit_attempt(self, *_args):
        # beforeCommitChanges: look at the outcome once QGIS's commit has returned.
        QTimer.singleShot(0, self.check)

    def check(self):
        """After a commit of the team layer: show what could not be saved, if anything."""
        guard = self.guard
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
        dialog.finished.connect(lambda result: self._resolve(dialog, result, refused))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _resolve(self, dialog, result, edits_kept):
        self.dialog = None
        guard = self.guard
        if not edits_kept or guard is None or not guard.layer.isEditable():
            return  # only deletions were reported; the rest was saved
        if not result:
            self.report("Your edits are kept in the layer's edit buffer, not saved; save again when you are "
                        "ready to resolve the conflict.")
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
        guard.layer.beforeCommitChanges.disconnect(self._after_commit_attempt)
        try:
            saved = guard.commit()
        finally:
            guard.layer.beforeCommitChanges.connect(self._after_commit_attempt)
        if saved:
            self.report("Conflict resolved and saved.")
            guard.layer.triggerRepaint()
        else:
            self.check()  # someone saved again meanwhile, or deleted one

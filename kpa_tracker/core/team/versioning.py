"""Editing the team's sightings in QGIS without losing anyone's update (no widgets).

The database refuses an update of a sighting unless it writes
``row_version = (the version it edits) + 1`` (team_schema/0002). A
`VersionGuard` attached to a postgres-provider layer of kpa.sightings does
that for QGIS's ordinary editing:

- when editing starts it records each feature's values as the analyst has
  them (an attribute-only read of the provider, no geometry): the *base*;
- just before QGIS commits, it writes ``row_version = base + 1`` into the edit
  buffer of every changed feature;
- when the database refuses the commit because someone else saved a newer
  version first, QGIS keeps every edit in the buffer (nothing is lost) and
  `conflicts()` lists, per sighting, each field's base / theirs / mine, read
  from the database;
- `keep_mine(conflict)` rebases the feature on their version (my changed
  fields win, theirs stay for the rest) and `take_theirs(conflict)` replaces
  my change with theirs; then `commit()` again.

Deleting is not versioned: the owner deletes whatever version is there. An
edit of a sighting someone deleted meanwhile cannot be refused by the
database (the UPDATE finds no row); the guard notices before the commit and
reports it in `conflicts()` with my values, and `commit()` returns False.
"""

from dataclasses import dataclass, field
from typing import Dict, List, Optional

from qgis.core import QgsFeature, QgsFeatureRequest, QgsGeometry, QgsVectorLayer
from qgis.PyQt.QtCore import QObject

from ...toolbelt.i18n import tr
from .connection import CONFLICT_PREFIX

VERSION_FIELD = "row_version"
# Kept by the database; never part of "what changed".
BOOKKEEPING_FIELDS = frozenset(("fid", VERSION_FIELD, "updated_at", "last_changed_by", "map_class", "owner_role"))


def _same(a, b) -> bool:
    a_null = a is None or (hasattr(a, "isNull") and not isinstance(a, QgsGeometry) and _is_null(a))
    b_null = b is None or (hasattr(b, "isNull") and not isinstance(b, QgsGeometry) and _is_null(b))
    if a_null or b_null:
        return a_null and b_null
    return a == b


def _is_null(value) -> bool:
    try:
        return bool(value.isNull())
    except TypeError:
        return False


@dataclass
class FieldConflict:
    """One field of a sighting in conflict: what it was, what they saved, what I have."""
    name: str
    base: object
    theirs: object
    mine: object

    @property
    def i_changed(self) -> bool:
        return not _same(self.mine, self.base)

    @property
    def they_changed(self) -> bool:
        return not _same(self.theirs, self.base)

    @property
    def clash(self) -> bool:
        """Both changed it, to different values."""
        return self.i_changed and self.they_changed and not _same(self.mine, self.theirs)


@dataclass
class Conflict:
    """A sighting I edited that someone else saved first (or deleted: `deleted`)."""
    fid: int
    sighting_id: str
    base_version: int
    their_version: Optional[int]
    changed_by: Optional[str]
    changed_at: object
    fields: List[FieldConflict] = field(default_factory=list)  # changed by me or by them
    geometry_mine: Optional[str] = None  # WKT, when I moved the point
    geometry_theirs: Optional[str] = None
    deleted: bool = False

    def __str__(self) -> str:
        if self.deleted:
            return tr("Sighting {} was deleted by someone else since you started editing").format(self.sighting_id)
        return tr("Sighting {} was changed by {} (version {}; you edited version {}): {}").format(
            self.sighting_id, self.changed_by, self.their_version, self.base_version,
            ", ".join(f.name for f in self.fields if f.they_changed) or tr("no field you see"))


def is_conflict_error(errors) -> bool:
    """Whether QGIS's commitErrors() say the database refused an edit as a version conflict."""
    return any(CONFLICT_PREFIX in str(error) for error in errors)


class VersionGuard(QObject):
    """Keeps a layer of kpa.sightings honest about the version each edit is based on."""

    def __init__(self, layer: QgsVectorLayer, parent: Optional[QObject] = None):
        super().__init__(parent)
        self.layer = layer
        self._base: Dict[int, list] = {}
        self._dropped = set()  # features whose change was replaced by theirs
        self._stamping = False
        self._pending: List[int] = []
        self._deleted: List[Conflict] = []
        self._suspended = False
        self._version_index = layer.fields().indexFromName(VERSION_FIELD)
        if self._version_index < 0:
            raise ValueError("{} has no {} field: it is not a team sightings layer".format(layer.name(),
                                                                                         VERSION_FIELD))
        layer.editingStarted.connect(self.snapshot)
        layer.beforeCommitChanges.connect(self._stamp)
        layer.afterCommitChanges.connect(self._after_commit)
        layer.editingStopped.connect(self._clear)
        layer.attributeValueChanged.connect(self._user_changed)
        layer.geometryChanged.connect(self._user_changed)
        if layer.isEditable():
            self.snapshot()

    def detach(self) -> None:
        for signal, slot in ((self.layer.editingStarted, self.snapshot), (self.layer.beforeCommitChanges, self._stamp),
                             (self.layer.afterCommitChanges, self._after_commit),
                             (self.layer.editingStopped, self._clear),
                             (self.layer.attributeValueChanged, self._user_changed),
                             (self.layer.geometryChanged, self._user_changed)):
            try:
                signal.disconnect(slot)
            except (TypeError, RuntimeError):
                pass
        self._clear()
        self.forget_deleted()

    # --- the base: what the analyst started from ----------------------------------------------

    def snapshot(self, fids=None) -> None:
        """Record the stored values (no geometry) of every feature, or of `fids`."""
        request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        if fids is not None:
            request.setFilterFids(list(fids))
        else:
            self._base.clear()
        for feature in self.layer.dataProvider().getFeatures(request):
            self._base[feature.id()] = feature.attributes()

    def base_version(self, fid: int) -> Optional[int]:
        values = self._base.get(fid)
        return None if values is None else values[self._version_index]

    def _clear(self) -> None:
        # Not the deleted conflicts: "save and stop editing" ends editing inside the commit, and they
        # must still be shown (forget_deleted() once they have been).
        self._base.clear()
        self._dropped.clear()

    def deleted_conflicts(self) -> List[Conflict]:
        """Changes of sightings someone deleted meanwhile, found at the last commit (not yet shown)."""
        return list(self._deleted)

    def forget_deleted(self) -> None:
        self._deleted = []

    def suspend_snapshots(self, suspended: bool) -> None:
        """While the plugin only adds sightings (written apart from the layer), editing needs no base."""
        if suspended == self._suspended:
            return
        self._suspended = suspended
        if suspended:
            self.layer.editingStarted.disconnect(self.snapshot)
        else:
            self.layer.editingStarted.connect(self.snapshot)

    def _user_changed(self, fid, *args) -> None:
        if not self._stamping:
            self._dropped.discard(fid)

    # --- committing -------------------------------------------------------------------------------

    def changed_fids(self) -> List[int]:
        """Existing features with changes in the edit buffer (new and deleted ones aside)."""
        buffer = self.layer.editBuffer()
        if buffer is None:
            return []
        fids = set(buffer.changedAttributeValues()) | set(buffer.changedGeometries())
        fids -= set(buffer.deletedFeatureIds())
        return sorted(fid for fid in fids if fid >= 0 and fid not in buffer.addedFeatures())

    def _stamp(self, *args) -> None:
        """Before QGIS commits: state the version each change is based on."""
        missing = [fid for fid in self.changed_fids() if fid not in self._base]
        if missing:  # edited before the guard was attached: their base is what is stored now
            self.snapshot(missing)
        self._pending = self.changed_fids()
        # QGIS does not notice that an UPDATE hit no row: a sighting deleted meanwhile is caught here.
        request = QgsFeatureRequest().setFilterFids(self._pending).setFlags(QgsFeatureRequest.Flag.NoGeometry)
        request.setSubsetOfAttributes([self._version_index])
        present = {f.id() for f in self.layer.dataProvider().getFeatures(request)}
        self._deleted = [self._deleted_conflict(fid) for fid in self._pending if fid not in present]
        self._stamping = True
        try:
            for fid in self._pending:
                base = self.base_version(fid)
                if base is None:
                    continue  # deleted from the database meanwhile; the commit reports it
                version = base if fid in self._dropped else base + 1
                self.layer.changeAttributeValue(fid, self._version_index, version, None, True)
        finally:
            self._stamping = False

    def _after_commit(self) -> None:
        # Editing goes on from what is stored now.
        committed, self._pending = self._pending, []
        self._dropped.clear()
        if committed and self.layer.isEditable():
            self.snapshot(committed)

    def commit(self, stop_editing: bool = False) -> bool:
        """Commit the layer's edits (the guard stamps the versions).

        False when the database refused them (see commitErrors() and
        conflicts()), or when a sighting I changed had been deleted meanwhile
        (the rest is committed; conflicts() reports it with my values).
        """
        return self.layer.commitChanges(stop_editing) and not self._deleted

    def _deleted_conflict(self, fid: int) -> Conflict:
        base = self._base.get(fid)
        names = self.layer.fields().names()
        conflict = Conflict(fid, str(base[names.index("sighting_id")]) if base else "", self.base_version(fid),
                            None, None, None, deleted=True)
        buffer = self.layer.editBuffer()
        for index, value in buffer.changedAttributeValues().get(fid, {}).items():
            if names[index] not in BOOKKEEPING_FIELDS:
                conflict.fields.append(FieldConflict(names[index], base[index] if base else None, None, value))
        if fid in buffer.changedGeometries():
            conflict.geometry_mine = buffer.changedGeometries()[fid].asWkt()
        return conflict

    # --- after a refused commit ------------------------------------------------------------------

    def conflicts(self) -> List[Conflict]:
        """Every changed sighting someone else saved (or deleted) since my base, read from the database."""
        fids = self.changed_fids()
        if not fids:
            return list(self._deleted)
        names = self.layer.fields().names()
        stored = {f.id(): f for f in self.layer.dataProvider().getFeatures(QgsFeatureRequest().setFilterFids(fids))}
        buffer = self.layer.editBuffer()
        result = []
        for fid in fids:
            base = self._base.get(fid)
            if base is None:
                continue
            theirs = stored.get(fid)
            sighting_id = str(base[names.index("sighting_id")])
            if theirs is None:
                result.append(self._deleted_conflict(fid))
                continue
            if theirs[VERSION_FIELD] == base[self._version_index]:
                continue
            conflict = Conflict(fid, sighting_id, base[self._version_index], theirs[VERSION_FIELD],
                                theirs["last_changed_by"] if "last_changed_by" in names else None,
                                theirs["updated_at"] if "updated_at" in names else None)
            # What I changed is in the buffer; for the rest, "mine" is what I started from.
            my_changes = buffer.changedAttributeValues().get(fid, {})
            for index, name in enumerate(names):
                if name in BOOKKEEPING_FIELDS:
                    continue
                item = FieldConflict(name, base[index], theirs[index], my_changes.get(index, base[index]))
                if item.i_changed or item.they_changed:
                    conflict.fields.append(item)
            if fid in buffer.changedGeometries():
                conflict.geometry_mine = buffer.changedGeometries()[fid].asWkt()
                conflict.geometry_theirs = theirs.geometry().asWkt()
            result.append(conflict)
        known = {c.fid for c in result}
        return result + [c for c in self._deleted if c.fid not in known]

    def keep_mine(self, conflict: Conflict) -> None:
        """Rebase my change on their version: my changed fields win, their other changes stay."""
        stored = self._stored(conflict.fid)
        self._base[conflict.fid] = stored.attributes()
        self._dropped.discard(conflict.fid)

    def take_theirs(self, conflict: Conflict) -> None:
        """Drop my change of this sighting: the buffer gets their values, and nothing is written for it."""
        stored = self._stored(conflict.fid)
        buffer = self.layer.editBuffer()
        self._stamping = True
        try:
            for index in buffer.changedAttributeValues().get(conflict.fid, {}):
                self.layer.changeAttributeValue(conflict.fid, index, stored[index], None, True)
            if conflict.fid in buffer.changedGeometries():
                self.layer.changeGeometry(conflict.fid, QgsGeometry(stored.geometry()), True)
        finally:
            self._stamping = False
        self._base[conflict.fid] = stored.attributes()
        self._dropped.add(conflict.fid)

    def _stored(self, fid: int) -> QgsFeature:
        feature = QgsFeature()
        if not self.layer.dataProvider().getFeatures(QgsFeatureRequest().setFilterFid(fid)).nextFeature(feature):
            raise LookupError(tr("the sighting was deleted from the team database"))
        return feature


__all__ = ["BOOKKEEPING_FIELDS", "Conflict", "FieldConflict", "VersionGuard", "is_conflict_error"]

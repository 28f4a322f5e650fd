"""Curated layers in the analyst's workspace GeoPackage: materialise, merge, reset.

The shipped YAML is the curated source of truth; the analyst edits the copy in
the workspace with ordinary QGIS editing. When a newer plugin version ships
changed curated data, it is merged by feature id:

- a feature the analyst has not touched takes the new curated version;
- a feature the analyst changed is never overwritten; it is reported instead;
- a curated feature the analyst deleted stays deleted (reported);
- features the analyst added are never touched.

What the analyst changed is known by comparing each row's hash with the hash
of the curated version it was last given (table kpa_curated_state).
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Dict, List

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
)

from ...toolbelt.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, WKB_MULTILINESTRING, WKB_NO_GEOMETRY, WKB_POINT, WKB_POLYGON
from .data import CuratedFeature, LayerDef
from ...toolbelt.gpkg import GeoPackageError, create_table, table_names
from ..measure.geodesy import densify

TABLE_PREFIX = "curated_"
STATE_TABLE = "kpa_curated_state"
VERSION_KEY = ""  # the state row that holds a layer's curated version
# Bump when the way curated data becomes rows changes (fields, densifying), so
# that every workspace is merged again once.
FORMAT = "kpa-curated-2\n"
WGS84 = "EPSG:4326"
# Movement legs are drawn as great circles, densified every so many metres.
GEODESIC_STEP_M = 25000.0
COMMON_QGS_FIELDS = (
    ("id", FIELD_STRING), ("name", FIELD_STRING), ("names", FIELD_STRING),
    ("status", FIELD_STRING), ("as_of", FIELD_STRING), ("valid_from", FIELD_STRING),
    ("valid_to", FIELD_STRING), ("precision", FIELD_STRING), ("sources", FIELD_STRING),
    ("source_urls", FIELD_STRING), ("notes", FIELD_STRING), ("changed_on", FIELD_STRING),
)
# The day the analyst last changed a curated feature in QGIS (NULL: as shipped). Set by
# QGIS itself through a default value applied on update (CHANGED_ON_DEFAULT), so every
# writer through QGIS stamps it: the form, the attribute table, the field calculator.
CHANGED_ON = "changed_on"
CHANGED_ON_DEFAULT = "format_date(now(), 'yyyy-MM-dd')"
NOT_HASHED = {"fid", CHANGED_ON}
TYPES = {"string": FIELD_STRING, "integer": FIELD_INT, "double": FIELD_DOUBLE}
GEOMETRY_TYPES = {
    "Point": WKB_POINT,
    "LineString": WKB_MULTILINESTRING,
    "Polygon": WKB_POLYGON,
    "None": WKB_NO_GEOMETRY,  # a table (estimates)
}


class WorkspaceError(GeoPackageError):
    """The workspace GeoPackage could not be written; nothing was half-written."""


@dataclass
class SyncReport:
    layer: str
    added: List[str] = field(default_factory=list)
    updated: List[str] = field(default_factory=list)
    removed: List[str] = field(default_factory=list)
    kept_analyst_changes: List[str] = field(default_factory=list)
    kept_analyst_deletions: List[str] = field(default_factory=list)

    def summary(self) -> str:
        parts = []
        for label, items in (
            ("added", self.added), ("updated", self.updated), ("removed", self.removed),
            ("kept your changes to", self.kept_analyst_changes),
            ("kept your deletion of", self.kept_analyst_deletions),
        ):
            if items:
                parts.append("{} {}".format(label, ", ".join(items)))
        return "{}: {}".format(self.layer, "; ".join(parts) if parts else "up to date")


def table_name(layer: LayerDef) -> str:
    return TABLE_PREFIX + layer.id


def layer_uri(gpkg_path: Path, layer: LayerDef) -> str:
    return "{}|layername={}".format(gpkg_path, table_name(layer))


def qgs_fields(layer: LayerDef) -> QgsFields:
    fields = QgsFields()
    for name, variant in COMMON_QGS_FIELDS:
        fields.append(QgsField(name, variant))
    for spec in layer.fields:
        fields.append(QgsField(spec["name"], TYPES[spec["type"]]))
    return fields


def curated_geometry(feature: CuratedFeature) -> QgsGeometry:
    if feature.geometry_type == "Point":
        return QgsGeometry.fromPointXY(QgsPointXY(*feature.coordinates))
    if feature.geometry_type == "None":
        return QgsGeometry()
    if feature.geometry_type == "LineString":
        parts = densify(feature.coordinates, GEODESIC_STEP_M)
        return QgsGeometry.fromMultiPolylineXY([[QgsPointXY(*p) for p in part] for part in parts])
    return QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in ring] for ring in feature.coordinates])


def curated_attributes(feature: CuratedFeature, layer: LayerDef) -> Dict[str, object]:
    values = {
        "id": feature.id,
        "name": feature.name,
        "names": " | ".join(feature.names),
        "status": feature.status,
        "as_of": feature.as_of,
        "valid_from": feature.valid_from or None,
        "valid_to": feature.valid_to or None,
        "precision": feature.precision,
        "sources": "\n".join(source.as_text() for source in feature.sources),
        "source_urls": json.dumps([source.url for source in feature.sources]),
        "notes": feature.notes,
        CHANGED_ON: None,
    }
    for spec in layer.fields:
        values[spec["name"]] = feature.attributes.get(spec["name"])
    return values


def _normalise(value):
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return round(float(value), 9)  # 459 in YAML and 459.0 read back are the same
    if value == "":
        return None
    return value


def content_hash(attributes: Dict[str, object], geometry: QgsGeometry) -> str:
    """A fingerprint of a row's curated content, equal for equal content whatever its origin."""
    canonical = {name: _normalise(value) for name, value in attributes.items() if name not in NOT_HASHED}
    payload = json.dumps(canonical, sort_keys=True, ensure_ascii=False, default=str)
    wkt = geometry.asWkt(7) if geometry is not None and not geometry.isNull() else ""
    return hashlib.sha256((payload + "\n" + wkt).encode("utf-8")).hexdigest()


def _row_content(qgs_feature: QgsFeature, names) -> Dict[str, object]:
    return {name: qgs_feature[name] for name in names}


class _Table:
    """A table of the workspace GeoPackage opened through QGIS's OGR provider."""

    def __init__(self, gpkg_path: Path, name: str):
        self.layer = QgsVectorLayer("{}|layername={}".format(gpkg_path, name), name, "ogr")

    @property
    def valid(self) -> bool:
        return self.layer.isValid()

    def rows(self):
        return self.layer.getFeatures()


def _state_fields() -> QgsFields:
    fields = QgsFields()
    for name in ("layer", "feature_id", "base_hash"):
        fields.append(QgsField(name, FIELD_STRING))
    return fields


def _commit(layer: QgsVectorLayer, what: str) -> None:
    if not layer.commitChanges():
        errors = "; ".join(layer.commitErrors())
        layer.rollBack()
        raise WorkspaceError("{} not saved: {}".format(what, errors))


_VERSIONS = {}


def curated_version(features: List[CuratedFeature]) -> str:
    """A fingerprint of a layer's shipped data: when it is unchanged there is nothing to merge."""
    cached = _VERSIONS.get(id(features))
    if cached is not None and cached[0] is features:
        return cached[1]
    payload = json.dumps([asdict(f) for f in features], sort_keys=True, ensure_ascii=False, default=str)
    version = hashlib.sha256((FORMAT + payload).encode("utf-8")).hexdigest()
    if len(_VERSIONS) > 64:
        _VERSIONS.clear()
    _VERSIONS[id(features)] = (features, version)  # keeps the list alive, so its id stays its own
    return version


def forget_version(state: "MergeState", layer_id: str) -> None:
    """Make the next merge of this layer a full one (its table was found missing)."""
    state.rows.get(layer_id, {}).pop(VERSION_KEY, None)


class MergeState:
    """The table kpa_curated_state, read once and kept in memory while the file is unchanged.

    One row per curated feature: the hash of the curated version last given to
    the workspace (its base). One row per layer with an empty feature_id: the
    fingerprint of the shipped data last merged.
    """

    _cache = {}

    def __init__(self, gpkg_path: Path):
        self.gpkg_path = Path(gpkg_path)
        self.rows: Dict[str, Dict[str, str]] = {}
        self.pending = set()
        if STATE_TABLE in table_names(self.gpkg_path):
            table = _Table(self.gpkg_path, STATE_TABLE).layer
            if table.isValid():
                for row in table.getFeatures():
                    self.rows.setdefault(row["layer"], {})[row["feature_id"] or ""] = row["base_hash"]

    @classmethod
    def load(cls, gpkg_path: Path) -> "MergeState":
        """The state, read from the file only when the file changed since it was last read or written."""
        key = cls._file_key(Path(gpkg_path))
        cached = cls._cache.get(str(gpkg_path))
        if cached is not None and key is not None and cached[0] == key:
            return cached[1]
        state = cls(gpkg_path)
        cls._cache[str(gpkg_path)] = (key, state)
        return state

    @staticmethod
    def _file_key(path: Path):
        try:
            info = path.stat()
        except OSError:
            return None
        return (info.st_ino, info.st_mtime_ns, info.st_size)

    def bases(self, layer_id: str) -> Dict[str, str]:
        return {k: v for k, v in self.rows.get(layer_id, {}).items() if k != VERSION_KEY}

    def version(self, layer_id: str):
        return self.rows.get(layer_id, {}).get(VERSION_KEY)

    def record(self, layer_id: str, bases: Dict[str, str], version: str) -> None:
        """Stage a layer's new state; flush() writes everything staged in one go."""
        self.rows[layer_id] = dict(bases, **{VERSION_KEY: version})
        self.pending.add(layer_id)

    def flush(self) -> None:
        if not self.pending:
            return
        table = _Table(self.gpkg_path, STATE_TABLE).layer if self.gpkg_path.exists() else None
        if table is None or not table.isValid():
            create_table(self.gpkg_path, STATE_TABLE, _state_fields(), WKB_NO_GEOMETRY)
            table = _Table(self.gpkg_path, STATE_TABLE).layer
            if not table.isValid():
                raise WorkspaceError("could not open {} in {}".format(STATE_TABLE, self.gpkg_path))
        table.startEditing()
        try:
            table.deleteFeatures([f.id() for f in table.getFeatures() if f["layer"] in self.pending])
            rows = []
            for layer_id in sorted(self.pending):
                for feature_id, base_hash in sorted(self.rows[layer_id].items()):
                    row = QgsFeature(table.fields())  # by name: the GeoPackage adds an fid field first
                    row["layer"], row["feature_id"], row["base_hash"] = layer_id, feature_id, base_hash
                    rows.append(row)
            if not table.addFeatures(rows):
                raise WorkspaceError("could not record the merge state")
            _commit(table, "merge state")
        except Exception:
            table.rollBack()
            MergeState._cache.pop(str(self.gpkg_path), None)  # read it from the file next time
            raise
        self.pending.clear()
        MergeState._cache[str(self.gpkg_path)] = (self._file_key(self.gpkg_path), self)


def read_state(gpkg_path: Path, layer_id: str) -> Dict[str, str]:
    return MergeState(gpkg_path).bases(layer_id)


def _build_row(fields: QgsFields, attributes: Dict[str, object], geometry: QgsGeometry) -> QgsFeature:
    row = QgsFeature(fields)
    for name, value in attributes.items():
        row[name] = value
    row.setGeometry(geometry)
    return row


def sync_layer(gpkg_path: Path, layer: LayerDef, features: List[CuratedFeature],
               state: MergeState = None) -> SyncReport:
    """Bring one curated table of the workspace up to the shipped data, keeping the analyst's edits."""
    gpkg_path = Path(gpkg_path)
    if state is None:
        state = MergeState(gpkg_path)
        report = sync_layer(gpkg_path, layer, features, state)
        state.flush()
        return report
    report = SyncReport(layer.id)
    version = curated_version(features)
    if state.version(layer.id) == version:
        return report  # the shipped data has not changed since the last merge
    table = _Table(gpkg_path, table_name(layer)) if table_name(layer) in table_names(gpkg_path) else None
    fields = qgs_fields(layer)
    names = fields.names()
    curated = {}
    for feature in features:
        attributes = curated_attributes(feature, layer)
        geometry = curated_geometry(feature)
        curated[feature.id] = (attributes, geometry, content_hash(attributes, geometry))

    if table is None or not table.valid:
        # A new table (first use, or deleted outside QGIS): written whole in one go.
        rows = [_build_row(fields, attributes, geometry) for attributes, geometry, _ in curated.values()]
        create_table(gpkg_path, table_name(layer), fields, GEOMETRY_TYPES[layer.geometry], rows)
        state.record(layer.id, {i: h for i, (_a, _g, h) in curated.items()}, version)
        report.added = list(curated)
        return report
    base = state.bases(layer.id)
    data = table.layer
    # Fields the catalogue added since the table was made: empty in every row, and not part
    # of the hashes recorded then, so a row is compared with its base without them.
    added = _add_missing_fields(data, fields)
    old_names = [name for name in names if name not in added]

    rows = {}
    for row in data.getFeatures():
        row_hash = content_hash(_row_content(row, names), row.geometry())
        base_hash = content_hash(_row_content(row, old_names), row.geometry()) if added else row_hash
        rows.setdefault(row["id"], (row.id(), row_hash, base_hash))

    # Plan first, then write in one edit session.
    to_add, to_update, to_delete = [], [], []
    new_base = dict(base)
    for feature_id, (_attributes, _geometry, curated_hash) in curated.items():
        if feature_id not in rows:
            if feature_id in base:
                report.kept_analyst_deletions.append(feature_id)
            else:
                to_add.append(feature_id)
                new_base[feature_id] = curated_hash
            continue
        row_hash, row_base_hash = rows[feature_id][1], rows[feature_id][2]
        if row_hash == curated_hash:
            new_base[feature_id] = curated_hash
        elif feature_id not in base or row_base_hash == base[feature_id]:
            to_update.append(feature_id)
            new_base[feature_id] = curated_hash
        elif base[feature_id] != curated_hash:
            report.kept_analyst_changes.append(feature_id)
    for feature_id in sorted(set(base) - set(curated)):
        new_base.pop(feature_id, None)
        if feature_id in rows:
            if rows[feature_id][2] == base[feature_id]:
                to_delete.append(feature_id)
            else:
                report.kept_analyst_changes.append(feature_id)

    if to_add or to_update or to_delete:
        data.startEditing()
        try:
            for feature_id in to_add:
                attributes, geometry, _ = curated[feature_id]
                _add(data, _build_row(data.fields(), attributes, geometry))
            for feature_id in to_update:
                attributes, geometry, _ = curated[feature_id]
                _overwrite(data, rows[feature_id][0], attributes, geometry)
            for feature_id in to_delete:
                data.deleteFeature(rows[feature_id][0])
            _commit(data, "curated layer " + layer.id)
        except Exception:
            data.rollBack()
            raise
    # Recorded after the data: if this write failed, the next merge finds rows equal
    # to the curated versions and records them then.
    state.record(layer.id, new_base, version)
    report.added, report.updated, report.removed = to_add, to_update, to_delete
    return report


def _add_missing_fields(data: QgsVectorLayer, fields: QgsFields) -> List[str]:
    """A workspace table made by an older plugin gets the fields the catalogue added since (empty)."""
    missing = [fields.field(name) for name in fields.names() if data.fields().indexOf(name) < 0]
    if missing:
        if not data.dataProvider().addAttributes(missing):
            raise WorkspaceError("could not add fields {} to {}".format(
                ", ".join(f.name() for f in missing), data.name()))
        data.updateFields()
    return [f.name() for f in missing]


def curated_change(catalogue: List[LayerDef], layer_id: str, shipped, attributes: Dict[str, object],
                   geometry: QgsGeometry):
    """(curated attributes, geometry changed?) when a workspace row differs from its shipped version, else None."""
    layer = next((entry for entry in catalogue if entry.id == layer_id), None)
    if layer is None or shipped is None:
        return None
    curated = curated_attributes(shipped, layer)
    curated_geom = curated_geometry(shipped)
    names = [name for name in curated if name in attributes]
    mine = {name: attributes[name] for name in names}
    if content_hash(mine, geometry) == content_hash({n: curated[n] for n in names}, curated_geom):
        return None
    moved = content_hash({}, geometry) != content_hash({}, curated_geom)
    return curated, moved


def _add(data: QgsVectorLayer, row: QgsFeature) -> None:
    if not data.addFeature(row):
        raise WorkspaceError("could not add {} to {}".format(row["id"], data.name()))


def _overwrite(data: QgsVectorLayer, fid: int, attributes: Dict[str, object], geometry: QgsGeometry) -> None:
    field_index = {name: data.fields().indexOf(name) for name in attributes}
    data.changeAttributeValues(fid, {field_index[n]: v for n, v in attributes.items()})
    data.changeGeometry(fid, geometry)


def reset_features(gpkg_path: Path, layer: LayerDef, features: List[CuratedFeature],
                   feature_ids: List[str] = None) -> List[str]:
    """Put curated features back as shipped (all of the layer's when ids is None).

    Features the analyst added (ids that are not curated) are left alone.
    Returns the ids that were reset.
    """
    gpkg_path = Path(gpkg_path)
    wanted = {f.id: f for f in features if feature_ids is None or f.id in feature_ids}
    unknown = set(feature_ids or []) - set(wanted)
    if unknown:
        raise WorkspaceError("not curated features of {}: {}".format(layer.id, ", ".join(sorted(unknown))))
    state = MergeState(gpkg_path)
    data = _Table(gpkg_path, table_name(layer)).layer if gpkg_path.exists() else None
    if data is None or not data.isValid():
        sync_layer(gpkg_path, layer, features, state)
        state.flush()
        return sorted(wanted)
    base = state.bases(layer.id)
    rows = {row["id"]: row.id() for row in data.getFeatures()}
    data.startEditing()
    try:
        for feature_id, feature in wanted.items():
            attributes = curated_attributes(feature, layer)
            geometry = curated_geometry(feature)
            if feature_id in rows:
                _overwrite(data, rows[feature_id], attributes, geometry)
            else:
                _add(data, _build_row(data.fields(), attributes, geometry))
            base[feature_id] = content_hash(attributes, geometry)
        _commit(data, "reset of " + layer.id)
    except Exception:
        data.rollBack()
        raise
    state.record(layer.id, base, curated_version(features))
    state.flush()
    return sorted(wanted)


def known_unit_ids(gpkg_path=None):
    """The unit ids a sighting may cite: the workspace's units table (the analyst may have added units),
    else the curated data; None when neither can be read."""
    from ...toolbelt.workspace import workspace_gpkg_path
    from . import data as curated

    gpkg_path = Path(gpkg_path) if gpkg_path is not None else workspace_gpkg_path()
    if gpkg_path.exists():
        units = QgsVectorLayer("{}|layername=curated_units".format(gpkg_path), "units", "ogr")
        if units.isValid() and units.fields().indexOf("id") >= 0:
            request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry).setSubsetOfAttributes(["id"],
                                                                                                          units.fields())
            return {feature["id"] for feature in units.getFeatures(request) if feature["id"]}
    try:
        _catalogue, result = curated.load_cached()
        return {feature.id for feature in result.features.get("units", [])}
    except Exception:  # noqa: BLE001 (a broken data file must not stop sightings)
        return None

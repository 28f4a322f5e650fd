"""The local store's tables as QGIS layers, and sighting values read from QGIS features."""

import datetime
from pathlib import Path
from typing import Callable, Collection, Dict, List, Optional, Tuple

from qgis.core import QgsApplication, QgsFeature, QgsField, QgsFields, QgsVectorLayer

from ...toolbelt.compat import FIELD_DATETIME, FIELD_INT, FIELD_STRING
from ...toolbelt.i18n import tr
from ..domain.fields import (
    DATETIME,
    INTEGER,
    MAP_CLASS_FIELD,
    SIGHTING_COLUMNS,
    SIGHTING_FIELDS,
    SIGHTINGS_TABLE,
    SOURCE_COLUMNS,
    SOURCE_FIELDS,
    SOURCES_TABLE,
)
from ..domain.records import SightingError, SightingRecord
from ..domain.values import plain
from .gpkg_store import _path, add_sightings, ensure_schema

RELATION_ID = "sightings_sources"  # the QgsRelation between the two tables
_QGS_TYPES = {DATETIME: FIELD_DATETIME, INTEGER: FIELD_INT}


def _qgs_fields(spec) -> QgsFields:
    fields = QgsFields()
    for name, kind, _label in spec:
        fields.append(QgsField(name, _QGS_TYPES.get(kind, FIELD_STRING)))
    return fields


def sighting_qgs_fields() -> QgsFields:
    return _qgs_fields(SIGHTING_FIELDS + (MAP_CLASS_FIELD,))


def source_qgs_fields() -> QgsFields:
    return _qgs_fields(SOURCE_FIELDS)


def sightings_uri(gpkg_path=None) -> str:
    return "{}|layername={}".format(_path(gpkg_path), SIGHTINGS_TABLE)


def sources_uri(gpkg_path=None) -> str:
    return "{}|layername={}".format(_path(gpkg_path), SOURCES_TABLE)


def open_layers(gpkg_path=None, create: bool = True,
                names: Tuple[str, str] = ("Sightings", "Sighting sources")) -> Tuple[QgsVectorLayer, QgsVectorLayer]:
    """QgsVectorLayers of the two tables (created first when `create`)."""
    gpkg_path = _path(gpkg_path)
    if create:
        ensure_schema(gpkg_path)
    return (QgsVectorLayer(sightings_uri(gpkg_path), names[0], "ogr"),
            QgsVectorLayer(sources_uri(gpkg_path), names[1], "ogr"))


def gpkg_path_of(layer_or_source) -> Optional[Path]:
    """The GeoPackage file behind a layer or a 'path|layername=…' source."""
    source = layer_or_source.source() if hasattr(layer_or_source, "source") else str(layer_or_source)
    path = source.split("|", 1)[0]
    return Path(path) if path else None


_SIGHTING_COLUMN_SET = frozenset(SIGHTING_COLUMNS)
_SOURCE_COLUMN_SET = frozenset(SOURCE_COLUMNS)


def sighting_from_feature(feature: QgsFeature, crs_to_wgs84=None) -> Dict[str, object]:
    """The values of a sightings-layer feature for clean_sighting; the point is given in WGS 84
    (`crs_to_wgs84`, a QgsCoordinateTransform, when the layer is in another CRS)."""
    values = {}
    for name, value in zip(feature.fields().names(), feature.attributes()):
        if name in _SIGHTING_COLUMN_SET:
            values[name] = plain(value)
    if values.get("attachment") == QgsApplication.nullRepresentation():
        values["attachment"] = None  # an empty file widget (QGIS 3.22) reads back as the text NULL
    geometry = feature.geometry()
    if geometry is not None and not geometry.isNull() and not geometry.isEmpty():
        point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
        if crs_to_wgs84 is not None:
            point = crs_to_wgs84.transform(point)
        values["lon"], values["lat"] = point.x(), point.y()
    return values


def source_from_feature(feature: QgsFeature) -> Dict[str, object]:
    return {name: plain(value) for name, value in zip(feature.fields().names(), feature.attributes())
            if name in _SOURCE_COLUMN_SET}


def commit_new_sightings(sightings: QgsVectorLayer, sources: Optional[QgsVectorLayer] = None,
                         now: Optional[datetime.datetime] = None,
                         known_units: Optional[Collection[str]] = None,
                         write: Optional[Callable] = None) -> List[SightingRecord]:
    """The sightings added in the layers' edit buffers, with their sources, written in ONE transaction
    by `write(items, now)` (by default into the layers' GeoPackage); on success the buffers are rolled
    back and the layers reloaded. The team store's form path uses it; see the module docstring of
    ui/controllers/sightings.py for the local one."""
    buffer = sightings.editBuffer()
    if buffer is None:
        return []
    source_buffer = sources.editBuffer() if sources is not None else None
    for layer, edits in ((sightings, buffer), (sources, source_buffer)):
        if edits is not None and (edits.changedAttributeValues() or edits.changedGeometries()
                                  or edits.deletedFeatureIds()):
            raise SightingError(tr("{} has changes other than new sightings; save or discard them with QGIS's "
                                   "own editing first").format(layer.name()))
    added = sorted(buffer.addedFeatures().values(), key=lambda f: -f.id())
    added_sources = sorted(source_buffer.addedFeatures().values(), key=lambda f: -f.id()) if source_buffer else []
    items = []
    for feature in added:
        key = plain(feature["sighting_id"])
        mine = [s for s in added_sources if plain(s["sighting_id"]) == key and key is not None]
        items.append((sighting_from_feature(feature), [source_from_feature(s) for s in mine]))
    if write is None:
        def write(pairs, when):
            return add_sightings(gpkg_path_of(sightings), pairs, when, known_units)
    records = write(items, now) if items else []
    for layer in (sightings, sources):
        if layer is not None and layer.isEditable():
            layer.rollBack()
        if layer is not None:
            layer.reload()
    return records

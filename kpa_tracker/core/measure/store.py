"""Measurements the analyst keeps, in the workspace GeoPackage (Measurements layers)."""

import datetime
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ...toolbelt.compat import FIELD_DOUBLE, FIELD_STRING, WKB_MULTILINESTRING, WKB_POLYGON
from .geodesy import densify
from ...toolbelt.gpkg import GeoPackageError, open_or_create

LINES_TABLE = "measurements_lines"
AREAS_TABLE = "measurements_areas"
STORE_STEP_M = 10000.0  # saved lines follow the great circle, as drawn


class MeasurementStoreError(Exception):
    pass


def _fields(kind: str) -> QgsFields:
    fields = QgsFields()
    spec = [("length_km", FIELD_DOUBLE)] if kind == "line" else [
        ("area_km2", FIELD_DOUBLE), ("perimeter_km", FIELD_DOUBLE)]
    spec += [("note", FIELD_STRING), ("ellipsoid", FIELD_STRING), ("created_at", FIELD_STRING)]
    for name, variant in spec:
        fields.append(QgsField(name, variant))
    return fields


def table_uri(gpkg_path: Path, kind: str) -> str:
    return "{}|layername={}".format(gpkg_path, LINES_TABLE if kind == "line" else AREAS_TABLE)


def _open_or_create(gpkg_path: Path, kind: str) -> QgsVectorLayer:
    wkb = WKB_MULTILINESTRING if kind == "line" else WKB_POLYGON
    try:
        return open_or_create(gpkg_path, LINES_TABLE if kind == "line" else AREAS_TABLE, _fields(kind), wkb,
                              "measurements")
    except GeoPackageError as exc:
        raise MeasurementStoreError(str(exc))


def save_measurement(gpkg_path: Path, result: dict, note: str = "") -> str:
    """Append a finished measurement; returns the table's URI. Lines and areas go to their own table."""
    readout = result["readout"]
    kind = "area" if result["mode"] == "area" else "line"
    layer = _open_or_create(Path(gpkg_path), kind)
    feature = QgsFeature(layer.fields())
    parts = densify(result["vertices"] + ([result["vertices"][0]] if kind == "area" else []), STORE_STEP_M)
    if kind == "line":
        feature["length_km"] = readout.total_m / 1000.0
        feature.setGeometry(QgsGeometry.fromMultiPolylineXY([[QgsPointXY(*p) for p in part] for part in parts]))
    else:
        feature["area_km2"] = readout.area_m2 / 1e6
        feature["perimeter_km"] = readout.perimeter_m / 1000.0
        ring = [QgsPointXY(*p) for part in parts for p in part]
        feature.setGeometry(QgsGeometry.fromPolygonXY([ring]))
    if result.get("features"):
        note = (note + " " if note else "") + "({} to {})".format(*result["features"])
    feature["note"] = note
    feature["ellipsoid"] = readout.ellipsoid
    feature["created_at"] = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    if not layer.startEditing() or not layer.addFeature(feature) or not layer.commitChanges():
        errors = "; ".join(layer.commitErrors())
        layer.rollBack()
        raise MeasurementStoreError("measurement not saved: " + errors)
    return table_uri(gpkg_path, kind)


# Range rings and geodesic buffers ------------------------------------------------------------

RINGS_TABLE = "range_rings"


def _ring_fields() -> QgsFields:
    fields = QgsFields()
    for name, variant in (("radius_km", FIELD_DOUBLE), ("label", FIELD_STRING), ("centre", FIELD_STRING),
                          ("centre_lon", FIELD_DOUBLE), ("centre_lat", FIELD_DOUBLE), ("kind", FIELD_STRING),
                          ("note", FIELD_STRING), ("ellipsoid", FIELD_STRING), ("created_at", FIELD_STRING)):
        fields.append(QgsField(name, variant))
    return fields


def rings_uri(gpkg_path: Path) -> str:
    return "{}|layername={}".format(gpkg_path, RINGS_TABLE)


def save_rings(gpkg_path: Path, rings, centre_name: str, centre_lonlat, kind: str = "ring", note: str = "",
               ellipsoid: str = "WGS84") -> str:
    """Append rings [(radius_km, lon/lat polygon geometry), ...] around one centre; returns the table's URI.

    kind: "ring" around a point, "buffer" around a line or a polygon."""
    try:
        layer = open_or_create(Path(gpkg_path), RINGS_TABLE, _ring_fields(), QgsWkbTypes.multiType(WKB_POLYGON),
                               "range rings")
    except GeoPackageError as exc:
        raise MeasurementStoreError(str(exc))
    created = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    features = []
    for radius_km, geometry in sorted(rings, key=lambda ring: -ring[0]):
        feature = QgsFeature(layer.fields())
        multi = QgsGeometry(geometry)
        multi.convertToMultiType()
        feature.setGeometry(multi)
        for name, value in (("radius_km", float(radius_km)), ("label", "{:g} km".format(radius_km)),
                            ("centre", centre_name), ("centre_lon", float(centre_lonlat[0])),
                            ("centre_lat", float(centre_lonlat[1])), ("kind", kind), ("note", note),
                            ("ellipsoid", ellipsoid), ("created_at", created)):
            feature[name] = value
        features.append(feature)
    # The same ring again (same centre, radius and kind) replaces the one kept: no ring drawn twice.
    wanted = {_ring_key(f["centre_lon"], f["centre_lat"], f["radius_km"], kind) for f in features}
    again = [f.id() for f in layer.getFeatures()
             if _ring_key(f["centre_lon"], f["centre_lat"], f["radius_km"], f["kind"]) in wanted]
    if (not layer.startEditing() or (again and not layer.deleteFeatures(again))
            or not layer.addFeatures(features) or not layer.commitChanges()):
        errors = "; ".join(layer.commitErrors())
        layer.rollBack()
        raise MeasurementStoreError("range rings not saved: " + errors)
    return rings_uri(gpkg_path)


def _ring_key(lon, lat, radius_km, kind):
    return (round(float(lon), 6), round(float(lat), 6), round(float(radius_km), 6), kind)

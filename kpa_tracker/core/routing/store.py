"""Routes the analyst keeps: one row per leg, with the route's totals, in the workspace or in memory."""

import datetime
import uuid
from pathlib import Path

from qgis.core import (
    QgsFeature,
    QgsField,
    QgsFields,
    QgsVectorLayer,
)

from ...toolbelt.compat import FIELD_DOUBLE, FIELD_INT, FIELD_STRING, WKB_LINESTRING
from ..measure.geodesy import WGS84
from ...toolbelt.gpkg import GeoPackageError, open_or_create

ROUTES_TABLE = "routes"
FIELDS = (("route_id", FIELD_STRING), ("leg", FIELD_INT), ("from_name", FIELD_STRING),
          ("to_name", FIELD_STRING), ("mode", FIELD_STRING), ("km", FIELD_DOUBLE),
          ("hours", FIELD_DOUBLE), ("via", FIELD_STRING), ("total_km", FIELD_DOUBLE),
          ("total_hours", FIELD_DOUBLE), ("optimize", FIELD_STRING),
          ("straight_km", FIELD_DOUBLE), ("created_at", FIELD_STRING))


class RouteStoreError(Exception):
    pass


def route_fields() -> QgsFields:
    fields = QgsFields()
    for name, variant in FIELDS:
        fields.append(QgsField(name, variant))
    return fields


def route_rows(result, fields: QgsFields):
    route_id = str(uuid.uuid4())
    created = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    rows = []
    for number, leg in enumerate(result.legs, start=1):
        row = QgsFeature(fields)
        values = {"route_id": route_id, "leg": number, "from_name": leg.from_name, "to_name": leg.to_name,
                  "mode": leg.mode, "km": leg.km, "hours": leg.hours, "via": leg.via,
                  "total_km": result.total_km, "total_hours": result.total_hours,
                  "optimize": result.optimize, "straight_km": result.straight_km, "created_at": created}
        for name, value in values.items():
            row[name] = value
        row.setGeometry(leg.geometry())
        rows.append(row)
    return rows


def memory_routes_layer(name: str = "Route (temporary)") -> QgsVectorLayer:
    layer = QgsVectorLayer("LineString?crs={}".format(WGS84), name, "memory")
    layer.dataProvider().addAttributes(route_fields().toList())
    layer.updateFields()
    return layer


def workspace_routes_layer(gpkg_path: Path) -> QgsVectorLayer:
    try:
        return open_or_create(gpkg_path, ROUTES_TABLE, route_fields(), WKB_LINESTRING, "Routes")
    except GeoPackageError as exc:
        raise RouteStoreError(str(exc))


def append_route(layer: QgsVectorLayer, result) -> int:
    """Add the route's legs to a routes layer; returns the number of rows written."""
    rows = route_rows(result, layer.fields())
    if layer.providerType() == "memory":
        ok = layer.dataProvider().addFeatures(rows)[0]
    else:
        ok = layer.startEditing() and layer.addFeatures(rows) and layer.commitChanges()
        if not ok:
            layer.rollBack()
    if not ok:
        raise RouteStoreError("route not saved: " + "; ".join(layer.commitErrors()))
    layer.triggerRepaint()
    return len(rows)

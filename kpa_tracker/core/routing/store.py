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
# hours: moving; dwell_before_h: loading (first leg) or the change of mode at the leg's start, named in
# dwell_before; dwell_after_h: unloading, on the last leg only. total_hours = moving_hours + dwell_hours.
FIELDS = (("route_id", FIELD_STRING), ("leg", FIELD_INT), ("from_name", FIELD_STRING),
          ("to_name", FIELD_STRING), ("mode", FIELD_STRING), ("km", FIELD_DOUBLE),
          ("hours", FIELD_DOUBLE), ("via", FIELD_STRING), ("total_km", FIELD_DOUBLE),
          ("total_hours", FIELD_DOUBLE), ("optimize", FIELD_STRING),
          ("straight_km", FIELD_DOUBLE), ("created_at", FIELD_STRING),
          ("dwell_before_h", FIELD_DOUBLE), ("dwell_before", FIELD_STRING), ("dwell_after_h", FIELD_DOUBLE),
          ("moving_hours", FIELD_DOUBLE), ("dwell_hours", FIELD_DOUBLE), ("total_days", FIELD_DOUBLE))


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
        last = number == len(result.legs)
        values = {"route_id": route_id, "leg": number, "from_name": leg.from_name, "to_name": leg.to_name,
                  "mode": leg.mode, "km": leg.km, "hours": leg.hours, "via": leg.via,
                  "total_km": result.total_km, "total_hours": result.total_hours,
                  "optimize": result.optimize, "straight_km": result.straight_km, "created_at": created,
                  "dwell_before_h": leg.dwell_hours, "dwell_before": leg.dwell_what,
                  "dwell_after_h": result.unloading_hours if last else 0.0,
                  "moving_hours": result.moving_hours, "dwell_hours": result.dwell_hours,
                  "total_days": result.days}
        for name, value in values.items():
            if fields.lookupField(name) >= 0:  # a routes table saved before a field was added lacks it
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
    """The workspace's routes table; one saved before the dwell fields existed gets them added."""
    try:
        layer = open_or_create(gpkg_path, ROUTES_TABLE, route_fields(), WKB_LINESTRING, "Routes")
    except GeoPackageError as exc:
        raise RouteStoreError(str(exc))
    missing = [f for f in route_fields() if layer.fields().lookupField(f.name()) < 0]
    if missing and layer.dataProvider().addAttributes(missing):
        layer.updateFields()
    return layer


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

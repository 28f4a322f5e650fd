"""QGIS enums that moved: plain QgsWkbTypes members on QGIS 3.22, scoped under Qgis from 3.30 and only
there on QGIS 4. The plugin names them once, here."""

from qgis.core import Qgis, QgsWkbTypes

_WKB = getattr(Qgis, "WkbType", None)
_GEOMETRY = getattr(Qgis, "GeometryType", None)


def _wkb(name):
    return getattr(_WKB, name) if _WKB is not None else getattr(QgsWkbTypes, name)


def _geometry(scoped_name, old_name):
    return getattr(_GEOMETRY, scoped_name) if _GEOMETRY is not None else getattr(QgsWkbTypes, old_name)


WKB_POINT = _wkb("Point")
WKB_LINESTRING = _wkb("LineString")
WKB_MULTILINESTRING = _wkb("MultiLineString")
WKB_POLYGON = _wkb("Polygon")
WKB_NO_GEOMETRY = _wkb("NoGeometry")
POINT_GEOMETRY = _geometry("Point", "PointGeometry")
LINE_GEOMETRY = _geometry("Line", "LineGeometry")
POLYGON_GEOMETRY = _geometry("Polygon", "PolygonGeometry")

"""Where QGIS's Python API differs between the versions the plugin supports, named once, here.

Each helper is run by the suite on every QGIS of the matrix (3.22, 3.40, 3.44);
test_compat.py checks them directly.

- QGIS enums that moved: plain QgsWkbTypes members on QGIS 3.22, scoped under Qgis from 3.30 and
  only there on QGIS 4.
- A form container's kind (group box or tab): setType() from 3.32, setIsGroupBox() on 3.22.
- A locator result's user data: given to the constructor on every version; read back with
  getUserData() on 3.22, where the `userData` attribute of a result crashes when read, and from the
  `userData` attribute on 3.40 and 3.44, which have no getUserData().
"""

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
NULL_GEOMETRY = _geometry("Null", "NullGeometry")


def locator_result_data(result):
    """The user data a QgsLocatorResult was constructed with."""
    if hasattr(result, "getUserData"):  # QGIS 3.22
        return result.getUserData()
    return result.userData  # QGIS 3.40, 3.44


# Field types for QgsField. QgsField takes QMetaType.Type from QGIS 3.38 on (and QGIS 4's Qt6 has no
# QVariant.Type); QGIS 3.22 takes only QVariant.Type. Under Qt5 both enums share their numbers, so a
# field's type() compares equal to these constants on every version.
if Qgis.QGIS_VERSION_INT >= 33800:
    from qgis.PyQt.QtCore import QMetaType

    FIELD_STRING = QMetaType.Type.QString
    FIELD_INT = QMetaType.Type.Int
    FIELD_DOUBLE = QMetaType.Type.Double
    FIELD_DATETIME = QMetaType.Type.QDateTime
else:
    from qgis.PyQt.QtCore import QVariant

    FIELD_STRING = QVariant.String
    FIELD_INT = QVariant.Int
    FIELD_DOUBLE = QVariant.Double
    FIELD_DATETIME = QVariant.DateTime


def set_container_is_group_box(container, is_group_box: bool) -> None:
    """A form container as a group box or a tab page: setType() with Qgis.AttributeEditorContainerType
    from QGIS 3.32 on (setIsGroupBox() is deprecated there), setIsGroupBox() on 3.22."""
    kinds = getattr(Qgis, "AttributeEditorContainerType", None)
    if kinds is not None:
        container.setType(kinds.GroupBox if is_group_box else kinds.Tab)
    else:
        container.setIsGroupBox(is_group_box)


def automatic_transactions(project) -> bool:
    """Whether the project edits layers of one database in one transaction (QGIS's "transaction groups"):
    transactionMode() from QGIS 3.26, autoTransaction() before."""
    if hasattr(project, "transactionMode"):
        return project.transactionMode() == Qgis.TransactionMode.AutomaticGroups
    return project.autoTransaction()


def set_automatic_transactions(project, on: bool) -> bool:
    """Switch transaction groups on or off; False when QGIS refused (a layer is being edited)."""
    if automatic_transactions(project) == on:
        return True
    if hasattr(project, "setTransactionMode"):
        return bool(project.setTransactionMode(Qgis.TransactionMode.AutomaticGroups if on
                                               else Qgis.TransactionMode.Disabled))
    if any(layer.isEditable() for layer in project.mapLayers().values() if hasattr(layer, "isEditable")):
        return False  # 3.22 changes the mode anyway and leaves the open edits outside any transaction
    project.setAutoTransaction(on)
    return automatic_transactions(project) == on

"""Small fixes to how QGIS's attribute dialog shows a new sighting (widget-level, no storage)."""

from qgis.core import QgsApplication
from qgis.gui import QgsFilterLineEdit
from qgis.PyQt import sip
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QTableView

from ...core.sightings.form import SOURCE_KEY_COLUMNS


def blank_for_null(dialog) -> None:
    """Empty text fields of the form show nothing instead of QGIS's "NULL" (they still save as NULL)."""
    null_text = QgsApplication.nullRepresentation()
    for line_edit in dialog.findChildren(QgsFilterLineEdit):
        if line_edit.nullValue() == null_text:
            showing_null = line_edit.isNull()
            line_edit.setNullValue("")
            if showing_null:
                line_edit.clear()


def hide_source_keys(dialog, sources) -> None:
    """Hide the key columns in the relation editor's table, by their headers. (Its QgsDualView, given the
    layer's column settings, hides the right number of columns but keeps the old headers on 3.22.)"""
    if sources is None or sip.isdeleted(dialog):
        return
    fields = sources.fields()
    keys = {sources.attributeDisplayName(fields.indexOf(name)) for name in SOURCE_KEY_COLUMNS
            if fields.indexOf(name) >= 0}
    for view in dialog.findChildren(QTableView):
        model = view.model()
        if model is None or model.metaObject().className() != "QgsAttributeTableFilterModel":
            continue
        for column in range(model.columnCount()):
            if str(model.headerData(column, Qt.Orientation.Horizontal)) in keys:
                view.setColumnHidden(column, True)

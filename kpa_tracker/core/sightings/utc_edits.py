"""Date-times edited with QGIS's own tools are stored as the UTC times they show.

The sightings' date-times are UTC, and QGIS's DateTime widget (labelled UTC) hands back what was typed as
a local-time value. QGIS 3.22's OGR provider writes such a value's wall clock; from 3.40 on it converts a
local time to UTC before writing a GeoPackage (qgis/QGIS PR #57548), so "14:30" typed in the form or the
attribute table was stored shifted by the machine's UTC offset. Before the plugin's layers commit, each
local-time date-time waiting in the edit buffer is given the UTC spec, its wall clock kept: right on every
version.
"""

from qgis.PyQt.QtCore import QDateTime, Qt

from ...toolbelt.compat import FIELD_DATETIME


def as_utc_wall_clock(value):
    """A local-time QDateTime as the UTC date-time of the same wall clock; None for anything else."""
    if isinstance(value, QDateTime) and value.isValid() and value.timeSpec() == Qt.TimeSpec.LocalTime:
        return QDateTime(value.date(), value.time(), Qt.TimeSpec.UTC)
    return None


def respec_pending_datetimes(layer) -> int:
    """Give the UTC spec to the local-time date-times in the layer's edit buffer; how many were changed."""
    buffer = layer.editBuffer()
    if buffer is None:
        return 0
    fields = layer.fields()
    datetime_indexes = {i for i in range(fields.count()) if fields.field(i).type() == FIELD_DATETIME}
    pending = [(fid, index, value) for fid, values in buffer.changedAttributeValues().items()
               for index, value in values.items() if index in datetime_indexes]
    pending += [(fid, index, feature.attribute(index)) for fid, feature in buffer.addedFeatures().items()
                for index in datetime_indexes]
    changed = 0
    for fid, index, value in pending:
        utc = as_utc_wall_clock(value)
        if utc is not None:
            layer.changeAttributeValue(fid, index, utc)
            changed += 1
    return changed

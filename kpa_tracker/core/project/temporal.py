"""Temporal properties, so QGIS's Temporal Controller animates dated features."""

from qgis.core import QgsVectorLayer, QgsVectorLayerTemporalProperties

# Dates in the curated data are text at day, month or year precision; these
# expressions take the earliest day of valid_from and the last day of valid_to.
# No valid_to means still in force: it ends now (QGIS drops a feature whose end is
# NULL from every frame).
# No valid_from means not time-bound (a garrison, a corps): it starts long before the data.
START_EXPRESSION = (
    "coalesce(to_datetime(CASE WHEN length(\"valid_from\") = 4 THEN \"valid_from\" || '-01-01' "
    "WHEN length(\"valid_from\") = 7 THEN \"valid_from\" || '-01' ELSE \"valid_from\" END), "
    "to_datetime('1900-01-01 00:00:00'))"
)
END_EXPRESSION = (
    "CASE WHEN \"valid_to\" IS NULL THEN now() "
    "WHEN length(\"valid_to\") = 4 THEN to_datetime(\"valid_to\" || '-12-31 23:59:59') "
    # A month ends a second before the next month starts (QGIS's '1 month' interval is 30 days).
    "WHEN length(\"valid_to\") = 7 THEN to_datetime(CASE WHEN right(\"valid_to\", 2) = '12' "
    "THEN (to_int(left(\"valid_to\", 4)) + 1) || '-01-01' "
    "ELSE left(\"valid_to\", 5) || lpad(to_string(to_int(right(\"valid_to\", 2)) + 1), 2, '0') || '-01' END) "
    "- to_interval('1 second') ELSE to_datetime(\"valid_to\" || ' 23:59:59') END"
)


def apply_temporal(layer: QgsVectorLayer) -> None:
    properties = layer.temporalProperties()
    properties.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromExpressions)
    properties.setStartExpression(START_EXPRESSION)
    properties.setEndExpression(END_EXPRESSION)
    properties.setIsActive(True)

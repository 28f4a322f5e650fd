"""What QGIS's Temporal Controller draws of the curated layers: the layers' own filters, evaluated by QGIS."""

import datetime

import pytest
from qgis.core import (
    QgsDateTimeRange,
    QgsFeature,
    QgsFeatureRequest,
    QgsVectorLayer,
    QgsVectorLayerTemporalContext,
)
from qgis.PyQt.QtCore import QDateTime, Qt

from kpa_tracker.core.project.temporal import apply_temporal

PERIODS = {  # id: (valid_from, valid_to) as the curated data writes them
    "sea-leg": ("2024-10-08", "2024-10-13"),
    "ongoing-transfer": ("2024-10-13", None),
    "month-only": ("2024-10", None),
    "year-only-ended": ("2023", "2023"),
    "ended-in-month": ("2024-11-02", "2024-12"),
}


def _utc(value):
    return QDateTime(value.date(), value.time(), Qt.TimeSpec.UTC)


def shown(layer, start, end):
    frame = QgsDateTimeRange(_utc(start), _utc(end), True, False)
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    expression = layer.temporalProperties().createFilterString(context, frame)
    return sorted(f["id"] for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expression)))


@pytest.fixture
def dated():
    layer = QgsVectorLayer("Point?crs=EPSG:4326&field=id:string&field=valid_from:string&field=valid_to:string",
                           "dated", "memory")
    for feature_id, (start, end) in PERIODS.items():
        feature = QgsFeature(layer.fields())
        feature.setAttributes([feature_id, start, end])
        layer.dataProvider().addFeature(feature)
    apply_temporal(layer)
    yield layer
    del layer


def test_features_show_from_their_first_day_to_their_last(dated):
    day = datetime.datetime
    assert shown(dated, day(2024, 10, 1), day(2024, 10, 2)) == ["month-only"], "a month starts on its first day"
    assert shown(dated, day(2024, 10, 13, 20), day(2024, 10, 13, 21)) == [
        "month-only", "ongoing-transfer", "sea-leg"], "valid_to is the whole last day"
    assert shown(dated, day(2024, 10, 14), day(2024, 10, 15)) == ["month-only", "ongoing-transfer"]
    assert shown(dated, day(2024, 12, 31, 12), day(2024, 12, 31, 13)) == [
        "ended-in-month", "month-only", "ongoing-transfer"], "a month's end is its last day"
    assert shown(dated, day(2023, 6, 1), day(2023, 6, 2)) == ["year-only-ended"]


def test_features_without_an_end_date_stay_on_the_map_until_today(dated):
    today = datetime.datetime.utcnow()
    assert shown(dated, today - datetime.timedelta(days=1), today) == ["month-only", "ongoing-transfer"]
    assert shown(dated, today + datetime.timedelta(days=1), today + datetime.timedelta(days=2)) == []

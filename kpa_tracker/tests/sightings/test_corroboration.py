"""Corroboration that means something: two sightings count for each other only with independent sources
(core/sightings/query.py over core/domain/origin.py), and the dock says why."""

import datetime
import re
from dataclasses import dataclass
from typing import Optional

import pytest
from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QPushButton

from kpa_tracker.core.domain.records import SightingRecord
from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.sightings.query import corroboration, corroboration_details
from kpa_tracker.tests.sightings.test_sightings_core import sighting, source
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.controllers.sightings import SightingsController, corroboration_html
from kpa_tracker.ui.panels.sightings import CORROBORATED_COLUMN, SightingsPanel

UTC = datetime.timezone.utc
NOW = datetime.datetime(2025, 1, 15, tzinfo=UTC)


@dataclass
class Source:
    """A source as the sighting_sources table holds it (with the dataset fields of issue #16)."""
    url: Optional[str]
    publisher: str = "Outlet"
    archive_url: Optional[str] = None
    dataset: Optional[str] = None
    record_id: Optional[str] = None
    original_url: Optional[str] = None


_SEQUENCE = [0]


def record(*sources, lon=35.27, lat=51.19, day=10, hour=12, unit="kpa-94", place="Sudzha"):
    _SEQUENCE[0] += 1
    at = datetime.datetime(2024, 12, day, hour, tzinfo=UTC)
    return SightingRecord("s{}".format(_SEQUENCE[0]), lon, lat, at, 1, 2, "B", 2, "reported", "unreviewed", "test",
                          NOW, NOW, unit_id=unit, location_name=place, sources=list(sources))


def pair_counts(a_sources, b_sources):
    a, b = record(*a_sources), record(*b_sources, lon=35.30, lat=51.20, day=12)
    counts = corroboration([a, b], distance_km=10, days=7)
    assert counts[a.sighting_id] == counts[b.sighting_id]
    return counts[a.sighting_id], corroboration_details([a, b], 10, 7)[a.sighting_id]


def test_the_same_url_through_two_sightings_is_not_corroboration():
    count, detail = pair_counts([Source("https://t.me/somechannel/4711")], [Source("https://t.me/somechannel/4711")])
    assert count == 0 and detail.count == 0 and detail.by == []
    assert [n.reason for n in detail.not_counted] == ["same origin: the same URL t.me/somechannel/4711"]


@pytest.mark.parametrize("one, other", [
    ("https://twitter.com/Someone/status/1869000000000000001", "https://x.com/someone/status/1869000000000000001"),
    ("https://outlet.example/report?utm_source=telegram&utm_medium=social", "https://outlet.example/report/"),
    ("https://t.me/s/SomeChannel/4711", "https://t.me/somechannel/4711"),
    ("https://web.archive.org/web/20241214093000/https://outlet.example/a", "https://outlet.example/a"),
])
def test_one_address_written_two_ways_is_one_origin(one, other):
    count, detail = pair_counts([Source(one)], [Source(other)])
    assert count == 0 and len(detail.not_counted) == 1


def test_an_archive_copy_of_the_other_sightings_url_is_the_same_origin():
    archived = Source("https://outlet-b.example/9", archive_url="https://web.archive.org/web/2024/https://t.me/c/1")
    count, detail = pair_counts([archived], [Source("https://t.me/c/1")])
    assert count == 0 and "archived copy" in detail.not_counted[0].reason


def test_two_outlets_reporting_the_same_original_post_are_one_origin():
    a = Source("https://outlet-a.example/story", original_url="https://t.me/somechannel/4711")
    b = Source("https://outlet-b.example/other-story", original_url="https://t.me/s/somechannel/4711")
    count, detail = pair_counts([a], [b])
    assert count == 0
    assert detail.not_counted[0].reason == "same origin: the same original post t.me/somechannel/4711"


def test_two_rows_of_one_dataset_record_are_one_origin():
    a = Source(None, publisher="Outlet A", dataset="ACLED", record_id="UKR123")
    b = Source("", publisher="Outlet B", dataset="ACLED", record_id="UKR123")
    count, detail = pair_counts([a], [b])
    assert count == 0 and detail.not_counted[0].reason == "same origin: the same ACLED record UKR123"


def test_different_dataset_records_corroborate():
    a = Source(None, dataset="ACLED", record_id="UKR123")
    b = Source(None, dataset="ACLED", record_id="UKR124")
    count, detail = pair_counts([a], [b])
    assert count == 1 and detail.not_counted == [] and len(detail.by) == 1


def test_independent_urls_corroborate_and_say_where_and_when():
    count, detail = pair_counts([Source("https://t.me/somechannel/4711")], [Source("https://t.me/otherchannel/12")])
    assert count == 1
    neighbour = detail.by[0]
    assert neighbour.reason is None
    assert neighbour.description == "2024-12-12 12:00 UTC at Sudzha, 2.4 km and 2 days away"


def test_one_shared_source_among_several_makes_it_one_origin():
    count, _detail = pair_counts([Source("https://a.example/1"), Source("https://t.me/x/1")],
                                 [Source("https://b.example/2"), Source("https://t.me/s/x/1")])
    assert count == 0


def test_a_sightings_own_sources_are_not_compared_with_each_other():
    # One sighting citing one post twice (its page and its /s/ preview) is still corroborated by another.
    a = record(Source("https://t.me/x/1"), Source("https://t.me/s/x/1"))
    b = record(Source("https://t.me/y/2"), day=11)
    assert corroboration([a, b], 10, 7) == {a.sighting_id: 1, b.sighting_id: 1}


def test_three_sightings_one_shared_url_one_independent():
    a = record(Source("https://t.me/x/1"))
    b = record(Source("https://t.me/x/1"), day=11)
    c = record(Source("https://t.me/y/2"), day=12)
    far = record(Source("https://t.me/z/3"), lon=36.2, lat=51.7, day=11)  # 80 km: not near at all
    counts = corroboration([a, b, c, far], 10, 7)
    assert counts == {a.sighting_id: 1, b.sighting_id: 1, c.sighting_id: 2, far.sighting_id: 0}
    details = corroboration_details([a, b, c, far], 10, 7)
    assert {k: v.count for k, v in details.items()} == counts
    assert [n.sighting_id for n in details[c.sighting_id].by] == [b.sighting_id, a.sighting_id], "nearest first"
    assert [n.sighting_id for n in details[a.sighting_id].not_counted] == [b.sighting_id]
    assert details[far.sighting_id].by == [] and details[far.sighting_id].not_counted == []


def test_the_paragraph_words_both_cases_and_escapes_what_it_quotes():
    a = record(Source("https://t.me/x/1?a=<b>"), place="<i>Sudzha</i>")
    b = record(Source("https://t.me/x/1?a=<b>"), day=12, place="<i>Sudzha</i>")
    text = corroboration_html(corroboration_details([a, b], 10, 7)[a.sighting_id], 10, 7)
    assert "<i>" not in text and "<b>" not in text and "&lt;i&gt;Sudzha&lt;/i&gt;" in text
    assert text.startswith("<p>Not corroborated: 1 sighting(s) nearby cite(s) the same URL t.me/x/1?a=")
    alone = corroboration_html(corroboration_details([a], 10, 7)[a.sighting_id], 10, 7)
    assert "no other sighting of this unit within 10 km and 7 days" in alone


# --- the dock, with real widgets --------------------------------------------------------------------------


@pytest.fixture
def dock(qgis_iface, qgis_new_project, tmp_path, flush):
    panel = SightingsPanel()
    connections = ConnectionRegistry()
    controller = SightingsController(qgis_iface, panel, connections, gpkg_path=tmp_path / "ws.gpkg")
    panel.start.setDate(QDate(2024, 12, 1))
    yield controller, tmp_path / "ws.gpkg"
    connections.disconnect_all()
    panel.deleteLater()
    flush()


def _row_of(panel, description):
    for row in range(panel.table.rowCount()):
        if panel.table.item(row, 3).text() == description:
            return row
    raise AssertionError(description)


def _plain(rich):
    return re.sub(r"<[^>]+>", " ", rich).replace("&amp;", "&")


def test_dock_a_report_imported_twice_corroborates_nothing_and_says_why(dock):
    controller, gpkg = dock
    url = "https://twitter.com/Someone/status/1869000000000000001?s=20"
    S.add_sighting(gpkg, sighting(location_name="Sudzha"), [source(url=url)], now=NOW)
    S.add_sighting(gpkg, sighting(lon=35.30, lat=51.20, observed_at="2024-12-12T10:00:00Z", location_name="Plekhovo"),
                   [source(url="https://x.com/someone/status/1869000000000000001", publisher="Reposter")], now=NOW)
    rows = controller.refresh()
    assert [row[4] for row in rows] == [0, 0], "the same post through twitter.com and x.com is one report"
    panel = controller.panel
    row = _row_of(panel, "Plekhovo")
    item = panel.table.item(row, CORROBORATED_COLUMN)
    assert item.text() == "0"
    tip = _plain(item.toolTip())
    assert "Not corroborated: 1 sighting(s) nearby cite(s) the same URL x.com/i/status/1869000000000000001" in tip
    assert "Sudzha" in tip
    panel.table.setCurrentCell(row, 0)
    details = panel.details.toPlainText()
    assert "Corroboration" in details
    assert "Not corroborated: 1 sighting(s) nearby cite(s) the same URL x.com/i/status/1869000000000000001" in details


def test_dock_independent_reports_corroborate_and_are_named(dock):
    controller, gpkg = dock
    S.add_sighting(gpkg, sighting(location_name="Sudzha"), [source(url="https://t.me/somechannel/4711")], now=NOW)
    S.add_sighting(gpkg, sighting(lon=35.30, lat=51.20, observed_at="2024-12-12T10:00:00Z",
                                  location_name="<b>Plekhovo</b>"),
                   [source(url="https://outlet.example/report?id=7&utm_source=x")], now=NOW)
    S.add_sighting(gpkg, sighting(lon=35.31, lat=51.21, observed_at="2024-12-13T10:00:00Z", location_name="Again"),
                   [source(url="https://t.me/s/SomeChannel/4711")], now=NOW)
    rows = controller.refresh()
    panel = controller.panel
    counts = {row[3]: row[4] for row in rows}
    assert counts == {"Sudzha": 1, "<b>Plekhovo</b>": 2, "Again": 1}
    item = panel.table.item(_row_of(panel, "<b>Plekhovo</b>"), CORROBORATED_COLUMN)
    assert item.text() == "2"
    assert "<b>Plekhovo" not in item.toolTip(), "names are escaped in the tooltip"
    assert "Corroborated by 2 independent sighting(s) within 10 km and 7 days" in _plain(item.toolTip())
    sudzha = _row_of(panel, "Sudzha")
    tip = _plain(panel.table.item(sudzha, CORROBORATED_COLUMN).toolTip())
    assert "Corroborated by 1 independent sighting(s)" in tip
    assert "Not counted, 1 sighting(s) nearby with the same origin" in tip
    assert "same origin: the same URL t.me/somechannel/4711" in tip
    panel.table.setCurrentCell(sudzha, 0)
    details = panel.details.toPlainText()
    assert "Corroborated by 1 independent sighting(s) within 10 km and 7 days" in details
    assert "<b>Plekhovo</b>" in details, "shown as text, not as markup"
    assert "Again" in details and "same origin: the same URL t.me/somechannel/4711" in details
    panel.within_km.setValue(1.0)
    controller.refresh()
    panel.table.setCurrentCell(_row_of(panel, "Sudzha"), 0)
    assert "no other sighting of this unit within 1 km and 7 days" in panel.details.toPlainText()


def test_import_and_export_buttons_for_the_dialog(dock):
    controller, _gpkg = dock
    panel = controller.panel
    buttons = {b.objectName(): b for b in panel.findChildren(QPushButton)}
    importing, exporting = buttons["KpaImportSightingsButton"], buttons["KpaExportSightingsButton"]
    assert importing.text() == "Import sightings…" and exporting.text() == "Export sightings…"
    assert "GeoConfirmed" in importing.toolTip() and "KML" in exporting.toolTip()
    fired = []
    panel.importRequested.connect(lambda: fired.append("import"))
    panel.exportRequested.connect(lambda: fired.append("export"))
    importing.click()
    exporting.click()
    assert fired == ["import", "export"]
    layout = panel.layout()
    below_show = layout.itemAt(layout.indexOf(panel.show_button) + 1).layout()
    assert below_show is not None and below_show.indexOf(importing) == 0 and below_show.indexOf(exporting) == 1, \
        "side by side, right under Show sightings on the map"


def test_dock_dataset_records_and_original_posts_through_the_store(dock):
    """Two rows of one ACLED record, and two outlets quoting one post, stored and read back as the dock does."""
    controller, gpkg = dock
    acled = {"url": "", "publisher": "Outlet A", "published_at": "2024-12-11", "dataset": "ACLED",
             "record_id": "UKR123"}
    S.add_sighting(gpkg, sighting(unit_as_reported="Unit A", location_name="A1"), [acled], now=NOW)
    S.add_sighting(gpkg, sighting(unit_as_reported="Unit A", location_name="A2", lon=35.30, lat=51.20,
                                  observed_at="2024-12-12T10:00:00Z"),
                   [dict(acled, publisher="Outlet B")], now=NOW)
    S.add_sighting(gpkg, sighting(unit_as_reported="Unit A", location_name="A3", lon=35.31, lat=51.21,
                                  observed_at="2024-12-12T10:00:00Z"),
                   [dict(acled, record_id="UKR124")], now=NOW)
    S.add_sighting(gpkg, sighting(unit_as_reported="Unit B", location_name="B1"),
                   [source(url="https://outlet-a.example/story", original_url="https://t.me/somechannel/4711")],
                   now=NOW)
    S.add_sighting(gpkg, sighting(unit_as_reported="Unit B", location_name="B2", observed_at="2024-12-11T08:00:00Z"),
                   [source(url="https://outlet-b.example/other", original_url="https://t.me/s/SomeChannel/4711")],
                   now=NOW)
    rows = controller.refresh()
    counts = {row[3]: row[4] for row in rows}
    assert counts == {"A1": 1, "A2": 1, "A3": 2, "B1": 0, "B2": 0}
    panel = controller.panel
    tip = _plain(panel.table.item(_row_of(panel, "A1"), CORROBORATED_COLUMN).toolTip())
    assert "Corroborated by 1 independent sighting(s)" in tip and "A3" in tip
    assert "same origin: the same ACLED record UKR123" in tip
    panel.table.setCurrentCell(_row_of(panel, "B2"), 0)
    assert "Not corroborated: 1 sighting(s) nearby cite(s) the same original post t.me/somechannel/4711" in \
        panel.details.toPlainText()

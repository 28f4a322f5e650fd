"""Briefings at a date: exactly the sources of what the map shows (curated and sightings), AS_OF default and
refusal, links in the PDF, items inside their frames, the front through time (PRESET=4) page by page."""

import datetime
import re
import shutil
import subprocess

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsDateTimeRange,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsGeometry,
    QgsInterval,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsTemporalNavigationObject,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, QUrl

from kpa_tracker.core.briefing import headless
from kpa_tracker.core.briefing import legend as legend_fit
from kpa_tracker.core.briefing import settings as briefing_settings
from kpa_tracker.core.briefing.build import PRESETS, build_briefing, default_as_of, export, parse_as_of, preset_by_id
from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.project.layers import LAYER_ID_PROPERTY
from kpa_tracker.core.sightings.store import GpkgStore
from kpa_tracker.processing import briefing_map
from kpa_tracker.tests.sightings.test_sightings_core import NOW, sighting, source
from kpa_tracker.ui.connections import ConnectionRegistry
from kpa_tracker.ui.controllers.briefing import BriefingController
from kpa_tracker.ui.panels.briefing import BriefingPanel

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None,
                                reason="needs poppler-utils")
DAY = datetime.date(2024, 12, 10)  # the sighting below is drawn on this day
SIGHTING_URL = "https://example.org/briefing-sighting-report"


@pytest.fixture
def project(curated_project, tmp_path):
    """The default layers and one real sighting of the analyst's."""
    gpkg = tmp_path / "sightings.gpkg"
    GpkgStore(gpkg).write([(sighting(), [source(url=SIGHTING_URL, publisher="Briefing Test News")])], now=NOW)
    assert headless.add_local_sightings(curated_project, gpkg) == 1
    return curated_project


def _pdf_text(path, page=None):
    command = ["pdftotext", "-layout"] + (["-f", str(page), "-l", str(page)] if page else []) + [str(path), "-"]
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


def _pages(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def _uris(path):
    return {m.group(1).decode("latin-1") for m in re.finditer(rb"/URI \((.*)\)\r?\n", path.read_bytes())}


def _shown_on(layer, feature, day):
    """Independently of the briefing: the feature's own period, from the layer's start and end
    expressions evaluated here, holds the day."""
    properties = layer.temporalProperties()
    if properties is None or not properties.isActive():
        return True
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
    context.setFeature(feature)
    start = QgsExpression(properties.startExpression()).evaluate(context)
    end = QgsExpression(properties.endExpression()).evaluate(context)
    begin_of_day = QDateTime(QDate(day.year, day.month, day.day), QTime(0, 0))
    end_of_day = QDateTime(QDate(day.year, day.month, day.day), QTime(23, 59, 59))
    return start <= end_of_day and end >= begin_of_day


def _expected_urls(project, extent, day):
    """The sources of every feature of every visible layer that meets the extent and is drawn on the day:
    curated ones from the data files, sightings' from the sources table."""
    _, result = curated.load_cached()
    by_feature = {(layer_id, f.id): f for layer_id, fs in result.features.items() for f in fs}
    wgs84 = QgsCoordinateReferenceSystem("EPSG:4326")
    urls = set()
    sources_layer = next(l for l in project.mapLayers().values()
                         if l.customProperty("kpa_tracker/sightings") == "sources")
    for node in project.layerTreeRoot().findLayers():
        layer = node.layer()
        if not node.isVisible() or not hasattr(layer, "getFeatures"):
            continue
        box = QgsGeometry.fromRect(QgsCoordinateTransform(wgs84, layer.crs(), project).transformBoundingBox(extent))
        for feature in layer.getFeatures():
            if not feature.geometry().intersects(box) or not _shown_on(layer, feature, day):
                continue
            if layer.customProperty("kpa_tracker/sightings") == "sightings":
                urls.update(s["url"] for s in sources_layer.getFeatures()
                            if s["sighting_id"] == feature["sighting_id"])
            elif "id" in feature.fields().names() and (layer.customProperty(LAYER_ID_PROPERTY),
                                                        feature["id"]) in by_feature:
                urls.update(s.url for s in by_feature[(layer.customProperty(LAYER_ID_PROPERTY), feature["id"])].sources)
    return urls


def test_a_briefing_at_a_date_lists_exactly_the_sources_of_what_it_shows(project, tmp_path):
    preset = preset_by_id("kursk")
    briefing = build_briefing(project, preset.extent_rectangle(), preset.crs, as_of=DAY)
    expected = _expected_urls(project, preset.extent_rectangle(), DAY)
    assert SIGHTING_URL in expected
    assert {u for u in briefing.urls if u} == expected
    # The sighting counts for the newest information shown, and its source is printed and linked.
    assert briefing.as_of >= "2024-12-10"
    pdf = export(briefing, tmp_path / "day.pdf", "A4 landscape")
    assert SIGHTING_URL in " ".join(_pdf_text(pdf).split())
    uris = _uris(pdf)
    for url in expected:
        assert bytes(QUrl(url).toEncoded()).decode("ascii") in uris, url
    # Every source is carried by a number on the map.
    shown = set()
    for feature in briefing.numbers_layer.getFeatures():
        for part in feature["numbers"].strip("[]").split(", "):
            first, _, last = part.partition("–")
            shown.update(range(int(first), int(last or first) + 1))
    assert shown == set(range(1, len(briefing.sources) + 1))


def test_a_later_day_shows_other_sources(project):
    preset = preset_by_id("kursk")
    december = build_briefing(project, preset.extent_rectangle(), preset.crs, as_of=DAY)
    march = build_briefing(project, preset.extent_rectangle(), preset.crs, as_of=datetime.date(2025, 3, 13))
    assert SIGHTING_URL not in march.urls
    assert {u for u in march.urls if u} == _expected_urls(project, preset.extent_rectangle(),
                                                          datetime.date(2025, 3, 13))
    assert set(march.urls) != set(december.urls)


def test_as_of_is_refused_in_a_sentence_naming_the_parameter():
    today = datetime.date(2026, 1, 5)
    assert parse_as_of("2025-03-13", today=today) == datetime.date(2025, 3, 13)
    with pytest.raises(ValueError, match=r"AS_OF is 2026-01-06, a date in the future"):
        parse_as_of("2026-01-06", today=today)
    for bad in ("13.03.2025", "2025-3-13", "yesterday", "2025-02-30"):
        with pytest.raises(ValueError, match=r"AS_OF must be a date written yyyy-mm-dd"):
            parse_as_of(bad, today=today)


def test_as_of_defaults_to_today_then_to_the_temporal_controller_frame(qgis_iface):
    canvas = qgis_iface.mapCanvas()
    assert default_as_of() == datetime.date.today()
    navigation = QgsTemporalNavigationObject()
    navigation.setTemporalExtents(QgsDateTimeRange(QDateTime(QDate(2025, 3, 1), QTime(0, 0)),
                                                   QDateTime(QDate(2025, 4, 1), QTime(0, 0))))
    navigation.setFrameDuration(QgsInterval(86400))  # a day
    navigation.setNavigationMode(QgsTemporalNavigationObject.Animated)
    panel, connections = BriefingPanel(), ConnectionRegistry()
    previous = canvas.temporalController()
    canvas.setTemporalController(navigation)
    try:
        navigation.setCurrentFrameNumber(12)
        assert default_as_of() == datetime.date(2025, 3, 13)
        BriefingController(qgis_iface, panel, connections, ask_path=lambda _s: "")
        assert panel.as_of.date() == QDate(2025, 3, 13)
        navigation.setCurrentFrameNumber(13)  # the tab follows the Temporal Controller
        assert panel.as_of.date() == QDate(2025, 3, 14)
        assert panel.as_of.maximumDate() == QDate.currentDate()  # a future day cannot be picked
    finally:
        connections.disconnect_all()
        canvas.setTemporalController(previous)
        panel.deleteLater()


def test_the_tab_remembers_author_and_handling(project, qgis_iface, tmp_path):
    panel, connections = BriefingPanel(), ConnectionRegistry()
    try:
        controller = BriefingController(qgis_iface, panel, connections, ask_path=lambda _s: str(tmp_path / "b.pdf"))
        panel.preset.setCurrentIndex(2)
        panel.as_of.setDate(QDate(DAY.year, DAY.month, DAY.day))
        panel.author.setText("Analyst Test")
        panel.handling.setText("Test handling line")
        path, briefing = controller.export()
        text = " ".join(_pdf_text(path, 1).split())
        assert "Produced {} by Analyst Test".format(datetime.date.today().isoformat()) in text
        assert "Handling: Test handling line" in text and "Positions are approximate; see each source." in text
        assert "Picture of 2024-12-10" in text
        again = BriefingPanel()
        BriefingController(qgis_iface, again, connections, ask_path=lambda _s: "")
        assert again.author.text() == "Analyst Test" and again.handling.text() == "Test handling line"
        again.deleteLater()
    finally:
        briefing_settings.remember("", "")
        connections.disconnect_all()
        panel.deleteLater()


@pytest.mark.parametrize("preset_id", [p.id for p in PRESETS])
def test_items_stay_inside_the_page_and_the_legend_inside_its_frame(project, preset_id):
    preset = preset_by_id(preset_id)
    briefing = build_briefing(project, preset.extent_rectangle(), preset.crs, as_of=DAY)
    layout = briefing.layout
    page = layout.pageCollection().page(0).pageSize()
    for item in layout.items():
        if not hasattr(item, "positionWithUnits") or not item.id():
            continue
        position, size = item.positionWithUnits(), item.sizeWithUnits()
        assert position.x() >= 0 and position.x() + size.width() <= page.width() + 0.01, item.id()
        assert size.height() <= page.height() + 0.01, item.id()
        number = item.page()
        y = item.pagePos().y()
        assert y >= 0 and y + size.height() <= page.height() + 0.01, (item.id(), number)
    legend = layout.itemById("legend")
    needed, frame = legend_fit.needed_size(legend), legend.sizeWithUnits()
    assert needed.width() <= frame.width() + 0.01 and needed.height() <= frame.height() + 0.01
    assert legend.model().rootGroup().findLayers(), "the legend has entries"


def test_processing_refuses_a_future_or_malformed_as_of(registry, tmp_path, monkeypatch):
    monkeypatch.setattr(briefing_map, "workspace_gpkg_path", lambda: tmp_path / "workspace.gpkg")
    monkeypatch.setattr(headless, "default_path", lambda: tmp_path / "none.gpkg")
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    for value, message in ((tomorrow, "AS_OF is {}, a date in the future".format(tomorrow)),
                           ("13/03/2025", "AS_OF must be a date written yyyy-mm-dd")):
        algorithm = registry.createAlgorithmById("kpa_tracker:briefingmap")
        with pytest.raises(QgsProcessingException, match=re.escape(message)):
            algorithm.run({"PRESET": 2, "AS_OF": value, "OUTPUT": str(tmp_path / "x.pdf")}, QgsProcessingContext(),
                          QgsProcessingFeedback(), catchExceptions=False)
    assert not (tmp_path / "x.pdf").exists()


def test_the_front_through_time_has_a_page_per_snapshot_then_its_sources(registry, tmp_path, monkeypatch):
    monkeypatch.setattr(briefing_map, "workspace_gpkg_path", lambda: tmp_path / "workspace.gpkg")
    monkeypatch.setattr(headless, "default_path", lambda: tmp_path / "none.gpkg")
    output = tmp_path / "atlas.pdf"
    algorithm = registry.createAlgorithmById("kpa_tracker:briefingmap")
    results, ok = algorithm.run({"PRESET": 4, "OUTPUT": str(output)}, QgsProcessingContext(),
                                QgsProcessingFeedback(), catchExceptions=False)
    assert ok and output.exists()
    _, result = curated.load_cached()
    snapshots = sorted(result.features["front_areas"], key=lambda f: f.valid_from)
    pages = _pages(output)
    texts = [" ".join(_pdf_text(output, n).split()) for n in range(1, pages + 1)]
    assert len(snapshots) < pages
    for snapshot, text in zip(snapshots, texts):
        assert "Snapshot of {} to {}".format(snapshot.valid_from, snapshot.valid_to or "…") in text, snapshot.id
        assert "Sources of this page: [" in text
    for text in texts[len(snapshots):]:
        assert text.startswith("Sources")
    assert len(_uris(output)) > 20


def test_briefingmap_runs_headless_in_qgis_process(headless_profiles, tmp_path):
    from devtools import qgis_desktop
    profiles = headless_profiles
    output = tmp_path / "atlas.pdf"
    run = qgis_desktop.run_qgis_process(profiles, [
        "run", "kpa_tracker:briefingmap", "--", "PRESET=4", "OUTPUT={}".format(output)])
    assert run.returncode == 0, run.stdout + run.stderr
    _, result = curated.load_cached()
    assert _pages(output) > len(result.features["front_areas"])
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    failing = qgis_desktop.run_qgis_process(profiles, [
        "run", "kpa_tracker:briefingmap", "--", "PRESET=2", "AS_OF=" + tomorrow, "OUTPUT={}".format(tmp_path / "x.pdf")])
    assert failing.returncode != 0
    assert "AS_OF is {}, a date in the future".format(tomorrow) in failing.stdout + failing.stderr

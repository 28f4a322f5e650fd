"""Briefing maps: PDF text, PNG size, legend of visible layers only, sources that follow the extent."""

import shutil
import struct
import subprocess
import unicodedata

import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsRectangle

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.briefing.build import PAGES, PRESETS, build_briefing, export, preset_by_id, readable_url
from kpa_tracker.core.project.layers import find_loaded
from kpa_tracker.ui.controllers.briefing import BriefingController
from kpa_tracker.ui.panels.briefing import BriefingPanel
from kpa_tracker.ui.connections import ConnectionRegistry

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")


@pytest.fixture
def project(curated_project):
    return curated_project


def _pdf_text(path):
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return unicodedata.normalize("NFKC", text)  # the PDF's "ﬁ" ligature is "fi"


def _expected_sources(extent, day=None):
    """Independently: the sources of every curated feature whose geometry meets the extent and whose
    period holds the day (a briefing shows one day: today unless told)."""
    import datetime
    from kpa_tracker.core.curated.checks import interval
    day = day or datetime.date.today()
    _, result = curated.load_cached()
    box = QgsGeometry.fromRect(QgsRectangle(*extent))
    expected = set()
    for layer_id in ("units", "bases", "kursk_sites", "movements", "front_lines", "front_areas"):
        for feature in result.features[layer_id]:
            start, end = interval(feature)
            if not start <= day <= end:
                continue
            coords = feature.coordinates
            if feature.geometry_type == "Point":
                geometry = QgsGeometry.fromPointXY(QgsPointXY(*coords))
            elif feature.geometry_type == "LineString":
                geometry = QgsGeometry.fromPolylineXY([QgsPointXY(*p) for p in coords])
            else:
                geometry = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in coords[0]]])
            if geometry.intersects(box):
                expected.update(source.url for source in feature.sources)
    return expected


def _png_size(path):
    with open(str(path), "rb") as image:
        header = image.read(24)
    return struct.unpack(">II", header[16:24])


@pytest.mark.parametrize("preset_id", [p.id for p in PRESETS])
def test_pdf_has_the_title_and_every_source_in_view_as_text(project, tmp_path, preset_id):
    preset = preset_by_id(preset_id)
    briefing = build_briefing(project, preset.extent_rectangle(), preset.crs, "A4 landscape",
                              title="Briefing test title", subtitle=preset.title)
    pdf = export(briefing, tmp_path / "map.pdf", "A4 landscape")
    text = " ".join(_pdf_text(pdf).split())
    assert "Briefing test title" in text
    expected = _expected_sources(preset.extent)
    printed = {line.rsplit(" ", 1)[-1] for line in briefing.sources}
    assert expected and {readable_url(url) for url in expected} <= printed
    for url in expected:
        # pdftotext may break a long URL at a line end: compare without spaces. A percent-encoded
        # address is printed decoded (readable_url), the same address as an IRI.
        shown = unicodedata.normalize("NFKC", readable_url(url)).replace(" ", "")
        assert shown in text.replace(" ", ""), url
    # Korean and Russian titles are text too (a font with Hangul and Cyrillic is found by fallback).
    korean = [line for line in briefing.sources if "폭풍군단" in line]
    for line in korean:
        assert "폭풍군단" in text
    assert "Newest information shown: " + (briefing.as_of or "–") in text


@pytest.mark.parametrize("page", ["A4 landscape", "A3 portrait", "Slide 1920x1080 (PNG)"])
def test_png_has_the_page_size_in_pixels(project, tmp_path, page):
    preset = preset_by_id("kursk")
    briefing = build_briefing(project, preset.extent_rectangle(), preset.crs, page)
    png = export(briefing, tmp_path / "map.png", page)
    width, height = _png_size(png)
    if page.startswith("Slide"):
        assert (width, height) == (1920, 1080)
    else:
        mm = PAGES[page]
        assert abs(width - mm[0] / 25.4 * 200) <= 1 and abs(height - mm[1] / 25.4 * 200) <= 1


def test_legend_lists_only_visible_layers(project):
    movements = find_loaded(project, "movements")
    project.layerTreeRoot().findLayer(movements.id()).setItemVisibilityChecked(False)
    preset = preset_by_id("theatre")
    briefing = build_briefing(project, preset.extent_rectangle(), preset.crs)
    legend = briefing.layout.itemById("legend")
    names = [node.layer().name() for node in legend.model().rootGroup().findLayers()]
    assert "Movements" not in names and "Units" in names
    assert "Countries (Natural Earth)" not in names, "the base map is not a legend entry"
    assert "Movements" not in briefing.visible_layers


def test_the_sources_block_follows_the_extent(project):
    theatre, kursk = preset_by_id("theatre"), preset_by_id("kursk")
    wide = build_briefing(project, theatre.extent_rectangle(), theatre.crs)
    narrow = build_briefing(project, kursk.extent_rectangle(), kursk.crs)
    assert set(narrow.sources) < set(wide.sources)
    assert not any("gem.wiki/Chongjin_Port" in line for line in narrow.sources)
    assert any("gem.wiki/Chongjin_Port" in line for line in wide.sources)


def test_dock_exports_and_adds_the_layout_to_the_project(project, qgis_iface, tmp_path):
    panel = BriefingPanel()
    connections = ConnectionRegistry()
    controller = BriefingController(qgis_iface, panel, connections, ask_path=lambda _s: str(tmp_path / "b.pdf"))
    panel.preset.setCurrentIndex(2)
    path, briefing = controller.export()
    assert path.exists() and "The Kursk front around Sudzha" in _pdf_text(path)
    assert project.layoutManager().layoutByName(briefing.layout.name()) is not None
    connections.disconnect_all()
    panel.deleteLater()


def test_percent_encoded_addresses_print_readable_and_others_unchanged():
    encoded = "https://rusnewshub.ru/2024/11/08/%d0%b2%d1%81-%d1%80%d0%be%d1%81%d1%81%d0%b8%d0%b8"
    assert readable_url(encoded) == "https://rusnewshub.ru/2024/11/08/вс-россии"
    assert readable_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert readable_url("https://example.org/a%20b") == "https://example.org/a%20b"  # a space would split it


def test_a_briefing_of_a_past_day_shows_that_day_and_only_what_was_drawn_then(project, tmp_path):
    import datetime
    preset = preset_by_id("kursk")
    day = datetime.date(2024, 12, 15)
    briefing = build_briefing(project, preset.extent_rectangle(), preset.crs, "A4 landscape", as_of=day)
    text = " ".join(_pdf_text(export(briefing, tmp_path / "past.pdf", "A4 landscape")).split())
    assert "Picture of 2024-12-15" in text and "as of 2024-12-15" in text
    _, result = curated.load_cached()
    snapshots = {f.id: f for f in result.features["front_areas"]}
    march = {s.url for s in snapshots["sudzha-salient-2025-03-13"].sources}
    december = {s.url for s in snapshots["sudzha-salient-2024-12"].sources}
    printed = {line.rsplit(" ", 1)[-1] for line in briefing.sources}
    assert {readable_url(u) for u in december} <= printed
    from kpa_tracker.core.curated.checks import interval
    drawn_that_day = set()
    for features in result.features.values():
        for feature in features:
            start, end = interval(feature)
            if start <= day <= end:
                drawn_that_day.update(source.url for source in feature.sources)
    only_march = march - drawn_that_day  # cited only by what QGIS does not draw on 15 December
    assert only_march and not ({readable_url(u) for u in only_march} & printed)

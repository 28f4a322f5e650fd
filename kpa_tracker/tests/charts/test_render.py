"""The charts saved as PNG and SVG, the as-of line, and the plugin without matplotlib."""

import ast
import datetime
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from kpa_tracker.core.charts import render

PLUGIN_DIR = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.parametrize("kind", render.KINDS)
def test_a_png_is_written(kind, tmp_path):
    path = render.save_chart(kind, tmp_path / "chart.png", as_of=datetime.date(2025, 3, 13))
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1200, 720)


@pytest.mark.parametrize("kind", render.KINDS)
def test_an_svg_is_written_with_its_title_as_text(kind, tmp_path):
    path = render.save_chart(kind, tmp_path / "chart.svg", as_of="2025-03-13")
    root = ElementTree.parse(str(path)).getroot()
    assert root.tag == SVG + "svg"
    texts = " ".join("".join(t.itertext()) for t in root.iter(SVG + "text"))
    assert render.titles()[kind] in texts
    assert "as of 2025-03-13" in texts


def test_other_suffixes_and_kinds_are_refused(tmp_path):
    with pytest.raises(ValueError):
        render.save_chart("front_area", tmp_path / "chart.pdf")
    with pytest.raises(ValueError):
        render.save_chart("pie", tmp_path / "chart.png")


def test_the_as_of_line_stands_at_the_date_and_moves():
    import matplotlib.dates as mdates
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = render.new_figure(8, 5)
    FigureCanvasAgg(figure)
    drawn = render.draw("estimates", figure, as_of="2025-03-13")
    assert len(drawn.marks) == len(figure.axes) == 2
    assert {line.get_xdata()[0] for line in drawn.marks} == {mdates.date2num(datetime.date(2025, 3, 13))}
    render.mark(figure, drawn, datetime.date(2025, 8, 1))
    assert {line.get_xdata()[0] for line in drawn.marks} == {mdates.date2num(datetime.date(2025, 8, 1))}
    dashed = [line for axes in figure.axes for line in axes.lines if line.get_linestyle() == "--"]
    assert dashed == drawn.marks  # the old lines are gone
    assert figure.axes[0].get_title(loc="left").endswith("as of 2025-08-01")
    render.mark(figure, drawn, None)
    assert drawn.marks == [] and "as of" not in figure.axes[0].get_title(loc="left")


def test_without_matplotlib_save_chart_says_so(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # `import matplotlib` raises ImportError
    assert not render.available()
    with pytest.raises(render.ChartsUnavailable) as raised:
        render.save_chart("front_area", tmp_path / "chart.png")
    assert "matplotlib" in str(raised.value)
    assert not (tmp_path / "chart.png").exists()


def _imports_matplotlib(path, top_level_only):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    for node in nodes:
        names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
            [node.module or ""] if isinstance(node, ast.ImportFrom) else []
        if any(name.split(".")[0] == "matplotlib" for name in names):
            return True
    return False


def test_matplotlib_is_imported_only_inside_core_charts_and_lazily():
    charts = PLUGIN_DIR / "core" / "charts"
    outside = [p for p in PLUGIN_DIR.rglob("*.py") if charts not in p.parents and "tests" not in p.parts
               and _imports_matplotlib(p, top_level_only=False)]
    assert outside == []
    # series and render import without it; plots (imported by draw() once matplotlib is known) may not
    assert not _imports_matplotlib(charts / "series.py", True)
    assert not _imports_matplotlib(charts / "render.py", True)
    assert _imports_matplotlib(charts / "plots.py", True)

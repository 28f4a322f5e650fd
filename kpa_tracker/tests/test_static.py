"""What can be checked without running: Python 3.9 syntax, Qt through qgis.PyQt, metadata."""

import ast
import configparser
import re
from pathlib import Path

import pytest

PLUGIN_DIR = Path(__file__).resolve().parent.parent
ROOT = PLUGIN_DIR.parent
SOURCES = sorted(
    p for p in list(PLUGIN_DIR.rglob("*.py")) + list((ROOT / "devtools").rglob("*.py"))
    if not p.name.endswith("_rc.py")
)


def test_sources_found():
    assert PLUGIN_DIR / "plugin.py" in SOURCES
    assert len(SOURCES) > 10


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_parses_as_python_3_9(path):
    # QGIS 3.22 on Windows ships Python 3.9.
    ast.parse(path.read_text(encoding="utf-8"), filename=str(path), feature_version=(3, 9))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_qt_only_through_qgis_pyqt(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        for name in names:
            assert not re.match(r"PyQt[56]\b|sip\b", name), (
                "{}:{} imports {} directly; use qgis.PyQt (QGIS 4 ships Qt6)".format(
                    path.name, node.lineno, name
                )
            )


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_qt5_only_calls(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            assert node.attr not in ("exec_", "print_"), (
                "{}:{} calls {}(), gone in Qt6; use exec()".format(path.name, node.lineno, node.attr)
            )
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if node.func.attr in ("load", "load_all") and getattr(node.func.value, "id", "") == "yaml":
                loader = [k.value for k in node.keywords if k.arg == "Loader"]
                if not (loader and "SAFE" in ast.unparse(loader[0]).upper()):
                    pytest.fail("{}:{} yaml.{} without a safe loader can run code".format(
                        path.name, node.lineno, node.func.attr))


@pytest.mark.parametrize("path", [p for p in SOURCES if p.name != "compat.py" and "tests" not in p.parts],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_moved_qgis_enums_only_through_compat(path):
    """QgsWkbTypes' plain members are gone in QGIS 4 (they live under Qgis.WkbType / Qgis.GeometryType)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and getattr(node.value, "id", "") == "QgsWkbTypes" \
                and node.attr[:1].isupper():
            pytest.fail("{}:{} uses QgsWkbTypes.{}; use kpa_tracker.core.compat".format(
                path.name, node.lineno, node.attr))


def test_metadata_complete():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    assert general["name"] == "KPA Deployment Tracker"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    assert general["hasProcessingProvider"] == "yes"
    for key in ("description", "about", "author", "email", "tags", "homepage", "tracker",
                "repository", "icon", "version"):
        assert general.get(key, "").strip(), "metadata.txt lacks " + key
    assert len(general["about"]) > 200
    assert (PLUGIN_DIR / general["icon"]).is_file()


def test_tests_are_not_packaged():
    attributes = (ROOT / ".gitattributes").read_text(encoding="utf-8")
    assert re.search(r"^kpa_tracker/tests\s+export-ignore", attributes, re.MULTILINE)

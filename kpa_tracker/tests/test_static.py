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
            pytest.fail("{}:{} uses QgsWkbTypes.{}; use kpa_tracker.toolbelt.compat".format(
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


# --- Qt6 (QGIS 4) readiness: what PyQt6 breaks silently or at run time, kept out by reading the code ----

# Methods whose results are Qt or QGIS enums. Under PyQt6 a Qt enum is a Python enum, not an int: compared
# with an integer it is never equal (sightings once compared timeSpec() with 0 and would have shifted every
# observed time by the machine's UTC offset).
ENUM_RESULTS = {"type", "timeSpec", "geometryType", "wkbType", "mode", "navigationMode", "strength", "viewMode",
                "layout", "button", "key", "state", "standardButton", "result"}


def _enum_compared_with_integer(tree):
    """(line, method) of each comparison of an enum-returning call with an integer literal."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left] + list(node.comparators)
        called = [s.func.attr for s in sides if isinstance(s, ast.Call) and isinstance(s.func, ast.Attribute)
                  and s.func.attr in ENUM_RESULTS and not s.args]
        if called and any(isinstance(s, ast.Constant) and type(s.value) is int for s in sides):
            found.append((node.lineno, called[0]))
    return found


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_enum_compared_with_an_integer(path):
    found = _enum_compared_with_integer(ast.parse(path.read_text(encoding="utf-8")))
    assert not found, "{}: {} compared with an integer; name the enum member".format(
        path.name, ", ".join("line {} {}()".format(*f) for f in found))


def test_enum_rule_finds_the_bug_it_was_written_for():
    assert _enum_compared_with_integer(ast.parse("if value.timeSpec() != 0:\n    pass\n")) == [(1, "timeSpec")]
    assert _enum_compared_with_integer(ast.parse("a.type() == b.type() == 0")) == [(1, "type")]
    assert not _enum_compared_with_integer(ast.parse("value.timeSpec() != Qt.TimeSpec.LocalTime"))


@pytest.mark.parametrize("path", [p for p in SOURCES if p.name != "compat.py"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_field_types_and_removed_qt_classes_only_through_compat(path):
    """QVariant.Type is gone in PyQt6 and QgsField takes QMetaType.Type from 3.38: field types come from
    compat (FIELD_STRING, ...). QRegExp and QRegExpValidator are gone in Qt6."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and getattr(node.value, "id", "") == "QVariant":
            pytest.fail("{}:{} uses QVariant.{}; use kpa_tracker.toolbelt.compat's FIELD_* types".format(
                path.name, node.lineno, node.attr))
        if isinstance(node, ast.Name) and node.id in ("QRegExp", "QRegExpValidator"):
            pytest.fail("{}:{} uses {} (removed in Qt6); use QRegularExpression".format(
                path.name, node.lineno, node.id))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_compiled_qt_resources(path):
    """pyrcc5's output imports PyQt5: in a Qt6 QGIS it would load Qt5 beside Qt6. Icons load from files."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name.endswith("_rc") for a in node.names):
            pytest.fail("{}:{} imports compiled resources".format(path.name, node.lineno))
        if isinstance(node, ast.Import) and any(a.name.endswith("_rc") for a in node.names):
            pytest.fail("{}:{} imports compiled resources".format(path.name, node.lineno))
    assert not list(PLUGIN_DIR.rglob("*.qrc")) and not list(PLUGIN_DIR.rglob("*_rc.py"))


# Names Qt6 removed (QGIS 4): attribute and class names that would fail there at run time.
QT6_REMOVED_ATTRIBUTES = {"MidButton": "Qt.MouseButton.MiddleButton", "setMargin": "setContentsMargins",
                          "desktop": "QApplication.primaryScreen() / QWidget.screen()",
                          "exec_": "exec", "print_": "print"}
QT6_REMOVED_NAMES = {"QDesktopWidget": "QScreen", "QRegExp": "QRegularExpression",
                     "QRegExpValidator": "QRegularExpressionValidator", "QStringRef": "str"}


@pytest.mark.parametrize("path", [p for p in SOURCES if p.name != "test_static.py"],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_api_that_qt6_removed(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in QT6_REMOVED_ATTRIBUTES:
            pytest.fail("{}:{} uses {} (gone in Qt6); use {}".format(
                path.name, node.lineno, node.attr, QT6_REMOVED_ATTRIBUTES[node.attr]))
        if isinstance(node, ast.Name) and node.id in QT6_REMOVED_NAMES:
            pytest.fail("{}:{} uses {} (gone in Qt6); use {}".format(
                path.name, node.lineno, node.id, QT6_REMOVED_NAMES[node.id]))

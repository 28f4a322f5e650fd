"""Every sentence the plugin shows a person goes through tr(): a static scan of the code that shows text.

It looks at the calls that put text on screen (setText, QLabel(...), pushMessage, QMessageBox.warning, ...)
and reports those whose text argument is a string literal, an f-string or a "...".format(...) of one that
is not wrapped in tr(). Texts without words (empty, symbols, numbers, "PDF", "EPSG:4326") need no tr().
"""

import ast
import re
from pathlib import Path

import pytest

PLUGIN_DIR = Path(__file__).resolve().parents[2]
SCANNED = [PLUGIN_DIR / "plugin.py"] + sorted(
    path for folder in ("ui", "maptools", "processing") for path in (PLUGIN_DIR / folder).rglob("*.py"))

# Files whose owners have not moved their texts to tr() yet. Each owner fixes the file's offenders
# (run this test with the entry removed to list them) and then takes the entry out of this set.
NOT_YET = set()  # every file of the UI is held to the rule now

# method name -> the positions of its shown-text arguments (None: every argument)
TEXT_METHODS = {
    "setText": None, "setToolTip": None, "setStatusTip": None, "setWhatsThis": None,
    "setPlaceholderText": None, "setWindowTitle": None, "setTitle": None, "setLabelText": None,
    "setSuffix": None, "setPrefix": None, "setSpecialValueText": None,
    "setHeaderLabel": None, "setHeaderLabels": None, "setHorizontalHeaderLabels": None,
    "setVerticalHeaderLabels": None,
    "addTab": (1,), "insertTab": (2,), "setTabText": (1,), "setTabToolTip": (1,),
    "pushMessage": None, "pushWarning": None, "pushInfo": None, "pushSuccess": None, "pushCritical": None,
    "showMessage": None,
    "addRow": (0,), "addButton": (0,), "addToolBar": (0,), "addItems": (0,),
    "reportError": (0,), "setProgressText": (0,),  # a processing algorithm's feedback
    # the plugin's own ways of putting a sentence in front of the analyst
    "show_status": (0,), "show_result": (0,), "show_parse": (0,), "report": (0,),
}
# methods and constructors whose text is the first string argument (an icon may come before it)
FIRST_TEXT = {"addItem", "addAction", "addMenu",
              "QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox", "QAction", "QMenu",
              "QLineEdit", "QCommandLinkButton"}
# Class.method -> positions: static dialogs (title and text); log.warning and the like are not shown.
STATIC_TEXT = {
    "QMessageBox": ({"information", "warning", "critical", "question", "about"}, (1, 2)),
    "QFileDialog": ({"getSaveFileName", "getOpenFileName", "getOpenFileNames", "getExistingDirectory"}, (1,)),
    "QInputDialog": ({"getText", "getItem", "getInt", "getDouble", "getMultiLineText"}, (1, 2)),
}
# Processing: a parameter's or output's description, and what an algorithm says of itself.
PROCESSING_PREFIXES = ("QgsProcessingParameter", "QgsProcessingOutput")
SHOWN_RETURNS = {"displayName", "group", "shortHelpString", "shortDescription", "longName"}
PROVIDER_BASE = "QgsProcessingProvider"  # a provider's name() is shown; an algorithm's is an id
TEXT_KEYWORDS = {"text", "title", "message", "description", "caption", "label"}


def needs_tr(text: str) -> bool:
    """A text made of words: not empty, a symbol, a number, an acronym or a bit of markup."""
    text = re.sub(r"<[^>]*>", "", text)  # html tags
    text = re.sub(r"\{[^{}]*\}", "", text)  # format fields
    if not re.search(r"[^\W\d_]{2,}", text):
        return False
    return bool(re.search(r"[a-z]", text) or re.search(r"\s", text.strip()))


def _is_tr(node) -> bool:
    return isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) == "tr"


def literal_parts(node):
    """The literal strings that an expression shows as they are (not through tr())."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.JoinedStr):
        return [v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return literal_parts(node.func.value) if not _is_tr(node.func.value) else []
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return literal_parts(node.left) + literal_parts(node.right)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
        return literal_parts(node.left)
    if isinstance(node, ast.IfExp):
        return literal_parts(node.body) + literal_parts(node.orelse)
    if isinstance(node, (ast.List, ast.Tuple)):
        return [part for element in node.elts for part in literal_parts(element)]
    return []


def _stringish(node) -> bool:
    return bool(literal_parts(node)) or _is_tr(node) or isinstance(node, (ast.JoinedStr, ast.BinOp))


def _shown_arguments(call):
    """The arguments of `call` that are text shown to a person."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
    args = call.args
    shown = [k.value for k in call.keywords if k.arg in TEXT_KEYWORDS]
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in STATIC_TEXT:
        methods, positions = STATIC_TEXT[func.value.id]
        if name in methods:
            return shown + [args[i] for i in positions if i < len(args)]
    if name in TEXT_METHODS:
        positions = TEXT_METHODS[name]
        return shown + (list(args) if positions is None else [args[i] for i in positions if i < len(args)])
    if name in FIRST_TEXT:
        return shown + [next((a for a in args if _stringish(a)), None)]
    if name and name.startswith(PROCESSING_PREFIXES):
        return shown + args[1:2]
    return []


def offenders_in(source: str, filename: str = "<source>"):
    """[(line, text)] of the shown texts in `source` that do not go through tr()."""
    found = []
    for node in ast.walk(ast.parse(source, filename=filename)):
        if isinstance(node, ast.Call):
            if _is_tr(node) and node.args and not (isinstance(node.args[0], ast.Constant)):
                # tr("{} sightings").format(n), never tr("{} sightings".format(n)) nor tr(f"..."):
                # the translation must be looked up by the literal as written.
                if isinstance(node.args[0], (ast.JoinedStr, ast.BinOp)) or literal_parts(node.args[0]):
                    found.append((node.lineno, "tr() of formatted text: " + ast.unparse(node.args[0])))
                continue
            for argument in _shown_arguments(node):
                if argument is not None and any(needs_tr(part) for part in literal_parts(argument)):
                    found.append((argument.lineno, ast.unparse(argument)))
        elif isinstance(node, ast.ClassDef):
            bases = {getattr(base, "id", getattr(base, "attr", None)) for base in node.bases}
            shown = SHOWN_RETURNS | ({"name"} if PROVIDER_BASE in bases else set())
            for method in node.body:
                if isinstance(method, ast.FunctionDef) and method.name in shown:
                    for inner in ast.walk(method):
                        if isinstance(inner, ast.Return) and inner.value is not None \
                                and any(needs_tr(part) for part in literal_parts(inner.value)):
                            found.append((inner.lineno, ast.unparse(inner.value)))
    return sorted(found)


def _relative(path: Path) -> str:
    return path.relative_to(PLUGIN_DIR).as_posix()


def _not_yet(relative: str) -> bool:
    return any(relative == entry or (entry.endswith("/") and relative.startswith(entry)) for entry in NOT_YET)


def test_the_scan_covers_the_plugin_s_ui():
    names = {_relative(p) for p in SCANNED}
    assert {"plugin.py", "ui/dock.py", "maptools/measure_tool.py", "processing/provider.py"} <= names


def test_every_entry_of_not_yet_names_a_file_or_folder():
    for entry in NOT_YET:
        assert (PLUGIN_DIR / entry).exists(), "{} is gone: take it out of NOT_YET".format(entry)


def test_shown_texts_go_through_tr():
    offenders = []
    for path in SCANNED:
        relative = _relative(path)
        if _not_yet(relative):
            continue
        for line, text in offenders_in(path.read_text(encoding="utf-8"), str(path)):
            offenders.append("kpa_tracker/{}:{}: {}".format(relative, line, text))
    assert not offenders, "shown text not wrapped in tr():\n" + "\n".join(offenders)


# The scan itself: what it must catch and what it must let through.
@pytest.mark.parametrize("source", [
    'label.setText("Saved to the layer.")',
    'item.setText(0, "Saved")',
    'label.setText(f"Saved {n} legs")',
    'label.setText("Saved {} legs".format(n))',
    'label.setText("Saved %d legs" % n)',
    'label.setText("Total: " + value)',
    'label.setText("Yes" if ok else "-")',
    'button.setToolTip("Load every layer")',
    'edit.setPlaceholderText("Note")',
    'dialog.setWindowTitle("Options")',
    'box.setTitle("Network")',
    'tabs.addTab(page, "Layers")',
    'tabs.insertTab(0, page, "Layers")',
    'tabs.setTabText(1, "Route")',
    'QLabel("Units", self)',
    'QPushButton("Copy", self)',
    'QCheckBox("Keep mine")',
    'QRadioButton("Take theirs", box)',
    'QGroupBox("Network", self)',
    'QAction(icon, "Geodesic measure", window)',
    'iface.messageBar().pushMessage("KPA", "Could not save", level=Qgis.Warning)',
    'bar.pushWarning("Tracker", "No layer")',
    'iface.messageBar().pushInfo("Tracker", "Done")',
    'bar.pushSuccess("Tracker", "Saved")',
    'bar.pushCritical("Tracker", "Failed")',
    'QMessageBox.information(parent, "Tracker", "Done")',
    'QMessageBox.warning(parent, tr("Tracker"), "No layer")',
    'QMessageBox.critical(parent, "Failed", tr("It failed"))',
    'QMessageBox.question(parent, "Reset", question)',
    'table.setHorizontalHeaderLabels(["Mode", tr("km")])',
    'tree.setHeaderLabels(["Field", "Value"])',
    'combo.addItem("Shortest distance", "distance")',
    'form.addRow("Title", edit)',
    'feedback.reportError("No network")',
    'self.dock.show_status("Loaded {} layers".format(n))',
    'self.report("Conflict resolved and saved.")',
    'label.setText(tr(f"Saved {n}"))',
    'label.setText(tr("Saved {}".format(n)))',
    'class A(QgsProcessingAlgorithm):\n    def displayName(self):\n        return "Export sightings"',
    'class P(QgsProcessingProvider):\n    def name(self):\n        return "KPA Deployment Tracker"',
])
def test_the_scan_catches(source):
    assert offenders_in(source), source


@pytest.mark.parametrize("source", [
    'label.setText(tr("Saved to the layer."))',
    'label.setText(tr("Saved {} legs").format(n))',
    'label.setText(tr("Total: {}").format(value))',
    'label.setText("")',
    'label.setText("–")',
    'label.setText("{:,.0f}".format(km))',
    'label.setText("<p><i>{}</i></p>".format(tr("Selected")))',
    'label.setText(message)',
    'label.setText(str(exc))',
    'combo.addItem("PDF", ".pdf")',
    'combo.addItem(tr("Temporary layer"), "memory")',
    'log.warning("Curated data refused: {}".format(error))',
    'self.setObjectName("KpaMeasurePanel")',
    'settings.setValue("measure/unit", "km")',
    'QLabel(self)',
    'QMessageBox.question(parent, tr("Reset"), question)',
    'tabs.addTab(page, tr("Layers"))',
    'class A(QgsProcessingAlgorithm):\n    def name(self):\n        return "export_sightings"',
])
def test_the_scan_lets_through(source):
    assert not offenders_in(source), offenders_in(source)

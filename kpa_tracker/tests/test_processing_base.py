"""The Processing algorithms' shared base: stable ids and groups, help from files, every shown text through tr()."""

import html
import re

import pytest
from qgis.core import (
    QgsApplication,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterEnum,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication, QTranslator

from kpa_tracker.processing import base
from kpa_tracker.processing.base import HELP_DIR, KpaAlgorithm, group_names, help_html, help_path
from kpa_tracker.processing.provider import PROVIDER_ID, KpaTrackerProvider
from kpa_tracker.toolbelt.i18n import CONTEXT

# Models, scripts and qgis_process calls name these: they never change.
GROUP_OF = {
    "briefingmap": "maps",
    "exportcurated": "curated",
    "exportsightings": "sightings",
    "importsightings": "sightings",
    "rangerings": "measure",
    "route": "routing",
    "validatecurated": "curated",
}


@pytest.fixture(scope="module")
def provider():
    registry = QgsApplication.processingRegistry()
    added = None
    if registry.providerById(PROVIDER_ID) is None:
        added = KpaTrackerProvider()
        assert registry.addProvider(added)
    yield registry.providerById(PROVIDER_ID)
    if added is not None:
        registry.removeProvider(added)


def _plain(rich_text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", rich_text)).split())


def _sentences(markdown: str):
    """The file's sentences, as a reader sees them (backticks gone, lines joined)."""
    text = " ".join(markdown.replace("`", "").split())
    return [s for s in re.split(r"(?<=\.) (?=[A-Z])", text) if s]


def test_the_provider_loads_exactly_the_seven_algorithms_with_their_groups(provider):
    loaded = {a.name(): a.groupId() for a in provider.algorithms()}
    assert loaded == GROUP_OF
    assert sorted(a.id() for a in provider.algorithms()) == ["kpa_tracker:" + n for n in sorted(GROUP_OF)]


@pytest.mark.parametrize("name", sorted(GROUP_OF))
def test_each_algorithm_is_a_kpa_algorithm_with_a_shown_name_and_group(provider, name):
    algorithm = provider.algorithm(name)
    assert isinstance(algorithm, KpaAlgorithm)
    assert algorithm.displayName().strip() and algorithm.displayName() != name
    assert algorithm.group() == group_names()[GROUP_OF[name]]


@pytest.mark.parametrize("name", sorted(GROUP_OF))
def test_create_instance_gives_a_new_algorithm_of_the_same_class(provider, name):
    algorithm = provider.algorithm(name)
    copy = algorithm.createInstance()
    assert type(copy) is type(algorithm) and copy is not algorithm
    assert (copy.name(), copy.groupId()) == (name, GROUP_OF[name])
    # What QGIS itself does to open the dialog or run it: a fresh, initialised instance.
    created = QgsApplication.processingRegistry().createAlgorithmById("kpa_tracker:" + name)
    assert type(created) is type(algorithm)
    assert [p.name() for p in created.parameterDefinitions()] == [
        p.name() for p in algorithm.parameterDefinitions()]


@pytest.mark.parametrize("name", sorted(GROUP_OF))
def test_help_comes_from_the_algorithms_file(provider, name):
    path = help_path(name)
    assert path.is_file(), "{} has no help file {}".format(name, path)
    text = path.read_text(encoding="utf-8")
    assert text.strip()
    shown = provider.algorithm(name).shortHelpString()
    assert shown.strip()
    # The Processing dialog makes a paragraph of each line: one newline would cut a paragraph in two.
    assert "\n" not in shown
    assert "{" not in shown, "a placeholder was left unfilled"
    assert shown.count("<p>") == len(re.split(r"\n\s*\n", text.strip()))
    plain = _plain(shown)
    sentences = [s for s in _sentences(text) if "{" not in s]
    assert sentences
    for sentence in sentences:
        assert sentence in plain, sentence


def test_every_help_file_belongs_to_an_algorithm():
    assert sorted(p.stem for p in HELP_DIR.glob("*.md")) == sorted(GROUP_OF)


def test_the_route_help_names_the_default_speeds(provider):
    from kpa_tracker.core.routing.network import DEFAULT_SPEEDS_KMH

    shown = provider.algorithm("route").shortHelpString()
    assert "rail {:g}, sea {:g}, road {:g} km/h".format(
        DEFAULT_SPEEDS_KMH["rail"], DEFAULT_SPEEDS_KMH["sea"], DEFAULT_SPEEDS_KMH["road"]) in shown


def test_help_html_paragraphs_escaping_and_code():
    text = "First line\nof one paragraph; a < b & c.\n\n  \nSecond: `a=b; c=d`.\n"
    assert help_html(text) == "<p>First line of one paragraph; a &lt; b &amp; c.</p><p>Second: <code>a=b; c=d</code>.</p>"


def test_help_is_read_once(tmp_path, monkeypatch):
    monkeypatch.setattr(base, "HELP_DIR", tmp_path)
    base.help_for.cache_clear()
    try:
        (tmp_path / "probe.md").write_text("Once.", encoding="utf-8")
        assert base.help_for("probe") == "<p>Once.</p>"
        (tmp_path / "probe.md").write_text("Twice.", encoding="utf-8")
        assert base.help_for("probe") == "<p>Once.</p>"
    finally:
        base.help_for.cache_clear()


class MarkingTranslator(QTranslator):
    """Translates every text of the plugin's context to ⟦text⟧, so an untranslated text shows plainly."""

    def translate(self, context, text, disambiguation=None, n=-1):
        return "⟦{}⟧".format(text) if context == CONTEXT else ""

    def isEmpty(self):  # noqa: N802 (Qt API)
        return False


@pytest.fixture
def marking():
    translator = MarkingTranslator()
    assert QCoreApplication.installTranslator(translator)
    yield translator
    QCoreApplication.removeTranslator(translator)


def _marked(text: str) -> bool:
    return text.startswith("⟦") and text.endswith("⟧")


def test_shown_names_go_through_tr(provider, marking):
    assert _marked(provider.name()) and _marked(provider.longName())
    for name in GROUP_OF:
        algorithm = QgsApplication.processingRegistry().createAlgorithmById("kpa_tracker:" + name)
        assert _marked(algorithm.displayName()), name
        assert _marked(algorithm.group()), name
        for parameter in algorithm.parameterDefinitions():
            assert _marked(parameter.description()), (name, parameter.name())
        for output in algorithm.outputDefinitions():
            assert _marked(output.description()), (name, output.name())
    route = QgsApplication.processingRegistry().createAlgorithmById("kpa_tracker:route")
    optimise = route.parameterDefinition("OPTIMIZE")  # owned by `route`, kept alive above
    assert isinstance(optimise, QgsProcessingParameterEnum)
    assert all(_marked(option) for option in optimise.options())


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.infos = []

    def pushInfo(self, info):  # noqa: N802 (QGIS API)
        self.infos.append(info)
        super().pushInfo(info)


def _run(name, parameters):
    algorithm = QgsApplication.processingRegistry().createAlgorithmById("kpa_tracker:" + name)
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    feedback = Feedback()
    algorithm.run(parameters, context, feedback, catchExceptions=False)
    return feedback


@pytest.mark.parametrize("name, output", [("exportcurated", "curated.txt"), ("briefingmap", "map.svg")])
def test_errors_shown_to_the_user_go_through_tr(provider, marking, tmp_path, name, output):
    with pytest.raises(QgsProcessingException, match="^⟦OUTPUT must .*⟧$"):
        _run(name, {"OUTPUT": str(tmp_path / output)})


def test_feedback_shown_to_the_user_goes_through_tr(provider, marking):
    assert _run("validatecurated", {}).infos == ["⟦The curated data is valid.⟧"]

"""The form's QGIS expressions say what the Python validator says (one rule, two languages)."""

import pytest
from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextScope

from kpa_tracker.core.domain import urls
from kpa_tracker.core.sightings.form_spec import SOURCE_CONSTRAINTS

SAMPLES = ["https://example.org/a", "http://x.y", "HTTPS://EXAMPLE.ORG", "https://example.org/a?b=c&d=%20e#f",
           "javascript:alert(1)", "file:///etc/passwd", "https://exa mple.org", "example.org", "https://",
           "ftp://a.b", "data:text/html,hi"]


def evaluate(field_name, **values):
    """The constraint of a source field on the given values (the fields given as variables)."""
    scope = QgsExpressionContextScope()
    for name in ("url", "dataset", "record_id", "original_url"):
        scope.setVariable(name, values.get(name))
    context = QgsExpressionContext()
    context.appendScope(scope)
    # the constraint names the fields; give the expression their values through a feature-less context
    text = SOURCE_CONSTRAINTS[field_name][0]
    for name in ("url", "dataset", "record_id", "original_url"):
        text = text.replace('"{}"'.format(name), "@" + name)
    expression = QgsExpression(text)
    result = expression.evaluate(context)
    assert not expression.hasEvalError(), expression.evalErrorString()
    return bool(result)


@pytest.mark.parametrize("url", SAMPLES)
def test_the_forms_link_check_is_the_validators(url):
    assert evaluate("url", url=url) == urls.is_web_url(url), url
    assert evaluate("original_url", url="https://example.org", original_url=url) == urls.is_web_url(url), url


@pytest.mark.parametrize("values, ok", [
    ({}, False),
    ({"url": ""}, False),
    ({"url": "https://example.org/a"}, True),
    ({"url": "https://example.org/a", "original_url": "https://t.me/c/1"}, True),
    ({"url": "https://example.org/a", "original_url": "t.me/c/1"}, False),
    ({"url": "https://example.org/a", "record_id": "UKR1"}, False),
    ({"dataset": "ACLED", "record_id": "UKR1"}, True),
    ({"url": "", "dataset": "ACLED", "record_id": "UKR1"}, True),
    ({"dataset": "ACLED"}, False),
    ({"record_id": "UKR1"}, False),
    ({"url": "javascript:alert(1)", "dataset": "ACLED", "record_id": "UKR1"}, False),
])
def test_the_forms_dataset_record_rule_is_the_validators(values, ok):
    from kpa_tracker.core.domain.validation import clean_sighting
    from kpa_tracker.tests.sightings.test_sightings_core import NOW, sighting

    source = dict(values, publisher="P")
    _record, problems = clean_sighting(sighting(), [source], now=NOW)
    assert (problems == []) == ok
    form_ok = all(evaluate(name, **values) for name in ("url", "dataset", "record_id", "original_url"))
    assert form_ok == ok, values

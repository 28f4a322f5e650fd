"""The form's QGIS expressions say what the Python validator says (one rule, two languages)."""

import pytest
from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextScope

from kpa_tracker.core.domain import urls
from kpa_tracker.core.sightings.form_spec import SOURCE_CONSTRAINTS

SAMPLES = ["https://example.org/a", "http://x.y", "HTTPS://EXAMPLE.ORG", "https://example.org/a?b=c&d=%20e#f",
           "javascript:alert(1)", "file:///etc/passwd", "https://exa mple.org", "example.org", "https://",
           "ftp://a.b", "data:text/html,hi"]


@pytest.mark.parametrize("url", SAMPLES)
def test_the_forms_link_check_is_the_validators(url):
    scope = QgsExpressionContextScope()
    scope.setVariable("url", url)
    context = QgsExpressionContext()
    context.appendScope(scope)
    # the constraint names the field "url"; give the expression that value through a feature-less context
    text = SOURCE_CONSTRAINTS["url"][0].replace('"url"', "@url")
    expression = QgsExpression(text)
    result = expression.evaluate(context)
    assert not expression.hasEvalError(), expression.evalErrorString()
    assert bool(result) == urls.is_web_url(url), url

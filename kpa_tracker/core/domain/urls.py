"""The one link rule: a source, an archive copy or a curated citation is a web address (http or https
with a host). javascript:, file:, data: and the rest are refused wherever a link is stored or shown."""

import re
from urllib.parse import urlparse

from .i18n import tr
from .values import short

WEB_SCHEMES = ("http", "https")
_SPACE_OR_CONTROL = re.compile(r"[\s\x00-\x1f\x7f]")


def is_web_url(url) -> bool:
    value = str(url or "").strip()
    if not value or _SPACE_OR_CONTROL.search(value):
        return False
    parsed = urlparse(value)
    return parsed.scheme.lower() in WEB_SCHEMES and bool(parsed.netloc)


def url_problem(value: str) -> str:
    """Why `value` is not accepted as a link, in a sentence."""
    scheme = urlparse(value).scheme.lower()
    if scheme and scheme not in WEB_SCHEMES:
        return tr("'{}' is a {}: address; only web links starting with http:// or https:// are accepted").format(
            short(value), scheme)
    return tr("'{}' is not a web address; write the full link, starting with http:// or https://").format(
        short(value))

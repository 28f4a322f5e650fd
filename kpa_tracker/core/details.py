"""The details pane's HTML for a feature: every text escaped, links only for http(s)."""

import html
import json
from urllib.parse import urlparse

SHOWN_FIRST = ("name", "status", "precision", "as_of", "valid_from", "valid_to")
NOT_SHOWN = {"fid", "sources", "source_urls", "names", "notes", "id"}


def safe_link(url: str, text: str = None) -> str:
    """An <a> only for http and https; anything else (javascript:, file:) stays inert text."""
    url = str(url or "").strip()
    label = html.escape(text if text is not None else url)
    if urlparse(url).scheme in ("http", "https"):
        return '<a href="{}">{}</a>'.format(html.escape(url, quote=True), label)
    return label


def _value(value) -> str:
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value)


def feature_html(attributes: dict, layer_title: str = "") -> str:
    """Attributes as a small table, then the notes, then the sources as links."""
    rows = []
    ordered = [n for n in SHOWN_FIRST if n in attributes] + sorted(
        n for n in attributes if n not in SHOWN_FIRST and n not in NOT_SHOWN)
    for name in ordered:
        text = _value(attributes.get(name))
        if text:
            rows.append("<tr><td><b>{}</b></td><td>{}</td></tr>".format(
                html.escape(name.replace("_", " ")), html.escape(text)))
    parts = []
    if layer_title:
        parts.append("<p><i>{}</i></p>".format(html.escape(layer_title)))
    parts.append("<h3>{}</h3>".format(html.escape(_value(attributes.get("name")) or "(no name)")))
    names = _value(attributes.get("names"))
    if names:
        parts.append("<p>Also: {}</p>".format(html.escape(names)))
    parts.append("<table>{}</table>".format("".join(rows)))
    notes = _value(attributes.get("notes"))
    if notes:
        parts.append("<p>{}</p>".format(html.escape(notes)))
    parts.append("<p><b>Sources</b></p><ol>")
    urls = _urls(attributes.get("source_urls"))
    for index, line in enumerate(_value(attributes.get("sources")).splitlines()):
        url = urls[index] if index < len(urls) else ""
        text = line[: -len(url)].rstrip() if url and line.endswith(url) else line
        parts.append("<li>{} {}</li>".format(html.escape(text), safe_link(url) if url else ""))
    parts.append("</ol>")
    return "\n".join(parts)


def _urls(value):
    try:
        urls = json.loads(_value(value) or "[]")
    except ValueError:
        return []
    return [str(u) for u in urls] if isinstance(urls, list) else []

"""The details pane's HTML for a feature: every text escaped, links only for http(s)."""

import html
import json

from ..domain.urls import is_web_url
from ..domain.values import is_null

SHOWN_FIRST = ("name", "status", "precision", "as_of", "valid_from", "valid_to")
NOT_SHOWN = {"fid", "sources", "source_urls", "names", "notes", "id", "changed_on"}


def safe_link(url: str, text: str = None) -> str:
    """An <a> only for http and https; anything else (javascript:, file:) stays inert text."""
    url = str(url or "").strip()
    label = html.escape(text if text is not None else url)
    if is_web_url(url):
        return '<a href="{}">{}</a>'.format(html.escape(url, quote=True), label)
    return label


def _value(value) -> str:
    if is_null(value) and not isinstance(value, str):
        return ""
    return str(value)


def changed_html(attributes: dict, curated: dict, geometry_changed: bool = False) -> str:
    """The banner of a curated feature the analyst changed: when, and the curated version beside theirs."""
    when = _value(attributes.get("changed_on"))
    parts = ['<p style="background:#fff3cd;padding:4px"><b>{}</b></p>'.format(html.escape(
        "Changed by you on {}".format(when) if when else "Changed by you"))]
    rows = []
    for name in sorted(curated):
        if name in ("fid", "changed_on", "source_urls"):
            continue
        mine, theirs = _value(attributes.get(name)), _value(curated.get(name))
        if mine != theirs:
            rows.append("<tr><td><b>{}</b></td><td>{}</td><td>{}</td></tr>".format(
                html.escape(name.replace("_", " ")), html.escape(mine), html.escape(theirs)))
    if geometry_changed:
        rows.append("<tr><td><b>position</b></td><td>moved</td><td>as shipped</td></tr>")
    if rows:
        parts.append("<table><tr><th></th><th>Yours</th><th>Curated</th></tr>{}</table>".format("".join(rows)))
    parts.append("<p><i>Reset this feature to curated puts the curated version back.</i></p>")
    return "\n".join(parts)


def feature_html(attributes: dict, layer_title: str = "", curated: dict = None,
                 geometry_changed: bool = False) -> str:
    """Attributes as a small table, then the notes, then the sources as links.

    `curated`: the shipped version's attributes when the analyst changed this feature.
    """
    rows = []
    ordered = [n for n in SHOWN_FIRST if n in attributes] + sorted(
        n for n in attributes if n not in SHOWN_FIRST and n not in NOT_SHOWN)
    for name in ordered:
        text = _value(attributes.get(name))
        if text:
            rows.append("<tr><td><b>{}</b></td><td>{}</td></tr>".format(
                html.escape(name.replace("_", " ")), html.escape(text).replace("\n", "<br>")))
    parts = []
    if layer_title:
        parts.append("<p><i>{}</i></p>".format(html.escape(layer_title)))
    if curated is not None:
        parts.append(changed_html(attributes, curated, geometry_changed))
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

"""HTML for sightings (dock details, map tips, KML descriptions): every text escaped.

Text in sightings comes from sources the analyst does not control: a
description copied from a Telegram post, a publisher's name, a URL. Wherever
the plugin renders it as HTML it is escaped, and only http(s) URLs become
links (kpa_tracker.core.curated.html.safe_link); a javascript: or file: URL stays
inert text.
"""

import html
from typing import Mapping, Optional, Sequence

from ...toolbelt.i18n import tr
from ..curated.html import safe_link
from ..domain.grading import (
    CLAIM_STATUS,
    GEO_PRECISION,
    INFO_CREDIBILITY,
    REVIEW_STATUS,
    SOURCE_RELIABILITY,
    TIME_PRECISION,
)
from .attachments import AttachmentCheck
from ..domain.times import format_iso_utc

_LABELS = {
    "source_reliability": dict(SOURCE_RELIABILITY),
    "info_credibility": dict(INFO_CREDIBILITY),
    "time_precision": dict(TIME_PRECISION),
    "geo_precision": dict(GEO_PRECISION),
    "claim_status": {code: label.split(":", 1)[0] for code, label in CLAIM_STATUS},
    "review_status": dict(REVIEW_STATUS),
}


def escape(value) -> str:
    """Text for HTML: None and NULL are empty; &, <, >, " and ' are escaped."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return html.escape(str(value), quote=True)


def _get(record, name):
    if isinstance(record, Mapping):
        return record.get(name)
    return getattr(record, name, None)


def label_of(field_name: str, code) -> str:
    """'B' -> 'B (Usually reliable)'; unknown codes are shown as they are."""
    labels = _LABELS.get(field_name, {})
    if code in labels:
        return "{} ({})".format(code, labels[code])
    return "" if code is None else str(code)


def source_title(source) -> str:
    """A source's first words as plain text: the publisher, or for a dataset record "ACLED record
    UKR12345 — the sources it names" (a dataset record is cited by its id; it may have no URL)."""
    publisher = str(_get(source, "publisher") or "").strip()
    dataset = str(_get(source, "dataset") or "").strip()
    record_id = str(_get(source, "record_id") or "").strip()
    if dataset or record_id:
        cited = tr("{} record {}").format(dataset or tr("(no dataset)"), record_id or tr("(no id)"))
        return "{} — {}".format(cited, publisher) if publisher else cited
    return publisher or tr("(no publisher)")


def sources_html(sources: Sequence) -> str:
    """An ordered list of sources: publisher (or dataset record), date, link (only for http/https), the
    original post it reports, notes; all escaped."""
    items = []
    for source in sources:
        published = escape(_get(source, "published_at"))
        url = _get(source, "url") or ""
        archive = _get(source, "archive_url") or ""
        original = _get(source, "original_url") or ""
        parts = [escape(source_title(source))]
        if published:
            parts.append(published)
        line = ", ".join(parts)
        if url:
            line += " " + safe_link(url)
        if archive:
            line += " ({})".format(escape(tr("archived: {}")).format(safe_link(archive)))
        if original:
            line += " ({})".format(escape(tr("original post: {}")).format(safe_link(original)))
        notes = escape(_get(source, "notes"))
        if notes:
            line += "<br><i>{}</i>".format(notes)
        items.append("<li>{}</li>".format(line))
    return "<ol>{}</ol>".format("".join(items)) if items else "<p><b>{}</b></p>".format(escape(tr("No source.")))


def sighting_html(record, sources: Optional[Sequence] = None, attachment: Optional[AttachmentCheck] = None,
                  unit_name: Optional[str] = None) -> str:
    """The details pane for one sighting (a SightingRecord or a mapping of field values)."""
    if sources is None:
        sources = _get(record, "sources") or []
    observed = _get(record, "observed_at")
    observed_text = format_iso_utc(observed) if hasattr(observed, "astimezone") else escape(observed)
    unit = unit_name or _get(record, "unit_id") or ""
    reported = _get(record, "unit_as_reported")
    title = escape(unit or reported or "(unit not named)")
    if unit and reported:
        title += " <small>(as reported: {})</small>".format(escape(reported))
    grade = "{}{}".format(_get(record, "source_reliability") or "?", _get(record, "info_credibility") or "?")
    rows = [
        ("Grade", "{}: source {}, information {}".format(
            escape(grade), escape(label_of("source_reliability", _get(record, "source_reliability"))),
            escape(label_of("info_credibility", _get(record, "info_credibility"))))),
        ("Status", "{}, {}".format(escape(label_of("claim_status", _get(record, "claim_status"))),
                                   escape(label_of("review_status", _get(record, "review_status"))))),
        ("Observed", "{} UTC, {}".format(escape(observed_text),
                                         escape(label_of("time_precision", _get(record, "time_precision"))))),
        ("Place", "{}{}".format(escape(_get(record, "location_name")) + ", " if _get(record, "location_name") else "",
                                escape(label_of("geo_precision", _get(record, "geo_precision"))))),
        ("Analyst", escape(_get(record, "analyst"))),
    ]
    parts = ["<h3>{}</h3>".format(title), "<table>"]
    for label, value in rows:
        parts.append("<tr><td><b>{}</b></td><td>{}</td></tr>".format(escape(label), value))
    parts.append("</table>")
    description = escape(_get(record, "description"))
    if description:
        parts.append("<p>{}</p>".format(description.replace("\n", "<br>")))
    if attachment is not None and attachment.status != "none":
        marker = "" if attachment.ok else "<b>⚠ </b>"
        parts.append("<p>{}Attachment: {}</p>".format(marker, escape(attachment.message)))
    parts.append("<p><b>Sources</b></p>")
    parts.append(sources_html(sources))
    return "\n".join(parts)


def escaped_expression(expression: str) -> str:
    """A QGIS expression that HTML-escapes the value of another (for map tips and HTML widgets)."""
    return ("replace(coalesce(to_string({}), ''), array('&', '<', '>', '\"', ''''), "
            "array('&amp;', '&lt;', '&gt;', '&quot;', '&#39;'))").format(expression)


def map_tip_template() -> str:
    """The sightings layer's map tip: every value escaped, no links (a tip is no place to follow one)."""
    def field(expression):
        return "[% {} %]".format(escaped_expression(expression))

    return (
        "<p><b>{unit}</b><br>"
        "{grade} · {status} · {review}<br>"
        "Observed {observed} UTC<br>{place}</p>"
        "<p>{description}</p>"
        "<p><i>{sources} source(s)</i></p>"
    ).format(
        unit=field("coalesce(\"unit_id\", \"unit_as_reported\")"),
        grade=field("\"source_reliability\" || to_string(\"info_credibility\")"),
        status=field("\"claim_status\""),
        review=field("\"review_status\""),
        observed=field("format_date(\"observed_at\", 'yyyy-MM-dd HH:mm')"),
        place=field("\"location_name\""),
        description=field("left(\"description\", 400)"),
        sources="[% try(relation_aggregate('sightings_sources', 'count', \"source_id\"), '?') %]",
    )


def display_expression() -> str:
    return ("coalesce(\"unit_id\", \"unit_as_reported\", 'sighting') || ' · ' || "
            "format_date(\"observed_at\", 'yyyy-MM-dd') || ' · ' || "
            "coalesce(\"source_reliability\", '?') || coalesce(to_string(\"info_credibility\"), '?')")

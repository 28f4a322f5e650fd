"""HTML for sightings (dock details, map tips, KML descriptions): every text escaped.

Text in sightings comes from sources the analyst does not control: a
description copied from a Telegram post, a publisher's name, a URL. Wherever
the plugin renders it as HTML it is escaped, and only http(s) URLs become
links (kpa_tracker.core.curated.html.safe_link); a javascript: or file: URL stays
inert text.
"""

import datetime
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
from ..domain.consistency import claim_warnings

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


# How precise a time or place is, as the details say it after the value: "(exact)", "(near a named place)".
_TIME_PRECISION_WORDS = {1: "exact", 2: "within about a week", 3: "month only"}
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
                "October", "November", "December")


def observed_text(observed, time_precision) -> str:
    """When, as precise as it is known, said once: "20 Dec 2024 08:00 UTC (exact)", "20 Dec 2024 (within
    about a week)", "December 2024 (month only)". Plain text."""
    if not hasattr(observed, "astimezone"):
        return "" if observed is None else str(observed)
    when = observed.astimezone(datetime.timezone.utc)
    if time_precision == 3:
        text = "{} {}".format(tr(_MONTH_NAMES[when.month - 1]), when.year)
    elif time_precision == 2:
        text = "{} {} {}".format(when.day, tr(_MONTHS[when.month - 1]), when.year)
    else:
        text = "{} {} {} {:%H:%M} UTC".format(when.day, tr(_MONTHS[when.month - 1]), when.year, when)
    words = _TIME_PRECISION_WORDS.get(time_precision)
    return "{} ({})".format(text, tr(words)) if words else text


def _lower_label(field_name: str, code) -> str:
    label = _LABELS.get(field_name, {}).get(code)
    return tr(label).lower() if label else ("" if code is None else str(code))


def sighting_html(record, sources: Optional[Sequence] = None, attachment: Optional[AttachmentCheck] = None,
                  unit_name: Optional[str] = None) -> str:
    """The details pane for one sighting (a SightingRecord or a mapping of field values). Each value is said
    once: "B2 — source usually reliable, information probably true", "Reported, unreviewed",
    "20 Dec 2024 08:00 UTC (exact)", "Sudzha (near a named place)"; then any warning where the claim
    status disagrees with the grades and sources (domain/consistency.py)."""
    if sources is None:
        sources = _get(record, "sources") or []
    unit = unit_name or _get(record, "unit_id") or ""
    reported = _get(record, "unit_as_reported")
    title = escape(unit or reported or "(unit not named)")
    if unit and reported:
        title += " <small>(as reported: {})</small>".format(escape(reported))
    reliability, credibility = _get(record, "source_reliability"), _get(record, "info_credibility")
    grade = "{}{}".format(reliability or "?", credibility or "?")
    claim = _LABELS["claim_status"].get(_get(record, "claim_status"))
    status = tr(claim) if claim else str(_get(record, "claim_status") or "?")
    place_name = _get(record, "location_name")
    place_precision = _lower_label("geo_precision", _get(record, "geo_precision"))
    rows = [
        ("Grade", escape(tr("{} — source {}, information {}").format(
            grade, _lower_label("source_reliability", reliability), _lower_label("info_credibility", credibility)))),
        ("Status", escape("{}, {}".format(status, _lower_label("review_status", _get(record, "review_status"))))),
        ("Observed", escape(observed_text(_get(record, "observed_at"), _get(record, "time_precision")))),
        ("Place", escape("{} ({})".format(place_name, place_precision) if place_name else place_precision)),
        ("Analyst", escape(_get(record, "analyst"))),
    ]
    parts = ["<h3>{}</h3>".format(title), "<table>"]
    for label, value in rows:
        parts.append("<tr><td><b>{}</b></td><td>{}</td></tr>".format(escape(label), value))
    parts.append("</table>")
    for warning in claim_warnings(record, sources):
        parts.append("<p><b>⚠ </b>{}</p>".format(escape(warning)))
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

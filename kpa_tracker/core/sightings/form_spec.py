"""What the sightings form checks and fills in, as QGIS expressions: constraints, defaults, tabs.

The Python validator (domain/validation.py) is the rule; these expressions say the same thing to QGIS's
form, so plain QGIS opening the GeoPackage (its default style) checks it too. The link pattern comes from
domain/urls.py; tests/sightings/test_form_spec.py checks the expressions against the validator.
"""

from ..domain.fields import ATTACHMENTS_DIR
from ..domain.grading import (
    CLAIM_STATUS,
    GEO_PRECISION,
    INFO_CREDIBILITY,
    REVIEW_STATUS,
    SOURCE_RELIABILITY,
    TIME_PRECISION,
)
from ..domain.urls import WEB_SCHEMES
from ..domain.values import NULL_ISLAND_TOLERANCE
from .layers import RELATION_ID


# The UTC clock's wall-clock time (a date-time in local spec; QGIS 3.22 has no UTC clock), and from it the
# UTC clock and UTC midnight today as UTC date-times (see the module's note).
_UTC_WALL_CLOCK = ("datetime_from_epoch(2 * epoch(now()) - "
                   "epoch(to_datetime(format_date(now(), 'yyyy-MM-ddTHH:mm:ss.zzz') || 'Z')))")
UTC_NOW = "to_datetime(format_date({}, 'yyyy-MM-ddTHH:mm:ss.zzz') || 'Z')".format(_UTC_WALL_CLOCK)
UTC_TODAY = "to_datetime(format_date({}, 'yyyy-MM-dd') || 'T00:00:00Z')".format(_UTC_WALL_CLOCK)


def AS_UTC(expression: str) -> str:  # noqa: N802 (reads like the constant it stands for)
    """A date-time value read by its wall-clock time as UTC, in milliseconds since 1970.

    As epoch milliseconds because QGIS 3.22 compares date-times by their wall
    clock, ignoring their time zones; epoch() honours them.
    """
    return "epoch(to_datetime(format_date({}, 'yyyy-MM-ddTHH:mm:ss') || 'Z'))".format(expression)


UUID_DEFAULT = "regexp_replace(uuid(), '[{}]', '')"
DATETIME_CONFIG = {
    "allow_null": True, "calendar_popup": True, "display_format": "yyyy-MM-dd HH:mm 'UTC'",
    "field_format": "yyyy-MM-dd HH:mm:ss", "field_iso_format": False,
}
# domain/urls.py's rule as a QGIS regular expression: a web scheme, a host, no spaces.
WEB_URL_PATTERN = "(?i)^(" + "|".join(WEB_SCHEMES) + ")://[^\\\\s/?#]+[^\\\\s]*$"
DATE_PATTERN = ("^\\\\d{4}-\\\\d{2}-\\\\d{2}([T ]\\\\d{2}:\\\\d{2}(:\\\\d{2}(\\\\.\\\\d+)?)?"
                "(Z|[+-]\\\\d{2}(:?\\\\d{2})?)?)?$")


# values.NULL_ISLAND_TOLERANCE written out exactly (2^-20 has 20 decimals), as QGIS's expressions read it.
NULL_ISLAND_DEGREES = "{:.20f}".format(NULL_ISLAND_TOLERANCE)


def _in_list(field_name: str, values) -> str:
    quoted = ", ".join("'{}'".format(v) if isinstance(v, str) else str(v) for v in values)
    return '"{}" IN ({})'.format(field_name, quoted)


def _scale_text(scale) -> str:
    return ", ".join("{} {}".format(code, label.split(":", 1)[0].lower()) for code, label in scale)


def at_least_one_source_expression() -> str:
    """Counts the sighting's sources through the relation (edits not yet saved included)."""
    return "try(relation_aggregate('{}', 'count', \"source_id\"), 0) >= 1".format(RELATION_ID)


# field: (expression, message)
SIGHTING_CONSTRAINTS = {
    "sighting_id": (
        at_least_one_source_expression(),
        "Add at least one source (its web address and publisher) in the Sources section. "
        "(Outside the plugin, load the sighting_sources table of this GeoPackage too.)"),
    "unit_as_reported": (
        "\"unit_id\" IS NOT NULL OR length(trim(coalesce(\"unit_as_reported\", ''))) > 0",
        "Name the unit: pick it from the units list, or write the unit as the source names it "
        "(e.g. 'unidentified KPA infantry')."),
    "observed_at": (
        "\"observed_at\" IS NOT NULL AND {} <= epoch(now()) + 300000".format(AS_UTC("\"observed_at\"")),
        "Observed (UTC) is required and cannot be in the future. Times are in UTC."),
    "time_precision": (
        _in_list("time_precision", [c for c, _l in TIME_PRECISION]),
        "Time precision is required: " + _scale_text(TIME_PRECISION) + "."),
    "location_name": (
        "$geometry IS NOT NULL AND $x >= -180 AND $x <= 180 AND $y >= -90 AND $y <= 90 "
        "AND NOT (abs($x) < {t} AND abs($y) < {t})".format(t=NULL_ISLAND_DEGREES),
        "The point must be on Earth: longitude -180 to 180, latitude -90 to 90 (WGS 84), and not 0, 0 "
        "(Null Island, what an empty coordinate becomes). Click the map or type coordinates."),
    "geo_precision": (
        _in_list("geo_precision", [c for c, _l in GEO_PRECISION]),
        "Location precision is required: " + _scale_text(GEO_PRECISION) + "."),
    "source_reliability": (
        _in_list("source_reliability", [c for c, _l in SOURCE_RELIABILITY]),
        "Grade the source A (completely reliable) to F (reliability cannot be judged)."),
    "info_credibility": (
        _in_list("info_credibility", [c for c, _l in INFO_CREDIBILITY]),
        "Grade the information 1 (confirmed by other sources) to 6 (truth cannot be judged)."),
    "claim_status": (
        _in_list("claim_status", [c for c, _l in CLAIM_STATUS]),
        "Claim status is required: confirmed, assessed, reported or claimed."),
    "review_status": (
        _in_list("review_status", [c for c, _l in REVIEW_STATUS]),
        "Review status is required: unreviewed, reviewed or rejected."),
    "analyst": (
        "length(trim(coalesce(\"analyst\", ''))) > 0",
        "Analyst is required (who entered this sighting)."),
    "attachment": (
        # QGIS 3.22's file widget hands an empty value to constraints as the text 'NULL'.
        "\"attachment\" IS NULL OR \"attachment\" IN ('', 'NULL') OR (left(replace(\"attachment\", '\\\\', '/'), {}) = '{}/' "
        "AND strpos(\"attachment\", '..') = 0 AND NOT regexp_match(\"attachment\", '^([A-Za-z]:|/|\\\\\\\\)'))".format(
            len(ATTACHMENTS_DIR) + 1, ATTACHMENTS_DIR),
        "Attachments are stored inside the workspace, in its attachments folder; a file elsewhere is "
        "refused. Attach the file with the plugin's Attach button."),
}
SIGHTING_NOT_NULL = ("sighting_id", "observed_at", "time_precision", "geo_precision", "source_reliability",
                     "info_credibility", "claim_status", "review_status", "analyst", "created_at")
SIGHTING_DEFAULTS = {
    "sighting_id": (UUID_DEFAULT, False),
    "analyst": ("@user_account_name", False),
    "created_at": (UTC_NOW, False),
    "updated_at": (UTC_NOW, True),  # applied again on every change
    # observed_at has no default: it stays empty until the analyst says when the unit was seen (a default
    # of today would be saved as an observation nobody made).
    "time_precision": ("1", False),
    "geo_precision": ("1", False),
    "source_reliability": ("'F'", False),  # "cannot be judged" until the analyst grades it
    "info_credibility": ("6", False),
    "claim_status": ("'reported'", False),
    "review_status": ("'unreviewed'", False),
}
SIGHTING_READ_ONLY = ("sighting_id", "created_at", "updated_at", "attachment_sha256")

def _blank(field_name: str) -> str:
    return "length(trim(coalesce(\"{}\", ''))) = 0".format(field_name)


SOURCE_CONSTRAINTS = {
    "url": (
        "CASE WHEN {url} THEN NOT ({ds} OR {rid}) ELSE regexp_match(\"url\", '{p}') END".format(
            url=_blank("url"), ds=_blank("dataset"), rid=_blank("record_id"), p=WEB_URL_PATTERN),
        "The source's web address must start with http:// or https:// (javascript:, file: and other "
        "addresses are refused). It may stay empty only for a dataset record: then give the dataset and "
        "the record id."),
    "dataset": (
        "{rid} OR NOT {ds}".format(rid=_blank("record_id"), ds=_blank("dataset")),
        "A record id needs its dataset: name the dataset the record is from (e.g. ACLED)."),
    "record_id": (
        "{ds} OR NOT {rid}".format(ds=_blank("dataset"), rid=_blank("record_id")),
        "A dataset needs the record id: the id of the record cited (e.g. UKR12345)."),
    "original_url": (
        "{blank} OR regexp_match(\"original_url\", '{p}')".format(blank=_blank("original_url"), p=WEB_URL_PATTERN),
        "The original post's address must start with http:// or https://."),
    "publisher": (
        "length(trim(coalesce(\"publisher\", ''))) > 0",
        "Publisher is required: the outlet, channel, agency or account that published it."),
    "archive_url": (
        "\"archive_url\" IS NULL OR length(trim(\"archive_url\")) = 0 OR regexp_match(\"archive_url\", '{}')".format(
            WEB_URL_PATTERN),
        "The archive address must start with http:// or https://."),
    "published_at": (
        "\"published_at\" IS NULL OR length(trim(\"published_at\")) = 0 OR "
        "(regexp_match(\"published_at\", '{}') AND to_date(left(\"published_at\", 10)) <= to_date(now()) "
        "+ to_interval('1 day'))".format(DATE_PATTERN),
        "Published: a date (2024-11-03) or a UTC date-time (2024-11-03T14:20:00Z), not in the future."),
}
SOURCE_NOT_NULL = ("source_id", "sighting_id", "publisher")  # url may be empty for a dataset record
SOURCE_DEFAULTS = {"source_id": (UUID_DEFAULT, False)}
SOURCE_READ_ONLY = ("source_id",)
SOURCE_KEY_COLUMNS = ("fid", "source_id", "sighting_id")  # hidden wherever sources are listed

# The form's tabs, each (title, group boxes); a group box is (title, fields), and None for its fields
# stands for the sources' relation editor. Tabs, not one column of group boxes: QGIS puts each tab's
# page in a scroll area, so the form fits a 1366x768 screen with OK and Cancel on it.
SIGHTING_TABS = (
    ("Sighting", (
        ("Unit", ("unit_id", "unit_as_reported")),
        ("When (UTC)", ("observed_at", "time_precision")),
        ("Where", ("location_name", "geo_precision")),
        ("Grading (NATO Admiralty code) and status", ("source_reliability", "info_credibility",
                                                      "claim_status", "review_status")),
    )),
    ("Sources", (("Sources", None),)),
    ("Description and record", (
        ("What was seen", ("description", "attachment", "attachment_sha256")),
        # The sighting's id stays (read-only): it carries the "at least one source" check, which QGIS
        # runs only for fields shown in the form.
        ("Record", ("analyst", "created_at", "updated_at", "sighting_id")),
    )),
)
# A source's form is short: one group box, no tab bar (a tab title of None).
SOURCE_TABS = (
    (None, (("Source", ("url", "publisher", "published_at", "archive_url", "original_url", "notes")),
            ("Dataset record (when the source is a record of a dataset)", ("dataset", "record_id")))),
)

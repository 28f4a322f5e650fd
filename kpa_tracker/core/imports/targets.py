"""What a column of an imported file can be: a sighting field, the place, or a source field; and which
fields take a default when the file has no column for them.

The documented defaults (DEFAULTS) are what a file gets when nobody chooses: the import dialog shows them
and Processing's importsightings takes them as its parameters' default values, so a plain file imports
with INPUT alone. They are deliberately modest: an imported row is "reported", graded F6 ("cannot be
judged") until the analyst grades it, and placed "near a named place" rather than claimed exact.
"""

from typing import Dict, List, Tuple

from ..domain.fields import LABELS, SIGHTING_COLUMNS
from ..domain.grading import CLAIM_STATUS, GEO_PRECISION, INFO_CREDIBILITY, REVIEW_STATUS, SOURCE_RELIABILITY
from ..domain.grading import TIME_PRECISION
from ...toolbelt.i18n import tr

NOT_MAPPED = ""
AUTO = "auto"  # time precision: from how each date is written (2024-12-14 a day, 2024-12 a month)

PLACE_TARGETS = ("longitude", "latitude", "wkt")
SOURCE_TARGETS = ("source_url", "source_publisher", "source_published_at", "source_archive_url", "source_notes",
                  "source_dataset", "source_record_id", "source_original_url", "sources")
# Sighting fields first in the form's order, then the place, then the sources.
MAPPABLE = tuple(SIGHTING_COLUMNS[:1]) + ("observed_at", "time_precision", "longitude", "latitude", "wkt",
                                          "location_name", "geo_precision", "unit_id", "unit_as_reported",
                                          "source_reliability", "info_credibility", "claim_status",
                                          "description") + SOURCE_TARGETS
MAPPABLE += tuple(name for name in SIGHTING_COLUMNS if name not in MAPPABLE)

DEFAULTABLE = ("time_precision", "geo_precision", "claim_status", "source_reliability", "info_credibility",
               "review_status", "unit_as_reported", "source_publisher")
DEFAULTS: Dict[str, object] = {
    "time_precision": AUTO,
    "geo_precision": 2,
    "claim_status": "reported",
    "source_reliability": "F",
    "info_credibility": 6,
    "review_status": "unreviewed",
    # A row that names no unit: kept as the unit as reported, in words nobody mistakes for a unit.
    "unit_as_reported": "KPA (unit not named)",
    # Empty: taken from the source URL's address (t.me/<channel>, @account on x.com, the site's host).
    "source_publisher": "",
}
REQUIRED = ("observed_at", "source_reliability", "info_credibility", "time_precision", "geo_precision",
            "claim_status")

_SOURCE_LABELS = {
    "source_url": "Source URL",
    "source_publisher": "Source publisher",
    "source_published_at": "Source published",
    "source_archive_url": "Source archive URL",
    "source_notes": "Source notes",
    "source_dataset": "Source dataset (e.g. ACLED)",
    "source_record_id": "Source record id in the dataset",
    "source_original_url": "Source's original post URL",
    "sources": "Sources (JSON list)",
    "longitude": "Longitude",
    "latitude": "Latitude",
    "wkt": "Point as WKT",
}
_SCALES = {
    "time_precision": TIME_PRECISION,
    "geo_precision": GEO_PRECISION,
    "source_reliability": SOURCE_RELIABILITY,
    "info_credibility": INFO_CREDIBILITY,
    "claim_status": CLAIM_STATUS,
    "review_status": REVIEW_STATUS,
}


def label(target: str) -> str:
    return tr(_SOURCE_LABELS.get(target) or LABELS.get(target, target))


def choices(target: str) -> List[Tuple[object, str]]:
    """(code, label) for a scale field; time precision has AUTO first. [] for a free-text field."""
    scale = _SCALES.get(target)
    if scale is None:
        return []
    items = [(code, "{} {}".format(code, tr(text)) if target in ("source_reliability", "info_credibility")
              else tr(text)) for code, text in scale]
    if target == "time_precision":
        items.insert(0, (AUTO, tr("From how each date is written")))
    return items


def default_value(target: str):
    return DEFAULTS.get(target)


__all__ = ["AUTO", "DEFAULTABLE", "DEFAULTS", "MAPPABLE", "NOT_MAPPED", "PLACE_TARGETS", "REQUIRED",
           "SOURCE_TARGETS", "choices", "default_value", "label"]

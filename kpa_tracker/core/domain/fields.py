"""The sightings' fields: names, kinds and the labels the form and every message use."""

SIGHTINGS_TABLE = "sightings"
SOURCES_TABLE = "sighting_sources"
ATTACHMENTS_DIR = "attachments"
TEXT, INTEGER, DATETIME = "text", "integer", "datetime"

# name, kind, label
SIGHTING_FIELDS = (
    ("sighting_id", TEXT, "Sighting id"),
    ("unit_id", TEXT, "Unit"),
    ("unit_as_reported", TEXT, "Unit as the source names it"),
    ("observed_at", DATETIME, "Observed (UTC)"),
    ("time_precision", INTEGER, "Time precision"),
    ("location_name", TEXT, "Place name"),
    ("geo_precision", INTEGER, "Location precision"),
    ("source_reliability", TEXT, "Source reliability"),
    ("info_credibility", INTEGER, "Information credibility"),
    ("claim_status", TEXT, "Claim status"),
    ("review_status", TEXT, "Review status"),
    ("description", TEXT, "Description"),
    ("analyst", TEXT, "Analyst"),
    ("created_at", DATETIME, "Created (UTC)"),
    ("updated_at", DATETIME, "Updated (UTC)"),
    ("attachment", TEXT, "Attachment"),
    ("attachment_sha256", TEXT, "Attachment SHA-256"),
)
SOURCE_FIELDS = (
    ("source_id", TEXT, "Source id"),
    ("sighting_id", TEXT, "Sighting id"),
    ("url", TEXT, "URL"),
    ("publisher", TEXT, "Publisher"),
    ("published_at", TEXT, "Published"),
    ("archive_url", TEXT, "Archive URL"),
    ("notes", TEXT, "Notes"),
)
# Derived, never entered: the symbol class the style draws (status and grade band in one value), so
# rendering reads one field instead of evaluating an expression per point (about twice as fast on
# 100,000 sightings). Triggers keep it right whatever client edits the table.
MAP_CLASS_FIELD = ("map_class", TEXT, "Map class (derived)")
SIGHTING_COLUMNS = tuple(name for name, _k, _l in SIGHTING_FIELDS)
SOURCE_COLUMNS = tuple(name for name, _k, _l in SOURCE_FIELDS)
STORED_COLUMNS = SIGHTING_COLUMNS + ("map_class",)
LABELS = {name: label for name, _k, label in SIGHTING_FIELDS + (MAP_CLASS_FIELD,)}
SOURCE_LABELS = {name: label for name, _k, label in SOURCE_FIELDS}
LABELS.update({"lon": "Longitude", "lat": "Latitude", "sources": "Sources", "unit": "Unit"})

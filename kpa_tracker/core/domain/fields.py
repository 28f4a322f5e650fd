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
    # A dataset record cited as the source (ACLED names its sources, with no URL): the dataset's name and
    # the record's id there. A source has a url, or a dataset and a record_id (domain/validation.py).
    ("dataset", TEXT, "Dataset"),
    ("record_id", TEXT, "Record id in the dataset"),
    # The post this source reports or reposts (an outlet quoting a Telegram post): two sources with the
    # same original are one origin (domain/origin.py).
    ("original_url", TEXT, "Original post URL"),
)
# Added after the first release of sightings.gpkg: an older file gains them (gpkg_store.ensure_schema).
SOURCE_FIELDS_ADDED = ("dataset", "record_id", "original_url")
# What each source field is for: the tooltip of its label in the form (the field's comment: COMMENT ON
# COLUMN in the team database, the GeoPackage's column description where GDAL writes one). English; the
# form translates them.
SOURCE_HINTS = {
    "url": "The web address of the source (http:// or https://). It may stay empty only for a dataset "
           "record: then give the dataset and the record id.",
    "publisher": "Who published it: the outlet, channel, agency or account. For a dataset record, the "
                 "sources the record names.",
    "published_at": "When it was published: a date (2024-11-03) or a UTC date-time (2024-11-03T14:20:00Z).",
    "archive_url": "An archived copy (archive.org, archive.ph), http:// or https://.",
    "notes": "Anything a reader of the source should know.",
    "dataset": "The dataset this source is a record of (e.g. ACLED), when the sighting comes from one; "
               "give its record id too. With both, no URL is needed: none is invented.",
    "record_id": "The record's id in the dataset (e.g. ACLED's event id UKR12345); needs the dataset.",
    "original_url": "When this source reports or reposts another post (an outlet quoting a Telegram post): "
                    "that post's address, http:// or https://. Two sources with the same original are one "
                    "origin, not two independent sources.",
}
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

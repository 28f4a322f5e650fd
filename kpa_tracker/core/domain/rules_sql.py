"""The sightings' rules as SQLite statements, generated from the Python definitions.

The sightings GeoPackage carries these indexes and triggers, so QGIS's attribute table, the field
calculator, another program or plain sqlite3 cannot store what clean_sighting refuses; they run
inside SQLite and need no plugin code. Each rule names its field in the message SQLite reports.

What SQLite cannot check here, and why:
- a new sighting that never gets a source: SQLite has no deferred triggers, and QGIS writes a
  sighting before the sources its form collected. The dock and the export flag such sightings
  ("no source"); deleting or moving away the last source of a sighting is refused.
- the point's range: the geometry is a GeoPackage blob that only GDAL's SQL functions read, and
  those exist only on GDAL's own connections (QGIS's and the plugin's writers all reach the file
  through GDAL, which keeps points within their CRS). One coordinate rule is read from the blob's
  bytes with plain SQL (null_island_sql): a point at 0, 0 ("Null Island", values.is_null_island) is
  refused by whatever writes it.
"""

from typing import List

from .fields import LABELS, SIGHTINGS_TABLE, SOURCE_LABELS, SOURCES_TABLE
from .grading import (
    CLAIM_STATUS,
    GEO_PRECISION,
    INFO_CREDIBILITY,
    REVIEW_STATUS,
    SOURCE_RELIABILITY,
    TIME_PRECISION,
    codes,
    map_class_sql,
)
from .times import FUTURE_TOLERANCE
from .urls import WEB_SCHEMES
from .values import NULL_ISLAND_EXPONENT

S, SRC = SIGHTINGS_TABLE, SOURCES_TABLE
# The stored form of "now plus the tolerance", as GeoPackage DATETIME text compares.
_LATEST = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '+{} seconds')".format(int(FUTURE_TOLERANCE.total_seconds()))


def _quoted(values) -> str:
    return ", ".join("'{}'".format(v) if isinstance(v, str) else str(v) for v in values)


def _message(label: str, name: str, text: str) -> str:
    return "{} ({}): {}".format(label, name, text).replace("'", "''")


def _refuse(label, name, text) -> str:
    return "SELECT RAISE(ABORT, '{}');".format(_message(label, name, text))


def web_url_sql(column: str) -> str:
    """SQL true when `column` is an http(s) address with a host and no spaces (urls.is_web_url)."""
    schemes = " OR ".join("lower(substr({c}, 1, {n})) = '{s}://'".format(c=column, n=len(s) + 3, s=s)
                          for s in WEB_SCHEMES)
    return ("(({schemes}) AND length({c}) > instr({c}, '://') + 2 AND instr({c}, ' ') = 0 "
            "AND instr({c}, char(9)) = 0 AND instr({c}, char(10)) = 0)").format(schemes=schemes, c=column)


def _sighting_checks(row: str = "NEW") -> List[str]:
    """(condition that is WRONG, message) pairs for a sightings row."""
    checks = []

    def scale(name, scale_codes, upper=False):
        value = 'upper({}."{}")'.format(row, name) if upper else '{}."{}"'.format(row, name)
        checks.append(('{r}."{n}" IS NULL OR {v} NOT IN ({c})'.format(r=row, n=name, v=value,
                                                                     c=_quoted(scale_codes)),
                       _message(LABELS[name], name, "not one of {}".format(", ".join(map(str, scale_codes))))))

    checks.append(('{r}."observed_at" IS NULL OR {r}."observed_at" > {latest}'.format(r=row, latest=_LATEST),
                   _message(LABELS["observed_at"], "observed_at", "required, and not in the future (UTC)")))
    scale("source_reliability", codes(SOURCE_RELIABILITY), upper=True)
    scale("info_credibility", codes(INFO_CREDIBILITY))
    scale("time_precision", codes(TIME_PRECISION))
    scale("geo_precision", codes(GEO_PRECISION))
    scale("claim_status", codes(CLAIM_STATUS))
    scale("review_status", codes(REVIEW_STATUS))
    checks.append((null_island_sql('{}."geom"'.format(row)),
                   _message(LABELS["lon"], "lon", "0, 0 (Null Island) is what an empty coordinate becomes, "
                                                  "not a place: give where the unit was seen")))
    checks.append(('{r}."unit_id" IS NULL AND trim(coalesce({r}."unit_as_reported", \'\')) = \'\''.format(r=row),
                   _message(LABELS["unit_as_reported"], "unit_as_reported",
                            "required when no unit is picked")))
    return checks


def _hex_digit(hex_text: str, position: str) -> str:
    """The value (0-15) of the hex digit at `position` (1-based, an SQL expression) of `hex_text`."""
    return "(instr('0123456789ABCDEF', substr({}, {}, 1)) - 1)".format(hex_text, position)


def null_island_sql(column: str) -> str:
    """SQL true when `column`, a GeoPackage point blob, lies within 2^-20 degrees of 0, 0 in both
    coordinates (values.is_null_island), read from the blob's bytes with plain SQLite functions.

    The blob: "GP", a version byte, a flags byte (bit 0 the header's byte order, bits 1-3 the envelope's
    kind: 0 none, 1 32 bytes, 2 or 3 48, 4 64; bit 4 an empty geometry), the SRS id (4 bytes), the
    envelope, then the WKB: a byte-order byte (1 little-endian), the type (4 bytes), x and y (8 bytes each,
    for every point type). A double is below 2^-20 in magnitude exactly when its 11-bit biased exponent
    is below 1003: the exponent is the low 7 bits of the sign byte and the high 4 of the next byte.
    """
    h = "hex({})".format(column)
    flags = "({} * 16 + {})".format(_hex_digit(h, "7"), _hex_digit(h, "8"))
    kind = "(({} >> 1) & 7)".format(flags)
    envelope = "(CASE {k} WHEN 0 THEN 0 WHEN 1 THEN 32 WHEN 2 THEN 48 WHEN 3 THEN 48 ELSE 64 END)".format(k=kind)
    wkb = "(9 + {})".format(envelope)  # the WKB's first byte (1-based)
    little = "(substr({h}, 2 * {w} - 1, 2) = '01')".format(h=h, w=wkb)

    def exponent(first_byte: str) -> str:
        # the sign byte: the last of the 8 (little-endian) or the first; the next byte toward the mantissa
        sign = "(CASE WHEN {l} THEN {f} + 7 ELSE {f} END)".format(l=little, f=first_byte)
        after = "(CASE WHEN {l} THEN {f} + 6 ELSE {f} + 1 END)".format(l=little, f=first_byte)
        return "(({hi} & 7) * 256 + {lo} * 16 + {nx})".format(
            hi=_hex_digit(h, "2 * {} - 1".format(sign)), lo=_hex_digit(h, "2 * {}".format(sign)),
            nx=_hex_digit(h, "2 * {} - 1".format(after)))

    x, y = exponent("({} + 5)".format(wkb)), exponent("({} + 13)".format(wkb))
    return ("({c} IS NOT NULL AND substr({h}, 1, 4) = '4750' AND ({f} & 16) = 0 "
            "AND length({c}) >= {w} + 20 AND {x} < {n} AND {y} < {n})").format(
        c=column, h=h, f=flags, w=wkb, x=x, y=y, n=NULL_ISLAND_EXPONENT)


def _blank_sql(column: str) -> str:
    return "trim(coalesce({}, '')) = ''".format(column)


def _source_checks(row: str = "NEW") -> List[str]:
    """A source has a url, or a dataset and a record_id (validation._clean_source). The pair comes first:
    SQLite reports the first rule broken, and "record_id required" says more than "url required"."""
    def col(name):
        return '{}."{}"'.format(row, name)

    return [
        ('NOT {} AND {}'.format(_blank_sql(col("dataset")), _blank_sql(col("record_id"))),
         _message(SOURCE_LABELS["record_id"], "record_id", "required with a dataset: the id of the record cited")),
        ('NOT {} AND {}'.format(_blank_sql(col("record_id")), _blank_sql(col("dataset"))),
         _message(SOURCE_LABELS["dataset"], "dataset", "required with a record id: the dataset it is from")),
        ('{url} AND ({ds} OR {rid})'.format(url=_blank_sql(col("url")), ds=_blank_sql(col("dataset")),
                                           rid=_blank_sql(col("record_id"))),
         _message(SOURCE_LABELS["url"], "url", "required: a web address, or the dataset and record_id of the "
                                               "dataset record cited")),
        ('NOT {} AND NOT {}'.format(_blank_sql(col("url")), web_url_sql(col("url"))),
         _message(SOURCE_LABELS["url"], "url", "a web address starting with http:// or https://")),
        ('NOT {} AND NOT {}'.format(_blank_sql(col("archive_url")), web_url_sql(col("archive_url"))),
         _message(SOURCE_LABELS["archive_url"], "archive_url", "a web address starting with http:// or https://")),
        ('NOT {} AND NOT {}'.format(_blank_sql(col("original_url")), web_url_sql(col("original_url"))),
         _message(SOURCE_LABELS["original_url"], "original_url",
                  "a web address starting with http:// or https://")),
        ('trim(coalesce({r}."publisher", \'\')) = \'\''.format(r=row),
         _message(SOURCE_LABELS["publisher"], "publisher", "required")),
        ('trim(coalesce({r}."sighting_id", \'\')) = \'\''.format(r=row),
         _message(SOURCE_LABELS["sighting_id"], "sighting_id", "required: the sighting this source is for")),
    ]


def _guard(name: str, when: str, table: str, checks) -> str:
    body = " ".join("SELECT RAISE(ABORT, '{}') WHERE {};".format(message, condition)
                    for condition, message in checks)
    return 'CREATE TRIGGER "{}" BEFORE {} ON "{}" BEGIN {} END'.format(name, when, table, body)


_LAST_SOURCE = _message("Sources", "sources", "a sighting keeps at least one source; add another before "
                                              "removing this one, or delete the sighting")


def schema_sql() -> List[str]:
    """Indexes and triggers the sightings GeoPackage is created with (and upgraded to)."""
    return [
        'CREATE UNIQUE INDEX IF NOT EXISTS "sightings_sighting_id_unique" ON "{}" ("sighting_id")'.format(S),
        'CREATE INDEX IF NOT EXISTS "sightings_observed_at" ON "{}" ("observed_at")'.format(S),
        'CREATE INDEX IF NOT EXISTS "sightings_unit_id" ON "{}" ("unit_id")'.format(S),
        'CREATE UNIQUE INDEX IF NOT EXISTS "sighting_sources_source_id_unique" ON "{}" ("source_id")'.format(SRC),
        'CREATE INDEX IF NOT EXISTS "sighting_sources_sighting_id" ON "{}" ("sighting_id")'.format(SRC),
        # Deleting a sighting (in QGIS or any other client) deletes its sources with it.
        'CREATE TRIGGER IF NOT EXISTS "sightings_delete_sources" AFTER DELETE ON "{}" BEGIN '
        'DELETE FROM "{}" WHERE "sighting_id" = OLD."sighting_id"; END'.format(S, SRC),
        _guard("sightings_rules_insert", "INSERT", S, _sighting_checks()),
        _guard("sightings_rules_update", "UPDATE", S, _sighting_checks()),
        _guard("sighting_sources_rules_insert", "INSERT", SRC, _source_checks()),
        _guard("sighting_sources_rules_update", "UPDATE", SRC, _source_checks()),
        # The last source of a sighting that still exists stays (the cascade above runs after the
        # sighting is gone, so deleting a sighting still takes its sources).
        'CREATE TRIGGER IF NOT EXISTS "sighting_sources_keep_last" BEFORE DELETE ON "{src}" '
        'WHEN EXISTS (SELECT 1 FROM "{s}" WHERE "sighting_id" = OLD."sighting_id") '
        'AND (SELECT count(*) FROM "{src}" WHERE "sighting_id" = OLD."sighting_id") <= 1 '
        'BEGIN SELECT RAISE(ABORT, \'{msg}\'); END'.format(s=S, src=SRC, msg=_LAST_SOURCE),
        'CREATE TRIGGER IF NOT EXISTS "sighting_sources_keep_last_moved" BEFORE UPDATE OF "sighting_id" ON "{src}" '
        'WHEN NEW."sighting_id" IS NOT OLD."sighting_id" '
        'AND EXISTS (SELECT 1 FROM "{s}" WHERE "sighting_id" = OLD."sighting_id") '
        'AND (SELECT count(*) FROM "{src}" WHERE "sighting_id" = OLD."sighting_id") <= 1 '
        'BEGIN SELECT RAISE(ABORT, \'{msg}\'); END'.format(s=S, src=SRC, msg=_LAST_SOURCE),
        'CREATE TRIGGER IF NOT EXISTS "sightings_map_class_insert" AFTER INSERT ON "{s}" '
        'WHEN NEW."map_class" IS NOT ({m}) BEGIN '
        'UPDATE "{s}" SET "map_class" = ({m}) WHERE "fid" = NEW."fid"; END'.format(s=S, m=map_class_sql()),
        'CREATE TRIGGER IF NOT EXISTS "sightings_map_class_update" AFTER UPDATE OF "claim_status", '
        '"review_status", "source_reliability", "info_credibility", "map_class" ON "{s}" '
        'WHEN NEW."map_class" IS NOT ({m}) BEGIN '
        'UPDATE "{s}" SET "map_class" = ({m}) WHERE "fid" = NEW."fid"; END'.format(s=S, m=map_class_sql()),
    ]


# The triggers that carry rules (dropped and re-created when an older GeoPackage is upgraded).
RULE_TRIGGERS = ("sightings_rules_insert", "sightings_rules_update", "sighting_sources_rules_insert",
                 "sighting_sources_rules_update", "sighting_sources_keep_last", "sighting_sources_keep_last_moved",
                 "sightings_map_class_insert", "sightings_map_class_update")

"""The grading scales (NATO Admiralty code and the sightings' own scales) and the symbol class drawn
from them. The one definition: the SQL forms (GeoPackage triggers, the team database's check) are
generated from these tuples or checked against them by a test."""

SOURCE_RELIABILITY = (
    ("A", "Completely reliable"),
    ("B", "Usually reliable"),
    ("C", "Fairly reliable"),
    ("D", "Not usually reliable"),
    ("E", "Unreliable"),
    ("F", "Reliability cannot be judged"),
)
INFO_CREDIBILITY = (
    (1, "Confirmed by other sources"),
    (2, "Probably true"),
    (3, "Possibly true"),
    (4, "Doubtful"),
    (5, "Improbable"),
    (6, "Truth cannot be judged"),
)
TIME_PRECISION = (  # ACLED's time precision
    (1, "Exact date"),
    (2, "Within about a week"),
    (3, "Month only"),
)
GEO_PRECISION = (
    (1, "Exact location"),
    (2, "Near a named place"),
    (3, "Region only"),
)
CLAIM_STATUS = (  # ISW's sense, as in the curated data
    ("confirmed", "Confirmed: a government statement or geolocated imagery, corroborated"),
    ("assessed", "Assessed: an analyst's assessment from verifiable evidence"),
    ("reported", "Reported: one credible source, not corroborated"),
    ("claimed", "Claimed: a party's claim, neither confirmed nor disproved"),
)
REVIEW_STATUS = (
    ("unreviewed", "Unreviewed"),
    ("reviewed", "Reviewed"),
    ("rejected", "Rejected"),
)

GRADE_BANDS = (
    ("high", "A-B and 1-2"),
    ("medium", "between"),
    ("low", "E-F, 5-6 or not judged"),
)
# The bands as data: a grade is high when both its letter and number are in HIGH, low when either is
# missing or in LOW, else medium. map_class() and map_class_sql() read only these.
HIGH_LETTERS, HIGH_NUMBERS = ("A", "B"), (1, 2)
LOW_LETTERS, LOW_NUMBERS = ("E", "F"), (5, 6)
REJECTED = "rejected"


def codes(scale) -> list:
    return [code for code, _label in scale]


def map_class(claim_status, review_status, source_reliability, info_credibility) -> str:
    """'confirmed high', 'reported low', … or 'rejected': the symbol class the style draws."""
    if str(review_status or "").lower() == REJECTED:
        return REJECTED
    reliability = str(source_reliability or "").upper()
    if reliability in HIGH_LETTERS and info_credibility in HIGH_NUMBERS:
        band = "high"
    elif not reliability or info_credibility is None or reliability in LOW_LETTERS or info_credibility in LOW_NUMBERS:
        band = "low"
    else:
        band = "medium"
    return "{} {}".format(str(claim_status or "unknown").lower(), band)


def _sql_list(values) -> str:
    return ", ".join("'{}'".format(v) if isinstance(v, str) else str(v) for v in values)


def map_class_sql(row: str = "NEW") -> str:
    """map_class() as one SQL expression (SQLite and PostgreSQL read it alike), built from the same data."""
    return (
        "CASE WHEN lower({r}.\"review_status\") = '{rejected}' THEN '{rejected}' ELSE "
        "coalesce(lower({r}.\"claim_status\"), 'unknown') || ' ' || CASE "
        "WHEN upper({r}.\"source_reliability\") IN ({hl}) AND {r}.\"info_credibility\" IN ({hn}) THEN 'high' "
        "WHEN {r}.\"source_reliability\" IS NULL OR {r}.\"info_credibility\" IS NULL "
        "OR upper({r}.\"source_reliability\") IN ({ll}) OR {r}.\"info_credibility\" IN ({ln}) THEN 'low' "
        "ELSE 'medium' END END").format(r=row, rejected=REJECTED, hl=_sql_list(HIGH_LETTERS),
                                        hn=_sql_list(HIGH_NUMBERS), ll=_sql_list(LOW_LETTERS),
                                        ln=_sql_list(LOW_NUMBERS))

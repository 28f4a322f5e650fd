"""A question about sightings (which unit, which days, what grade), asked of either store; each store
compiles it into its own SQL."""

import datetime
from dataclasses import dataclass
from typing import List, Optional, Tuple

from .grading import SOURCE_RELIABILITY, codes
from .times import format_gpkg_datetime

NEWEST_FIRST = '"observed_at" DESC, "fid" DESC'


def sql_literal(value) -> str:
    """A SQL literal (SQLite and PostgreSQL alike) for text or a number; the only quoting the local store
    needs, since GDAL's SQL takes no bound parameters."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'{}'".format(str(value).replace("'", "''"))


def allowed_letters(min_grade: str) -> Tuple[List[str], int]:
    """'B2' -> (['A', 'B'], 2): source reliability at least B and information credibility at least 2."""
    letter, number = min_grade[0].upper(), int(min_grade[1:] or 6)
    letters = codes(SOURCE_RELIABILITY)
    return letters[:letters.index(letter) + 1], number


@dataclass
class SightingQuery:
    unit: Optional[str] = None  # a unit id, or the unit as reported (either matches)
    start: Optional[datetime.datetime] = None
    end: Optional[datetime.datetime] = None
    min_grade: Optional[str] = None  # e.g. "B2"
    include_rejected: bool = True
    limit: Optional[int] = None
    order_by: Optional[str] = None
    sighting_id: Optional[str] = None

    def _clauses(self, literal):
        clauses = []
        if self.sighting_id:
            clauses.append('"sighting_id" = {}'.format(literal(self.sighting_id)))
        if self.unit:
            clauses.append('("unit_id" = {0} OR lower("unit_as_reported") = lower({0}))'.format(literal(self.unit)))
        if self.min_grade:
            letters, number = allowed_letters(self.min_grade)
            clauses.append('upper("source_reliability") IN ({}) AND "info_credibility" <= {}'.format(
                ", ".join(literal(x) for x in letters), literal(number)))
        if not self.include_rejected:
            clauses.append('coalesce("review_status", \'\') <> \'rejected\'')
        return clauses

    def sqlite_where(self) -> str:
        """The WHERE clause for the GeoPackage, where times are DATETIME text."""
        clauses = self._clauses(sql_literal)
        if self.start is not None:
            clauses.append('"observed_at" >= {}'.format(sql_literal(format_gpkg_datetime(self.start)[:19])))
        if self.end is not None:
            clauses.append('substr("observed_at", 1, 19) <= {}'.format(
                sql_literal(format_gpkg_datetime(self.end)[:19])))
        return " AND ".join(clauses)

    def postgres_where(self) -> Tuple[str, list]:
        """The WHERE clause and its parameters for psycopg2 (times as timestamptz)."""
        clauses = self._clauses(sql_literal)
        parameters = []
        if self.start is not None:
            clauses.append("observed_at >= %s")
            parameters.append(self.start)
        if self.end is not None:
            clauses.append("observed_at <= %s")
            parameters.append(self.end)
        return " AND ".join(clauses), parameters

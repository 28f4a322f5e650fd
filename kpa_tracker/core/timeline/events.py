"""The events of a window of time, without QGIS: which curated events QGIS's temporal filter draws
in the window (the same rule as core/project/temporal.py), filtered by category and status and
searched by name, place, actors and notes, sorted by date."""

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence

from ..curated.data import SOURCE_KINDS, STATUSES, CuratedFeature, fold
from .dates import feature_window

EVENTS_LAYER = "events"


@dataclass(frozen=True)
class EventRow:
    """One event as the list shows it; `feature` is the curated record behind it."""

    feature: CuratedFeature
    first: datetime.date
    last: Optional[datetime.date]  # None: still in force

    @property
    def id(self) -> str:
        return self.feature.id

    @property
    def category(self) -> str:
        return str(self.feature.attributes.get("category") or "")

    @property
    def place(self) -> str:
        return str(self.feature.attributes.get("place") or "")

    @property
    def status(self) -> str:
        return self.feature.status

    @property
    def grade(self) -> str:
        return source_grade(self.feature.sources)

    def dates_text(self) -> str:
        if self.last is None:
            return "{} →".format(self.first.isoformat())
        if self.last == self.first:
            return self.first.isoformat()
        return "{} – {}".format(self.first.isoformat(), self.last.isoformat())

    def search_text(self) -> str:
        values = self.feature.attributes
        return fold(" ".join([self.feature.name, " ".join(self.feature.names), self.place,
                              str(values.get("actors") or ""), self.category, self.feature.notes]))


def source_grade(sources) -> str:
    """How the sources weigh, by their kind (data-model.md): '3: independent media 2, state media 1'."""
    kinds = Counter(s.kind or "?" for s in sources)
    order = {kind: index for index, kind in enumerate(SOURCE_KINDS)}
    parts = ["{} {}".format(kind, count) for kind, count in
             sorted(kinds.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))]
    return "{}: {}".format(len(sources), ", ".join(parts))


def rows(features: Iterable[CuratedFeature]) -> List[EventRow]:
    """Every dated event as a row, oldest first (then by name, then id: a stable order)."""
    made = []
    for feature in features:
        if not feature.valid_from:
            continue
        first, last = feature_window(feature.valid_from, feature.valid_to)
        made.append(EventRow(feature, first, last))
    return sorted(made, key=lambda r: (r.first, r.feature.name.casefold(), r.id))


def in_window(row: EventRow, first: datetime.date, last: datetime.date) -> bool:
    """Drawn by QGIS in the days first..last (inclusive): it starts by the window's last day and ends
    on or after its first day."""
    return row.first <= last and (row.last is None or row.last >= first)


def events_in_window(all_rows: Sequence[EventRow], first: datetime.date, last: datetime.date,
                     categories: Optional[Iterable[str]] = None, statuses: Optional[Iterable[str]] = None,
                     search: str = "") -> List[EventRow]:
    """The rows drawn in first..last, of the given categories and statuses (None: any), whose
    name, place, actors or notes contain every word of `search` (case and accents ignored)."""
    categories = set(categories) if categories is not None else None
    statuses = set(statuses) if statuses is not None else None
    words = [fold(word) for word in search.split() if fold(word)]
    chosen = []
    for row in all_rows:
        if not in_window(row, first, last):
            continue
        if categories is not None and row.category not in categories:
            continue
        if statuses is not None and row.status not in statuses:
            continue
        if words:
            text = row.search_text()
            if not all(word in text for word in words):
                continue
        chosen.append(row)
    return chosen


def categories_of(all_rows: Iterable[EventRow]) -> List[str]:
    return sorted({row.category for row in all_rows if row.category})


def statuses_of(all_rows: Iterable[EventRow]) -> List[str]:
    present = {row.status for row in all_rows}
    return [status for status in STATUSES if status in present]

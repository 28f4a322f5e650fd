"""Problems, errors and the clean records every store writes and reads."""

import datetime
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

from .fields import LABELS, SIGHTING_COLUMNS, SOURCE_COLUMNS, SOURCE_LABELS
from .grading import map_class
from .i18n import tr
from .times import format_gpkg_datetime


class SightingError(Exception):
    """Something about sightings storage failed; nothing was half-written."""


class StorageError(SightingError):
    pass


class AttachmentError(SightingError):
    pass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a sighting, in words that name the field."""
    field: str
    message: str
    source_index: Optional[int] = None  # 0-based index of the source, for source fields

    def __str__(self) -> str:
        if self.source_index is not None:
            label = SOURCE_LABELS.get(self.field, self.field)
            return tr("Source {} {} ({}): {}").format(self.source_index + 1, label, self.field, self.message)
        return "{} ({}): {}".format(LABELS.get(self.field, self.field), self.field, self.message)


class SightingValidationError(SightingError):
    """A sighting was refused; `problems` lists every reason."""

    def __init__(self, problems: Sequence[Problem], prefix: str = ""):
        self.problems = list(problems)
        text = "; ".join(str(p) for p in self.problems)
        super().__init__((prefix + text) if prefix else text)


@dataclass
class SourceRecord:
    source_id: str
    url: Optional[str]  # None only for a dataset record (dataset and record_id given)
    publisher: str
    published_at: Optional[str] = None  # ISO date or UTC date-time text, as precise as the source gives
    archive_url: Optional[str] = None
    notes: Optional[str] = None
    dataset: Optional[str] = None  # the dataset this source is a record of ("ACLED")
    record_id: Optional[str] = None  # that record's id in the dataset ("UKR12345")
    original_url: Optional[str] = None  # the post this source reports or reposts (http/https)

    @property
    def is_dataset_record(self) -> bool:
        return bool(self.dataset and self.record_id)

    def as_dict(self) -> Dict[str, object]:
        return {name: getattr(self, name) for name in SOURCE_COLUMNS if name != "sighting_id"}


@dataclass
class SightingRecord:
    """A clean sighting: every value normalised, times as aware UTC datetimes."""
    sighting_id: str
    lon: float
    lat: float
    observed_at: datetime.datetime
    time_precision: int
    geo_precision: int
    source_reliability: str
    info_credibility: int
    claim_status: str
    review_status: str
    analyst: str
    created_at: datetime.datetime
    updated_at: datetime.datetime
    unit_id: Optional[str] = None
    unit_as_reported: Optional[str] = None
    location_name: Optional[str] = None
    description: Optional[str] = None
    attachment: Optional[str] = None
    attachment_sha256: Optional[str] = None
    sources: List[SourceRecord] = field(default_factory=list)
    fid: Optional[int] = None  # set when read from the GeoPackage

    def attributes(self) -> Dict[str, object]:
        """Field values as stored (times as GeoPackage DATETIME text)."""
        values = {}
        for name in SIGHTING_COLUMNS:
            value = getattr(self, name)
            if isinstance(value, datetime.datetime):
                value = format_gpkg_datetime(value)
            values[name] = value
        values["map_class"] = self.map_class
        return values

    @property
    def map_class(self) -> str:
        return map_class(self.claim_status, self.review_status, self.source_reliability, self.info_credibility)

    @property
    def grade(self) -> str:
        """The Admiralty grade, e.g. 'B2'."""
        return "{}{}".format(self.source_reliability, self.info_credibility)



"""The one validator of a sighting and its sources: every path (the form's constraints, imports, the
stores, transfers) calls clean_sighting; the SQL triggers are generated from the same rules."""

import datetime
import getpass
import re
import uuid
from pathlib import PurePosixPath
from typing import Collection, Iterable, List, Mapping, Optional, Sequence, Tuple

from .fields import ATTACHMENTS_DIR
from .grading import CLAIM_STATUS, GEO_PRECISION, INFO_CREDIBILITY, REVIEW_STATUS, SOURCE_RELIABILITY, TIME_PRECISION
from .records import Problem, SightingRecord, SightingValidationError, SourceRecord
from .i18n import tr
from .times import FUTURE_TOLERANCE, format_iso_utc, parse_utc, utc_now
from .times import published_text as _published_text, truncate_ms as _truncate_ms
from .urls import is_web_url, url_problem as _url_problem
from .values import code_of as _code_of, float_value as _float, int_in as _int_in, is_date_like
from .values import is_null as _is_null, is_null_island, short as _short, text as _text
from .consistency import claim_warnings  # noqa: F401 (the warnings' rule, next to the refusals')


_UUID_PATTERN = re.compile(r"^\{?[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\}?$")
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_GRADE_LETTERS = [code for code, _label in SOURCE_RELIABILITY]
_CREDIBILITY = [code for code, _label in INFO_CREDIBILITY]


def attachment_path_problem(relative: str) -> Optional[str]:
    """Why a stored attachment path is not inside the workspace's attachments folder, or None."""
    text = str(relative).replace("\\", "/")
    path = PurePosixPath(text)
    if path.is_absolute() or re.match(r"^[A-Za-z]:", text) or text.startswith("//"):
        return tr("'{}' is an absolute path; attachments are stored inside the workspace (attachments/…)").format(
            _short(text))
    if ".." in path.parts:
        return tr("'{}' leads out of the workspace; attachments stay inside it").format(_short(text))
    if len(path.parts) < 2 or path.parts[0] != ATTACHMENTS_DIR:
        return tr("'{}' is not in the workspace's {}/ folder; attach files with the Attach button").format(
            _short(text), ATTACHMENTS_DIR)
    return None


def default_analyst() -> str:
    """The login name (what QGIS's userLoginName gives too), else 'analyst'."""
    try:
        name = getpass.getuser()
    except Exception:  # no login name in this environment
        name = ""
    return name or "analyst"


def clean_sighting(sighting: Mapping, sources: Optional[Sequence[Mapping]] = None,
                   now: Optional[datetime.datetime] = None,
                   known_units: Optional[Collection[str]] = None) -> Tuple[Optional[SightingRecord], List[Problem]]:
    """Check a sighting and its sources, the same way for every path; normalise what is good.

    `sighting` maps field names to values (text, numbers, datetimes, QDateTime…)
    and holds the place as `lon` and `lat` (WGS 84). `sources` is a list of
    mappings with url, publisher, published_at, archive_url, notes, dataset,
    record_id, original_url (or pass them as sighting["sources"]); a source has
    a url, or a dataset and a record_id (a dataset record cited by its id). Missing sighting_id, analyst, created_at,
    updated_at and review_status take their defaults. `known_units`, when
    given, are the unit ids `unit_id` may take.

    Returns (record, []) when everything is right, else (None, problems).
    """
    now = now or utc_now()
    problems: List[Problem] = []
    if sources is None:
        sources = sighting.get("sources") or []
    get = sighting.get

    def problem(name, message, index=None):
        problems.append(Problem(name, message, index))

    # identity
    sighting_id = _text(get("sighting_id"))
    if sighting_id is None:
        sighting_id = str(uuid.uuid4())
    elif not _UUID_PATTERN.match(sighting_id):
        problem("sighting_id", tr("'{}' is not a UUID").format(_short(sighting_id)))
    else:
        sighting_id = str(uuid.UUID(sighting_id.strip("{}")))
    unit_id = _text(get("unit_id"))
    unit_as_reported = _text(get("unit_as_reported"))
    if unit_id is None and unit_as_reported is None:
        problem("unit_as_reported", tr("required: pick the unit from the units list, or write the unit as the "
                                    "source names it (e.g. 'unidentified KPA infantry')"))
    if unit_id is not None and known_units is not None and unit_id not in known_units:
        problem("unit_id", tr("'{}' is not a unit in the units layer").format(_short(unit_id)))

    # time
    observed_at = None
    raw_observed = get("observed_at")
    if _is_null(raw_observed) and not is_date_like(raw_observed):
        problem("observed_at", tr("required: when the unit was seen, in UTC"))
    else:
        try:
            observed_at = parse_utc(raw_observed)
        except ValueError as exc:
            problem("observed_at", str(exc))
        else:
            if observed_at is None:
                problem("observed_at", tr("required: when the unit was seen, in UTC"))
            elif observed_at > now + FUTURE_TOLERANCE:
                problem("observed_at", tr("{} is in the future (now it is {}); times are UTC").format(
                    format_iso_utc(observed_at), format_iso_utc(_truncate_ms(now).replace(microsecond=0))))
    time_precision = _checked_int(get("time_precision"), "time_precision", TIME_PRECISION, problem)

    # place
    lon, lat = _float(get("lon")), _float(get("lat"))
    if _is_null(get("lon")) or _is_null(get("lat")):
        problem("lon", tr("the sighting needs a place: click the map or type coordinates"))
    elif lon is None or lat is None:
        problem("lon", tr("'{}, {}' are not numbers").format(get("lon"), get("lat")))
    else:
        if not -180.0 <= lon <= 180.0:
            problem("lon", tr("{} is not on Earth: longitude lies between -180 and 180").format(lon))
        if not -90.0 <= lat <= 90.0:
            problem("lat", tr("{} is not on Earth: latitude lies between -90 and 90").format(lat))
        if is_null_island(lon, lat):
            problem("lon", tr("{}, {} is 0, 0 (\"Null Island\", in the Gulf of Guinea), what an empty or failed "
                              "coordinate becomes: give the place where the unit was seen").format(lon, lat))
    location_name = _text(get("location_name"))
    geo_precision = _checked_int(get("geo_precision"), "geo_precision", GEO_PRECISION, problem)

    # assessment
    reliability = _text(get("source_reliability"))
    if reliability is None:
        problem("source_reliability", tr("required: grade the source A to F (F when it cannot be judged)"))
    else:
        code = _code_of(reliability).upper()
        if code not in _GRADE_LETTERS:
            problem("source_reliability", tr("'{}' is not an Admiralty grade; use A ({}) to F ({})").format(
                _short(reliability), SOURCE_RELIABILITY[0][1], SOURCE_RELIABILITY[-1][1]))
        reliability = code
    credibility = get("info_credibility")
    if _is_null(credibility):
        problem("info_credibility", tr("required: grade the information 1 to 6 (6 when it cannot be judged)"))
        credibility = None
    else:
        checked = _int_in(credibility, _CREDIBILITY)
        if checked is None:
            problem("info_credibility", tr("'{}' is not an Admiralty grade; use 1 ({}) to 6 ({})").format(
                _short(str(credibility)), INFO_CREDIBILITY[0][1], INFO_CREDIBILITY[-1][1]))
        credibility = checked
    claim_status = _checked_text(get("claim_status"), "claim_status", CLAIM_STATUS, problem, None)
    review_status = _checked_text(get("review_status"), "review_status", REVIEW_STATUS, problem, "unreviewed")
    description = _text(get("description"))

    # bookkeeping
    analyst = _text(get("analyst")) or default_analyst()
    created_at = _checked_time(get("created_at"), "created_at", now, problem) or _truncate_ms(now)
    updated_at = _checked_time(get("updated_at"), "updated_at", now, problem) or created_at

    # evidence
    attachment = _text(get("attachment"))
    sha = _text(get("attachment_sha256"))
    if attachment is not None:
        attachment = attachment.replace("\\", "/")
        why = attachment_path_problem(attachment)
        if why:
            problem("attachment", why)
        if sha is None:
            problem("attachment_sha256", tr("required with an attachment: its SHA-256 is recorded when it "
                                         "is attached"))
    if sha is not None:
        sha = sha.lower()
        if not _SHA256.match(sha):
            problem("attachment_sha256", tr("'{}' is not a SHA-256 (64 hexadecimal digits)").format(_short(sha)))
        elif attachment is None:
            problem("attachment_sha256", tr("a hash without an attachment"))

    # sources
    clean_sources = []
    if not sources:
        problem("sources", tr("at least one source is required: the URL and publisher of where this was seen (or "
                                 "the dataset and record id it comes from)"))
    for index, source in enumerate(sources):
        clean_sources.append(_clean_source(source, index, now, problem))

    if problems:
        return None, problems
    record = SightingRecord(
        sighting_id=sighting_id, lon=lon, lat=lat, observed_at=observed_at, time_precision=time_precision,
        geo_precision=geo_precision, source_reliability=reliability, info_credibility=credibility,
        claim_status=claim_status, review_status=review_status, analyst=analyst, created_at=created_at,
        updated_at=updated_at, unit_id=unit_id, unit_as_reported=unit_as_reported, location_name=location_name,
        description=description, attachment=attachment, attachment_sha256=sha, sources=clean_sources)
    return record, []




def _checked_int(value, name, scale, problem) -> Optional[int]:
    codes = [code for code, _label in scale]
    described = ", ".join("{} ({})".format(code, label.lower()) for code, label in scale)
    if _is_null(value):
        problem(name, "required: {}".format(described))
        return None
    checked = _int_in(value, codes)
    if checked is None:
        problem(name, tr("'{}' is not one of {}").format(_short(str(value)), described))
    return checked


def _checked_text(value, name, scale, problem, default) -> Optional[str]:
    codes = [code for code, _label in scale]
    text = _text(value)
    if text is None:
        if default is not None:
            return default
        problem(name, tr("required: one of {}").format(", ".join(codes)))
        return None
    lowered = text.lower()
    if lowered not in codes:
        lowered = lowered.split(":", 1)[0].strip()  # 'Reported: one credible source…'
    if lowered not in codes:
        problem(name, tr("'{}' is not one of {}").format(_short(text), ", ".join(codes)))
        return None
    return lowered


def _checked_time(value, name, now, problem) -> Optional[datetime.datetime]:
    if _is_null(value) and not is_date_like(value):
        return None
    try:
        parsed = parse_utc(value)
    except ValueError as exc:
        problem(name, str(exc))
        return None
    if parsed is not None and parsed > now + FUTURE_TOLERANCE:
        problem(name, tr("{} is in the future; times are UTC").format(format_iso_utc(parsed)))
        return None
    return parsed


def _clean_source(source: Mapping, index: int, now, problem) -> Optional[SourceRecord]:
    get = source.get
    url = _text(get("url"))
    dataset, record_id = _text(get("dataset")), _text(get("record_id"))
    if url is None:
        if dataset is None or record_id is None:
            problem("url", tr("required: the web address of the source, or the dataset and the id of the "
                              "record it is cited from (e.g. dataset ACLED, record id UKR12345)"), index)
    elif not is_web_url(url):
        problem("url", _url_problem(url), index)
    if dataset is not None and record_id is None:
        problem("record_id", tr("required with a dataset: the id of the record in {} that is cited").format(
            _short(dataset)), index)
    if record_id is not None and dataset is None:
        problem("dataset", tr("required with a record id: the name of the dataset record '{}' is from "
                              "(e.g. ACLED)").format(_short(record_id)), index)
    publisher = _text(get("publisher"))
    if publisher is None:
        problem("publisher", tr("required: who published it (outlet, channel, agency or account)"), index)
    archive_url = _text(get("archive_url"))
    if archive_url is not None and not is_web_url(archive_url):
        problem("archive_url", _url_problem(archive_url), index)
    original_url = _text(get("original_url"))
    if original_url is not None and not is_web_url(original_url):
        problem("original_url", _url_problem(original_url), index)
    published_at = None
    try:
        published_at, parsed = _published_text(get("published_at"))
    except ValueError as exc:
        problem("published_at", str(exc), index)
    else:
        if parsed is not None and parsed > now + FUTURE_TOLERANCE:
            problem("published_at", tr("{} is in the future").format(published_at), index)
    source_id = _text(get("source_id"))
    if source_id is None:
        source_id = str(uuid.uuid4())
    elif not _UUID_PATTERN.match(source_id):
        problem("source_id", tr("'{}' is not a UUID").format(_short(source_id)), index)
    else:
        source_id = str(uuid.UUID(source_id.strip("{}")))
    return SourceRecord(source_id, url, publisher or "", published_at, archive_url, _text(get("notes")),
                        dataset, record_id, original_url)


def clean_batch(items: Iterable[Tuple[Mapping, Sequence[Mapping]]], now: Optional[datetime.datetime] = None,
                known_units: Optional[Collection[str]] = None) -> List[SightingRecord]:
    """Validate many (sighting, sources) pairs for writing together (any store).

    Raises SightingValidationError listing every problem (prefixed with the
    item's number) when any item is refused, or when one id appears twice.
    """
    records, problems = [], []
    for number, (sighting, sources) in enumerate(items, start=1):
        record, found = clean_sighting(sighting, sources, now, known_units)
        if found:
            problems.extend(Problem(p.field, "sighting {}: {}".format(number, p.message), p.source_index)
                            for p in found)
        else:
            records.append(record)
    if problems:
        raise SightingValidationError(problems)
    seen = set()
    for record in records:
        if record.sighting_id in seen:
            raise SightingValidationError([Problem("sighting_id", tr("{} appears twice").format(record.sighting_id))])
        seen.add(record.sighting_id)
    return records


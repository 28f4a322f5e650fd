"""Warnings (never refusals) about a sighting whose claim status disagrees with its grades and sources.

The one definition: the form shows these sentences as it is filled in, the dock's details list them, and
imports and Processing report them for each row they write. A sighting is still saved: the analyst may
know better (a government statement graded F6 because the analyst cannot judge the outlet), but the
disagreement is said in words that name the fields.

The rule, in ISW's sense of the statuses (grading.CLAIM_STATUS):
- "confirmed" means corroborated: it disagrees with information credibility 4 to 6 (doubtful, improbable,
  cannot be judged), with source reliability E or F (unreliable, cannot be judged), and with fewer than
  two independent sources (sources sharing an origin, domain/origin.py, or a publisher are one);
- "reported" and "claimed" mean not corroborated: they disagree with information credibility 1
  ("confirmed by other sources").
"""

from typing import Iterable, List, Mapping, Optional, Sequence

from .grading import INFO_CREDIBILITY, SOURCE_RELIABILITY
from .i18n import tr
from .origin import origin_keys
from .values import code_of, int_in, text

CONFIRMED_NEEDS_SOURCES = 2  # independent sources a "confirmed" claim rests on
WEAK_CREDIBILITY = (4, 5, 6)
WEAK_RELIABILITY = ("E", "F")
_RELIABILITY = dict(SOURCE_RELIABILITY)
_CREDIBILITY = dict(INFO_CREDIBILITY)


def _get(record, name):
    if isinstance(record, Mapping):
        return record.get(name)
    return getattr(record, name, None)


def independent_sources(sources: Optional[Iterable]) -> int:
    """How many independent sources: sources sharing an origin (the same post, original or dataset
    record) or the same publisher count once."""
    groups: List[tuple] = []  # (origin keys, publishers) of each independent group so far
    for source in sources or ():
        keys = set(origin_keys(source))
        publisher = (text(_get(source, "publisher")) or "").casefold()
        publishers = {publisher} if publisher else set()
        if not keys and not publishers:
            continue
        joined = [g for g in groups if g[0] & keys or g[1] & publishers]
        for group in joined:
            groups.remove(group)
            keys |= group[0]
            publishers |= group[1]
        groups.append((keys, publishers))
    return len(groups)


def claim_warnings(sighting, sources: Optional[Sequence] = None) -> List[str]:
    """Sentences naming the fields where the claim status disagrees with the grades or the sources;
    [] when they agree (or the status is not set). `sighting` is a mapping of field values or a record;
    `sources` its sources (mappings or records), by default sighting["sources"]."""
    if sources is None:
        sources = _get(sighting, "sources") or []
    status = (text(_get(sighting, "claim_status")) or "").lower().split(":", 1)[0].strip()
    reliability = text(_get(sighting, "source_reliability"))
    reliability = code_of(reliability).upper() if reliability else None
    credibility = _get(sighting, "info_credibility")
    credibility = int_in(credibility, list(_CREDIBILITY)) if text(credibility) is not None else None
    warnings = []
    if status == "confirmed":
        if credibility in WEAK_CREDIBILITY:
            warnings.append(tr("Claim status (claim_status) is 'confirmed' but Information credibility "
                               "(info_credibility) is {} ({}): a confirmed claim is corroborated; grade the "
                               "information again or set the status to reported or claimed.").format(
                credibility, tr(_CREDIBILITY[credibility]).lower()))
        if reliability in WEAK_RELIABILITY:
            warnings.append(tr("Claim status (claim_status) is 'confirmed' but Source reliability "
                               "(source_reliability) is {} ({}): a confirmed claim rests on sources that can "
                               "be judged.").format(reliability, tr(_RELIABILITY[reliability]).lower()))
        count = independent_sources(sources)
        if count < CONFIRMED_NEEDS_SOURCES:
            warnings.append(tr("Claim status (claim_status) is 'confirmed' but Sources (sources) hold {} "
                               "independent source(s): a confirmed claim is corroborated by at least {} "
                               "(sources with the same origin or publisher count once).").format(
                count, CONFIRMED_NEEDS_SOURCES))
    elif status in ("reported", "claimed") and credibility == 1:
        warnings.append(tr("Claim status (claim_status) is '{}' but Information credibility "
                           "(info_credibility) is 1 ({}): information confirmed by other sources makes the "
                           "claim confirmed or assessed.").format(status, tr(_CREDIBILITY[1]).lower()))
    return warnings

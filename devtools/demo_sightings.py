"""Demo sightings for screenshots and trying the Temporal Controller: the curated units and bases
re-entered as sightings, each at its curated place and date, with the curated feature's own sources.

Nothing here is a new observation. The grade is derived from the curated status by a fixed rule
(confirmed B2, assessed B3, reported C3, claimed D4) and every description says so.
"""

from typing import List, Mapping, Sequence, Tuple

from kpa_tracker.core.curated import data as curated

GRADE_BY_STATUS = {"confirmed": ("B", 2), "assessed": ("B", 3), "reported": ("C", 3), "claimed": ("D", 4)}
GEO_PRECISION = {"exact": 1, "site": 1, "town": 2, "region": 3}
LAYERS = ("units", "bases")


def _observed(feature: curated.CuratedFeature) -> Tuple[str, int]:
    """(ISO time, ACLED time precision) from the feature's start date, else its as-of date."""
    date = feature.valid_from or feature.as_of
    if len(date) == 10:
        return date + "T12:00:00Z", 1
    if len(date) == 7:
        return date + "-01T12:00:00Z", 3
    return date + "-01-01T12:00:00Z", 3


def demo_items() -> List[Tuple[Mapping, Sequence[Mapping]]]:
    _catalogue, result = curated.load_cached()
    items = []
    for layer_id in LAYERS:
        for feature in result.features.get(layer_id, []):
            if feature.geometry_type != "Point" or not feature.sources:
                continue
            lon, lat = feature.coordinates
            observed_at, time_precision = _observed(feature)
            reliability, credibility = GRADE_BY_STATUS.get(feature.status, ("F", 6))
            sighting = {
                "lon": lon, "lat": lat, "observed_at": observed_at, "time_precision": time_precision,
                "geo_precision": GEO_PRECISION.get(feature.precision, 3), "location_name": feature.name,
                "source_reliability": reliability, "info_credibility": credibility,
                "claim_status": feature.status if feature.status in GRADE_BY_STATUS else "reported",
                "description": "Demo: curated {} feature '{}' re-entered as a sighting; grade derived from its "
                               "status.".format(layer_id, feature.id),
            }
            if layer_id == "units":
                sighting["unit_id"] = feature.id
            else:
                sighting["unit_as_reported"] = "North Korean troops (as the sources report)"
            # A source's published time is a full date; a curated month or year goes into the notes.
            sources = [{"url": s.url, "publisher": s.publisher,
                        "published_at": s.date if len(s.date) == 10 else None,
                        "notes": s.title if len(s.date) == 10 else "{} (published {})".format(s.title, s.date)}
                       for s in feature.sources]
            items.append((sighting, sources))
    return items

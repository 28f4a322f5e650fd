"""Checks of the curated data beyond its schema, run by the validator (make validate, Processing)."""

from typing import List

from qgis.core import QgsGeometry, QgsPointXY

from .curated import LAYERS_DIR, CuratedDataError, LoadResult, load_all
from .geodesy import distance_area

AREA_TOLERANCE = 0.10  # a polygon's own area within 10% of the figure it cites


def polygon_area_km2(ring) -> float:
    geometry = QgsGeometry.fromPolygonXY([[QgsPointXY(*p) for p in ring]])
    return distance_area().measureArea(geometry) / 1e6


def check(result: LoadResult) -> List[CuratedDataError]:
    problems = list(result.errors)
    for layer_id, features in result.features.items():
        for feature in features:
            cited = feature.attributes.get("area_cited_km2")
            if cited and feature.geometry_type == "Polygon":
                area = polygon_area_km2(feature.coordinates[0])
                if abs(area - cited) > AREA_TOLERANCE * cited:
                    problems.append(CuratedDataError(
                        LAYERS_DIR / "data" / (layer_id + ".yaml"), feature.id, "ring",
                        "the outline's geodesic area is {:.0f} km², not within {:.0f}% of the "
                        "{} km² it cites".format(area, AREA_TOLERANCE * 100, cited)))
            sidc = feature.attributes.get("sidc")
            if sidc:
                for digit in "01":
                    variant = sidc[:6] + digit + sidc[7:]
                    if not (LAYERS_DIR / "svg" / "kpa_app6" / (variant + ".svg")).exists():
                        problems.append(CuratedDataError(
                            LAYERS_DIR / "data" / (layer_id + ".yaml"), feature.id, "sidc",
                            "no rendered symbol {}.svg; run python -m devtools.render_symbols".format(variant)))
    return problems


def validate(**kwargs) -> List[CuratedDataError]:
    return check(load_all(**kwargs))

"""The theatre frame: the projection and extent a fresh project opens on (one definition for the plugin)."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)

# Asia North Lambert Conformal Conic (standard parallels 15°N and 65°N, central meridian 95°E):
# conformal, so symbols and labels keep their shape from Kursk to Korea, and Russia's latitudes are
# not stretched as in Web Mercator. The briefing's theatre preset should read it from here.
THEATRE_CRS = "ESRI:102027"
# What QGIS gives a project nobody has chosen a CRS for (its default, or the first layer's).
DEFAULT_CRS_IDS = ("EPSG:3857", "EPSG:4326")
# The theatre on the ground, west, south, east, north in degrees: Kursk and the front in the west,
# the Korean ports and Primorye in the east, the Trans-Siberian between. South of 38°N lie only
# Iran, India and China, none of it the analyst's business.
THEATRE_EXTENT_WGS84 = (28.0, 38.0, 143.0, 57.0)


def theatre_crs() -> QgsCoordinateReferenceSystem:
    return QgsCoordinateReferenceSystem(THEATRE_CRS)


def analyst_chose_crs(project: QgsProject, had_layers: bool) -> bool:
    """True when the project's CRS is the analyst's choice, which the plugin must never replace.

    A project with layers of its own keeps its CRS whatever it is; an empty project keeps
    any CRS but QGIS's defaults (which nobody chose).
    """
    if had_layers:
        return True
    crs = project.crs()
    return crs.isValid() and crs.authid() not in DEFAULT_CRS_IDS


def theatre_extent(crs: QgsCoordinateReferenceSystem, project: QgsProject = None,
                   aspect: float = None) -> QgsRectangle:
    """The theatre box in `crs`: the bounds of its edges, followed point by point (in a conic the
    parallels are arcs: the middle of the southern edge is its lowest point, the ends of the
    northern edge its highest).

    With `aspect` (width / height of the map view), a view taller than the box grows to the
    north (the Arctic coast) rather than south into India, as QGIS's centring would.
    """
    west, south, east, north = THEATRE_EXTENT_WGS84
    to_crs = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:4326"), crs,
                                    project or QgsProject.instance())
    extent = QgsRectangle()
    extent.setMinimal()
    steps = 24
    for step in range(steps + 1):
        lon = west + (east - west) * step / steps
        lat = south + (north - south) * step / steps
        for point in ((lon, south), (lon, north), (west, lat), (east, lat)):
            projected = to_crs.transform(QgsPointXY(*point))
            extent.combineExtentWith(projected.x(), projected.y())
    if aspect and extent.width() / extent.height() > aspect:
        extent.setYMaximum(extent.yMinimum() + extent.width() / aspect)
    return extent

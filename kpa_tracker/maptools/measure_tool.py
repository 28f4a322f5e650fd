"""The geodesic measure map tool: distance, area, or the distance between two features."""

from qgis.core import QgsGeometry, QgsPointXY, QgsUnitTypes
from qgis.gui import QgsMapToolIdentify, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor

from ..core.measure.geodesy import densify
from ..core.measure.measurement import GeodesicMeasure, geometry_distance, project_ellipsoid
from ..toolbelt.compat import LINE_GEOMETRY, POINT_GEOMETRY, POLYGON_GEOMETRY
from ..toolbelt.i18n import tr
from .base import KpaMapTool

DISTANCE, AREA, FEATURES = "distance", "area", "features"
# Great circles are drawn with a vertex every few pixels: smooth at any scale,
# and no more vertices than the eye can see while the cursor moves.
DRAW_STEP_PIXELS = 4
DRAW_STEP_MIN_M, DRAW_STEP_MAX_M = 200.0, 50000.0
BAND_COLOR = QColor(214, 39, 40, 220)


class GeodesicMeasureTool(KpaMapTool):
    """Clicks add vertices; the readout follows the cursor. Esc or right-click finishes,
    Backspace/Delete removes the last vertex; the next click starts anew."""

    readoutChanged = pyqtSignal(object)  # core.measure.Readout
    finished = pyqtSignal(object)  # dict: mode, vertices (lon, lat), readout, and for features their names
    message = pyqtSignal(str)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.mode = DISTANCE
        self.measure = GeodesicMeasure(project_ellipsoid())
        self.done = False
        self.picked = []  # (layer name, geometry in canvas CRS) in FEATURES mode
        self._band_types = []  # (band, geometry type): a reset needs the type
        self.path_band = self._band(LINE_GEOMETRY, 2)
        self.area_band = self._band(POLYGON_GEOMETRY, 2)
        self.area_band.setFillColor(QColor(214, 39, 40, 40))
        self.moving_band = self._band(LINE_GEOMETRY, 2)
        self.moving_band.setLineStyle(Qt.PenStyle.DashLine)
        self.vertex_band = self._band(POINT_GEOMETRY, 1)
        self.vertex_band.setIcon(QgsRubberBand.ICON_CIRCLE)
        self.vertex_band.setIconSize(7)

    def _band(self, geometry_type, width):
        band = self.add_canvas_item(QgsRubberBand(self.canvas(), geometry_type))
        band.setColor(BAND_COLOR)
        band.setWidth(width)
        self._band_types.append((band, geometry_type))
        return band

    def _clear_bands(self):
        for band, geometry_type in self._band_types:
            band.reset(geometry_type)

    # Set-up --------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.reset()

    def reset(self) -> None:
        """Forget the measurement and everything drawn: a new one starts cleanly."""
        self.measure = GeodesicMeasure(project_ellipsoid())
        self.done = False
        self.picked = []
        self._clear_bands()
        self.readoutChanged.emit(self.measure.preview())

    # Drawing ----------------------------------------------------------------
    def _geodesic_band(self, band, lonlat_points, closed=False):
        band.reset(dict(self._band_types)[band])
        if len(lonlat_points) < 2:
            return
        points = list(lonlat_points) + ([lonlat_points[0]] if closed else [])
        transform = self.from_wgs84()
        parts = densify(points, self._draw_step_m(), self.measure.distance)
        if closed and len(parts) == 1:
            ring = [transform.transform(QgsPointXY(*p)) for p in parts[0]]
            band.setToGeometry(QgsGeometry.fromPolygonXY([ring]), None)
            return
        for index, part in enumerate(parts):
            for point in part[:-1]:
                band.addPoint(transform.transform(QgsPointXY(*point)), False, index)
            # The last point with doUpdate: the band becomes visible and recomputes its extent.
            band.addPoint(transform.transform(QgsPointXY(*part[-1])), True, index)

    def _draw_step_m(self) -> float:
        settings = self.canvas().mapSettings()
        units = settings.destinationCrs().mapUnits()
        if units == QgsUnitTypes.DistanceDegrees:
            metres_per_unit = 111320.0
        else:
            metres_per_unit = QgsUnitTypes.fromUnitToUnitFactor(units, QgsUnitTypes.DistanceMeters)
        step = DRAW_STEP_PIXELS * settings.mapUnitsPerPixel() * metres_per_unit
        return min(DRAW_STEP_MAX_M, max(DRAW_STEP_MIN_M, step))

    def _redraw_fixed(self):
        transform = self.from_wgs84()
        self.vertex_band.reset(POINT_GEOMETRY)
        for vertex in self.measure.vertices:
            self.vertex_band.addPoint(transform.transform(QgsPointXY(*vertex)), True)
        if self.mode == AREA:
            self._geodesic_band(self.area_band, self.measure.vertices, closed=len(self.measure.vertices) >= 3)
        else:
            self._geodesic_band(self.path_band, self.measure.vertices)

    # Events ----------------------------------------------------------------
    def canvasMoveEvent(self, event):  # noqa: N802
        cursor = self.lonlat(event)
        if self.mode == FEATURES or self.done or not self.measure.vertices:
            return
        last = self.measure.vertices[-1]
        if self.mode == AREA:
            ring = [self.measure.vertices[0], last, cursor] if len(self.measure.vertices) > 1 else [last, cursor]
            self._geodesic_band(self.moving_band, ring)
            self.readoutChanged.emit(self.measure.area_preview(cursor))
        else:
            self._geodesic_band(self.moving_band, [last, cursor])
            self.readoutChanged.emit(self.measure.preview(cursor))

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton:
            self.finish()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.mode == FEATURES:
            self._pick_feature(event)
            return
        if self.done:
            self.reset()
        self.measure.add(*self.lonlat(event))
        self._redraw_fixed()
        self.readoutChanged.emit(self._readout())

    def keyPressEvent(self, event):  # noqa: N802
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.finish()
            event.accept()
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and not self.done:
            self.measure.remove_last()
            self.moving_band.reset(LINE_GEOMETRY)
            self._redraw_fixed()
            self.readoutChanged.emit(self._readout())
            event.accept()
        else:
            event.ignore()

    def _readout(self):
        return self.measure.area_preview() if self.mode == AREA else self.measure.preview()

    def finish(self) -> None:
        """End the measurement; it stays drawn until the next click starts a new one."""
        if self.done or self.mode == FEATURES:
            return
        self.done = True
        self.moving_band.reset(LINE_GEOMETRY)
        self._redraw_fixed()
        readout = self._readout()
        self.readoutChanged.emit(readout)
        enough = 3 if self.mode == AREA else 2
        if len(self.measure.vertices) >= enough:
            self.finished.emit({"mode": self.mode, "vertices": list(self.measure.vertices),
                                "readout": readout})

    def _pick_feature(self, event):
        identify = QgsMapToolIdentify(self.canvas())
        hits = identify.identify(int(event.pos().x()), int(event.pos().y()),
                                 QgsMapToolIdentify.TopDownStopAtFirst, QgsMapToolIdentify.VectorLayer)
        if not hits:
            self.message.emit(tr("No feature there: click a unit, base or any feature of a vector layer."))
            return
        hit = hits[0]
        geometry = QgsGeometry(hit.mFeature.geometry())
        geometry.transform(self.transform_from(hit.mLayer.crs()))
        name = _feature_label(hit.mFeature, hit.mLayer)
        if len(self.picked) == 2:
            self.reset()
        self.picked.append((name, geometry))
        if len(self.picked) == 1:
            self.message.emit(tr("From {}: now click the second feature.").format(name))
            return
        (first_name, first), (second_name, second) = self.picked
        metres, pa, pb = geometry_distance(first, second, self.canvas().mapSettings().destinationCrs(),
                                           self.measure.ellipsoid)
        self.measure.clear()
        self.measure.add(*pa)
        self.measure.add(*pb)
        self._redraw_fixed()
        readout = self.measure.preview()
        self.readoutChanged.emit(readout)
        self.finished.emit({"mode": FEATURES, "vertices": [pa, pb], "readout": readout,
                            "features": [first_name, second_name]})

    # Lifecycle ----------------------------------------------------------------
    def deactivate(self):
        """Another tool took over: drop what is drawn."""
        self._clear_bands()
        self.measure.clear()
        self.done = False
        self.picked = []
        super().deactivate()

    def remove_canvas_items(self) -> None:
        """On unload: take the rubber bands off the canvas for good."""
        super().remove_canvas_items()
        self._band_types = []
        self.path_band = self.area_band = self.moving_band = self.vertex_band = None


def _feature_label(feature, layer):
    names = feature.fields().names()
    for field_name in ("name", "designation", "NAME"):
        if field_name in names and feature[field_name]:
            return str(feature[field_name])
    return "{} #{}".format(layer.name(), feature.id())

"""The geodesic measure map tool: distance, area, or the distance between two features."""

from qgis.core import QgsGeometry, QgsPointXY, QgsUnitTypes
from qgis.gui import QgsMapToolIdentify, QgsRubberBand
from qgis.PyQt.QtCore import QPoint, Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QLabel, QMenu

from ..core.measure.geodesy import densify
from ..core.measure.measurement import GeodesicMeasure, geometry_distance, project_ellipsoid
from ..core.measure.style import halo_color, measure_color
from ..toolbelt.compat import LINE_GEOMETRY, POINT_GEOMETRY, POLYGON_GEOMETRY
from ..toolbelt.i18n import tr
from .base import KpaMapTool

DISTANCE, AREA, FEATURES = "distance", "area", "features"
POINT = "point"  # one click, one point: to copy, to centre rings on, to measure to the line of contact
# Great circles are drawn with a vertex every few pixels: smooth at any scale,
# and no more vertices than the eye can see while the cursor moves.
DRAW_STEP_PIXELS = 4
DRAW_STEP_MIN_M, DRAW_STEP_MAX_M = 200.0, 50000.0
# Not the line of contact's red: the measurement's own violet over a white halo (core/measure/style.py).
BAND_COLOR = measure_color(235)
HALO_WIDTH = 5
READOUT_OFFSET = QPoint(18, 14)  # the floating readout's corner, from the cursor
READOUT_STYLE = ("QLabel { background-color: rgba(255, 255, 255, 225); color: rgb(40, 20, 70); "
                 "border: 1px solid rgb(123, 44, 191); border-radius: 3px; padding: 3px 5px; }")


class GeodesicMeasureTool(KpaMapTool):
    """Clicks add vertices; the readout follows the cursor. Esc or right-click finishes,
    Backspace/Delete removes the last vertex; the next click starts anew."""

    readoutChanged = pyqtSignal(object)  # core.measure.Readout
    finished = pyqtSignal(object)  # dict: mode, vertices (lon, lat), readout, and for features their names
    message = pyqtSignal(str)
    pointPicked = pyqtSignal(float, float)  # lon, lat of a click in POINT mode

    def __init__(self, canvas):
        super().__init__(canvas)
        self.mode = DISTANCE
        self.measure = GeodesicMeasure(project_ellipsoid())
        self.done = False
        self.picked = []  # (layer name, geometry in canvas CRS) in FEATURES mode
        self._band_types = []  # (band, geometry type): a reset needs the type
        self.path_band = self._band(LINE_GEOMETRY, 2)
        self.area_band = self._band(POLYGON_GEOMETRY, 2)
        self.area_band.setFillColor(measure_color(40))
        self.moving_band = self._band(LINE_GEOMETRY, 2)
        self.moving_band.setLineStyle(Qt.PenStyle.DashLine)
        self.vertex_band = self._band(POINT_GEOMETRY, 1)
        self.vertex_band.setIcon(QgsRubberBand.IconType.ICON_CIRCLE)
        self.vertex_band.setIconSize(8)
        self.vertex_band.setFillColor(halo_color(255))
        # Beside the cursor, as QGIS's own measuring shows its numbers: the readout follows the mouse.
        self.floating = QLabel(canvas.viewport())
        self.floating.setObjectName("KpaMeasureFloatingReadout")
        self.floating.setStyleSheet(READOUT_STYLE)
        self.floating.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.floating.hide()
        self.cursor_pos = None
        self.choice_menu = None  # the menu offered where features overlap, while it is open

    def _band(self, geometry_type, width):
        band = self.add_canvas_item(QgsRubberBand(self.canvas(), geometry_type))
        band.setColor(BAND_COLOR)
        band.setWidth(width + 1)
        if geometry_type != POINT_GEOMETRY:
            band.setSecondaryStrokeColor(halo_color())  # a halo, drawn wider beneath the line
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

    # The floating readout --------------------------------------------------
    def set_floating_text(self, text: str) -> None:
        """The numbers beside the cursor (empty: hidden)."""
        if self.floating is None:
            return
        if not text or self.cursor_pos is None:
            self.floating.hide()
            return
        self.floating.setText(text)
        self.floating.adjustSize()
        self._place_floating()
        self.floating.show()
        self.floating.raise_()

    def _place_floating(self) -> None:
        viewport = self.canvas().viewport()
        spot = self.cursor_pos + READOUT_OFFSET
        # Kept on the canvas: to the cursor's left or above it near the right or bottom edge.
        if spot.x() + self.floating.width() > viewport.width():
            spot.setX(max(0, self.cursor_pos.x() - READOUT_OFFSET.x() - self.floating.width()))
        if spot.y() + self.floating.height() > viewport.height():
            spot.setY(max(0, self.cursor_pos.y() - READOUT_OFFSET.y() - self.floating.height()))
        self.floating.move(spot)

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
        self.cursor_pos = QPoint(int(event.pos().x()), int(event.pos().y()))
        cursor = self.lonlat(event)
        if self.mode in (FEATURES, POINT) or not self.measure.vertices:
            return
        if self.done:
            if self.floating is not None and self.floating.isVisible():
                self._place_floating()  # the result stays readable beside the cursor
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
        self.cursor_pos = QPoint(int(event.pos().x()), int(event.pos().y()))
        if self.mode == POINT:
            self.pointPicked.emit(*self.lonlat(event))
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
        if self.done or self.mode in (FEATURES, POINT):
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

    def identify_at(self, pos):
        """Every vector feature under the pixel, top layer first (as QGIS's identify lists them)."""
        identify = QgsMapToolIdentify(self.canvas())
        hits = identify.identify(int(pos.x()), int(pos.y()), QgsMapToolIdentify.IdentifyMode.TopDownAll,
                                 QgsMapToolIdentify.Type.VectorLayer)
        unique, seen = [], set()
        for hit in hits:
            key = (hit.mLayer.id(), hit.mFeature.id())
            if key not in seen:
                seen.add(key)
                unique.append(hit)
        return unique

    def choose_hit(self, hits, pos):
        """One hit: it. Several (features overlap at the click): the one the analyst picks from a menu of
        them, by layer and name, as QGIS's identify offers; None when the menu is closed unchosen."""
        if len(hits) <= 1:
            return hits[0] if hits else None
        menu = QMenu(self.canvas())
        menu.setObjectName("KpaMeasureChooseFeature")
        menu.setToolTipsVisible(True)
        for index, hit in enumerate(hits):
            action = menu.addAction(tr("{} — {}").format(hit.mLayer.name(), _feature_label(hit.mFeature, hit.mLayer)))
            action.setData(index)
        triggered = []
        # An entry triggered in any way (a click, the keyboard, QAction.trigger) ends the choice.
        menu.triggered.connect(lambda action: (triggered.append(action), menu.close()))
        self.choice_menu = menu
        try:
            chosen = menu.exec(self.canvas().viewport().mapToGlobal(pos))
        finally:
            self.choice_menu = None
            menu.deleteLater()
        chosen = triggered[0] if triggered else chosen
        return hits[chosen.data()] if chosen is not None else None

    def _pick_feature(self, event):
        hits = self.identify_at(event.pos())
        if not hits:
            self.message.emit(tr("No feature there: click a unit, base or any feature of a vector layer."))
            return
        hit = self.choose_hit(hits, QPoint(int(event.pos().x()), int(event.pos().y())))
        if hit is None:
            return
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
        self.message.emit("")  # the "now click the second feature" hint has done its job
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
        if self.floating is not None:
            self.floating.hide()
        super().deactivate()

    def remove_canvas_items(self) -> None:
        """On unload: take the rubber bands off the canvas for good."""
        super().remove_canvas_items()
        self._band_types = []
        self.path_band = self.area_band = self.moving_band = self.vertex_band = None
        if self.floating is not None:
            self.floating.hide()
            self.floating.deleteLater()
            self.floating = None


def _feature_label(feature, layer):
    names = feature.fields().names()
    for field_name in ("name", "designation", "NAME", "sighting_id"):
        if field_name in names and feature[field_name]:
            return str(feature[field_name])
    return "{} #{}".format(layer.name(), feature.id())

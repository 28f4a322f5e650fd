"""The route map tool: click to place numbered stops, drag them, right-click one to remove it."""

from qgis.core import QgsPointXY
from qgis.gui import QgsMapCanvasItem
from qgis.PyQt.QtCore import QPointF, QRectF, Qt, pyqtSignal
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QPen

from .base import KpaMapTool

GRAB_PIXELS = 10


class NumberedMarker(QgsMapCanvasItem):
    """A numbered circle on the canvas for a route stop (scratch graphics, never saved)."""

    RADIUS = 9

    def __init__(self, canvas, number, color):
        super().__init__(canvas)
        self.number = number
        self.color = QColor(color)
        self.map_point = QgsPointXY()
        self.setZValue(1000)

    def set_map_point(self, point):
        self.map_point = point
        self.updatePosition()

    def updatePosition(self):  # noqa: N802 (QGIS calls it when the map moves)
        self.setPos(self.toCanvasCoordinates(self.map_point))
        self.update()

    def boundingRect(self):  # noqa: N802
        r = self.RADIUS + 2
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter, option=None, widget=None):
        painter.setPen(QPen(QColor("white"), 2))
        painter.setBrush(QBrush(self.color))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
        font = QFont()
        font.setBold(True)
        font.setPixelSize(11)
        painter.setFont(font)
        painter.setPen(QPen(QColor("white")))
        painter.drawText(self.boundingRect(), int(Qt.AlignmentFlag.AlignCenter), str(self.number))


class RouteMapTool(KpaMapTool):
    stopsChanged = pyqtSignal(list)  # [(lon, lat)], start first, end last
    dragging = pyqtSignal(list)  # the stops while a stop is dragged (live preview)

    def __init__(self, canvas):
        super().__init__(canvas)
        self.stops = []
        self.markers = []
        self.drag_index = None

    def _stop_at(self, pos):
        to_canvas = self.from_wgs84()
        for index, stop in enumerate(self.stops):
            pixel = self.toCanvasCoordinates(to_canvas.transform(QgsPointXY(*stop)))
            if abs(pixel.x() - pos.x()) <= GRAB_PIXELS and abs(pixel.y() - pos.y()) <= GRAB_PIXELS:
                return index
        return None

    def set_stops(self, stops):
        self.stops = [tuple(s) for s in stops]
        self.redraw_markers()

    def redraw_markers(self):
        for marker in self.markers:
            self.remove_canvas_item(marker)
        self.markers = []
        to_canvas = self.from_wgs84()
        for index, stop in enumerate(self.stops):
            color = "#2e7d32" if index == 0 else "#c62828" if index == len(self.stops) - 1 else "#1565c0"
            marker = self.add_canvas_item(NumberedMarker(self.canvas(), index + 1, color))
            marker.set_map_point(to_canvas.transform(QgsPointXY(*stop)))
            self.markers.append(marker)

    def canvasPressEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.drag_index = self._stop_at(event.pos())

    def canvasMoveEvent(self, event):  # noqa: N802
        lonlat = self.lonlat(event)
        if self.drag_index is not None:
            self.stops[self.drag_index] = lonlat
            self.redraw_markers()
            self.dragging.emit(list(self.stops))

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton:
            index = self._stop_at(event.pos())
            if index is not None:
                del self.stops[index]
                self.redraw_markers()
                self.stopsChanged.emit(list(self.stops))
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.drag_index is not None:
            self.stops[self.drag_index] = self.lonlat(event)
            self.drag_index = None
        else:
            self.stops.append(self.lonlat(event))
        self.redraw_markers()
        self.stopsChanged.emit(list(self.stops))

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) and self.stops:
            self.stops.pop()
            self.redraw_markers()
            self.stopsChanged.emit(list(self.stops))
            event.accept()
        else:
            event.ignore()

    def deactivate(self):
        # The stops stay drawn with their route; only a drag in progress ends.
        self.drag_index = None
        super().deactivate()

    def clear(self):
        self.stops = []
        self.redraw_markers()

    def remove_canvas_items(self):
        self.stops = []
        self.markers = []
        super().remove_canvas_items()

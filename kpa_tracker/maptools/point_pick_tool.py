"""A map tool that picks one point (snapped through QGIS's snapping settings) and hands it over as WGS 84."""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsPointLocator,
    QgsProject,
)
from qgis.gui import QgsMapTool, QgsSnapIndicator
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QCursor

from ..core.measure.geodesy import WGS84


class PointPickTool(QgsMapTool):
    picked = pyqtSignal(float, float)  # lon, lat (WGS 84)
    cancelled = pyqtSignal()

    def __init__(self, canvas):
        super().__init__(canvas)
        self.snap_indicator = QgsSnapIndicator(canvas)
        self.setCursor(QCursor(Qt.CursorShape.CrossCursor))

    def _snapped(self, event):
        match = self.canvas().snappingUtils().snapToMap(event.pos())
        self.snap_indicator.setMatch(match)
        return match.point() if match.isValid() else event.mapPoint()

    def canvasMoveEvent(self, event):  # noqa: N802
        self._snapped(event)

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton:
            self.cancelled.emit()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        to_wgs84 = QgsCoordinateTransform(self.canvas().mapSettings().destinationCrs(),
                                          QgsCoordinateReferenceSystem(WGS84), QgsProject.instance())
        point = to_wgs84.transform(self._snapped(event))
        self.snap_indicator.setMatch(QgsPointLocator.Match())
        self.picked.emit(point.x(), point.y())

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            event.accept()
        else:
            event.ignore()

    def deactivate(self):
        if self.snap_indicator is not None:
            self.snap_indicator.setMatch(QgsPointLocator.Match())
        super().deactivate()

    def remove_canvas_items(self):
        """Before the plugin unloads: the snap indicator is a canvas item."""
        if self.snap_indicator is not None:
            self.snap_indicator.setMatch(QgsPointLocator.Match())
            self.snap_indicator = None

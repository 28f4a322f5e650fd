"""A map tool that picks one point (snapped through QGIS's snapping settings) and hands it over as WGS 84."""

from qgis.PyQt.QtCore import Qt, pyqtSignal

from .base import KpaMapTool


class PointPickTool(KpaMapTool):
    picked = pyqtSignal(float, float)  # lon, lat (WGS 84)
    cancelled = pyqtSignal()

    def canvasMoveEvent(self, event):  # noqa: N802
        self.snapped_point(event)

    def canvasReleaseEvent(self, event):  # noqa: N802
        if event.button() == Qt.MouseButton.RightButton:
            self.cancelled.emit()
            return
        if event.button() != Qt.MouseButton.LeftButton:
            return
        lon, lat = self.lonlat(event)
        self.hide_snap()
        self.picked.emit(lon, lat)

    def keyPressEvent(self, event):  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.cancelled.emit()
            event.accept()
        else:
            event.ignore()

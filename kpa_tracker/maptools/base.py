"""What the plugin's map tools share: the snapped click, its point in WGS 84 or any CRS, and their canvas items."""

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsPointLocator, QgsProject
from qgis.gui import QgsMapTool, QgsSnapIndicator
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QCursor

from ..core.measure.geodesy import WGS84


class KpaMapTool(QgsMapTool):
    """A cross-hair map tool whose clicks snap through QGIS's snapping settings.

    Canvas items registered with add_canvas_item() (rubber bands, markers) are taken off the
    canvas by remove_canvas_items(), which the controllers call before the plugin unloads.
    """

    def __init__(self, canvas):
        super().__init__(canvas)
        self.snap_indicator = QgsSnapIndicator(canvas)
        self._canvas_items = []
        self.setCursor(QCursor(Qt.CursorShape.CrossCursor))

    # Points ----------------------------------------------------------------
    def snapped_point(self, event):
        """The event's map point (canvas CRS), snapped where QGIS's snapping finds something; shows the snap."""
        match = self.canvas().snappingUtils().snapToMap(event.pos())
        if self.snap_indicator is not None:
            self.snap_indicator.setMatch(match)
        return match.point() if match.isValid() else event.mapPoint()

    def point_in(self, event, crs):
        """The snapped point in `crs` (a QgsCoordinateReferenceSystem, a layer's for example)."""
        return self.transform_to(crs).transform(self.snapped_point(event))

    def lonlat(self, event):
        """The snapped point as (lon, lat) in WGS 84."""
        point = self.point_in(event, QgsCoordinateReferenceSystem(WGS84))
        return (point.x(), point.y())

    def transform_to(self, crs):
        """From the canvas CRS to `crs`."""
        return QgsCoordinateTransform(self.canvas().mapSettings().destinationCrs(), crs, QgsProject.instance())

    def transform_from(self, crs):
        """From `crs` to the canvas CRS."""
        return QgsCoordinateTransform(crs, self.canvas().mapSettings().destinationCrs(), QgsProject.instance())

    def from_wgs84(self):
        return self.transform_from(QgsCoordinateReferenceSystem(WGS84))

    def hide_snap(self) -> None:
        if self.snap_indicator is not None:
            self.snap_indicator.setMatch(QgsPointLocator.Match())

    # Canvas items ------------------------------------------------------------
    def add_canvas_item(self, item):
        """Keep track of a canvas item this tool drew, so unload takes it off the canvas."""
        self._canvas_items.append(item)
        return item

    def remove_canvas_item(self, item) -> None:
        self._canvas_items = [kept for kept in self._canvas_items if kept is not item]
        self.canvas().scene().removeItem(item)

    # Lifecycle ----------------------------------------------------------------
    def deactivate(self):
        """Another tool took over: no snap shown any more; QGIS unchecks the tool's action."""
        self.hide_snap()
        super().deactivate()

    def remove_canvas_items(self) -> None:
        """Before the plugin unloads: take every canvas item of this tool off the canvas for good."""
        scene = self.canvas().scene()
        while self._canvas_items:
            scene.removeItem(self._canvas_items.pop())
        self.hide_snap()
        self.snap_indicator = None

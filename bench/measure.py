"""The measure tool's readout update as the cursor moves, against a bare QgsDistanceArea.measureLine.

A 500-vertex measurement is built in the real map tool on a real canvas; then
the tool's mouse-move handler (snapping, the live readout and the redraw of the
moving great-circle segment) runs for cursor positions along the way, and is
compared with QgsDistanceArea.measureLine of the same 500-vertex line, which is
what recomputing the readout from scratch would cost.
"""

import statistics
import time

from qgis.core import (
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsPointXY,
    QgsProject,
    QgsRectangle,
)
from qgis.gui import QgsMapCanvas, QgsMapMouseEvent
from qgis.PyQt.QtCore import QEvent, QPoint, Qt

from kpa_tracker.core.measure.geodesy import distance_area
from kpa_tracker.maptools.measure_tool import DISTANCE, GeodesicMeasureTool

VERTICES = 500
MOVES = 400


def _path():
    # A zig-zag from Korea to Kursk: 500 vertices.
    return [(127.0 - 0.18 * i, 40.0 + (i % 7) * 0.4 + 0.02 * i) for i in range(VERTICES)]


def run() -> dict:
    if QgsApplication.instance() is None:
        app = QgsApplication([], True)
        app.initQgis()
    canvas = QgsMapCanvas()
    canvas.resize(1000, 700)
    canvas.show()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:4326"))
    canvas.setExtent(QgsRectangle(30, 35, 135, 60))
    QgsApplication.processEvents()
    tool = GeodesicMeasureTool(canvas)
    tool.set_mode(DISTANCE)
    canvas.setMapTool(tool)
    for lon, lat in _path():
        tool.measure.add(lon, lat)
    tool._redraw_fixed()  # as the clicks would have drawn it
    to_pixel = canvas.getCoordinateTransform()
    events = []
    for i in range(MOVES):
        pixel = to_pixel.transform(QgsPointXY(40.0 + 0.2 * i, 50.0 + 0.01 * i))
        events.append(QgsMapMouseEvent(canvas, QEvent.Type.MouseMove, QPoint(int(pixel.x()), int(pixel.y())),
                                       Qt.MouseButton.NoButton, Qt.MouseButton.NoButton))
    update_ms = []
    for event in events:
        started = time.perf_counter()
        tool.canvasMoveEvent(event)
        update_ms.append((time.perf_counter() - started) * 1000)
    measure = distance_area("WGS84")
    line = [QgsPointXY(*p) for p in _path()]
    bare_ms = []
    for _ in range(MOVES):
        started = time.perf_counter()
        measure.measureLine(line)
        bare_ms.append((time.perf_counter() - started) * 1000)
    canvas.unsetMapTool(tool)
    tool.remove_canvas_items()
    tool.deleteLater()
    canvas.deleteLater()
    QgsApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    figures = {"update_ms": statistics.median(update_ms), "bare_ms": statistics.median(bare_ms)}
    figures["ratio"] = figures["update_ms"] / figures["bare_ms"]
    QgsProject.instance().clear()
    print("measure: readout update for a {}-vertex measurement as the cursor moves (median of {})\n"
          "  tool mouse-move (snap, readout, redraw)   {:.3f} ms\n"
          "  bare QgsDistanceArea.measureLine (500)    {:.3f} ms\n"
          "  ratio                                     {:.2f}x".format(
              VERTICES, MOVES, figures["update_ms"], figures["bare_ms"], figures["ratio"]))
    return figures


if __name__ == "__main__":
    run()

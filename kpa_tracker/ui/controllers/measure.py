"""Connects the measure map tool, its toolbar action and the dock's Measure page."""

from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtWidgets import QApplication

from ...toolbelt import log
from ...toolbelt import settings
from ...toolbelt.i18n import tr
from ...core.measure.measurement import ellipsoid_name, format_area, format_bearing, format_distance
from ...core.measure.store import MeasurementStoreError, save_measurement
from ...core.project.layers import plugin_group
from ...toolbelt.workspace import workspace_gpkg_path
from ...maptools.measure_tool import AREA, DISTANCE, GeodesicMeasureTool
from .tool_owner import release_tool, unset_tool

UNIT_SETTING = "measure/distance_unit"
AREA_UNIT_SETTING = "measure/area_unit"
MEASUREMENTS_PROPERTY = "kpa_tracker/measurements"


class MeasureController:
    def __init__(self, iface, panel, action, connections, gpkg_path=None):
        self.iface = iface
        self.panel = panel
        self.action = action
        self.gpkg_path = gpkg_path
        self.tool = GeodesicMeasureTool(iface.mapCanvas())
        self.tool.setAction(action)  # QGIS unchecks the action when another tool takes over
        self.readout = None
        self.result = None
        panel.distance_unit.setCurrentText(settings.value(UNIT_SETTING, "km"))
        panel.area_unit.setCurrentText(settings.value(AREA_UNIT_SETTING, "km²"))
        panel.set_mode(DISTANCE)
        connections.connect(action.triggered, self.activate)
        connections.connect(panel.modeRequested, self.start)
        connections.connect(panel.unitsChanged, self.units_changed)
        connections.connect(panel.copyRequested, self.copy)
        connections.connect(panel.saveRequested, self.save)
        connections.connect(self.tool.readoutChanged, self.show)
        connections.connect(self.tool.finished, self.keep)
        connections.connect(self.tool.message, panel.hint.setText)
        # A new project: nothing of a measurement survives.
        connections.connect(QgsProject.instance().cleared, self.tool.reset)

    def activate(self, checked=True):
        if checked:
            self.iface.mapCanvas().setMapTool(self.tool)
        else:
            unset_tool(self.iface.mapCanvas(), self.tool)

    def start(self, mode):
        self.tool.set_mode(mode)
        self.panel.set_mode(mode)
        self.result = None
        self.panel.set_result_available(False)
        self.action.setChecked(True)
        self.iface.mapCanvas().setMapTool(self.tool)

    def units_changed(self):
        settings.set_value(UNIT_SETTING, self.panel.distance_unit.currentText())
        settings.set_value(AREA_UNIT_SETTING, self.panel.area_unit.currentText())
        if self.readout is not None:
            self.show(self.readout)

    def values(self, readout):
        unit, area_unit = self.panel.distance_unit.currentText(), self.panel.area_unit.currentText()
        return {
            "segment": format_distance(readout.segment_m, unit),
            "total": format_distance(readout.total_m if readout.vertex_count else None, unit),
            "bearing": format_bearing(readout.bearing_deg),
            "area": format_area(readout.area_m2, area_unit),
            "perimeter": format_distance(readout.perimeter_m, unit),
            "ellipsoid": ellipsoid_name(readout.ellipsoid),
        }

    def show(self, readout):
        self.readout = readout
        self.panel.show_values(self.values(readout))

    def keep(self, result):
        self.result = result
        self.panel.set_result_available(True)

    def text(self) -> str:
        if self.readout is None:
            return ""
        values = self.values(self.readout)
        if self.tool.mode == AREA:
            lines = [tr("Area: {}").format(values["area"]), tr("Perimeter: {}").format(values["perimeter"])]
        else:
            lines = [tr("Distance: {}").format(values["total"])]
            if values["bearing"] != "–":
                lines.append(tr("Initial bearing of the last segment: {}").format(values["bearing"]))
        if self.result and self.result.get("features"):
            lines.insert(0, tr("{} to {}").format(*self.result["features"]))
        lines.append(tr("Geodesic, ellipsoid {}").format(values["ellipsoid"]))
        return "\n".join(lines)

    def copy(self):
        QApplication.clipboard().setText(self.text())

    def save(self, note):
        if not self.result:
            return None
        gpkg = self.gpkg_path or workspace_gpkg_path()
        try:
            uri = save_measurement(gpkg, self.result, note)
        except MeasurementStoreError as exc:
            self.panel.hint.setText(str(exc))
            log.warning(str(exc))
            return None
        self._show_layer(uri)
        self.panel.hint.setText(tr("Saved to the Measurements layer."))
        self.panel.note.clear()
        return uri

    def _show_layer(self, uri):
        project = QgsProject.instance()
        for layer in project.mapLayers().values():
            if layer.customProperty(MEASUREMENTS_PROPERTY) == uri:
                layer.dataProvider().reloadData()
                layer.triggerRepaint()
                return
        title = tr("Measurements (lines)") if uri.endswith("lines") else tr("Measurements (areas)")
        layer = QgsVectorLayer(uri, title, "ogr")
        layer.setCustomProperty(MEASUREMENTS_PROPERTY, uri)
        project.addMapLayer(layer, False)
        plugin_group(project).insertLayer(0, layer)

    def unload(self):
        release_tool(self.iface.mapCanvas(), self.tool)
        self.tool = None

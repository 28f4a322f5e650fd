"""Connects the measure map tool, its toolbar action and the dock's Measure page: measuring, copying a
point, geodesic range rings and the distance to the line of contact."""

import datetime

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDate, QDateTime
from qgis.PyQt.QtWidgets import QApplication

from ...toolbelt import log
from ...toolbelt import settings
from ...toolbelt.compat import POINT_GEOMETRY
from ...toolbelt.i18n import tr
from ...core.coordinates.mgrs import to_mgrs
from ...core.coordinates.text import format_decimal, format_dms
from ...core.measure.front_distance import NoFrontLine, distance_to_front
from ...core.measure.geodesy import WGS84
from ...core.measure.measurement import ellipsoid_name, format_area, format_bearing, format_distance
from ...core.measure.rings import RingsError, geodesic_buffer, parse_radii, resolve_centre, ring_geometry
from ...core.measure.store import MeasurementStoreError, rings_uri, save_measurement, save_rings
from ...core.measure.style import style_rings_layer
from ...core.project.layers import plugin_group
from ...toolbelt.workspace import workspace_gpkg_path
from ...maptools.measure_tool import AREA, DISTANCE, FEATURES, POINT, GeodesicMeasureTool
from ..panels.measure import COPY_POINT, DMS, FRONT_POINT, MGRS, RINGS_CENTRE
from .tool_owner import release_tool, unset_tool

UNIT_SETTING = "measure/distance_unit"
AREA_UNIT_SETTING = "measure/area_unit"
MEASUREMENTS_PROPERTY = "kpa_tracker/measurements"
OBSERVED_FIELD = "observed_at"  # a sighting's observed time: its date is the one measured against


def point_text(lon: float, lat: float, fmt: str) -> str:
    """A point written as decimal degrees, degrees-minutes-seconds or an MGRS reference (1 m)."""
    if fmt == MGRS:
        return to_mgrs(lon, lat, 5)
    if fmt == DMS:
        return format_dms(lon, lat, 1)
    return format_decimal(lon, lat, 6)


def _as_date(value):
    """A date from a field value (QDateTime, QDate, datetime, ISO text), or None."""
    if isinstance(value, QDateTime):
        return value.toUTC().date().toPyDate() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPyDate() if value.isValid() else None
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and len(value) >= 10:
        try:
            return datetime.date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


class MeasureController:
    def __init__(self, iface, panel, action, connections, gpkg_path=None, bring_up=None):
        """bring_up: shows the dock with its Measure page (the plugin's), called when the tool starts."""
        self.iface = iface
        self.panel = panel
        self.action = action
        self.gpkg_path = gpkg_path
        self.bring_up = bring_up
        self.tool = GeodesicMeasureTool(iface.mapCanvas())
        self.tool.setAction(action)  # QGIS unchecks the action when another tool takes over
        self.readout = None
        self.result = None
        self.point_use = None
        self.front = None  # the last FrontDistance shown
        self.rings_layer = None
        panel.distance_unit.setCurrentText(settings.value(UNIT_SETTING, "km"))
        panel.area_unit.setCurrentText(settings.value(AREA_UNIT_SETTING, "km²"))
        panel.set_mode(DISTANCE)
        connections.connect(action.triggered, self.activate)
        connections.connect(panel.modeRequested, self.start)
        connections.connect(panel.unitsChanged, self.units_changed)
        connections.connect(panel.copyRequested, self.copy)
        connections.connect(panel.saveRequested, self.save)
        connections.connect(panel.pointModeRequested, self.start_point)
        connections.connect(panel.ringsRequested, self.add_rings)
        connections.connect(panel.ringsFromSelectionRequested, self.rings_from_selection)
        connections.connect(panel.frontFromSelectionRequested, self.front_from_selection)
        connections.connect(self.tool.readoutChanged, self.show)
        connections.connect(self.tool.finished, self.keep)
        connections.connect(self.tool.message, panel.hint.setText)
        connections.connect(self.tool.pointPicked, self.point_picked)
        # A new project: nothing of a measurement survives.
        connections.connect(QgsProject.instance().cleared, self.tool.reset)
        connections.connect(QgsProject.instance().cleared, self._forget_rings_layer)

    # Starting ---------------------------------------------------------------
    def _show_page(self):
        if self.bring_up is not None:
            self.bring_up()

    def activate(self, checked=True):
        if checked:
            self.iface.mapCanvas().setMapTool(self.tool)
            # From the toolbar with the dock closed or on another tab: the numbers must be in sight.
            self._show_page()
        else:
            unset_tool(self.iface.mapCanvas(), self.tool)

    def start(self, mode):
        self.point_use = None
        self.tool.set_mode(mode)
        self.panel.set_mode(mode)
        self.result = None
        self.panel.set_result_available(False)
        self.panel.hint.setText(tr("Click two features: the shortest geodesic distance between them")
                                if mode == FEATURES else
                                tr("Click to add points · Backspace removes the last · Esc or right-click finishes"))
        self.action.setChecked(True)
        self.iface.mapCanvas().setMapTool(self.tool)

    def start_point(self, purpose):
        """One click on the map: copied (COPY_POINT), the rings' centre (RINGS_CENTRE) or measured to
        the line of contact (FRONT_POINT)."""
        self.point_use = purpose
        self.tool.set_mode(POINT)
        self.panel.set_mode(POINT)
        self.result = None
        self.panel.set_result_available(False)
        self.panel.hint.setText({
            COPY_POINT: tr("Click the point to copy."),
            RINGS_CENTRE: tr("Click the centre of the range rings."),
            FRONT_POINT: tr("Click the point to measure to the line of contact."),
        }[purpose])
        self.action.setChecked(True)
        self.iface.mapCanvas().setMapTool(self.tool)

    def units_changed(self):
        settings.set_value(UNIT_SETTING, self.panel.distance_unit.currentText())
        settings.set_value(AREA_UNIT_SETTING, self.panel.area_unit.currentText())
        if self.readout is not None:
            self.show(self.readout)

    # The readout ---------------------------------------------------------------
    def values(self, readout):
        unit, area_unit = self.panel.distance_unit.currentText(), self.panel.area_unit.currentText()
        return {
            "segment": format_distance(readout.segment_m, unit),
            "total": format_distance(readout.total_m if readout.vertex_count else None, unit),
            "bearing": format_bearing(readout.bearing_deg),
            "initial_bearing": format_bearing(readout.initial_bearing_deg),
            "final_bearing": format_bearing(readout.final_bearing_deg),
            "area": format_area(readout.area_m2, area_unit),
            "perimeter": format_distance(readout.perimeter_m, unit),
            "ellipsoid": ellipsoid_name(readout.ellipsoid),
        }

    def floating_text(self, readout, values=None) -> str:
        """The few numbers beside the cursor: segment and total, or area and perimeter (`values`: the
        readout's formatted values when the caller has them, so a mouse move formats them once)."""
        if readout is None or not readout.vertex_count:
            return ""
        values = values or self.values(readout)
        if self.tool.mode == AREA:
            if readout.area_m2 is None:
                return tr("Area: click at least three corners")
            return "\n".join((tr("Area {}").format(values["area"]), tr("Perimeter {}").format(values["perimeter"])))
        lines = []
        if readout.segment_m is not None and self.tool.mode == DISTANCE:
            lines.append(tr("Segment {}").format(values["segment"]))
        lines.append(tr("Total {}").format(values["total"]))
        if readout.initial_bearing_deg is not None:
            lines.append(tr("Bearing {} (initial) · {} (final)").format(
                values["initial_bearing"], values["final_bearing"]))
        return "\n".join(lines)

    def show(self, readout):
        self.readout = readout
        values = self.values(readout)
        self.panel.show_values(values)
        self.tool.set_floating_text(self.floating_text(readout, values))

    def keep(self, result):
        self.result = result
        self.panel.set_result_available(True)
        if result.get("features"):
            self.panel.hint.setText(tr("{} to {}: {}").format(
                result["features"][0], result["features"][1], self.values(result["readout"])["total"]))

    def text(self) -> str:
        if self.readout is None:
            return ""
        values = self.values(self.readout)
        if self.tool.mode == AREA:
            lines = [tr("Area: {}").format(values["area"]), tr("Perimeter: {}").format(values["perimeter"])]
        else:
            lines = [tr("Distance: {}").format(values["total"])]
            if values["initial_bearing"] != "–":
                lines.append(tr("Initial bearing of the path: {}").format(values["initial_bearing"]))
                lines.append(tr("Final bearing of the last segment: {}").format(values["final_bearing"]))
        if self.result and self.result.get("features"):
            lines.insert(0, tr("{} to {}").format(*self.result["features"]))
        lines.append(tr("Geodesic, ellipsoid {}").format(values["ellipsoid"]))
        return "\n".join(lines)

    def copy(self):
        QApplication.clipboard().setText(self.text())

    def _gpkg(self):
        return self.gpkg_path or workspace_gpkg_path()

    def save(self, note):
        if not self.result:
            return None
        try:
            uri = save_measurement(self._gpkg(), self.result, note)
        except MeasurementStoreError as exc:
            self.panel.hint.setText(str(exc))
            log.warning(str(exc))
            return None
        self._show_layer(uri)
        self.panel.hint.setText(tr("Saved to the Measurements layer."))
        self.panel.note.clear()
        return uri

    def _show_layer(self, uri, title=None, styler=None):
        project = QgsProject.instance()
        for layer in project.mapLayers().values():
            if layer.customProperty(MEASUREMENTS_PROPERTY) == uri:
                layer.dataProvider().reloadData()
                layer.triggerRepaint()
                return layer
        if title is None:
            title = tr("Measurements (lines)") if uri.endswith("lines") else tr("Measurements (areas)")
        layer = QgsVectorLayer(uri, title, "ogr")
        layer.setCustomProperty(MEASUREMENTS_PROPERTY, uri)
        if styler is not None:
            styler(layer)
        project.addMapLayer(layer, False)
        plugin_group(project).insertLayer(0, layer)
        return layer

    # A clicked point ------------------------------------------------------------
    def point_picked(self, lon, lat):
        if self.point_use == COPY_POINT:
            self.copy_point(lon, lat)
        elif self.point_use == RINGS_CENTRE:
            self.panel.centre.setText("{:.6f},{:.6f}".format(lon, lat))
            self.add_rings()
        elif self.point_use == FRONT_POINT:
            self.measure_to_front(lon, lat, self.map_date())

    def copy_point(self, lon, lat) -> str:
        text = point_text(lon, lat, self.panel.point_format_key())
        QApplication.clipboard().setText(text)
        self.panel.copied.setText(tr("Copied: {}").format(text))
        self.panel.hint.setText(tr("Copied: {}").format(text))
        self.tool.set_floating_text(tr("Copied: {}").format(text))
        return text

    # Range rings -------------------------------------------------------------------
    def add_rings(self):
        """Rings around the typed or clicked centre, at the typed radii: saved, shown, and said."""
        from ...core.routing.stops import POINT_PATTERN, curated_places

        text = self.panel.centre.text()
        try:
            radii = parse_radii(self.panel.radii.text(), tr("Radii"))
            places = [] if POINT_PATTERN.match(text or "") else curated_places()
            centre = resolve_centre(text, places, tr("Centre"), QgsProject.instance().transformContext())
        except RingsError as error:
            self.panel.rings_result.setText(str(error))
            return None
        rings = [(radius, ring_geometry(centre.lon, centre.lat, radius * 1000.0)) for radius in radii]
        return self._save_rings(rings, centre.name, (centre.lon, centre.lat), "ring")

    def selected_feature(self):
        """(layer, feature) of the one selected feature of the active layer, or None with a message."""
        layer = self.iface.activeLayer()
        if not isinstance(layer, QgsVectorLayer) or layer.selectedFeatureCount() != 1:
            return None
        return layer, next(layer.getSelectedFeatures())

    def _wgs84_geometry(self, layer, feature) -> QgsGeometry:
        geometry = QgsGeometry(feature.geometry())
        geometry.transform(QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(WGS84),
                                                  QgsProject.instance()))
        return geometry

    def rings_from_selection(self):
        """Rings around the selected point (a sighting, a base), or a geodesic buffer around the selected
        line or area (the border, the line of contact)."""
        from ...maptools.measure_tool import _feature_label

        chosen = self.selected_feature()
        if chosen is None:
            self.panel.rings_result.setText(tr("Select one feature in the active layer first."))
            return None
        layer, feature = chosen
        try:
            radii = parse_radii(self.panel.radii.text(), tr("Radii"))
        except RingsError as error:
            self.panel.rings_result.setText(str(error))
            return None
        geometry = self._wgs84_geometry(layer, feature)
        if geometry.isEmpty():
            self.panel.rings_result.setText(tr("{}: the selected feature has no geometry.").format(layer.name()))
            return None
        name = _feature_label(feature, layer)
        if geometry.type() == POINT_GEOMETRY and not geometry.isMultipart():
            point = geometry.asPoint()
            self.panel.centre.setText("{:.6f},{:.6f}".format(point.x(), point.y()))
            rings = [(radius, ring_geometry(point.x(), point.y(), radius * 1000.0)) for radius in radii]
            return self._save_rings(rings, name, (point.x(), point.y()), "ring")
        centre = geometry.centroid().asPoint()
        rings = [(radius, geodesic_buffer(geometry, radius * 1000.0)) for radius in radii]
        return self._save_rings(rings, name, (centre.x(), centre.y()), "buffer")

    def _save_rings(self, rings, name, lonlat, kind):
        try:
            uri = save_rings(self._gpkg(), rings, name, lonlat, kind)
        except MeasurementStoreError as exc:
            self.panel.rings_result.setText(str(exc))
            log.warning(str(exc))
            return None
        self.rings_layer = self._show_layer(uri, tr("Range rings"), style_rings_layer)
        radii = ", ".join("{:g}".format(radius) for radius, _geometry in sorted(rings))
        self.panel.rings_result.setText(
            (tr("Rings of {} km around {}, saved to the Range rings layer.") if kind == "ring" else
             tr("Geodesic buffers of {} km around {}, saved to the Range rings layer.")).format(radii, name))
        return uri

    def _forget_rings_layer(self):
        self.rings_layer = None

    def rings_uri(self) -> str:
        return rings_uri(self._gpkg())

    # The line of contact ------------------------------------------------------------
    def map_date(self):
        """The map's date (the Temporal Controller's), else the date chosen on the page."""
        canvas = self.iface.mapCanvas()
        if canvas.mapSettings().isTemporal():
            begin = canvas.temporalRange().begin()
            if begin.isValid():
                return begin.date().toPyDate()
        return self.panel.front_date.date().toPyDate()

    def measure_to_front(self, lon, lat, day, label=None):
        try:
            front = distance_to_front(lon, lat, day)
        except NoFrontLine as error:
            self.front = None
            self.panel.front_result.setText(str(error))
            return None
        self.front = front
        text = front.text()
        self.panel.front_result.setText("{}: {}".format(label, text) if label else text)
        self.tool.set_floating_text(text)
        # The geodesic to the nearest point, drawn as a measurement.
        self.tool.measure.clear()
        self.tool.measure.add(lon, lat)
        self.tool.measure.add(*front.nearest)
        self.tool.done = True
        self.tool._redraw_fixed()
        self.readout = self.tool.measure.preview()
        self.panel.show_values(self.values(self.readout))  # its length and bearings on the page too
        return front

    def front_from_selection(self):
        from ...maptools.measure_tool import _feature_label

        chosen = self.selected_feature()
        if chosen is None:
            self.panel.front_result.setText(tr("Select one sighting (or any point) in the active layer first."))
            return None
        layer, feature = chosen
        geometry = self._wgs84_geometry(layer, feature)
        if geometry.isEmpty() or geometry.type() != POINT_GEOMETRY:
            self.panel.front_result.setText(tr("{}: the selected feature is not a point.").format(layer.name()))
            return None
        point = geometry.asPoint() if not geometry.isMultipart() else geometry.asMultiPoint()[0]
        day = None
        if OBSERVED_FIELD in layer.fields().names():
            day = _as_date(feature[OBSERVED_FIELD])
        return self.measure_to_front(point.x(), point.y(), day or self.map_date(), _feature_label(feature, layer))

    def unload(self):
        release_tool(self.iface.mapCanvas(), self.tool)
        self.tool = None

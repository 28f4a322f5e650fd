"""Connects the dock's Sightings page to the sightings core: layer, list, filters, corroboration."""

import datetime

from qgis.core import QgsProject

from ..core import curated, log
from ..core.project_layers import find_loaded, plugin_group
from ..core.sighting_html import sighting_html
from ..core.sightings import SightingError, open_layers
from ..core.sightings_form import configure_form
from ..core.sightings_query import corroboration, recent_sightings
from ..core.workspace import workspace_gpkg_path

SIGHTINGS_PROPERTY = "kpa_tracker/sightings"


class SightingsController:
    def __init__(self, iface, panel, connections, gpkg_path=None):
        self.iface = iface
        self.panel = panel
        self.gpkg_path = gpkg_path
        self.records = []
        connections.connect(panel.showRequested, self.show_layer)
        connections.connect(panel.refreshRequested, self.refresh)
        connections.connect(panel.rowChosen, self.show_details)

    def workspace(self):
        return self.gpkg_path or workspace_gpkg_path()

    def show_layer(self):
        """Add the Sightings layer (with its sources table, form, style and time settings), once."""
        project = QgsProject.instance()
        for layer in project.mapLayers().values():
            if layer.customProperty(SIGHTINGS_PROPERTY) == "sightings":
                return layer
        try:
            sightings, sources = open_layers(self.workspace())
        except SightingError as exc:
            self.panel.message.setText(str(exc))
            log.warning(str(exc))
            return None
        for layer, role in ((sightings, "sightings"), (sources, "sources")):
            layer.setCustomProperty(SIGHTINGS_PROPERTY, role)
            project.addMapLayer(layer, False)
        group = plugin_group(project)
        group.insertLayer(0, sightings)
        group.addLayer(sources).setItemVisibilityChecked(False)
        configure_form(sightings, sources, find_loaded(project, "units"), project)
        self.panel.message.setText("Sightings shown. Add one with QGIS's Add Point Feature tool on the "
                                   "Sightings layer: the form checks sources and grades before it saves.")
        return sightings

    def refresh(self):
        _catalogue, result = curated.load_cached()
        self.panel.set_units([(u.id, u.name) for u in result.features.get("units", [])])
        start = datetime.datetime.combine(self.panel.start.date().toPyDate(), datetime.time.min,
                                          tzinfo=datetime.timezone.utc)
        end = datetime.datetime.combine(self.panel.end.date().toPyDate(), datetime.time.max,
                                        tzinfo=datetime.timezone.utc)
        try:
            self.records = recent_sightings(self.workspace(), self.panel.unit.currentData() or None, start, end,
                                            self.panel.grade.currentData() or None)
        except SightingError as exc:
            self.panel.message.setText(str(exc))
            return []
        counts = corroboration(self.records, self.panel.within_km.value(), self.panel.within_days.value())
        rows = [(r.observed_at.strftime("%Y-%m-%d %H:%M") if r.observed_at else "",
                 r.unit_id or r.unit_as_reported or "", "{}{}".format(r.source_reliability, r.info_credibility),
                 r.location_name or "", counts.get(r.sighting_id, 0)) for r in self.records]
        self.panel.show_rows(rows)
        self.panel.message.setText("{} sighting(s).".format(len(rows)))
        return rows

    def show_details(self, row):
        if 0 <= row < len(self.records):
            self.panel.details.setHtml(sighting_html(self.records[row]))

"""Connects the dock's catalogue and details pane to the core: load, zoom, details, reset."""

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QMessageBox

from ...core.curated import data as curated
from ...toolbelt import log
from ...toolbelt.i18n import tr
from ...core.curated.store import curated_change, reset_features
from ...core.curated.html import feature_html
from ...core.project.frame import analyst_chose_crs, theatre_crs, theatre_extent
from ...core.project.layers import LAYER_ID_PROPERTY, find_loaded, load_layers, reload_workspace_layers
from ...toolbelt.workspace import workspace_gpkg_path


class CatalogueController:
    def __init__(self, iface, dock, connections, gpkg_path=None, confirm=None):
        self.iface = iface
        self.dock = dock
        self.gpkg_path = gpkg_path
        # Asks the analyst before a reset; tests pass their own answer.
        self.confirm = confirm or self._ask
        self.selected = None  # (catalogue layer id, feature id) shown in the details pane
        # The selected features the details pane pages through: (map layer, feature ids), and the page shown.
        self.stack = None
        self.page = 0
        connections.connect(dock.loadRequested, self.load)
        connections.connect(dock.zoomRequested, self.load_and_zoom)
        connections.connect(dock.resetFeatureRequested, self.reset_selected_feature)
        connections.connect(dock.resetLayerRequested, self.reset_layer)
        connections.connect(iface.mapCanvas().selectionChanged, self.show_selection)
        # The Layers page itself (the dock hands out only some of its attributes).
        self.panel = getattr(dock, "catalogue_panel", dock)
        connections.connect(self.panel.detailsPageRequested, self.turn_page)
        # The catalogue is read when the dock is first shown, not at QGIS start-up.
        self.catalogue_ready = False
        connections.connect(dock.visibilityChanged, self._on_visibility)

    def _on_visibility(self, visible):
        if visible and not self.catalogue_ready:
            self.refresh_catalogue()

    def workspace(self):
        return self.gpkg_path or workspace_gpkg_path()

    def refresh_catalogue(self):
        try:
            catalogue, result = curated.load_cached()
        except curated.CuratedDataError as exc:
            self.dock.show_status(tr("The catalogue could not be read: {}").format(exc))
            log.critical(str(exc))
            return
        refused = {layer.id for layer in catalogue
                   if layer.kind == "curated" and layer.id not in result.features}
        self.dock.set_catalogue(catalogue, refused)
        self.catalogue_ready = True
        for error in result.errors:
            log.warning("Curated data refused: {}".format(error))

    def load(self, layer_ids):
        catalogue, result = curated.load_cached()
        project = QgsProject.instance()
        was_empty = not project.mapLayers()
        # Decided before loading: QGIS may give an empty project its first layer's CRS meanwhile.
        keep_crs = project.crs() if analyst_chose_crs(project, not was_empty) else None
        outcome = load_layers(project, catalogue, layer_ids, result, self.workspace())
        for report in outcome.merge_reports:
            if report.kept_analyst_changes or report.kept_analyst_deletions or report.updated:
                log.info("Curated data merged: " + report.summary())
        for problem in outcome.problems:
            log.warning(problem)
        message = tr("Loaded {} layer(s)").format(len(outcome.loaded))
        if outcome.already_there:
            message += tr("; {} already in the project").format(len(outcome.already_there))
        kept = [r.summary() for r in outcome.merge_reports
                if r.kept_analyst_changes or r.kept_analyst_deletions]
        if kept:
            message += tr(". Your edits were kept: {}").format(" / ".join(kept))
        if outcome.problems:
            message += tr(". Problems: {}").format(" / ".join(outcome.problems))
        self.dock.show_status(message)
        if outcome.loaded and was_empty:
            ids = [layer.id() for layer in outcome.loaded
                   if layer.customProperty(LAYER_ID_PROPERTY) in result.features]
            # After QGIS's own first-layer set-up, which runs on the next event-loop pass.
            QTimer.singleShot(0, lambda: self.frame_theatre(ids or [l.id() for l in outcome.loaded], keep_crs))
        return outcome

    def frame_theatre(self, map_layer_ids, keep_crs=None):
        """A fresh project: the theatre from Kursk to Korea, in a conformal conic for Russia's latitudes,
        unless the analyst chose the project's CRS (keep_crs), which stays."""
        project = QgsProject.instance()
        if not any(project.mapLayer(i) is not None for i in map_layer_ids):
            return  # the project was closed in between
        project.setCrs(keep_crs if keep_crs is not None else theatre_crs())
        canvas = self.iface.mapCanvas()
        canvas.setDestinationCrs(project.crs())
        size = canvas.mapSettings().outputSize()
        aspect = size.width() / size.height() if size.height() > 0 else None
        canvas.setExtent(theatre_extent(project.crs(), project, aspect))
        canvas.refresh()

    def load_and_zoom(self, layer_id):
        self.load([layer_id])
        map_layer = find_loaded(QgsProject.instance(), layer_id)
        if map_layer is not None:
            self.iface.mapCanvas().setExtent(self._layers_extent([map_layer]))
            self.iface.mapCanvas().refresh()

    def _layers_extent(self, layers):
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        extent = QgsRectangle()
        extent.setMinimal()
        for map_layer in layers:
            transform = QgsCoordinateTransform(map_layer.crs(), canvas_crs, QgsProject.instance())
            extent.combineExtentWith(transform.transformBoundingBox(map_layer.extent()))
        extent.scale(1.2)
        # Base labels sit to the right of their points: leave them room at the east edge.
        extent.setXMaximum(extent.xMaximum() + 0.08 * extent.width())
        return extent

    # Details ----------------------------------------------------------------
    def show_selection(self, map_layer):
        """The selection changed: the details pane shows its first feature and pages through the rest."""
        layer_id = map_layer.customProperty(LAYER_ID_PROPERTY) if map_layer else None
        if not layer_id or not isinstance(map_layer, QgsVectorLayer):
            return
        ids = sorted(map_layer.selectedFeatureIds())
        if not ids:
            self.selected = None
            self.stack = None
            self.dock.clear_details()
            return
        self.stack = (map_layer, ids)
        self.show_page(0)

    def turn_page(self, step):
        if self.stack is not None:
            self.show_page(self.page + step)

    def show_page(self, page):
        map_layer, ids = self.stack
        self.page = max(0, min(page, len(ids) - 1))
        feature = next(map_layer.getFeatures(QgsFeatureRequest().setFilterFid(ids[self.page])), None)
        if feature is None:
            return
        layer_id = map_layer.customProperty(LAYER_ID_PROPERTY)
        attributes = {name: feature[name] for name in feature.fields().names()}
        self.selected = (layer_id, attributes.get("id"))
        catalogue, result = curated.load_cached()
        shipped = {f.id: f for f in result.features.get(layer_id, [])}
        changed = curated_change(catalogue, layer_id, shipped.get(attributes.get("id")), attributes,
                                 feature.geometry())
        text = feature_html(attributes, map_layer.name(), *changed) if changed else \
            feature_html(attributes, map_layer.name())
        self.dock.show_details(text, attributes.get("id") in shipped)
        self.panel.set_details_page(self.page, len(ids))

    # Reset ------------------------------------------------------------------
    def _ask(self, question):
        answer = QMessageBox.question(self.iface.mainWindow(), tr("KPA Deployment Tracker"), question)
        return answer == QMessageBox.StandardButton.Yes

    def _reset(self, layer_id, feature_ids, question):
        catalogue, result = curated.load_cached()
        layer = next(layer for layer in catalogue if layer.id == layer_id)
        if layer.kind != "curated" or layer_id not in result.features:
            self.dock.show_status(tr("'{}' is not a curated layer that can be reset.").format(layer.title))
            return []
        map_layer = find_loaded(QgsProject.instance(), layer_id)
        if map_layer is not None and map_layer.isEditable():
            self.dock.show_status(tr("Save or discard your edits to '{}' first.").format(layer.title))
            return []
        if not self.confirm(question):
            return []
        done = reset_features(self.workspace(), layer, result.features[layer_id], feature_ids)
        reload_workspace_layers(QgsProject.instance(), self.workspace())
        self.dock.show_status(tr("Reset to curated: {}").format(", ".join(done)))
        log.info("Reset to curated in {}: {}".format(layer_id, ", ".join(done)))
        return done

    def reset_selected_feature(self):
        if not self.selected:
            return []
        layer_id, feature_id = self.selected
        return self._reset(layer_id, [feature_id],
                           tr("Put '{}' back as shipped? Your changes to it are lost.").format(feature_id))

    def reset_layer(self, layer_id):
        return self._reset(layer_id, None,
                           tr("Put every curated feature of this layer back as shipped? "
                              "Your changes to them are lost; features you added stay."))

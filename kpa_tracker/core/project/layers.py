"""Putting the catalogue's layers into a QGIS project: once each, styled, in order."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import (
    QgsApplication,
    QgsDefaultValue,
    QgsLayerTreeGroup,
    QgsMapLayer,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

from ...toolbelt import log
from ..curated.data import LayerDef, LoadResult
from ..curated.store import CHANGED_ON, CHANGED_ON_DEFAULT, MergeState, forget_version, layer_uri, sync_layer
from .styles import apply_qml
from .temporal import apply_temporal

GROUP_NAME = "KPA Deployment Tracker"
LAYER_ID_PROPERTY = "kpa_tracker/layer_id"


def world_map_path() -> Path:
    return Path(QgsApplication.pkgDataPath()) / "resources" / "data" / "world_map.gpkg"


@dataclass
class LoadOutcome:
    loaded: List[QgsMapLayer] = field(default_factory=list)
    already_there: List[QgsMapLayer] = field(default_factory=list)
    problems: List[str] = field(default_factory=list)
    merge_reports: list = field(default_factory=list)


def find_loaded(project: QgsProject, layer_id: str) -> Optional[QgsMapLayer]:
    for map_layer in project.mapLayers().values():
        if map_layer.customProperty(LAYER_ID_PROPERTY) == layer_id:
            return map_layer
    return None


def reload_workspace_layers(project: QgsProject, gpkg_path: Path) -> None:
    """Reopen the project's layers that read the workspace after it was written to.

    Without this, a layer opened before a write to another table of the same
    GeoPackage fails to read it ("unable to open database file") on QGIS 3.22.
    """
    prefix = str(gpkg_path) + "|"
    for map_layer in project.mapLayers().values():
        if isinstance(map_layer, QgsVectorLayer) and map_layer.source().startswith(prefix) \
                and not map_layer.isEditable():
            map_layer.dataProvider().reloadData()
            map_layer.triggerRepaint()


def plugin_group(project: QgsProject) -> QgsLayerTreeGroup:
    root = project.layerTreeRoot()
    group = root.findGroup(GROUP_NAME)
    if group is None:
        group = root.insertGroup(0, GROUP_NAME)
    return group


def _make_layer(layer: LayerDef, gpkg_path: Path) -> QgsMapLayer:
    if layer.kind == "curated":
        return QgsVectorLayer(layer_uri(gpkg_path, layer), layer.title, "ogr")
    if layer.kind == "basemap":
        world = world_map_path()
        if not world.exists():
            raise FileNotFoundError(
                "This QGIS installation has no Natural Earth world map at {}; "
                "the offline base map '{}' was skipped.".format(world, layer.title))
        return QgsVectorLayer("{}|layername={}".format(world, layer.source), layer.title, "ogr")
    if layer.kind == "tiles":
        return QgsRasterLayer(layer.source, layer.title, "wms")
    raise ValueError("unknown layer kind " + layer.kind)


def stamp_changes(layer: QgsVectorLayer) -> None:
    """QGIS writes the day into changed_on whenever the analyst changes a curated feature, by any tool."""
    index = layer.fields().indexOf(CHANGED_ON)
    if index >= 0:
        layer.setDefaultValueDefinition(index, QgsDefaultValue(CHANGED_ON_DEFAULT, True))


def _insert_in_order(group: QgsLayerTreeGroup, map_layer: QgsMapLayer, order: Dict[str, int]) -> None:
    """Insert so the group follows catalogue order (points over lines over polygons over base map)."""
    rank = order[map_layer.customProperty(LAYER_ID_PROPERTY)]
    index = 0
    for child in group.children():
        child_layer = getattr(child, "layer", lambda: None)()
        child_id = child_layer.customProperty(LAYER_ID_PROPERTY) if child_layer else None
        if child_id in order and order[child_id] < rank:
            index = group.children().index(child) + 1
    group.insertLayer(index, map_layer)


def load_layers(
    project: QgsProject,
    catalogue: List[LayerDef],
    wanted: List[str],
    data: LoadResult,
    gpkg_path: Path,
) -> LoadOutcome:
    """Add the wanted catalogue layers to the project; a layer already there is not added again.

    Curated layers are first brought up to date in the workspace (merge by id),
    so what loads is the analyst's copy.
    """
    outcome = LoadOutcome()
    order = {layer.id: index for index, layer in enumerate(catalogue)}
    by_id = {layer.id: layer for layer in catalogue}
    for error in data.errors:
        outcome.problems.append(str(error))
    todo = []
    for layer_id in sorted(wanted, key=order.get):
        existing = find_loaded(project, layer_id)
        if existing is not None:
            outcome.already_there.append(existing)
        elif by_id[layer_id].kind != "curated" or layer_id in data.features:
            todo.append(by_id[layer_id])  # (a refused curated layer is already reported)
    # Materialise every curated layer first and open afterwards: then no table is
    # created in the GeoPackage while a layer of the project holds it open (GDAL
    # then fails to read it).
    failed = set()
    state = MergeState.load(gpkg_path) if any(layer.kind == "curated" for layer in todo) else None
    if state is not None:
        for layer in catalogue:
            if layer.kind == "curated" and layer.id in data.features:
                try:
                    outcome.merge_reports.append(
                        sync_layer(gpkg_path, layer, data.features[layer.id], state))
                except Exception as exc:  # each layer on its own: the others still load
                    outcome.problems.append("{}: {}".format(layer.title, exc))
                    failed.add(layer.id)
        try:
            state.flush()
        except Exception as exc:  # the data is written; the next load records the state
            outcome.problems.append("merge state not saved: {}".format(exc))
    ready = [layer for layer in todo if layer.id not in failed]
    if any(r.added or r.updated or r.removed for r in outcome.merge_reports):
        reload_workspace_layers(project, gpkg_path)
    group = None
    for layer in ready:
        try:
            map_layer = _make_layer(layer, gpkg_path)
            if layer.kind == "curated" and not map_layer.isValid():
                # The table is gone from the workspace (deleted outside QGIS): merge again.
                forget_version(state, layer.id)
                outcome.merge_reports.append(sync_layer(gpkg_path, layer, data.features[layer.id], state))
                state.flush()
                map_layer = _make_layer(layer, gpkg_path)
        except Exception as exc:
            outcome.problems.append(str(exc))
            continue
        if not map_layer.isValid():
            outcome.problems.append("'{}' could not be opened".format(layer.title))
            continue
        if layer.style_path is not None:
            ok, message = apply_qml(map_layer, layer.style_path)
            if not ok:
                log.warning("style {} not applied: {}".format(layer.style_path.name, message))
        # After the style: a QML's custom properties replace the layer's own.
        map_layer.setCustomProperty(LAYER_ID_PROPERTY, layer.id)
        if layer.kind == "curated":
            stamp_changes(map_layer)
        if layer.temporal:
            apply_temporal(map_layer)
        project.addMapLayer(map_layer, False)
        group = group or plugin_group(project)
        _insert_in_order(group, map_layer, order)
        outcome.loaded.append(map_layer)
    return outcome

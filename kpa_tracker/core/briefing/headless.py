"""The analyst's own sightings on a briefing made outside the dock (Processing, qgis_process): the
local workspace's sightings, styled, timed and related to their sources as the dock shows them."""

from pathlib import Path
from typing import Optional

from qgis.core import QgsProject

from ..project.layers import find_loaded
from ..sightings.form import configure_form
from ..sightings.gpkg_store import default_path
from ..sightings.layers import open_layers
from .sources import SIGHTINGS_PROPERTY


def add_local_sightings(project: QgsProject, gpkg_path: Optional[Path] = None) -> int:
    """Add the workspace's sightings (when it has any) to the project; returns how many there are."""
    path = Path(gpkg_path) if gpkg_path is not None else default_path()
    if not path.exists():
        return 0
    sightings, sources = open_layers(path, create=False)
    if not sightings.isValid() or not sources.isValid() or sightings.featureCount() == 0:
        return 0
    for layer, role in ((sightings, "sightings"), (sources, "sources")):
        layer.setCustomProperty(SIGHTINGS_PROPERTY, role)
        project.addMapLayer(layer, False)
    project.layerTreeRoot().insertLayer(0, sightings)
    project.layerTreeRoot().addLayer(sources).setItemVisibilityChecked(False)
    configure_form(sightings, sources, find_loaded(project, "units"), project)
    return sightings.featureCount()

"""Moving an older workspace's sightings into their own GeoPackage.

Releases before 0.2 kept the sightings tables inside workspace.gpkg beside the curated layers. Now they
live in sightings.gpkg, so a QGIS transaction group over the sightings never takes in the curated
layers. On first start the two tables are copied by GDAL into a new file beside the target, every row
(its fid, text and time exactly as stored) compared with the original, and only then is the new file
put in place and the old tables dropped. Attachment files stay where they are: the attachments folder
is the workspace's, beside both files.
"""

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from osgeo import gdal, ogr

from ...toolbelt import log
from ...toolbelt.i18n import tr
from ...toolbelt.workspace import workspace_gpkg_path
from ..domain.fields import SIGHTINGS_TABLE, SOURCES_TABLE
from ..domain.records import StorageError
from . import gpkg_store


@dataclass
class MigrationReport:
    sightings: int
    sources: int
    attachments: int
    source_file: Path
    target_file: Path

    def __str__(self) -> str:
        return tr("{} sightings, {} sources and {} attachments moved from {} to {}").format(
            self.sightings, self.sources, self.attachments, self.source_file.name, self.target_file.name)


def _rows(ds, table: str) -> list:
    layer = ds.GetLayerByName(table)
    rows = []
    for feature in layer:
        geometry = feature.GetGeometryRef()
        rows.append((feature.GetFID(), geometry.ExportToIsoWkt() if geometry is not None else None,
                     tuple(feature.GetFieldAsString(i) if feature.IsFieldSetAndNotNull(i) else None
                           for i in range(feature.GetFieldCount()))))
    return sorted(rows)


def _has_old_tables(ds) -> bool:
    return ds is not None and ds.GetLayerByName(SIGHTINGS_TABLE) is not None \
        and ds.GetLayerByName(SOURCES_TABLE) is not None


def migrate_if_needed(target: Path, workspace: Optional[Path] = None) -> Optional[MigrationReport]:
    """Move the sightings of `workspace` (workspace.gpkg) to `target` (sightings.gpkg) once; None when
    there is nothing to move (no old tables, or the target exists already)."""
    workspace = Path(workspace) if workspace is not None else workspace_gpkg_path(create_dir=False)
    target = Path(target)
    if target.exists() or not workspace.exists():
        return None
    with gpkg_store._Quiet():
        old = gdal.OpenEx(str(workspace), gdal.OF_VECTOR | gdal.OF_UPDATE, allowed_drivers=["GPKG"])
        if not _has_old_tables(old):
            return None
        report = _copy(old, workspace, target)
        # The copy is verified and in place: only now do the old tables go.
        for table in (SOURCES_TABLE, SIGHTINGS_TABLE):
            for index in range(old.GetLayerCount()):
                if old.GetLayerByIndex(index).GetName() == table:
                    old.DeleteLayer(index)
                    break
        old = None
    log.info(str(report))
    return report


def _copy(old, workspace: Path, target: Path) -> MigrationReport:
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix=".kpa-migrate-", dir=str(target.parent)))
    try:
        copy = folder / target.name
        new = ogr.GetDriverByName("GPKG").CreateDataSource(str(copy))
        for table in (SIGHTINGS_TABLE, SOURCES_TABLE):
            if new.CopyLayer(old.GetLayerByName(table), table, ["FID=fid", "GEOMETRY_NAME=geom"]) is None:
                raise StorageError(tr("{}: the {} table could not be copied ({}); nothing was changed").format(
                    workspace.name, table, gpkg_store._last_error()))
        gpkg_store.apply_rules(new)
        new = None
        check = gdal.OpenEx(str(copy), gdal.OF_VECTOR, allowed_drivers=["GPKG"])
        for table in (SIGHTINGS_TABLE, SOURCES_TABLE):
            if _rows(check, table) != _rows(old, table):
                raise StorageError(tr("{}: the copy of the {} table differs from the original; the old "
                                      "tables are kept and nothing was changed").format(workspace.name, table))
        sightings = check.GetLayerByName(SIGHTINGS_TABLE).GetFeatureCount()
        sources = check.GetLayerByName(SOURCES_TABLE).GetFeatureCount()
        attachments = sum(1 for f in check.GetLayerByName(SIGHTINGS_TABLE) if f.IsFieldSetAndNotNull("attachment"))
        check = None
        shutil.move(str(copy), str(target))
    finally:
        shutil.rmtree(str(folder), ignore_errors=True)
    return MigrationReport(sightings, sources, attachments, workspace, target)

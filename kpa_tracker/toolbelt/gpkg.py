"""Tables in a GeoPackage (the analyst's workspace, or an export), through QGIS's own writers."""

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransformContext,
    QgsFields,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from .gdal_quiet import quiet_gdal

WGS84 = "EPSG:4326"


class GeoPackageError(Exception):
    """A table could not be created or opened; the message names the file and the table."""


def table_uri(gpkg_path, name: str) -> str:
    return "{}|layername={}".format(gpkg_path, name)


def create_table(gpkg_path, name: str, fields: QgsFields, wkb_type, rows=()) -> None:
    """Create (or replace) a table, with its rows written in one go; the file is created if need be."""
    gpkg_path = Path(gpkg_path)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = name
    options.actionOnExistingFile = (QgsVectorFileWriter.CreateOrOverwriteLayer if gpkg_path.exists()
                                    else QgsVectorFileWriter.CreateOrOverwriteFile)
    writer = QgsVectorFileWriter.create(str(gpkg_path), fields, wkb_type, QgsCoordinateReferenceSystem(WGS84),
                                        QgsCoordinateTransformContext(), options)
    if writer.hasError() != QgsVectorFileWriter.NoError:
        raise GeoPackageError("could not create table {} in {}: {}".format(name, gpkg_path, writer.errorMessage()))
    if rows and not writer.addFeatures(list(rows)):
        message = writer.errorMessage()
        del writer
        raise GeoPackageError("could not write table {} in {}: {}".format(name, gpkg_path, message))
    del writer  # closes the file


def open_or_create(gpkg_path, name: str, fields: QgsFields, wkb_type, title: str) -> QgsVectorLayer:
    """The table as a layer, created empty on first use."""
    layer = QgsVectorLayer(table_uri(gpkg_path, name), title, "ogr")
    if layer.isValid():
        return layer
    create_table(gpkg_path, name, fields, wkb_type)
    layer = QgsVectorLayer(table_uri(gpkg_path, name), title, "ogr")
    if not layer.isValid():
        raise GeoPackageError("could not open table {} in {}".format(name, gpkg_path))
    return layer


def table_names(gpkg_path) -> set:
    """The tables of a GeoPackage, read through GDAL without opening a layer (a missing table costs
    nothing to ask about; a QgsVectorLayer on it costs an open of the file)."""
    gpkg_path = Path(gpkg_path)
    if not gpkg_path.exists():
        return set()
    with quiet_gdal() as gdal:
        ds = gdal.OpenEx(str(gpkg_path), gdal.OF_VECTOR, allowed_drivers=["GPKG"])
        if ds is None:
            return set()
        try:
            return {ds.GetLayerByIndex(i).GetName() for i in range(ds.GetLayerCount())}
        finally:
            ds = None

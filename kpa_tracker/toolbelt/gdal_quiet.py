"""GDAL as the plugin's own code reads it: failures by return value and last error message, not logged.

Two things in a QGIS process change how GDAL reports a failure, and neither is the plugin's to decide:
- GDAL's default error handler prints to QGIS's log: the plugin words the failure itself instead;
- QGIS's Processing plugin turns GDAL's Python exceptions on for the whole process (QGIS 3.40's
  GdalUtils and GdalAlgorithmProvider call gdal/ogr.UseExceptions()), so a refused insert would raise
  instead of returning its error code. Inside `quiet_gdal()` exceptions are off for this thread
  (ExceptionMgr, GDAL 3.7 and later). GDAL 3.6 (QGIS 3.22 on Debian 12) has no ExceptionMgr: there
  they are turned off for the block and back on after, process-wide; its Processing leaves them off.
The handler stack and (from GDAL 3.7) the exception state are per thread, so a QgsTask may use this too.
"""

from contextlib import contextmanager


@contextmanager
def quiet_gdal():
    from osgeo import gdal, ogr, osr

    modules = (gdal, ogr, osr)
    managers = [module.ExceptionMgr(useExceptions=False) for module in modules if hasattr(module, "ExceptionMgr")]
    turned_off = [module for module in modules
                  if not hasattr(module, "ExceptionMgr") and module.GetUseExceptions()]
    for manager in managers:
        manager.__enter__()
    for module in reversed(turned_off):  # GDAL 3.6 pops each module's handler: the last turned on first
        module.DontUseExceptions()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    gdal.ErrorReset()
    try:
        yield gdal
    finally:
        gdal.PopErrorHandler()
        for module in turned_off:
            module.UseExceptions()
        for manager in reversed(managers):
            manager.__exit__(None, None, None)

"""Applying the plugin's QML style files to layers."""

from pathlib import Path

from qgis.PyQt.QtXml import QDomDocument


def apply_qml(layer, path: Path):
    """Apply a QML file; returns (ok, message).

    Not loadNamedStyle(): for a GeoPackage layer it prefers a style stored in the
    database (QGIS's world_map.gpkg has one) over the file it is given.
    """
    document = QDomDocument()
    text = Path(path).read_text(encoding="utf-8")
    parsed = document.setContent(text)
    ok = parsed[0] if isinstance(parsed, tuple) else bool(parsed)
    if not ok:
        return False, "{} is not valid XML".format(Path(path).name)
    imported = layer.importNamedStyle(document)
    ok, message = imported if isinstance(imported, tuple) else (imported, "")
    if ok:
        layer.triggerRepaint()
    return ok, message

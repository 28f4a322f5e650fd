"""Applying the plugin's QML style files to layers."""

from pathlib import Path

from qgis.PyQt.QtXml import QDomDocument

_DOCUMENTS = {}


def _document(path: Path):
    """The parsed QML, read again only when the file changes."""
    stamp = path.stat().st_mtime_ns
    cached = _DOCUMENTS.get(path)
    if cached is None or cached[0] != stamp:
        document = QDomDocument()
        parsed = document.setContent(path.read_text(encoding="utf-8"))
        ok = parsed[0] if isinstance(parsed, tuple) else bool(parsed)
        cached = (stamp, document if ok else None)
        _DOCUMENTS[path] = cached
    return cached[1]


def apply_qml(layer, path: Path):
    """Apply a QML file; returns (ok, message).

    Not loadNamedStyle(): for a GeoPackage layer it prefers a style stored in the
    database (QGIS's world_map.gpkg has one) over the file it is given.
    """
    path = Path(path)
    document = _document(path)
    if document is None:
        return False, "{} is not valid XML".format(path.name)
    imported = layer.importNamedStyle(document)
    ok, message = imported if isinstance(imported, tuple) else (imported, "")
    if ok:
        layer.triggerRepaint()
    return ok, message

"""The sightings layer as QGIS's own attribute form, configured by the plugin.

`configure_form(sightings, sources, units, project)` gives a layer of the
``sightings`` table (and one of ``sighting_sources``):

- widgets: date-time pickers (times in UTC), value maps with the Admiralty
  labels written out, value maps for precisions and statuses, a value relation
  from ``unit_id`` to the units layer that names the layer by id *and* by name,
  source and provider (so it finds the layer again after its id changes), an
  external-resource widget for the attachment, relative to the workspace;
- hard constraints with messages a person understands (grades in range,
  observed time not in the future, a point on Earth, at least one source,
  http(s) URLs only), the same rules as `sightings.clean_sighting`;
- defaults: analyst = @user_account_name, created = now (UTC), observed =
  empty until the analyst sets it, sighting_id = a UUID; updated = now on every change;
- a drag-and-drop form of group boxes that reads top to bottom, with the
  sources in a relation editor (QgsRelation ``sightings_sources``, added to the
  project's relation manager);
- the style by grade and status (layers/styles/sightings.qml), a map tip with
  every value HTML-escaped, and temporal properties on ``observed_at``.

`save_default_styles(gpkg_path)` stores the same configuration as the
GeoPackage's default styles (table ``layer_styles``), so a colleague who opens
the file in plain QGIS gets the same form and hard constraints. QGIS writes the
relation into the style of the sources table (as a "weak relation", by layer
name), and QGIS desktop re-creates it when the tables are loaded under their
table names, ``sightings`` and ``sighting_sources``.

About times: QGIS 3.22 reads a GeoPackage DATETIME without its time zone and
its expressions have no UTC clock. The form therefore treats the wall-clock
time of a value as UTC: defaults are computed from the UTC clock with
`UTC_NOW`, and the "not in the future" check compares `AS_UTC(value)`, the
value read as UTC, with now(), both as epoch milliseconds (QGIS 3.22 compares
date-times by wall clock), which works in any time zone of the machine.

The defaults are UTC date-times (time spec UTC, wall clock UTC), so they are
stored right by every QGIS: 3.22's OGR provider writes the wall clock, and from
3.40 on it converts a local date-time to UTC before writing (qgis/QGIS PR
#57548), which shifted a local-spec default by the machine's UTC offset.
"""

from pathlib import Path
from typing import List, Optional

from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorField,
    QgsAttributeEditorRelation,
    QgsDefaultValue,
    QgsEditFormConfig,
    QgsEditorWidgetSetup,
    QgsFieldConstraints,
    QgsMapLayer,
    QgsProject,
    QgsRelation,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
)
from qgis.PyQt.QtXml import QDomDocument

from ...toolbelt.compat import set_container_is_group_box
from ...toolbelt.i18n import tr
from .html import display_expression, map_tip_template
from ..domain.fields import LABELS, SIGHTINGS_TABLE, SOURCES_TABLE, SOURCE_HINTS, SOURCE_LABELS
from ..domain.grading import (
    CLAIM_STATUS,
    GEO_PRECISION,
    INFO_CREDIBILITY,
    REVIEW_STATUS,
    SOURCE_RELIABILITY,
    TIME_PRECISION,
)
from .layers import RELATION_ID, gpkg_path_of, sightings_uri, sources_uri
from .gpkg_store import ensure_schema
from ...toolbelt.workspace import plugin_dir

STYLE_QML = plugin_dir() / "layers" / "styles" / "sightings.qml"
STYLE_NAME = "KPA Tracker sightings"  # GeoPackage style names hold 30 characters
SOURCES_STYLE_NAME = "KPA Tracker sighting sources"
UNITS_TABLE = "curated_units"
RELATION_NAME = "Sources of the sighting"

from .form_spec import (  # noqa: F401 (the form's spec, read by tests and the dock)
    AS_UTC, DATETIME_CONFIG, SIGHTING_CONSTRAINTS, SIGHTING_DEFAULTS, SIGHTING_NOT_NULL,
    SIGHTING_READ_ONLY, SIGHTING_TABS, SOURCE_CONSTRAINTS, SOURCE_DEFAULTS, SOURCE_KEY_COLUMNS,
    SOURCE_NOT_NULL, SOURCE_READ_ONLY, SOURCE_TABS, UTC_NOW, UTC_TODAY,
)


class FormError(Exception):
    pass


# --- widgets ---------------------------------------------------------------------------------

def value_map(scale, label_format: str = "{code} — {label}") -> QgsEditorWidgetSetup:
    """A value map showing every code with its label written out, in scale order."""
    entries = [{label_format.format(code=code, label=label): str(code)} for code, label in scale]
    return QgsEditorWidgetSetup("ValueMap", {"map": entries})


def units_value_relation(units: Optional[QgsMapLayer] = None, gpkg_path=None) -> QgsEditorWidgetSetup:
    """unit_id from the units layer: by layer id and, when that id changes, by name, source and provider."""
    if units is not None:
        layer_id, name, source, provider = units.id(), units.name(), units.publicSource(), units.providerType()
    else:
        layer_id, name = "", UNITS_TABLE
        source = "{}|layername={}".format(gpkg_path, UNITS_TABLE) if gpkg_path else ""
        provider = "ogr"
    return QgsEditorWidgetSetup("ValueRelation", {
        "Layer": layer_id, "LayerName": name, "LayerSource": source, "LayerProviderName": provider,
        "Key": "id", "Value": "name", "Description": "designation", "AllowNull": True, "AllowMulti": False,
        "OrderByValue": True, "UseCompleter": True, "NofColumns": 1, "FilterExpression": "",
    })


def workspace_root_expression() -> str:
    """The folder of the layer's GeoPackage: attachments are relative to it wherever the file is."""
    return "regexp_replace(layer_property(@layer, 'path'), '[/\\\\\\\\][^/\\\\\\\\]*$', '')"


def attachment_widget(workspace_folder=None) -> QgsEditorWidgetSetup:
    properties = {
        "name": "configurationproperties", "type": "collection",
        "properties": {"propertyRootPath": {"active": True, "expression": workspace_root_expression(), "type": 3}},
    }
    return QgsEditorWidgetSetup("ExternalResource", {
        "DefaultRoot": str(workspace_folder or ""), "RelativeStorage": 2,  # relative to the default root
        "StorageMode": 0, "DocumentViewer": 1, "DocumentViewerHeight": 0, "DocumentViewerWidth": 0,
        "FileWidget": True, "FileWidgetButton": True, "FileWidgetFilter": "", "UseLink": True, "FullUrl": True,
        "PropertyCollection": properties,
    })


def _text_widget(multiline: bool = False) -> QgsEditorWidgetSetup:
    return QgsEditorWidgetSetup("TextEdit", {"IsMultiline": multiline, "UseHtml": False})


def sighting_widgets(units: Optional[QgsMapLayer] = None, gpkg_path=None, workspace_folder=None):
    return {
        "sighting_id": _text_widget(),
        "unit_id": units_value_relation(units, gpkg_path),
        "unit_as_reported": _text_widget(),
        "observed_at": QgsEditorWidgetSetup("DateTime", dict(DATETIME_CONFIG)),
        "time_precision": value_map(TIME_PRECISION),
        "location_name": _text_widget(),
        "geo_precision": value_map(GEO_PRECISION),
        "source_reliability": value_map(SOURCE_RELIABILITY),
        "info_credibility": value_map(INFO_CREDIBILITY),
        "claim_status": value_map(CLAIM_STATUS, "{label}"),
        "review_status": value_map(REVIEW_STATUS, "{label}"),
        "description": _text_widget(multiline=True),
        "analyst": _text_widget(),
        "created_at": QgsEditorWidgetSetup("DateTime", dict(DATETIME_CONFIG)),
        "updated_at": QgsEditorWidgetSetup("DateTime", dict(DATETIME_CONFIG)),
        "attachment": attachment_widget(workspace_folder),
        "attachment_sha256": _text_widget(),
        "map_class": QgsEditorWidgetSetup("Hidden", {}),  # derived, for the style
    }


def source_widgets():
    return {
        "source_id": _text_widget(),
        "sighting_id": _text_widget(),
        "url": _text_widget(),
        "publisher": _text_widget(),
        "published_at": _text_widget(),
        "archive_url": _text_widget(),
        "notes": _text_widget(multiline=True),
        "dataset": _text_widget(),
        "record_id": _text_widget(),
        "original_url": _text_widget(),
    }


def source_tooltips() -> dict:
    """{field: tooltip} of the source fields, translated: what each one is for."""
    return {name: tr(hint) for name, hint in SOURCE_HINTS.items()}


def apply_tooltips(form_widget, tooltips: Optional[dict] = None) -> int:
    """Put each field's tooltip on its editor and label in an open attribute form (a QgsAttributeForm, a
    QgsAttributeDialog or any widget holding one); returns how many fields got one.

    QGIS shows a field's comment as its label's tooltip, but a GeoPackage column has a comment only where
    GDAL writes one (3.7 and later), and QGIS 3.22 reads none: whoever opens the form calls this too.
    QGIS names each field's editor after the field.
    """
    from qgis.PyQt.QtWidgets import QLabel, QWidget

    tooltips = source_tooltips() if tooltips is None else tooltips
    done = set()
    for widget in form_widget.findChildren(QWidget):
        name = widget.objectName()
        if name in tooltips:
            widget.setToolTip(tooltips[name])
            done.add(name)
    for label in form_widget.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and buddy.objectName() in tooltips:
            label.setToolTip(tooltips[buddy.objectName()])
    return len(done)


# --- applying ----------------------------------------------------------------------------------

def _index(layer: QgsVectorLayer, name: str) -> int:
    index = layer.fields().indexOf(name)
    if index < 0:
        raise FormError("{} has no field {}: is it the {} table?".format(layer.name(), name, SIGHTINGS_TABLE))
    return index


def _apply_fields(layer, widgets, labels, constraints, not_null, unique, defaults, read_only) -> QgsEditFormConfig:
    for name, setup in widgets.items():
        layer.setEditorWidgetSetup(_index(layer, name), setup)
    for name, label in labels.items():
        if layer.fields().indexOf(name) >= 0:
            layer.setFieldAlias(_index(layer, name), tr(label))  # the labels are the spec's English
    for name, (expression, message) in constraints.items():
        index = _index(layer, name)
        layer.setConstraintExpression(index, expression, tr(message))
        layer.setFieldConstraint(index, QgsFieldConstraints.ConstraintExpression,
                                 QgsFieldConstraints.ConstraintStrengthHard)
    for name in not_null:
        layer.setFieldConstraint(_index(layer, name), QgsFieldConstraints.ConstraintNotNull,
                                 QgsFieldConstraints.ConstraintStrengthHard)
    for name in unique:
        layer.setFieldConstraint(_index(layer, name), QgsFieldConstraints.ConstraintUnique,
                                 QgsFieldConstraints.ConstraintStrengthHard)
    for name, (expression, on_update) in defaults.items():
        layer.setDefaultValueDefinition(_index(layer, name), QgsDefaultValue(expression, on_update))
    config = layer.editFormConfig()
    for name in read_only:
        config.setReadOnly(_index(layer, name), True)
    return config


def _layout(layer: QgsVectorLayer, config: QgsEditFormConfig, tabs, relation: Optional[QgsRelation]):
    config.setLayout(QgsEditFormConfig.TabLayout)  # the drag-and-drop designer
    config.clearTabs()
    root = config.invisibleRootContainer()
    for tab_title, groups in tabs:
        tab = QgsAttributeEditorContainer(tr(tab_title), root) if tab_title else None
        if tab is not None:
            set_container_is_group_box(tab, False)  # a tab page (the default is a group box on QGIS 3.22)
            tab.setColumnCount(1)
        for title, names in groups:
            if names is None:
                if relation is None or not relation.isValid():
                    continue
                element = QgsAttributeEditorRelation(relation, tab)
                element.setRelationWidgetTypeId("relation_editor")
                element.setLabel(tr(title))
                element.setShowLabel(False)
                tab.addChildElement(element)
                continue
            group = QgsAttributeEditorContainer(tr(title), tab or root)
            set_container_is_group_box(group, True)
            group.setColumnCount(1)
            for name in names:
                group.addChildElement(QgsAttributeEditorField(name, _index(layer, name), group))
            if tab is None:
                config.addTab(group)
            else:
                tab.addChildElement(group)
        if tab is not None and tab.children():
            config.addTab(tab)


def _hide_column(layer: QgsVectorLayer, name: str) -> None:
    config = layer.attributeTableConfig()
    columns = config.columns()
    for column in columns:
        if column.name == name:
            column.hidden = True
    config.setColumns(columns)
    layer.setAttributeTableConfig(config)


def apply_temporal(layer: QgsVectorLayer) -> None:
    """The Temporal Controller shows a sighting from its observed time for as long as its precision says."""
    properties = layer.temporalProperties()
    properties.setMode(QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromExpressions)
    properties.setStartExpression('"observed_at"')
    # A month-only sighting lasts to the end of its calendar month (QGIS's '1 month' is 30 days);
    # searched CASE only: QGIS 3.22 expressions have no "CASE x WHEN" form.
    properties.setEndExpression(
        "CASE WHEN \"time_precision\" = 3 THEN make_datetime("
        "year(\"observed_at\") + if(month(\"observed_at\") = 12, 1, 0), "
        "if(month(\"observed_at\") = 12, 1, month(\"observed_at\") + 1), 1, 0, 0, 0) "
        "WHEN \"time_precision\" = 2 THEN \"observed_at\" + to_interval('7 days') "
        "ELSE \"observed_at\" + to_interval('1 day') END")
    properties.setIsActive(True)


def apply_style(layer: QgsVectorLayer) -> None:
    """The symbols by grade and status and the labels (layers/styles/sightings.qml); nothing else of the
    layer changes.

    Only the symbology and labeling categories are imported: importing a QML's other (absent)
    categories would reset the form's default values.
    """
    document = QDomDocument()
    parsed = document.setContent(STYLE_QML.read_text(encoding="utf-8"))
    if not (parsed[0] if isinstance(parsed, tuple) else parsed):
        raise FormError("{} is not valid XML".format(STYLE_QML.name))
    ok, message = layer.importNamedStyle(document, QgsMapLayer.StyleCategory.Symbology
                                         | QgsMapLayer.StyleCategory.Labeling)
    if not ok:
        raise FormError("style {} not applied: {}".format(STYLE_QML.name, message))
    layer.triggerRepaint()


def source_display_expression() -> str:
    """A source in lists: the publisher and date; a dataset record as "ACLED record UKR12345 — publisher"."""
    return ("CASE WHEN length(trim(coalesce(\"dataset\", ''))) > 0 AND length(trim(coalesce(\"record_id\", ''))) > 0 "
            "THEN \"dataset\" || ' record ' || \"record_id\" || ' — ' ELSE '' END || "
            "coalesce(\"publisher\", '') || ' ' || coalesce(\"published_at\", '')")


def configure_sources_layer(sources: QgsVectorLayer) -> None:
    labels = dict(SOURCE_LABELS)
    config = _apply_fields(sources, source_widgets(), labels, SOURCE_CONSTRAINTS, SOURCE_NOT_NULL, ("source_id",),
                           SOURCE_DEFAULTS, SOURCE_READ_ONLY)
    _layout(sources, config, SOURCE_TABS, None)
    sources.setEditFormConfig(config)
    sources.setDisplayExpression(source_display_expression())
    for name in SOURCE_KEY_COLUMNS:  # keys: the sources table shows what a reader needs
        _hide_column(sources, name)


def ensure_relation(project: QgsProject, sightings: QgsVectorLayer, sources: QgsVectorLayer) -> QgsRelation:
    """The sightings → sources relation in the project's relation manager (composition: sources go with
    their sighting)."""
    manager = project.relationManager()
    relation = QgsRelation()
    relation.setId(RELATION_ID)
    relation.setName(RELATION_NAME)
    relation.setReferencedLayer(sightings.id())
    relation.setReferencingLayer(sources.id())
    relation.addFieldPair("sighting_id", "sighting_id")
    relation.setStrength(QgsRelation.Composition)
    if not relation.isValid():
        raise FormError("the relation between {} and {} is not valid ({}); are both layers in the "
                        "project?".format(sightings.name(), sources.name(), relation.validationError()
                                          if hasattr(relation, "validationError") else "invalid"))
    existing = manager.relation(RELATION_ID)
    if existing.isValid():
        manager.removeRelation(RELATION_ID)
    manager.addRelation(relation)
    return manager.relation(RELATION_ID)


def configure_form(sightings: QgsVectorLayer, sources: Optional[QgsVectorLayer] = None,
                   units: Optional[QgsMapLayer] = None, project: Optional[QgsProject] = None,
                   save_as_default: bool = False, style: bool = True) -> Optional[QgsRelation]:
    """Make QGIS's attribute form of the sightings layer the plugin's form (see the module).

    Both layers must be in `project` (QgsProject.instance() by default) for the
    relation; without `sources` the form has no relation editor. With
    `save_as_default`, the GeoPackage's default styles are (re)written too.
    Returns the relation, or None.
    """
    project = project or QgsProject.instance()
    gpkg_path = gpkg_path_of(sightings)
    folder = gpkg_path.parent if gpkg_path else None
    relation = None
    if style:
        apply_style(sightings)
    if sources is not None:
        configure_sources_layer(sources)
        relation = ensure_relation(project, sightings, sources)
    labels = {name: LABELS[name] for name in sighting_widgets()}
    config = _apply_fields(sightings, sighting_widgets(units, gpkg_path, folder), labels, SIGHTING_CONSTRAINTS,
                           SIGHTING_NOT_NULL, ("sighting_id",), SIGHTING_DEFAULTS, SIGHTING_READ_ONLY)
    _layout(sightings, config, SIGHTING_TABS, relation)
    config.setSuppress(QgsEditFormConfig.SuppressOff)  # the form always opens for a new sighting
    sightings.setEditFormConfig(config)
    _hide_column(sightings, "map_class")
    sightings.setMapTipTemplate(map_tip_template())
    sightings.setDisplayExpression(display_expression())
    apply_temporal(sightings)
    if save_as_default and gpkg_path is not None:
        save_default_styles(gpkg_path)
    return relation


# --- default styles in the GeoPackage ---------------------------------------------------------------

def save_default_styles(gpkg_path) -> None:
    """Store the form, constraints, defaults, relation, style and temporal settings as the default styles
    of both tables in the GeoPackage, so plain QGIS opening the file gets them.

    The layers are configured as plain QGIS will name them (by table name), with
    the units value relation pointing at the workspace's ``curated_units``
    table. Raises FormError when QGIS could not write a style.
    """
    gpkg_path = Path(ensure_schema(gpkg_path))
    project = QgsProject.instance()  # QGIS writes relations into styles from this project only
    manager = project.relationManager()
    was_dirty = project.isDirty()
    stashed = manager.relation(RELATION_ID)
    sightings = QgsVectorLayer(sightings_uri(gpkg_path), SIGHTINGS_TABLE, "ogr")
    sources = QgsVectorLayer(sources_uri(gpkg_path), SOURCES_TABLE, "ogr")
    if not sightings.isValid() or not sources.isValid():
        raise FormError("could not open the sightings tables of {}".format(gpkg_path))
    errors: List[str] = []
    project_signals = project.blockSignals(True)
    manager_signals = manager.blockSignals(True)
    try:
        project.addMapLayers([sightings, sources], False)
        configure_form(sightings, sources, None, project, save_as_default=False)
        sightings.setEditorWidgetSetup(sightings.fields().indexOf("unit_id"),
                                       units_value_relation(None, gpkg_path))
        for layer, name, description in (
                (sightings, STYLE_NAME, "The KPA Deployment Tracker's sightings form, constraints and style"),
                (sources, SOURCES_STYLE_NAME, "The KPA Deployment Tracker's sources form and constraints")):
            _delete_styles_named(layer, name)  # else QGIS asks whether to overwrite, in a dialog
            message = layer.saveStyleToDatabase(name, description, True, "")
            if message:
                errors.append("{}: {}".format(layer.name(), message))
    finally:
        manager.removeRelation(RELATION_ID)
        project.removeMapLayers([sightings.id(), sources.id()])
        if stashed.isValid():
            manager.addRelation(stashed)
        manager.blockSignals(manager_signals)
        project.blockSignals(project_signals)
        if not was_dirty:
            project.setDirty(False)
    if errors:
        raise FormError("default style not saved in {}: {}".format(gpkg_path.name, "; ".join(errors)))


def _delete_styles_named(layer: QgsVectorLayer, name: str) -> None:
    listed = layer.listStylesInDatabase()
    if not isinstance(listed, tuple) or len(listed) < 3:
        return
    related, ids, names = listed[0], listed[1], listed[2]
    for style_id, style_name in list(zip(ids, names))[:related]:  # this table's styles come first
        if style_name == name:
            deleted = layer.deleteStyleFromDatabase(style_id)
            ok = deleted[0] if isinstance(deleted, tuple) else deleted
            if not ok:
                raise FormError("could not replace the style {} of {}: {}".format(
                    name, layer.name(), deleted[1] if isinstance(deleted, tuple) else ""))




__all__ = ["AS_UTC", "FormError", "STYLE_QML", "UTC_NOW", "UTC_TODAY", "apply_style", "apply_temporal",
           "apply_tooltips", "configure_form", "configure_sources_layer", "ensure_relation", "save_default_styles",
           "source_tooltips", "units_value_relation"]

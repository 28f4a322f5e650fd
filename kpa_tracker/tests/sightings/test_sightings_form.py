"""The sightings form: widgets, constraints, defaults, layout, relation, style, and the GeoPackage's default style.

The default-style tests open the GeoPackage in a separate Python process that
imports QGIS only, never the plugin: what a colleague's plain QGIS sees.
"""

import datetime
import json
import os
import sqlite3
import subprocess
import sys
import textwrap

import pytest
from qgis.core import (
    QgsAttributeEditorContainer,
    QgsAttributeEditorRelation,
    QgsCategorizedSymbolRenderer,
    QgsEditFormConfig,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeature,
    QgsField,
    QgsFieldConstraints,
    QgsFields,
    QgsGeometry,
    QgsPointXY,
    QgsProject,
    QgsRelation,
    QgsValueRelationFieldFormatter,
    QgsVectorLayer,
    QgsVectorLayerTemporalProperties,
    QgsVectorLayerUtils,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QTime, Qt

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.tests.sightings.test_sightings_core import NOW, plain_client, sighting, source
from kpa_tracker.core.domain import fields as FLD
from kpa_tracker.core.domain import grading as G
from kpa_tracker.core.domain import records as R
from kpa_tracker.core.domain import times as T
from kpa_tracker.core.sightings import layers as L
from kpa_tracker.toolbelt.compat import FIELD_STRING
from kpa_tracker.core.sightings import form as F
from kpa_tracker.toolbelt.gpkg import create_table

EXPECTED_WIDGETS = {
    "sighting_id": "TextEdit", "unit_id": "ValueRelation", "unit_as_reported": "TextEdit",
    "observed_at": "DateTime", "time_precision": "ValueMap", "location_name": "TextEdit",
    "geo_precision": "ValueMap", "source_reliability": "ValueMap", "info_credibility": "ValueMap",
    "claim_status": "ValueMap", "review_status": "ValueMap", "description": "TextEdit", "analyst": "TextEdit",
    "created_at": "DateTime", "updated_at": "DateTime", "attachment": "ExternalResource",
    "attachment_sha256": "TextEdit", "map_class": "Hidden",
}
RELIABILITY_MAP = [{"A — Completely reliable": "A"}, {"B — Usually reliable": "B"}, {"C — Fairly reliable": "C"},
                   {"D — Not usually reliable": "D"}, {"E — Unreliable": "E"},
                   {"F — Reliability cannot be judged": "F"}]
CREDIBILITY_MAP = [{"1 — Confirmed by other sources": "1"}, {"2 — Probably true": "2"},
                   {"3 — Possibly true": "3"}, {"4 — Doubtful": "4"}, {"5 — Improbable": "5"},
                   {"6 — Truth cannot be judged": "6"}]


@pytest.fixture
def workspace(tmp_path):
    """A workspace with a units table and the sightings tables, both layers in the project."""
    gpkg = tmp_path / "workspace.gpkg"
    fields = QgsFields()
    for name in ("id", "name", "designation"):
        fields.append(QgsField(name, FIELD_STRING))
    rows = []
    for unit_id, name in (("kpa-94", "94th brigade"), ("ru-810", "810th Naval Infantry Brigade")):
        row = QgsFeature(fields)
        row["id"], row["name"], row["designation"] = unit_id, name, name
        row.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(35.2, 51.2)))
        rows.append(row)
    create_table(gpkg, "curated_units", fields, QgsWkbTypes.Point, rows)
    S.ensure_schema(gpkg)
    project = QgsProject.instance()
    units = QgsVectorLayer("{}|layername=curated_units".format(gpkg), "Units", "ogr")
    sightings, sources = L.open_layers(gpkg)
    project.addMapLayers([units, sightings, sources])
    yield gpkg, sightings, sources, units, project
    project.relationManager().removeRelation(L.RELATION_ID)
    project.removeAllMapLayers()


def _field_index(layer, name):
    return layer.fields().indexOf(name)


def test_widgets_labels_and_value_maps(workspace):
    _gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project)
    widgets = {f.name(): sightings.editorWidgetSetup(i).type() for i, f in enumerate(sightings.fields())
               if f.name() != "fid"}
    assert widgets == EXPECTED_WIDGETS
    config = lambda name: sightings.editorWidgetSetup(_field_index(sightings, name)).config()  # noqa: E731
    assert config("source_reliability")["map"] == RELIABILITY_MAP
    assert config("info_credibility")["map"] == CREDIBILITY_MAP
    assert config("time_precision")["map"] == [{"1 — Exact date": "1"}, {"2 — Within about a week": "2"},
                                              {"3 — Month only": "3"}]
    assert [list(e.values())[0] for e in config("claim_status")["map"]] == \
        ["confirmed", "assessed", "reported", "claimed"]
    assert config("observed_at")["calendar_popup"] is True
    assert sightings.attributeAlias(_field_index(sightings, "observed_at")) == "Observed (UTC)"
    assert sightings.editFormConfig().readOnly(_field_index(sightings, "sighting_id"))
    assert not sightings.editFormConfig().readOnly(_field_index(sightings, "description"))
    assert [f.name() for f in sources.fields() if sources.editorWidgetSetup(sources.fields().indexOf(f.name()))
            .type() == "TextEdit"] == list(FLD.SOURCE_COLUMNS)


def test_unit_value_relation_survives_a_change_of_layer_id(workspace):
    gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project)
    config = sightings.editorWidgetSetup(_field_index(sightings, "unit_id")).config()
    assert config["Layer"] == units.id()
    assert (config["LayerName"], config["LayerSource"], config["LayerProviderName"]) == \
        ("Units", units.publicSource(), "ogr")
    assert (config["Key"], config["Value"]) == ("id", "name")
    project.removeMapLayer(units.id())
    again = QgsVectorLayer("{}|layername=curated_units".format(gpkg), "Units", "ogr")
    project.addMapLayer(again)
    assert again.id() != config["Layer"]
    assert QgsValueRelationFieldFormatter.resolveLayer(config, project) is again
    # What the form shows for a stored unit id, read through QGIS's own formatter (it builds its own cache:
    # iterating a value-relation cache's items from Python crashes QGIS 3.40, a sip copy of the vector).
    formatter = QgsValueRelationFieldFormatter()
    index = _field_index(sightings, "unit_id")
    shown = {key: formatter.representValue(sightings, index, config, None, key)
             for key in ("kpa-94", "ru-810", "no-such-unit")}
    assert shown == {"kpa-94": "94th brigade", "ru-810": "810th Naval Infantry Brigade",
                     "no-such-unit": "(no-such-unit)"}


def test_attachment_widget_is_relative_to_the_workspace(workspace):
    gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project)
    config = sightings.editorWidgetSetup(_field_index(sightings, "attachment")).config()
    assert config["RelativeStorage"] == 2 and config["DefaultRoot"] == str(gpkg.parent)
    root = config["PropertyCollection"]["properties"]["propertyRootPath"]
    context = QgsExpressionContext(QgsExpressionContextUtils.globalProjectLayerScopes(sightings))
    assert QgsExpression(root["expression"]).evaluate(context) == str(gpkg.parent)


def test_constraints_are_hard_and_say_what_is_wrong(workspace):
    _gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project)
    for name, (expression, message) in F.SIGHTING_CONSTRAINTS.items():
        constraints = sightings.fields().field(name).constraints()
        assert constraints.constraintExpression() == expression
        assert constraints.constraintDescription() == message
        assert constraints.constraintStrength(QgsFieldConstraints.ConstraintExpression) == \
            QgsFieldConstraints.ConstraintStrengthHard
    sighting_id = sightings.fields().field("sighting_id").constraints()
    assert sighting_id.constraints() & QgsFieldConstraints.ConstraintUnique
    assert sighting_id.constraints() & QgsFieldConstraints.ConstraintNotNull

    sightings.startEditing()
    sources.startEditing()
    feature = QgsVectorLayerUtils.createFeature(sightings, QgsGeometry.fromPointXY(QgsPointXY(35.27, 51.19)), {},
                                                sightings.createExpressionContext())

    def check(name, value=None, layer=sightings, target=None):
        target = target or feature
        if value is not None:
            target[name] = value
        return QgsVectorLayerUtils.validateAttribute(layer, target, layer.fields().indexOf(name),
                                                    QgsFieldConstraints.ConstraintStrengthHard)

    ok, errors = check("observed_at")  # no default: empty until the analyst says when, and refused so
    assert not ok and "Observed (UTC) is required" in " ".join(errors)
    assert check("observed_at", QDateTime(QDate(2024, 12, 20), QTime(8, 0)))[0]
    future = QDateTime.currentDateTimeUtc().addSecs(3 * 3600)
    ok, errors = check("observed_at", QDateTime(future.date(), future.time()))
    assert not ok and "cannot be in the future" in errors[0]
    assert not check("source_reliability", "G")[0] and check("source_reliability", "B")[0]
    assert not check("info_credibility", 7)[0] and check("info_credibility", 2)[0]
    assert not check("time_precision", 4)[0]
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(200, 51)))
    ok, errors = check("location_name")
    assert not ok and "on Earth" in errors[0]
    for lon, lat in ((0, 0), (0.0000009, -0.0000009)):  # Null Island, and within the 2^-20° tolerance of it
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(lon, lat)))
        ok, errors = check("location_name")
        assert not ok and "Null Island" in errors[0], (lon, lat)
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(0.0000011, 0)))  # just beyond it: a place
    assert check("location_name")[0]
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(35.27, 51.19)))
    assert check("location_name")[0]
    assert not check("unit_as_reported")[0]
    assert check("unit_as_reported", "KPA infantry")[0]
    assert not check("attachment", "../../etc/passwd")[0] and check("attachment", "attachments/a.png")[0]
    ok, errors = check("sighting_id")
    assert not ok and "at least one source" in errors[0]
    source = QgsVectorLayerUtils.createFeature(sources, QgsGeometry(), {
        sources.fields().indexOf("sighting_id"): feature["sighting_id"],
        sources.fields().indexOf("url"): "javascript:alert(1)", sources.fields().indexOf("publisher"): "P"},
        sources.createExpressionContext())
    assert sources.addFeature(source)
    assert check("sighting_id")[0]  # the source in the edit buffer counts
    ok, errors = check("url", layer=sources, target=source)
    assert not ok and "http:// or https://" in errors[0]
    assert check("url", "https://example.org/a", layer=sources, target=source)[0]
    assert not check("archive_url", "file:///etc/passwd", layer=sources, target=source)[0]
    assert not check("published_at", "yesterday", layer=sources, target=source)[0]
    assert check("published_at", "2024-11-03", layer=sources, target=source)[0]
    sightings.rollBack()
    sources.rollBack()


def test_defaults(workspace):
    _gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project)
    definitions = {name: (sightings.defaultValueDefinition(_field_index(sightings, name)).expression(),
                          sightings.defaultValueDefinition(_field_index(sightings, name)).applyOnUpdate())
                   for name in ("analyst", "created_at", "updated_at", "observed_at", "sighting_id")}
    assert definitions["analyst"] == ("@user_account_name", False)
    assert definitions["created_at"] == (F.UTC_NOW, False)
    assert definitions["updated_at"] == (F.UTC_NOW, True)
    assert definitions["observed_at"] == ("", False), "observed_at stays empty until the analyst sets it"
    feature = QgsVectorLayerUtils.createFeature(sightings, QgsGeometry(), {}, sightings.createExpressionContext())
    now = datetime.datetime.now(datetime.timezone.utc)
    assert len(feature["sighting_id"]) == 36 and "{" not in feature["sighting_id"]
    assert feature["analyst"] == QgsExpressionContextUtils.globalScope().variable("user_account_name")
    assert feature["observed_at"] is None or feature["observed_at"].isNull(), "not today 00:00: empty"
    created = T.parse_utc(feature["created_at"])
    assert abs((created - now).total_seconds()) < 60
    assert (feature["source_reliability"], feature["info_credibility"]) == ("F", 6)
    assert feature["review_status"] == "unreviewed"


def test_layout_reads_top_to_bottom_with_the_sources_relation(workspace):
    _gpkg, sightings, sources, units, project = workspace
    relation = F.configure_form(sightings, sources, units, project)
    assert relation.isValid() and relation.strength() == QgsRelation.Composition
    assert project.relationManager().relation(L.RELATION_ID).referencingLayer() is sources
    assert project.relationManager().relation(L.RELATION_ID).referencedLayer() is sightings
    config = sightings.editFormConfig()
    assert config.layout() == QgsEditFormConfig.TabLayout
    tabs = config.invisibleRootContainer().children()
    # Tabs (each page scrolls, so the form fits a laptop screen) holding group boxes and the sources' editor.
    assert [t.name() for t in tabs] == [title for title, _groups in F.SIGHTING_TABS]
    assert not any(t.isGroupBox() for t in tabs)
    groups = [c for t in tabs for c in t.children() if isinstance(c, QgsAttributeEditorContainer)]
    assert groups and all(g.isGroupBox() for g in groups)
    placed = [child.name() for g in groups for child in g.children()]
    assert set(placed) >= set(EXPECTED_WIDGETS) - {"map_class"}
    relation_elements = [c for t in tabs for c in t.children() if isinstance(c, QgsAttributeEditorRelation)]
    assert [e.relation().id() for e in relation_elements] == [L.RELATION_ID]
    assert [t.name() for t in tabs if relation_elements[0] in t.children()] == ["Sources"]


def test_style_by_grade_and_status_and_temporal_properties(workspace):
    _gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project)
    renderer = sightings.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "map_class"
    values = {c.value() for c in renderer.categories()}
    every_class = {G.map_class(status, review, grade, credibility)
                   for status, _l in G.CLAIM_STATUS for review, _r in G.REVIEW_STATUS
                   for grade, _g in G.SOURCE_RELIABILITY for credibility, _c in G.INFO_CREDIBILITY}
    assert values == every_class  # every sighting gets a symbol, none is left unstyled
    assert sightings.fields().field("source_reliability").constraints().constraintExpression()  # kept
    temporal = sightings.temporalProperties()
    assert temporal.isActive()
    assert temporal.mode() == QgsVectorLayerTemporalProperties.ModeFeatureDateTimeStartAndEndFromExpressions
    assert temporal.startExpression() == '"observed_at"'
    assert "map_class" in [c.name for c in sightings.attributeTableConfig().columns() if c.hidden]


def test_map_class_trigger_matches_python(tmp_path):
    gpkg = tmp_path / "w.gpkg"
    S.add_sighting(gpkg, sighting(), [source()], now=NOW)
    # A plain client (no GDAL, no plugin): only the file's own triggers keep map_class right.
    connection = plain_client(gpkg)
    checked = 0
    for status, _l in G.CLAIM_STATUS:
        for review in ("unreviewed", "rejected"):
            for grade in "ABCDEF":
                for credibility in range(1, 7):
                    connection.execute('UPDATE sightings SET claim_status = ?, review_status = ?, '
                                       'source_reliability = ?, info_credibility = ?',
                                       (status, review, grade, credibility))
                    derived = connection.execute("SELECT map_class FROM sightings").fetchone()[0]
                    assert derived == G.map_class(status, review, grade, credibility)
                    checked += 1
    connection.close()
    assert checked == len(G.CLAIM_STATUS) * 2 * 6 * 6


def test_saving_default_styles_leaves_the_project_as_it_was(workspace):
    gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project)
    layers_before = set(project.mapLayers())
    project.setDirty(False)
    F.save_default_styles(gpkg)
    assert set(project.mapLayers()) == layers_before
    relation = project.relationManager().relation(L.RELATION_ID)
    assert relation.isValid() and relation.referencingLayer() is sources  # the project's own relation is back
    assert not project.isDirty()
    connection = sqlite3.connect(str(gpkg))
    styles = connection.execute("SELECT f_table_name, styleName, useAsDefault FROM layer_styles "
                                "ORDER BY f_table_name").fetchall()
    assert styles == [("sighting_sources", F.SOURCES_STYLE_NAME, 1), ("sightings", F.STYLE_NAME, 1)]
    qml = connection.execute("SELECT styleQML FROM layer_styles WHERE f_table_name = 'sighting_sources'").fetchone()[0]
    connection.close()
    # the relation travels in the sources table's style, by table names, for plain QGIS to rebuild
    assert '<relation ' in qml and 'id="sightings_sources"' in qml and 'layerName="sightings"' in qml
    F.save_default_styles(gpkg)  # again: replaced, not duplicated
    assert sqlite3.connect(str(gpkg)).execute("SELECT count(*) FROM layer_styles").fetchone()[0] == 2


PLAIN_QGIS = textwrap.dedent("""
    # Plain QGIS: no plugin code is importable here.
    import json, sys
    from qgis.core import (QgsApplication, QgsFieldConstraints, QgsVectorLayer, QgsVectorLayerUtils, QgsGeometry,
                           QgsPointXY, QgsProject)
    from qgis.PyQt.QtCore import QDateTime
    app = QgsApplication([], False)
    app.initQgis()
    try:
        import kpa_tracker  # noqa: F401
        sys.exit("the plugin must not be importable")
    except ImportError:
        pass
    path = sys.argv[1]
    layer = QgsVectorLayer(path + "|layername=sightings", "sightings", "ogr")
    sources = QgsVectorLayer(path + "|layername=sighting_sources", "sighting_sources", "ogr")
    QgsProject.instance().addMapLayers([layer, sources])
    out = {"widgets": {}, "constraints": {}, "defaults": {}, "aliases": {}}
    for index, field in enumerate(layer.fields()):
        setup = layer.editorWidgetSetup(index)
        out["widgets"][field.name()] = [setup.type(), setup.config()]
        constraints = field.constraints()
        out["constraints"][field.name()] = [
            int(constraints.constraints()), constraints.constraintExpression(), constraints.constraintDescription(),
            int(constraints.constraintStrength(QgsFieldConstraints.ConstraintExpression))]
        default = layer.defaultValueDefinition(index)
        out["defaults"][field.name()] = [default.expression(), default.applyOnUpdate()]
        out["aliases"][field.name()] = layer.attributeAlias(index)
    out["source_constraints"] = {f.name(): f.constraints().constraintExpression() for f in sources.fields()}
    root = layer.editFormConfig().invisibleRootContainer()
    out["groups"] = [[t.name(), [[c.name(), [e.name() for e in getattr(c, "children", list)()]]
                                 for c in t.children()]] for t in root.children()]
    out["renderer"] = [layer.renderer().type(), layer.renderer().classAttribute(),
                       len(layer.renderer().categories())]
    temporal = layer.temporalProperties()
    out["temporal"] = [temporal.isActive(), int(temporal.mode()), temporal.startExpression()]
    out["maptip"] = layer.mapTipTemplate()
    layer.startEditing()
    feature = QgsVectorLayerUtils.createFeature(layer, QgsGeometry.fromPointXY(QgsPointXY(35.27, 51.19)), {},
                                                layer.createExpressionContext())
    out["new"] = {name: feature[name].toString("yyyy-MM-ddTHH:mm:ss") if hasattr(feature[name], "toString")
                  else feature[name] for name in ("observed_at", "created_at", "analyst", "source_reliability")}
    def valid(name):
        return QgsVectorLayerUtils.validateAttribute(layer, feature, layer.fields().indexOf(name),
                                                     QgsFieldConstraints.ConstraintStrengthHard)[0]
    out["default_observed_valid"] = valid("observed_at")
    utc = QDateTime.currentDateTimeUtc()
    for label, seconds in (("utc_minus_1h", -3600), ("utc_plus_1h", 3600)):
        moment = utc.addSecs(seconds)
        feature["observed_at"] = QDateTime(moment.date(), moment.time())  # wall clock = UTC, as the form holds it
        out[label] = valid("observed_at")
    print(json.dumps(out))
""")


@pytest.mark.parametrize("zone", ["Asia/Seoul", "America/Los_Angeles"])
def test_plain_qgis_gets_the_same_form_from_the_default_style(workspace, tmp_path, zone):
    gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project, save_as_default=True)
    script = tmp_path / "plain_qgis.py"
    script.write_text(PLAIN_QGIS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    env.update(QT_QPA_PLATFORM="offscreen", TZ=zone)
    done = subprocess.run([sys.executable, "-I", str(script), str(gpkg)], env=env, capture_output=True, text=True,
                          timeout=180, cwd=str(tmp_path))
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert {name: value[0] for name, value in seen["widgets"].items() if name != "fid"} == EXPECTED_WIDGETS
    assert seen["widgets"]["source_reliability"][1]["map"] == RELIABILITY_MAP
    assert seen["widgets"]["info_credibility"][1]["map"] == CREDIBILITY_MAP
    relation = seen["widgets"]["unit_id"][1]
    assert (relation["LayerName"], relation["LayerSource"], relation["LayerProviderName"]) == (
        "curated_units", "{}|layername=curated_units".format(gpkg), "ogr")
    for name, (expression, message) in F.SIGHTING_CONSTRAINTS.items():
        flags, stored_expression, stored_message, strength = seen["constraints"][name]
        assert (stored_expression, stored_message, strength) == (
            expression, message, int(QgsFieldConstraints.ConstraintStrengthHard)), name
    assert seen["constraints"]["sighting_id"][0] & 6 == 6  # not null and unique
    assert seen["source_constraints"]["url"] == F.SOURCE_CONSTRAINTS["url"][0]
    assert seen["defaults"]["analyst"] == ["@user_account_name", False]
    assert seen["defaults"]["updated_at"] == [F.UTC_NOW, True]
    assert seen["aliases"]["source_reliability"] == "Source reliability"
    assert [t[0] for t in seen["groups"]] == [title for title, _groups in F.SIGHTING_TABS]
    # The relation editor keeps the relation's id; QGIS desktop rebuilds the relation itself from the
    # sources table's style when both tables are loaded.
    assert dict(seen["groups"])["Sources"] == [[L.RELATION_ID, []]]
    assert seen["renderer"] == ["categorizedSymbol", "map_class", 13]
    # QGIS 3.22 keeps the temporal expressions of a default style, but resets mode and "active" from
    # the provider's capabilities after loading it; the plugin sets them itself (apply_temporal).
    assert seen["temporal"][2] == '"observed_at"'
    assert "replace(" in seen["maptip"]
    # Defaults in the machine's own time zone still come out in UTC, and pass the constraint.
    now = datetime.datetime.now(datetime.timezone.utc)
    assert seen["new"]["observed_at"] is None, "observed_at stays empty until the analyst says when"
    created = datetime.datetime.strptime(seen["new"]["created_at"], "%Y-%m-%dT%H:%M:%S").replace(
        tzinfo=datetime.timezone.utc)
    assert abs((created - now).total_seconds()) < 120
    assert seen["new"]["source_reliability"] == "F"
    assert seen["default_observed_valid"] is False, "saving with no observed time is refused"
    assert seen["utc_minus_1h"] is True and seen["utc_plus_1h"] is False


def _layer_tools():
    """QGIS desktop's layer tools, as far as the relation editor needs them (a real QgsVectorLayerTools)."""
    from qgis.core import QgsVectorLayerTools

    class Tools(QgsVectorLayerTools):
        def addFeature(self, layer, defaultValues=None, defaultGeometry=None, feature=None):  # noqa: N802
            new = QgsVectorLayerUtils.createFeature(layer, defaultGeometry or QgsGeometry(), defaultValues or {},
                                                    layer.createExpressionContext())
            return layer.addFeature(new), new

        def startEditing(self, layer):  # noqa: N802
            return layer.startEditing()

        def stopEditing(self, layer, allowCancel=True):  # noqa: N802
            return layer.commitChanges()

        def saveEdits(self, layer):  # noqa: N802
            return layer.commitChanges()

        def copyMoveFeatures(self, *args):  # noqa: N802
            return False

    return Tools()


def test_the_form_opens_for_a_new_sighting_with_its_sources_editor(workspace):
    from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm, QgsGui, QgsRelationEditorWidget
    from qgis.PyQt.QtWidgets import QToolButton
    _gpkg, sightings, sources, units, project = workspace
    QgsGui.editorWidgetRegistry().initEditors()
    F.configure_form(sightings, sources, units, project)
    sightings.startEditing()
    sources.startEditing()
    feature = QgsVectorLayerUtils.createFeature(sightings, QgsGeometry.fromPointXY(QgsPointXY(35.27, 51.19)), {},
                                                sightings.createExpressionContext())
    context = QgsAttributeEditorContext()
    tools = _layer_tools()
    context.setVectorLayerTools(tools)
    form = QgsAttributeForm(sightings, feature, context)
    form.setMode(QgsAttributeEditorContext.AddFeatureMode)
    editors = form.findChildren(QgsRelationEditorWidget)
    assert len(editors) == 1
    add = [b for b in editors[0].findChildren(QToolButton) if b.objectName() == "mAddFeatureButton"]
    assert add and add[0].isEnabled()
    form.deleteLater()
    sightings.rollBack()
    sources.rollBack()


def test_commit_new_sightings_is_the_forms_one_transaction(workspace):
    gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project)
    sightings.startEditing()
    sources.startEditing()
    feature = QgsVectorLayerUtils.createFeature(sightings, QgsGeometry.fromPointXY(QgsPointXY(35.27, 51.19)), {
        _field_index(sightings, "unit_id"): "kpa-94", _field_index(sightings, "source_reliability"): "B",
        _field_index(sightings, "info_credibility"): 2,
        _field_index(sightings, "observed_at"): QDateTime(QDate(2024, 12, 20), QTime(8, 0), Qt.TimeSpec.UTC)},
        sightings.createExpressionContext())
    assert sightings.addFeature(feature)
    with pytest.raises(R.SightingValidationError) as caught:
        L.commit_new_sightings(sightings, sources, known_units={"kpa-94"})
    assert "at least one source" in str(caught.value)
    assert sightings.isEditable() and S.count_sightings(gpkg) == (0, 0)  # the form stays open, nothing written
    source = QgsVectorLayerUtils.createFeature(sources, QgsGeometry(), {
        sources.fields().indexOf("sighting_id"): feature["sighting_id"],
        sources.fields().indexOf("url"): "https://example.org/x", sources.fields().indexOf("publisher"): "P"},
        sources.createExpressionContext())
    assert sources.addFeature(source)
    records = L.commit_new_sightings(sightings, sources, known_units={"kpa-94"})
    assert [r.unit_id for r in records] == ["kpa-94"] and len(records[0].sources) == 1
    assert not sightings.isEditable() and not sources.isEditable()
    assert S.count_sightings(gpkg) == (1, 1)
    assert sightings.featureCount() == 1 and sources.featureCount() == 1
    assert next(sightings.getFeatures())["sighting_id"] == feature["sighting_id"]


DESKTOP_SCRIPT = textwrap.dedent("""
    # Run inside plain QGIS desktop (no plugin installed): add the two tables as an analyst would.
    import json, os, traceback
    import qgis.utils
    from qgis.core import QgsAttributeEditorRelation, QgsProject, QgsVectorLayerUtils, QgsGeometry, QgsPointXY
    from qgis.gui import QgsAttributeEditorContext, QgsRelationEditorWidget
    from qgis.PyQt.QtCore import QTimer
    from qgis.PyQt.QtWidgets import QApplication, QToolButton

    def check():
        result = {}
        try:
            iface = qgis.utils.iface
            path = os.environ["KPA_SIGHTINGS_GPKG"]
            sightings = iface.addVectorLayer(path + "|layername=sightings", "sightings", "ogr")
            sources = iface.addVectorLayer(path + "|layername=sighting_sources", "sighting_sources", "ogr")
            relation = QgsProject.instance().relationManager().relation("sightings_sources")
            result["relation_valid"] = relation.isValid()
            result["relation_layers"] = [relation.referencedLayerId() == sightings.id(),
                                         relation.referencingLayerId() == sources.id()]
            def element_valid():
                return [c.relation().isValid() for g in sightings.editFormConfig().tabs() for c in g.children()
                        if isinstance(c, QgsAttributeEditorRelation)]
            # QGIS 3.22 rebuilds the relation when the second table is added, but the sightings form
            # resolves its relation editor only when its style is read again: the analyst's "Restore
            # Default" style (or saving and reopening the project).
            result["editor_resolved_at_once"] = element_valid()
            sightings.loadDefaultStyle()
            result["editor_resolved_after_restore"] = element_valid()
            sightings.startEditing()
            sources.startEditing()
            feature = QgsVectorLayerUtils.createFeature(sightings, QgsGeometry.fromPointXY(QgsPointXY(35.27, 51.19)),
                                                        {}, sightings.createExpressionContext())
            dialog = iface.getFeatureForm(sightings, feature)
            dialog.setMode(QgsAttributeEditorContext.AddFeatureMode)  # as when a point is digitized
            dialog.resize(700, 1000)
            dialog.show()
            QApplication.processEvents()
            editors = dialog.findChildren(QgsRelationEditorWidget)
            result["relation_editors"] = len(editors)
            result["add_source_enabled"] = [b.isEnabled() for e in editors for b in e.findChildren(QToolButton)
                                            if b.objectName() == "mAddFeatureButton"]
            result["title"] = dialog.windowTitle()
            dialog.grab().save(os.environ["KPA_SCREENSHOT"])
            dialog.reject()
            sightings.rollBack()
            sources.rollBack()
        except Exception:
            result["exception"] = traceback.format_exc()
        with open(os.environ["KPA_RESULT_FILE"], "w", encoding="utf-8") as out:
            json.dump(result, out)
        QApplication.instance().exit(0)

    QTimer.singleShot(1500, check)
""")


def test_plain_qgis_desktop_rebuilds_the_sources_relation_from_the_styles(workspace, tmp_path):
    from devtools import qgis_desktop
    gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project, save_as_default=True)
    profiles = tmp_path / "profiles"
    qgis_desktop.set_plugin_enabled(profiles, False)  # a colleague's QGIS: the plugin is not there
    script = tmp_path / "desktop_check.py"
    script.write_text(DESKTOP_SCRIPT, encoding="utf-8")
    screenshot = tmp_path / "form.png"
    outcome = qgis_desktop.run_qgis(profiles, script, tmp_path / "result.json", timeout=240,
                                    extra_env={"KPA_SIGHTINGS_GPKG": str(gpkg), "KPA_SCREENSHOT": str(screenshot)})
    result = outcome["result"]
    assert result, "QGIS wrote no result:\n" + outcome["output"][-4000:]
    assert "exception" not in result, result.get("exception")
    assert result["relation_valid"] and result["relation_layers"] == [True, True]
    assert result["relation_editors"] == 1
    assert result["editor_resolved_after_restore"] == [True]
    assert result["add_source_enabled"] == [True]  # sources can be added in the form of a new sighting
    assert screenshot.exists() and screenshot.stat().st_size > 10000


def _shown_in(layer, start, end):
    """What the Temporal Controller would draw for the frame [start, end): the layer's own filter."""
    from qgis.core import QgsDateTimeRange, QgsFeatureRequest, QgsVectorLayerTemporalContext
    from qgis.PyQt.QtCore import Qt

    def utc(value):
        return QDateTime(value.date(), value.time(), Qt.TimeSpec.UTC)

    frame = QgsDateTimeRange(utc(start), utc(end), True, False)
    context = QgsVectorLayerTemporalContext()
    context.setLayer(layer)
    expression = layer.temporalProperties().createFilterString(context, frame)
    return sorted(f["description"] for f in layer.getFeatures(QgsFeatureRequest().setFilterExpression(expression)))


def test_the_temporal_controller_shows_each_sighting_for_as_long_as_its_time_precision(workspace):
    gpkg, sightings, sources, units, project = workspace
    from kpa_tracker.tests.sightings.test_sightings_core import sighting, source

    now = datetime.datetime(2025, 3, 1, tzinfo=datetime.timezone.utc)
    for label, observed, precision in (("day", "2024-12-10T08:00:00Z", 1), ("week", "2024-12-10T08:00:00Z", 2),
                                       ("month", "2024-12-01T00:00:00Z", 3), ("later", "2025-01-20T00:00:00Z", 1)):
        S.add_sighting(gpkg, sighting(description=label, observed_at=observed, time_precision=precision),
                       [source()], now=now)
    sightings.reload()
    F.configure_form(sightings, sources, units, project)
    day = datetime.datetime
    assert _shown_in(sightings, day(2024, 12, 10, 12), day(2024, 12, 10, 13)) == ["day", "month", "week"]
    assert _shown_in(sightings, day(2024, 12, 14), day(2024, 12, 15)) == ["month", "week"], "a week lasts 7 days"
    assert _shown_in(sightings, day(2024, 12, 31, 20), day(2024, 12, 31, 21)) == ["month"], "to the month's end"
    assert _shown_in(sightings, day(2025, 1, 1, 1), day(2025, 1, 1, 2)) == [], "and not beyond"
    assert _shown_in(sightings, day(2025, 1, 5), day(2025, 1, 6)) == []
    assert _shown_in(sightings, day(2024, 9, 1), day(2025, 6, 1)) == ["day", "later", "month", "week"]


def test_the_sources_table_shows_what_a_reader_needs_not_the_keys(workspace):
    _gpkg, sightings, sources, units, project = workspace
    F.configure_form(sightings, sources, units, project)
    hidden = {c.name for c in sources.attributeTableConfig().columns() if c.hidden}
    shown = [c.name for c in sources.attributeTableConfig().columns() if not c.hidden and c.name]
    assert {"fid", "source_id", "sighting_id"} <= hidden
    assert shown[:3] == ["url", "publisher", "published_at"]

"""Sources that cite a dataset record (dataset + record_id, no URL) and the original post a source reports
(original_url): one rule in the validator, the GeoPackage's triggers, the form, the details, the files;
and a sightings.gpkg from the release before them gains the columns without losing anything.

The fixture data/sources_schema1_sightings.gpkg was written by the plugin's code as of commit c797010
(the last one before these fields): `python -m kpa_tracker.tests.sightings.test_dataset_sources OUT`
rebuilds it from that commit with `git archive`.
"""

import shutil
import sqlite3
import sys
from pathlib import Path

import pytest

from kpa_tracker.core.domain import fields as FLD
from kpa_tracker.core.domain import validation as V
from kpa_tracker.core.domain.records import SourceRecord, StorageError
from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.tests.sightings.test_sightings_core import NOW, messages, plain_client, sighting, source

DATA = Path(__file__).resolve().parent / "data"
SCHEMA1 = DATA / "sources_schema1_sightings.gpkg"
SCHEMA1_COMMIT = "c797010"
ACLED = {"dataset": "ACLED", "record_id": "UKR12345", "publisher": "Ukrainska Pravda; Yonhap"}


def dataset_source(**overrides):
    values = dict(ACLED, published_at="2024-12-11")
    values.update(overrides)
    return values


# --- the rule, in Python ---------------------------------------------------------------------------

def test_a_dataset_record_is_a_source_without_a_url():
    record, problems = V.clean_sighting(sighting(), [dataset_source()], now=NOW)
    assert problems == []
    [cited] = record.sources
    assert (cited.url, cited.dataset, cited.record_id) == (None, "ACLED", "UKR12345")
    assert cited.is_dataset_record


def test_a_source_needs_a_url_or_a_dataset_and_record_id():
    [text] = messages(sighting(), [{"publisher": "Someone"}])
    assert text.startswith("Source 1 URL (url): required: the web address of the source, or the dataset and "
                           "the id of the record")
    only_dataset = messages(sighting(), [dataset_source(record_id=None)])
    assert any("Record id in the dataset (record_id): required with a dataset" in m for m in only_dataset)
    assert any("(url): required" in m for m in only_dataset)
    only_record = messages(sighting(), [dataset_source(dataset="  ")])
    assert any("Dataset (dataset): required with a record id" in m and "UKR12345" in m for m in only_record)
    # a URL and a dataset record together are fine; the record's id needs its dataset even then
    assert messages(sighting(), [source(dataset="ACLED", record_id="UKR1")]) == []
    assert any("(dataset)" in m for m in messages(sighting(), [source(record_id="UKR1")]))


def test_the_original_post_is_a_web_address():
    record, problems = V.clean_sighting(sighting(), [source(original_url="https://t.me/channel/123")], now=NOW)
    assert problems == [] and record.sources[0].original_url == "https://t.me/channel/123"
    [text] = messages(sighting(), [source(original_url="javascript:alert(1)")])
    assert text.startswith("Source 1 Original post URL (original_url): 'javascript:alert(1)' is a javascript:")
    assert messages(sighting(), [source(original_url="t.me/channel/123")])[0].startswith(
        "Source 1 Original post URL (original_url): 't.me/channel/123' is not a web address")


def test_source_records_keep_their_positional_form():
    old_style = SourceRecord("id", "https://example.org", "Pub", "2024-12-01", None, "notes")
    assert (old_style.dataset, old_style.record_id, old_style.original_url) == (None, None, None)
    assert list(old_style.as_dict()) == ["source_id", "url", "publisher", "published_at", "archive_url", "notes",
                                         "dataset", "record_id", "original_url"]
    assert FLD.SOURCE_COLUMNS[-3:] == FLD.SOURCE_FIELDS_ADDED


# --- the GeoPackage ----------------------------------------------------------------------------------

def test_the_geopackage_stores_and_reads_the_new_fields(tmp_path):
    gpkg = tmp_path / "sightings.gpkg"
    S.add_sighting(gpkg, sighting(), [dataset_source(), source(original_url="https://t.me/c/9")], now=NOW)
    [stored] = S.read_sightings(gpkg)
    by_kind = {s.dataset or "web": s for s in stored.sources}
    assert by_kind["ACLED"].url is None and by_kind["ACLED"].record_id == "UKR12345"
    assert by_kind["web"].original_url == "https://t.me/c/9" and by_kind["web"].dataset is None


@pytest.mark.parametrize("values, field", [
    ({"url": None, "dataset": None, "record_id": None}, "(url)"),
    ({"url": "", "dataset": "ACLED", "record_id": None}, "(record_id)"),
    ({"url": "https://example.org/x", "dataset": None, "record_id": "UKR1"}, "(dataset)"),
    ({"url": "https://example.org/x", "original_url": "file:///etc/passwd"}, "(original_url)"),
    ({"url": "javascript:alert(1)", "dataset": "ACLED", "record_id": "UKR1"}, "(url)"),
])
def test_the_file_refuses_what_the_validator_refuses_from_any_writer(tmp_path, values, field):
    gpkg = tmp_path / "sightings.gpkg"
    record = S.add_sighting(gpkg, sighting(), [source()], now=NOW)
    row = {"source_id": "0f0e0d0c-0000-4000-8000-000000000001", "sighting_id": record.sighting_id,
           "publisher": "Plain sqlite3", "url": None, "dataset": None, "record_id": None, "original_url": None}
    row.update(values)
    connection = plain_client(gpkg)
    try:
        with pytest.raises(sqlite3.DatabaseError) as refused:
            connection.execute('INSERT INTO sighting_sources ({}) VALUES ({})'.format(
                ", ".join('"{}"'.format(k) for k in row), ", ".join("?" for _ in row)), list(row.values()))
        assert field in str(refused.value)
        # the same values are accepted once they follow the rule
        connection.execute('INSERT INTO sighting_sources ("source_id", "sighting_id", "publisher", "dataset", '
                           '"record_id") VALUES (?, ?, ?, ?, ?)', (row["source_id"], record.sighting_id,
                                                                   "ACLED", "ACLED", "UKR1"))
    finally:
        connection.close()
    assert S.count_sightings(gpkg) == (1, 2)


def _columns(gpkg, table):
    connection = sqlite3.connect(str(gpkg))
    try:
        return [row[1] for row in connection.execute('PRAGMA table_info("{}")'.format(table))]
    finally:
        connection.close()


def _all_rows(gpkg, table, columns):
    connection = sqlite3.connect(str(gpkg))
    try:
        return sorted(connection.execute('SELECT {} FROM "{}"'.format(
            ", ".join('"{}"'.format(c) for c in columns), table)).fetchall())
    finally:
        connection.close()


def test_a_sightings_file_of_the_earlier_release_gains_the_columns_and_keeps_every_row(tmp_path):
    gpkg = tmp_path / "sightings.gpkg"
    shutil.copyfile(str(SCHEMA1), str(gpkg))
    old_columns = _columns(gpkg, FLD.SOURCES_TABLE)
    assert "dataset" not in old_columns  # the fixture is of the old schema
    before = {table: _all_rows(gpkg, table, _columns(gpkg, table)) for table in (FLD.SIGHTINGS_TABLE,
                                                                                 FLD.SOURCES_TABLE)}
    old_records = S.read_sightings(gpkg)  # an old file reads before it is upgraded
    assert [len(r.sources) for r in old_records] == [2, 1]
    assert all(s.dataset is None and s.original_url is None for r in old_records for s in r.sources)

    S.ensure_schema(gpkg)
    assert _columns(gpkg, FLD.SOURCES_TABLE) == old_columns + list(FLD.SOURCE_FIELDS_ADDED)
    for table, rows in before.items():
        columns = [c for c in _columns(gpkg, table) if c not in FLD.SOURCE_FIELDS_ADDED]
        assert _all_rows(gpkg, table, columns) == rows  # every old value, byte for byte
    assert [r.__dict__ for r in S.read_sightings(gpkg)] == [r.__dict__ for r in old_records]
    # today's rules are in force on the upgraded file, and it takes dataset sources
    connection = plain_client(gpkg)
    try:
        with pytest.raises(sqlite3.DatabaseError, match=r"\(record_id\)"):
            connection.execute('INSERT INTO sighting_sources ("source_id", "sighting_id", "publisher", "dataset") '
                               "VALUES ('a', ?, 'x', 'ACLED')", (old_records[0].sighting_id,))
    finally:
        connection.close()
    S.add_sighting(gpkg, sighting(), [dataset_source()], now=NOW)
    assert S.count_sightings(gpkg) == (3, 4)
    assert [s.record_id for r in S.read_sightings(gpkg) for s in r.sources if s.dataset] == ["UKR12345"]


def test_a_failed_upgrade_leaves_the_old_file_as_it_was(tmp_path, monkeypatch):
    gpkg = tmp_path / "sightings.gpkg"
    shutil.copyfile(str(SCHEMA1), str(gpkg))
    original_columns = _columns(gpkg, FLD.SOURCES_TABLE)
    triggers_before = _all_rows(gpkg, "sqlite_master", ["name", "sql"])

    def broken(ds):
        raise StorageError("a rule could not be created")

    monkeypatch.setattr(S, "apply_rules", broken)  # fails after the columns were added
    with pytest.raises(StorageError, match="nothing was written"):
        S.ensure_schema(gpkg)
    assert _columns(gpkg, FLD.SOURCES_TABLE) == original_columns
    assert _all_rows(gpkg, "sqlite_master", ["name", "sql"]) == triggers_before
    monkeypatch.undo()
    S.ensure_schema(gpkg)
    assert _columns(gpkg, FLD.SOURCES_TABLE)[-3:] == list(FLD.SOURCE_FIELDS_ADDED)


# --- the form -------------------------------------------------------------------------------------------

def test_the_source_form_edits_labels_and_explains_the_three_fields(qgis_new_project, tmp_path):
    from qgis.core import QgsFeature, QgsProject, QgsVectorLayer, QgsVectorLayerUtils
    from qgis.gui import QgsAttributeEditorContext, QgsAttributeForm, QgsGui
    from qgis.PyQt.QtWidgets import QWidget

    from kpa_tracker.core.sightings import form as F
    from kpa_tracker.core.sightings import layers as L

    gpkg = tmp_path / "sightings.gpkg"
    sightings, sources = L.open_layers(gpkg)
    QgsProject.instance().addMapLayers([sightings, sources])
    F.configure_form(sightings, sources, None, QgsProject.instance())
    QgsGui.editorWidgetRegistry().initEditors()
    index = sources.fields().indexOf
    for name in FLD.SOURCE_FIELDS_ADDED:
        assert sources.editorWidgetSetup(index(name)).type() == "TextEdit"
        assert not sources.editFormConfig().readOnly(index(name))
    assert sources.attributeAlias(index("dataset")) == "Dataset"
    assert sources.attributeAlias(index("record_id")) == "Record id in the dataset"
    assert sources.attributeAlias(index("original_url")) == "Original post URL"
    in_form = [field.name() for tab in sources.editFormConfig().tabs() for group in [tab] + list(tab.children())
               for field in (group.children() if hasattr(group, "children") else [group])]
    assert set(FLD.SOURCE_FIELDS_ADDED) <= set(in_form)

    sources.startEditing()
    feature = QgsVectorLayerUtils.createFeature(sources, context=sources.createExpressionContext())
    form = QgsAttributeForm(sources, feature, QgsAttributeEditorContext())
    try:
        assert F.apply_tooltips(form) >= 3
        tips = {w.objectName(): w.toolTip() for w in form.findChildren(QWidget)
                if w.objectName() in FLD.SOURCE_FIELDS_ADDED}
        assert "ACLED" in tips["dataset"] and "dataset" in tips["record_id"]
        assert "one origin" in tips["original_url"]
    finally:
        form.deleteLater()
        sources.rollBack()

    def valid(values):
        candidate = QgsFeature(sources.fields())
        for name, value in dict({"source_id": "x", "sighting_id": "y", "publisher": "P"}, **values).items():
            candidate[name] = value
        return all(QgsVectorLayerUtils.validateAttribute(sources, candidate, index(name))[0]
                   for name in ("url", "dataset", "record_id", "original_url"))

    assert valid({"dataset": "ACLED", "record_id": "UKR1"})
    assert not valid({"dataset": "ACLED"})
    assert not valid({})
    assert valid({"url": "https://example.org/a", "original_url": "https://t.me/c/1"})
    assert not valid({"url": "https://example.org/a", "original_url": "javascript:alert(1)"})


# --- what people read: details, lists, briefings ------------------------------------------------------------

def test_the_details_cite_a_dataset_record_without_a_link_and_link_the_original_post():
    from kpa_tracker.core.sightings.html import sighting_html, sources_html

    record, problems = V.clean_sighting(sighting(), [
        dataset_source(publisher="<b>Ukrainska Pravda</b>; Yonhap"),
        source(url="https://example.org/quote", original_url="https://t.me/channel/42?a=1&b=2")], now=NOW)
    assert problems == []
    text = sighting_html(record)
    first, second = text.split("<li>")[1:3]
    assert first.startswith("ACLED record UKR12345 — &lt;b&gt;Ukrainska Pravda&lt;/b&gt;; Yonhap, 2024-12-11")
    assert "<a " not in first and "None" not in first  # no URL: no link, and none invented
    assert '(original post: <a href="https://t.me/channel/42?a=1&amp;b=2">' in second
    hostile = sources_html([{"publisher": "p", "url": "https://example.org/x",
                             "original_url": "javascript:alert(1)"}])
    assert hostile.count("<a ") == 1 and "original post: javascript:alert(1)" in hostile
    assert sources_html([{"dataset": "ACLED", "record_id": "<script>1</script>", "publisher": ""}]) == \
        "<ol><li>ACLED record &lt;script&gt;1&lt;/script&gt;</li></ol>"


def test_a_briefing_numbers_a_dataset_record_once_and_prints_it_without_a_url(qgis_new_project, tmp_path):
    from qgis.core import QgsProject, QgsRectangle

    from kpa_tracker.core.briefing import sources as B
    from kpa_tracker.core.sightings import form as F
    from kpa_tracker.core.sightings import layers as L

    gpkg = tmp_path / "sightings.gpkg"
    S.add_sightings(gpkg, [(sighting(), [dataset_source()]),
                           (sighting(lon=35.3, observed_at="2024-12-09T08:00:00Z"), [dataset_source()]),
                           (sighting(lon=35.4), [source(url="https://example.org/own")])], now=NOW)
    sightings, sources = L.open_layers(gpkg)
    project = QgsProject.instance()
    project.addMapLayers([sightings, sources])
    F.configure_form(sightings, sources, None, project)
    sightings.setCustomProperty(B.SIGHTINGS_PROPERTY, "sightings")
    cited = B.collect([sightings], QgsRectangle(34, 50, 37, 52), project)
    dataset_lines = [line for line in cited.lines if line.startswith("ACLED record UKR12345 — ")]
    assert len(dataset_lines) == 1, cited.lines  # one record, cited by two sightings: one number
    assert "Ukrainska Pravda; Yonhap (2024-12-11;" in dataset_lines[0]
    assert cited.urls[cited.lines.index(dataset_lines[0])] == ""
    assert "https://example.org/own" in cited.urls
    record_number = cited.lines.index(dataset_lines[0]) + 1
    own_number = cited.urls.index("https://example.org/own") + 1
    assert sorted(n for _point, numbers in cited.marks for n in numbers) == sorted(
        [record_number, record_number, own_number])


# --- rebuilding the fixture ------------------------------------------------------------------------------

_MAKE_SCHEMA1 = '''
import datetime, sys
from pathlib import Path
from qgis.core import QgsApplication
app = QgsApplication([], False)
app.initQgis()
from kpa_tracker.core.sightings import gpkg_store as S
out = Path(sys.argv[1])
now = datetime.datetime(2026, 11, 1, tzinfo=datetime.timezone.utc)
base = dict(unit_as_reported="KPA 94th brigade", time_precision=1, geo_precision=2,
            source_reliability="B", info_credibility=2, claim_status="reported", lon=35.28, lat=51.19)
items = [
    (dict(base, observed_at="2024-12-14T06:30:00Z", location_name="Plekhovo",
          description="'quoted' \\"double\\" <b>tags</b>\\nsecond line 둘째 줄"),
     [dict(url="https://example.org/report?id=1&x=%20y", publisher="O'Brien; Daily -- News",
           published_at="2024-12-15", notes="войска КНДР"),
      dict(url="http://example.com/copy", publisher="Telegram channel", archive_url="https://archive.ph/abc")]),
    (dict(base, observed_at="2025-01-03T00:00:00.250Z", unit_as_reported="북한군", source_reliability="F",
          info_credibility=6, claim_status="claimed"),
     [dict(url="https://example.org/2", publisher="Yonhap", published_at="2025-01-03T09:00:00Z")]),
]
S.add_sightings(out, items, now)
print(S.count_sightings(out))
'''


def _rebuild(out: Path, commit: str = SCHEMA1_COMMIT) -> None:  # pragma: no cover (a developer's tool)
    import io
    import os
    import subprocess
    import tarfile
    import tempfile

    root = Path(__file__).resolve().parents[3]
    archive = subprocess.run(["git", "archive", "--format=tar", commit, "kpa_tracker"], cwd=str(root),
                             check=True, capture_output=True).stdout
    with tempfile.TemporaryDirectory() as folder:
        tarfile.open(fileobj=io.BytesIO(archive)).extractall(folder)
        script = Path(folder) / "make.py"
        script.write_text(_MAKE_SCHEMA1, encoding="utf-8")
        if out.exists():
            out.unlink()
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=folder)
        subprocess.run([sys.executable, str(script), str(out)], env=env, check=True)


if __name__ == "__main__":  # pragma: no cover
    _rebuild(Path(sys.argv[1]) if len(sys.argv) > 1 else SCHEMA1)

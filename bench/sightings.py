"""Sightings at scale, against plain QGIS on the same GeoPackage in the same run.

1. A workspace with 100,000 sightings (generated, through the plugin's own
   validation and one transaction), its default styles saved.
2. Opening the sightings layer and rendering a full-extent frame
   (QgsMapRendererSequentialJob, 1000 x 700 px):
   - plugin: QgsVectorLayer on the table, then configure_form (form, style by
     grade and status, temporal properties), as the dock loads it;
   - plain QGIS: QgsVectorLayer on the same table without its default style,
     QGIS's own single-symbol renderer;
   - a colleague's plain QGIS: QgsVectorLayer on the table with the default
     style stored in the GeoPackage (the plugin's form and style, no plugin).
   Rounds alternate; each figure is the median.
3. 10,000 sightings into a fresh workspace:
   - through the form's path, one transaction per sighting: the two layers in
     a QGIS transaction group, each sighting and its source added, validated
     once and committed by QGIS, as the dock's form does; and all in one GDAL
     transaction (add_sightings, the import's path);
   - through the plain OGR provider (QgsVectorDataProvider.addFeatures on both
     tables), one call per sighting (two separate commits, not atomic), and
     all at once.

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m bench sightings
"""

import datetime
import random
import shutil
import statistics
import tempfile
import time
import uuid
from functools import partial
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsMapRendererSequentialJob,
    QgsMapSettings,
    QgsPointXY,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QDateTime, QSize
from qgis.PyQt.QtGui import QColor

from kpa_tracker.core.sightings import gpkg_store as S
from kpa_tracker.core.domain import times as T
from kpa_tracker.core.domain import validation as V
from kpa_tracker.core.sightings import layers as L
from kpa_tracker.core.sightings import form as F
from kpa_tracker.toolbelt.compat import set_automatic_transactions

SIGHTINGS = 100000
COMMITS = 10000
ROUNDS = 11
NOW = datetime.datetime(2025, 1, 15, tzinfo=datetime.timezone.utc)


def _values(rng: random.Random, index: int) -> tuple:
    """A plausible sighting around Kursk and its source."""
    sighting = {
        "lon": rng.uniform(34.5, 36.3), "lat": rng.uniform(50.9, 51.8),
        "observed_at": NOW - datetime.timedelta(minutes=rng.randrange(0, 120 * 24 * 60)),
        "time_precision": rng.choice((1, 1, 1, 2, 3)), "geo_precision": rng.choice((1, 2, 2, 3)),
        "source_reliability": rng.choice("ABCDEF"), "info_credibility": rng.randint(1, 6),
        "claim_status": rng.choice(("confirmed", "assessed", "reported", "reported", "claimed")),
        "review_status": rng.choice(("unreviewed", "unreviewed", "reviewed", "rejected")),
        "unit_as_reported": "KPA unit {}".format(index % 40), "location_name": "grid {}".format(index % 997),
        "description": "Generated sighting {} for the benchmark".format(index), "analyst": "bench",
    }
    source = {"url": "https://example.org/post/{}".format(index), "publisher": "Channel {}".format(index % 30),
              "published_at": "2024-12-{:02d}".format(1 + index % 28)}
    return sighting, source


def _timed(action):
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def _render(layer: QgsVectorLayer) -> None:
    settings = QgsMapSettings()
    settings.setLayers([layer])
    settings.setDestinationCrs(layer.crs())
    settings.setExtent(layer.extent())
    settings.setOutputSize(QSize(1000, 700))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererSequentialJob(settings)
    job.start()
    job.waitForFinished()


def open_and_render(openers, rounds: int, expected_count: int) -> dict:
    """Median open, render and total ms of each opener (zero-argument, returns a layer), in alternating
    order round by round; the first round only warms the caches. Keys: <name>_open_ms, _render_ms, _total_ms."""
    opened = {name: [] for name in openers}
    rendered = {name: [] for name in openers}
    for round_index in range(rounds + 1):
        order = list(openers) if round_index % 2 else list(reversed(list(openers)))
        for name in order:
            open_s, layer = _timed(openers[name])
            assert layer.isValid() and layer.featureCount() == expected_count, name
            render_s, _ = _timed(lambda: _render(layer))
            if round_index:
                opened[name].append(open_s)
                rendered[name].append(render_s)
            del layer
    figures = {}
    for name in openers:
        figures[name + "_open_ms"] = statistics.median(opened[name]) * 1000
        figures[name + "_render_ms"] = statistics.median(rendered[name]) * 1000
        figures[name + "_total_ms"] = statistics.median(
            [o + r for o, r in zip(opened[name], rendered[name])]) * 1000
    return figures


def _open_plugin(gpkg: Path):
    layer = QgsVectorLayer(L.sightings_uri(gpkg), "Sightings", "ogr")
    F.configure_form(layer, None, None, QgsProject.instance())
    return layer


def _open_plain(gpkg: Path):
    options = QgsVectorLayer.LayerOptions()
    options.loadDefaultStyle = False
    return QgsVectorLayer(L.sightings_uri(gpkg), "sightings", "ogr", options)


def _open_colleague(gpkg: Path):
    return QgsVectorLayer(L.sightings_uri(gpkg), "sightings", "ogr")


def _form_features(items):
    """The sightings as the attribute form hands them over: QgsFeatures with QGIS values."""
    sighting_fields, source_fields = L.sighting_qgs_fields(), L.source_qgs_fields()
    features = []
    for sighting, source in items:
        feature = QgsFeature(sighting_fields)
        for name, value in sighting.items():
            if name in ("lon", "lat"):
                continue
            feature[name] = QDateTime.fromString(T.format_gpkg_datetime(value)[:19], "yyyy-MM-ddTHH:mm:ss") \
                if isinstance(value, datetime.datetime) else value
        sighting_id = str(uuid.uuid4())
        feature["sighting_id"] = sighting_id
        feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(sighting["lon"], sighting["lat"])))
        child = QgsFeature(source_fields)
        for name, value in source.items():
            child[name] = value
        child["sighting_id"] = sighting_id
        child["source_id"] = str(uuid.uuid4())
        features.append((feature, child))
    return features


def _as_layer_feature(layer, feature):
    """The same values in a feature of the layer's own fields (with its fid), as the form builds it."""
    row = QgsFeature(layer.fields())
    for name in feature.fields().names():
        row[name] = feature[name]
    row.setGeometry(feature.geometry())
    return row


def _grouped_form_commits(path: Path, form_features) -> None:
    """The dock's form path, once per sighting: both layers edited in one transaction group, the sighting
    and its source added, validated once (clean_sighting) and committed by QGIS."""
    project = QgsProject.instance()
    sightings, sources = L.open_layers(path, create=False)
    project.addMapLayers([sightings, sources])
    assert set_automatic_transactions(project, True)
    try:
        for feature, child in form_features:
            sightings.startEditing()
            if not sources.isEditable():
                sources.startEditing()
            row, other = _as_layer_feature(sightings, feature), _as_layer_feature(sources, child)
            assert sightings.addFeature(row) and sources.addFeature(other)
            _record, problems = V.clean_sighting(L.sighting_from_feature(row), [L.source_from_feature(other)], NOW)
            assert not problems and sightings.commitChanges(), sightings.commitErrors()
    finally:
        set_automatic_transactions(project, False)
        project.removeMapLayers([sightings.id(), sources.id()])


def _provider_rows(layer, sources_layer, form_features):
    rows, source_rows = [], []
    for feature, child in form_features:
        record, problems = V.clean_sighting(L.sighting_from_feature(feature), [L.source_from_feature(child)], NOW)
        row = QgsFeature(layer.fields())
        for name, value in record.attributes().items():
            row[name] = value
        row.setGeometry(feature.geometry())
        rows.append(row)
        other = QgsFeature(sources_layer.fields())
        for name, value in L.source_from_feature(child).items():
            other[name] = value
        source_rows.append(other)
    return rows, source_rows


def run() -> dict:
    if QgsApplication.instance() is None:
        app = QgsApplication([], False)
        app.initQgis()
    work = Path(tempfile.mkdtemp(prefix="kpa-bench-sightings-"))
    figures = {}
    try:
        rng = random.Random(20241210)
        big = work / "workspace.gpkg"
        items = [_values(rng, i) for i in range(SIGHTINGS)]
        clean_s, records = _timed(lambda: [V.clean_sighting(s, [src], NOW)[0] for s, src in items])
        write_s, _ = _timed(lambda: S.write_records(big, records))
        F.save_default_styles(big)
        figures.update(generate_clean_s=clean_s, generate_write_s=write_s)

        openers = {"plugin": _open_plugin, "plain": _open_plain, "colleague": _open_colleague}
        figures.update(open_and_render({name: partial(opener, big) for name, opener in openers.items()},
                                       ROUNDS, SIGHTINGS))
        figures["render_ratio"] = figures["plugin_total_ms"] / figures["plain_total_ms"]
        figures["colleague_ratio"] = figures["colleague_total_ms"] / figures["plain_total_ms"]

        empty = work / "empty.gpkg"
        S.ensure_schema(empty)
        commit_items = [_values(rng, SIGHTINGS + i) for i in range(COMMITS)]
        form_features = _form_features(commit_items)

        def fresh(name):
            path = work / name
            shutil.copyfile(str(empty), str(path))
            return path

        one_by_one = fresh("form_single.gpkg")
        figures["form_single_s"], _ = _timed(lambda: _grouped_form_commits(one_by_one, form_features))
        batch = fresh("form_batch.gpkg")
        figures["form_batch_s"], _ = _timed(lambda: S.add_sightings(batch, [
            (L.sighting_from_feature(feature), [L.source_from_feature(child)])
            for feature, child in form_features], NOW))
        # The same validation alone, nothing written: what the plain provider does not do.
        figures["validation_s"], _ = _timed(lambda: [
            V.clean_sighting(L.sighting_from_feature(feature), [L.source_from_feature(child)], NOW)
            for feature, child in form_features])

        plain_single = fresh("plain_single.gpkg")
        layer, sources_layer = L.open_layers(plain_single, create=False)
        rows, source_rows = _provider_rows(layer, sources_layer, form_features)
        provider, source_provider = layer.dataProvider(), sources_layer.dataProvider()

        def provider_one_by_one():
            for row, other in zip(rows, source_rows):
                assert provider.addFeatures([row])[0] and source_provider.addFeatures([other])[0]

        figures["plain_single_s"], _ = _timed(provider_one_by_one)
        del layer, sources_layer, provider, source_provider
        plain_batch = fresh("plain_batch.gpkg")
        layer, sources_layer = L.open_layers(plain_batch, create=False)
        rows, source_rows = _provider_rows(layer, sources_layer, form_features)
        figures["plain_batch_s"], _ = _timed(lambda: (layer.dataProvider().addFeatures(rows)[0],
                                                      sources_layer.dataProvider().addFeatures(source_rows)[0]))
        del layer, sources_layer
        for path in (one_by_one, batch, plain_single, plain_batch):
            assert S.count_sightings(path) == (COMMITS, COMMITS), path
        figures["single_ratio"] = figures["form_single_s"] / figures["plain_single_s"]
        figures["batch_ratio"] = figures["form_batch_s"] / figures["plain_batch_s"]
    finally:
        QgsProject.instance().clear()
        shutil.rmtree(str(work), ignore_errors=True)

    print(
        "sightings: {n:,} sightings in a workspace (made in {c:.1f} s validation + {w:.1f} s one transaction)\n"
        "  open and render a full-extent frame (median of {r} rounds):\n"
        "    plugin (form, style by grade and status)  {po:.0f} + {pr:.0f} = {pt:.0f} ms  ({ratio:.2f}x plain)\n"
        "    plain QGIS, its single-symbol default     {qo:.0f} + {qr:.0f} = {qt:.0f} ms\n"
        "    plain QGIS with the GeoPackage's style    {co:.0f} + {cr:.0f} = {ct:.0f} ms  ({cratio:.2f}x plain)\n"
        "  {m:,} sightings, each with its source:\n"
        "    form path, one transaction per sighting   {fs:.2f} s  ({sr:.2f}x plain provider, one call each)\n"
        "    plain provider, two commits per sighting  {ps:.2f} s\n"
        "    form path, all in one transaction         {fb:.2f} s  ({br:.2f}x plain provider, all at once;\n"
        "                                              of which reading the features and validating {v:.2f} s)\n"
        "    plain provider addFeatures, all at once   {pb:.2f} s".format(
            n=SIGHTINGS, c=figures["generate_clean_s"], w=figures["generate_write_s"], r=ROUNDS,
            po=figures["plugin_open_ms"], pr=figures["plugin_render_ms"], pt=figures["plugin_total_ms"],
            ratio=figures["render_ratio"], qo=figures["plain_open_ms"], qr=figures["plain_render_ms"],
            qt=figures["plain_total_ms"], co=figures["colleague_open_ms"], cr=figures["colleague_render_ms"],
            ct=figures["colleague_total_ms"], cratio=figures["colleague_ratio"], m=COMMITS,
            fs=figures["form_single_s"], sr=figures["single_ratio"], ps=figures["plain_single_s"],
            fb=figures["form_batch_s"], br=figures["batch_ratio"], pb=figures["plain_batch_s"],
            v=figures["validation_s"]))
    return figures


if __name__ == "__main__":
    run()

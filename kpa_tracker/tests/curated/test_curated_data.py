"""The shipped curated data, and the validator's answer to each kind of bad input."""

import datetime
import shutil
import textwrap

import pytest
import yaml

from kpa_tracker.core.curated import data as curated
from kpa_tracker.core.curated.checks import polygon_area_km2, validate

PRIMARY = "mynk-2024-12"


@pytest.fixture(scope="module")
def shipped():
    return curated.load_all()


def test_shipped_data_passes_its_own_validator():
    assert [str(p) for p in validate()] == []


def test_every_layer_loads_and_every_feature_cites_sources(shipped):
    assert shipped.errors == []
    assert set(shipped.features) == {"events", "unit_positions", "units", "bases", "kursk_sites", "settlements",
                                     "movements", "network", "front_lines", "front_areas", "estimates"}
    for features in shipped.features.values():
        for feature in features:
            assert feature.sources, feature.id
            assert all(s.url.startswith(("http://", "https://")) for s in feature.sources)


def test_entities_of_the_primary_source_are_there_and_cite_it(shipped):
    ids = {f.id: f for features in shipped.features.values() for f in features}
    named_by_primary = [
        "kpa-xi-corps", "kpa-contingent-kursk", "ru-83-gaab", "ru-127-mrd", "ru-240-ttd",
        "ru-106-gad", "ru-155-nib", "ru-11-gaab", "ru-810-nib", "tokchon-garrison", "hamhung-port",
        "chongjin-port", "musudan-coast", "tumangang-crossing", "vladivostok", "ussuriysk-83-gaab",
        "sergeevka-range", "khabarovsk-240", "blagoveshchensk", "ulan-ude", "zelenyi-shlyakh",
        "malaya-loknya-prison", "sudzha-salient-2024-12",
    ]
    for feature_id in named_by_primary:
        assert PRIMARY in [s.key for s in ids[feature_id].sources], feature_id


def test_damaged_sites_keep_the_sources_exact_coordinates(shipped):
    sites = {f.id: f.coordinates for f in shipped.features["kursk_sites"]}
    assert sites["zelenyi-shlyakh"] == [35.083803, 51.312974]
    assert sites["malaya-loknya-prison"] == [35.237051, 51.329091]


def test_sudzha_outline_area_is_within_ten_percent_of_its_cited_figure(shipped):
    salient = next(f for f in shipped.features["front_areas"] if f.id == "sudzha-salient-2024-12")
    area = polygon_area_km2(salient.coordinates[0])
    cited = salient.attributes["area_cited_km2"]
    assert cited == 459
    assert abs(area - cited) / cited < 0.10, area


def test_units_carry_twenty_digit_sidcs_matching_their_echelon(shipped):
    echelon_codes = {"brigade": "18", "division": "21", "corps": "22", "regiment": "17"}
    for unit in shipped.features["units"]:
        sidc = unit.attributes["sidc"]
        assert len(sidc) == 20 and sidc.isdigit()
        assert sidc[8:10] == echelon_codes[unit.attributes["echelon"]], unit.id
        assert sidc[3] == "6" and unit.attributes["affiliation"] == "hostile"


@pytest.mark.parametrize("variant, feature_id", [
    ("Tokchon", "tokchon-garrison"), ("Tŏkch'ŏn", "tokchon-garrison"), ("Deokcheon", "tokchon-garrison"),
    ("덕천", "tokchon-garrison"), ("Sergeyevka", "sergeevka-range"), ("Сергеевка", "sergeevka-range"),
    ("Владивосток", "vladivostok"), ("Storm Corps", "kpa-xi-corps"), ("폭풍군단", "kpa-xi-corps"),
])
def test_name_variants_fold_to_a_searchable_form(shipped, variant, feature_id):
    feature = next(f for fs in shipped.features.values() for f in fs if f.id == feature_id)
    assert any(curated.fold(variant) in curated.fold(n) for n in feature.search_names())


# Bad input ------------------------------------------------------------------------------------

@pytest.fixture
def data_copy(tmp_path):
    """A writable copy of the bases file; tests break it and load it through `overrides`."""
    target = tmp_path / "bases.yaml"
    shutil.copy(str(curated.LAYERS_DIR / "data" / "bases.yaml"), str(target))
    return target


def _break(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _refusal(path, layer="bases"):
    result = curated.load_all(overrides={layer: path})
    assert layer not in result.features
    # Layers that do not cite the refused file's places still load.
    assert {"kursk_sites", "front_lines", "front_areas"} <= set(result.features)
    (error,) = [e for e in result.errors if e.file == str(path)]
    dependants = [e for e in result.errors if e.file != str(path)]
    assert all("which was refused" in e.message for e in dependants)
    return error


def test_bad_coordinate_is_refused_naming_file_feature_field(data_copy):
    _break(data_copy, "lat: 39.761111", "lat: 139.761111")
    error = _refusal(data_copy)
    assert (error.feature_id, error.field) == ("tokchon-garrison", "lat/lon")
    assert "bases.yaml" in str(error) and "latitude 139.761111" in str(error)


def test_missing_source_is_refused(data_copy):
    _break(data_copy, "sources: [mynk-2024-12, asiae-2024-10-18, ajunews-storm-corps, wiki-tokchon]",
           "sources: []")
    error = _refusal(data_copy)
    assert (error.feature_id, error.field) == ("tokchon-garrison", "sources")


def test_unknown_source_key_is_refused(data_copy):
    _break(data_copy, "wiki-tokchon]", "wiki-tokchon, made-up-source]")
    error = _refusal(data_copy)
    assert error.field == "sources" and "made-up-source" in error.message


def test_unknown_status_is_refused(data_copy):
    _break(data_copy, "status: assessed", "status: probable")
    error = _refusal(data_copy)
    assert (error.feature_id, error.field) == ("tokchon-garrison", "status")


def test_duplicate_id_is_refused(data_copy):
    _break(data_copy, "id: chongjin-port", "id: hamhung-port")
    error = _refusal(data_copy)
    assert (error.feature_id, error.field) == ("hamhung-port", "id")
    assert "duplicate" in error.message


def test_yaml_syntax_error_is_refused_with_its_line(data_copy):
    _break(data_copy, "    kind: garrison\n", "    kind: [garrison\n")
    error = _refusal(data_copy)
    assert error.feature_id is None and "YAML syntax error at line" in error.message


def test_date_in_the_future_is_refused(data_copy):
    tomorrow = (datetime.date.today() + datetime.timedelta(days=1)).isoformat()
    _break(data_copy, "as_of: 2024-12\n", "as_of: {}\n".format(tomorrow))
    error = _refusal(data_copy)
    assert (error.feature_id, error.field) == ("tokchon-garrison", "as_of")
    assert "in the future" in error.message


def test_a_url_that_is_not_http_is_refused(tmp_path):
    sources = yaml.safe_load((curated.SOURCES_FILE).read_text(encoding="utf-8"))
    sources["sources"]["wiki-tokchon"]["url"] = "javascript:alert(1)"
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(sources, allow_unicode=True), encoding="utf-8")
    result = curated.load_all(overrides={"sources": path})
    (error,) = result.errors
    assert (error.feature_id, error.field) == ("wiki-tokchon", "url")
    assert "not an http(s) URL" in error.message


def test_a_reference_to_an_unknown_place_is_refused(tmp_path):
    path = tmp_path / "movements.yaml"
    path.write_text(textwrap.dedent("""
        features:
          - id: leg
            name: A leg
            mode: sea
            path: [chongjin-port, atlantis]
            precision: town
            status: reported
            as_of: 2024-10
            sources: [mynk-2024-12]
    """), encoding="utf-8")
    error = _refusal(path, layer="movements")
    assert (error.feature_id, error.field) == ("leg", "path") and "atlantis" in error.message

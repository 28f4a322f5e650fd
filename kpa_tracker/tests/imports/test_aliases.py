"""Unit aliases: the shipped table links the names sources use to curated units; the analyst's own file
(in the profile, never the plugin folder) is read after it and wins; bad files give sentences, never a
traceback, and the shipped table stays in use."""

from pathlib import Path

import pytest
import yaml

from kpa_tracker.core.imports import aliases
from kpa_tracker.core.imports.aliases import SHIPPED, YOURS, AliasError, AliasTable

UNITS = aliases.curated_unit_ids()


def _table(tmp_path, text=None):
    path = tmp_path / "profile" / "kpa_tracker" / "unit_aliases.yaml"
    if text is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return AliasTable.load(user_path=path, known_units=UNITS), path


def test_shipped_table_names_only_curated_units_and_is_clean(tmp_path):
    table, _path = _table(tmp_path)
    assert table.problems == []
    assert {"kpa-contingent-kursk", "kpa-xi-corps"} <= UNITS
    shipped = table.entries()
    assert len(shipped) >= 40 and all(origin == SHIPPED for _n, _u, origin in shipped)
    assert {unit for _n, unit, _o in shipped} <= UNITS


@pytest.mark.parametrize("name", [
    "Military Forces of North Korea (1948-)", "military forces of north korea 1948", "MILITARY FORCES OF NORTH KOREA",
    "North Korean troops", "North Korean soldiers", "KPA", "DPRK troops", "북한군", "조선인민군", "войска КНДР",
    "Северокорейские военные", "военнослужащие КНДР", "війська КНДР", "північнокорейські військові",
    "north-korean  troops.", "Korean Peoples Army",
])
def test_generic_names_mean_the_deployed_contingent(tmp_path, name):
    table, _path = _table(tmp_path)
    assert table.unit_for(name) == "kpa-contingent-kursk"


def test_unit_names_from_units_yaml_and_unknown_names(tmp_path):
    table, _path = _table(tmp_path)
    assert table.unit_for("Storm Corps") == "kpa-xi-corps"
    assert table.unit_for("폭풍군단") == "kpa-xi-corps"
    assert table.unit_for("528th Engineer Regiment") == "kpa-528th-engineer-regiment"
    assert table.unit_for("93rd Brigade") is None  # Ukraine has a 93rd brigade too
    assert table.unit_for("Military Forces of Russia (2000-)") is None
    assert table.unit_for("") is None and table.unit_for(None) is None


def test_accents_are_ignored():
    assert aliases.alias_key("Pokpung Corps") == aliases.alias_key("Pökpung-Corps")


def test_the_analysts_entries_win_and_are_listed_as_theirs(tmp_path):
    table, path = _table(tmp_path, "aliases:\n  - {name: KPA, unit: kpa-xi-corps}\n"
                                   "  - name: Kim's storm troops\n    unit: kpa-xi-corps\n")
    assert table.problems == []
    assert table.unit_for("KPA") == "kpa-xi-corps"
    assert table.unit_for("kim's storm troops") == "kpa-xi-corps"
    assert table.unit_for("North Korean troops") == "kpa-contingent-kursk"  # shipped, untouched
    listed = table.entries()
    assert ("KPA", "kpa-xi-corps", YOURS) in listed
    assert not [e for e in listed if e[0] == "KPA" and e[2] == SHIPPED]
    assert table.user_path == path


def test_the_default_user_file_is_in_the_profile_not_the_plugin():
    where = aliases.user_file()
    plugin = Path(aliases.__file__).resolve().parents[2]
    assert where.name == "unit_aliases.yaml" and where.parent.name == "kpa_tracker"
    assert plugin not in where.resolve().parents


def test_malformed_user_file_gives_file_and_line_and_shipped_table_still_used(tmp_path):
    table, path = _table(tmp_path, "aliases:\n  - {name: KPA, unit: kpa-xi-corps\n  - oops: [\n")
    assert len(table.problems) == 1
    assert str(path) in table.problems[0] and "line" in table.problems[0]
    assert table.unit_for("KPA") == "kpa-contingent-kursk"


def test_user_file_not_a_list(tmp_path):
    table, path = _table(tmp_path, "KPA: kpa-xi-corps\n")
    assert len(table.problems) == 1 and str(path) in table.problems[0] and "line 1" in table.problems[0]
    assert table.unit_for("KPA") == "kpa-contingent-kursk"


def test_unknown_unit_in_user_file_is_skipped_with_a_sentence(tmp_path):
    table, path = _table(tmp_path, "aliases:\n  - {name: KPA, unit: kpa-xi-corps}\n"
                                   "  - {name: Red Bears, unit: no-such-unit}\n")
    assert len(table.problems) == 1
    assert "line 3" in table.problems[0] and "no-such-unit" in table.problems[0] and "Red Bears" in table.problems[0]
    assert table.unit_for("Red Bears") is None and table.unit_for("KPA") == "kpa-xi-corps"


def test_save_user_writes_only_the_analysts_entries_and_reads_back(tmp_path):
    table, path = _table(tmp_path)
    edited = table.entries() + [("Storm troopers", "kpa-xi-corps"), ("KPA", "kpa-xi-corps", YOURS),
                                ("North Korean troops", "kpa-contingent-kursk", YOURS)]  # same as shipped
    saved = table.save_user(edited)
    assert saved == path and path.exists()
    written = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert written == {"aliases": [{"name": "Storm troopers", "unit": "kpa-xi-corps"},
                                   {"name": "KPA", "unit": "kpa-xi-corps"}]}
    assert not list(path.parent.glob(".unit_aliases-*"))  # no temporary file left
    assert table.unit_for("storm troopers") == "kpa-xi-corps"
    again, _path = _table(tmp_path)
    assert again.unit_for("KPA") == "kpa-xi-corps" and again.problems == []


def test_save_user_refuses_an_unknown_unit_and_writes_nothing(tmp_path):
    table, path = _table(tmp_path)
    with pytest.raises(AliasError) as caught:
        table.save_user([("Red Bears", "no-such-unit")])
    assert "Red Bears" in str(caught.value) and "no-such-unit" in str(caught.value)
    assert not path.exists()
    with pytest.raises(AliasError):
        table.save_user([("  ", "kpa-xi-corps")])


def test_load_with_its_defaults_knows_the_curated_units():
    table = AliasTable.load()
    assert "kpa-contingent-kursk" in table.known_units
    assert table.user_path == aliases.user_file()
    assert table.unit_for("Military Forces of North Korea (1948-)") in table.known_units

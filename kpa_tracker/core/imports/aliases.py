"""Unit aliases: the names sources and datasets use for a unit ("Military Forces of North Korea (1948-)",
"North Korean troops", 북한군, "войска КНДР"), each mapped to a curated unit id.

Two files, one form (`aliases:` a list of `{name: …, unit: …}`):
- the shipped table, kpa_tracker/layers/aliases/unit_aliases.yaml (data, part of the plugin; the reasons
  for its choices are in its comments);
- the analyst's own, <QGIS profile>/kpa_tracker/unit_aliases.yaml (toolbelt/workspace.workspace_dir(),
  never the plugin folder, which an upgrade replaces), read after it: where both name the same alias,
  the analyst's entry wins.

Names are compared without regard to case, accents, spaces or punctuation (curated/data.fold, then every
character that is not a letter or a digit dropped): "military forces of north korea 1948" finds ACLED's
actor. A user file that is not readable YAML, or not of that form, gives a sentence naming the file and
the line, and only the shipped table is used; an entry naming a unit the units layer does not have gives
a sentence too and is skipped. Nothing here raises on a bad file: `AliasTable.problems` holds the
sentences for the dialog to show.
"""

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Collection, Dict, Iterable, List, Optional, Tuple

import yaml

from ...toolbelt.i18n import tr
from ..curated.data import SAFE_LOADER
from .layouts import norm

SHIPPED_FILE = Path(__file__).resolve().parents[2] / "layers" / "aliases" / "unit_aliases.yaml"
UNITS_FILE = Path(__file__).resolve().parents[2] / "layers" / "data" / "units.yaml"
USER_FILE_NAME = "unit_aliases.yaml"
SHIPPED, YOURS = "shipped", "yours"
_HEADER = ("# Your unit aliases for the KPA Deployment Tracker import: the names your sources use for a unit,\n"
           "# each with the curated unit id it stands for. Read after the plugin's own table; yours win.\n"
           "# Written by the plugin (the import dialog's aliases); you may edit it too, in the same form.\n")


class AliasError(ValueError):
    """Aliases that cannot be saved; the message says which and why."""


@dataclass(frozen=True)
class AliasEntry:
    name: str
    unit_id: str
    origin: str  # SHIPPED or YOURS
    line: Optional[int] = None  # where it is in its file (1-based), when read from one


def alias_key(name) -> str:
    """How an alias is compared: no case, accents, spaces or punctuation."""
    return norm(name)


def user_file() -> Path:
    from ...toolbelt.workspace import workspace_dir  # late: QGIS's settings folder

    return workspace_dir(create=False) / USER_FILE_NAME


def curated_unit_ids() -> set:
    """The unit ids of the shipped units.yaml (read directly: no QGIS, no workspace)."""
    try:
        with open(str(UNITS_FILE), encoding="utf-8") as stream:
            document = yaml.load(stream, Loader=SAFE_LOADER)
    except (OSError, yaml.YAMLError):
        return set()
    features = document.get("features") if isinstance(document, dict) else None
    return {str(f["id"]) for f in features or [] if isinstance(f, dict) and f.get("id")}


def _default_known_units() -> set:
    units = set(curated_unit_ids())
    try:
        from ..curated.store import known_unit_ids  # the workspace's units (the analyst may have added some)

        units |= set(known_unit_ids() or ())
    except Exception:  # no workspace readable here: the curated ids stand
        pass
    return units


def _scalar(node) -> Optional[str]:
    if isinstance(node, yaml.ScalarNode) and str(node.value).strip():
        return str(node.value).strip()
    return None


def read_file(path: Path, origin: str, known_units: Optional[Collection[str]]) -> Tuple[List[AliasEntry], List[str]]:
    """(entries, problems) of one alias file; a missing file is no entries and no problem."""
    name = str(path)
    if not path.exists():
        return [], []
    ignored = tr("; only the shipped aliases are used until it is fixed") if origin == YOURS else ""
    try:
        text = path.read_text(encoding="utf-8-sig")
        root = yaml.compose(text, Loader=SAFE_LOADER)
    except UnicodeDecodeError as exc:
        return [], [tr("{} is not UTF-8 text (byte {}){}").format(name, exc.start + 1, ignored)]
    except OSError as exc:
        return [], [tr("{} cannot be read: {}{}").format(name, exc.strerror or exc, ignored)]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = tr(", line {}").format(mark.line + 1) if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        return [], [tr("{}{} is not readable YAML ({}){}").format(name, where, problem, ignored)]
    if root is None:
        return [], []
    form = tr("write 'aliases:' and below it one '- {name: North Korean troops, unit: kpa-contingent-kursk}' a line")
    listed = None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if _scalar(key) == "aliases":
                listed = value
    if listed is None or not isinstance(listed, (yaml.SequenceNode, yaml.ScalarNode)) or (
            isinstance(listed, yaml.ScalarNode) and listed.value not in ("", "~", "null")):
        line = (listed or root).start_mark.line + 1
        return [], [tr("{}, line {}: not a list of aliases; {}{}").format(name, line, form, ignored)]
    if isinstance(listed, yaml.ScalarNode):
        return [], []  # "aliases:" with nothing below
    entries, problems = [], []
    for item in listed.value:
        line = item.start_mark.line + 1
        fields = {}
        if isinstance(item, yaml.MappingNode):
            fields = {_scalar(k): _scalar(v) for k, v in item.value}
        alias, unit = fields.get("name"), fields.get("unit") or fields.get("unit_id")
        if not alias or not unit:
            problems.append(tr("{}, line {}: an alias needs a name and a unit; {} (skipped)").format(name, line, form))
            continue
        if known_units is not None and unit not in known_units:
            problems.append(tr("{}, line {}: '{}' is not a unit in the units layer; the alias '{}' is skipped").format(
                name, line, unit, alias))
            continue
        if not alias_key(alias):
            problems.append(tr("{}, line {}: the alias '{}' has no letters or digits (skipped)").format(name, line, alias))
            continue
        entries.append(AliasEntry(alias, unit, origin, line))
    return entries, problems


class AliasTable:
    """The shipped aliases and the analyst's, the analyst's winning; see the module's notes."""

    def __init__(self, shipped: Iterable[AliasEntry] = (), user: Iterable[AliasEntry] = (),
                 problems: Iterable[str] = (), user_path: Optional[Path] = None,
                 known_units: Optional[Collection[str]] = None):
        self.shipped = list(shipped)
        self.user = list(user)
        self.problems = list(problems)
        self.user_path = Path(user_path) if user_path is not None else None
        self.known_units = set(known_units) if known_units is not None else None
        self._index()

    @classmethod
    def load(cls, shipped_path: Optional[Path] = None, user_path: Optional[Path] = None,
             known_units: Optional[Collection[str]] = None) -> "AliasTable":
        """The shipped table and the analyst's own file (by default in the QGIS profile's kpa_tracker folder).
        `known_units`: the unit ids an alias may name (default: the curated units and the workspace's)."""
        known = set(known_units) if known_units is not None else _default_known_units()
        shipped, problems = read_file(Path(shipped_path or SHIPPED_FILE), SHIPPED, known or None)
        path = Path(user_path) if user_path is not None else user_file()
        user, user_problems = read_file(path, YOURS, known or None)
        return cls(shipped, user, problems + user_problems, path, known or None)

    def _index(self) -> None:
        self._by_key: Dict[str, AliasEntry] = {}
        for entry in self.shipped + self.user:  # the analyst's last: theirs win
            self._by_key[alias_key(entry.name)] = entry

    def unit_for(self, name) -> Optional[str]:
        """The curated unit id a name stands for, or None."""
        if name is None:
            return None
        entry = self._by_key.get(alias_key(name))
        return entry.unit_id if entry is not None else None

    def entry_for(self, name) -> Optional[AliasEntry]:
        return self._by_key.get(alias_key(name)) if name is not None else None

    def entries(self) -> List[Tuple[str, str, str]]:
        """(name, unit_id, origin) of every alias in force: the shipped ones the analyst has not
        overridden, then the analyst's."""
        result = []
        for entry in self.shipped + self.user:
            if self._by_key.get(alias_key(entry.name)) is entry:
                result.append((entry.name, entry.unit_id, entry.origin))
        return result

    def save_user(self, entries: Iterable) -> Path:
        """Write the analyst's aliases (and only theirs) to their file, atomically, and use them.

        `entries`: (name, unit_id) pairs, or (name, unit_id, origin) as entries() gives them (entries of
        origin "shipped" are not written, nor one that says what the shipped table says already).
        Raises AliasError naming the entry when a name is empty or a unit is not in the units layer;
        then nothing is written."""
        if self.user_path is None:
            self.user_path = user_file()
        shipped = {alias_key(e.name): e.unit_id for e in self.shipped}
        chosen: Dict[str, AliasEntry] = {}
        for number, item in enumerate(entries, start=1):
            if isinstance(item, AliasEntry):
                name, unit, origin = item.name, item.unit_id, item.origin
            else:
                item = tuple(item)
                name, unit = item[0], item[1]
                origin = item[2] if len(item) > 2 else YOURS
            if origin == SHIPPED:
                continue
            name, unit = str(name or "").strip(), str(unit or "").strip()
            if not alias_key(name):
                raise AliasError(tr("Alias {}: the name is empty (or has no letters or digits)").format(number))
            if not unit:
                raise AliasError(tr("Alias '{}': choose the unit it stands for").format(name))
            if self.known_units is not None and unit not in self.known_units:
                raise AliasError(tr("Alias '{}': '{}' is not a unit in the units layer").format(name, unit))
            key = alias_key(name)
            if shipped.get(key) == unit:
                chosen.pop(key, None)
                continue
            chosen[key] = AliasEntry(name, unit, YOURS)
        folder = self.user_path.parent
        folder.mkdir(parents=True, exist_ok=True)
        document = {"aliases": [{"name": e.name, "unit": e.unit_id} for e in chosen.values()]}
        body = yaml.safe_dump(document, allow_unicode=True, sort_keys=False, default_flow_style=False)
        handle, temporary = tempfile.mkstemp(prefix=".unit_aliases-", suffix=".yaml", dir=str(folder))
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.write(_HEADER)
                stream.write(body)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, str(self.user_path))
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise
        self.user = list(chosen.values())
        self.problems = [p for p in self.problems if not p.startswith(str(self.user_path))]
        self._index()
        return self.user_path


__all__ = ["AliasEntry", "AliasError", "AliasTable", "SHIPPED", "SHIPPED_FILE", "USER_FILE_NAME", "YOURS",
           "alias_key", "curated_unit_ids", "read_file", "user_file"]

"""Saved import mappings: a layout, the columns, the defaults and how the file is read, under a name.

Kept as small JSON files in the profile (``<profile>/kpa_tracker/import_mappings/<name>.json``), never in the
plugin folder, so they survive upgrades and can be handed to a colleague.
"""

import json
import os
import re
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import List

from ...toolbelt.i18n import tr
from ...toolbelt.workspace import workspace_dir
from ..sightings.exchange import ExchangeError

FOLDER = "import_mappings"
KEPT = ("layout", "mapping", "defaults", "encoding", "delimiter", "duplicates", "duplicate_km", "only_known_units")


def _folder(create: bool = False) -> Path:
    return workspace_dir(create) / FOLDER


def _file(name: str) -> Path:
    slug = re.sub(r"[^\w\-]+", "_", name.strip(), flags=re.UNICODE).strip("_")
    if not slug:
        raise ExchangeError(tr("'{}' cannot be a mapping's name: use letters or digits").format(name))
    return _folder() / (slug + ".json")


def saved_mappings() -> List[str]:
    """The names of the saved mappings, sorted."""
    names = []
    folder = _folder()
    if folder.is_dir():
        for path in folder.glob("*.json"):
            try:
                names.append(str(json.loads(path.read_text(encoding="utf-8")).get("name") or path.stem))
            except (OSError, ValueError, AttributeError):
                continue  # a damaged file is skipped, never fatal; load_mapping names it
    return sorted(names, key=str.casefold)


def save_mapping(name: str, spec) -> Path:
    """Write the spec's reading settings under `name` (replacing one of that name); atomic."""
    path = _file(name)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = {"name": name.strip()}
    data.update({key: getattr(spec, key) for key in KEPT})
    handle, temporary = tempfile.mkstemp(prefix=".mapping-", suffix=".json", dir=str(path.parent))
    with os.fdopen(handle, "w", encoding="utf-8") as stream:
        json.dump(data, stream, ensure_ascii=False, indent=1)
    os.replace(temporary, str(path))
    return path


def load_mapping(name: str, spec):
    """The spec with the saved settings applied (its file, store and rejected path kept)."""
    path = _file(name)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExchangeError(tr("There is no saved mapping called '{}'").format(name)) from None
    except (OSError, ValueError) as exc:
        raise ExchangeError(tr("The saved mapping {} cannot be read: {}").format(path, exc)) from None
    if not isinstance(data, dict):
        raise ExchangeError(tr("The saved mapping {} is not a JSON object").format(path))
    changes = {key: data[key] for key in KEPT if key in data}
    for key in ("mapping", "defaults"):
        if key in changes and not isinstance(changes[key], dict):
            raise ExchangeError(tr("The saved mapping {}: '{}' must be an object").format(path, key))
    return replace(spec, **changes)


def delete_mapping(name: str) -> None:
    try:
        _file(name).unlink()
    except FileNotFoundError:
        pass


__all__ = ["delete_mapping", "load_mapping", "save_mapping", "saved_mappings"]

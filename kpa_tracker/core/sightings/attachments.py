"""Files attached to sightings: copied into <workspace>/attachments/ and recorded with their SHA-256,
so a later reader can tell whether the file is still the one attached."""

import hashlib
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Optional, Tuple

from ...toolbelt.i18n import tr
from ...toolbelt.workspace import workspace_dir
from ..domain.fields import ATTACHMENTS_DIR
from ..domain.records import AttachmentError
from ..domain.validation import attachment_path_problem

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def _workspace_folder(gpkg_path) -> Path:
    """The workspace folder of a store's GeoPackage (attachments sit beside it)."""
    if gpkg_path is None:
        return workspace_dir().resolve()
    return Path(gpkg_path).resolve().parent


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(str(path), "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def attach_file(gpkg_path, source_file) -> Tuple[str, str]:
    """Copy a file into <workspace>/attachments/; returns (relative path to store, its SHA-256).

    The copy is named after the start of its hash and its own name, so the same
    file attached twice is stored once and a different file never overwrites it.
    """
    source_file = Path(source_file)
    if not source_file.is_file():
        raise AttachmentError(tr("{} is not a file").format(source_file))
    folder = _workspace_folder(gpkg_path) / ATTACHMENTS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    digest = hashlib.sha256()
    handle, temporary = tempfile.mkstemp(prefix=".incoming-", dir=str(folder))
    try:
        with os.fdopen(handle, "wb") as out, open(str(source_file), "rb") as inp:
            for block in iter(lambda: inp.read(1 << 20), b""):
                digest.update(block)
                out.write(block)
            out.flush()
            os.fsync(out.fileno())
        sha = digest.hexdigest()
        stem = _SAFE_NAME.sub("_", source_file.stem).strip("._")[:60] or "file"
        suffix = _SAFE_NAME.sub("", source_file.suffix)[:12].lower()
        name = "{}-{}{}".format(sha[:16], stem, suffix)
        target = folder / name
        if target.exists() and sha256_of(target) == sha:
            os.unlink(temporary)
        else:
            os.replace(temporary, str(target))
    except BaseException:
        if os.path.exists(temporary):
            os.unlink(temporary)
        raise
    return "{}/{}".format(ATTACHMENTS_DIR, name), sha


def resolve_attachment(gpkg_path, relative: str) -> Path:
    """The file a stored attachment path means; refuses any path that leads out of the workspace."""
    why = attachment_path_problem(relative)
    if why:
        raise AttachmentError(why)
    workspace = _workspace_folder(gpkg_path)
    candidate = (workspace / PurePosixPath(str(relative).replace("\\", "/"))).resolve()
    try:
        candidate.relative_to(workspace / ATTACHMENTS_DIR)
    except ValueError:
        raise AttachmentError(tr("'{}' leads out of the workspace (through a link); attachments stay "
                              "inside it").format(relative)) from None
    return candidate


@dataclass(frozen=True)
class AttachmentCheck:
    status: str  # ok, missing, modified, no_hash, refused, none
    message: str

    @property
    def ok(self) -> bool:
        return self.status in ("ok", "none")


def check_attachment(gpkg_path, relative: Optional[str], sha256: Optional[str]) -> AttachmentCheck:
    """Does the attachment still match the hash recorded when it was attached?"""
    if not relative:
        return AttachmentCheck("none", tr("no attachment"))
    try:
        path = resolve_attachment(gpkg_path, relative)
    except AttachmentError as exc:
        return AttachmentCheck("refused", str(exc))
    if not path.is_file():
        return AttachmentCheck("missing", tr("the attachment {} is missing from the workspace").format(relative))
    if not sha256:
        return AttachmentCheck("no_hash", tr("no SHA-256 was recorded for {}; it cannot be shown to be "
                                          "untouched").format(relative))
    actual = sha256_of(path)
    if actual != str(sha256).lower():
        return AttachmentCheck("modified", tr("{} no longer matches the SHA-256 recorded when it was attached "
                                           "(recorded {}…, now {}…)").format(relative, sha256[:12], actual[:12]))
    return AttachmentCheck("ok", tr("{} matches its recorded SHA-256").format(relative))

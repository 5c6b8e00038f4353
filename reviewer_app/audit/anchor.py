"""The audit trail's head, noted outside the database.

A hash chain alone shows an edit inside the trail but not a cut-off tail, nor a chain
rewritten from scratch by someone who can write to the database. So the head (how many
entries, and the newest one's hash) is copied into files that leave the database: every
backup's manifest, every export's signed manifest and every packet return. `audit
verify --anchor FILE` then checks that the trail still holds that head.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import Connection, Table, func, select
from sqlalchemy.orm import Session

from reviewer_app.errors import UserError
from reviewer_app.storage.models import AuditEvent

# The head as the database holds it is storage's (backups embed it); re-exported here,
# the audit trail's own API.
from reviewer_app.storage.trail_head import ANCHOR_KEY as ANCHOR_KEY
from reviewer_app.storage.trail_head import GENESIS
from reviewer_app.storage.trail_head import current_anchor as current_anchor
from reviewer_app.wording import translate

MAX_ANCHOR_FILE = 64 * 1024 * 1024  # a manifest lists files; it is never this large
# A folder given as the file: a backup's manifest, or an export's.
_FOLDER_MANIFESTS = ("backup.json", "manifest.json")
ZIP_MANIFEST = "manifest.json"
_HASH = re.compile(r"[0-9a-f]{64}")
_EVENTS = cast(Table, AuditEvent.__table__)


class AnchorError(UserError):
    pass


@dataclass(frozen=True)
class AnchorCheck:
    """One anchor compared with the trail: `problem` says why it does not hold."""

    source: str
    entries: int
    head: str
    problem: str | None

    @property
    def ok(self) -> bool:
        return self.problem is None

    def as_dict(self) -> dict[str, Any]:
        return {
            "file": self.source,
            "entries": self.entries,
            "head": self.head,
            "ok": self.ok,
            "problem": self.problem,
        }


def check_anchor(session: Session | Connection, anchor: dict[str, Any], source: str) -> AnchorCheck:
    """Whether the trail still holds, at the anchor's position, the entry it noted.

    With an intact chain (see `trail.verify`), that entry's hash covers every entry
    before it: the trail up to the anchor is as it was when the file was made."""
    entries, head = int(anchor["entries"]), str(anchor["head"])
    problem = None
    if entries > 0:
        held = session.execute(select(_EVENTS.c.hash).where(_EVENTS.c.seq == entries)).first()
        if held is None:
            count = session.execute(select(func.count()).select_from(_EVENTS)).scalar_one()
            problem = translate(
                "Audit",
                "the trail has {count} entries, but when {file} was made it had {entries}: "
                "entries were deleted since.",
            ).format(count=count, file=source, entries=entries)
        elif held[0] != head:
            problem = translate(
                "Audit",
                "entry {entries} of the trail is not the one {file} noted (its hash was "
                "{noted}…, now {now}…): the trail was rewritten up to there.",
            ).format(entries=entries, file=source, noted=head[:16], now=str(held[0])[:16])
    elif head != GENESIS:
        problem = translate("Audit", "the anchor in {file} is not valid.").format(file=source)
    return AnchorCheck(source, entries, head, problem)


def read_anchors(path: Path) -> list[dict[str, Any]]:
    """The anchors a file holds: under `ANCHOR_KEY` at its top level or one level down
    (a backup's, an export's or a return's manifest), or the file is a bare anchor.

    A folder is read through its manifest (backup.json or manifest.json); a zip file (a
    packet return) through its manifest.json."""
    label = str(path)
    document = _load(path, label)
    found: list[Any] = []
    if isinstance(document, dict):
        if ANCHOR_KEY in document:
            found.append(document[ANCHOR_KEY])
        found.extend(
            value[ANCHOR_KEY]
            for value in document.values()
            if isinstance(value, dict) and ANCHOR_KEY in value
        )
        if not found and {"entries", "head"} <= set(document):
            found.append(document)
    if not found:
        raise AnchorError(
            translate(
                "Audit",
                "{file} holds no audit anchor (an object with 'entries' and 'head', on its "
                "own or under {key!r}).",
            ).format(file=label, key=ANCHOR_KEY)
        )
    return [_valid(anchor, label) for anchor in found]


def _valid(anchor: Any, label: str) -> dict[str, Any]:
    entries = anchor.get("entries") if isinstance(anchor, dict) else None
    head = anchor.get("head") if isinstance(anchor, dict) else None
    if (
        not isinstance(entries, int)
        or isinstance(entries, bool)
        or entries < 0
        or not isinstance(head, str)
        or not _HASH.fullmatch(head)
    ):
        raise AnchorError(
            translate(
                "Audit",
                "The audit anchor in {file} is not valid: it needs 'entries' (a whole "
                "number) and 'head' (a SHA-256 in hex).",
            ).format(file=label)
        )
    return {"entries": entries, "head": head}


def _load(path: Path, label: str) -> Any:
    try:
        if path.is_dir():
            path = next(
                (path / name for name in _FOLDER_MANIFESTS if (path / name).is_file()),
                path / _FOLDER_MANIFESTS[0],
            )
        if zipfile.is_zipfile(path):
            raw = _zip_manifest(path, label)
        else:
            if path.stat().st_size > MAX_ANCHOR_FILE:
                raise AnchorError(
                    translate("Audit", "{file} is too large to be a manifest.").format(file=label)
                )
            raw = path.read_bytes()
        return json.loads(raw.decode("utf-8"))
    except OSError as e:
        raise AnchorError(
            translate("Audit", "{file} cannot be read ({problem}).").format(
                file=label, problem=e.strerror or e
            )
        ) from None
    except (ValueError, RecursionError):  # not JSON, not UTF-8, or nested without end
        raise AnchorError(
            translate("Audit", "{file} is not a JSON file, nor a packet return.").format(file=label)
        ) from None


def _zip_manifest(path: Path, label: str) -> bytes:
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo(ZIP_MANIFEST)
            if info.file_size > MAX_ANCHOR_FILE:
                raise AnchorError(
                    translate("Audit", "{file} is too large to be a manifest.").format(file=label)
                )
            with archive.open(info) as f:
                return f.read(MAX_ANCHOR_FILE + 1)[:MAX_ANCHOR_FILE]
    except (KeyError, zipfile.BadZipFile, NotImplementedError, EOFError):
        raise AnchorError(
            translate("Audit", "{file} is a zip file without a readable {manifest}.").format(
                file=label, manifest=ZIP_MANIFEST
            )
        ) from None

"""What a bundle says it holds, before any evidence byte is read: a `SubmissionPlan`.

Manifest bundles are read from `manifest.json` (checked against the format's schema);
loose bundles are described from their file names. The plan's digest identifies the
submission's content: the same id with the same digest is "already imported".
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from typing import Any

from reviewer_app.canonical import canonical_json
from reviewer_app.evidence.shapes import MANIFEST
from reviewer_app.evidence.sources import BundleRejected, Source, escapes_bundle
from reviewer_app.formats import JsonProblem, parse_json, problems
from reviewer_app.wording import translate
from reviewer_app.zipsafety import READ_ERRORS

SCHEMA = "evidence-bundle-1.schema.json"
MAX_MANIFEST_BYTES = 10 * 1024 * 1024
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")


@dataclass
class PlannedItem:
    kind: str  # "file" or "text"
    position: int
    path: str | None = None
    sha256: str | None = None  # declared by the manifest; None for loose bundles
    media_type: str | None = None
    part: str | None = None
    title: str | None = None
    description: str | None = None
    text: str | None = None


@dataclass
class SubmissionPlan:
    shape: str
    submission_id: str
    earner_id: str
    earner_name: str
    earner_email: str | None
    credential_uri: str | None
    credential_name: str | None
    attempt: int
    submitted_at: dt.datetime | None
    notes: str | None
    items: list[PlannedItem]
    warnings: list[str] = field(default_factory=list)
    # Where a learning platform's download came from (see reviewer_app.lms); outside
    # the digest, which the submission's content alone decides.
    platform: str | None = None
    platform_id: str | None = None
    late: bool = False

    def digest(self, hashes: dict[str, str]) -> str:
        """SHA-256 of the normalized submission, with each file's actual hash."""
        record = {
            "shape": self.shape,
            "submission_id": self.submission_id,
            "earner": [self.earner_id, self.earner_name, self.earner_email],
            "credential": [self.credential_uri, self.credential_name],
            "attempt": self.attempt,
            "submitted_at": self.submitted_at.isoformat() if self.submitted_at else None,
            "notes": self.notes,
            "items": [
                [
                    i.kind,
                    i.path,
                    hashes.get(i.path or "", i.sha256),
                    i.media_type,
                    i.part,
                    i.title,
                    i.description,
                    i.text,
                ]
                for i in self.items
            ],
        }
        return hashlib.sha256(canonical_json(record).encode()).hexdigest()


def parse_rfc3339(value: str) -> dt.datetime | None:
    if not _RFC3339.match(value):
        return None
    try:
        return dt.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
    except ValueError:
        return None


def _read_manifest(source: Source) -> Any:
    entries = source.entries()
    entry = entries[MANIFEST]
    if entry.size > MAX_MANIFEST_BYTES:
        raise source.reject(
            translate("BundleImport", "is larger than {limit} bytes").format(
                limit=f"{MAX_MANIFEST_BYTES:,}"
            ),
            MANIFEST,
        )
    with source.open(MANIFEST) as f:
        raw = f.read(MAX_MANIFEST_BYTES + 1)
    try:
        return parse_json(raw)
    except JsonProblem as e:
        raise source.reject(str(e), MANIFEST) from None


def _check_path(source: Source, path: str, where: str) -> str:
    normalized = path.replace("\\", "/")
    escape = escapes_bundle(normalized)
    if escape == "absolute":
        raise source.reject(
            translate(
                "BundleImport", "{field}.path {path} is absolute; it must be relative"
            ).format(field=where, path=repr(path)),
            MANIFEST,
        )
    if escape == "parent":
        raise source.reject(
            translate(
                "BundleImport",
                "{field}.path {path} has a '..' segment, which would leave the bundle",
            ).format(field=where, path=repr(path)),
            MANIFEST,
        )
    return str(PurePosixPath(normalized))


def plan_manifest_bundle(source: Source) -> SubmissionPlan:
    data = _read_manifest(source)
    found = problems(data, SCHEMA)
    if found:
        raise source.reject(
            translate("BundleImport", "is not a valid manifest: {problem}").format(
                problem=found[0]
            ),
            MANIFEST,
        )
    submitted_at = parse_rfc3339(data["submitted_at"])
    if submitted_at is None:
        raise source.reject(
            translate(
                "BundleImport",
                "is not a valid manifest: submitted_at must be an RFC 3339 date-time with an "
                "offset, such as 2026-10-03T14:22:05-05:00 (not {value})",
            ).format(value=repr(data["submitted_at"])),
            MANIFEST,
        )
    entries = source.entries()
    items: list[PlannedItem] = []
    listed: set[str] = {MANIFEST}
    for position, raw in enumerate(data["evidence"]):
        common = {
            "part": raw.get("part"),
            "title": raw.get("title"),
            "description": raw.get("description"),
        }
        if "path" not in raw:
            items.append(PlannedItem("text", position, text=raw["text"], **common))
            continue
        path = _check_path(source, raw["path"], f"evidence[{position}]")
        if path not in entries:
            raise source.reject(
                translate(
                    "BundleImport", "evidence[{position}] lists {path}, which is not in the bundle"
                ).format(position=position, path=repr(path)),
                MANIFEST,
            )
        listed.add(path)
        items.append(
            PlannedItem(
                "file",
                position,
                path=path,
                sha256=raw["sha256"],
                media_type=raw.get("media_type"),
                **common,
            )
        )
    earner, credential = data["earner"], data["credential"]
    plan = SubmissionPlan(
        shape="manifest",
        submission_id=data["submission_id"],
        earner_id=earner["id"],
        earner_name=earner["name"],
        earner_email=earner.get("email") or _email_from(earner["id"]),
        credential_uri=credential["id"],
        credential_name=credential.get("name"),
        attempt=data.get("attempt", 1),
        submitted_at=submitted_at,
        notes=data.get("notes"),
        items=items,
    )
    claimed = _email_from(earner["id"])
    if claimed and earner.get("email") and earner["email"].lower() != claimed.lower():
        plan.warnings.append(
            translate(
                "BundleImport",
                "the earner's id is {earner} but their email is given as {email}: the "
                "credential will go to {email}; check with the earner which is right",
            ).format(earner=earner["id"], email=earner["email"])
        )
    unlisted = sorted(set(entries) - listed)
    if unlisted:
        shown = ", ".join(unlisted[:5])
        if len(unlisted) > 5:
            warning = translate(
                "BundleImport",
                "{count} file(s) in the bundle are listed in no evidence item and were "
                "ignored: {files} and more",
            )
        else:
            warning = translate(
                "BundleImport",
                "{count} file(s) in the bundle are listed in no evidence item and were "
                "ignored: {files}",
            )
        plan.warnings.append(warning.format(count=len(unlisted), files=shown))
    return plan


def _email_from(identifier: str) -> str | None:
    if identifier.lower().startswith("mailto:"):
        return identifier[7:]
    return identifier if "@" in identifier and ":" not in identifier else None


def _natural_key(path: str) -> list[Any]:
    return [int(t) if t.isdigit() else t.lower() for t in re.split(r"(\d+)", path)]


def plan_loose_bundle(source: Source) -> SubmissionPlan:
    entries = source.entries()
    if not entries:
        raise source.reject(translate("BundleImport", "holds no files"))
    paths = sorted(entries, key=_natural_key)
    items = [
        PlannedItem("file", n, path=p, title=PurePosixPath(p).name) for n, p in enumerate(paths)
    ]
    # The name becomes the submission id and the earner's name: no control characters or
    # bidi overrides, which a manifest's submission_id may not hold either.
    name = " ".join(_CONTROLS.sub(" ", source.stem).split()) or "Unnamed earner"
    return SubmissionPlan(
        shape="loose",
        submission_id=name[:200],
        earner_id=f"urn:reviewer-app:loose-earner:{name}",
        earner_name=name,
        earner_email=None,
        credential_uri=None,
        credential_name=None,
        attempt=1,
        submitted_at=None,
        notes=None,
        items=items,
        warnings=[
            translate(
                "BundleImport",
                "a loose bundle: check the earner's name and assign a micro-credential",
            )
        ],
    )


def plan_bundle(source: Source, shape: str) -> SubmissionPlan:
    try:
        if shape == "manifest":
            return plan_manifest_bundle(source)
        return plan_loose_bundle(source)
    except READ_ERRORS as e:  # reading manifest.json from a damaged zip entry
        raise source.reject(
            translate(
                "BundleImport", "cannot be extracted: its zip entry is damaged ({problem})"
            ).format(problem=str(e)[:200]),
            MANIFEST,
        ) from None
    except OSError as e:
        raise BundleRejected(
            source.label, translate("BundleImport", "cannot be read ({problem})").format(problem=e)
        ) from None

"""The manifest of an evidence bundle: its fields, its evidence items, its file hashes."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from reviewer_app.demo.credentials import Credential
from reviewer_app.demo.earners import Earner

BUNDLE_FORMAT = "evidence-bundle/1"
FileSource = bytes | Path  # a file's bytes, or a file to copy
Json = dict[str, Any]

PDF, JPEG, PNG = "application/pdf", "image/jpeg", "image/png"
PLAIN_TEXT, MARKDOWN = "text/plain", "text/markdown"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(source: FileSource) -> bytes:
    return source if isinstance(source, bytes) else source.read_bytes()


def manifest_fields(
    *,
    submission_id: str,
    submitted_at: str,
    earner: Earner,
    credential: Credential,
    evidence: Sequence[Json],
    attempt: int | None = 1,
    notes: str | None = None,
) -> Json:
    """A manifest's fields in the spec's order; `attempt` None leaves it out, as it may."""
    fields: Json = {"format": BUNDLE_FORMAT, "submission_id": submission_id}
    if attempt is not None:
        fields["attempt"] = attempt
    fields |= {
        "submitted_at": submitted_at,
        "earner": earner.manifest(),
        "credential": credential.manifest(),
        "evidence": list(evidence),
    }
    if notes:
        fields["notes"] = notes
    return fields


def file_item(
    path: str,
    title: str,
    *,
    media_type: str | None = None,
    part: str | None = "artifacts",
    description: str | None = None,
    sha256: str | None = None,
) -> Json:
    """An evidence item for a file; fields given as None are left out.

    A `sha256` given here is kept as it is (after the other fields); otherwise
    `manifest_entries` computes it from the file and puts it right after `path`.
    """
    fields = {
        "path": path,
        "media_type": media_type,
        "part": part,
        "title": title,
        "description": description,
        "sha256": sha256,
    }
    return {key: value for key, value in fields.items() if value is not None}


def pdf_item(path: str, title: str, **fields: str | None) -> Json:
    return file_item(path, title, media_type=PDF, **fields)


def text_item(text: str, part: str, title: str) -> Json:
    return {"text": text, "part": part, "title": title}


def manifest_entries(
    fields: Mapping[str, Any], files: Mapping[str, FileSource]
) -> dict[str, FileSource]:
    """`manifest.json` (hashes filled in) followed by the files, ready to write."""
    manifest = dict(fields)
    manifest["evidence"] = [_with_hash(item, files) for item in fields["evidence"]]
    text = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"
    return {"manifest.json": text.encode("utf-8"), **files}


def _with_hash(item: Mapping[str, Any], files: Mapping[str, FileSource]) -> Json:
    if "path" not in item or "sha256" in item:
        return dict(item)
    digest = sha256(read_source(files[item["path"]]))
    # Keep the spec's field order: path, sha256, then the rest.
    rest = {key: value for key, value in item.items() if key != "path"}
    return {"path": item["path"], "sha256": digest, **rest}

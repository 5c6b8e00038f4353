"""A stored submission written back out as an evidence bundle (see `evidence-bundle.md`)
that the evidence importer accepts: the manifest made from the submission's rows, and
every evidence file byte for byte from the store, checked against its hash on the way.
Written blind (with a code), it names no earner and no original file name."""

from __future__ import annotations

import hashlib
import stat
import zipfile
from pathlib import Path
from typing import Any

from reviewer_app.packets import blind_codes
from reviewer_app.packets.manifest import CHUNK, PacketError, json_bytes
from reviewer_app.storage.blobstore import BlobStore
from reviewer_app.storage.models import EvidenceItem, Submission
from reviewer_app.wording import translate

BUNDLE_FORMAT = "evidence-bundle/1"
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def bundle_manifest(submission: Submission, code: str | None = None) -> dict[str, Any]:
    """The bundle's manifest.json: only what the rows hold, in the earner's order. With
    a blind `code`, the code stands for the submission id and the earner."""
    if submission.shape != "manifest" or submission.credential_uri is None:
        raise PacketError(
            translate(
                "ReviewPackets",
                "Submission {submission} came as a loose bundle, without a "
                "micro-credential or submission time; only submissions imported from a "
                "manifest bundle can go into a packet.",
            ).format(submission=submission.submission_id)
        )
    if submission.submitted_at is None:
        raise PacketError(
            translate("ReviewPackets", "Submission {submission} has no submission time.").format(
                submission=submission.submission_id
            )
        )
    if code is not None:
        # Blind: the earner is not even read (an assessor's login on a team database in
        # blind review may not read them).
        earner: dict[str, Any] = dict(blind_codes.earner(code))
    else:
        # As this submission gave them, not as the first bundle for this earner id did.
        name, email = submission.identity()
        earner = {"id": submission.earner.external_id, "name": name}
        if email is not None:
            earner["email"] = email
    credential: dict[str, Any] = {"id": submission.credential_uri}
    if submission.credential_name is not None:
        credential["name"] = submission.credential_name
    doc: dict[str, Any] = {
        "format": BUNDLE_FORMAT,
        "submission_id": code if code is not None else submission.submission_id,
        "attempt": submission.attempt,
        "submitted_at": submission.submitted_at.isoformat(),
        "earner": earner,
        "credential": credential,
        "evidence": [_item(submission, item, code is not None) for item in submission.items],
    }
    if submission.notes is not None:
        doc["notes"] = submission.notes
    return doc


def _item(submission: Submission, item: EvidenceItem, blind: bool) -> dict[str, Any]:
    out: dict[str, Any] = {}
    if item.kind == "text":
        out["text"] = item.text or ""
    else:
        if item.path is None or item.blob_sha256 is None:
            raise PacketError(
                translate(
                    "ReviewPackets",
                    "Submission {submission}: evidence item {number} has no stored file.",
                ).format(submission=submission.submission_id, number=item.position + 1)
            )
        out["path"] = _file_name(item, blind)
        out["sha256"] = item.blob_sha256
        # The earner's declared type, if any; otherwise the importer sniffs it again.
        if item.declared_media_type is not None:
            out["media_type"] = item.declared_media_type
    # A file's title and description are the uploader's labels, often their file name
    # (the window does not show them in blind review either).
    hide_labels = blind and item.kind == "file"
    for key in ("part",) if hide_labels else ("part", "title", "description"):
        value = getattr(item, key)
        if value is not None:
            out[key] = value
    return out


def _file_name(item: EvidenceItem, blind: bool) -> str:
    assert item.path is not None
    return blind_codes.file_name(item.position, item.path) if blind else item.path


def write_bundle(
    store: BlobStore, submission: Submission, out: Path, code: str | None = None
) -> None:
    """Writes `submission` as a bundle zip at `out` (a new file); blind with a `code`."""
    doc = bundle_manifest(submission, code)
    files = {
        _file_name(item, code is not None): item.blob_sha256
        for item in submission.items
        if item.kind == "file" and item.path is not None and item.blob_sha256 is not None
    }
    if "manifest.json" in files:
        raise PacketError(
            translate(
                "ReviewPackets",
                "Submission {submission} lists a file named manifest.json as "
                "evidence, which a bundle written again cannot hold.",
            ).format(submission=submission.submission_id)
        )
    with zipfile.ZipFile(out, "x", zipfile.ZIP_STORED) as archive:
        archive.writestr(_info("manifest.json", 0), json_bytes(doc))
        for path, sha in files.items():
            _copy_blob(store, archive, submission.submission_id, path, sha)


def _info(path: str, size: int) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(path, _ZIP_TIME)
    info.create_system = 3
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    # Stored: the importer's ratio limit then never refuses what it accepted once.
    info.compress_type = zipfile.ZIP_STORED
    info.file_size = size
    return info


def _copy_blob(
    store: BlobStore, archive: zipfile.ZipFile, submission_id: str, path: str, sha: str
) -> None:
    if not store.file(sha).is_file():  # fetched first from a team database
        raise PacketError(
            translate(
                "ReviewPackets",
                "Submission {submission}: the evidence file {path!r} is missing from the "
                "store; 'reviewer-app check' lists what is damaged.",
            ).format(submission=submission_id, path=path)
        )
    size = store.path_for(sha).stat().st_size
    digest = hashlib.sha256()
    with store.open(sha) as src, archive.open(_info(path, size), "w") as dst:
        while chunk := src.read(CHUNK):
            digest.update(chunk)
            dst.write(chunk)
    if digest.hexdigest() != sha:
        raise PacketError(
            translate(
                "ReviewPackets",
                "Submission {submission}: the stored evidence file {path!r} no longer "
                "matches its hash; 'reviewer-app check' lists what is damaged.",
            ).format(submission=submission_id, path=path)
        )

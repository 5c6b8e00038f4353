"""An export's manifest, signed by the issuer: every file's SHA-256, and the audit
trail's head when the export was recorded.

`manifest.json` lists the files; `manifest.sig.json` holds an Ed25519 signature of its
exact bytes by the issuer's assertion key (the one that signs its credentials), named
by its verification method, so that `verify` can tell an export folder is whole and
the issuer's, and `audit verify --anchor manifest.json` can check that the audit trail
still holds the head the export saw.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature

from reviewer_app import safe_json
from reviewer_app.audit.anchor import ANCHOR_KEY
from reviewer_app.credentials.issuers import UnlockedIssuer
from reviewer_app.credentials.key_resolution import ed25519_key, key_belongs
from reviewer_app.credentials.verify_common import Fetch, VerifyResult
from reviewer_app.errors import UserError
from reviewer_app.wording import translate

MANIFEST = "manifest.json"
SIGNATURE = "manifest.sig.json"
FORMAT = "reviewer-app-export/2"
SIGNATURE_FORMAT = "reviewer-app-export-signature/1"
# Temp files left by a killed `write_atomically`: ".<name>.<12 hex>.tmp".
TEMP = re.compile(r"^\..+\.[0-9a-f]{12}\.tmp$")


def _json(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


def file_entries(
    out: Path, known: Mapping[str, tuple[str, int]] | None = None
) -> list[dict[str, Any]]:
    """Every file of `out` with its SHA-256 and size. `known` gives (SHA-256, size) by
    relative path for files the caller has just written or compared, which are then not
    read again (unless their size on disk says otherwise)."""
    known = known or {}
    entries = []
    for path in sorted(out.rglob("*")):
        relative = path.relative_to(out).as_posix()
        if not path.is_file() or relative in (MANIFEST, SIGNATURE) or TEMP.match(path.name):
            continue
        digest, size = known.get(relative, ("", -1))
        if size != path.stat().st_size:
            data = path.read_bytes()
            digest, size = hashlib.sha256(data).hexdigest(), len(data)
        entries.append({"path": relative, "sha256": digest, "size": size})
    return entries


def signed_manifest(
    out: Path,
    unlocked: UnlockedIssuer,
    anchor: dict[str, Any],
    known: Mapping[str, tuple[str, int]] | None = None,
) -> tuple[bytes, bytes]:
    """The manifest of `out` and its signature file, both as bytes to write."""
    manifest = _json(
        {
            "format": FORMAT,
            "issuer": unlocked.info.id,
            "files": file_entries(out, known),
            ANCHOR_KEY: anchor,
        }
    )
    signature = unlocked.ed25519.sign(manifest)
    unlocked.check_ed25519(signature, manifest)
    document = {
        "format": SIGNATURE_FORMAT,
        "algorithm": "Ed25519",
        "issuer": unlocked.info.id,
        "verificationMethod": unlocked.verification_method,
        "manifest_sha256": hashlib.sha256(manifest).hexdigest(),
        "signature": base64.urlsafe_b64encode(signature).rstrip(b"=").decode("ascii"),
    }
    return manifest, _json(document)


def verify_manifest(manifest_path: Path, fetch: Fetch) -> VerifyResult:
    """Checks an export's manifest: signed by the issuer it names, with a key that is
    the issuer's own, and every file it lists present and unchanged."""
    result = VerifyResult(file=str(manifest_path), format="export manifest")
    folder = manifest_path.parent
    try:
        manifest_bytes = manifest_path.read_bytes()
        signature_doc = safe_json.loads((folder / SIGNATURE).read_bytes())
        manifest = safe_json.loads(manifest_bytes)
    except FileNotFoundError:
        result.add(
            "proof",
            False,
            translate("CredentialVerify", "the manifest is not signed: {file} is missing").format(
                file=SIGNATURE
            ),
        )
        return result
    except (OSError, ValueError, RecursionError) as e:
        result.add(
            "format",
            False,
            translate("CredentialVerify", "the manifest cannot be read: {problem}").format(
                problem=e
            ),
        )
        return result
    if not isinstance(manifest, dict) or not isinstance(signature_doc, dict):
        result.add("format", False, translate("CredentialVerify", "not an export manifest"))
        return result
    result.add("format", True, translate("CredentialVerify", "export manifest"))
    method = signature_doc.get("verificationMethod")
    issuer = manifest.get("issuer")
    if not isinstance(method, str) or not isinstance(issuer, str):
        result.add("key", False, translate("CredentialVerify", "the signature names no key"))
        return result
    if signature_doc.get("issuer") != issuer:
        result.add(
            "key", False, translate("CredentialVerify", "the signature is by another issuer")
        )
        return result
    if not key_belongs(method, issuer, fetch, result):
        return result
    try:
        raw = str(signature_doc.get("signature", ""))
        signature = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
        ed25519_key(method, fetch).verify(signature, manifest_bytes)
    except (UserError, ValueError, binascii.Error, InvalidSignature):
        result.add("proof", False, translate("CredentialVerify", "the signature does not match"))
        return result
    result.add("proof", True, translate("CredentialVerify", "signed by the issuer"))
    _check_files(folder, manifest, result)
    return result


def _check_files(folder: Path, manifest: dict[str, Any], result: VerifyResult) -> None:
    entries = manifest.get("files")
    if not isinstance(entries, list):
        result.add("contents", False, translate("CredentialVerify", "the manifest lists no files"))
        return
    root = folder.resolve()
    for entry in entries:
        relative = entry.get("path") if isinstance(entry, dict) else None
        path = (folder / str(relative)).resolve()
        if not isinstance(relative, str) or not path.is_relative_to(root):
            result.add("contents", False, translate("CredentialVerify", "a listed path is unsafe"))
            return
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            digest = None
        if digest != entry.get("sha256"):
            result.add(
                "contents",
                False,
                translate("CredentialVerify", "{file} is missing or changed").format(file=relative),
            )
            return
    result.add(
        "contents",
        True,
        translate("CredentialVerify", "all {n} files are as signed").format(n=len(entries)),
    )

"""Verifying signed credentials offline, check by check.

Accepts Open Badges 3.0 JSON with a Data Integrity proof, VC-JWT, Open Badges 2.0
signed assertions (compact JWS), and PNG or SVG images with any of them baked in. Keys,
DID documents and status lists that live at https addresses are read from a local
hosting folder (laid out like an export's hosting/, paths mirroring the URLs) or from
this data folder's own issuers; nothing is fetched from the network. did:key needs
nothing at all.

This module reads the file and tells the formats apart; each format's checks are in
its own module under `credentials/formats/`, the checks they share in `verify_common`.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reviewer_app import safe_json
from reviewer_app.credentials import baking, jws
from reviewer_app.credentials.formats import ob2_signed, ob3_jwt, ob3_proof
from reviewer_app.credentials.verify_common import (
    Check,
    Failed,
    Fetch,
    Trusted,
    VerifyResult,
    as_list,
)
from reviewer_app.errors import UserError
from reviewer_app.wording import translate

__all__ = [
    "Check",
    "Fetch",
    "Trusted",
    "VerifyResult",
    "chain",
    "hosting_fetcher",
    "verify_bytes",
    "verify_file",
]


def hosting_fetcher(root: Path) -> Fetch:
    """Answers https URLs from a folder laid out like an export's hosting/: the URL's
    path, or its tail (the folder may be served below a path prefix)."""

    def fetch(url: str) -> Any:
        parts = urlsplit(url)
        if parts.scheme != "https":
            return None
        segments = [s for s in parts.path.split("/") if s]
        for start in range(len(segments)):
            candidate = root.joinpath(*segments[start:])
            try:
                resolved = candidate.resolve()
                if not resolved.is_relative_to(root.resolve()) or not resolved.is_file():
                    continue
                return safe_json.loads(resolved.read_bytes())
            except (OSError, ValueError):
                continue
        return None

    return fetch


def chain(*fetchers: Fetch | None) -> Fetch:
    def fetch(url: str) -> Any:
        for fetcher in fetchers:
            if fetcher is not None:
                found = fetcher(url)
                if found is not None:
                    return found
        return None

    return fetch


def verify_file(path: Path, fetch: Fetch, *, now: dt.datetime | None = None) -> VerifyResult:
    from reviewer_app.credentials import export_manifest

    if path.name == export_manifest.MANIFEST:
        # An export folder's signed manifest; its own hosting/ is a source of keys too.
        local = hosting_fetcher(path.parent / "hosting")
        return export_manifest.verify_manifest(path, chain(fetch, local))
    result = VerifyResult(file=str(path))
    try:
        data = path.read_bytes()
    except OSError as e:
        result.add(
            "read",
            False,
            translate("CredentialVerify", "cannot read the file: {reason}").format(
                reason=e.strerror
            ),
        )
        return result
    return verify_bytes(data, str(path), fetch, now=now)


def verify_bytes(
    data: bytes, name: str, fetch: Fetch, *, now: dt.datetime | None = None
) -> VerifyResult:
    result = VerifyResult(file=name)
    moment = now or dt.datetime.now(dt.UTC)
    try:
        payload, baked = _payload(data, result)
        text = payload.strip()
        if text.startswith("https://") and " " not in text:  # a 2.0 badge baked as its URL
            hosted = fetch(text)
            if hosted is None:
                result.add(
                    "format",
                    False,
                    translate(
                        "CredentialVerify", "the assertion at {url} is not in the hosting folder"
                    ).format(url=text),
                )
                raise Failed
            text = json.dumps(hosted)
        if text.startswith("{"):
            _verify_json(text, fetch, moment, result, baked)
        elif text.count(".") == 2:
            _verify_compact(text, fetch, moment, result, baked)
        else:
            result.add(
                "format",
                False,
                translate("CredentialVerify", "not a credential: neither JSON nor a JWT/JWS"),
            )
    except Failed:
        pass
    except UserError as e:
        result.add("format", False, str(e))
    return result


def _payload(data: bytes, result: VerifyResult) -> tuple[str, str | None]:
    """The credential text, and the kind of image it was baked into, if any."""
    if data.startswith(b"\x89PNG"):
        found = baking.extract_png(data)
        text = found.get("openbadgecredential") or found.get("openbadges")
        if not text:
            result.add(
                "format", False, translate("CredentialVerify", "the PNG has no baked credential")
            )
            raise Failed
        return text, "png"
    head = data[:512].lstrip()
    if head.startswith(b"<"):
        svg = baking.extract_svg(data)
        if svg is None:
            result.add(
                "format", False, translate("CredentialVerify", "the SVG has no baked credential")
            )
            raise Failed
        return svg[1], "svg"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        result.add(
            "format", False, translate("CredentialVerify", "the file is neither text, PNG nor SVG")
        )
        raise Failed from None


def _verify_json(
    text: str, fetch: Fetch, now: dt.datetime, result: VerifyResult, baked: str | None
) -> None:
    try:
        document = safe_json.loads(text)
    except ValueError as e:
        result.add(
            "format",
            False,
            translate("CredentialVerify", "the JSON does not parse: {problem}").format(problem=e),
        )
        raise Failed from None
    if not isinstance(document, dict):
        result.add("format", False, translate("CredentialVerify", "the JSON is not an object"))
        raise Failed
    if "Assertion" in as_list(document.get("type")):
        result.format = "ob2 hosted" + (f" baked in {baked.upper()}" if baked else "")
        ob2_signed.verify_hosted(document, fetch, now, result)
        return
    ob3_proof.verify(document, fetch, now, result, baked)


def _verify_compact(
    token: str, fetch: Fetch, now: dt.datetime, result: VerifyResult, baked: str | None
) -> None:
    try:
        header, payload = jws.read_unverified(token)
        claims = safe_json.loads(payload)
    except (UserError, ValueError) as e:
        result.add(
            "format",
            False,
            translate("CredentialVerify", "not a readable JWT/JWS: {problem}").format(problem=e),
        )
        raise Failed from None
    if not isinstance(claims, dict):
        result.add(
            "format",
            False,
            translate("CredentialVerify", "the JWT/JWS payload is not a JSON object"),
        )
        raise Failed
    where = f" baked in {baked.upper()}" if baked else ""
    if "vc" in claims or "VerifiableCredential" in as_list(claims.get("type")):
        result.format = "ob3-jwt" + where
        ob3_jwt.verify(token, header, claims, fetch, now, result)
    else:
        result.format = "ob2" + where
        ob2_signed.verify_signed(token, claims, fetch, now, result)

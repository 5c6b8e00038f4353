"""Verifying signed credentials offline, check by check.

Accepts Open Badges 3.0 JSON with a Data Integrity proof, VC-JWT, Open Badges 2.0
signed assertions (compact JWS), and PNG or SVG images with any of them baked in. Keys,
DID documents and status lists that live at https addresses are read from a local
hosting folder (laid out like an export's hosting/, paths mirroring the URLs) or from
this data folder's own issuers; nothing is fetched from the network. did:key needs
nothing at all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey

from reviewer_app import safe_json
from reviewer_app.credentials import baking, dataintegrity, dids, jws, multibase
from reviewer_app.credentials.schemas import ob3_problems
from reviewer_app.credentials.status import decode_list, is_set
from reviewer_app.errors import UserError
from reviewer_app.wording import translate

# A URL to the parsed JSON published there, or None when no local source has it.
Fetch = Callable[[str], Any]


@dataclass
class Check:
    name: str
    ok: bool | None  # None: could not be checked (no source for it), reported as such
    detail: str = ""


@dataclass
class VerifyResult:
    file: str
    format: str = "unknown"
    checks: list[Check] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return bool(self.checks) and all(c.ok is not False for c in self.checks)

    @property
    def error(self) -> str | None:
        failed = next((c for c in self.checks if c.ok is False), None)
        return f"{failed.name}: {failed.detail}" if failed else None

    def add(self, name: str, ok: bool | None, detail: str = "") -> bool:
        self.checks.append(Check(name, ok, detail))
        return ok is not False


class Trusted(dict[str, Any]):
    """A document from this data folder's own records rather than from a file: a status
    list read this way needs no signature (files must carry one)."""


class _Failed(Exception):
    """Stops a verification after a failed check that later checks depend on."""


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
                return json.loads(resolved.read_text(encoding="utf-8"))
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
                raise _Failed
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
    except _Failed:
        pass
    except UserError as e:
        result.add("format", False, str(e))
    return result


def _verify_ob2_hosted(
    assertion: Mapping[str, Any], fetch: Fetch, now: dt.datetime, result: VerifyResult
) -> None:
    """An Open Badges 2.0 hosted assertion: it is genuine when the copy the issuer
    publishes at its id is the same, within the issuer's own address."""
    verification = assertion.get("verification")
    kind = verification.get("type") if isinstance(verification, Mapping) else None
    if kind not in ("hosted", "HostedBadge"):
        result.add(
            "format",
            False,
            translate(
                "CredentialVerify", "an Open Badges 2.0 assertion that is neither signed nor hosted"
            ),
        )
        raise _Failed
    result.add("format", True, translate("CredentialVerify", "Open Badges 2.0 hosted assertion"))
    assertion_id = str(assertion.get("id", ""))
    published = fetch(assertion_id) if assertion_id.startswith("https://") else None
    if published is None:
        result.add(
            "proof",
            False,
            translate(
                "CredentialVerify", "the hosted copy at {url} is not in the hosting folder"
            ).format(url=assertion_id),
        )
        raise _Failed
    if _canonical(published) != _canonical(assertion):
        result.add(
            "proof",
            False,
            translate("CredentialVerify", "the hosted copy differs from this assertion"),
        )
        raise _Failed
    badge = assertion.get("badge")
    badge_doc = fetch(badge) if isinstance(badge, str) else badge
    issuer = badge_doc.get("issuer") if isinstance(badge_doc, Mapping) else None
    issuer_doc = fetch(issuer) if isinstance(issuer, str) else issuer
    if not isinstance(issuer_doc, Mapping):
        result.add(
            "key",
            False,
            translate(
                "CredentialVerify", "the badge's issuer profile is not in the hosting folder"
            ),
        )
        raise _Failed
    allowed = verification.get("allowedOrigins") if isinstance(verification, Mapping) else None
    origins = [str(o) for o in _as_list(allowed)] or [
        urlsplit(str(issuer_doc.get("url", ""))).netloc
    ]
    if urlsplit(assertion_id).netloc not in origins:
        result.add(
            "key",
            False,
            translate("CredentialVerify", "{url} is not within the issuer's address").format(
                url=assertion_id
            ),
        )
        raise _Failed
    result.add("key", True, translate("CredentialVerify", "hosted within the issuer's address"))
    result.add("proof", True, translate("CredentialVerify", "the hosted copy matches"))
    _check_ob2_dates(assertion, now, result)
    revoked = bool(published.get("revoked"))
    result.add("revocation", not revoked, _revocation_words(revoked))


def _revocation_words(revoked: bool) -> str:
    if revoked:
        return translate("CredentialVerify", "revoked")
    return translate("CredentialVerify", "not revoked")


def _check_ob2_dates(assertion: Mapping[str, Any], now: dt.datetime, result: VerifyResult) -> None:
    issued = _date(assertion.get("issuedOn"))
    expires = _date(assertion.get("expires"))
    if issued is None or issued > now:
        result.add(
            "dates", False, translate("CredentialVerify", "issuedOn is missing or in the future")
        )
    elif expires is not None and expires <= now:
        result.add(
            "dates",
            False,
            translate("CredentialVerify", "expired on {date}").format(date=f"{expires:%Y-%m-%d}"),
        )
    else:
        result.add(
            "dates",
            True,
            translate("CredentialVerify", "issued on {date}").format(date=f"{issued:%Y-%m-%d}"),
        )


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, separators=(",", ":"))


def _payload(data: bytes, result: VerifyResult) -> tuple[str, str | None]:
    """The credential text, and the kind of image it was baked into, if any."""
    if data.startswith(b"\x89PNG"):
        found = baking.extract_png(data)
        text = found.get("openbadgecredential") or found.get("openbadges")
        if not text:
            result.add(
                "format", False, translate("CredentialVerify", "the PNG has no baked credential")
            )
            raise _Failed
        return text, "png"
    head = data[:512].lstrip()
    if head.startswith(b"<"):
        svg = baking.extract_svg(data)
        if svg is None:
            result.add(
                "format", False, translate("CredentialVerify", "the SVG has no baked credential")
            )
            raise _Failed
        return svg[1], "svg"
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        result.add(
            "format", False, translate("CredentialVerify", "the file is neither text, PNG nor SVG")
        )
        raise _Failed from None


# Open Badges 3.0 with a Data Integrity proof ---------------------------------------


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
        raise _Failed from None
    if not isinstance(document, dict):
        result.add("format", False, translate("CredentialVerify", "the JSON is not an object"))
        raise _Failed
    types = _as_list(document.get("type"))
    if "Assertion" in types:
        result.format = "ob2 hosted" + (f" baked in {baked.upper()}" if baked else "")
        _verify_ob2_hosted(document, fetch, now, result)
        return
    if "VerifiableCredential" not in types:
        result.add(
            "format",
            False,
            translate(
                "CredentialVerify", "not a Verifiable Credential (no VerifiableCredential type)"
            ),
        )
        raise _Failed
    clr = "ClrCredential" in types
    kind = "clr" if clr else "ob3"
    result.format = kind + (f" baked in {baked.upper()}" if baked else "")
    if clr:
        words = translate("CredentialVerify", "CLR 2.0 credential")
    elif _is_ob3(types):
        words = translate("CredentialVerify", "Open Badges 3.0 credential")
    else:
        words = translate("CredentialVerify", "credential")
    result.add("format", True, words)
    if not clr:
        _check_schema(document, types, result)
    _check_data_integrity(document, fetch, result)
    _check_dates(document, now, result)
    _check_status(document, fetch, result)
    if clr:
        _check_embedded(document, fetch, now, result)


def _check_embedded(
    document: Mapping[str, Any], fetch: Fetch, now: dt.datetime, result: VerifyResult
) -> None:
    """A CLR holds signed credentials: each must verify on its own, and be the issuer's."""
    subject = document.get("credentialSubject")
    embedded = _as_list(subject.get("verifiableCredential")) if isinstance(subject, Mapping) else []
    if not embedded:
        result.add("contents", False, translate("CredentialVerify", "the CLR holds no credentials"))
        return
    for n, credential in enumerate(embedded):
        inner = VerifyResult(file=f"credential {n + 1}")
        with contextlib.suppress(_Failed):
            _verify_json(json.dumps(credential), fetch, now, inner, None)
        if not inner.valid:
            result.add(
                "contents",
                False,
                translate("CredentialVerify", "credential {n} of the CLR: {problem}").format(
                    n=n + 1, problem=inner.error
                ),
            )
            return
    result.add(
        "contents",
        True,
        translate("CredentialVerify", "all {n} credentials in it verify").format(n=len(embedded)),
    )


def _is_ob3(types: list[Any]) -> bool:
    return "OpenBadgeCredential" in types or "AchievementCredential" in types


def _check_schema(document: Mapping[str, Any], types: list[Any], result: VerifyResult) -> None:
    if not _is_ob3(types):
        result.add(
            "schema",
            None,
            translate("CredentialVerify", "not an Open Badges credential: no schema to check"),
        )
        return
    problems = ob3_problems(document)
    result.add(
        "schema",
        not problems,
        translate("CredentialVerify", "meets the Open Badges 3.0 schema")
        if not problems
        else "; ".join(str(p) for p in problems[:5]),  # jsonschema's own words, in English
    )


def _issuer_id(document: Mapping[str, Any]) -> str | None:
    issuer = document.get("issuer")
    if isinstance(issuer, str):
        return issuer
    if isinstance(issuer, Mapping) and isinstance(issuer.get("id"), str):
        return str(issuer["id"])
    return None


def _check_data_integrity(document: Mapping[str, Any], fetch: Fetch, result: VerifyResult) -> None:
    issuer = _issuer_id(document)
    proofs = _as_list(document.get("proof"))
    if not proofs:
        result.add("proof", False, translate("CredentialVerify", "the credential has no proof"))
        raise _Failed
    for proof in proofs:
        method = proof.get("verificationMethod") if isinstance(proof, Mapping) else None
        if not isinstance(method, str):
            result.add(
                "proof",
                False,
                translate("CredentialVerify", "the proof names no verification method"),
            )
            raise _Failed
        if not _key_belongs(method, issuer, fetch, result):
            raise _Failed

    def resolve(method: str) -> Ed25519PublicKey:
        return _ed25519_key(method, fetch)

    try:
        dataintegrity.verify(document, resolve)
    except UserError as e:
        result.add("proof", False, str(e))
        raise _Failed from None
    result.add(
        "proof", True, translate("CredentialVerify", "the eddsa-rdfc-2022 signature matches")
    )


def _key_belongs(method: str, issuer: str | None, fetch: Fetch, result: VerifyResult) -> bool:
    """Key provenance: the signing key is the issuer's own."""
    did = method.split("#", 1)[0]
    if issuer is None:
        return result.add(
            "key", False, translate("CredentialVerify", "the credential names no issuer")
        )
    if issuer.startswith("https://"):
        return _listed_by_issuer_document(method, issuer, fetch, result)
    if did != issuer:
        return result.add(
            "key",
            False,
            translate("CredentialVerify", "signed with {did}, not by the issuer {issuer}").format(
                did=did, issuer=issuer
            ),
        )
    if did.startswith("did:key:"):
        return result.add(
            "key",
            True,
            translate("CredentialVerify", "did:key: the key is the issuer's identifier itself"),
        )
    if did.startswith("did:web:"):
        document = fetch(dids.did_web_document_url(did))
        if document is None:
            return result.add(
                "key",
                False,
                translate(
                    "CredentialVerify", "the DID document of {did} is not in the hosting folder"
                ).format(did=did),
            )
        allowed = [
            m if isinstance(m, str) else m.get("id")
            for m in _as_list(document.get("assertionMethod"))
        ]
        if method not in allowed and method.replace(did, "", 1) not in allowed:
            return result.add(
                "key",
                False,
                translate("CredentialVerify", "{did} does not list {method} for assertions").format(
                    did=did, method=method
                ),
            )
        return result.add(
            "key",
            True,
            translate("CredentialVerify", "listed in the DID document of {did}").format(did=did),
        )
    return result.add(
        "key",
        False,
        translate("CredentialVerify", "cannot resolve {did} offline").format(did=did),
    )


def _listed_by_issuer_document(
    method: str, issuer: str, fetch: Fetch, result: VerifyResult
) -> bool:
    """An issuer known by an https address shows which keys are its own in the
    (controller) document published there: the method must be listed for assertions."""
    document = fetch(issuer)
    if not isinstance(document, Mapping):
        return result.add(
            "key",
            False,
            translate(
                "CredentialVerify",
                "cannot tell that {method} is the key of {issuer}: the issuer's document at "
                "that address is not in the hosting folder",
            ).format(method=method, issuer=issuer),
        )
    listed = [
        m if isinstance(m, str) else m.get("id")
        for m in _as_list(document.get("assertionMethod"))
        if isinstance(m, (str, Mapping))
    ]
    if method not in listed:
        return result.add(
            "key",
            False,
            translate("CredentialVerify", "the document of {issuer} does not list {method}").format(
                issuer=issuer, method=method
            ),
        )
    return result.add(
        "key",
        True,
        translate("CredentialVerify", "listed by the issuer's document at {issuer}").format(
            issuer=issuer
        ),
    )


def _ed25519_key(method: str, fetch: Fetch) -> Ed25519PublicKey:
    if method.startswith("did:key:"):
        return dids.resolve_did_key(method)
    did = method.split("#", 1)[0]
    document = fetch(dids.did_web_document_url(did)) if did.startswith("did:web:") else None
    for entry in _as_list((document or {}).get("verificationMethod")):
        if not isinstance(entry, Mapping):
            continue
        entry_id = str(entry.get("id", ""))
        if entry_id == method or (did + entry_id if entry_id.startswith("#") else "") == method:
            return multibase.ed25519_public_from_multibase(str(entry.get("publicKeyMultibase")))
    raise dataintegrity.ProofError(
        translate("CredentialVerify", "The key {method} is not published.").format(method=method)
    )


def _check_dates(document: Mapping[str, Any], now: dt.datetime, result: VerifyResult) -> None:
    start = _date(document.get("validFrom") or document.get("issuanceDate"))
    end = _date(document.get("validUntil") or document.get("expirationDate"))
    if start is None:
        result.add(
            "dates", False, translate("CredentialVerify", "validFrom is missing or not a date")
        )
    elif start > now:
        result.add(
            "dates",
            False,
            translate("CredentialVerify", "not valid before {moment} UTC").format(
                moment=f"{start:%Y-%m-%d %H:%M}"
            ),
        )
    elif end is not None and end <= now:
        result.add(
            "dates",
            False,
            translate("CredentialVerify", "expired on {date}").format(date=f"{end:%Y-%m-%d}"),
        )
    elif end is not None:
        result.add(
            "dates",
            True,
            translate("CredentialVerify", "valid from {start}, until {end}").format(
                start=f"{start:%Y-%m-%d}", end=f"{end:%Y-%m-%d}"
            ),
        )
    else:
        result.add(
            "dates",
            True,
            translate("CredentialVerify", "valid from {start}").format(start=f"{start:%Y-%m-%d}"),
        )


def _date(value: Any) -> dt.datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _check_status(document: Mapping[str, Any], fetch: Fetch, result: VerifyResult) -> None:
    entries = [e for e in _as_list(document.get("credentialStatus")) if isinstance(e, Mapping)]
    if not entries:
        result.add(
            "revocation", None, translate("CredentialVerify", "the credential has no status entry")
        )
        return
    for entry in entries:
        if entry.get("type") != "BitstringStatusListEntry":
            result.add(
                "revocation",
                None,
                translate("CredentialVerify", "status type {kind} is not checked").format(
                    kind=repr(entry.get("type"))
                ),
            )
            continue
        url = str(entry.get("statusListCredential", ""))
        listing = fetch(url)
        if listing is None:
            result.add(
                "revocation",
                None,
                translate(
                    "CredentialVerify", "the status list {url} is not in the hosting folder"
                ).format(url=url),
            )
            continue
        if _issuer_id(listing) != _issuer_id(document):
            result.add(
                "revocation",
                False,
                translate("CredentialVerify", "the status list is not the issuer's"),
            )
            continue
        try:
            if not isinstance(listing, Trusted):
                dataintegrity.verify(listing, lambda m: _ed25519_key(m, fetch))
            bits = decode_list(str(listing["credentialSubject"]["encodedList"]))
            revoked = is_set(bits, int(entry.get("statusListIndex", -1)))
        except (UserError, KeyError, TypeError, ValueError) as e:
            result.add(
                "revocation",
                False,
                translate("CredentialVerify", "the status list cannot be read: {problem}").format(
                    problem=e
                ),
            )
            continue
        result.add("revocation", not revoked, _revocation_words(revoked))


# JWT and JWS ------------------------------------------------------------------------


def _verify_compact(
    token: str, fetch: Fetch, now: dt.datetime, result: VerifyResult, baked: str | None
) -> None:
    try:
        header, payload = jws.read_unverified(token)
        claims = json.loads(payload)
    except (UserError, ValueError) as e:
        result.add(
            "format",
            False,
            translate("CredentialVerify", "not a readable JWT/JWS: {problem}").format(problem=e),
        )
        raise _Failed from None
    if not isinstance(claims, dict):
        result.add(
            "format",
            False,
            translate("CredentialVerify", "the JWT/JWS payload is not a JSON object"),
        )
        raise _Failed
    where = f" baked in {baked.upper()}" if baked else ""
    if "vc" in claims or "VerifiableCredential" in _as_list(claims.get("type")):
        result.format = "ob3-jwt" + where
        _verify_vc_jwt(token, header, claims, fetch, now, result)
    else:
        result.format = "ob2" + where
        _verify_ob2(token, claims, fetch, now, result)


def _verify_vc_jwt(
    token: str,
    header: Mapping[str, Any],
    claims: Mapping[str, Any],
    fetch: Fetch,
    now: dt.datetime,
    result: VerifyResult,
) -> None:
    credential = claims.get("vc", claims)
    if not isinstance(credential, dict):
        result.add(
            "format", False, translate("CredentialVerify", "the JWT's vc claim is not an object")
        )
        raise _Failed
    result.add("format", True, translate("CredentialVerify", "Open Badges 3.0 VC-JWT"))
    _check_schema(credential, _as_list(credential.get("type")), result)
    key = _rsa_key_for(header, _issuer_id(credential), fetch, result)
    try:
        jws.decode_vc_jwt(token, key)
    except UserError as e:
        result.add("proof", False, str(e))
        raise _Failed from None
    result.add("proof", True, translate("CredentialVerify", "the RS256 signature matches"))
    _check_dates(credential, now, result)
    _check_status(credential, fetch, result)


def _rsa_key_for(
    header: Mapping[str, Any], issuer: str | None, fetch: Fetch, result: VerifyResult
) -> RSAPublicKey:
    """The key named by `kid` (a URL into the issuer's published JWKS); an embedded
    `jwk` counts only when the issuer publishes that same key."""
    kid = header.get("kid")
    jwks_url, _, key_id = str(kid or "").partition("#")
    published = fetch(jwks_url) if jwks_url.startswith("https://") else None
    keys = [k for k in _as_list((published or {}).get("keys")) if isinstance(k, Mapping)]
    wanted = header.get("jwk")
    for entry in keys:
        if (key_id and entry.get("kid") == key_id) or (
            isinstance(wanted, Mapping) and entry.get("n") == wanted.get("n")
        ):
            result.add(
                "key",
                True,
                translate("CredentialVerify", "published by the issuer at {url}").format(
                    url=jwks_url
                ),
            )
            return _rsa_from_jwk(entry)
    if published is None:
        result.add(
            "key",
            False,
            translate(
                "CredentialVerify", "the issuer's keys ({kid}) are not in the hosting folder"
            ).format(kid=kid or translate("CredentialVerify", "no kid")),
        )
    else:
        result.add(
            "key",
            False,
            translate("CredentialVerify", "{url} does not publish the signing key").format(
                url=jwks_url
            ),
        )
    raise _Failed


def _rsa_from_jwk(entry: Mapping[str, Any]) -> RSAPublicKey:
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers

    def number(name: str) -> int:
        import base64

        raw = str(entry[name])
        return int.from_bytes(base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4)), "big")

    return RSAPublicNumbers(number("e"), number("n")).public_key()


def _verify_ob2(
    token: str, assertion: Mapping[str, Any], fetch: Fetch, now: dt.datetime, result: VerifyResult
) -> None:
    if assertion.get("type") != "Assertion" and "Assertion" not in _as_list(assertion.get("type")):
        result.add(
            "format",
            False,
            translate("CredentialVerify", "neither an Open Badges 2.0 assertion nor a VC-JWT"),
        )
        raise _Failed
    result.add("format", True, translate("CredentialVerify", "Open Badges 2.0 signed assertion"))
    verification = assertion.get("verification") or {}
    creator = verification.get("creator") if isinstance(verification, Mapping) else None
    badge = assertion.get("badge")
    issuer_url = badge.get("issuer") if isinstance(badge, Mapping) else None
    issuer_url = issuer_url.get("id") if isinstance(issuer_url, Mapping) else issuer_url
    key_doc = fetch(str(creator)) if creator else None
    issuer_doc = fetch(str(issuer_url)) if issuer_url else None
    if key_doc is None or issuer_doc is None:
        result.add(
            "key",
            False,
            translate(
                "CredentialVerify", "the signing key or issuer profile is not in the hosting folder"
            ),
        )
        raise _Failed
    listed = _as_list(issuer_doc.get("publicKey"))
    listed_ids = [k if isinstance(k, str) else k.get("id") for k in listed]
    if key_doc.get("owner") != issuer_doc.get("id") or creator not in listed_ids:
        result.add(
            "key",
            False,
            translate("CredentialVerify", "the signing key is not one the issuer publishes"),
        )
        raise _Failed
    result.add(
        "key",
        True,
        translate("CredentialVerify", "published by the issuer at {url}").format(url=creator),
    )
    try:
        public = serialization.load_pem_public_key(str(key_doc.get("publicKeyPem")).encode())
        if not isinstance(public, RSAPublicKey):
            raise jws.JwsError(translate("CredentialVerify", "the published key is not an RSA key"))
        jws.verify_compact(token, public)
    except (UserError, ValueError) as e:
        result.add("proof", False, str(e))
        raise _Failed from None
    result.add("proof", True, translate("CredentialVerify", "the RS256 signature matches"))
    _check_ob2_dates(assertion, now, result)
    list_url = issuer_doc.get("revocationList")
    revocations = fetch(str(list_url)) if list_url else None
    if revocations is None:
        result.add(
            "revocation",
            None,
            translate("CredentialVerify", "no revocation list in the hosting folder"),
        )
        return
    revoked = [
        r.get("id") if isinstance(r, Mapping) else r
        for r in _as_list(revocations.get("revokedAssertions"))
    ]
    gone = assertion.get("id") in revoked
    result.add("revocation", not gone, _revocation_words(gone))


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]

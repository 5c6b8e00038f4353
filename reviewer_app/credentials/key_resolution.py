"""Which key signed a credential, and whether it is the issuer's own: did:key, did:web
DID documents and issuer profiles at https addresses, read through a `Fetch`."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicKey, RSAPublicNumbers

from reviewer_app.credentials import dataintegrity, dids, multibase
from reviewer_app.credentials.verify_common import Fetch, VerifyResult, as_list
from reviewer_app.wording import translate


def key_belongs(method: str, issuer: str | None, fetch: Fetch, result: VerifyResult) -> bool:
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
            for m in as_list(document.get("assertionMethod"))
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
        issuer + str(m) if str(m).startswith("#") else str(m)
        for m in (
            m if isinstance(m, str) else m.get("id")
            for m in as_list(document.get("assertionMethod"))
            if isinstance(m, (str, Mapping))
        )
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


def controller_document(method: str, fetch: Fetch) -> Mapping[str, Any] | None:
    """The document that publishes the verification method `method`: a did:web DID
    document, or the issuer profile at an https address (1EdTech's pattern, where
    `https://example.com/issuers/876543#key-1` is a key listed in the profile
    published at `https://example.com/issuers/876543`)."""
    base = method.split("#", 1)[0]
    if base.startswith("did:web:"):
        document = fetch(dids.did_web_document_url(base))
    elif base.startswith("https://"):
        document = fetch(base)
    else:
        return None
    return document if isinstance(document, Mapping) else None


def method_entry(method: str, fetch: Fetch) -> Mapping[str, Any] | None:
    """The verification method `method` as its controller's document describes it,
    under `verificationMethod` or embedded in `assertionMethod`; ids may be relative."""
    document = controller_document(method, fetch)
    if document is None:
        return None
    base = method.split("#", 1)[0]
    for entry in [
        *as_list(document.get("verificationMethod")),
        *as_list(document.get("assertionMethod")),
    ]:
        if not isinstance(entry, Mapping):
            continue
        entry_id = str(entry.get("id", ""))
        if entry_id == method or (entry_id.startswith("#") and base + entry_id == method):
            return entry
    return None


def ed25519_key(method: str, fetch: Fetch) -> Ed25519PublicKey:
    """The Ed25519 key of `method`: a did:key, or a Multikey or JsonWebKey (OKP) entry
    published by a did:web document or an https issuer profile."""
    if method.startswith("did:key:"):
        return dids.resolve_did_key(method)
    entry = method_entry(method, fetch)
    if entry is not None:
        if "publicKeyMultibase" in entry:
            return multibase.ed25519_public_from_multibase(str(entry.get("publicKeyMultibase")))
        jwk = entry.get("publicKeyJwk")
        if isinstance(jwk, Mapping) and jwk.get("kty") == "OKP" and jwk.get("crv") == "Ed25519":
            try:
                return Ed25519PublicKey.from_public_bytes(_b64url(str(jwk.get("x", ""))))
            except ValueError:
                pass
    raise dataintegrity.ProofError(
        translate("CredentialVerify", "The key {method} is not published.").format(method=method)
    )


def rsa_key(method: str, fetch: Fetch) -> RSAPublicKey | None:
    """The RSA key of `method`, a JsonWebKey published by its controller's document."""
    entry = method_entry(method, fetch)
    jwk = entry.get("publicKeyJwk") if entry is not None else None
    if not isinstance(jwk, Mapping) or jwk.get("kty") != "RSA":
        return None
    try:
        e = int.from_bytes(_b64url(str(jwk.get("e", ""))), "big")
        n = int.from_bytes(_b64url(str(jwk.get("n", ""))), "big")
        return RSAPublicNumbers(e, n).public_key()
    except ValueError:
        return None


def _b64url(text: str) -> bytes:
    try:
        return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        raise ValueError("not base64url") from None

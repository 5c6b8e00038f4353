"""Which key signed a credential, and whether it is the issuer's own: did:key, did:web
DID documents and issuer profiles at https addresses, read through a `Fetch`."""

from __future__ import annotations

from collections.abc import Mapping

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

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
        m if isinstance(m, str) else m.get("id")
        for m in as_list(document.get("assertionMethod"))
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


def ed25519_key(method: str, fetch: Fetch) -> Ed25519PublicKey:
    if method.startswith("did:key:"):
        return dids.resolve_did_key(method)
    did = method.split("#", 1)[0]
    document = fetch(dids.did_web_document_url(did)) if did.startswith("did:web:") else None
    for entry in as_list((document or {}).get("verificationMethod")):
        if not isinstance(entry, Mapping):
            continue
        entry_id = str(entry.get("id", ""))
        if entry_id == method or (did + entry_id if entry_id.startswith("#") else "") == method:
            return multibase.ed25519_public_from_multibase(str(entry.get("publicKeyMultibase")))
    raise dataintegrity.ProofError(
        translate("CredentialVerify", "The key {method} is not published.").format(method=method)
    )

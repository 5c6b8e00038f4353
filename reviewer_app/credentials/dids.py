"""Decentralized identifiers for issuers: did:key (self-contained) and did:web (hosted).

did:key puts the Ed25519 public key in the identifier itself, so it resolves offline.
did:web names a DID document served over HTTPS from the issuer's domain; this module
builds that document and tells where to host it, but never fetches one.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Mapping, Sequence
from typing import Any, Final
from urllib.parse import quote, unquote, urlsplit

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from reviewer_app.credentials.contexts import CONTEXT_FILES
from reviewer_app.credentials.multibase import (
    ED25519_PUB_CODEC,
    codec_name,
    decode_base58btc,
    ed25519_public_from_multibase,
    ed25519_public_multibase,
    split_multicodec,
)
from reviewer_app.errors import UserError
from reviewer_app.wording import translate

DID_KEY_PREFIX: Final = "did:key:"
DID_WEB_PREFIX: Final = "did:web:"
DID_V1_CONTEXT: Final = "https://www.w3.org/ns/did/v1"
MULTIKEY_V1_CONTEXT: Final = "https://w3id.org/security/multikey/v1"

# `Multikey` and `publicKeyMultibase` are defined by the multikey context, not DID v1.
# It is only named once a pinned copy ships, so our own loader can process the document.
DID_DOCUMENT_CONTEXT: Final[tuple[str, ...]] = (
    DID_V1_CONTEXT,
    *([MULTIKEY_V1_CONTEXT] if MULTIKEY_V1_CONTEXT in CONTEXT_FILES else []),
)


# JsonWebKey and publicKeyJwk, defined inline (no pinned copy of the security JWK
# context ships), so that JSON-LD processing keeps the RSA keys too.
def jwk_terms() -> dict[str, Any]:
    return {
        "JsonWebKey": "https://w3id.org/security#JsonWebKey",
        "publicKeyJwk": {"@id": "https://w3id.org/security#publicKeyJwk", "@type": "@json"},
    }


# did:web method-specific id: host (port colon as %3A), then path segments, ":"-joined.
_DID_WEB_PART = re.compile(r"^(?:[A-Za-z0-9._-]|%[0-9A-Fa-f]{2})+$")
_FRAGMENT = re.compile(r"^[A-Za-z0-9._~!$&'()*+,;=:@/?-]+$")


class DidError(UserError, ValueError):
    """A DID (or DID URL) that is malformed or names a key type we cannot use."""


# --- did:key -------------------------------------------------------------------------


def did_key(public: Ed25519PublicKey) -> str:
    """ "did:key:z6Mk...", the DID that is the key."""
    return DID_KEY_PREFIX + ed25519_public_multibase(public)


def did_key_method(public: Ed25519PublicKey) -> str:
    """The key's verification method id: "did:key:z6Mk...#z6Mk..."."""
    fingerprint = ed25519_public_multibase(public)
    return f"{DID_KEY_PREFIX}{fingerprint}#{fingerprint}"


def resolve_did_key(did_or_method: str) -> Ed25519PublicKey:
    """The Ed25519 key of a did:key, or of its verification method id. Offline."""
    if not isinstance(did_or_method, str) or not did_or_method.startswith(DID_KEY_PREFIX):
        raise DidError(
            translate("Dids", "{did} is not a did:key identifier.").format(
                did=_quote(did_or_method)
            )
        )
    did, hash_sign, fragment = did_or_method.partition("#")
    value = did[len(DID_KEY_PREFIX) :]
    if not value or ":" in value or "/" in value or "?" in value:
        raise DidError(
            translate(
                "Dids",
                "{did} is not a did:key: expected did:key:z6Mk... with one multibase value.",
            ).format(did=_quote(did_or_method))
        )
    if hash_sign and fragment != value:
        raise DidError(
            translate(
                "Dids",
                "{did} names a key other than the DID's own: a did:key "
                "verification method is did:key:<key>#<the same key>.",
            ).format(did=_quote(did_or_method))
        )
    try:
        codec, _ = split_multicodec(decode_base58btc(value))
    except ValueError as error:
        raise DidError(_not_a_valid_did_key(did, error)) from error
    if codec != ED25519_PUB_CODEC:
        raise DidError(
            translate("Dids", "{did} holds a {codec}; only Ed25519 keys are supported.").format(
                did=_quote(did), codec=codec_name(codec)
            )
        )
    try:
        return ed25519_public_from_multibase(value)
    except ValueError as error:
        raise DidError(_not_a_valid_did_key(did, error)) from error


def _not_a_valid_did_key(did: str, error: ValueError) -> str:
    return translate("Dids", "{did} is not a valid did:key: {problem}").format(
        did=_quote(did), problem=error
    )


# --- did:web -------------------------------------------------------------------------


def did_web(url: str) -> str:
    """The did:web for an HTTPS URL: https://example.org/issuers/centre becomes
    did:web:example.org:issuers:centre (a port's colon is written %3A)."""
    parts = urlsplit(url.strip())
    if parts.scheme != "https":
        raise DidError(
            translate("Dids", "{url}: a did:web is made from an https:// address.").format(
                url=_quote(url)
            )
        )
    if parts.query or parts.fragment or parts.username or parts.password:
        raise DidError(
            translate("Dids", "{url}: a did:web address has no query, fragment or login.").format(
                url=_quote(url)
            )
        )
    host = parts.hostname
    if not host:
        raise DidError(translate("Dids", "{url} has no host name.").format(url=_quote(url)))
    if not host.isascii():
        host = host.encode("idna").decode("ascii")
    if _is_ip_address(host):
        raise DidError(
            translate("Dids", "{url}: did:web needs a domain name, not an IP address.").format(
                url=_quote(url)
            )
        )
    try:
        port = parts.port
    except ValueError as error:
        raise DidError(
            translate("Dids", "{url} has an invalid port.").format(url=_quote(url))
        ) from error
    authority = host if port in (None, 443) else f"{host}%3A{port}"

    path = parts.path.strip("/")
    segments = path.split("/") if path else []
    if any(not segment for segment in segments):
        raise DidError(
            translate("Dids", "{url} has an empty path segment ('//').").format(url=_quote(url))
        )
    # DID ids allow only ALPHA / DIGIT / . - _ and %XX: re-encode everything else
    # (":" in particular, which would read as a separator). "~" is not a DID character.
    encoded = [quote(unquote(segment), safe="").replace("~", "%7E") for segment in segments]
    return DID_WEB_PREFIX + ":".join([authority, *encoded])


def did_web_document_path(did: str) -> str:
    """Where the DID document is served, relative to the domain's root:
    ".well-known/did.json" for a bare domain, "path/to/did.json" otherwise."""
    _, segments = _parse_did_web(did)
    if not segments:
        return ".well-known/did.json"
    return "/".join(segments) + "/did.json"


def did_web_document_url(did: str) -> str:
    """The https URL a did:web resolver fetches the DID document from."""
    authority, _ = _parse_did_web(did)
    return f"https://{authority}/{did_web_document_path(did)}"


def did_web_document(
    did: str,
    keys: Sequence[tuple[str, Ed25519PublicKey]],
    jwk_keys: Sequence[tuple[str, Mapping[str, Any]]] = (),
) -> dict[str, Any]:
    """A DID document publishing `keys` (fragment, key) as Multikey verification methods,
    and `jwk_keys` (fragment, public JWK) as JsonWebKey ones (the RSA keys that sign
    VC-JWTs, so a token's `kid` resolves through the issuer's own identifier).

    Every key is listed under `assertionMethod`, old ones included: credentials signed
    before a key rotation must keep verifying, so retired keys stay published.
    """
    _parse_did_web(did)
    if "#" in did:
        raise DidError(
            translate("Dids", "{did}: give the DID itself, without a #fragment.").format(
                did=_quote(did)
            )
        )
    if not keys:
        raise DidError(translate("Dids", "A DID document needs at least one key."))
    methods: list[dict[str, Any]] = []
    ids: list[str] = []
    entries: list[tuple[str, dict[str, Any]]] = [
        (fragment, {"type": "Multikey", "publicKeyMultibase": ed25519_public_multibase(public)})
        for fragment, public in keys
    ]
    entries += [
        (fragment, {"type": "JsonWebKey", "publicKeyJwk": dict(jwk)}) for fragment, jwk in jwk_keys
    ]
    for fragment, material in entries:
        name = fragment.removeprefix("#")
        if not _FRAGMENT.match(name):
            raise DidError(
                translate("Dids", "{fragment} cannot be a key id fragment.").format(
                    fragment=repr(fragment)
                )
            )
        method_id = f"{did}#{name}"
        if method_id in ids:
            raise DidError(
                translate("Dids", "The key id {method} is used twice.").format(method=method_id)
            )
        ids.append(method_id)
        methods.append(
            {"id": method_id, "type": material["type"], "controller": did}
            | {k: v for k, v in material.items() if k != "type"}
        )
    context: list[Any] = list(DID_DOCUMENT_CONTEXT)
    if jwk_keys:
        context.append(jwk_terms())
    return {
        "@context": context,
        "id": did,
        "verificationMethod": methods,
        "assertionMethod": ids,
    }


def key_from_did_document(document: Mapping[str, Any], method_id: str) -> Ed25519PublicKey:
    """The Ed25519 key `method_id` names in a (hosted) DID document, provided the
    document allows it to make assertions (sign credentials)."""
    did = method_id.partition("#")[0]
    if document.get("id") != did:
        raise DidError(
            translate("Dids", "The DID document is for {found}, not {did}.").format(
                found=repr(document.get("id")), did=did
            )
        )
    allowed = {
        entry if isinstance(entry, str) else entry.get("id")
        for entry in _as_list(document.get("assertionMethod"))
        if isinstance(entry, str | Mapping)
    }
    if method_id not in allowed:
        raise DidError(
            translate(
                "Dids", "The DID document does not list {method} for signing credentials."
            ).format(method=method_id)
        )
    candidates = [
        entry
        for entry in [
            *_as_list(document.get("verificationMethod")),
            *_as_list(document.get("assertionMethod")),
        ]
        if isinstance(entry, Mapping) and entry.get("id") == method_id
    ]
    if not candidates:
        raise DidError(
            translate("Dids", "The DID document has no verification method {method}.").format(
                method=method_id
            )
        )
    multibase = candidates[0].get("publicKeyMultibase")
    if not isinstance(multibase, str):
        raise DidError(
            translate("Dids", "The key {method} has no publicKeyMultibase.").format(
                method=method_id
            )
        )
    try:
        return ed25519_public_from_multibase(multibase)
    except ValueError as error:
        raise DidError(
            translate("Dids", "The key {method} is unusable: {problem}").format(
                method=method_id, problem=error
            )
        ) from error


def _parse_did_web(did: str) -> tuple[str, list[str]]:
    """(host[:port], path segments) of a did:web; a #fragment or ?query is ignored."""
    if not isinstance(did, str) or not did.startswith(DID_WEB_PREFIX):
        raise DidError(
            translate("Dids", "{did} is not a did:web identifier.").format(did=_quote(did))
        )
    bare = re.split(r"[#?]", did, maxsplit=1)[0]
    parts = bare[len(DID_WEB_PREFIX) :].split(":")
    if any(not part or not _DID_WEB_PART.match(part) for part in parts):
        raise DidError(
            translate("Dids", "{did} is not a valid did:web (empty or invalid part).").format(
                did=_quote(did)
            )
        )
    host, _, port = unquote(parts[0]).partition(":")
    if not host or (port and not port.isdigit()) or "%" in host or "/" in host:
        raise DidError(
            translate("Dids", "{did} does not start with a valid domain name.").format(
                did=_quote(did)
            )
        )
    authority = f"{host}:{port}" if port else host
    return authority, parts[1:]


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _quote(value: object) -> str:
    text = value if isinstance(value, str) else repr(value)
    return repr(text if len(text) <= 80 else text[:77] + "...")

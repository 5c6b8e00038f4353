"""A second, independent `eddsa-rdfc-2022` verifier, for tests only.

Written from the W3C Data Integrity EdDSA Cryptosuites v1.0 text, apart from
`reviewer_app.credentials.dataintegrity` (nothing from `reviewer_app` is imported), so
that a shared misreading of the specification cannot make both sides agree. It uses pyld,
cryptography and base58 directly and reads the contexts straight from
resources/standards/, without the app's loader or its caches.
"""

from __future__ import annotations

import copy
import functools
import hashlib
import json
from pathlib import Path
from typing import Any

import base58
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyld import jsonld

STANDARDS = Path(__file__).resolve().parents[2] / "resources" / "standards"

_FILES = {
    "https://www.w3.org/ns/credentials/v2": "w3c/credentials-v2.jsonld",
    "https://www.w3.org/ns/credentials/examples/v2": "w3c/credentials-examples-v2.jsonld",
    "https://www.w3.org/2018/credentials/v1": "w3c/credentials-v1.jsonld",
    "https://w3id.org/security/data-integrity/v1": "w3c/data-integrity-v1.jsonld",
    "https://www.w3.org/ns/did/v1": "w3c/did-v1.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context.json": "ob3/context/context.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": "ob3/context/context-3.0.1.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": "ob3/context/context-3.0.2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob3/context/context-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json": "ob3/context/extensions.json",
    "https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json": (
        "clr2/context/clr-v2p0-2.0.1.json"
    ),
}


@functools.cache
def _context(url: str) -> Any:
    return json.loads((STANDARDS / _FILES[url]).read_text(encoding="utf-8"))


def _loader(url: str, options: Any = None) -> dict[str, Any]:
    if url not in _FILES:
        raise jsonld.JsonLdError(
            f"no local copy of {url}", "jsonld.LoadDocumentError", code="loading document failed"
        )
    return {"contextUrl": None, "documentUrl": url, "document": copy.deepcopy(_context(url))}


def _sha256_of_canonical(document: dict[str, Any]) -> bytes:
    nquads = jsonld.normalize(
        document,
        {"algorithm": "URDNA2015", "format": "application/n-quads", "documentLoader": _loader},
    )
    return hashlib.sha256(nquads.encode("utf-8")).digest()


def _nothing_dropped(document: dict[str, Any]) -> bool:
    dropped: list[object] = []
    jsonld.expand(document, {"documentLoader": _loader}, on_property_dropped=dropped.append)
    return not dropped


def _verify_one(document: dict[str, Any], proof: Any, public_key: Ed25519PublicKey) -> bool:
    if not isinstance(proof, dict):
        return False
    if proof.get("type") != "DataIntegrityProof" or proof.get("cryptosuite") != "eddsa-rdfc-2022":
        return False
    proof_value = proof.get("proofValue")
    if not isinstance(proof_value, str) or not proof_value.startswith("z"):
        return False
    try:
        signature = base58.b58decode(proof_value[1:])
    except ValueError:
        return False

    unsecured = {key: value for key, value in document.items() if key != "proof"}
    options = {key: value for key, value in proof.items() if key != "proofValue"}
    if "@context" in options:
        wanted = (
            options["@context"] if isinstance(options["@context"], list) else [options["@context"]]
        )
        have = document.get("@context")
        have = have if isinstance(have, list) else [have]
        if have[: len(wanted)] != wanted:
            return False
        unsecured["@context"] = options["@context"]
    else:
        options["@context"] = document.get("@context")

    # A property the contexts do not define is shown to people but not signed.
    if not (_nothing_dropped(unsecured) and _nothing_dropped(options)):
        return False
    hash_data = _sha256_of_canonical(options) + _sha256_of_canonical(unsecured)
    try:
        public_key.verify(signature, hash_data)
    except InvalidSignature:
        return False
    return True


def verify_eddsa_rdfc_2022(document: dict[str, Any], public_key: Ed25519PublicKey) -> bool:
    """True when `document` has at least one proof and every proof is an
    eddsa-rdfc-2022 DataIntegrityProof made with `public_key` over the document as it
    is, and JSON-LD processing drops none of its properties. Never raises for a bad
    document: False."""
    if not isinstance(document, dict):
        return False
    proofs = document.get("proof")
    if not proofs:
        return False
    try:
        return all(
            _verify_one(document, proof, public_key)
            for proof in (proofs if isinstance(proofs, list) else [proofs])
        )
    except (jsonld.JsonLdError, ValueError, TypeError, KeyError):
        return False

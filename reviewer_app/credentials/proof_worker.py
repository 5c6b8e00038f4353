"""Adding an eddsa-rdfc-2022 proof to a finished credential: the part of an export that
runs in worker processes.

The exporting process builds each credential and checks it against the schema; what is
left (canonicalizing it with pyld and signing the hashes) is nearly all of an export's
time, and is what workers do. This module therefore imports no more than that needs
(pyld, cryptography, the shipped contexts): no database layer, so a worker is ready to
sign in a fraction of the time, while the exporting process is still opening the keys.
The same function signs in-process, so a document is byte for byte the same whichever
process signed it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)

from reviewer_app.credentials import dataintegrity


class SignatureMismatch(Exception):
    """A signature did not verify with the key on record (the message is for people)."""


@dataclass(frozen=True)
class ProofKey:
    """What signing a proof needs, as plain values that cross a process boundary: the
    opened Ed25519 key as raw bytes, its verification method, the public key on record
    (PEM) that every signature is checked against, and the words for a mismatch."""

    verification_method: str
    on_record: str
    mismatch: str
    raw: bytes = field(repr=False)

    @classmethod
    def of(
        cls, key: Ed25519PrivateKey, verification_method: str, on_record: str, mismatch: str
    ) -> ProofKey:
        raw = key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        return cls(verification_method, on_record, mismatch, raw)


class OpenedKey:
    """A `ProofKey` with its key objects made, for signing one credential after another."""

    def __init__(self, key: ProofKey) -> None:
        public = serialization.load_pem_public_key(key.on_record.encode())
        if not isinstance(public, Ed25519PublicKey):
            raise SignatureMismatch(key.mismatch)
        self.key = key
        self._private = Ed25519PrivateKey.from_private_bytes(key.raw)
        self._public = public

    def _check(self, signature: bytes, data: bytes) -> None:
        # Checked before it leaves: a key that does not match the issuer's published one
        # must never sign silently.
        try:
            self._public.verify(signature, data)
        except InvalidSignature:
            raise SignatureMismatch(self.key.mismatch) from None

    def secure(self, credential: dict[str, Any], created: str) -> str:
        """The credential with its proof, as the text written to its file."""
        signed = dataintegrity.sign(
            credential, self._private, self.key.verification_method, created, check=self._check
        )
        return json.dumps(signed, ensure_ascii=False, indent=2) + "\n"


# A worker's opened key, kept from one task to the next (tasks of one export all carry
# the same key; a worker lives only as long as its export).
_opened: OpenedKey | None = None


def secure_all(key: ProofKey, items: list[tuple[dict[str, Any], str]]) -> list[str]:
    """Each (credential, created) with its proof: one task for a worker."""
    global _opened
    if _opened is None or _opened.key != key:
        _opened = OpenedKey(key)
    return [_opened.secure(credential, created) for credential, created in items]


def warm_up() -> None:
    """Loads the shipped contexts into pyld's caches, so that a worker's first
    credential costs no more than the others."""
    dataintegrity.canonicalize(
        {
            "@context": [
                "https://www.w3.org/ns/credentials/v2",
                "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
            ],
            "type": ["VerifiableCredential", "OpenBadgeCredential"],
        }
    )

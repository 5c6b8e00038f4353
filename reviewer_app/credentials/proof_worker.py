"""Adding an eddsa-rdfc-2022 proof to a finished credential, or an RS256 signature to an
Open Badges 2.0 assertion: the part of an export that runs in worker processes.

The exporting process builds each credential and checks it against the schema; what is
left (canonicalizing it with pyld and signing the hashes) is nearly all of an export's
time, and is what workers do. This module therefore imports no more than that needs
(pyld, cryptography, the shipped contexts, PyJWT): no database layer, so a worker is ready to
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
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey

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


@dataclass(frozen=True)
class RsaKey:
    """The opened RSA key as DER bytes, to cross a process boundary."""

    der: bytes = field(repr=False)

    @classmethod
    def of(cls, key: RSAPrivateKey) -> RsaKey:
        return cls(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )


_rsa: tuple[RsaKey, RSAPrivateKey] | None = None


def rs256_all(key: RsaKey, payloads: list[bytes]) -> list[str]:
    """The compact RS256 JWS of each payload (the exporting process checks them): one
    task for a worker."""
    from reviewer_app.credentials import jws

    global _rsa
    if _rsa is None or _rsa[0] != key:
        # The exporting process checked the key as it opened it; checking it again
        # here (a 3072-bit key takes a third of a second) would only repeat that.
        private = serialization.load_der_private_key(
            key.der, password=None, unsafe_skip_rsa_key_validation=True
        )
        if not isinstance(private, RSAPrivateKey):
            raise TypeError("not an RSA key")
        _rsa = (key, private)
    return [jws.sign_compact(payload, _rsa[1]) for payload in payloads]


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

"""Multibase (base58btc, prefix "z") and multicodec-tagged Ed25519 keys.

Data Integrity proofs, did:key identifiers and `Multikey` verification methods all write
keys and signatures this way: "z" + base58btc(bytes), where key bytes start with the
multicodec varint of the key type (0xed for an Ed25519 public key, 0x1300 for a private
one).
"""

from __future__ import annotations

from typing import Final

import base58
from cryptography.hazmat.primitives.asymmetric.ed25519 import (
    Ed25519PrivateKey,
    Ed25519PublicKey,
)
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    NoEncryption,
    PrivateFormat,
    PublicFormat,
)

from reviewer_app.wording import translate

BASE58BTC_PREFIX: Final = "z"
_ALPHABET: Final = frozenset(base58.BITCOIN_ALPHABET.decode("ascii"))

# Multicodec codes (https://github.com/multiformats/multicodec/blob/master/table.csv)
# and their unsigned-varint prefixes.
ED25519_PUB_CODEC: Final = 0xED
ED25519_PRIV_CODEC: Final = 0x1300
ED25519_PUB_PREFIX: Final = b"\xed\x01"
ED25519_PRIV_PREFIX: Final = b"\x80\x26"
ED25519_KEY_LENGTH: Final = 32

# Key types someone may hand us instead of Ed25519, named so the error can say which.
KNOWN_KEY_CODECS: Final = {
    0xE7: "secp256k1 public key",
    0xEC: "X25519 public key",
    0xEB: "BLS12-381 G2 public key",
    0xED: "Ed25519 public key",
    0x1200: "P-256 public key",
    0x1201: "P-384 public key",
    0x1205: "RSA public key",
    0x1300: "Ed25519 private key",
    0x1306: "P-256 private key",
}


def encode_base58btc(data: bytes) -> str:
    """Multibase base58btc: "z" followed by the Bitcoin base58 alphabet."""
    return BASE58BTC_PREFIX + base58.b58encode(data).decode("ascii")


def decode_base58btc(text: str) -> bytes:
    """Inverse of `encode_base58btc`; ValueError saying what is wrong otherwise."""
    shown = _short(text) if isinstance(text, str) else translate("Multibase", "The value")
    return _decode(text, shown)


def _decode(text: str, shown: str) -> bytes:
    if not isinstance(text, str) or not text:
        raise ValueError(
            translate("Multibase", "{value} must be a non-empty multibase string.").format(
                value=shown
            )
        )
    if not text.startswith(BASE58BTC_PREFIX):
        raise ValueError(
            translate(
                "Multibase",
                "{value} starts with {first}; only multibase base58btc "
                "(prefix {prefix}) is supported.",
            ).format(value=shown, first=repr(text[0]), prefix=repr(BASE58BTC_PREFIX))
        )
    body = text[1:]
    bad = sorted(set(body) - _ALPHABET)
    if bad:
        shown_bad = ", ".join(repr(c) for c in bad[:5])
        raise ValueError(
            translate(
                "Multibase", "{value} has characters outside base58btc: {characters}."
            ).format(value=shown, characters=shown_bad)
        )
    return base58.b58decode(body)


def read_varint(data: bytes) -> tuple[int, int]:
    """An unsigned LEB128 varint at the start of `data`: (value, bytes used)."""
    value = 0
    for index, byte in enumerate(data[:9]):  # multiformats caps varints at 9 bytes
        value |= (byte & 0x7F) << (7 * index)
        if not byte & 0x80:
            return value, index + 1
    raise ValueError(translate("Multibase", "The multicodec prefix is not a valid varint."))


def split_multicodec(data: bytes) -> tuple[int, bytes]:
    """(codec code, payload) of multicodec-tagged bytes."""
    codec, used = read_varint(data)
    return codec, data[used:]


def codec_name(codec: int) -> str:
    return KNOWN_KEY_CODECS.get(codec, f"multicodec 0x{codec:x}")


def _expect_key(text: str, codec: int, shown: str) -> bytes:
    found, payload = split_multicodec(_decode(text, shown))
    if found != codec:
        raise ValueError(
            translate(
                "Multibase", "{value} is not an {expected} (its multicodec says: {found})."
            ).format(value=shown, expected=codec_name(codec), found=codec_name(found))
        )
    if len(payload) != ED25519_KEY_LENGTH:
        raise ValueError(
            translate(
                "Multibase", "{value} holds {n} key bytes; an Ed25519 key has {length}."
            ).format(value=shown, n=len(payload), length=ED25519_KEY_LENGTH)
        )
    return payload


def ed25519_public_multibase(key: Ed25519PublicKey) -> str:
    """The `publicKeyMultibase` form, "z6Mk..."."""
    raw = key.public_bytes(Encoding.Raw, PublicFormat.Raw)
    return encode_base58btc(ED25519_PUB_PREFIX + raw)


def ed25519_private_multibase(key: Ed25519PrivateKey) -> str:
    """The `secretKeyMultibase` form ("z3u2..."), as in the W3C keyPair.json."""
    raw = key.private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    return encode_base58btc(ED25519_PRIV_PREFIX + raw)


def ed25519_public_from_multibase(text: str) -> Ed25519PublicKey:
    shown = _short(text) if isinstance(text, str) else translate("Multibase", "The public key")
    return Ed25519PublicKey.from_public_bytes(_expect_key(text, ED25519_PUB_CODEC, shown))


def ed25519_private_from_multibase(text: str) -> Ed25519PrivateKey:
    # Never quote a secret in an error message: it ends up in logs.
    payload = _expect_key(text, ED25519_PRIV_CODEC, translate("Multibase", "The private key"))
    return Ed25519PrivateKey.from_private_bytes(payload)


def _short(text: str) -> str:
    # Errors quote the value so people can find it, but never a whole secret or essay.
    return translate("Multibase", "Multibase value {value}").format(
        value=repr(text if len(text) <= 24 else text[:20] + "...")
    )

"""Issuer signing keys, kept on disk only encrypted with the issuer's passphrase.

Ed25519 keys sign Data Integrity proofs; RSA keys sign JWS (Open Badges 2.0 signed
assertions, VC-JWT). Each key is one JSON file, so a data folder can hold as many as
rotation needs ("ed25519-1", "rsa-2", ...); which key is current is the database's
business, not this module's.

A key file holds:

- the PKCS#8 DER of the private key, sealed with AES-256-GCM under a key derived from the
  passphrase by Argon2id (its parameters and salt are in the file, so they can be raised
  for new files without breaking old ones);
- as associated data, the format version, kind, key id, creation time, public key and
  (from format 2) the issuer it belongs to, so none of them can be swapped without the
  seal breaking, and a key file copied into another issuer's folder does not open there;
- the public key in the clear, so it can be published without asking for the passphrase;
- a passphrase check (an HMAC under a second derived key), so a wrong passphrase is told
  apart from a file whose sealed part was changed;
- a SHA-256 checksum of everything else, so accidental damage (a flipped bit, a bad copy)
  is reported as damage. It is no defence against a deliberate edit, which the seal is.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import hashlib
import hmac
import json
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal, TypeVar

from cryptography.exceptions import InvalidTag, UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from reviewer_app.canonical import canonical_json
from reviewer_app.errors import UserError
from reviewer_app.storage.atomic import write_atomically
from reviewer_app.wording import translate

FORMAT = "reviewer-app-private-key/2"
# Format 1 files (no issuer in the sealed details) still open; their owner is checked by
# comparing the opened key with the public key the issuer's records hold.
_FORMATS = ("reviewer-app-private-key/1", FORMAT)
_FORMAT_PREFIX = "reviewer-app-private-key/"
_KDF_NAME = "argon2id"
_CIPHER_NAME = "aes-256-gcm"
_SALT_BYTES = 16
_NONCE_BYTES = 12
_CHECK_LABEL = b"reviewer-app passphrase check v1"
_MAX_FILE_BYTES = 1 << 20  # a 4096-bit RSA key file is under 8 KiB
_KEY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
MIN_RSA_BITS = 2048

KeyKind = Literal["ed25519", "rsa"]
IssuerPrivateKey = Ed25519PrivateKey | RSAPrivateKey
IssuerPublicKey = Ed25519PublicKey | RSAPublicKey
_T = TypeVar("_T")


class KeyFileError(UserError):
    """A key file is missing, damaged, altered, or from a newer version of the app."""


class WrongPassphrase(UserError):
    """The passphrase does not open the key file."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost. The defaults are RFC 9106's second recommended setting (64 MiB,
    3 passes, 4 lanes): 0.3-0.5 s per open on a 2-core machine (OpenSSL runs the lanes on
    one thread there), once per signing session. Raise them for new files as machines get
    faster; each file records its own, so old files still open."""

    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4

    def __post_init__(self) -> None:
        # The upper bounds stop a crafted file from making the app allocate or spin forever.
        if not 1 <= self.lanes <= 16:
            raise ValueError("Argon2id lanes must be between 1 and 16")
        if not 1 <= self.iterations <= 64:
            raise ValueError("Argon2id iterations must be between 1 and 64")
        if not 8 * self.lanes <= self.memory_kib <= 4 * 1024 * 1024:
            raise ValueError("Argon2id memory must be between 8 KiB per lane and 4 GiB")


@dataclass(frozen=True)
class PublicKeyInfo:
    """What a key file tells without the passphrase."""

    key_id: str
    kind: KeyKind
    created: dt.datetime
    public_key: IssuerPublicKey
    kdf: KdfParams  # so old files can be found and re-sealed with stronger settings
    issuer: str | None = None  # whom the seal binds the key to; None in format 1 files


@dataclass(frozen=True)
class StoredKey:
    """An opened key file. The private key is left out of repr and comparisons."""

    key_id: str
    kind: KeyKind
    created: dt.datetime
    private_key: IssuerPrivateKey = field(repr=False, compare=False)

    @property
    def public_key(self) -> IssuerPublicKey:
        return self.private_key.public_key()


def generate_ed25519() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def generate_rsa(bits: int = 3072) -> RSAPrivateKey:
    """An RSA key for RS256; under 2048 bits is refused (and PyJWT would refuse it too)."""
    if bits < MIN_RSA_BITS:
        raise ValueError(f"RSA keys must have at least {MIN_RSA_BITS} bits, not {bits}")
    return rsa.generate_private_key(public_exponent=65537, key_size=bits)


def key_path(folder: Path, key_id: str) -> Path:
    """Where the key `key_id` lives in a folder of key files."""
    _check_key_id(key_id)
    return folder / f"{key_id}.key.json"


def write_private_key(
    path: Path,
    key: IssuerPrivateKey,
    passphrase: str,
    *,
    key_id: str,
    issuer: str | None = None,
    kdf_params: KdfParams | None = None,
    replace: bool = False,
) -> None:
    """Seal `key` with `passphrase` and write it to `path` atomically, owner-only. The
    seal binds the key id and `issuer` (a stable, unique name of the key's owner; the app
    always gives one).

    An existing file is kept unless `replace` is true (as when re-sealing a key with a new
    passphrase): overwriting the only copy of a private key cannot be undone.
    """
    if not passphrase.strip():
        raise UserError(
            translate(
                "IssuerKeys", "The signing key needs a passphrase; an empty one cannot protect it."
            )
        )
    _check_key_id(key_id)
    kind = _kind_of_private(key)
    params = kdf_params or KdfParams()
    if path.exists() and not replace:
        raise KeyFileError(
            translate(
                "IssuerKeys", "A key file already exists at {path}; it was left as it is."
            ).format(path=path)
        )

    created = dt.datetime.now(dt.UTC).replace(microsecond=0)
    header: dict[str, Any] = {
        # Format 1 when no owner is named: exactly what older versions wrote and read.
        "format": FORMAT if issuer is not None else _FORMATS[0],
        "key_id": key_id,
        "kind": kind,
        "created": created.isoformat().replace("+00:00", "Z"),
        "public_key": public_pem(key.public_key()),
    }
    if issuer is not None:
        header["issuer"] = issuer
    salt = os.urandom(_SALT_BYTES)
    nonce = os.urandom(_NONCE_BYTES)
    seal_key, check_key = _derive(passphrase, salt, params)
    plaintext = key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    ciphertext = AESGCM(seal_key).encrypt(nonce, plaintext, _aad(header))
    document: dict[str, Any] = {
        **header,
        "kdf": {
            "name": _KDF_NAME,
            "memory_kib": params.memory_kib,
            "iterations": params.iterations,
            "lanes": params.lanes,
            "salt": _b64(salt),
        },
        "cipher": {"name": _CIPHER_NAME, "nonce": _b64(nonce)},
        "passphrase_check": _b64(_passphrase_check(check_key)),
        "ciphertext": _b64(ciphertext),
    }
    document["checksum"] = _checksum(document)
    data = (json.dumps(document, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    write_atomically(path, data, mode=0o600)


def read_public_key(path: Path) -> PublicKeyInfo:
    """The public part of a key file; no passphrase needed."""
    return _parse(path).info


def read_private_key(
    path: Path,
    passphrase: str,
    *,
    issuer: str | None = None,
    key_id: str | None = None,
    expected_public: IssuerPublicKey | None = None,
) -> StoredKey:
    """Open a key file with its passphrase. With `issuer`, `key_id` and
    `expected_public`, the file must be that issuer's key of that id holding that public
    key (what the issuer's records say): a key file swapped in from elsewhere is refused
    before it can sign anything."""
    sealed = _parse(path)
    info = sealed.info
    if (key_id is not None and info.key_id != key_id) or (
        issuer is not None and info.issuer is not None and info.issuer != issuer
    ):
        raise KeyFileError(_not_this_issuers(path))
    seal_key, check_key = _derive(passphrase, sealed.salt, info.kdf)
    if not hmac.compare_digest(_passphrase_check(check_key), sealed.passphrase_check):
        # Only someone who rewrote the salt or the Argon2id settings and then fixed up the
        # checksum could cause this with the right passphrase; say so rather than insist.
        raise WrongPassphrase(
            translate(
                "IssuerKeys",
                'The passphrase is not right for the signing key "{key_id}" ({file}). '
                "If you are sure it is, the key file's settings may have been altered.",
            ).format(key_id=info.key_id, file=path.name)
        )
    try:
        plaintext = AESGCM(seal_key).decrypt(sealed.nonce, sealed.ciphertext, _aad(sealed.header))
    except InvalidTag:
        raise KeyFileError(
            translate(
                "IssuerKeys",
                "The key file {path} has been altered: the passphrase is right, but the sealed "
                "key or its details (kind, key id, date, public key) are not what was sealed. "
                "Restore it from a backup.",
            ).format(path=path)
        ) from None
    try:
        private = serialization.load_der_private_key(plaintext, password=None)
    except (ValueError, TypeError, UnsupportedAlgorithm):
        raise KeyFileError(
            translate("IssuerKeys", "The key file {path} holds a key this app cannot read.").format(
                path=path
            )
        ) from None
    if not isinstance(private, Ed25519PrivateKey | RSAPrivateKey) or (
        _kind_of_private(private) != info.kind
    ):
        raise KeyFileError(
            translate(
                "IssuerKeys", "The key file {path} holds a different kind of key than it says."
            ).format(path=path)
        )
    if _spki(private.public_key()) != _spki(info.public_key):
        raise KeyFileError(
            translate(
                "IssuerKeys",
                "The key file {path} is inconsistent: its public key does not belong to its "
                "private key.",
            ).format(path=path)
        )
    if expected_public is not None and _spki(private.public_key()) != _spki(expected_public):
        raise KeyFileError(_not_this_issuers(path))
    return StoredKey(key_id=info.key_id, kind=info.kind, created=info.created, private_key=private)


def _not_this_issuers(path: Path) -> str:
    return translate(
        "IssuerKeys",
        "The key file {path} is not this issuer's key: it belongs to another issuer, or "
        "it has been replaced. Nothing was signed. Put the issuer's own key file back "
        "(from a backup).",
    ).format(path=path)


def public_pem(public_key: IssuerPublicKey) -> str:
    """SubjectPublicKeyInfo PEM, the form most tools accept."""
    _require_public(public_key)
    return public_key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode("ascii")


def public_jwk(public_key: IssuerPublicKey, kid: str | None = None) -> dict[str, str]:
    """The public key as a JWK (RFC 7517/7518/8037). Only public members ever appear."""
    jwk: dict[str, str]
    if isinstance(public_key, RSAPublicKey):
        numbers = public_key.public_numbers()
        jwk = {
            "kty": "RSA",
            "n": _b64url_uint(numbers.n),
            "e": _b64url_uint(numbers.e),
            "alg": "RS256",
            "use": "sig",
        }
    elif isinstance(public_key, Ed25519PublicKey):
        raw = public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
        jwk = {"kty": "OKP", "crv": "Ed25519", "x": _b64url(raw), "use": "sig"}
    else:
        raise TypeError(f"Expected an RSA or Ed25519 public key, not {type(public_key).__name__}")
    if kid is not None:
        jwk["kid"] = kid
    return jwk


def jwks(
    keys: Iterable[tuple[IssuerPublicKey, str | None]],
) -> dict[str, list[dict[str, str]]]:
    """A JWK Set of (public key, kid) pairs, in the order given."""
    return {"keys": [public_jwk(key, kid) for key, kid in keys]}


# --- reading ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sealed:
    info: PublicKeyInfo
    header: dict[str, Any]
    salt: bytes
    nonce: bytes
    passphrase_check: bytes
    ciphertext: bytes = field(repr=False)


def _parse(path: Path) -> _Sealed:
    document = _load(path)

    def damaged(what: str) -> KeyFileError:
        return KeyFileError(
            translate("IssuerKeys", "The key file {path} is damaged: {problem}.").format(
                path=path, problem=what
            )
        )

    checksum = document.get("checksum")
    if not isinstance(checksum, str):
        raise damaged(translate("IssuerKeys", "its checksum is missing"))
    body = {name: value for name, value in document.items() if name != "checksum"}
    if not hmac.compare_digest(checksum, _checksum(body)):
        raise damaged(
            translate(
                "IssuerKeys",
                "its contents do not match its checksum (changed after it was written)",
            )
        )

    key_id = _field(document, "key_id", str, damaged)
    if not _KEY_ID.fullmatch(key_id):
        raise damaged(translate("IssuerKeys", "its key id is not valid"))
    kind = _field(document, "kind", str, damaged)
    if kind not in ("ed25519", "rsa"):
        raise damaged(
            translate("IssuerKeys", 'it names an unknown kind of key ("{kind}")').format(
                kind=kind[:40]
            )
        )
    created_text = _field(document, "created", str, damaged)
    try:
        created = dt.datetime.fromisoformat(created_text)
    except ValueError:
        raise damaged(translate("IssuerKeys", "its creation date is not a date")) from None
    if created.tzinfo is None:
        raise damaged(translate("IssuerKeys", "its creation date has no time zone"))
    pem = _field(document, "public_key", str, damaged)
    try:
        public = serialization.load_pem_public_key(pem.encode("ascii"))
    except (ValueError, UnicodeEncodeError, UnsupportedAlgorithm):
        raise damaged(translate("IssuerKeys", "its public key cannot be read")) from None
    if not isinstance(public, RSAPublicKey | Ed25519PublicKey) or _kind_of_public(public) != kind:
        raise damaged(
            translate("IssuerKeys", "its public key is not an {kind} key").format(kind=kind)
        )

    kdf = _field(document, "kdf", dict, damaged)
    if kdf.get("name") != _KDF_NAME:
        raise damaged(
            translate("IssuerKeys", "it uses a key-derivation method this app does not know")
        )
    try:
        params = KdfParams(
            memory_kib=_field(kdf, "memory_kib", int, damaged),
            iterations=_field(kdf, "iterations", int, damaged),
            lanes=_field(kdf, "lanes", int, damaged),
        )
    except ValueError as error:
        raise damaged(
            translate(
                "IssuerKeys", "its key-derivation settings are out of range ({error})"
            ).format(error=error)
        ) from None
    salt = _b64_field(kdf, "salt", damaged)
    if len(salt) < _SALT_BYTES:
        raise damaged(translate("IssuerKeys", "its salt is too short"))
    cipher = _field(document, "cipher", dict, damaged)
    if cipher.get("name") != _CIPHER_NAME:
        raise damaged(translate("IssuerKeys", "it uses a cipher this app does not know"))
    nonce = _b64_field(cipher, "nonce", damaged)
    if len(nonce) != _NONCE_BYTES:
        raise damaged(translate("IssuerKeys", "its nonce has the wrong length"))
    check = _b64_field(document, "passphrase_check", damaged)
    ciphertext = _b64_field(document, "ciphertext", damaged)
    if len(ciphertext) <= 16:  # the GCM tag alone is 16 bytes
        raise damaged(translate("IssuerKeys", "its sealed key is cut short"))

    header = {name: document[name] for name in ("format", "key_id", "kind", "created")}
    header["public_key"] = pem
    owner: str | None = None
    if "issuer" in document:  # sealed with the rest: removing it breaks the seal
        owner = _field(document, "issuer", str, damaged)
        header["issuer"] = owner
    info = PublicKeyInfo(
        key_id=key_id,
        kind=kind,
        created=created.astimezone(dt.UTC),
        public_key=public,
        kdf=params,
        issuer=owner,
    )
    return _Sealed(info, header, salt, nonce, check, ciphertext)


def _load(path: Path) -> dict[str, Any]:
    """The file's JSON object, its format version checked."""
    try:
        with path.open("rb") as handle:
            data = handle.read(_MAX_FILE_BYTES + 1)
    except FileNotFoundError:
        raise KeyFileError(
            translate("IssuerKeys", "There is no key file at {path}.").format(path=path)
        ) from None
    except OSError as error:
        raise KeyFileError(
            translate("IssuerKeys", "The key file {path} cannot be read: {reason}.").format(
                path=path, reason=error.strerror
            )
        ) from None
    if not data.strip():
        raise KeyFileError(
            translate("IssuerKeys", "The key file {path} is empty.").format(path=path)
        )
    if len(data) > _MAX_FILE_BYTES:
        raise KeyFileError(
            translate("IssuerKeys", "{path} is too large to be a key file.").format(path=path)
        )
    try:
        document = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise KeyFileError(
            translate(
                "IssuerKeys",
                "The key file {path} is damaged or cut short: it is not complete JSON.",
            ).format(path=path)
        ) from None
    if not isinstance(document, dict):
        raise KeyFileError(translate("IssuerKeys", "{path} is not a key file.").format(path=path))
    version = document.get("format")
    if version in _FORMATS:
        return document
    if isinstance(version, str) and version.startswith(_FORMAT_PREFIX):
        raise KeyFileError(
            translate(
                "IssuerKeys",
                "The key file {path} is in a format this version of the app does not know "
                '("{version}"); it was probably written by a newer version.',
            ).format(path=path, version=version[:60])
        )
    raise KeyFileError(
        translate("IssuerKeys", "{path} is not a Portfolio Reviewer key file.").format(path=path)
    )


def _field(
    mapping: Mapping[str, Any], name: str, kind: type[_T], damaged: Callable[[str], KeyFileError]
) -> _T:
    value = mapping.get(name)
    # bool is an int to Python, never to this format.
    if not isinstance(value, kind) or isinstance(value, bool):
        raise damaged(
            translate("IssuerKeys", 'its "{name}" is missing or not of the right type').format(
                name=name
            )
        )
    return value


def _b64_field(
    mapping: Mapping[str, Any], name: str, damaged: Callable[[str], KeyFileError]
) -> bytes:
    text = _field(mapping, name, str, damaged)
    try:
        return base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        raise damaged(
            translate("IssuerKeys", 'its "{name}" is not valid base64').format(name=name)
        ) from None


# --- helpers ------------------------------------------------------------------------


def _derive(passphrase: str, salt: bytes, params: KdfParams) -> tuple[bytes, bytes]:
    """Two independent 32-byte keys: one seals, one checks the passphrase."""
    # NFC: the same passphrase typed on different systems must give the same bytes.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    derived = Argon2id(
        salt=salt,
        length=64,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(secret)
    return derived[:32], derived[32:]


def _passphrase_check(check_key: bytes) -> bytes:
    return hmac.new(check_key, _CHECK_LABEL, hashlib.sha256).digest()


def _aad(header: Mapping[str, Any]) -> bytes:
    return canonical_json(dict(header)).encode("utf-8")


def _checksum(body: Mapping[str, Any]) -> str:
    return "sha256:" + hashlib.sha256(canonical_json(dict(body)).encode("utf-8")).hexdigest()


def _check_key_id(key_id: str) -> None:
    # Key ids become file names, so only a safe, portable alphabet.
    if not _KEY_ID.fullmatch(key_id):
        raise ValueError(
            f"Key id {key_id!r} must be 1-64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )


def _kind_of_private(key: object) -> KeyKind:
    if isinstance(key, Ed25519PrivateKey):
        return "ed25519"
    if isinstance(key, RSAPrivateKey):
        if key.key_size < MIN_RSA_BITS:
            raise ValueError(f"RSA keys must have at least {MIN_RSA_BITS} bits")
        return "rsa"
    raise TypeError(f"Only Ed25519 and RSA private keys can be stored, not {type(key).__name__}")


def _kind_of_public(key: IssuerPublicKey) -> KeyKind:
    return "ed25519" if isinstance(key, Ed25519PublicKey) else "rsa"


def _require_public(key: object) -> None:
    if not isinstance(key, RSAPublicKey | Ed25519PublicKey):
        raise TypeError(f"Expected an RSA or Ed25519 public key, not {type(key).__name__}")


def _spki(key: IssuerPublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_uint(value: int) -> str:
    # RFC 7518: big-endian, as few octets as hold the value.
    return _b64url(value.to_bytes(max(1, (value.bit_length() + 7) // 8), "big"))

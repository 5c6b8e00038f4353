"""Issuer keys: sealed with the passphrase, refused when damaged, never leaked."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

from reviewer_app.canonical import canonical_json
from reviewer_app.credentials import keys
from reviewer_app.credentials.keys import (
    FORMAT,
    IssuerPrivateKey,
    KdfParams,
    KeyFileError,
    StoredKey,
    WrongPassphrase,
)
from reviewer_app.errors import UserError

# Cheap settings so the suite stays quick; one test below uses the real defaults.
FAST = KdfParams(memory_kib=1024, iterations=1, lanes=1)
PASSPHRASE = "correct horse battery staple"


@pytest.fixture(scope="module")
def rsa_key() -> RSAPrivateKey:
    return keys.generate_rsa(2048)


@pytest.fixture(scope="module")
def ed_key() -> Ed25519PrivateKey:
    return keys.generate_ed25519()


@pytest.fixture(params=["ed25519", "rsa"])
def any_key(
    request: pytest.FixtureRequest, rsa_key: RSAPrivateKey, ed_key: Ed25519PrivateKey
) -> IssuerPrivateKey:
    return ed_key if request.param == "ed25519" else rsa_key


def _write(path: Path, key: IssuerPrivateKey, key_id: str = "key-1") -> Path:
    keys.write_private_key(path, key, PASSPHRASE, key_id=key_id, kdf_params=FAST)
    return path


def _pkcs8(key: IssuerPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _secret_forms(key: IssuerPrivateKey) -> list[str]:
    """Every way the private key could plausibly show up in text."""
    der = _pkcs8(key)
    pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    pem_body = "".join(line for line in pem.splitlines() if "-----" not in line)
    forms = [
        base64.b64encode(der).decode()[:40],
        base64.urlsafe_b64encode(der).decode()[:40],
        pem_body[:40],
        der.hex()[:40],
        repr(der)[:40],
    ]
    if isinstance(key, Ed25519PrivateKey):
        raw = key.private_bytes(
            serialization.Encoding.Raw,
            serialization.PrivateFormat.Raw,
            serialization.NoEncryption(),
        )
        forms += [raw.hex(), base64.b64encode(raw).decode()[:30], base64.urlsafe_b64encode(raw)]
    else:
        forms.append(str(key.private_numbers().d)[:40])
    return [str(form) for form in forms]


def _edit(path: Path, change: Any, *, fix_checksum: bool) -> None:
    """Apply `change` to the file's JSON; with `fix_checksum`, as a deliberate editor would."""
    document = json.loads(path.read_text())
    change(document)
    if fix_checksum:
        body = {name: value for name, value in document.items() if name != "checksum"}
        document["checksum"] = keys._checksum(body)
    path.write_text(json.dumps(document))


def _flip_b64(text: str, index: int = 5) -> str:
    data = bytearray(base64.b64decode(text))
    data[index] ^= 0x01
    return base64.b64encode(bytes(data)).decode()


# --- round trips ------------------------------------------------------------------


def test_round_trip_both_kinds(tmp_path: Path, any_key: IssuerPrivateKey) -> None:
    path = _write(tmp_path / "k.key.json", any_key, key_id="issuer-1")
    stored = keys.read_private_key(path, PASSPHRASE)
    assert stored.key_id == "issuer-1"
    assert stored.kind == ("rsa" if isinstance(any_key, RSAPrivateKey) else "ed25519")
    assert _pkcs8(stored.private_key) == _pkcs8(any_key)
    assert stored.created.tzinfo is not None
    assert abs(dt.datetime.now(dt.UTC) - stored.created) < dt.timedelta(minutes=1)

    document = json.loads(path.read_text())
    # Without an owner: format 1, as before; the app always names the owner (format 2).
    assert document["format"] == "reviewer-app-private-key/1" and FORMAT.endswith("/2")
    assert document["kind"] == stored.kind
    assert document["created"].endswith("Z")
    assert document["kdf"]["name"] == "argon2id"
    assert document["cipher"]["name"] == "aes-256-gcm"


def test_default_kdf_parameters_are_recorded_and_work(
    tmp_path: Path, ed_key: Ed25519PrivateKey
) -> None:
    path = tmp_path / "k.key.json"
    keys.write_private_key(path, ed_key, PASSPHRASE, key_id="ed25519-1")
    kdf = json.loads(path.read_text())["kdf"]
    assert (kdf["memory_kib"], kdf["iterations"], kdf["lanes"]) == (65536, 3, 4)
    assert len(base64.b64decode(kdf["salt"])) == 16
    assert keys.read_public_key(path).kdf == KdfParams()
    assert _pkcs8(keys.read_private_key(path, PASSPHRASE).private_key) == _pkcs8(ed_key)


def test_each_write_uses_a_fresh_salt_and_nonce(tmp_path: Path, ed_key: Ed25519PrivateKey) -> None:
    first = json.loads(_write(tmp_path / "a.json", ed_key).read_text())
    second = json.loads(_write(tmp_path / "b.json", ed_key).read_text())
    assert first["kdf"]["salt"] != second["kdf"]["salt"]
    assert first["cipher"]["nonce"] != second["cipher"]["nonce"]
    assert first["ciphertext"] != second["ciphertext"]


def test_public_key_is_read_without_the_passphrase(
    tmp_path: Path, any_key: IssuerPrivateKey
) -> None:
    path = _write(tmp_path / "k.key.json", any_key, key_id="rsa-2")
    info = keys.read_public_key(path)
    assert info.key_id == "rsa-2"
    assert info.kdf == FAST
    assert keys.public_pem(info.public_key) == keys.public_pem(any_key.public_key())


def test_passphrase_is_unicode_normalised(tmp_path: Path, ed_key: Ed25519PrivateKey) -> None:
    path = tmp_path / "k.key.json"
    keys.write_private_key(path, ed_key, "caf\u00e9 cr\u00e8me", key_id="k", kdf_params=FAST)
    # The same words typed where the keyboard composes accents separately.
    stored = keys.read_private_key(path, "cafe\u0301 cre\u0300me")
    assert _pkcs8(stored.private_key) == _pkcs8(ed_key)


def test_many_key_files_side_by_side(
    tmp_path: Path, rsa_key: RSAPrivateKey, ed_key: Ed25519PrivateKey
) -> None:
    _write(keys.key_path(tmp_path, "ed25519-1"), ed_key, key_id="ed25519-1")
    _write(keys.key_path(tmp_path, "rsa-2"), rsa_key, key_id="rsa-2")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ed25519-1.key.json", "rsa-2.key.json"]
    assert keys.read_public_key(keys.key_path(tmp_path, "rsa-2")).kind == "rsa"
    assert keys.read_private_key(keys.key_path(tmp_path, "ed25519-1"), PASSPHRASE).kind == (
        "ed25519"
    )


@pytest.mark.parametrize("key_id", ["", "../escape", "a/b", "-x", "x" * 65, "sp ace"])
def test_unsafe_key_ids_are_refused(tmp_path: Path, ed_key: Ed25519PrivateKey, key_id: str) -> None:
    with pytest.raises(ValueError, match="Key id"):
        keys.key_path(tmp_path, key_id)
    with pytest.raises(ValueError, match="Key id"):
        _write(tmp_path / "k.json", ed_key, key_id=key_id)
    assert not list(tmp_path.iterdir())


def test_generate_rsa_refuses_short_keys() -> None:
    with pytest.raises(ValueError, match="2048"):
        keys.generate_rsa(1024)


# --- refusals -----------------------------------------------------------------------


def test_wrong_passphrase(tmp_path: Path, any_key: IssuerPrivateKey) -> None:
    path = _write(tmp_path / "k.key.json", any_key, key_id="rsa-1")
    with pytest.raises(WrongPassphrase) as caught:
        keys.read_private_key(path, "correct horse battery stapler")
    assert str(caught.value).startswith("The passphrase is not right for")
    assert "rsa-1" in str(caught.value)
    assert isinstance(caught.value, UserError)
    with pytest.raises(WrongPassphrase):
        keys.read_private_key(path, "")


@pytest.mark.parametrize("passphrase", ["", "   ", "\t\n"])
def test_empty_passphrase_is_refused(
    tmp_path: Path, ed_key: Ed25519PrivateKey, passphrase: str
) -> None:
    path = tmp_path / "k.key.json"
    with pytest.raises(UserError, match="passphrase"):
        keys.write_private_key(path, ed_key, passphrase, key_id="k", kdf_params=FAST)
    assert not path.exists()


def test_an_existing_key_file_is_not_overwritten(
    tmp_path: Path, rsa_key: RSAPrivateKey, ed_key: Ed25519PrivateKey
) -> None:
    path = _write(tmp_path / "k.key.json", ed_key)
    before = path.read_bytes()
    with pytest.raises(KeyFileError, match="already exists"):
        _write(path, rsa_key)
    assert path.read_bytes() == before
    keys.write_private_key(
        path, ed_key, "new passphrase", key_id="k", kdf_params=FAST, replace=True
    )
    assert keys.read_private_key(path, "new passphrase").key_id == "k"


def test_tampered_ciphertext_is_damage_not_a_wrong_passphrase(
    tmp_path: Path, any_key: IssuerPrivateKey
) -> None:
    path = _write(tmp_path / "k.key.json", any_key)
    original = path.read_text()

    def flip(document: dict[str, Any]) -> None:
        document["ciphertext"] = _flip_b64(document["ciphertext"])

    _edit(path, flip, fix_checksum=False)  # as a bad disk or copy would
    with pytest.raises(KeyFileError, match="damaged"):
        keys.read_private_key(path, PASSPHRASE)

    path.write_text(original)
    _edit(path, flip, fix_checksum=True)  # as someone covering their tracks would
    with pytest.raises(KeyFileError, match="altered") as caught:
        keys.read_private_key(path, PASSPHRASE)
    assert not isinstance(caught.value, WrongPassphrase)


def test_tampered_salt_is_refused(tmp_path: Path, ed_key: Ed25519PrivateKey) -> None:
    path = _write(tmp_path / "k.key.json", ed_key)
    original = path.read_text()

    def flip(document: dict[str, Any]) -> None:
        document["kdf"]["salt"] = _flip_b64(document["kdf"]["salt"])

    _edit(path, flip, fix_checksum=False)
    with pytest.raises(KeyFileError, match="damaged"):
        keys.read_private_key(path, PASSPHRASE)

    # A changed salt with a fixed-up checksum cannot be told from a wrong passphrase
    # (both derive a different key); the message says so.
    path.write_text(original)
    _edit(path, flip, fix_checksum=True)
    with pytest.raises(WrongPassphrase, match="may have been altered"):
        keys.read_private_key(path, PASSPHRASE)


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("key_id", "key-2"),
        ("kind", "rsa"),
        ("created", "2020-01-01T00:00:00Z"),
    ],
)
def test_tampered_associated_data_is_refused(
    tmp_path: Path, ed_key: Ed25519PrivateKey, name: str, value: str
) -> None:
    path = _write(tmp_path / "k.key.json", ed_key)

    def change(document: dict[str, Any]) -> None:
        document[name] = value

    _edit(path, change, fix_checksum=True)
    with pytest.raises(KeyFileError) as caught:
        keys.read_private_key(path, PASSPHRASE)
    assert not isinstance(caught.value, WrongPassphrase)


def test_swapped_public_key_is_refused(tmp_path: Path, ed_key: Ed25519PrivateKey) -> None:
    path = _write(tmp_path / "k.key.json", ed_key)
    other = keys.public_pem(keys.generate_ed25519().public_key())

    def swap(document: dict[str, Any]) -> None:
        document["public_key"] = other

    _edit(path, swap, fix_checksum=True)
    with pytest.raises(KeyFileError, match="altered"):
        keys.read_private_key(path, PASSPHRASE)


def test_truncated_file(tmp_path: Path, rsa_key: RSAPrivateKey) -> None:
    path = _write(tmp_path / "k.key.json", rsa_key)
    data = path.read_bytes()
    for cut in (len(data) // 2, len(data) - 3, 1):
        path.write_bytes(data[:cut])
        with pytest.raises(KeyFileError, match="damaged or cut short"):
            keys.read_private_key(path, PASSPHRASE)
        with pytest.raises(KeyFileError):
            keys.read_public_key(path)
    path.write_bytes(b"")
    with pytest.raises(KeyFileError, match="empty"):
        keys.read_public_key(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00", "damaged or cut short"),
        (b"[1, 2, 3]", "not a key file"),
        (b'{"format": "something-else/1"}', "not a Portfolio Reviewer key file"),
        (b"{}", "not a Portfolio Reviewer key file"),
    ],
)
def test_not_a_key_file(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "k.key.json"
    path.write_bytes(content)
    with pytest.raises(KeyFileError, match=message):
        keys.read_private_key(path, PASSPHRASE)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(KeyFileError, match="no key file"):
        keys.read_public_key(tmp_path / "absent.key.json")


def test_unknown_format_version(tmp_path: Path, ed_key: Ed25519PrivateKey) -> None:
    path = _write(tmp_path / "k.key.json", ed_key)

    def bump(document: dict[str, Any]) -> None:
        document["format"] = "reviewer-app-private-key/3"

    _edit(path, bump, fix_checksum=True)
    with pytest.raises(KeyFileError, match="newer version"):
        keys.read_private_key(path, PASSPHRASE)
    with pytest.raises(KeyFileError, match="newer version"):
        keys.read_public_key(path)


def test_absurd_kdf_settings_are_refused_before_deriving(
    tmp_path: Path, ed_key: Ed25519PrivateKey
) -> None:
    path = _write(tmp_path / "k.key.json", ed_key)

    def inflate(document: dict[str, Any]) -> None:
        document["kdf"]["memory_kib"] = 2**40  # would ask for a petabyte

    _edit(path, inflate, fix_checksum=True)
    with pytest.raises(KeyFileError, match="out of range"):
        keys.read_private_key(path, PASSPHRASE)


@pytest.mark.parametrize(
    ("name", "value"), [("iterations", True), ("lanes", "4"), ("memory_kib", None)]
)
def test_wrongly_typed_kdf_settings_are_damage(
    tmp_path: Path, ed_key: Ed25519PrivateKey, name: str, value: object
) -> None:
    path = _write(tmp_path / "k.key.json", ed_key)

    def change(document: dict[str, Any]) -> None:
        document["kdf"][name] = value

    _edit(path, change, fix_checksum=True)
    with pytest.raises(KeyFileError, match="damaged"):
        keys.read_public_key(path)


# --- secrecy ------------------------------------------------------------------------


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_key_file_is_owner_only_whatever_the_umask(
    tmp_path: Path, ed_key: Ed25519PrivateKey
) -> None:
    previous = os.umask(0)  # the most permissive umask must not widen the file
    try:
        path = _write(tmp_path / "k.key.json", ed_key)
    finally:
        os.umask(previous)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_file_holds_no_plaintext_key(tmp_path: Path, any_key: IssuerPrivateKey) -> None:
    path = _write(tmp_path / "k.key.json", any_key)
    data = path.read_bytes()
    assert _pkcs8(any_key) not in data
    text = data.decode()
    assert "PRIVATE KEY" not in text
    for form in _secret_forms(any_key):
        assert form not in text
    # The ciphertext is the PKCS#8 plus a 16-byte tag, and none of it is the key itself.
    sealed = base64.b64decode(json.loads(text)["ciphertext"])
    assert len(sealed) == len(_pkcs8(any_key)) + 16
    assert _pkcs8(any_key)[16:48] not in sealed


def test_nothing_secret_in_reprs_or_errors(tmp_path: Path, any_key: IssuerPrivateKey) -> None:
    path = _write(tmp_path / "k.key.json", any_key)
    stored = keys.read_private_key(path, PASSPHRASE)
    texts = [repr(stored), str(stored), repr(keys.read_public_key(path))]
    assert "private_key" not in repr(stored)

    def capture(action: Any) -> None:
        with pytest.raises(UserError) as caught:
            action()
        texts.extend([str(caught.value), repr(caught.value)])
        assert caught.value.__cause__ is None  # nothing from the crypto layer rides along

    capture(lambda: keys.read_private_key(path, "not it"))
    original = path.read_text()
    _edit(
        path,
        lambda d: d.update(ciphertext=_flip_b64(d["ciphertext"], index=40)),
        fix_checksum=True,
    )
    capture(lambda: keys.read_private_key(path, PASSPHRASE))
    path.write_text(original)
    capture(lambda: keys.write_private_key(path, any_key, PASSPHRASE, key_id="key-1"))

    for text in texts:
        assert PASSPHRASE not in text
        assert "PRIVATE KEY" not in text
        for form in _secret_forms(any_key):
            assert form not in text, text


def test_stored_keys_compare_without_the_secret(ed_key: Ed25519PrivateKey) -> None:
    created = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    one = StoredKey("k", "ed25519", created, ed_key)
    assert one == StoredKey("k", "ed25519", created, keys.generate_ed25519())
    assert "Ed25519" not in repr(one)


# --- atomicity ----------------------------------------------------------------------


def test_a_failed_write_leaves_no_file(
    tmp_path: Path, ed_key: Ed25519PrivateKey, monkeypatch: pytest.MonkeyPatch
) -> None:
    def killed(*_: object) -> None:
        raise OSError("power cut")

    monkeypatch.setattr(os, "replace", killed)
    path = tmp_path / "k.key.json"
    with pytest.raises(OSError, match="power cut"):
        _write(path, ed_key)
    assert not path.exists()
    assert list(tmp_path.iterdir()) == []


def test_a_failed_replace_keeps_the_old_file(
    tmp_path: Path,
    ed_key: Ed25519PrivateKey,
    rsa_key: RSAPrivateKey,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _write(tmp_path / "k.key.json", ed_key)
    before = path.read_bytes()

    def killed(*_: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        keys.write_private_key(path, rsa_key, PASSPHRASE, key_id="k", kdf_params=FAST, replace=True)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["k.key.json"]


# --- public forms -------------------------------------------------------------------


def _b64url_int(text: str) -> int:
    return int.from_bytes(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)), "big")


def test_public_jwk_rsa(rsa_key: RSAPrivateKey) -> None:
    jwk = keys.public_jwk(rsa_key.public_key(), "https://example.edu/keys/1.json")
    numbers = rsa_key.public_key().public_numbers()
    assert set(jwk) == {"kty", "n", "e", "alg", "use", "kid"}
    assert (jwk["kty"], jwk["alg"], jwk["use"], jwk["e"]) == ("RSA", "RS256", "sig", "AQAB")
    assert _b64url_int(jwk["n"]) == numbers.n
    assert "=" not in jwk["n"]
    assert "kid" not in keys.public_jwk(rsa_key.public_key())


def test_public_jwk_ed25519(ed_key: Ed25519PrivateKey) -> None:
    jwk = keys.public_jwk(ed_key.public_key(), None)
    raw = ed_key.public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw
    )
    assert {k: jwk[k] for k in ("kty", "crv")} == {"kty": "OKP", "crv": "Ed25519"}
    assert base64.urlsafe_b64decode(jwk["x"] + "=") == raw
    assert "d" not in jwk and "kid" not in jwk


def test_private_keys_are_not_public_keys(rsa_key: RSAPrivateKey) -> None:
    with pytest.raises(TypeError):
        keys.public_jwk(rsa_key, "k")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        keys.public_pem(rsa_key)  # type: ignore[arg-type]


def test_jwks_and_pem(rsa_key: RSAPrivateKey, ed_key: Ed25519PrivateKey) -> None:
    document = keys.jwks([(rsa_key.public_key(), "rsa-1"), (ed_key.public_key(), "ed25519-1")])
    assert [k["kid"] for k in document["keys"]] == ["rsa-1", "ed25519-1"]
    assert all("d" not in k for k in document["keys"])
    json.dumps(document)  # publishable as is
    pem = keys.public_pem(rsa_key.public_key())
    assert pem.startswith("-----BEGIN PUBLIC KEY-----")
    loaded = serialization.load_pem_public_key(pem.encode())
    assert isinstance(loaded, RSAPublicKey)
    assert keys.public_jwk(loaded) == keys.public_jwk(rsa_key.public_key())


def test_checksum_covers_the_whole_file(tmp_path: Path, ed_key: Ed25519PrivateKey) -> None:
    document = json.loads(_write(tmp_path / "k.key.json", ed_key).read_text())
    body = {name: value for name, value in document.items() if name != "checksum"}
    digest = hashlib.sha256(canonical_json(body).encode()).hexdigest()
    assert document["checksum"] == "sha256:" + digest

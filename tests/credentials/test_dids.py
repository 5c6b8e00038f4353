"""Multibase keys, did:key and did:web."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from reviewer_app.credentials import multibase
from reviewer_app.credentials.dids import (
    DID_V1_CONTEXT,
    DidError,
    did_key,
    did_key_method,
    did_web,
    did_web_document,
    did_web_document_path,
    did_web_document_url,
    key_from_did_document,
    resolve_did_key,
)
from reviewer_app.errors import UserError

VECTORS = Path(__file__).resolve().parents[1] / "data" / "vc-di-eddsa"
KEY_PAIR = json.loads((VECTORS / "keyPair.json").read_text(encoding="utf-8"))
W3C_PUBLIC = "z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"


def raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def seeded(n: int) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(bytes([n]) * 32)


# --- multibase ---------------------------------------------------------------------------


def test_base58btc_round_trip() -> None:
    for data in (b"", b"\x00", b"\x00\x00\x01", bytes(range(256))):
        text = multibase.encode_base58btc(data)
        assert text.startswith("z")
        assert multibase.decode_base58btc(text) == data
    assert multibase.encode_base58btc(b"hello world") == "zStV1DL6CwTryKyV"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "non-empty"),
        ("mSGVsbG8", "only multibase base58btc"),
        ("z0OIl", "outside base58btc: '0', 'I', 'O', 'l'"),
        ("zabc def", "outside base58btc"),
    ],
)
def test_base58btc_rejects_clearly(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        multibase.decode_base58btc(text)


def test_w3c_key_pair_decodes() -> None:
    private = multibase.ed25519_private_from_multibase(KEY_PAIR["privateKeyMultibase"])
    public = multibase.ed25519_public_from_multibase(KEY_PAIR["publicKeyMultibase"])
    assert raw(private.public_key()) == raw(public)
    assert multibase.ed25519_public_multibase(public) == KEY_PAIR["publicKeyMultibase"]
    assert multibase.ed25519_private_multibase(private) == KEY_PAIR["privateKeyMultibase"]
    assert KEY_PAIR["publicKeyMultibase"].startswith("z6Mk")
    assert KEY_PAIR["privateKeyMultibase"].startswith("z3u2")


def test_key_type_confusion_is_refused() -> None:
    with pytest.raises(ValueError, match="not an Ed25519 public key"):
        multibase.ed25519_public_from_multibase(KEY_PAIR["privateKeyMultibase"])
    with pytest.raises(ValueError, match="not an Ed25519 private key"):
        multibase.ed25519_private_from_multibase(KEY_PAIR["publicKeyMultibase"])
    with pytest.raises(ValueError, match="holds 31 key bytes"):
        multibase.ed25519_public_from_multibase(multibase.encode_base58btc(b"\xed\x01" + bytes(31)))


def test_private_key_errors_do_not_quote_the_secret() -> None:
    secret = KEY_PAIR["privateKeyMultibase"]
    broken = secret[:-1] + "0"
    with pytest.raises(ValueError) as caught:
        multibase.ed25519_private_from_multibase(broken)
    assert secret[1:10] not in str(caught.value)


# --- did:key -----------------------------------------------------------------------------


def test_did_key_of_the_w3c_vector_key() -> None:
    public = multibase.ed25519_public_from_multibase(W3C_PUBLIC)
    assert did_key(public) == f"did:key:{W3C_PUBLIC}"
    assert did_key_method(public) == f"did:key:{W3C_PUBLIC}#{W3C_PUBLIC}"
    signed = json.loads((VECTORS / "eddsa-rdfc-2022" / "signedDataInt.json").read_text())
    assert did_key_method(public) == signed["proof"]["verificationMethod"]


def test_did_key_round_trip() -> None:
    for n in range(1, 20):
        public = seeded(n).public_key()
        assert did_key(public).startswith("did:key:z6Mk")
        assert raw(resolve_did_key(did_key(public))) == raw(public)
        assert raw(resolve_did_key(did_key_method(public))) == raw(public)


def _did_key_of(codec_prefix: bytes, length: int) -> str:
    return "did:key:" + multibase.encode_base58btc(codec_prefix + bytes([2]) * length)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("did:web:example.org", "not a did:key"),
        ("did:key:", "one multibase value"),
        (f"did:key:{W3C_PUBLIC}:extra", "one multibase value"),
        ("did:key:6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2", "only multibase base58btc"),
        ("did:key:z6MkOOOO", "outside base58btc"),
        (f"did:key:{W3C_PUBLIC}#key-1", "other than the DID's own"),
        (_did_key_of(b"\xe7\x01", 33), "secp256k1 public key"),
        (_did_key_of(b"\x80\x24", 33), "P-256 public key"),
        (_did_key_of(b"\xec\x01", 32), "X25519 public key"),
        (_did_key_of(b"\xed\x01", 31), "holds 31 key bytes"),
    ],
)
def test_resolve_did_key_explains_what_is_wrong(value: str, message: str) -> None:
    with pytest.raises(DidError, match=message) as caught:
        resolve_did_key(value)
    assert isinstance(caught.value, UserError)
    assert isinstance(caught.value, ValueError)


# --- did:web -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "did", "path", "document_url"),
    [
        (
            "https://issuer.example.org",
            "did:web:issuer.example.org",
            ".well-known/did.json",
            "https://issuer.example.org/.well-known/did.json",
        ),
        (
            "https://issuer.example.org/",
            "did:web:issuer.example.org",
            ".well-known/did.json",
            "https://issuer.example.org/.well-known/did.json",
        ),
        (
            "https://example.org/issuers/centre",
            "did:web:example.org:issuers:centre",
            "issuers/centre/did.json",
            "https://example.org/issuers/centre/did.json",
        ),
        (
            "https://example.org/issuers/centre/",
            "did:web:example.org:issuers:centre",
            "issuers/centre/did.json",
            "https://example.org/issuers/centre/did.json",
        ),
        (
            "https://localhost:8443",
            "did:web:localhost%3A8443",
            ".well-known/did.json",
            "https://localhost:8443/.well-known/did.json",
        ),
        (
            "https://Issuer.Example.ORG:443/a",
            "did:web:issuer.example.org:a",
            "a/did.json",
            "https://issuer.example.org/a/did.json",
        ),
        (
            "https://example.org/a:b/c~d",
            "did:web:example.org:a%3Ab:c%7Ed",
            "a%3Ab/c%7Ed/did.json",
            "https://example.org/a%3Ab/c%7Ed/did.json",
        ),
    ],
)
def test_did_web_names_and_paths(url: str, did: str, path: str, document_url: str) -> None:
    assert did_web(url) == did
    assert did_web_document_path(did) == path
    assert did_web_document_url(did) == document_url
    # A key id (DID URL) resolves to the same document.
    assert did_web_document_url(did + "#key-1") == document_url


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("http://issuer.example.org", "https://"),
        ("issuer.example.org", "https://"),
        ("https://issuer.example.org/?x=1", "no query"),
        ("https://user@issuer.example.org", "login"),
        ("https://192.0.2.1/", "not an IP address"),
        ("https://[2001:db8::1]/", "not an IP address"),
        ("https://example.org/a//b", "empty path segment"),
        ("https://example.org:99999", "invalid port"),
    ],
)
def test_did_web_refuses_unusable_addresses(url: str, message: str) -> None:
    with pytest.raises(DidError, match=message):
        did_web(url)


@pytest.mark.parametrize(
    "did",
    ["did:key:z6Mk", "did:web:", "did:web:example.org::a", "did:web:exa mple.org", "did:web:a%3Ab"],
)
def test_malformed_did_web_is_refused(did: str) -> None:
    with pytest.raises(DidError):
        did_web_document_path(did)


def test_did_web_document_keeps_old_keys_published() -> None:
    did = did_web("https://example.org/issuers/centre")
    old, new = seeded(1).public_key(), seeded(2).public_key()
    document = did_web_document(did, [("key-1", old), ("#key-2", new)])
    assert document["@context"][0] == DID_V1_CONTEXT
    assert document["id"] == did
    assert document["verificationMethod"] == [
        {
            "id": f"{did}#key-1",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": multibase.ed25519_public_multibase(old),
        },
        {
            "id": f"{did}#key-2",
            "type": "Multikey",
            "controller": did,
            "publicKeyMultibase": multibase.ed25519_public_multibase(new),
        },
    ]
    assert document["assertionMethod"] == [f"{did}#key-1", f"{did}#key-2"]
    json.dumps(document)  # plain JSON
    # A verifier holding the document finds both keys, the retired one included.
    assert raw(key_from_did_document(document, f"{did}#key-1")) == raw(old)
    assert raw(key_from_did_document(document, f"{did}#key-2")) == raw(new)


def test_did_web_document_context_names_only_contexts_we_ship() -> None:
    from reviewer_app.credentials.contexts import CONTEXT_FILES

    document = did_web_document("did:web:issuer.example.org", [("k", seeded(3).public_key())])
    assert all(url in CONTEXT_FILES for url in document["@context"])


def test_did_web_document_refuses_bad_input() -> None:
    key = seeded(1).public_key()
    with pytest.raises(DidError, match="at least one key"):
        did_web_document("did:web:example.org", [])
    with pytest.raises(DidError, match="used twice"):
        did_web_document("did:web:example.org", [("k", key), ("#k", key)])
    with pytest.raises(DidError, match="fragment"):
        did_web_document("did:web:example.org", [("", key)])
    with pytest.raises(DidError, match="without a #fragment"):
        did_web_document("did:web:example.org#k", [("k", key)])
    with pytest.raises(DidError, match="not a did:web"):
        did_web_document("did:key:" + W3C_PUBLIC, [("k", key)])


def test_key_from_did_document_requires_an_assertion_key() -> None:
    did = "did:web:issuer.example.org"
    document = did_web_document(did, [("key-1", seeded(1).public_key())])
    document["assertionMethod"] = []
    with pytest.raises(DidError, match="does not list"):
        key_from_did_document(document, f"{did}#key-1")
    with pytest.raises(DidError, match="is for"):
        key_from_did_document(document, "did:web:other.example.org#key-1")


def test_did_web_document_keeps_its_keys_under_json_ld_processing() -> None:
    """Issue 12, item 25: without the Multikey context JSON-LD drops publicKeyMultibase."""
    from reviewer_app.credentials import dataintegrity
    from reviewer_app.credentials.dids import MULTIKEY_V1_CONTEXT

    document = did_web_document("did:web:issuer.example.org", [("k", seeded(3).public_key())])
    assert MULTIKEY_V1_CONTEXT in document["@context"]
    dataintegrity.check_no_dropped_terms(document)
    nquads = dataintegrity.canonicalize(document)
    assert "https://w3id.org/security#publicKeyMultibase" in nquads

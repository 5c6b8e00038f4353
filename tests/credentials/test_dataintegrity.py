"""The eddsa-rdfc-2022 cryptosuite: W3C vectors byte for byte, dropped terms, verify."""

from __future__ import annotations

import functools
import hashlib
import json
import socket
import string
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from pyld import jsonld

from reviewer_app.credentials import dataintegrity as di
from reviewer_app.credentials.contexts import load_document
from reviewer_app.credentials.dids import did_key, did_key_method, resolve_did_key
from reviewer_app.credentials.multibase import (
    decode_base58btc,
    ed25519_private_from_multibase,
    encode_base58btc,
)
from tests.credentials.independent import verify_eddsa_rdfc_2022

VECTORS = Path(__file__).resolve().parents[1] / "data" / "vc-di-eddsa"
SUITE = VECTORS / "eddsa-rdfc-2022"
CREATED = "2023-02-24T23:36:38Z"
VC_V2 = "https://www.w3.org/ns/credentials/v2"
VC_V1 = "https://www.w3.org/2018/credentials/v1"
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB3_EXTENSIONS = "https://purl.imsglobal.org/spec/ob/v3p0/extensions.json"


def text(name: str) -> str:
    return (SUITE / name).read_text(encoding="utf-8")


def unsigned() -> dict[str, Any]:
    return json.loads((VECTORS / "unsigned.json").read_text(encoding="utf-8"))


W3C_KEY = ed25519_private_from_multibase(
    json.loads((VECTORS / "keyPair.json").read_text(encoding="utf-8"))["privateKeyMultibase"]
)
W3C_METHOD = did_key_method(W3C_KEY.public_key())
KEY = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"test issuer").digest())
METHOD = did_key_method(KEY.public_key())


@pytest.fixture(scope="module", autouse=True)
def no_network() -> Iterator[None]:
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"network access attempted: {args!r}")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(socket, "socket", refuse)
        patch.setattr(socket, "create_connection", refuse)
        patch.setattr(socket, "getaddrinfo", refuse)
        yield


def ob3_credential() -> dict[str, Any]:
    """A credential shaped like the app's Open Badges 3.0 export."""
    base = "https://issuer.example.org"
    return {
        "@context": [VC_V2, OB3, OB3_EXTENSIONS],
        "id": "urn:uuid:5f0c7a1e-7d7a-4c4e-9d55-0d6b2f3c9a10",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Families as Partners",
        "description": "Awarded for a reviewed portfolio.",
        "issuer": {
            "id": did_key(KEY.public_key()),
            "type": ["Profile"],
            "name": "Riverside Teachers' Association",
            "url": f"{base}/",
            "email": "badges@issuer.example.org",
        },
        "validFrom": "2026-11-20T10:00:00Z",
        "awardedDate": "2026-11-20T10:00:00Z",
        "credentialSubject": {
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "hashed": True,
                    "identityHash": "sha256$0f6d1c2e4b",
                    "identityType": "emailAddress",
                    "salt": "s4lt",
                }
            ],
            "achievement": {
                "id": f"{base}/achievements/fap",
                "type": ["Achievement"],
                "achievementType": "Competency",
                "name": "Families as Partners",
                "description": "Works with families as partners in learning.",
                "criteria": {"narrative": "A portfolio scored at level 2 or above."},
                "image": {"id": f"{base}/badges/fap.png", "type": "Image"},
                "inLanguage": "en",
                "resultDescription": [
                    {
                        "id": f"{base}/achievements/fap/rubric/c1",
                        "type": ["ResultDescription"],
                        "name": "Planning",
                        "resultType": "RubricCriterionLevel",
                        "rubricCriterionLevel": [
                            {
                                "id": f"{base}/achievements/fap/rubric/c1/l2",
                                "type": ["RubricCriterionLevel"],
                                "name": "Proficient",
                                "points": "2",
                            }
                        ],
                    }
                ],
            },
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": f"{base}/achievements/fap/rubric/c1",
                    "achievedLevel": f"{base}/achievements/fap/rubric/c1/l2",
                }
            ],
        },
        "evidence": [
            {
                "id": f"{base}/evidence/FAP-1",
                "type": ["Evidence"],
                "name": "Family engagement plan",
                "narrative": "Reviewed by two assessors.",
            }
        ],
        "credentialSchema": [
            {
                "id": "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/"
                "ob_v3p0_achievementcredential_schema.json",
                "type": "1EdTechJsonSchemaValidator2019",
            }
        ],
    }


def v1_credential() -> dict[str, Any]:
    """A VC 1.1 credential: its context has no @vocab, so unknown terms really drop."""
    return {
        "@context": [VC_V1],
        "id": "urn:uuid:11111111-2222-3333-4444-555555555555",
        "type": ["VerifiableCredential"],
        "issuer": "https://issuer.example.org/",
        "issuanceDate": "2026-01-01T00:00:00Z",
        "credentialSubject": {"id": "did:example:ana"},
        "evidence": [{"id": "https://issuer.example.org/evidence/1"}],
    }


def dropped_paths(document: dict[str, Any]) -> tuple[str, ...]:
    with pytest.raises(di.DroppedTerms) as caught:
        di.check_no_dropped_terms(document)
    return caught.value.paths


# --- the W3C test vectors ------------------------------------------------------------------


def test_vector_canonical_document() -> None:
    expected = text("canonDocDataInt.txt")
    assert di.canonicalize(unsigned()) == expected
    config = di.proof_configuration(unsigned(), W3C_METHOD, CREATED)
    assert di.hash_data(unsigned(), config).canonical_document == expected


def test_vector_proof_configuration() -> None:
    config = di.proof_configuration(unsigned(), W3C_METHOD, CREATED)
    assert config == json.loads(text("proofConfigDataInt.json"))
    assert json.dumps(config, indent=2) == text("proofConfigDataInt.json")  # same order too


def test_vector_hashes() -> None:
    config = di.proof_configuration(unsigned(), W3C_METHOD, CREATED)
    data = di.hash_data(unsigned(), config)
    assert data.canonical_proof_config == text("proofCanonDataInt.txt")
    assert data.proof_config_hash.hex() == text("proofHashDataInt.txt")
    assert data.document_hash.hex() == text("docHashDataInt.txt")
    assert data.combined.hex() == text("combinedHashDataInt.txt")
    # The combined value is the proof configuration's hash first, then the document's.
    assert data.combined == data.proof_config_hash + data.document_hash


def test_vector_signature() -> None:
    config = di.proof_configuration(unsigned(), W3C_METHOD, CREATED)
    signature = W3C_KEY.sign(di.hash_data(unsigned(), config).combined)
    assert signature.hex() == text("sigHexDataInt.txt")
    assert encode_base58btc(signature) == text("sigBTC58DataInt.txt")


def test_vector_signed_document_byte_for_byte() -> None:
    signed = di.sign(unsigned(), W3C_KEY, W3C_METHOD, CREATED, proof_as_array=False)
    assert json.dumps(signed, indent=2) == text("signedDataInt.json")


def test_vector_signed_document_verifies() -> None:
    signed = json.loads(text("signedDataInt.json"))
    di.verify(signed, resolve_did_key)
    assert verify_eddsa_rdfc_2022(signed, W3C_KEY.public_key())
    intermediate = di.verification_hash_data(signed, signed["proof"])
    assert intermediate.combined.hex() == text("combinedHashDataInt.txt")


def test_independent_verifier_rejects_a_tampered_vector() -> None:
    signed = json.loads(text("signedDataInt.json"))
    signed["credentialSubject"]["alumniOf"] = "The School of Exampels"
    assert not verify_eddsa_rdfc_2022(signed, W3C_KEY.public_key())
    with pytest.raises(di.ProofError, match="does not match"):
        di.verify(signed, resolve_did_key)
    other = Ed25519PrivateKey.from_private_bytes(bytes(32)).public_key()
    assert not verify_eddsa_rdfc_2022(json.loads(text("signedDataInt.json")), other)


def test_canonicalization_is_rdfc_1_0_not_pyld_default() -> None:
    """The W3C vectors come out the same under both algorithms (one blank node), so
    they cannot catch a signer left on pyld's default URGNA2012; this credential can."""
    document = ob3_credential()
    options = {"format": "application/n-quads", "documentLoader": load_document}
    rdfc = jsonld.normalize(document, {**options, "algorithm": "URDNA2015"})
    legacy = jsonld.normalize(document, {**options, "algorithm": "URGNA2012"})
    assert rdfc != legacy
    assert di.canonicalize(document) == rdfc
    config = di.proof_configuration(document, METHOD, CREATED)
    assert di.hash_data(document, config).canonical_document == rdfc


# --- signing ------------------------------------------------------------------------------


def test_sign_gives_an_array_of_one_proof_by_default() -> None:
    document = ob3_credential()
    signed = di.sign(document, KEY, METHOD, "2026-11-20T10:00:00Z")
    assert document == ob3_credential()  # the input is left alone
    assert list(signed)[:-1] == list(document)
    (proof,) = signed["proof"]
    assert list(proof) == [
        "type",
        "cryptosuite",
        "created",
        "verificationMethod",
        "proofPurpose",
        "proofValue",
    ]
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    assert proof["verificationMethod"] == METHOD
    assert proof["proofPurpose"] == "assertionMethod"
    assert len(decode_base58btc(proof["proofValue"])) == 64
    di.verify(signed, resolve_did_key)
    assert verify_eddsa_rdfc_2022(signed, KEY.public_key())


def test_sign_is_deterministic() -> None:
    first = di.sign(ob3_credential(), KEY, METHOD, "2026-11-20T10:00:00Z")
    second = di.sign(ob3_credential(), KEY, METHOD, "2026-11-20T10:00:00Z")
    assert json.dumps(first).encode() == json.dumps(second).encode()
    later = di.sign(ob3_credential(), KEY, METHOD, "2026-11-20T10:00:01Z")
    assert later["proof"][0]["proofValue"] != first["proof"][0]["proofValue"]


def test_a_second_signature_makes_a_proof_set() -> None:
    other = Ed25519PrivateKey.from_private_bytes(hashlib.sha256(b"co-signer").digest())
    once = di.sign(ob3_credential(), KEY, METHOD, "2026-11-20T10:00:00Z")
    twice = di.sign(once, other, did_key_method(other.public_key()), "2026-11-21T10:00:00Z")
    assert len(twice["proof"]) == 2
    assert twice["proof"][0] == once["proof"][0]
    di.verify(twice, resolve_did_key)


def test_sign_validates_its_arguments() -> None:
    with pytest.raises(ValueError, match="time zone"):
        di.sign(ob3_credential(), KEY, METHOD, "2026-11-20T10:00:00")
    with pytest.raises(ValueError, match="absolute IRI"):
        di.sign(ob3_credential(), KEY, "key-1", "2026-11-20T10:00:00Z")
    document = ob3_credential()
    del document["@context"]
    with pytest.raises(di.ProofError, match="no @context"):
        di.sign(document, KEY, METHOD, "2026-11-20T10:00:00Z")


def test_sign_refuses_a_document_with_dropped_terms() -> None:
    document = ob3_credential()
    document["credentialSubject"]["favouriteColour"] = "green"
    with pytest.raises(di.DroppedTerms, match=r"credentialSubject\.favouriteColour"):
        di.sign(document, KEY, METHOD, "2026-11-20T10:00:00Z")


def test_sign_refuses_an_undefined_proof_purpose() -> None:
    with pytest.raises(di.DroppedTerms, match=r"proof\.proofPurpose"):
        di.sign(ob3_credential(), KEY, METHOD, CREATED, proof_purpose="signingThings")


# --- dropped terms ----------------------------------------------------------------------


def test_clean_documents_raise_no_false_alarm() -> None:
    di.check_no_dropped_terms(ob3_credential())
    di.check_no_dropped_terms(v1_credential())
    di.check_no_dropped_terms(unsigned())
    di.check_no_dropped_terms(json.loads(text("signedDataInt.json")))


def test_bogus_top_level_key() -> None:
    document = v1_credential()
    document["favouriteColour"] = "green"
    assert dropped_paths(document) == ("favouriteColour",)


def test_bogus_nested_key() -> None:
    document = v1_credential()
    document["credentialSubject"]["favouriteColour"] = "green"
    assert dropped_paths(document) == ("credentialSubject.favouriteColour",)


def test_bogus_key_inside_an_array_element() -> None:
    document = v1_credential()
    document["evidence"].append({"id": "https://issuer.example.org/evidence/2", "grade": "A"})
    assert dropped_paths(document) == ("evidence[1].grade",)


def test_bogus_keys_at_every_depth_are_all_named() -> None:
    document = ob3_credential()
    document["shoeSize"] = 42
    document["issuer"]["motto"] = {"latin": "semper"}
    document["credentialSubject"]["achievement"]["resultDescription"][0]["rubricCriterionLevel"][0][
        "colour"
    ] = "gold"
    document["evidence"][0]["mark"] = None
    assert sorted(dropped_paths(document)) == sorted(
        [
            "shoeSize",
            "issuer.motto",
            "credentialSubject.achievement.resultDescription[0].rubricCriterionLevel[0].colour",
            "evidence[0].mark",
        ]
    )


def test_the_same_name_is_reported_only_where_it_is_undefined() -> None:
    # OB 3.0 defines `achievementType` inside the Achievement type only.
    document = ob3_credential()
    document["achievementType"] = "Competency"
    document["evidence"][0]["achievementType"] = "Competency"
    assert sorted(dropped_paths(document)) == ["achievementType", "evidence[0].achievementType"]


def test_examples_vocab_means_unknown_terms_are_not_dropped() -> None:
    # The VC examples context has "@vocab": undefined terms map to examples IRIs.
    document = unsigned()
    document["credentialSubject"]["favouriteColour"] = "green"
    di.check_no_dropped_terms(document)
    assert "examples#favouriteColour" in di.canonicalize(document)


def test_vc_v2_context_alone_has_no_vocab_so_unknown_terms_drop() -> None:
    # The pinned (final) VC 2.0 context no longer has an issuer-dependent @vocab.
    document = unsigned()
    document["@context"] = [VC_V2]
    assert sorted(dropped_paths(document)) == ["credentialSubject.alumniOf", "type[1]"]


def test_undefined_type_and_relative_ids_are_reported() -> None:
    document = v1_credential()
    document["type"] = ["VerifiableCredential", "MadeUpCredential"]
    document["credentialSubject"]["id"] = "ana"
    assert sorted(dropped_paths(document)) == ["credentialSubject.id", "type[1]"]


def test_ob3_schema_type_needs_the_extensions_context() -> None:
    document = ob3_credential()
    document["@context"] = [VC_V2, OB3]
    assert dropped_paths(document) == ("credentialSchema[0].type",)


def test_keys_written_as_iris_are_not_dropped() -> None:
    document = v1_credential()
    document["credentialSubject"]["https://schema.org/name"] = "Ana"
    di.check_no_dropped_terms(document)
    document["credentialSubject"]["nickname"] = "Ana"
    assert dropped_paths(document) == ("credentialSubject.nickname",)


def test_blank_node_properties_are_reported() -> None:
    # RDF has no blank-node predicates, so pyld's toRdf drops these without a word.
    document = v1_credential()
    document["credentialSubject"]["_:secret"] = "x"
    assert dropped_paths(document) == ("*._:secret",)
    inline = v1_credential()
    inline["@context"] = [VC_V1, {"hidden": "_:hidden"}]
    inline["credentialSubject"]["hidden"] = "x"
    assert dropped_paths(inline) == ("*._:hidden",)


def test_keyword_lookalikes_are_reported() -> None:
    document = v1_credential()
    document["@contexts"] = []
    assert dropped_paths(document) == ("@contexts",)


# --- verification -------------------------------------------------------------------------


@functools.cache
def signed_ob3() -> str:
    return json.dumps(di.sign(ob3_credential(), KEY, METHOD, "2026-11-20T10:00:00Z"))


def fresh_signed() -> dict[str, Any]:
    return json.loads(signed_ob3())


def test_verify_explains_failures_plainly() -> None:
    def check(document: Any, message: str) -> None:
        with pytest.raises(di.ProofError, match=message):
            di.verify(document, resolve_did_key)

    document = fresh_signed()
    del document["proof"]
    check(document, "no proof")
    check({**fresh_signed(), "proof": []}, "no proof")

    for field, value, message in [
        ("cryptosuite", "ecdsa-rdfc-2019", "cryptosuite 'ecdsa-rdfc-2019'"),
        ("type", "Ed25519Signature2020", "only DataIntegrityProof"),
        ("proofPurpose", "authentication", "not 'assertionMethod'"),
        ("proofValue", "not-multibase", "no usable signature"),
        ("proofValue", "z" + "1" * 20, "signature has"),
        (
            "verificationMethod",
            "did:key:zQ3shokFTS3brHcDQrn82RUDfCZESWL1ZdCEJwekUDPQiYBme",
            "cannot be found",
        ),
        ("created", "yesterday", "invalid creation time"),
        ("previousProof", "urn:uuid:1", "proof chain"),
    ]:
        document = fresh_signed()
        document["proof"][0][field] = value
        check(document, message)

    document = fresh_signed()
    document["name"] = "Families as Partners (Honours)"
    check(document, "does not match")


def test_verify_reports_unresolvable_keys() -> None:
    def nowhere(method: str) -> Ed25519PublicKey:
        raise LookupError(f"{method} is not published")

    with pytest.raises(di.ProofError, match="is not published"):
        di.verify(fresh_signed(), nowhere)


def test_verify_with_the_wrong_key_fails() -> None:
    other = Ed25519PrivateKey.from_private_bytes(bytes(32)).public_key()
    with pytest.raises(di.ProofError, match="does not match"):
        di.verify(fresh_signed(), lambda method: other)
    assert not verify_eddsa_rdfc_2022(fresh_signed(), other)


def test_verify_refuses_unsigned_additions() -> None:
    # Adding a property the contexts do not define leaves the signature intact; verify
    # still refuses, as the addition would be shown but is not signed.
    document = fresh_signed()
    document["credentialSubject"]["honours"] = "first class"
    assert di.canonicalize({k: v for k, v in document.items() if k != "proof"}) == (
        di.canonicalize(ob3_credential())
    )
    with pytest.raises(di.DroppedTerms, match=r"credentialSubject\.honours"):
        di.verify(document, resolve_did_key)
    assert not verify_eddsa_rdfc_2022(document, KEY.public_key())


def test_proof_carrying_its_own_context() -> None:
    document = fresh_signed()
    document["proof"][0]["@context"] = document["@context"]
    di.verify(document, resolve_did_key)
    assert verify_eddsa_rdfc_2022(document, KEY.public_key())
    document["proof"][0]["@context"] = [VC_V2, OB3_EXTENSIONS]
    with pytest.raises(di.ProofError, match="does not start with"):
        di.verify(document, resolve_did_key)


def test_unknown_context_fails_verification_plainly() -> None:
    document = fresh_signed()
    document["@context"] = [*document["@context"], "https://example.org/my-context.jsonld"]
    with pytest.raises(di.ProofError, match=r"https://example\.org/my-context\.jsonld"):
        di.verify(document, resolve_did_key)
    assert not verify_eddsa_rdfc_2022(document, KEY.public_key())


# --- one changed character anywhere breaks the proof -------------------------------------


def _small_credential() -> dict[str, Any]:
    return {
        "@context": [VC_V2, OB3],
        "id": "urn:uuid:0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Families as Partners",
        "issuer": {
            "id": did_key(KEY.public_key()),
            "type": ["Profile"],
            "name": "Riverside Teachers",
        },
        "validFrom": "2026-11-20T10:00:00Z",
        "validUntil": "2031-11-20T10:00:00Z",
        "credentialSubject": {
            "id": "did:example:ana",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://issuer.example.org/achievements/fap",
                "type": ["Achievement"],
                "name": "Families as Partners",
                "criteria": {"narrative": "Scored level 2 on every criterion."},
            },
        },
    }


@functools.cache
def _signed_small() -> str:
    return json.dumps(di.sign(_small_credential(), KEY, METHOD, "2026-11-20T10:05:00Z"))


def _text_positions(node: Any, path: tuple[Any, ...] = ()) -> list[tuple[tuple[Any, ...], bool]]:
    """(path, is_key) of every string in the document: values and member names."""
    found: list[tuple[tuple[Any, ...], bool]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            found.append(((*path, key), True))
            found += _text_positions(value, (*path, key))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            found += _text_positions(item, (*path, index))
    elif isinstance(node, str):
        found.append((path, False))
    return found


def _change(document: dict[str, Any], path: tuple[Any, ...], is_key: bool, edit: Any) -> None:
    parent: Any = document
    for step in path[:-1]:
        parent = parent[step]
    last = path[-1]
    if is_key:
        items = list(parent.items())
        parent.clear()
        for key, value in items:
            parent[edit(key) if key == last else key] = value
    else:
        parent[last] = edit(parent[last])


POSITIONS = _text_positions(json.loads(_signed_small()))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    position=st.sampled_from(POSITIONS),
    index=st.integers(min_value=0, max_value=200),
    replacement=st.sampled_from(string.ascii_letters + string.digits + ":/#-é"),
)
def test_one_changed_character_breaks_the_proof(
    position: tuple[tuple[Any, ...], bool], index: int, replacement: str
) -> None:
    path, is_key = position
    document = json.loads(_signed_small())

    def edit(value: str) -> str:
        at = index % len(value)
        new = replacement if replacement != value[at] else "Q" if value[at] != "Q" else "R"
        return value[:at] + new + value[at + 1 :]

    _change(document, path, is_key, edit)
    original = json.loads(_signed_small())
    assert document != original
    if is_key and path[0] != "proof":
        # JSON-LD signs statements, not spelling: a key changed into another term for the
        # same IRI ("criteria" -> "Criteria" in the Open Badges context) states the same
        # thing, and the proof rightly still holds (the schema check in `verify` refuses
        # such a credential). Only changes to what is stated must break the proof.
        unsigned_changed = {k: v for k, v in document.items() if k != "proof"}
        unsigned_original = {k: v for k, v in original.items() if k != "proof"}
        try:
            same = di.canonicalize(unsigned_changed) == di.canonicalize(unsigned_original)
        except di.ProofError:
            same = False
        assume(not same)
    with pytest.raises(di.ProofError):
        di.verify(document, resolve_did_key)
    assert not verify_eddsa_rdfc_2022(document, KEY.public_key())


def test_the_unchanged_small_credential_verifies() -> None:
    document = json.loads(_signed_small())
    di.verify(document, resolve_did_key)
    assert verify_eddsa_rdfc_2022(document, KEY.public_key())
    assert len(POSITIONS) > 40


def test_positions_cover_subject_issuer_dates_and_proof() -> None:
    paths = {".".join(str(step) for step in path) for path, _ in POSITIONS}
    for expected in (
        "credentialSubject.achievement.criteria.narrative",
        "issuer.name",
        "validFrom",
        "validUntil",
        "proof.0.created",
        "proof.0.proofValue",
        "@context.1",
    ):
        assert expected in paths, expected

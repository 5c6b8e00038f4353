"""Keys resolve through the issuer's own identifier: VC-JWTs name a verification
method of the issuer's DID document (issue 12, item 26), and credentials of issuers
known by an https address resolve their keys from the issuer profile (item 24)."""

from __future__ import annotations

import base64
import copy
import json
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import func, select

from reviewer_app.credentials import dataintegrity, jws
from reviewer_app.credentials.export import ExportError, export
from reviewer_app.credentials.issuers import create_issuer
from reviewer_app.credentials.multibase import ed25519_public_multibase
from reviewer_app.credentials.verify import hosting_fetcher, verify_bytes, verify_file
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import IssuedCredential
from tests.credentials.conftest import PASSPHRASE

ISSUER = "https://example.com/issuers/876543"


def _web_issuer(folder: DataFolder) -> None:
    create_issuer(
        folder,
        name="Web Centre",
        url="https://centre.example.org",
        base_url="https://centre.example.org/badges/",
        email="badges@centre.example.org",
        passphrase=PASSPHRASE,
        actor="lead",
        did_method="web",
    )


def test_a_vc_jwt_names_a_key_its_issuers_did_document_lists(
    passed_folder: DataFolder, tmp_path: Path
) -> None:
    _web_issuer(passed_folder)
    out = tmp_path / "out"
    export(passed_folder, out, passphrase=PASSPHRASE, actor="lead", proof="jwt")
    token = next((out / "credentials").glob("*.jwt")).read_text(encoding="utf-8")
    header, payload = jws.read_unverified(token)
    claims = json.loads(payload)
    did = "did:web:centre.example.org:badges"
    assert claims["iss"] == did
    assert header["kid"] == f"{did}#rsa-1"
    document = json.loads((out / "hosting" / "did.json").read_text(encoding="utf-8"))
    methods = {m["id"]: m for m in document["verificationMethod"]}
    assert methods[header["kid"]]["type"] == "JsonWebKey"
    assert header["kid"] in document["assertionMethod"]
    # JSON-LD keeps the published keys (their terms are all defined).
    dataintegrity.check_no_dropped_terms(document)
    # A plain JWK Set lookup by the header's kid finds the key too.
    jwks = json.loads((out / "hosting" / "keys" / "jwks.json").read_text(encoding="utf-8"))
    assert [k["kid"] for k in jwks["keys"]] == [header["kid"]]
    result = verify_file(
        out / "credentials" / next((out / "credentials").glob("*.jwt")).name,
        hosting_fetcher(out / "hosting"),
    )
    assert result.valid, result.checks

    # The key of another identifier is refused, even if its document lists it.
    forged_header = {**header, "kid": "did:web:elsewhere.example#rsa-1"}
    parts = token.split(".")
    parts[0] = base64.urlsafe_b64encode(json.dumps(forged_header).encode()).rstrip(b"=").decode()
    forged = verify_bytes(".".join(parts).encode(), "forged.jwt", hosting_fetcher(out / "hosting"))
    assert not forged.valid and forged.error and forged.error.startswith("key")


def test_a_did_key_issuer_is_refused_vc_jwt_plainly(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    with pytest.raises(ExportError, match="did:web identifier"):
        export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead", proof="jwt")
    assert not out.exists()
    with issuing_folder.sessions() as session:
        assert session.scalar(select(func.count()).select_from(IssuedCredential)) == 0


def _https_issuer_credential(
    issuing_folder: DataFolder, tmp_path: Path, key: Ed25519PrivateKey, method: str
) -> dict[str, Any]:
    """An exported credential re-issued by an issuer known by its https address."""
    out = tmp_path / "source"
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    credential = json.loads(next((out / "credentials").glob("*.json")).read_text("utf-8"))
    credential = copy.deepcopy(credential)
    del credential["proof"]
    credential.pop("credentialStatus", None)
    credential["issuer"]["id"] = ISSUER
    creator = credential["credentialSubject"]["achievement"].get("creator")
    if isinstance(creator, dict):
        creator["id"] = ISSUER
    return dataintegrity.sign(credential, key, method, credential["validFrom"])


def _publish_profile(hosting: Path, method_entry: dict[str, Any]) -> None:
    profile = {
        "@context": [
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ],
        "id": ISSUER,
        "type": ["Profile"],
        "name": "Example Corp",
        "verificationMethod": [method_entry],
        "assertionMethod": [method_entry["id"]],
    }
    path = hosting / "issuers" / "876543"
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps(profile), encoding="utf-8")


@pytest.mark.parametrize("kind", ["Multikey", "JsonWebKey"])
def test_keys_resolve_from_an_https_issuer_profile(
    issuing_folder: DataFolder, tmp_path: Path, kind: str
) -> None:
    key = Ed25519PrivateKey.generate()
    multibase = ed25519_public_multibase(key.public_key())
    method = f"{ISSUER}#{multibase}"
    credential = _https_issuer_credential(issuing_folder, tmp_path, key, method)
    entry: dict[str, Any] = {"id": method, "type": kind, "controller": ISSUER}
    if kind == "Multikey":
        entry["publicKeyMultibase"] = multibase
    else:
        raw = key.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        x = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
        entry["publicKeyJwk"] = {"kty": "OKP", "crv": "Ed25519", "x": x}
    hosting = tmp_path / "hosting"
    _publish_profile(hosting, entry)
    data = json.dumps(credential).encode()
    result = verify_bytes(data, "simple.json", hosting_fetcher(hosting))
    checks = {c.name: c for c in result.checks}
    assert checks["key"].ok, result.checks
    assert checks["proof"].ok, result.checks
    # A profile that lists another key does not vouch for this one.
    other = Ed25519PrivateKey.generate()
    wrong = {**entry, "publicKeyMultibase": ed25519_public_multibase(other.public_key())}
    wrong.pop("publicKeyJwk", None)
    other_hosting = tmp_path / "hosting-wrong"
    _publish_profile(other_hosting, wrong)
    refused = verify_bytes(data, "simple.json", hosting_fetcher(other_hosting))
    assert not {c.name: c for c in refused.checks}["proof"].ok

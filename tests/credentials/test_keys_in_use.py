"""Keys over an issuer's life: rotation keeps what was signed verifiable, and a private
key never leaves its sealed file (not in an export, not in an error)."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest
from cryptography.hazmat.primitives import serialization

from reviewer_app.credentials import keys
from reviewer_app.credentials.export import export
from reviewer_app.credentials.issuers import default_issuer, key_file, rotate_key, unlock
from reviewer_app.credentials.verify import hosting_fetcher, verify_file
from reviewer_app.evidence.importer import Importer
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.credentials.conftest import PASSPHRASE, pass_submission


def secret_forms(folder: DataFolder) -> list[bytes]:
    """Every private key of the default issuer in the forms it could leak as."""
    with folder.sessions() as session:
        issuer = default_issuer(session)
        assert issuer is not None
        forms = []
        for row in issuer.keys:
            private = keys.read_private_key(key_file(folder, issuer, row), PASSPHRASE).private_key
            der = private.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            forms += [der, base64.b64encode(der), der.hex().encode()]
            if row.kind == "ed25519":
                raw = private.private_bytes(
                    serialization.Encoding.Raw,
                    serialization.PrivateFormat.Raw,
                    serialization.NoEncryption(),
                )
                forms += [raw, raw.hex().encode(), base64.urlsafe_b64encode(raw).rstrip(b"=")]
        return forms


def test_no_private_key_in_any_exported_file(passed_folder: DataFolder, tmp_path: Path) -> None:
    from reviewer_app.credentials.issuers import create_issuer

    # did:web: VC-JWTs need the issuer's DID document to publish their RSA key.
    create_issuer(
        passed_folder,
        name="Web Issuer",
        url="https://web.example.org",
        email="badges@web.example.org",
        passphrase=PASSPHRASE,
        actor="lead",
        did_method="web",
    )
    issuing_folder = passed_folder
    out = tmp_path / "export"
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    export(
        issuing_folder,
        tmp_path / "jwt",
        passphrase=PASSPHRASE,
        actor="lead",
        proof="jwt",
        submission_ids=["FAP-1"],
    )
    export(issuing_folder, tmp_path / "ob2", passphrase=PASSPHRASE, actor="lead", fmt="ob2")
    forms = secret_forms(issuing_folder)
    for root in (out, tmp_path / "jwt", tmp_path / "ob2"):
        for path in root.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                assert not any(form in data for form in forms), path
    with issuing_folder.sessions() as session:
        issuer = default_issuer(session)
        assert issuer is not None
        unlocked = unlock(issuing_folder, issuer, PASSPHRASE)
    assert not any(form.decode("latin-1") in repr(unlocked) for form in forms)


def test_after_a_rotation_old_and_new_credentials_verify(
    passed_folder: DataFolder, tmp_path: Path
) -> None:
    from reviewer_app.credentials.issuers import create_issuer

    issuer_id = create_issuer(
        passed_folder,
        name="Web Issuer",
        url="https://web.example.org",
        passphrase=PASSPHRASE,
        actor="lead",
        did_method="web",
        email="b@web.example.org",
    )
    first = tmp_path / "first"
    export(passed_folder, first, passphrase=PASSPHRASE, actor="lead")
    export(
        passed_folder,
        tmp_path / "first-jwt",
        passphrase=PASSPHRASE,
        actor="lead",
        proof="jwt",
        submission_ids=["FAP-1"],
    )

    with pytest.raises(keys.WrongPassphrase):
        rotate_key(passed_folder, issuer_id, "ed25519", "not it", "lead")
    assert rotate_key(passed_folder, issuer_id, "ed25519", PASSPHRASE, "lead") == "ed25519-2"
    assert rotate_key(passed_folder, issuer_id, "rsa", PASSPHRASE, "lead") == "rsa-2"

    bundle = craft.bundle_zip(
        tmp_path / "n.zip", {"plan.pdf": craft.text_pdf("new")}, submission_id="FAP-3", attempt=3
    )
    assert Importer(passed_folder).import_paths([bundle]).imported
    pass_submission(passed_folder, "FAP-3")
    second = tmp_path / "second"
    export(passed_folder, second, passphrase=PASSPHRASE, actor="lead")
    new = next((second / "credentials").glob("*.json"))
    assert "#ed25519-2" in new.read_text()

    # The newest hosting files verify everything ever signed, by either key.
    fetch = hosting_fetcher(second / "hosting")
    signed = [
        *first.glob("credentials/*"),
        *(tmp_path / "first-jwt").glob("credentials/*.jwt"),
        *second.glob("credentials/*"),
    ]
    for path in signed:
        result = verify_file(path, fetch)
        assert result.valid, (path.name, result.error)

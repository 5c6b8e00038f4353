"""Credentials made by other issuers that follow the standards verify too; and a
credential whose key cannot be tied to its issuer is not called valid."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reviewer_app.credentials.verify import hosting_fetcher, verify_file

VECTORS = Path(__file__).resolve().parents[1] / "data" / "vc-di-eddsa"
SIGNED = VECTORS / "eddsa-rdfc-2022" / "signedDataInt.json"
METHOD = (
    "did:key:z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
    "#z6MkrJVnaZkeFzdQyMZu1cgjg7k1pZZ6pvBQ7XJPt4swbTQ2"
)


def test_the_w3c_signed_credential_verifies_when_its_issuer_lists_the_key(
    tmp_path: Path,
) -> None:
    hosting = tmp_path / "hosting"
    (hosting / "issuers").mkdir(parents=True)
    (hosting / "issuers" / "5678").write_text(
        json.dumps(
            {
                "@context": ["https://www.w3.org/ns/did/v1"],
                "id": "https://vc.example/issuers/5678",
                "assertionMethod": [METHOD],
            }
        )
    )
    result = verify_file(SIGNED, hosting_fetcher(hosting))
    assert result.valid, result.checks
    checks = {c.name: c.ok for c in result.checks}
    assert checks["proof"] is True and checks["key"] is True
    assert checks["schema"] is None  # not an Open Badge: no schema of ours applies


def test_without_the_issuers_document_the_key_cannot_be_tied_to_it(tmp_path: Path) -> None:
    result = verify_file(SIGNED, hosting_fetcher(tmp_path))
    assert not result.valid
    assert result.error is not None and "cannot tell" in result.error


def test_a_tampered_w3c_credential_fails(tmp_path: Path) -> None:
    hosting = tmp_path / "hosting"
    (hosting / "issuers").mkdir(parents=True)
    (hosting / "issuers" / "5678").write_text(json.dumps({"assertionMethod": [METHOD]}))
    changed = tmp_path / "changed.json"
    shutil.copy(SIGNED, changed)
    changed.write_text(changed.read_text().replace("School of Examples", "School of Exemples"))
    result = verify_file(changed, hosting_fetcher(hosting))
    assert not result.valid and result.error is not None and result.error.startswith("proof")

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


def hosted_site(root: Path, *, revoked: bool = False) -> dict[str, object]:
    """An Open Badges 2.0 issuer that hosts its assertions (as most 2.0 platforms do)."""
    base = "https://badges.example.org/"
    assertion: dict[str, object] = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": base + "assertions/123.json",
        "recipient": {"type": "email", "hashed": False, "identity": "jo@example.org"},
        "badge": base + "badges/reading.json",
        "verification": {"type": "hosted"},
        "issuedOn": "2025-06-01T00:00:00Z",
    }
    files = {
        "assertions/123.json": {**assertion, **({"revoked": True} if revoked else {})},
        "badges/reading.json": {
            "@context": "https://w3id.org/openbadges/v2",
            "type": "BadgeClass",
            "id": base + "badges/reading.json",
            "name": "Reading Coach",
            "issuer": base + "issuer.json",
        },
        "issuer.json": {
            "@context": "https://w3id.org/openbadges/v2",
            "type": "Issuer",
            "id": base + "issuer.json",
            "name": "Reading Network",
            "url": "https://badges.example.org",
        },
    }
    for relative, document in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(document))
    return assertion


def test_another_platforms_hosted_2_0_badge_verifies_also_baked_as_its_url(
    tmp_path: Path,
) -> None:
    from reviewer_app.credentials import baking
    from reviewer_app.resources import resource

    hosting = tmp_path / "hosting"
    assertion = hosted_site(hosting)
    as_json = tmp_path / "badge.json"
    as_json.write_text(json.dumps(assertion))
    result = verify_file(as_json, hosting_fetcher(hosting))
    assert result.valid and result.format == "ob2 hosted", result.checks
    png = resource("demo", "definitions", "families-as-partners.png").read_bytes()
    baked = tmp_path / "badge.png"
    baked.write_bytes(baking.bake_png(png, str(assertion["id"]), keyword="openbadges"))
    assert verify_file(baked, hosting_fetcher(hosting)).valid
    altered = tmp_path / "altered.json"
    altered.write_text(json.dumps({**assertion, "issuedOn": "2024-06-01T00:00:00Z"}))
    assert not verify_file(altered, hosting_fetcher(hosting)).valid


def test_a_revoked_hosted_badge_is_reported_revoked(tmp_path: Path) -> None:
    hosting = tmp_path / "hosting"
    assertion = hosted_site(hosting, revoked=True)
    path = tmp_path / "badge.json"
    path.write_text(json.dumps({**assertion, "revoked": True}))
    result = verify_file(path, hosting_fetcher(hosting))
    assert not result.valid and result.error == "revocation: revoked"

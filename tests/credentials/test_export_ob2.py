"""Exporting Open Badges 2.0 signed assertions, checked by our verifier and by the IMS
validator (openbadges 1.1.2) reading the export's own hosting folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewer_app.credentials import baking
from reviewer_app.credentials.export import export
from reviewer_app.credentials.revoke import revoke
from reviewer_app.credentials.verify import hosting_fetcher, verify_file
from reviewer_app.storage.datafolder import DataFolder
from tests.credentials.conftest import PASSPHRASE
from tests.credentials.ob2_harness import assert_valid, errors, make_ob2_python, validate

BASE = "https://issuer.example.org/"


@pytest.fixture(scope="module")
def ob2_python() -> Path:
    return make_ob2_python()


def export_ob2(folder: DataFolder, out: Path) -> None:
    export(folder, out, passphrase=PASSPHRASE, actor="lead", fmt="ob2")


def test_ob2_export_writes_signed_assertions_and_their_hosting(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    export_ob2(issuing_folder, out)
    tokens = sorted((out / "credentials").glob("*.jws"))
    assert len(tokens) == 2
    for token in tokens:
        assert token.read_text().count(".") == 2
        baked = baking.extract_png(token.with_suffix(".png").read_bytes())
        assert baked["openbadges"] == token.read_text().strip()
    for relative in ("ob2/issuer.json", "ob2/keys/rsa-1.json", "ob2/revocations.json"):
        assert (out / "hosting" / relative).is_file()
    fetch = hosting_fetcher(out / "hosting")
    for path in sorted((out / "credentials").iterdir()):
        result = verify_file(path, fetch)
        assert result.valid and result.format.startswith("ob2"), (path.name, result.checks)


@pytest.mark.slow
def test_the_ims_validator_accepts_exported_assertions_and_baked_badges(
    ob2_python: Path, issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    export_ob2(issuing_folder, out)
    token = sorted((out / "credentials").glob("*.jws"))[0]
    for badge in (token, token.with_suffix(".png")):
        code, result = validate(
            ob2_python, badge, out / "hosting", email="ana@example.org", base=BASE
        )
        assert_valid(code, result)


@pytest.mark.slow
def test_the_ims_validator_sees_a_revocation_after_export(
    ob2_python: Path, issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    export_ob2(issuing_folder, out)
    revoke(
        issuing_folder,
        "FAP-1",
        "Issued in error.",
        actor="lead",
        fmt="ob2",
        out=out,
        passphrase=PASSPHRASE,
    )
    token = next(p for p in (out / "credentials").glob("*.jws") if "FAP-1" in p.name)
    code, result = validate(ob2_python, token, out / "hosting", email="ana@example.org", base=BASE)
    assert code == 1 and any("REVOKED" in e.upper() for e in errors(result)), errors(result)
    assert not verify_file(token, hosting_fetcher(out / "hosting")).valid

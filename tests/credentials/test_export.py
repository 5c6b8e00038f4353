"""Exporting passing decisions as signed Open Badges 3.0 credentials: the files an
issuer hands out, publishes and uploads, checked with tools that are not the signer."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select

from reviewer_app.credentials import baking
from reviewer_app.credentials.dids import resolve_did_key
from reviewer_app.credentials.export import ExportError, export
from reviewer_app.credentials.keys import WrongPassphrase
from reviewer_app.credentials.revoke import revoke
from reviewer_app.credentials.schemas import ob3_problems
from reviewer_app.credentials.verify import chain, hosting_fetcher, verify_file
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import AuditEvent, IssuedCredential
from tests.credentials.conftest import PASSPHRASE
from tests.credentials.independent import verify_eddsa_rdfc_2022


def run_export(folder: DataFolder, out: Path, **kw: object) -> list[str]:
    result = export(folder, out, passphrase=PASSPHRASE, actor="lead", **kw)  # type: ignore[arg-type]
    return [e.submission_id for e in result.exported]


def credential_json(out: Path) -> list[tuple[Path, dict[str, object]]]:
    return [
        (path, json.loads(path.read_text(encoding="utf-8")))
        for path in sorted((out / "credentials").glob("*.json"))
    ]


def test_every_passing_decision_becomes_a_valid_signed_credential(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    assert sorted(run_export(issuing_folder, out)) == ["FAP-1", "FAP-2"]
    credentials = credential_json(out)
    assert len(credentials) == 2
    for path, credential in credentials:
        assert ob3_problems(credential) == []
        assert credential["@context"][:2] == [  # type: ignore[index]
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
        ]
        proof = credential["proof"][0]  # type: ignore[index]
        assert proof["cryptosuite"] == "eddsa-rdfc-2022"
        # An implementation written apart from the signer agrees.
        key = resolve_did_key(proof["verificationMethod"])
        assert verify_eddsa_rdfc_2022(credential, key)
        subject = credential["credentialSubject"]
        identity = subject["identifier"][0]  # type: ignore[index]
        email = "ana@example.org"
        expected = hashlib.sha256((email + identity["salt"]).encode()).hexdigest()
        assert identity["identityHash"] == "sha256$" + expected
        achievement = subject["achievement"]  # type: ignore[index]
        assert achievement["achievementType"] == "MicroCredential"
        assert achievement["resultDescription"][0]["rubricCriterionLevel"]
        assert subject["result"]  # type: ignore[index]
        assert "ni:///sha-256;" in json.dumps(credential["evidence"])
        # The baked PNG holds the same credential, and is still an image.
        png = path.with_suffix(".png").read_bytes()
        assert json.loads(baking.extract_png(png)["openbadgecredential"]) == credential
        Image.open(io.BytesIO(png)).verify()


def test_export_writes_hosting_upload_files_and_a_manifest(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    run_export(issuing_folder, out)
    hosting = out / "hosting"
    for relative in ("issuer.json", "keys/jwks.json", "status/revocation.json"):
        assert (hosting / relative).is_file(), relative
    assert list((hosting / "badges").glob("*.png"))
    page = (out / "PUBLISH.html").read_text(encoding="utf-8")
    assert "https://issuer.example.org/status/revocation.json" in page
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    listed = {e["path"]: e["sha256"] for e in manifest["files"]}
    on_disk = {
        p.relative_to(out).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in out.rglob("*")
        if p.is_file() and p.name not in ("manifest.json", "manifest.sig.json")
    }
    assert listed == on_disk
    canvas_text = (out / "upload/canvas-credentials.csv").read_text("utf-8-sig")
    canvas = list(csv.DictReader(io.StringIO(canvas_text)))
    assert [row["Identifier"] for row in canvas] == ["ana@example.org"] * 2
    assert canvas[0]["First Name"] == "Ana" and canvas[0]["Last Name"] == "Lima"
    credly = list(csv.DictReader(io.StringIO((out / "upload/credly.csv").read_text("utf-8-sig"))))
    assert credly[0]["Recipient Email"] == "ana@example.org"
    assert len(credly[0]["Issued at"]) == 8  # mm/dd/yy


def test_nothing_is_issued_twice_and_re_export_reproduces_the_files(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    first, again = tmp_path / "first", tmp_path / "again"
    run_export(issuing_folder, first)
    assert run_export(issuing_folder, tmp_path / "nothing") == []  # all exported already
    assert run_export(issuing_folder, again, submission_ids=["FAP-1", "FAP-2"]) == [
        "FAP-1",
        "FAP-2",
    ]
    for path in (first / "credentials").iterdir():
        assert (again / "credentials" / path.name).read_bytes() == path.read_bytes()
    with issuing_folder.sessions() as session:
        assert session.scalar(select(func.count()).select_from(IssuedCredential)) == 2


def test_verify_accepts_the_export_and_refuses_a_changed_character(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    run_export(issuing_folder, out)
    fetch = hosting_fetcher(out / "hosting")
    for path in sorted((out / "credentials").iterdir()):
        result = verify_file(path, fetch)
        assert result.valid, (path.name, result.checks)
        assert {c.name for c in result.checks} >= {"format", "schema", "proof", "dates", "key"}
        assert any(c.name == "revocation" and c.ok for c in result.checks)
    path, _ = credential_json(out)[0]
    text = path.read_text(encoding="utf-8")
    tampered = tmp_path / "tampered.json"
    tampered.write_text(
        text.replace("Ana Lima", "Ana Lime", 1)
        if "Ana Lima" in text
        else text.replace('"Families', '"Familias', 1),
        encoding="utf-8",
    )
    assert not verify_file(tampered, fetch).valid


def test_revocation_reaches_the_status_list(issuing_folder: DataFolder, tmp_path: Path) -> None:
    out = tmp_path / "export"
    run_export(issuing_folder, out)
    revoke(
        issuing_folder,
        "FAP-1",
        "Evidence was not the earner's own work.",
        actor="lead",
        out=out,
        passphrase=PASSPHRASE,
    )
    fetch = chain(hosting_fetcher(out / "hosting"))
    results = {p.name: verify_file(p, fetch) for p in (out / "credentials").glob("*.json")}
    revoked = [name for name, r in results.items() if not r.valid]
    assert len(revoked) == 1 and "FAP-1" in revoked[0]
    assert results[revoked[0]].error == "revocation: revoked"
    with issuing_folder.sessions() as session:
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "credential.revoke" in actions


def test_a_wrong_passphrase_is_a_clear_error_and_signs_nothing(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    with pytest.raises(WrongPassphrase):
        export(issuing_folder, tmp_path / "out", passphrase="wrong", actor="lead")
    with issuing_folder.sessions() as session:
        assert session.scalar(select(func.count()).select_from(IssuedCredential)) == 0


def test_without_an_issuer_the_export_says_what_to_do(
    passed_folder: DataFolder, tmp_path: Path
) -> None:
    with pytest.raises(ExportError, match="issuer init"):
        export(passed_folder, tmp_path / "out", passphrase="x", actor="lead")


def test_the_batch_schema_check_finds_what_the_whole_check_finds(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    """The export checks each credential with its (shared) achievement checked once:
    a fault in either part must still be found."""
    from reviewer_app.credentials.schemas import BatchChecker

    out = tmp_path / "export"
    run_export(issuing_folder, out)
    _, credential = credential_json(out)[0]
    checker = BatchChecker()
    assert checker.problems(credential) == [] == ob3_problems(credential)
    broken_subject = json.loads(json.dumps(credential))
    broken_subject["credentialSubject"]["identifier"][0]["hashed"] = "yes"
    broken_achievement = json.loads(json.dumps(credential))
    del broken_achievement["credentialSubject"]["achievement"]["criteria"]
    for broken in (broken_subject, broken_achievement):
        assert checker.problems(broken) and ob3_problems(broken)


def test_an_issuer_logo_is_published_and_named_in_every_credential(
    passed_folder: DataFolder, tmp_path: Path
) -> None:
    from reviewer_app.credentials.issuers import IssuerError, create_issuer
    from reviewer_app.resources import resource

    with pytest.raises(IssuerError, match="PNG or an SVG"):
        create_issuer(
            passed_folder,
            name="X",
            url="https://x.example.org",
            passphrase=PASSPHRASE,
            actor="lead",
            image=b"GIF89a not a logo",
        )
    logo = resource("demo", "definitions", "families-as-partners.png").read_bytes()
    create_issuer(
        passed_folder,
        name="Logo Centre",
        url="https://logo.example.org",
        email="b@logo.example.org",
        passphrase=PASSPHRASE,
        actor="lead",
        image=logo,
    )
    out = tmp_path / "export"
    run_export(passed_folder, out)
    assert (out / "hosting" / "issuer-image.png").read_bytes() == logo
    for _, credential in credential_json(out):
        issuer = credential["issuer"]
        assert issuer["image"] == {  # type: ignore[index]
            "id": "https://logo.example.org/issuer-image.png",
            "type": "Image",
        }
        assert ob3_problems(credential) == []

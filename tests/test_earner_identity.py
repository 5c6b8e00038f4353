"""Item 3: a bundle cannot take over an earner's identity. Each submission keeps the
name and email its own manifest gives, its credential goes there, and a conflict with
what an earlier bundle said for the same earner id is reported, never merged."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path

import pytest

from reviewer_app.cli import main
from reviewer_app.credentials.export import export
from reviewer_app.credentials.issuers import create_issuer
from reviewer_app.evidence.importer import Importer
from reviewer_app.resources import resource
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.credentials.conftest import PASSPHRASE, pass_submission

ALICE = {"id": "mailto:alice@example.org", "name": "Alice Ward", "email": "alice@example.org"}
HOSTILE = {"id": "mailto:alice@example.org", "name": "Alice Ward", "email": "attacker@evil.example"}


def _bundle(tmp_path: Path, name: str, submission_id: str, earner: dict[str, str]) -> Path:
    files = {"plan.pdf": craft.text_pdf(f"plan of {submission_id}")}
    doc = craft.manifest(files, submission_id=submission_id)
    doc["earner"] = earner
    return craft.bundle_zip(tmp_path / name, files, doc)


def test_a_hostile_bundle_imported_first_does_not_take_alices_credential(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert not add_files(
        folder, sorted(resource("demo", "definitions").glob("*.json")), "lead"
    ).rejected
    hostile = Importer(folder).import_paths([_bundle(tmp_path, "h.zip", "EVIL-1", HOSTILE)])
    [evil] = hostile.imported
    assert any("attacker@evil.example" in w and "check with the earner" in w for w in evil.warnings)

    report = Importer(folder).import_paths([_bundle(tmp_path, "a.zip", "ALICE-1", ALICE)])
    [alice] = report.imported
    conflict = [w for w in alice.warnings if "already known as" in w]
    assert conflict, alice.warnings
    assert "attacker@evil.example" in conflict[0] and "alice@example.org" in conflict[0]

    main(["--data-dir", str(folder.root), "submissions", "--json"])
    rows = {r["submission_id"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["ALICE-1"]["earner_email"] == "alice@example.org"
    assert rows["EVIL-1"]["earner_email"] == "attacker@evil.example"
    assert rows["ALICE-1"]["earner_conflict"] and rows["EVIL-1"]["earner_conflict"]
    main(["--data-dir", str(folder.root), "submissions"])
    assert "earner details differ between submissions" in capsys.readouterr().out

    pass_submission(folder, "ALICE-1")
    create_issuer(
        folder,
        name="Riverside Teachers' Association",
        url="https://issuer.example.org",
        email="badges@issuer.example.org",
        description="Awards micro-credentials.",
        passphrase=PASSPHRASE,
        actor="lead",
    )
    out = tmp_path / "export"
    result = export(folder, out, passphrase=PASSPHRASE, actor="lead")
    assert [e.submission_id for e in result.exported] == ["ALICE-1"]
    [path] = sorted((out / "credentials").glob("*.json"))
    subject = json.loads(path.read_text(encoding="utf-8"))["credentialSubject"]
    identity = subject["identifier"][0]
    expected = hashlib.sha256(("alice@example.org" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == "sha256$" + expected
    credly = list(csv.DictReader(io.StringIO((out / "upload/credly.csv").read_text("utf-8-sig"))))
    assert [row["Recipient Email"] for row in credly] == ["alice@example.org"]
    canvas_text = (out / "upload/canvas-credentials.csv").read_text("utf-8-sig")
    canvas = list(csv.DictReader(io.StringIO(canvas_text)))
    assert [row["Identifier"] for row in canvas] == ["alice@example.org"]
    assert "attacker" not in (out / "upload/credly.csv").read_text("utf-8-sig") + canvas_text


def test_the_same_identity_twice_is_no_conflict(folder: DataFolder, tmp_path: Path) -> None:
    first = _bundle(tmp_path, "1.zip", "A-1", ALICE)
    second = _bundle(tmp_path, "2.zip", "A-2", ALICE)
    report = Importer(folder).import_paths([first, second])
    assert all(not r.warnings for r in report.imported), report


def test_a_completed_pathway_record_goes_to_the_identity_its_credentials_were_issued_to(
    folder: DataFolder, tmp_path: Path
) -> None:
    """The hostile bundle came first and holds the shared earner row; Alice completes the
    pathway with her own bundles, and its CLR names her email, not the attacker's."""
    culture = {"id": "https://credentials.example.org/mc/cultural-proficiency-1", "name": "CRT"}
    assert not add_files(
        folder, sorted(resource("demo", "definitions").glob("*.json")), "lead"
    ).rejected
    create_issuer(
        folder, name="Riverside", url="https://issuer.example.org", passphrase=PASSPHRASE,
        actor="lead",
    )  # fmt: skip
    assert Importer(folder).import_paths([_bundle(tmp_path, "h.zip", "EVIL-1", HOSTILE)]).imported
    files = {"lesson.pdf": craft.text_pdf("lesson drawing on home languages")}
    doc = craft.manifest(files, submission_id="ALICE-2", credential=culture)
    doc["earner"] = ALICE
    alice = [
        _bundle(tmp_path, "a.zip", "ALICE-1", ALICE),
        craft.bundle_zip(tmp_path / "c.zip", files, doc),
    ]
    assert len(Importer(folder).import_paths(alice).imported) == 2
    pass_submission(folder, "ALICE-1")
    pass_submission(folder, "ALICE-2")

    out = tmp_path / "out"
    export(folder, out, passphrase=PASSPHRASE, actor="lead")

    [record] = sorted((out / "credentials" / "pathways").glob("*.json"))
    identity = json.loads(record.read_text(encoding="utf-8"))["credentialSubject"]["identifier"][0]
    expected = hashlib.sha256(("alice@example.org" + identity["salt"]).encode()).hexdigest()
    assert identity["identityHash"] == "sha256$" + expected
    assert "alice-ward" in record.name.lower()


def test_a_packet_carries_the_identity_of_its_own_submission(
    folder: DataFolder, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import zipfile

    assert not add_files(
        folder, sorted(resource("demo", "definitions").glob("*.json")), "lead"
    ).rejected
    first = Importer(folder).import_paths([_bundle(tmp_path, "h.zip", "EVIL-1", HOSTILE)])
    then = Importer(folder).import_paths([_bundle(tmp_path, "a.zip", "ALICE-1", ALICE)])
    assert first.imported and then.imported
    packet = tmp_path / "packet.zip"
    argv = ["packet", "export", "--reviewer", "Ana Ruiz", "--submission", "ALICE-1"]
    assert main(["--data-dir", str(folder.root), *argv, "--not-blind", "--out", str(packet)]) == 0
    capsys.readouterr()

    def texts(archive: zipfile.ZipFile) -> str:
        found = ""
        for name in archive.namelist():
            data = archive.read(name)
            if name.endswith(".zip"):
                with zipfile.ZipFile(io.BytesIO(data)) as inner:
                    found += texts(inner)
            elif name.endswith(".json"):
                found += data.decode("utf-8")
        return found

    with zipfile.ZipFile(packet) as archive:
        carried = texts(archive)
    assert "alice@example.org" in carried and "attacker@evil.example" not in carried

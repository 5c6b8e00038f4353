"""A completed pathway: a CLR 2.0 credential bundling the earner's signed credentials,
with the pathway as its achievement and isPartOf associations, exported and verified."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer_app.credentials import baking
from reviewer_app.credentials.dids import resolve_did_key
from reviewer_app.credentials.export import export
from reviewer_app.credentials.verify import hosting_fetcher, verify_bytes, verify_file
from reviewer_app.evidence.importer import Importer
from reviewer_app.storage.datafolder import DataFolder
from tests import craft
from tests.credentials.conftest import PASSPHRASE, pass_submission
from tests.credentials.independent import verify_eddsa_rdfc_2022

PATHWAY = "https://credentials.example.org/pathways/family-and-culture"
CULTURE = "https://credentials.example.org/mc/cultural-proficiency-1"


def test_an_earner_who_completes_a_pathway_gets_a_verifiable_clr(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "export"
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    assert not (out / "credentials" / "pathways").exists()  # one of two held: no CLR yet

    bundle = craft.bundle_zip(
        tmp_path / "cp.zip",
        {"lesson.pdf": craft.text_pdf("lesson drawing on home languages")},
        submission_id="CP-1",
        credential={"id": CULTURE, "name": "Culturally Responsive Teaching"},
    )
    assert Importer(issuing_folder).import_paths([bundle]).imported
    pass_submission(issuing_folder, "CP-1")
    export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")

    records = sorted((out / "credentials" / "pathways").glob("*.json"))
    assert len(records) == 1
    clr = json.loads(records[0].read_text(encoding="utf-8"))
    assert clr["type"] == ["VerifiableCredential", "ClrCredential"]
    subject = clr["credentialSubject"]
    assert subject["achievement"][0]["id"] == PATHWAY
    held = {c["credentialSubject"]["achievement"]["id"] for c in subject["verifiableCredential"]}
    assert held == {craft.CREDENTIAL, CULTURE}
    assert {(a["associationType"], a["targetId"]) for a in subject["association"]} == {
        ("isPartOf", PATHWAY)
    }
    assert {a["sourceId"] for a in subject["association"]} == held
    key = resolve_did_key(clr["proof"][0]["verificationMethod"])
    assert verify_eddsa_rdfc_2022(clr, key)
    for inner in subject["verifiableCredential"]:
        assert verify_eddsa_rdfc_2022(inner, key)

    fetch = hosting_fetcher(out / "hosting")
    result = verify_file(records[0], fetch)
    assert result.valid and result.format == "clr", result.checks
    assert any(c.name == "contents" and c.ok for c in result.checks)
    image = next(p for p in records[0].parent.iterdir() if p.suffix in (".svg", ".png"))
    assert verify_file(image, fetch).valid
    assert baking.read_baked(image.read_bytes())

    # A credential inside the CLR changed: the CLR's own proof and its contents fail.
    text = records[0].read_text(encoding="utf-8")
    tampered = text.replace("Culturally", "Kulturally", 1)
    assert tampered != text
    assert not verify_bytes(tampered.encode(), "clr.json", fetch).valid

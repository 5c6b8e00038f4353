"""An export's manifest is signed by the issuer and carries the audit trail's head
(issue 12, items 2 and the export manifest)."""

from __future__ import annotations

import json
from pathlib import Path

from reviewer_app.audit.anchor import ANCHOR_KEY, current_anchor
from reviewer_app.credentials.export import export
from reviewer_app.credentials.verify import hosting_fetcher, verify_file
from reviewer_app.storage.datafolder import DataFolder
from tests.credentials.conftest import PASSPHRASE


def test_the_manifest_is_signed_and_holds_the_audit_anchor(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = export(issuing_folder, out, passphrase=PASSPHRASE, actor="lead")
    assert {"manifest.json", "manifest.sig.json"} <= set(result.files)
    manifest_path = out / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    with issuing_folder.sessions() as session:
        assert manifest[ANCHOR_KEY] == current_anchor(session)  # the export's own entry too
    fetch = hosting_fetcher(out / "hosting")
    checked = verify_file(manifest_path, fetch)
    assert checked.valid, checked.checks
    assert {c.name for c in checked.checks} >= {"format", "key", "proof", "contents"}

    credential = next((out / "credentials").glob("*.json"))
    original = credential.read_bytes()
    credential.write_bytes(original + b" ")
    changed = verify_file(manifest_path, fetch)
    assert not changed.valid and "changed" in (changed.error or "")
    credential.write_bytes(original)

    text = manifest_path.read_text(encoding="utf-8")
    manifest_path.write_text(text.replace('"entries": ', '"entries": 1', 1), encoding="utf-8")
    forged = verify_file(manifest_path, fetch)
    assert not forged.valid and "signature does not match" in (forged.error or "")
    manifest_path.write_text(text, encoding="utf-8")

    (out / "manifest.sig.json").unlink()
    unsigned = verify_file(manifest_path, fetch)
    assert not unsigned.valid and "not signed" in (unsigned.error or "")

"""A backup holds the issuers' sealed signing keys and the audit trail's head: after
losing the disk, a restore into a fresh folder signs again with the same keys."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from reviewer_app.audit.anchor import ANCHOR_KEY, current_anchor
from reviewer_app.credentials.export import export
from reviewer_app.credentials.issuers import KEYS_FOLDER
from reviewer_app.credentials.verify import hosting_fetcher, verify_file
from reviewer_app.storage.backup import backup_folder, restore, verify_backup
from reviewer_app.storage.datafolder import DataFolder
from tests.credentials.conftest import PASSPHRASE


def test_a_backup_holds_the_keys_and_a_restore_signs_with_them(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    folder = issuing_folder
    with folder.read_sessions() as session:
        anchor = current_anchor(session)
    made = backup_folder(folder, "manual")
    manifest = json.loads((made.path / "backup.json").read_text(encoding="utf-8"))
    assert manifest[ANCHOR_KEY] == anchor and anchor["entries"] > 0
    names = sorted(name for name, _size, _sha in manifest["keys"]["list"])
    assert len(names) == 2 and all(n.endswith(".key") for n in names)
    live = folder.root / KEYS_FOLDER
    for name in names:
        assert (made.path / KEYS_FOLDER / name).read_bytes() == (live / name).read_bytes()
    folder.close()

    # The disk is lost: only the backup is left, restored into a fresh folder.
    kept = tmp_path / "kept-backup"
    shutil.copytree(made.path, kept)
    shutil.rmtree(folder.root)
    fresh = tmp_path / "fresh"
    result = restore(kept, fresh)
    assert result.keys_restored == 2
    for name in names:  # the owner's alone, as when they were made
        assert (fresh / KEYS_FOLDER / name).stat().st_mode & 0o077 == 0
        assert (fresh / KEYS_FOLDER / name).parent.stat().st_mode & 0o077 == 0
    with DataFolder.open(fresh) as restored:
        out = tmp_path / "export"
        done = export(restored, out, passphrase=PASSPHRASE, actor="lead")
        assert sorted(e.submission_id for e in done.exported) == ["FAP-1", "FAP-2"]
    fetch = hosting_fetcher(out / "hosting")
    for path in sorted((out / "credentials").glob("*.json")):
        assert verify_file(path, fetch).valid, path.name


def test_a_changed_key_file_fails_the_backups_check(
    issuing_folder: DataFolder, tmp_path: Path
) -> None:
    made = backup_folder(issuing_folder, "manual")
    key = next((made.path / KEYS_FOLDER).rglob("*.key"))
    data = bytearray(key.read_bytes())
    data[len(data) // 2] ^= 0x01
    key.write_bytes(bytes(data))
    assert any("signing key file" in p and "changed" in p for p in verify_backup(made.path))


def test_restore_keeps_a_different_key_file_aside(issuing_folder: DataFolder) -> None:
    root = issuing_folder.root
    made = backup_folder(issuing_folder, "manual")
    issuing_folder.close()
    key = next((root / KEYS_FOLDER).rglob("*.key"))
    original = key.read_bytes()
    key.write_bytes(b"another key file under that name")
    restore(made.path, root)
    assert key.read_bytes() == original
    aside = list(key.parent.glob(f"{key.name}.before-restore-*"))
    assert [p.read_bytes() for p in aside] == [b"another key file under that name"]

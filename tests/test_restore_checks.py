"""Restore repairs what it can and refuses plainly what it cannot (issue 12, item 20)."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reviewer_app.storage.backup import (
    RestoreRefused,
    backup_folder,
    list_backups,
    restore,
    verify_backup,
)
from reviewer_app.storage.check import check_folder
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder


def _stored(root: Path) -> list[Path]:
    return sorted(p for p in (root / "store" / "objects").rglob("*") if p.is_file())


def test_restore_repairs_a_store_file_damaged_in_place(reviewed_folder: DataFolder) -> None:
    root = reviewed_folder.root
    made = backup_folder(reviewed_folder)
    reviewed_folder.close()
    victim = _stored(root)[0]
    good = victim.read_bytes()
    damaged = bytearray(good)
    damaged[len(damaged) // 2] ^= 0xFF
    victim.unlink()  # a new file of the same size (the backup's link keeps the good bytes)
    victim.write_bytes(bytes(damaged))
    with DataFolder.open(root) as folder:
        assert [p.kind for p in check_folder(folder)] == ["damaged"]

    result = restore(made.path, root)

    assert result.blobs_copied == 1
    assert victim.read_bytes() == good
    with DataFolder.open(root) as folder:
        assert check_folder(folder) == []
    assert result.store_aside is not None  # the damaged copy is kept, not deleted
    assert [p.read_bytes() for p in result.store_aside.rglob("*") if p.is_file()] == [
        bytes(damaged)
    ]


@pytest.mark.parametrize(
    "edit",
    [
        {"database": "x"},
        {"database": {"size": "big", "sha256": 1}},
        {"blobs": {"list": "x", "missing": []}},
        {"blobs": {"list": [["a", 1]], "missing": []}},
        {"blobs": []},
        {"keys": {"list": [["../../escape", 1, "00"]]}},
    ],
)
def test_a_malformed_manifest_is_refused_plainly(
    reviewed_folder: DataFolder, edit: dict[str, object]
) -> None:
    root = reviewed_folder.root
    made = backup_folder(reviewed_folder)
    reviewed_folder.close()
    manifest_path = made.path / "backup.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest.update(edit)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    before = (root / DATABASE_NAME).read_bytes()

    assert (
        list_backups(root) == []
        or all(b.path != made.path for b in list_backups(root))
        or ("created" not in edit)
    )
    if "created" not in edit:
        assert verify_backup(made.path) != []
        with pytest.raises(RestoreRefused, match="Nothing was changed"):
            restore(made.path, root)
    assert (root / DATABASE_NAME).read_bytes() == before


def test_a_newer_database_is_refused_whatever_the_manifest_says(
    reviewed_folder: DataFolder,
) -> None:
    root = reviewed_folder.root
    made = backup_folder(reviewed_folder)
    reviewed_folder.close()
    db = made.path / DATABASE_NAME
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999'")
    con.commit()
    con.close()
    manifest_path = made.path / "backup.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    manifest["schema_revision"] = None
    from reviewer_app.storage.backup import _hash_file

    manifest["database"]["size"] = db.stat().st_size
    manifest["database"]["sha256"] = _hash_file(db)
    manifest_path.write_text(json.dumps(manifest), encoding="utf-8")
    assert verify_backup(made.path) == []
    before = (root / DATABASE_NAME).read_bytes()

    with pytest.raises(RestoreRefused, match=r"schema 9999\) was made by a newer version"):
        restore(made.path, root)

    assert (root / DATABASE_NAME).read_bytes() == before
    assert not list(root.glob("*.before-restore-*"))


@pytest.mark.parametrize("stop_before", ["_swap_database", "move_unreferenced"])
def test_a_restore_stopped_midway_is_finished_by_the_next_opening(
    reviewed_folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_before: str
) -> None:
    """Stopped before or after the database swap, the restore leaves evidence no record
    refers to; the next opening moves it aside and the folder checks clean."""
    from reviewer_app.evidence.importer import Importer
    from reviewer_app.storage import backup as backup_module
    from reviewer_app.storage import restore_journal
    from tests import craft

    made = backup_folder(reviewed_folder)
    reviewed_folder.close()
    # Restored onto another laptop's folder, whose evidence the backup does not hold.
    root = tmp_path / "other"
    with DataFolder.open(root) as other:
        own = craft.bundle_zip(
            tmp_path / "own.zip", {"own.pdf": craft.text_pdf("own work")}, submission_id="O-1"
        )
        assert Importer(other).import_paths([own]).imported

    class Killed(BaseException):
        pass

    def killed(*_args: object, **_kw: object) -> None:
        raise Killed

    target = restore_journal if stop_before == "move_unreferenced" else backup_module
    monkeypatch.setattr(target, stop_before, killed)
    with pytest.raises(Killed):
        restore(made.path, root)
    monkeypatch.undo()
    assert (root / restore_journal.JOURNAL).exists()

    with DataFolder.open(root) as folder:
        assert check_folder(folder) == []
    assert not (root / restore_journal.JOURNAL).exists()
    aside = list(root.glob("store.before-restore-*"))
    assert len(aside) == 1 and any(p.is_file() for p in aside[0].rglob("*"))

    restore(made.path, root)  # and running it again finishes it
    with DataFolder.open(root) as folder:
        assert check_folder(folder) == []

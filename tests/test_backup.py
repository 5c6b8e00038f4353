"""Backups of a real data folder on disk, and restoring them."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.cli import main
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage import backup as backup_module
from reviewer_app.storage.backup import (
    RestoreRefused,
    backup_folder,
    backup_if_due,
    create_backup,
    list_backups,
    restore,
    thin_backups,
    verify_backup,
)
from reviewer_app.storage.check import check_folder
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from reviewer_app.storage.schema import HEAD
from tests import craft

CRITERION = "artifacts-contact-log"
UTC = dt.UTC


def dump(database: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in a stable order: the data, whatever the file looks like."""
    con = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
        ]
        return {t: sorted(con.execute(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}
    finally:
        con.close()


def store_files(root: Path) -> dict[str, bytes]:
    objects = root / "store" / "objects"
    return {p.name: p.read_bytes() for p in objects.rglob("*") if p.is_file()}


def score(folder: DataFolder, comment: str) -> None:
    review = ReviewSession.open(folder, "FAP-1", "Ana Ruiz")
    review.set_level(CRITERION, "not-yet")
    review.set_comment(CRITERION, comment)


def test_round_trip_restores_the_data_as_it_was(
    reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    from reviewer_app.evidence.importer import Importer

    folder = reviewed_folder
    root = folder.root
    score(folder, "as at backup time")
    made = backup_folder(folder, "manual")
    assert made.path.parent == root / "backups"
    assert re.fullmatch(r"\d{8}T\d{6}Z-manual", made.name)
    assert made.blob_count > 0
    assert verify_backup(made.path) == []
    manifest = json.loads((made.path / "backup.json").read_text())
    assert manifest["format"] == 1 and manifest["schema_revision"] == HEAD
    assert manifest["blobs"]["count"] == made.blob_count
    folder.close()
    expected_rows = dump(root / DATABASE_NAME)
    expected_files = store_files(root)

    # Life goes on: a new import, a changed score, a lost evidence file.
    with DataFolder.open(root) as later:
        score(later, "changed after the backup")
        extra = craft.bundle_zip(
            tmp_path / "a3.zip", {"new.pdf": craft.text_pdf("later")}, submission_id="FAP-3"
        )
        assert len(Importer(later).import_paths([extra]).imported) == 1
    lost = sorted((root / "store" / "objects").rglob("*"))[-1]
    lost.unlink()
    assert dump(root / DATABASE_NAME) != expected_rows

    result = restore(made.path, root)

    assert result.database_aside is not None and result.database_aside.is_file()
    assert result.database_aside.name.startswith(f"{DATABASE_NAME}.before-restore-")
    assert result.blobs_copied >= 1
    assert result.store_aside is not None  # FAP-3's files: kept, not deleted
    with DataFolder.open(root) as restored:
        assert check_folder(restored) == []
        review = ReviewSession.open(restored, "FAP-1", "Ana Ruiz")
        assert review.comments == {CRITERION: "as at backup time"}
    assert dump(root / DATABASE_NAME) == expected_rows
    assert store_files(root) == expected_files
    # The replaced database is whole and still holds the later work.
    aside = dump(result.database_aside)
    assert any("changed after the backup" in repr(row) for row in aside["criterion_scores"])


def test_upgrade_backups_are_backups_too(data_dir: Path) -> None:
    from sqlalchemy import text

    from reviewer_app.storage.database import make_engine
    from reviewer_app.storage.schema import upgrade_database

    data_dir.mkdir()
    engine = make_engine(f"sqlite:///{data_dir / DATABASE_NAME}")
    upgrade_database(engine, None, to="0001")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO earners (external_id, name) VALUES ('mailto:a@b.c', 'Ana')"))
    engine.dispose()
    with DataFolder.open(data_dir) as folder:
        assert folder.upgrade_backup is not None
    (made,) = list_backups(data_dir)
    assert made.kind == "upgrade" and made.schema_revision == "0001"
    assert folder.upgrade_backup == made.path / DATABASE_NAME
    assert verify_backup(made.path) == []


# A reviewer in another process saving a comment over and over: round N's comment and
# its audit event are written in one transaction, so a consistent copy has N+1 events.
_SAVER = """
import sys
from pathlib import Path
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
folder = DataFolder.open(Path(sys.argv[1]))
review = ReviewSession.open(folder, "FAP-1", "Ana Ruiz")
review.set_level("artifacts-contact-log", "not-yet")
n = 0
while True:
    review.set_comment("artifacts-contact-log", f"round {n}")
    if n == 0:
        print("saving", flush=True)
    n += 1
"""


def test_backups_taken_while_another_process_saves_are_consistent(
    reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    root = reviewed_folder.root
    reviewed_folder.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _SAVER, str(root)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    rounds = []
    try:
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "saving", proc.stderr.read() if proc.stderr else ""
        for n in range(4):
            time.sleep(0.15)
            made = create_backup(root, "manual")
            assert verify_backup(made.path) == []
            target = tmp_path / f"restored-{n}"
            restore(made.path, target)
            with DataFolder.open(target) as copy:
                assert check_folder(copy) == []
                review = ReviewSession.open(copy, "FAP-1", "Ana Ruiz")
                match = re.fullmatch(r"round (\d+)", review.comments[CRITERION])
                assert match is not None
                with copy.sessions() as session:
                    from sqlalchemy import func, select

                    from reviewer_app.storage.models import AuditEvent

                    events = session.scalar(
                        select(func.count())
                        .select_from(AuditEvent)
                        .where(AuditEvent.action == "review.comment")
                    )
                assert events == int(match.group(1)) + 1
                rounds.append(int(match.group(1)))
        assert proc.poll() is None, "the saver stopped while backups were taken"
    finally:
        proc.kill()
        proc.communicate(timeout=30)
    assert rounds == sorted(rounds) and rounds[-1] > rounds[0]  # it kept saving meanwhile


def test_an_interrupted_backup_never_looks_complete(
    reviewed_folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls = []

    def failing(source: Path, dest: Path) -> None:
        calls.append(source)
        if len(calls) == 2:
            raise OSError("disk full")
        os.link(source, dest)

    monkeypatch.setattr(backup_module, "_link_or_copy", failing)
    with pytest.raises(OSError, match="disk full"):
        backup_folder(reviewed_folder)
    assert len(calls) == 2
    assert list_backups(reviewed_folder.root) == []
    assert [p.name for p in (reviewed_folder.root / "backups").iterdir()] == []


def test_a_crashed_backup_leaves_only_a_partial_folder(
    reviewed_folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A kill leaves the temp folder behind (no clean-up runs): it is not listed, and
    # it is cleared once old.
    monkeypatch.setattr(backup_module, "_remove_tree", lambda path: None)
    monkeypatch.setattr(backup_module, "_app_version", lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        backup_folder(reviewed_folder)
    monkeypatch.undo()
    (partial,) = (reviewed_folder.root / "backups").iterdir()
    assert partial.name.startswith(".partial-")
    assert list_backups(reviewed_folder.root) == []
    thin_backups(reviewed_folder)
    assert partial.exists()  # it might be a backup running in another process
    old = time.time() - 2 * 24 * 3600
    os.utime(partial, (old, old))
    thin_backups(reviewed_folder)
    assert not partial.exists()


def test_thinning_keeps_7_daily_4_weekly_3_upgrade_and_every_manual(folder: DataFolder) -> None:
    start = dt.datetime(2026, 1, 5, 3, 0, tzinfo=UTC)  # a Monday
    for day in range(30):  # 5 Jan .. 3 Feb
        create_backup(folder.root, "daily", now=start + dt.timedelta(days=day))
    for n in range(5):
        create_backup(folder.root, "upgrade", now=start + dt.timedelta(days=n, hours=5))
    for n in range(2):
        create_backup(folder.root, "manual", now=start + dt.timedelta(days=n, hours=7))
    removed = thin_backups(folder, start + dt.timedelta(days=30))
    kept = {(b.kind, b.created.strftime("%m-%d")) for b in list_backups(folder.root)}
    last_7 = {("daily", d) for d in ["01-28", "01-29", "01-30", "01-31", "02-01", "02-02", "02-03"]}
    # The newest of ISO weeks 3, 4, 5 and 6 (week 5 ends Sunday 1 Feb, week 6 is 2-3 Feb).
    weekly = {("daily", d) for d in ["01-18", "01-25", "02-01", "02-03"]}
    upgrade = {("upgrade", d) for d in ["01-07", "01-08", "01-09"]}
    manual = {("manual", "01-05"), ("manual", "01-06")}
    assert kept == last_7 | weekly | upgrade | manual
    assert len(removed) == 30 + 5 + 2 - len(kept)
    assert all(not p.exists() for p in removed)


def test_thinning_never_deletes_the_newest(folder: DataFolder) -> None:
    now = dt.datetime(2026, 3, 1, tzinfo=UTC)
    for n in range(5):
        create_backup(folder.root, "upgrade", now=now - dt.timedelta(days=10 - n))
    newest = create_backup(folder.root, "daily", now=now - dt.timedelta(days=20))
    thin_backups(folder, now)
    names = [b.name for b in list_backups(folder.root)]
    assert newest.name in names and len(names) == 4


def test_backup_if_due_makes_a_daily_backup_once_a_day(folder: DataFolder) -> None:
    now = dt.datetime(2026, 3, 1, 8, tzinfo=UTC)
    first = backup_if_due(folder, now)
    assert first is not None and first.kind == "daily"
    assert backup_if_due(folder, now + dt.timedelta(hours=23)) is None
    second = backup_if_due(folder, now + dt.timedelta(hours=25))
    assert second is not None
    assert [b.name for b in list_backups(folder.root)] == [first.name, second.name]


def _tamper_blob(backup: Path) -> None:
    blob = sorted((backup / "objects").rglob("*"))[-1]
    data = bytearray(blob.read_bytes())
    data[len(data) // 2] ^= 0xFF
    blob.unlink()  # a new file: the old one is a hard link to the live store's
    blob.write_bytes(bytes(data))


def _truncate_database(backup: Path) -> None:
    db = backup / DATABASE_NAME
    db.write_bytes(db.read_bytes()[:4096])


@pytest.mark.parametrize(
    ("tamper", "message"),
    [
        (_tamper_blob, "no longer matches its hash"),
        (_truncate_database, "database file was changed or damaged"),
    ],
)
def test_restore_refuses_a_damaged_backup_and_changes_nothing(
    reviewed_folder: DataFolder, tamper: Any, message: str
) -> None:
    root = reviewed_folder.root
    made = backup_folder(reviewed_folder)
    score(reviewed_folder, "after the backup")
    reviewed_folder.close()
    tamper(made.path)
    before_db = (root / DATABASE_NAME).read_bytes()
    before_files = store_files(root)
    before_entries = sorted(p.name for p in root.iterdir())

    with pytest.raises(RestoreRefused, match=message) as refused:
        restore(made.path, root)

    assert "Nothing was changed" in str(refused.value)
    assert verify_backup(made.path) != []
    assert (root / DATABASE_NAME).read_bytes() == before_db
    assert store_files(root) == before_files
    assert sorted(p.name for p in root.iterdir()) == before_entries


def test_restore_refuses_while_the_folder_is_open(reviewed_folder: DataFolder) -> None:
    root = reviewed_folder.root
    made = backup_folder(reviewed_folder)
    score(reviewed_folder, "after")  # leaves a pooled connection open on the database
    with pytest.raises(RestoreRefused, match="in use"):
        restore(made.path, root)
    with reviewed_folder.write_lock(), pytest.raises(RestoreRefused, match="in use"):
        restore(made.path, root)
    reviewed_folder.close()
    assert not list(root.glob("*.before-restore-*"))
    restore(made.path, root)  # closed: now it goes ahead


# The command line -------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and out else out, err


def test_cli_backup_list_verify_and_restore(
    reviewed_folder: DataFolder, capsys: pytest.CaptureFixture[str]
) -> None:
    root = reviewed_folder.root
    reviewed_folder.close()
    base = ("--data-dir", str(root))
    code, doc, _ = run(capsys, *base, "backup", "list", "--json")
    assert (code, doc) == (0, [])

    code, made, _ = run(capsys, *base, "backup", "--json")
    assert code == 0
    assert made["kind"] == "manual" and Path(made["path"]).is_dir() and made["size"] > 0
    assert set(made) == {"name", "path", "kind", "created", "size", "blobs", "schema_revision"}
    code, text, _ = run(capsys, *base, "backup", "--kind", "daily")
    assert code == 0 and "-daily" in text and "evidence files" in text

    code, listed, _ = run(capsys, *base, "backup", "list", "--json")
    assert code == 0 and [b["kind"] for b in listed] == ["manual", "daily"]
    assert listed[0]["name"] == made["name"]

    code, doc, _ = run(capsys, *base, "backup", "verify", made["name"], "--json")
    assert (code, doc["ok"], doc["problems"]) == (0, True, [])

    code, doc, _ = run(capsys, *base, "restore", made["name"], "--json")
    assert code == 0 and doc["restored"] == made["path"]
    assert doc["database_aside"].startswith(str(root / f"{DATABASE_NAME}.before-restore-"))
    code, doc, _ = run(capsys, *base, "check", "--json")
    assert code == 0 and doc["ok"]

    code, _, err = run(capsys, *base, "restore", "no-such-backup")
    assert code == 1 and "no backup no-such-backup" in err

    _tamper_blob(Path(made["path"]))
    code, doc, _ = run(capsys, *base, "backup", "verify", made["path"], "--json")
    assert code == 1 and not doc["ok"] and "no longer matches" in doc["problems"][0]
    code, out, err = run(capsys, *base, "restore", made["path"], "--json")
    assert code == 1 and out == "" and "cannot be restored" in err

"""A full disk is said as a full disk, with the room needed, and never as a bad bundle or a
damaged database to restore (issue 12, item 21)."""

from __future__ import annotations

import errno
import os
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event
from sqlalchemy.exc import OperationalError

from reviewer_app.cli import main
from reviewer_app.storage import blobstore, datafolder, diskspace
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.diskspace import DiskFull, is_disk_full
from tests import craft


def _no_restore_advice(err: str) -> None:
    assert "is full" in err and "Free at least" in err and " MB" in err, err
    assert "cannot be read" not in err and "Restore it" not in err, err
    assert "Traceback" not in err, err


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    return craft.bundle_zip(
        tmp_path / "b.zip",
        {"photo.png": craft.png_image(), "plan.pdf": craft.text_pdf()},
        submission_id="FULL-1",
    )


def test_an_import_on_a_full_disk_says_so(
    data_dir: Path,
    bundle: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    DataFolder.open(data_dir).close()
    real_stage = blobstore.BlobStore.stage

    def stage(self: blobstore.BlobStore, source: Any, **kw: Any) -> blobstore.StagedFile:
        staged = real_stage(self, source, **kw)
        staged.path.unlink()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(blobstore.BlobStore, "stage", stage)
    code = main(["--data-dir", str(data_dir), "import", str(bundle), "--json"])
    err = capsys.readouterr().err
    assert code == 1
    _no_restore_advice(err)
    assert "photo.png" not in err  # not the bundle's fault
    monkeypatch.undo()
    with DataFolder.open(data_dir) as folder, folder.read_sessions() as session:
        from sqlalchemy import func, select

        from reviewer_app.storage.models import Submission

        assert session.scalar(select(func.count()).select_from(Submission)) == 0


def test_a_database_that_cannot_open_on_a_full_disk_is_not_called_damaged(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    DataFolder.open(data_dir).close()

    def cannot_open(*_a: object, **_k: object) -> None:
        # What SQLite says when it cannot make its shared-memory file on a full disk.
        raise OperationalError(
            "PRAGMA journal_mode", {}, sqlite3.OperationalError("disk I/O error")
        )

    class Usage:
        free = 12 * 1024

    monkeypatch.setattr(datafolder, "upgrade_database", cannot_open)
    monkeypatch.setattr(diskspace.shutil, "disk_usage", lambda _p: Usage())
    for command in (["check", "--json"], ["submissions"]):
        code = main(["--data-dir", str(data_dir), *command])
        err = capsys.readouterr().err
        assert code != 0
        _no_restore_advice(err)


@contextmanager
def database_at_its_limit() -> Iterator[None]:
    """Every new connection may not grow its database: SQLite's own SQLITE_FULL."""

    def limit(dbapi_connection: Any, _record: Any) -> None:
        pages = dbapi_connection.execute("PRAGMA page_count").fetchone()[0]
        dbapi_connection.execute(f"PRAGMA max_page_count = {pages}")

    event.listen(Engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(Engine, "connect", limit)


def test_a_write_on_a_full_database_says_the_disk_is_full(
    data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    DataFolder.open(data_dir).close()
    long_name = "Ana " + "Ruiz" * 5000  # needs pages the database may not add
    with database_at_its_limit():
        code = main(["--data-dir", str(data_dir), "reviewers", "add", long_name, "--role", "lead"])
    err = capsys.readouterr().err
    assert code == 1
    _no_restore_advice(err)


def test_what_counts_as_a_full_disk() -> None:
    assert is_disk_full(OSError(errno.ENOSPC, "No space left on device"))
    assert not is_disk_full(OSError(errno.EACCES, "Permission denied"))
    con = sqlite3.connect(":memory:")
    con.execute("CREATE TABLE t (x)")
    con.execute("PRAGMA max_page_count = 2")
    with pytest.raises(sqlite3.OperationalError) as full:
        con.execute("INSERT INTO t VALUES (?)", ("x" * 100_000,))
    con.close()
    wrapped = OperationalError("INSERT", {}, full.value)
    assert is_disk_full(full.value) and is_disk_full(wrapped)
    try:
        try:
            raise full.value
        except sqlite3.OperationalError as e:
            raise RuntimeError("later") from e
    except RuntimeError as chained:
        assert is_disk_full(chained)
    assert isinstance(diskspace.disk_full(Path("/")), DiskFull)


@contextmanager
def small_disk(where: Path, size: str) -> Iterator[Path]:
    """A real, tiny filesystem (tmpfs), where the machine lets us mount one."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    where.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("no tmpfs mount here")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def test_on_a_really_full_disk_import_and_every_later_command_say_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with small_disk(tmp_path / "disk", "4m") as disk:
        data = disk / "data"
        DataFolder.open(data).close()
        big = craft.bundle_zip(
            tmp_path / "big.zip",
            {"photo.png": craft.png_image(), "scan.bin.pdf": craft.text_pdf("x" * 10, pages=1)}
            | {f"page{n}.txt": os.urandom(600_000) for n in range(8)},
            submission_id="BIG-1",
        )
        filler = disk / "filler"
        free = diskspace.free_bytes(disk) or 0
        filler.write_bytes(bytes(max(0, free - 1_500_000)))
        code = main(["--data-dir", str(data), "import", str(big), "--json"])
        err = capsys.readouterr().err
        assert code == 1
        _no_restore_advice(err)
        # Fill it to the brim: every later command says the disk is full or works.
        with filler.open("ab") as f:
            try:
                while True:
                    f.write(bytes(64 * 1024))
                    f.flush()
            except OSError:
                pass
        for command in (
            ["check", "--json"],
            ["submissions"],
            ["reviewers", "add", "Bea", "--role", "lead"],
        ):
            code = main(["--data-dir", str(data), *command])
            err = capsys.readouterr().err
            if code != 0:
                _no_restore_advice(err)
        filler.unlink()
        assert main(["--data-dir", str(data), "check", "--json"]) == 0
        capsys.readouterr()

"""The database, its backups and the logs hold personal data: the owner's alone."""

from __future__ import annotations

import logging
import logging.handlers
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer_app import logs
from reviewer_app.storage.backup import create_backup
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def loose_umask() -> Iterator[None]:
    old = os.umask(0o022)  # the usual default, which made these 0644 before
    yield
    os.umask(old)


def test_a_new_data_folder_is_the_owners_alone(tmp_path: Path, loose_umask: object) -> None:
    root = tmp_path / "data"
    with DataFolder.open(root) as folder:
        with folder.sessions.begin() as session:  # a write: the -wal and -shm exist now
            from reviewer_app.storage.models import Reviewer

            session.add(Reviewer(name="Ana Ruiz", role="assessor"))
        assert mode(root) == 0o700
        for name in (DATABASE_NAME, f"{DATABASE_NAME}-wal", f"{DATABASE_NAME}-shm"):
            assert mode(root / name) == 0o600, name
        backup = create_backup(root, "manual")
    assert mode(backup.path / DATABASE_NAME) == 0o600
    assert mode(root / "backups") == 0o700


def test_a_loose_folder_is_tightened_on_open_and_the_log_says_so(
    tmp_path: Path, loose_umask: object, caplog: pytest.LogCaptureFixture
) -> None:
    root = tmp_path / "data"
    DataFolder.open(root).close()
    os.chmod(root, 0o755)
    os.chmod(root / DATABASE_NAME, 0o644)
    with caplog.at_level(logging.INFO, logger="reviewer_app"):
        DataFolder.open(root).close()
    assert mode(root) == 0o700 and mode(root / DATABASE_NAME) == 0o600
    said = " ".join(r.getMessage() for r in caplog.records)
    assert f"{root} was open to others (mode 755); now 700" in said
    assert "was open to others (mode 644); now 600" in said


def test_logs_are_the_owners_alone_also_after_rotation(tmp_path: Path, loose_umask: object) -> None:
    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    old = folder / logs.LOG_NAME
    old.write_text("from an older version\n")
    os.chmod(old, 0o644)
    logger = logging.getLogger("reviewer_app")
    before = list(logger.handlers)
    try:
        path = logs.setup(folder)
        assert path == old
        handler = next(h for h in logger.handlers if h not in before)
        assert isinstance(handler, logging.handlers.RotatingFileHandler)
        logger.info("a line")
        handler.doRollover()
        logger.info("another line")
    finally:
        for h in logger.handlers[len(before) :]:
            h.close()
            logger.removeHandler(h)
    assert mode(folder) == 0o700
    for file in folder.iterdir():
        assert mode(file) == 0o600, file.name
    assert len(list(folder.iterdir())) == 2
    assert "was open to others" in (folder / f"{logs.LOG_NAME}.1").read_text()

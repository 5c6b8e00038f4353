"""The program's log: a rotated file; a folder that cannot be written means no log,
not a failure."""

from __future__ import annotations

import logging
import logging.handlers
from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewer_app import logs


@pytest.fixture(autouse=True)
def no_handlers_left() -> Iterator[None]:
    logger = logging.getLogger("reviewer_app")
    before = list(logger.handlers)
    yield
    for handler in logger.handlers[:]:
        if handler not in before:
            logger.removeHandler(handler)
            handler.close()


def test_messages_go_to_a_rotated_file(tmp_path: Path) -> None:
    path = logs.setup(tmp_path / "logs")
    assert path == tmp_path / "logs" / logs.LOG_NAME
    assert logs.setup(tmp_path / "logs") == path  # a second call adds no second handler
    logging.getLogger("reviewer_app.test").info("exported %d credentials", 3)
    handler = next(
        h
        for h in logging.getLogger("reviewer_app").handlers
        if getattr(h, "baseFilename", "") == str(path)
    )
    assert isinstance(handler, logging.handlers.RotatingFileHandler)
    assert handler.maxBytes == logs.MAX_BYTES and handler.backupCount == logs.KEEP
    handler.flush()
    assert "exported 3 credentials" in path.read_text(encoding="utf-8")
    assert logs.current_log() == path


def test_an_unwritable_log_folder_means_no_log(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert logs.setup(blocker / "logs") is None

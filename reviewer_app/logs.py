"""The program's log: a rotated file in the platform's log folder.

What the window and the long jobs did (imports, exports, backups, restores) and every
unexpected error with its traceback go there, so that a person who met a problem can
send the file; the crash dialog names it. Five files of 1 MB at most are kept. The log
names earners and files, so its files are the user's alone (0600, folder 0700).
"""

from __future__ import annotations

import logging
import os
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

from reviewer_app import APP_NAME
from reviewer_app.storage.permissions import (
    PRIVATE_FILE,
    PRIVATE_FOLDER,
    private_opener,
    tighten,
)

LOG_NAME = "reviewer-app.log"
MAX_BYTES = 1_000_000
KEEP = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    override = os.environ.get("REVIEWER_APP_LOG_DIR")
    return Path(override) if override else Path(user_log_dir(APP_NAME, appauthor=False))


class _PrivateFileHandler(RotatingFileHandler):
    """Creates each log file (the first and every one after a rotation) owner-only."""

    def _open(self) -> TextIOWrapper:
        # The handler owns the stream and closes it.
        stream = open(self.baseFilename, self.mode, encoding=self.encoding, opener=private_opener)  # noqa: SIM115
        assert isinstance(stream, TextIOWrapper)  # a text mode always gives one
        return stream


def setup(folder: Path | None = None) -> Path | None:
    """Sends the `reviewer_app` loggers to the rotated file; returns its path, or None
    when the log folder cannot be written (the program works on without a log)."""
    folder = folder or log_dir()
    path = folder / LOG_NAME
    logger = logging.getLogger("reviewer_app")
    if any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
        handler = _PrivateFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    # Made by an older version, or by hand: tightened, now that the log can say so.
    tighten(folder, PRIVATE_FOLDER)
    for old in sorted(folder.glob(LOG_NAME + "*")):
        tighten(old, PRIVATE_FILE)
    return path


def current_log() -> Path | None:
    for handler in logging.getLogger("reviewer_app").handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    return None

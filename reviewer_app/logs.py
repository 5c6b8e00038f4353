"""The program's log: a rotated file in the platform's log folder.

What the window and the long jobs did (imports, exports, backups, restores) and every
unexpected error with its traceback go there, so that a person who met a problem can
send the file; the crash dialog names it. Five files of 1 MB at most are kept.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from platformdirs import user_log_dir

from reviewer_app import APP_NAME

LOG_NAME = "reviewer-app.log"
MAX_BYTES = 1_000_000
KEEP = 5
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def log_dir() -> Path:
    override = os.environ.get("REVIEWER_APP_LOG_DIR")
    return Path(override) if override else Path(user_log_dir(APP_NAME, appauthor=False))


def setup(folder: Path | None = None) -> Path | None:
    """Sends the `reviewer_app` loggers to the rotated file; returns its path, or None
    when the log folder cannot be written (the program works on without a log)."""
    folder = folder or log_dir()
    path = folder / LOG_NAME
    logger = logging.getLogger("reviewer_app")
    if any(getattr(h, "baseFilename", None) == str(path) for h in logger.handlers):
        return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=KEEP, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path


def current_log() -> Path | None:
    for handler in logging.getLogger("reviewer_app").handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name)
    return None

"""Owner-only files for personal data.

The database, its backups and the logs hold earners' names, emails and evidence, so
they are created readable by their owner only (0600), in folders only the owner can
enter (0700). A folder or file found looser (made by an older version, or copied in) is
tightened when it is opened, and the log says so. Windows has no such modes; there the
user's profile folders already keep other users out, and this does nothing.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700

_log = logging.getLogger(__name__)


def _posix() -> bool:
    return os.name == "posix"


def tighten(path: Path, mode: int) -> None:
    """Takes away any permission beyond `mode` from `path`, saying so in the log."""
    if not _posix():
        return
    try:
        st = path.stat()
    except FileNotFoundError:
        return
    current = stat.S_IMODE(st.st_mode)
    if current & ~mode == 0:
        return
    try:
        os.chmod(path, current & mode)
    except OSError as e:  # not ours (a shared folder): say so, and go on
        _log.info(
            "%s is open to others (mode %o) and could not be tightened: %s",
            path,
            current,
            e.strerror,
        )
        return
    _log.info("%s was open to others (mode %o); now %o", path, current, current & mode)


def private_folder(path: Path) -> Path:
    """`path` as a folder only its owner can enter (created if missing)."""
    path.mkdir(parents=True, exist_ok=True, mode=PRIVATE_FOLDER)
    tighten(path, PRIVATE_FOLDER)
    return path


def private_file(path: Path) -> Path:
    """`path` as an owner-only file: created empty if missing, else tightened."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    except FileExistsError:
        tighten(path, PRIVATE_FILE)
    else:
        os.close(fd)
    return path


def private_opener(path: str, flags: int) -> int:
    """An `opener` for `open()` that creates files owner-only."""
    return os.open(path, flags, PRIVATE_FILE)

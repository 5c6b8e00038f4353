"""A full disk, told as a full disk.

Without this, a full disk reads like something else: a file that "cannot be read (No
space left on device)" sounds like a bad bundle, and SQLite's refusal to open a database
whose side files it cannot create sounds like damage, with advice to restore a backup
that would make things worse. A full disk damages nothing here (every write is a
transaction or an atomic rename), so the advice is always the same: free some space.
"""

from __future__ import annotations

import contextlib
import errno
import shutil
import sqlite3
from pathlib import Path

from reviewer_app.errors import UserError
from reviewer_app.wording import translate

_FULL_ERRNOS = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)}
# Room for the database to write its log and check it back in, whatever the command.
MARGIN_BYTES = 16 * 1024 * 1024
# Below this much free space, a database that cannot be opened is taken for a full disk.
NEARLY_FULL_BYTES = 4 * 1024 * 1024
_DATABASE = "reviewer.sqlite3"


class DiskFull(UserError):
    """The disk holding the data folder (or an output folder) has no room left."""


def is_disk_full(error: BaseException | None) -> bool:
    """Whether `error`, or an error it wraps, is the disk (or a quota) being full."""
    seen: set[int] = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, DiskFull):
            return True
        if isinstance(error, OSError) and error.errno in _FULL_ERRNOS:
            return True
        if isinstance(error, sqlite3.Error):
            code = getattr(error, "sqlite_errorcode", None)
            if code is not None and code & 0xFF == sqlite3.SQLITE_FULL:
                return True
            if "database or disk is full" in str(error):
                return True
        wrapped = getattr(error, "orig", None)  # SQLAlchemy's wrapper of a driver error
        if isinstance(wrapped, BaseException):
            error = wrapped
        else:
            error = error.__cause__ or error.__context__
    return False


def free_bytes(path: Path) -> int | None:
    for candidate in (path, *path.parents):
        try:
            return shutil.disk_usage(candidate).free
        except OSError:
            continue
    return None


def nearly_full(path: Path) -> bool:
    free = free_bytes(path)
    return free is not None and free < NEARLY_FULL_BYTES


def space_needed(root: Path, extra: int = 0) -> int:
    """A rough figure: `extra` bytes of new files, and room for the database to grow
    and check its log back in (up to its own size again)."""
    database = 0
    for name in (_DATABASE, f"{_DATABASE}-wal"):
        with contextlib.suppress(OSError):
            database += (root / name).stat().st_size
    return max(0, extra) + max(MARGIN_BYTES, database)


def megabytes(n: int) -> str:
    return f"{max(1, -(-n // (1024 * 1024))):,} MB"


def disk_full(root: Path, extra: int = 0) -> DiskFull:
    """The plain refusal for a full disk under the data folder at `root`."""
    free = free_bytes(root)
    return DiskFull(
        translate(
            "DataFolder",
            "The disk that holds {path} is full ({free} free). Free at least {needed} and "
            "try again; what was saved before is intact, so there is nothing to restore.",
        ).format(
            path=root,
            free=megabytes(free) if free else translate("DataFolder", "nothing"),
            needed=megabytes(space_needed(root, extra)),
        )
    )

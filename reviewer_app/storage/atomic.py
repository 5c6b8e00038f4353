"""Files that are whole or absent: never half-written under their final name.

A temp file beside the target, written and fsynced, then renamed over it; the rename is
made durable by fsyncing the folder. Letters, exports and keys are written this way; a
batch of files (an export's credentials) can share its syncs (`write_all_atomically`).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path


def fsync_dir(folder: Path) -> None:
    """Makes a rename into `folder` durable."""
    if os.name != "posix":  # Windows cannot open a folder to fsync it
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(path: Path, data: bytes, *, mode: int = 0o666) -> None:
    """Write to a temp file beside `path`, fsync, then rename over it: never half a file.

    `mode` is the new file's permission bits (less the umask); secrets pass 0o600 so the
    file is never readable by others, not even for the moment before a chmod.
    """
    temp = path.with_name(f".{path.name[:80]}.{os.urandom(6).hex()}.tmp")
    # O_EXCL: never follow a planted file; the default 0o666 lets the umask decide, as
    # open() does.
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, mode)
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def write_all_atomically(files: Sequence[tuple[Path, bytes]]) -> None:
    """Several files, each whole or absent under its final name, as `write_atomically`
    writes one, made durable together: every temp file is written, then all of them are
    synced at once, then renamed into place, and each folder synced once. A batch of
    hundreds of small files then costs a few syncs instead of two per file. A kill
    before the renames leaves only temp files (".<name>.<12 hex>.tmp") beside them.
    """
    written: list[tuple[Path, Path, int]] = []
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    try:
        for path, data in files:
            temp = path.with_name(f".{path.name[:80]}.{os.urandom(6).hex()}.tmp")
            fd = os.open(temp, flags, 0o666)
            written.append((path, temp, fd))
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        _sync_all([fd for _, _, fd in written])
    except BaseException:
        for _, temp, fd in written:
            os.close(fd)
            temp.unlink(missing_ok=True)
        raise
    for _, _, fd in written:
        os.close(fd)
    for path, temp, _ in written:
        os.replace(temp, path)
    for folder in sorted({path.parent for path, _, _ in written}):
        fsync_dir(folder)


def _sync_all(fds: Sequence[int]) -> None:
    """Every file's data on disk before any of them is renamed into place: on Linux one
    syncfs of their file system, elsewhere (or if that fails) an fsync each."""
    if not fds:
        return
    syncfs = _syncfs()
    if syncfs is not None and len({os.fstat(fd).st_dev for fd in fds}) == 1 and syncfs(fds[0]) == 0:
        return
    for fd in fds:
        os.fsync(fd)


@functools.cache
def _syncfs() -> Callable[[int], int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # here: the settings (which write through this module) load at start

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        function: Callable[[int], int] = libc.syncfs
    except (OSError, AttributeError):
        return None
    return function

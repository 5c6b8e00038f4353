"""Files that are whole or absent: never half-written under their final name.

A temp file beside the target, written and fsynced, then renamed over it; the rename is
made durable by fsyncing the folder. Letters, exports and keys are written this way.
"""

from __future__ import annotations

import os
import uuid
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
    temp = path.with_name(f".{path.name[:80]}.{uuid.uuid4().hex[:12]}.tmp")
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

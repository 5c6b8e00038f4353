"""Opening a stored evidence file with the system's own viewer.

Stored files are named by their SHA-256 with no extension, which no system viewer can
place, and they must never change. So the viewer gets a link (or, where links cannot be
made, a copy) named after the item's title in a temporary folder of our own; the store's
files are read-only, so a viewer cannot write through it. The name comes from the title,
not the earner's file name, which can carry their name in a blind review.

The extension is never the earner's: the system picks the program by it, and an earner's
`.exe`, `.bat`, `.desktop` or `.html` would run or render what they chose. It comes from
the type the file's own bytes show (`SAFE_SUFFIXES`): documents, pictures, sound, video
and plain text. A file of any other type (a zip, an old Office file that can hold
macros, anything unrecognised) is not opened. The folder is made by this process with
`mkdtemp` (mode 0700, ours), never a fixed name in the shared temporary folder that
another user could have made first.
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from reviewer_app.evidence.readers.text import looks_like_text
from reviewer_app.evidence.sniff import HEAD_BYTES, sniff_bytes

_UNSAFE = re.compile(r'[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069<>:"/\\|?*]+')
_PREFIX = "portfolio-reviewer-open-"
TEXT_SUFFIX = ".txt"
SAFE_SUFFIXES = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/gif": ".gif",
    "image/webp": ".webp",
    "image/tiff": ".tif",
    "image/heic": ".heic",
    "video/mp4": ".mp4",
    "video/quicktime": ".mov",
    "video/webm": ".webm",
    "audio/mp4": ".m4a",
    "audio/mpeg": ".mp3",
    "audio/ogg": ".ogg",
    "audio/wav": ".wav",
    "text/plain": TEXT_SUFFIX,
    "text/markdown": TEXT_SUFFIX,
}
_folder: Path | None = None


def safe_suffix(stored: Path) -> str | None:
    """The extension the stored file's bytes call for, or None when its type is not one
    we hand to the system (it could run as a program, or hide one)."""
    with stored.open("rb") as f:
        head = f.read(HEAD_BYTES)
    sniffed = sniff_bytes(head)
    if sniffed is None:
        return TEXT_SUFFIX if looks_like_text(head) else None
    return SAFE_SUFFIXES.get(sniffed)


def viewer_file_name(title: str, original: str | None, media_type: str | None) -> str:
    """'Lesson video.mp4': the title made safe for a file name, with the extension for
    the media type when it is one we open (`original`, the earner's name, is not used:
    its extension is theirs to choose)."""
    suffix = SAFE_SUFFIXES.get(media_type or "", "")
    stem = _UNSAFE.sub(" ", title).strip(" .")[:80].strip(" .") or "evidence"
    if suffix and stem.lower().endswith(suffix):
        return stem
    return stem + suffix


def _named(name: str, suffix: str) -> str:
    stem = _UNSAFE.sub(" ", name).strip(" .")[:80].strip(" .") or "evidence"
    return stem if stem.lower().endswith(suffix) else stem + suffix


def _own_folder() -> Path:
    """This process's private folder (0700, made by mkdtemp), removed at exit."""
    global _folder
    if _folder is None or not _folder.is_dir():
        _folder = Path(tempfile.mkdtemp(prefix=_PREFIX))
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def _private_dir(stored: Path) -> Path:
    folder = _own_folder() / stored.name[:16]
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def viewer_path(stored: Path, name: str) -> Path:
    """A path named after `name`, with the extension the stored bytes call for, that
    shows the stored file's bytes (made if needed); raises PermissionError for a file
    whose type is not opened this way."""
    suffix = safe_suffix(stored)
    if suffix is None:
        raise PermissionError(name)
    target = _private_dir(stored) / _named(name, suffix)
    if target.is_symlink() or target.exists():
        if target.resolve() == stored.resolve() or (
            not target.is_symlink() and target.stat().st_size == stored.stat().st_size
        ):
            return target
        target.unlink()
    try:
        os.symlink(stored.resolve(), target)
    except (OSError, NotImplementedError):  # Windows without the privilege, some file systems
        shutil.copyfile(stored, target)
        os.chmod(target, 0o400)
    return target


def open_with_system_viewer(stored: Path, name: str) -> bool:
    """Opens the stored file in the system's default application for its type; False
    when it could not be handed over (no such file, a type that is not opened this way,
    or nothing opens that type)."""
    try:
        path = viewer_path(stored, name)
    except OSError:
        return False
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

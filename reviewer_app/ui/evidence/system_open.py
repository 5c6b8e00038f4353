"""Opening a stored evidence file with the system's own viewer.

Stored files are named by their SHA-256 with no extension, which no system viewer can
place, and they must never change. So the viewer gets a link (or, where links cannot be
made, a copy) named after the item's title with the original extension, in a private
temporary folder; the store's files are read-only, so a viewer cannot write through it.
The name comes from the title, not the earner's file name, which can carry their name
in a blind review.
"""

from __future__ import annotations

import mimetypes
import os
import re
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]+')
_FOLDER = "portfolio-reviewer-open"


def viewer_file_name(title: str, original: str | None, media_type: str | None) -> str:
    """'Lesson video.mp4': the title made safe for a file name, with the original's
    extension (or one for the media type)."""
    suffix = PurePosixPath(original).suffix.lower() if original else ""
    if not suffix and media_type:
        suffix = mimetypes.guess_extension(media_type, strict=False) or ""
    stem = _UNSAFE.sub(" ", title).strip(" .")[:80].strip(" .") or "evidence"
    if stem.lower().endswith(suffix) and suffix:
        return stem
    return stem + suffix


def _private_dir(stored: Path) -> Path:
    base = Path(tempfile.gettempdir()) / _FOLDER
    base.mkdir(mode=0o700, exist_ok=True)
    folder = base / stored.name[:16]
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def viewer_path(stored: Path, name: str) -> Path:
    """A path named `name` that shows the stored file's bytes (made if needed)."""
    target = _private_dir(stored) / name
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
    when it could not be handed over (no such file, or nothing opens that type)."""
    try:
        path = viewer_path(stored, name)
    except OSError:
        return False
    return bool(QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))))

"""Moodle and Canvas submission downloads built in code from the platforms' naming rules."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from tests import craft


@dataclass
class MoodleStudent:
    """One participant (or group) of a Moodle assignment download."""

    full_name: str  # as the person's profile has it; Moodle turns '_' into ' '
    participant_id: int
    files: dict[str, bytes] = field(default_factory=dict)  # path under the file plugin
    online_text: str | None = None  # the HTML of the online text submission
    online_files: dict[str, bytes] = field(default_factory=dict)  # images beside it
    username: str | None = None  # some versions put `username_` in front


def moodle_prefix(s: MoodleStudent) -> str:
    who = s.full_name.replace("_", " ")
    front = f"{s.username}_" if s.username else ""
    return f"{front}{who}_{s.participant_id}"


def moodle_entries(students: list[MoodleStudent], *, folders: bool = True) -> dict[str, bytes]:
    """Entry names as "Download all submissions" writes them, with or without folders."""
    out: dict[str, bytes] = {}
    for s in students:
        prefix = moodle_prefix(s)
        for plugin, files in (("file", s.files), ("onlinetext", s.online_files)):
            for path, data in files.items():
                if folders:
                    out[f"{prefix}_assignsubmission_{plugin}/{path}"] = data
                else:  # without folders a file keeps only its own name
                    out[f"{prefix}_assignsubmission_{plugin}_{Path(path).name}"] = data
        if s.online_text is not None:
            sep = "/" if folders else "_"
            out[f"{prefix}_assignsubmission_onlinetext{sep}onlinetext.html"] = (
                s.online_text.encode()
            )
    return out


@dataclass
class CanvasFile:
    display_name: str
    data: bytes
    attachment_id: int


@dataclass
class CanvasStudent:
    sortable_name: str  # "lopezmaria"; "anon" under anonymous grading
    user_id: str  # the anonymous id under anonymous grading
    late: bool = False
    files: list[CanvasFile] = field(default_factory=list)
    text: str | None = None  # a text entry's HTML
    link: str | None = None  # a website URL entry


def canvas_entries(students: list[CanvasStudent]) -> dict[str, bytes]:
    """Entry names as "Download Submissions" writes them."""
    out: dict[str, bytes] = {}
    for s in students:
        prefix = s.sortable_name + ("_LATE" if s.late else "") + f"_{s.user_id}"
        for f in s.files:
            out[f"{prefix}_{f.attachment_id}_{f.display_name}"] = f.data
        if s.text is not None:
            out[f"{prefix}_text.html"] = s.text.encode()
        if s.link is not None:
            html = f'<html><body><a href="{s.link}">{s.link}</a></body></html>'
            out[f"{prefix}_link.html"] = html.encode()
    return out


def write(path: Path, entries: dict[str, bytes], **kw: object) -> Path:
    return craft.write_zip(path, entries, **kw)  # type: ignore[arg-type]


def add_bomb(path: Path, name: str, size: int = 20 * 1024 * 1024) -> Path:
    """Adds an entry that expands far past the ratio limit (zeros compress ~1000:1)."""
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr(name, b"\0" * size)
    return path

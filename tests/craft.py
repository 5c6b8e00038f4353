"""Crafting real bundle files for tests, hostile ones included.

Zips are written with the standard library and then, where a test needs what the
standard library will not write (an encrypted entry, a lying size), patched byte by byte
in their headers, as an attacker would.
"""

from __future__ import annotations

import hashlib
import io
import json
import random
import sqlite3
import stat
import struct
import zipfile
from pathlib import Path
from typing import Any

from reviewer_app.demo import media
from reviewer_app.storage.datafolder import DATABASE_NAME

CREDENTIAL = "https://credentials.example.org/mc/families-as-partners-1"


def text_pdf(words: str = "home visit schedule", pages: int = 2) -> bytes:
    return media.render_text_pdf(
        title="Communication plan", paragraphs=[f"Plan for {words}."] * pages, pages=pages
    )


def photo_jpeg(tmp: Path, orientation: int | None = None, seed: int = 1) -> bytes:
    path = tmp / f"photo-{seed}-{orientation}.jpg"
    media.write_photo_jpeg(
        path,
        width=640,
        height=480,
        rng=random.Random(seed),
        exif_orientation=orientation,
        caption="Student work",
    )
    return path.read_bytes()


def png_image(width: int = 64, height: int = 48) -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 120, 40)).save(out, "PNG")
    return out.getvalue()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def manifest(
    files: dict[str, bytes],
    *,
    submission_id: str = "FAP-2026-0001",
    texts: list[dict[str, Any]] | None = None,
    media_types: dict[str, str] | None = None,
    **fields: Any,
) -> dict[str, Any]:
    evidence: list[dict[str, Any]] = list(texts or [])
    for name, data in files.items():
        item: dict[str, Any] = {
            "path": name,
            "sha256": sha(data),
            "part": "artifacts",
            "title": name,
        }
        if media_types and name in media_types:
            item["media_type"] = media_types[name]
        evidence.append(item)
    doc: dict[str, Any] = {
        "format": "evidence-bundle/1",
        "submission_id": submission_id,
        "attempt": 1,
        "submitted_at": "2026-10-03T14:22:05-05:00",
        "earner": {"id": "mailto:ana@example.org", "name": "Ana Lima", "email": "ana@example.org"},
        "credential": {"id": CREDENTIAL, "name": "Families as Partners"},
        "evidence": evidence,
    }
    doc.update(fields)
    return doc


def write_zip(
    path: Path,
    entries: dict[str, bytes],
    *,
    compression: int = zipfile.ZIP_DEFLATED,
    symlinks: dict[str, str] | None = None,
) -> Path:
    with zipfile.ZipFile(path, "w", compression) as z:
        for name, data in entries.items():
            z.writestr(name, data)
        for name, target in (symlinks or {}).items():
            info = zipfile.ZipInfo(name)
            info.create_system = 3
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            z.writestr(info, target)
    return path


def bundle_zip(
    path: Path, files: dict[str, bytes], doc: dict[str, Any] | None = None, **kw: Any
) -> Path:
    doc = doc if doc is not None else manifest(files, **kw)
    return write_zip(path, {"manifest.json": json.dumps(doc).encode(), **files})


def bundle_dir(
    path: Path, files: dict[str, bytes], doc: dict[str, Any] | None = None, **kw: Any
) -> Path:
    doc = doc if doc is not None else manifest(files, **kw)
    path.mkdir(parents=True)
    (path / "manifest.json").write_text(json.dumps(doc), encoding="utf-8")
    for name, data in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_bytes(data)
    return path


def _central_directory(data: bytes) -> list[int]:
    """Offsets of every central directory header."""
    out, at = [], 0
    while (at := data.find(b"PK\x01\x02", at)) != -1:
        out.append(at)
        at += 4
    return out


def patch_entry(
    path: Path, name: str, *, flag_bits: int | None = None, declared_size: int | None = None
) -> Path:
    """Rewrites one entry's headers: its general-purpose flags, or its stated size."""
    data = bytearray(path.read_bytes())
    encoded = name.encode()
    for at in _central_directory(bytes(data)):
        name_len = struct.unpack_from("<H", data, at + 28)[0]
        if bytes(data[at + 46 : at + 46 + name_len]) != encoded:
            continue
        local = struct.unpack_from("<I", data, at + 42)[0]
        if flag_bits is not None:
            for flags_at in (at + 8, local + 6):
                struct.pack_into("<H", data, flags_at, flag_bits)
        if declared_size is not None:
            struct.pack_into("<I", data, at + 24, declared_size)
            struct.pack_into("<I", data, local + 22, declared_size)
    path.write_bytes(bytes(data))
    return path


def snapshot(data_dir: Path) -> tuple[list[str], list[str]]:
    """Everything a data folder holds that an import could change: every row of every
    table (through SQLite's own dump) and every file in the store."""
    con = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        rows = list(con.iterdump())
    finally:
        con.close()
    # An open folder's staging lock (store/tmp/<pid>-<id>.owner) is no data; what is
    # staged beside it is.
    files = sorted(
        str(p.relative_to(data_dir))
        for p in (data_dir / "store").rglob("*")
        if p.is_file() and not (p.parent.name == "tmp" and p.name.endswith(".owner"))
    )
    return rows, files


def write_big_pdf(path: Path, size: int, text: str = "Unit plan with recorded lessons") -> Path:
    """A valid one-page PDF of about `size` bytes: a text page plus one large embedded
    stream (as a PDF with a video or a high-resolution scan has), written in chunks."""
    page_content = f"BT /F1 18 Tf 72 720 Td ({text}) Tj ET".encode()
    filler = max(0, size - 2048)
    offsets: list[int] = []
    with path.open("wb") as out:

        def obj(body: bytes) -> None:
            offsets.append(out.tell())
            out.write(f"{len(offsets)} 0 obj\n".encode() + body + b"\nendobj\n")

        out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
        obj(b"<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles 6 0 R >> >>")
        obj(b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        obj(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>"
        )
        obj(b"<< /Length %d >>\nstream\n" % len(page_content) + page_content + b"\nendstream")
        obj(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
        obj(b"<< /Names [(lesson.mp4) << /Type /Filespec /F (lesson.mp4) /EF << /F 7 0 R >> >>] >>")
        offsets.append(out.tell())
        out.write(b"7 0 obj\n<< /Type /EmbeddedFile /Length %d >>\nstream\n" % filler)
        chunk = bytes(range(256)) * 4096
        left = filler
        while left:
            out.write(chunk[: min(left, len(chunk))])
            left -= min(left, len(chunk))
        out.write(b"\nendstream\nendobj\n")
        xref = out.tell()
        out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(offsets) + 1))
        for at in offsets:
            out.write(b"%010d 00000 n \n" % at)
        out.write(
            b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(offsets) + 1, xref)
        )
    return path


def file_sha(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()

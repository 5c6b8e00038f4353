"""Media types from a file's first bytes, never from its name.

The signatures are the handful of formats a reviewer must read inside the app plus the
common ones they meet in portfolios; anything else is stored as what the earner declared,
or as application/octet-stream.
"""

from __future__ import annotations

from pathlib import Path

HEAD_BYTES = 4096

PDF = "application/pdf"
JPEG = "image/jpeg"
PNG = "image/png"
GIF = "image/gif"
WEBP = "image/webp"
TIFF = "image/tiff"
TEXT = "text/plain"
MARKDOWN = "text/markdown"
OCTET = "application/octet-stream"

IMAGE_TYPES = frozenset({JPEG, PNG, GIF, WEBP, TIFF})
TEXT_TYPES = frozenset({TEXT, MARKDOWN})
READABLE_TYPES = frozenset({PDF, *IMAGE_TYPES, *TEXT_TYPES})


def sniff_bytes(head: bytes) -> str | None:
    """The media type that `head` (a file's first bytes) shows, or None if unknown."""
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:6] in (b"GIF87a", b"GIF89a"):
        return GIF
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return TIFF
    # PDF readers accept the header anywhere in the first kilobyte.
    if b"%PDF-" in head[:1024]:
        return PDF
    if head[4:8] == b"ftyp":
        brand = head[8:12]
        if brand in (b"heic", b"heix", b"mif1", b"msf1"):
            return "image/heic"
        if brand.startswith(b"qt"):
            return "video/quicktime"
        if brand.startswith(b"M4A"):
            return "audio/mp4"
        return "video/mp4"
    if head.startswith(b"PK\x03\x04"):
        return "application/zip"
    if head.startswith(b"ID3") or head[:2] == b"\xff\xfb":
        return "audio/mpeg"
    if head.startswith(b"OggS"):
        return "audio/ogg"
    if head.startswith(b"\x1aE\xdf\xa3"):
        return "video/webm"
    if head[:4] == b"RIFF" and head[8:12] == b"WAVE":
        return "audio/wav"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "application/x-ole-storage"  # old Word, Excel, PowerPoint
    return None


def sniff_file(path: Path) -> str | None:
    with path.open("rb") as f:
        return sniff_bytes(f.read(HEAD_BYTES))


def describe(media_type: str | None) -> str:
    """A media type in words for messages: 'a JPEG image', 'a PDF'."""
    names = {
        PDF: "a PDF",
        JPEG: "a JPEG image",
        PNG: "a PNG image",
        GIF: "a GIF image",
        WEBP: "a WebP image",
        TIFF: "a TIFF image",
        TEXT: "plain text",
        MARKDOWN: "Markdown text",
        "application/zip": "a zip file (perhaps a Word or OpenDocument file)",
        "video/mp4": "an MP4 video",
    }
    if media_type is None:
        return "of no type we recognise"
    return names.get(media_type, media_type)

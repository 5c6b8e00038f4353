"""Written reflections: UTF-8 text and Markdown.

UTF-8 (with or without a byte-order mark) and UTF-16/32 with a byte-order mark are
decoded; anything else is refused, naming the first byte that is not UTF-8, because
guessing an encoding silently garbles an earner's words.
"""

from __future__ import annotations

import codecs
from pathlib import Path

from reviewer_app.evidence.readers import InvalidEvidence, PageText
from reviewer_app.wording import translate

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Reflections are short; a "text" file larger than this is not read into memory whole.
MAX_TEXT_BYTES = 20 * 1024 * 1024


def encoding_of(head: bytes) -> str:
    for bom, name in _BOMS:
        if head.startswith(bom):
            return name
    return "utf-8"


def decode_text(path: Path) -> str:
    """The file's text; raises InvalidEvidence when it is not UTF-8 (or BOM-marked)."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise InvalidEvidence(
            translate(
                "EvidenceFiles",
                "is {size} bytes, too large for a text reflection (at most {limit} bytes)",
            ).format(size=f"{size:,}", limit=f"{MAX_TEXT_BYTES:,}")
        )
    data = path.read_bytes()
    encoding = encoding_of(data[:4])
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as e:
        if encoding != "utf-8":
            raise InvalidEvidence(
                translate("EvidenceFiles", "is not valid {encoding} text").format(
                    encoding=encoding.upper()
                )
            ) from None
        raise InvalidEvidence(
            translate(
                "EvidenceFiles",
                "is not UTF-8 text: byte {byte} at position {position} is not valid UTF-8 "
                "(perhaps it was saved as Windows-1252 or Latin-1); ask for it saved as UTF-8",
            ).format(byte=f"0x{data[e.start]:02X}", position=f"{e.start:,}")
        ) from None
    if "\x00" in text:
        raise InvalidEvidence(
            translate("EvidenceFiles", "contains NUL characters, so it is not text")
        )
    return text


def looks_like_text(head: bytes) -> bool:
    """Whether a file of unknown type is worth reading as text (no NULs, few controls)."""
    if not head:
        return True
    if encoding_of(head[:4]) != "utf-8":
        return True
    if b"\x00" in head:
        return False
    controls = sum(1 for b in head if b < 9 or 13 < b < 32)
    return controls <= len(head) // 100


def extract(path: Path) -> list[PageText]:
    return [PageText(None, decode_text(path))]

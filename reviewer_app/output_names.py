"""Names of the files the program writes from what people typed: earner names,
submission ids, pathway and definition names.

Every such name is
- bounded: at most MAX_PART_BYTES of UTF-8 per part (file systems allow 255 bytes for
  the whole name), so a 200-character submission id cannot break a whole export;
- unique: a part that is not its text exactly (a character was replaced, or it was
  cut short) ends in "~" and a hash of the exact text, and "~" never appears
  otherwise, so "COL/1", "COL 1" and "COL:1" get three names, none of which an
  unchanged id can take;
- recognizable: letters and digits of every script are kept (a name in Chinese stays
  in Chinese); only separators, punctuation and control characters become "-".
"""

from __future__ import annotations

import hashlib
import unicodedata

MAX_PART_BYTES = 60
HASH_MARK = "~"
_HASH_CHARS = 10  # 40 bits of SHA-256: ample among one folder's names
_KEPT_PUNCTUATION = frozenset(".-")


def _kept(char: str) -> bool:
    category = unicodedata.category(char)
    return category[0] in "LN" or category in ("Mn", "Mc") or char in _KEPT_PUNCTUATION


def _cut(text: str, limit: int) -> str:
    """`text` cut to at most `limit` bytes of UTF-8, never inside a character."""
    data = text.encode("utf-8")
    if len(data) <= limit:
        return text
    return data[:limit].decode("utf-8", "ignore")


def tag(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:_HASH_CHARS]


def slug(text: str, *, limit: int = MAX_PART_BYTES) -> str:
    """`text` with what a file name cannot hold replaced by "-", bounded; may be empty.
    Never starts with "." (a hidden file) or ends with "." (Windows drops it)."""
    plain = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for char in plain:
        if _kept(char):
            out.append(char)
        elif out and out[-1] != "-":
            out.append("-")
    joined = "".join(out).strip("-.")
    while "--" in joined:
        joined = joined.replace("--", "-")
    return _cut(joined, limit).strip("-.")


def exact_name(text: str, *, fallback: str, limit: int = MAX_PART_BYTES) -> str:
    """A unique file-name part for `text` (an id): the text itself when it is already a
    safe name, else its slug with "~" and a hash of the exact text."""
    made = slug(text, limit=limit)
    if made and made == text:
        return made
    return f"{made or fallback}{HASH_MARK}{tag(text)}"


def label(text: str, *, fallback: str, limit: int = MAX_PART_BYTES) -> str:
    """A readable, bounded part for `text` (a name), which need not be unique alone:
    its slug, or `fallback` when nothing of it can be kept."""
    return slug(text, limit=limit).lower() or fallback


def joined(*parts: str) -> str:
    """Parts joined by "_", which `slug` never produces: "ana_lima-x" cannot be read
    both as ("ana", "lima-x") and as ("ana-lima", "x")."""
    return "_".join(parts)

"""One module per kind of evidence file: what it is (at import) and what can be derived
from it afterwards (searchable text, a thumbnail)."""

from __future__ import annotations

from dataclasses import dataclass, field


class InvalidEvidence(Exception):
    """The file's bytes are not what its media type says; the bundle is rejected.

    The message completes "<entry> ..." in plain words.
    """


@dataclass
class Inspection:
    media_type: str
    page_count: int | None = None
    width: int | None = None
    height: int | None = None
    exif_orientation: int | None = None
    frame_count: int | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class PageText:
    page: int | None  # 1-based page of a PDF; None for a whole text file
    text: str

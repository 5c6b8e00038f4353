"""Deriving one file: its pages' text or its thumbnail, and warnings to show.

Kept apart from derive.py, which saves the results, so that a derive worker process
(derive_pool.py) imports only the readers it runs, not the database.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.readers import InvalidEvidence, PageText, image, pdf, text
from reviewer_app.evidence.sniff import IMAGE_TYPES, PDF, TEXT_TYPES
from reviewer_app.wording import translate

log = logging.getLogger(__name__)


@dataclass
class Derived:
    """What one file gave: its pages' text or its thumbnail, and warnings to show."""

    pages: list[PageText] = field(default_factory=list)
    thumbnail: bytes | None = None
    warnings: list[str] = field(default_factory=list)
    status: str = "done"


def kind_of(media_type: str | None) -> str:
    """What deriving makes of a file: "text", "thumbnail", or "none"."""
    if media_type == PDF or media_type in TEXT_TYPES:
        return "text"
    return "thumbnail" if media_type in IMAGE_TYPES else "none"


def derive_file(
    path: Path, media_type: str, limits: ImportLimits, *, pdfium: bool = False
) -> Derived:
    """What the file gives; never raises for what the file holds. `pdfium` only in a
    process of its own (see readers/pdf.py)."""
    out = Derived()
    try:
        if media_type == PDF:
            read = pdf.extract_with_pdfium if pdfium else pdf.extract
            out.pages, out.warnings = read(path)
        elif media_type in TEXT_TYPES:
            out.pages = text.extract(path)
        elif media_type in IMAGE_TYPES:
            out.thumbnail = image.thumbnail(path, limits.max_image_pixels)
        else:
            out.status = "none"
    except (InvalidEvidence, OSError, ValueError, SyntaxError) as e:
        out = _failed(str(e))
    except Exception as e:
        log.warning("deriving %s (%s) failed", path.name, media_type, exc_info=True)
        out = _failed(f"{type(e).__name__}: {str(e)[:200]}".rstrip(": "))
    return out


def derive_in_worker(path: Path, media_type: str, limits: ImportLimits) -> Derived:
    """What a derive worker process runs for each file."""
    return derive_file(path, media_type, limits, pdfium=True)


def failed_with(warning: str) -> Derived:
    """The result of a file whose reader hung or died: the warning says which."""
    return Derived(status="failed", warnings=[warning])


def _failed(problem: str) -> Derived:
    return failed_with(
        translate("EvidenceFiles", "could not be prepared for viewing ({problem})").format(
            problem=problem
        )
    )

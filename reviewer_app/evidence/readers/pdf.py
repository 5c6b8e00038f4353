"""PDFs with pypdf: page count at import, text per page afterwards.

A PDF that opens but is damaged, encrypted, or has no text layer (a scan) is kept with a
warning: the reviewer can still look at it; only search and page counts suffer. pypdf
raises almost anything on a crafted file (NotImplementedError for a filter it does not
know, struct.error, RecursionError...), so every failure of a page is that page's
warning, and text extraction stops after TEXT_SECONDS with a warning naming the pages
left unread.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any, BinaryIO, cast

from pypdf import PdfReader

from reviewer_app.evidence.readers import Inspection, PageText
from reviewer_app.evidence.sniff import PDF
from reviewer_app.wording import translate

# pypdf logs every repair it makes to a damaged file; those are our warnings, not logs.
logging.getLogger("pypdf").setLevel(logging.ERROR)

# Anything pypdf raises on a file it cannot read: an Exception, but not a cancel (the
# progress callback's Cancelled is never raised inside pypdf).
_ERRORS = (Exception,)
TEXT_SECONDS = 60.0


class PdfUnreadable(Exception):
    pass


def _open(stream: BinaryIO) -> PdfReader:
    """A reader, decrypted if it only has an owner password; raises PdfUnreadable.

    Given a path, pypdf reads the whole file into memory; given an open file it seeks,
    so a 200 MB PDF costs what its page tree costs.
    """
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except _ERRORS as e:
                raise PdfUnreadable(
                    translate(
                        "EvidenceFiles",
                        "is encrypted in a way that cannot be opened here ({problem})",
                    ).format(problem=e)
                ) from None
            if not ok:
                raise PdfUnreadable(
                    translate(
                        "EvidenceFiles", "is encrypted with a password, so its pages cannot be read"
                    )
                )
        return reader
    except PdfUnreadable:
        raise
    except _ERRORS as e:
        raise PdfUnreadable(
            translate("EvidenceFiles", "is damaged: {problem}").format(problem=_reason(e))
        ) from None


def _reason(e: BaseException) -> str:
    text = str(e).strip() or type(e).__name__
    return text[:200]


def inspect(path: Path) -> Inspection:
    result = Inspection(PDF)
    try:
        with path.open("rb") as stream:
            result.page_count = _page_count(_open(stream))
    except PdfUnreadable as e:
        result.warnings.append(
            translate("EvidenceFiles", "{problem}; it is kept, but cannot be searched").format(
                problem=e
            )
        )
    except _ERRORS as e:
        result.warnings.append(
            translate(
                "EvidenceFiles", "is damaged: {problem}; it is kept, but cannot be searched"
            ).format(problem=_reason(e))
        )
    return result


def extract(path: Path) -> tuple[list[PageText], list[str]]:
    """Text of each page, and warnings (unreadable pages, no text layer at all)."""
    with path.open("rb") as stream:
        return _extract(stream)


def _page_count(reader: PdfReader) -> int:
    """The page tree's own count; walking every page object (what len(pages) does)
    costs several milliseconds a file and tells us nothing more at import."""
    try:
        count = cast(Any, reader.trailer)["/Root"]["/Pages"]["/Count"]
        if isinstance(count, int) and 0 <= count < 1_000_000:
            return int(count)
    except _ERRORS:
        pass
    return len(reader.pages)


def _extract(stream: BinaryIO) -> tuple[list[PageText], list[str]]:
    try:
        pages = list(_open(stream).pages)
    except (PdfUnreadable, *_ERRORS):
        return [], []  # already warned at import
    texts: list[PageText] = []
    failed: list[int] = []
    deadline = time.monotonic() + TEXT_SECONDS
    warnings = []
    for number, page in enumerate(pages, start=1):
        if time.monotonic() > deadline:
            warnings.append(
                translate(
                    "EvidenceFiles",
                    "took too long to read: the text of pages {first} to {last} was not "
                    "extracted and cannot be searched",
                ).format(first=number, last=len(pages))
            )
            break
        try:
            text = page.extract_text() or ""
        except _ERRORS:
            failed.append(number)
            continue
        if text.strip():
            texts.append(PageText(number, text))
    if failed:
        listed = ", ".join(str(n) for n in failed[:10])
        warnings.append(
            translate("EvidenceFiles", "the text of page(s) {pages} could not be read").format(
                pages=listed
            )
        )
    if pages and not texts and not failed and not warnings:
        warnings.append(
            translate(
                "EvidenceFiles",
                "has no text layer (perhaps a scan): it can be read but not searched",
            )
        )
    return texts, warnings

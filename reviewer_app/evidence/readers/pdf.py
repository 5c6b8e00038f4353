"""PDFs: page count at import (pypdf), text per page afterwards (PDFium, else pypdf).

Which reader does what: pypdf checks the page tree at import (it reads the trailer's
page count without walking every page, and it words what is wrong with a damaged file),
and reads the text of a file PDFium cannot open, since it repairs more damaged files.
PDFium (pypdfium2) reads the text of every other PDF: about ten times pypdf's pages a
second. PDFium is not thread-safe, and the window's process already uses it to draw
crops, so `extract_with_pdfium` runs only in a derive worker process (derive_pool.py),
one file at a time; in-process derivation (a small import) keeps to pypdf.

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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, cast

from reviewer_app.evidence.readers import Inspection, PageText
from reviewer_app.evidence.sniff import PDF
from reviewer_app.wording import translate

if TYPE_CHECKING:
    from pypdf import PdfReader

# pypdf logs every repair it makes to a damaged file; those are our warnings, not logs.
# (It is imported when first used: a derive worker reading with PDFium rarely needs it.)
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
    from pypdf import PdfReader

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


def extract_with_pdfium(path: Path) -> tuple[list[PageText], list[str]]:
    """`extract` with PDFium; a file PDFium cannot open goes to pypdf. Call only where
    no other thread uses PDFium (a derive worker process)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(path)
    except Exception:  # PdfiumError (damaged, or a password), OSError
        return extract(path)
    try:
        return _texts(len(document), lambda index: _pdfium_page_text(document, index))
    finally:
        document.close()


def _pdfium_page_text(document: Any, index: int) -> str:
    page = document[index]
    try:
        textpage = page.get_textpage()
        try:
            text: str = textpage.get_text_range()
        finally:
            textpage.close()
    finally:
        page.close()
    # PDFium ends lines with CR LF and marks soft hyphens and such with controls.
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")


def _extract(stream: BinaryIO) -> tuple[list[PageText], list[str]]:
    try:
        pages = list(_open(stream).pages)
    except (PdfUnreadable, *_ERRORS):
        return [], []  # already warned at import
    return _texts(len(pages), lambda index: pages[index].extract_text() or "")


def _texts(count: int, read: Callable[[int], str]) -> tuple[list[PageText], list[str]]:
    """Each page's text by `read(index)`, within TEXT_SECONDS; warnings in words."""
    texts: list[PageText] = []
    failed: list[int] = []
    deadline = time.monotonic() + TEXT_SECONDS
    warnings = []
    for number in range(1, count + 1):
        if time.monotonic() > deadline:
            warnings.append(
                translate(
                    "EvidenceFiles",
                    "took too long to read: the text of pages {first} to {last} was not "
                    "extracted and cannot be searched",
                ).format(first=number, last=count)
            )
            break
        try:
            text = read(number - 1)
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
    if count and not texts and not failed and not warnings:
        warnings.append(
            translate(
                "EvidenceFiles",
                "has no text layer (perhaps a scan): it can be read but not searched",
            )
        )
    return texts, warnings

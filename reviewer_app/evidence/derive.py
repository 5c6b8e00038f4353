"""What is derived from evidence after import: searchable text and thumbnails.

Kept apart from import because it is the slow part (pypdf reads about 300 pages a
second) and nothing about it can make a bundle invalid: a submission is usable as soon
as it is imported, and its text becomes searchable moments later.

Whatever a reader raises is contained to its item: the item is marked "failed" with a
warning saying why, and the queue goes on, so a file made to crash a reader cannot stall
every later import. Items are saved in batches (one commit, one fsync for many items),
and items that point at one stored file are read once.
"""

from __future__ import annotations

import hashlib
import logging
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.errors import Cancelled
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.readers import InvalidEvidence, PageText, image, pdf, text
from reviewer_app.evidence.search import index_text
from reviewer_app.evidence.sniff import IMAGE_TYPES, PDF, TEXT_TYPES
from reviewer_app.progress import CancelToken, Progress, ProgressReport
from reviewer_app.storage.blobstore import StagedFile
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import EvidenceItem, Submission
from reviewer_app.wording import translate

log = logging.getLogger(__name__)

# A batch of derived items is saved when it holds this many items or has waited this
# long, so that search fills steadily and an interruption loses little.
BATCH_ITEMS = 200
BATCH_SECONDS = 1.0
# Derived results kept for items that point at a file already read in this run.
_REUSE = 32


@dataclass
class DeriveReport:
    items: int = 0
    pages_indexed: int = 0
    thumbnails: int = 0
    # submission_id -> new warnings found while deriving
    warnings: dict[str, list[str]] = field(default_factory=dict)
    cancelled: bool = False


@dataclass
class _Derived:
    pages: list[PageText] = field(default_factory=list)
    thumbnail: bytes | None = None
    warnings: list[str] = field(default_factory=list)
    status: str = "done"


@dataclass
class _Batch:
    items: list[tuple[int, _Derived]] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def full(self) -> bool:
        return len(self.items) >= BATCH_ITEMS or time.monotonic() - self.started >= BATCH_SECONDS


def pending_count(session: Session) -> int:
    return (
        session.scalar(
            select(func.count())
            .select_from(EvidenceItem)
            .where(EvidenceItem.derive_status == "pending")
        )
        or 0
    )


def derive_pending(
    folder: DataFolder,
    *,
    extract_text: bool = True,
    thumbnails: bool = True,
    limits: ImportLimits | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> DeriveReport:
    """Derives what is pending; `extract_text` or `thumbnails` off leave those for later."""
    limits = limits or ImportLimits()
    wanted = {
        "text": extract_text,
        "thumbnail": thumbnails,
        "none": True,
    }
    report = DeriveReport()
    with folder.read_sessions() as session:
        todo = list(
            session.execute(
                select(EvidenceItem.id, EvidenceItem.media_type, EvidenceItem.blob_sha256)
                .where(EvidenceItem.derive_status == "pending")
                .order_by(EvidenceItem.id)
            )
        )
    batch = _Batch()
    seen: dict[tuple[str, str], _Derived] = {}
    try:
        for done, (item_id, media_type, sha256) in enumerate(todo):
            if cancel is not None:
                cancel.check()
            if progress is not None:
                doing = translate("EvidenceFiles", "making evidence searchable")
                progress(ProgressReport(done, len(todo), 0, 0, doing))
            if sha256 is None or not wanted[_kind(media_type)]:
                continue
            key = (sha256, media_type or "")
            derived = seen.get(key)
            if derived is None:
                derived = _derive(folder.store.file(sha256), media_type or "", limits)
                if len(seen) >= _REUSE:
                    seen.clear()
                seen[key] = derived
            batch.items.append((item_id, derived))
            if batch.full():
                _flush(folder, batch, report)
                batch = _Batch()
    except Cancelled:
        report.cancelled = True
    _flush(folder, batch, report)  # what was derived before a cancel is kept
    return report


def _kind(media_type: str | None) -> str:
    if media_type == PDF or media_type in TEXT_TYPES:
        return "text"
    return "thumbnail" if media_type in IMAGE_TYPES else "none"


def _derive(path: Path, media_type: str, limits: ImportLimits) -> _Derived:
    out = _Derived()
    try:
        if media_type == PDF:
            out.pages, out.warnings = pdf.extract(path)
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


def _failed(problem: str) -> _Derived:
    return _Derived(
        status="failed",
        warnings=[
            translate("EvidenceFiles", "could not be prepared for viewing ({problem})").format(
                problem=problem
            )
        ],
    )


def _flush(folder: DataFolder, batch: _Batch, report: DeriveReport) -> None:
    """Saves a batch: its thumbnails and rows in one commit. Thumbnails are staged under
    the lock, where no other process's clean-up of the temporary area can reach them."""
    if not batch.items:
        return
    with folder.write_lock():
        staged: dict[str, StagedFile] = {}
        thumbnails: dict[int, str] = {}
        try:
            for item_id, derived in batch.items:
                if derived.thumbnail is not None:
                    thumb = staged.get(_sha(derived.thumbnail))
                    if thumb is None:
                        thumb = folder.store.stage_bytes(derived.thumbnail)
                        staged[thumb.sha256] = thumb
                    thumbnails[item_id] = thumb.sha256
        except BaseException:
            for thumb in staged.values():
                folder.store.discard(thumb)
            raise

        def record(session: Session) -> None:
            for item_id, derived in batch.items:
                _save(session, item_id, derived, thumbnails.get(item_id), report)

        folder.commit_files(list(staged.values()), record)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _save(
    session: Session,
    item_id: int,
    derived: _Derived,
    thumbnail: str | None,
    report: DeriveReport,
) -> None:
    item = session.get_one(EvidenceItem, item_id)
    if item.derive_status != "pending":
        return  # another process got here first
    for page in derived.pages:
        index_text(session, item_id, page.page, page.text)
    if thumbnail is not None:
        item.thumbnail_sha256 = thumbnail
    item.derive_status = derived.status
    report.items += 1
    report.pages_indexed += len(derived.pages)
    report.thumbnails += thumbnail is not None
    if derived.warnings:
        named = [f"{item.path}: {w}" for w in derived.warnings]
        item.warnings = [*item.warnings, *derived.warnings]
        submission = session.get_one(Submission, item.submission_id)
        submission.warnings = [*submission.warnings, *named]
        report.warnings.setdefault(submission.submission_id, []).extend(named)

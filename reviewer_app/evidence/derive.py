"""What is derived from evidence after import: searchable text and thumbnails.

Kept apart from import because it is the slow part (pypdf reads about 300 pages a
second) and nothing about it can make a bundle invalid: a submission is usable as soon
as it is imported, and its text becomes searchable moments later. Each item is finished
in its own transaction, so an interrupted run simply carries on next time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
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
    thumbnail: StagedFile | None = None
    warnings: list[str] = field(default_factory=list)
    status: str = "done"


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
    try:
        for done, (item_id, media_type, sha256) in enumerate(todo):
            if cancel is not None:
                cancel.check()
            if progress is not None:
                doing = translate("EvidenceFiles", "making evidence searchable")
                progress(ProgressReport(done, len(todo), 0, 0, doing))
            if sha256 is None or not wanted[_kind(media_type)]:
                continue
            path = folder.store.path_for(sha256)
            derived = _derive(path, media_type or "", limits, folder)
            with folder.write_lock():
                folder.commit_files(
                    [derived.thumbnail] if derived.thumbnail else [],
                    partial(_save, item_id=item_id, derived=derived, report=report),
                )
            report.items += 1
            report.pages_indexed += len(derived.pages)
            report.thumbnails += derived.thumbnail is not None
    except Cancelled:
        report.cancelled = True
    return report


def _kind(media_type: str | None) -> str:
    if media_type == PDF or media_type in TEXT_TYPES:
        return "text"
    return "thumbnail" if media_type in IMAGE_TYPES else "none"


def _derive(path: Path, media_type: str, limits: ImportLimits, folder: DataFolder) -> _Derived:
    out = _Derived()
    try:
        if media_type == PDF:
            out.pages, out.warnings = pdf.extract(path)
        elif media_type in TEXT_TYPES:
            out.pages = text.extract(path)
        elif media_type in IMAGE_TYPES:
            out.thumbnail = folder.store.stage_bytes(image.thumbnail(path, limits.max_image_pixels))
        else:
            out.status = "none"
    except (InvalidEvidence, OSError, ValueError, SyntaxError) as e:
        out.status = "failed"
        out.warnings.append(
            translate("EvidenceFiles", "could not be prepared for viewing ({problem})").format(
                problem=e
            )
        )
    return out


def _save(session: Session, item_id: int, derived: _Derived, report: DeriveReport) -> None:
    item = session.get_one(EvidenceItem, item_id)
    if item.derive_status != "pending":
        return  # another process got here first
    for page in derived.pages:
        index_text(session, item_id, page.page, page.text)
    if derived.thumbnail is not None:
        item.thumbnail_sha256 = derived.thumbnail.sha256
    item.derive_status = derived.status
    if derived.warnings:
        named = [f"{item.path}: {w}" for w in derived.warnings]
        item.warnings = [*item.warnings, *derived.warnings]
        submission = session.get_one(Submission, item.submission_id)
        submission.warnings = [*submission.warnings, *named]
        report.warnings.setdefault(submission.submission_id, []).extend(named)

"""What is derived from evidence after import: searchable text and thumbnails.

Nothing about it can make a bundle invalid. An import with extraction on derives each
file as it arrives, in worker processes (derive_pool.py), and saves the results with the
bundle (importer.py); what an import left pending (`--no-extract`, a cancel, an older
version) is derived here, in the same worker processes once there are enough items to
be worth starting them (PARALLEL_FROM files, POOL_FROM_BYTES), else in this process.

Whatever a reader raises is contained to its item: the item is marked "failed" with a
warning saying why, and the queue goes on, so a file made to crash a reader cannot stall
every later import. Items are saved in batches (one commit, one fsync for many items),
and items that point at one stored file are read once.
"""

from __future__ import annotations

import hashlib
import logging
import time
from collections import deque
from collections.abc import Iterator, Sequence
from concurrent.futures import CancelledError, Future, wait
from contextlib import ExitStack
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.errors import Cancelled
from reviewer_app.evidence.derive_pool import POOL_FROM_BYTES, CancelledWork, DerivePool
from reviewer_app.evidence.derive_work import (
    Derived,
    derive_file,
    derive_in_worker,
    failed_with,
    kind_of,
)
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.search import index_text
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
# Fewer files than this, or fewer bytes than POOL_FROM_BYTES, are derived in this
# process: starting workers (importing Pillow and PDFium in each, half a second) would
# cost more than sharing the work saves.
PARALLEL_FROM = 16


@dataclass
class DeriveReport:
    items: int = 0
    pages_indexed: int = 0
    thumbnails: int = 0
    # submission_id -> new warnings found while deriving
    warnings: dict[str, list[str]] = field(default_factory=dict)
    cancelled: bool = False


@dataclass
class _Batch:
    items: list[tuple[int, Derived]] = field(default_factory=list)
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
    workers: int | None = None,
) -> DeriveReport:
    """Derives what is pending; `extract_text` or `thumbnails` off leave those for later.
    `workers` 0 derives in this process; None chooses by the number of items."""
    limits = limits or ImportLimits()
    wanted = {
        "text": extract_text,
        "thumbnail": thumbnails,
        "none": True,
    }
    report = DeriveReport()
    with folder.read_sessions() as session:
        todo = [
            (item_id, media_type or "", sha256, size or 0)
            for item_id, media_type, sha256, size in session.execute(
                select(
                    EvidenceItem.id,
                    EvidenceItem.media_type,
                    EvidenceItem.blob_sha256,
                    EvidenceItem.size,
                )
                .where(EvidenceItem.derive_status == "pending")
                .order_by(EvidenceItem.id)
            )
            if sha256 is not None and wanted[kind_of(media_type)]
        ]
    batch = _Batch()
    files = {(sha256, media_type): size for _, media_type, sha256, size in todo}
    enough = len(files) >= PARALLEL_FROM and sum(files.values()) >= POOL_FROM_BYTES
    parallel = enough if workers is None else workers > 0
    try:
        with ExitStack() as stack:
            pool = None
            if parallel:
                pool = stack.enter_context(
                    DerivePool(derive_in_worker, failed_with, limits, workers=workers or None)
                )
            results = _results(folder, todo, limits, pool, cancel or CancelToken())
            for done, (item_id, derived) in enumerate(results):
                if derived is None:
                    continue  # its worker pool stopped: left pending for the next run
                if cancel is not None:
                    cancel.check()
                if progress is not None:
                    doing = translate("EvidenceFiles", "making evidence searchable")
                    progress(ProgressReport(done, len(todo), 0, 0, doing))
                batch.items.append((item_id, derived))
                if batch.full():
                    _flush(folder, batch, report)
                    batch = _Batch()
    except Cancelled:
        report.cancelled = True
    _flush(folder, batch, report)  # what was derived before a cancel is kept
    return report


def _results(
    folder: DataFolder,
    todo: Sequence[tuple[int, str, str, int]],
    limits: ImportLimits,
    pool: DerivePool | None,
    cancel: CancelToken,
) -> Iterator[tuple[int, Derived | None]]:
    """Each item's derived result, in order; an item pointing at a file read a moment
    ago shares its result. With a pool, a few files per worker are read ahead."""
    seen: dict[tuple[str, str], Future[Derived] | Derived] = {}
    ahead: deque[tuple[int, Future[Derived] | Derived]] = deque()
    window = 1 if pool is None else 4 * pool.max_workers
    for item_id, media_type, sha256, _size in todo:
        key = (sha256, media_type)
        found = seen.get(key)
        if found is None:
            path = folder.store.file(sha256)
            if kind_of(media_type) == "none":
                found = Derived(status="none")
            elif pool is None:
                found = derive_file(path, media_type, limits)
            else:
                found = pool.submit(path, media_type)
            if len(seen) >= _REUSE:
                seen.clear()
            seen[key] = found
        ahead.append((item_id, found))
        while len(ahead) >= window:
            yield _ready(*ahead.popleft(), cancel)
    while ahead:
        yield _ready(*ahead.popleft(), cancel)


def _ready(
    item_id: int, found: Future[Derived] | Derived, cancel: CancelToken
) -> tuple[int, Derived | None]:
    """The item's result once its worker answers; a cancel is heard while waiting."""
    if not isinstance(found, Future):
        return item_id, found
    while not found.done():
        cancel.check()
        wait([found], timeout=0.05)
    try:
        return item_id, found.result()
    except (CancelledError, CancelledWork):
        return item_id, None


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
    derived: Derived,
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

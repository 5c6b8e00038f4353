"""Imports evidence bundles: each one whole, or not at all.

For each bundle: plan it (manifest or file names), stream every file into the store's
temporary area while hashing it, and check each file (fsync, then what its bytes are) on
a worker thread while the next one streams in. Bundles that pass wait in a batch; the
batch's files move into place and its rows are written in one transaction (see
`DataFolder.commit_files`), so a rejected, cancelled or killed import leaves nothing
half-done behind. Saves run on a thread of their own, one at a time and in order, so
that the commit's and the folders' syncs never stop the next files streaming in.

With `extract`, each checked file's text or thumbnail is derived while later files
stream in: in worker processes on every core (derive_pool.py) for an import of
POOL_FROM_BYTES or more, else on the check's thread. A batch is saved once its leading
bundles are derived (never waiting for the slowest, until the batch grows to
WAIT_FACTOR times its size), with their text, thumbnails and statuses in the same
commit as their rows: no durable transaction per item, and every item searchable and
thumbnailed once its bundle is saved. A file whose reader hangs or dies costs only that
file (marked "failed" with a warning). A cancel saves the bundles already whole and
leaves their unread files pending, for `derive_pending`.
"""

from __future__ import annotations

import logging
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from concurrent import futures
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.exc import SQLAlchemyError

from reviewer_app.errors import Cancelled, UserError
from reviewer_app.evidence.derive_pool import POOL_FROM_BYTES, DerivePool
from reviewer_app.evidence.derive_work import (
    Derived,
    derive_file,
    derive_in_worker,
    failed_with,
    kind_of,
)
from reviewer_app.evidence.inspect import inspect_file
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.plan import PlannedItem, SubmissionPlan, plan_bundle
from reviewer_app.evidence.readers import Inspection
from reviewer_app.evidence.records import record_batch
from reviewer_app.evidence.report import BundleResult, ImportReport, Rejection, SkippedFile
from reviewer_app.evidence.shapes import Candidate, Opener, open_bundles
from reviewer_app.evidence.sources import BundleRejected, Source
from reviewer_app.evidence.staging import Checked, ReadyBundle, StagedItem, unexpected_problem
from reviewer_app.progress import CancelToken, Progress, ProgressReport
from reviewer_app.storage.blobstore import SizeLimitExceeded, StagedFile
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.diskspace import disk_full, is_disk_full
from reviewer_app.storage.models import Submission
from reviewer_app.wording import translate
from reviewer_app.zipsafety import READ_ERRORS

__all__ = ["BundleResult", "ImportReport", "Importer", "Rejection", "SkippedFile"]

# A batch is saved when it holds this many bundles or bytes, or has waited this long, so
# that a window's queue fills steadily during a long import.
BATCH_BUNDLES = 32
BATCH_BYTES = 128 * 1024 * 1024
BATCH_SECONDS = 0.5
# With extraction a bundle appears whole, searchable and thumbnailed, so its batch may
# wait a little longer: every save costs the main thread a commit, folder syncs and its
# thumbnails' syncs, time the next files do not stream in.
BATCH_SECONDS_DERIVING = 1.0
# Once every file has streamed in, bundles already derived are saved while the rest are
# derived, a save at most this often (and at once when all are done).
DRAIN_SECONDS = 0.2
# A batch waiting for its slowest derivations is saved whole (waiting) once it holds this
# many times the bundles or bytes above: that bounds what waits in the temporary area.
WAIT_FACTOR = 4

log = logging.getLogger(__name__)

_LOOKUP = select(Submission.content_digest, Submission.source_name).where(
    Submission.submission_id == bindparam("sid")
)


class _AlreadyImported(Exception):
    pass


class Importer:
    def __init__(
        self,
        folder: DataFolder,
        limits: ImportLimits | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
        opener: Opener = open_bundles,
        *,
        extract: bool = False,
    ) -> None:
        self.folder = folder
        self.extract = extract
        self.opener = opener  # what a path holds: bundles, or a platform's download
        self.limits = limits or ImportLimits()
        self.progress = progress
        self.cancel = cancel or CancelToken()
        self._bytes_done = self._bytes_total = 0
        self._items_done = self._items_total = 0
        self._current = ""
        self._batch: list[ReadyBundle] = []
        self._batch_bytes = 0
        self._batch_started = time.monotonic()
        self._pool: DerivePool | None = None
        # Set whenever a check, a derivation or a save finishes: what waits for them
        # wakes at once instead of at its next look.
        self._progressed = threading.Event()
        # Batches being saved on the save thread, oldest first.
        self._saving: list[tuple[list[ReadyBundle], futures.Future[None]]] = []
        self._batch_seconds = BATCH_SECONDS_DERIVING if extract else BATCH_SECONDS

    def import_paths(self, paths: Sequence[Path]) -> ImportReport:
        """Imports every bundle found at `paths`; returns what happened to each."""
        report = ImportReport()
        self._bytes_total = sum(_size_on_disk(p) for p in paths)
        with (
            self.folder.write_lock(),
            self._scratch() as scratch,
            self.folder.read_engine.connect() as self._reader,
            futures.ThreadPoolExecutor(2, thread_name_prefix="check") as self._checker,
            futures.ThreadPoolExecutor(1, thread_name_prefix="save") as self._saver,
            ExitStack() as pool,
        ):
            if self.extract and self._bytes_total >= POOL_FROM_BYTES:
                self._pool = pool.enter_context(
                    DerivePool(derive_in_worker, failed_with, self.limits)
                )
                self._pool.start_workers()
            try:
                for path in paths:
                    for found in self.opener(path, self.limits, scratch):
                        self._import_one(found, report)
                self._drain(report)
            except Cancelled:
                report.cancelled = True  # bundles already whole are still saved below
                pool.close()  # their files not read yet are left pending
            except BaseException as e:
                self._discard(self._batch)
                self._finish_saves(quietly=True)
                if is_disk_full(e):  # no later bundle would fit either: stop, and say why
                    raise self._disk_full() from e
                raise
            try:
                self._flush(report, wait=True)
                self._finish_saves()
            except (SQLAlchemyError, OSError) as e:
                if is_disk_full(e):
                    raise self._disk_full() from e
                raise
        self._report("done")
        return report

    @contextmanager
    def _scratch(self) -> Iterator[Path]:
        with tempfile.TemporaryDirectory(dir=self.folder.store.tmp) as name:
            yield Path(name)

    def _import_one(
        self, found: Candidate | BundleRejected | SkippedFile, report: ImportReport
    ) -> None:
        if isinstance(found, SkippedFile):
            report.skipped_files.append(found)
            return
        if isinstance(found, BundleRejected):
            report.rejected.append(Rejection(found.bundle, str(found)))
            return
        try:
            self._current = found.source.label
            self._report(found.source.label)
            ready = self._prepare(found)
            self._batch.append(ready)
            self._batch_bytes += sum(f.size for f in ready.files)
        except _AlreadyImported as e:
            report.skipped.append(e.args[0])
        except BundleRejected as e:
            report.rejected.append(Rejection(found.source.label, str(e)))
        except (Cancelled, SQLAlchemyError):
            raise
        except Exception as e:
            if is_disk_full(e):  # not this bundle's fault: stopped and said as a full disk
                raise
            log.warning("importing %s failed", found.source.label, exc_info=True)
            report.rejected.append(
                Rejection(found.source.label, f"{found.source.label} {unexpected_problem(e)}")
            )
        finally:
            found.close()
            self._report(found.source.label)
        if (
            len(self._batch) >= BATCH_BUNDLES
            or self._batch_bytes >= BATCH_BYTES
            or time.monotonic() - self._batch_started >= self._batch_seconds
        ):
            too_big = (
                len(self._batch) >= WAIT_FACTOR * BATCH_BUNDLES
                or self._batch_bytes >= WAIT_FACTOR * BATCH_BYTES
            )
            if too_big:
                self._await(self._batch)
            self._flush(report, wait=too_big)

    def _prepare(self, candidate: Candidate) -> ReadyBundle:
        """Plans and stages one bundle; nothing of it is saved yet."""
        source = candidate.source
        if candidate.planner is not None:
            plan = candidate.planner(source)
        else:
            plan = plan_bundle(source, candidate.shape)
        self._items_total += len(plan.items)
        if plan.shape == "manifest":
            self._check_existing(plan, source, plan.digest({}))
        with ExitStack() as cleanup:
            items = self._stage_all(source, plan, cleanup)
            hashes = {s.planned.path or "": s.staged.sha256 for s in items if s.staged}
            digest = plan.digest(hashes)
            if plan.shape != "manifest":  # known by its content only once staged
                self._check_existing(plan, source, digest)
            self.cancel.check()
            cleanup.pop_all()  # the batch owns the staged files from here on
        return ReadyBundle(plan, items, digest, source.label)

    def _await(self, batch: list[ReadyBundle]) -> None:
        """Waits for the batch's checks and derivations, ready to stop for a cancel:
        a file whose reader is slow must not hold the person's cancel for minutes."""
        while True:
            self._progressed.clear()
            if all(ready.done() for ready in batch):
                return
            self.cancel.check()
            self._progressed.wait(0.05)

    def _drain(self, report: ImportReport) -> None:
        """Every file streamed in: hands the leading derived bundles to the save thread
        while the rest are derived, so that bundles done early are not saved only with
        the last one. What the import still waits for once the last file is derived is
        then a save of the bundles derived since the save before it (at most
        DRAIN_SECONDS' worth), not of every bundle since the last batch (on the bench's
        set 0.08 to 0.15 s). A save waits DRAIN_SECONDS after the one before, unless
        all are derived: a commit a bundle took processor time the derive workers
        needed, and made the last derivation later."""
        while self._batch:
            self._progressed.clear()
            self._reap()
            if not self._saving and self._batch[0].done():
                waited = time.monotonic() - self._batch_started
                if waited >= DRAIN_SECONDS or all(ready.done() for ready in self._batch):
                    self._flush(report, wait=False)
                    continue
            self.cancel.check()
            self._progressed.wait(0.05)

    def _flush(self, report: ImportReport, *, wait: bool) -> None:
        """Hands the bundles staged so far (without `wait`, the leading ones whose checks
        and derivations are done) to the save thread: their files and rows in one commit.

        Batching spares a durable commit (an fsync) per bundle; each bundle is still
        whole or absent, since a batch holds only bundles that passed every check.
        """
        ready_count = len(self._batch)
        if not wait:
            ready_count = next(
                (n for n, ready in enumerate(self._batch) if not ready.done()), ready_count
            )
            if ready_count == 0:
                return  # the next bundle looks again
        batch, self._batch = self._batch[:ready_count], self._batch[ready_count:]
        self._batch_bytes = sum(f.size for ready in self._batch for f in ready.files)
        self._batch_started = time.monotonic()
        good = []
        for ready in batch:
            rejection = ready.resolve()
            if rejection is None:
                good.append(ready)
            else:
                report.rejected.append(Rejection(ready.label, str(rejection)))
                self._discard([ready])
        if not good:
            return
        self._reap()
        saving = self._saver.submit(self._save, good, report)
        saving.add_done_callback(self._on_progress)
        self._saving.append((good, saving))

    def _on_progress(self, _done: futures.Future[Any]) -> None:
        self._progressed.set()

    def _reap(self) -> None:
        """Forgets the saves that have finished; raises what one of them raised (a full
        disk), so that the import stops at once."""
        while self._saving and self._saving[0][1].done():
            _, saved = self._saving.pop(0)
            saved.result()

    def _finish_saves(self, *, quietly: bool = False) -> None:
        """Waits for every save; raises what the first that failed raised, unless
        `quietly` (an import already stopping for another reason)."""
        saving, self._saving = self._saving, []
        futures.wait([saved for _, saved in saving])
        for _, saved in saving:
            if saved.exception() is not None and not quietly:
                saved.result()

    def _save(self, good: list[ReadyBundle], report: ImportReport) -> None:
        """On the save thread, while the next files stream in: a batch's files and rows
        (and its thumbnails) in one commit. Saves run one at a time, in order."""
        thumbnails: list[StagedFile] = []
        try:
            thumbnails = self._stage_thumbnails(good)
            self.folder.commit_files(
                [f for ready in good for f in ready.files] + thumbnails,
                lambda session: record_batch(session, good),
            )
        except (SQLAlchemyError, OSError) as e:
            for thumb in thumbnails:
                self.folder.store.discard(thumb)
            if is_disk_full(e):
                self._discard(good)
                raise
            # The driver's words, not SQLAlchemy's dump of the statement and its values.
            reason = getattr(e, "strerror", None) or str(getattr(e, "orig", None) or e)
            why = translate(
                "BundleImport", "{bundle} could not be saved ({problem}); nothing of it was kept"
            )
            report.rejected += [
                Rejection(r.label, why.format(bundle=r.label, problem=reason)) for r in good
            ]
            self._discard(good)
        else:
            report.imported += [r.result() for r in good]

    def _stage_thumbnails(self, bundles: list[ReadyBundle]) -> list[StagedFile]:
        """The batch's thumbnails in the temporary area, synced (in parallel)."""
        wanted: dict[bytes, None] = {}
        for ready in bundles:
            for item in ready.items:
                derived = item.derived if item.staged is not None else None
                if derived is not None and derived.thumbnail is not None:
                    wanted[derived.thumbnail] = None
        staged: list[StagedFile] = []
        try:
            for done in self._checker.map(self.folder.store.stage_bytes, wanted):
                staged.append(done)
        except BaseException:
            for thumb in staged:
                self.folder.store.discard(thumb)
            raise
        return staged

    def _discard(self, bundles: list[ReadyBundle]) -> None:
        for ready in bundles:
            for item in ready.items:
                if item.check is not None:
                    futures.wait([item.check])
                    checked = None if item.check.exception() else item.check.result()
                    derived = checked.derived if checked is not None else None
                    if isinstance(derived, futures.Future) and not derived.cancel():
                        futures.wait([derived])  # never delete a file a reader has open
            for f in ready.files:
                self.folder.store.discard(f)  # a no-op for a file already in the store

    def _check_existing(self, plan: SubmissionPlan, source: Source, digest: str) -> None:
        known = self._pending(plan.submission_id) or self._lookup(plan.submission_id)
        if known is None:
            return
        if known[0] == digest:
            raise _AlreadyImported(
                BundleResult(
                    plan.submission_id,
                    source.label,
                    plan.earner_name,
                    plan.credential_uri,
                    plan.attempt,
                    len(plan.items),
                    [translate("BundleImport", "already imported")],
                )
            )
        raise source.reject(
            translate(
                "BundleImport",
                "conflicts with submission {submission}, already imported from {source} with "
                "different content; nothing was changed",
            ).format(submission=repr(plan.submission_id), source=known[1])
        )

    def _pending(self, submission_id: str) -> tuple[str, str] | None:
        for _, saved in [(b, f) for b, f in self._saving if _holds(b, submission_id)]:
            futures.wait([saved])  # saved, or refused: the database says which, below
        for ready in self._batch:
            if ready.plan.submission_id == submission_id and ready.resolve() is None:
                return ready.digest, ready.label
        return None

    def _lookup(self, submission_id: str) -> tuple[str, str] | None:
        """(digest, source) of an imported submission: a Core query on one connection,
        since a session per bundle costs more than the query itself."""
        conn: Connection = self._reader
        try:
            row = conn.execute(_LOOKUP, {"sid": submission_id}).first()
        finally:
            conn.rollback()  # end the read, so later batches' commits are seen
        return (row[0], row[1]) if row else None

    def _stage_all(
        self, source: Source, plan: SubmissionPlan, cleanup: ExitStack
    ) -> list[StagedItem]:
        by_path: dict[str, StagedItem] = {}
        out = []
        for planned in plan.items:
            self.cancel.check()
            if planned.kind == "file":
                assert planned.path is not None
                first = by_path.get(planned.path)
                if first is None:
                    first = by_path[planned.path] = self._stage_file(source, planned, cleanup)
                out.append(StagedItem(planned, first.staged, first.check))
            else:
                out.append(StagedItem(planned))
            self._items_done += 1
        return out

    def _stage_file(self, source: Source, planned: PlannedItem, cleanup: ExitStack) -> StagedItem:
        path = planned.path
        assert path is not None
        store = self.folder.store
        try:
            with source.open(path) as stream:
                staged = store.stage(
                    stream, limit=self.limits.max_file_bytes, on_bytes=self._on_bytes, sync=False
                )
        except SizeLimitExceeded:
            raise source.reject(
                translate(
                    "BundleImport", "is larger than the limit of {limit} bytes for one file"
                ).format(limit=f"{self.limits.max_file_bytes:,}"),
                path,
            ) from None
        except READ_ERRORS as e:
            raise source.reject(
                translate(
                    "BundleImport", "cannot be extracted: its zip entry is damaged ({problem})"
                ).format(problem=str(e)[:200]),
                path,
            ) from None
        except OSError as e:
            if is_disk_full(e):
                raise  # not the bundle's fault: the import stops and says so
            raise source.reject(
                translate("BundleImport", "cannot be read ({problem})").format(
                    problem=e.strerror or e
                ),
                path,
            ) from None
        check = self._checker.submit(self._check_file, staged, planned)
        check.add_done_callback(self._on_progress)
        cleanup.callback(store.discard, staged)
        cleanup.callback(futures.wait, [check])  # runs first: never delete under a check
        expected = source.entries()[path].size
        if staged.size != expected:
            raise source.reject(
                translate(
                    "BundleImport", "holds {size} bytes but the bundle declares {declared}"
                ).format(size=f"{staged.size:,}", declared=f"{expected:,}"),
                path,
            )
        if planned.sha256 is not None and planned.sha256 != staged.sha256:
            raise source.reject(
                translate(
                    "BundleImport",
                    "does not match its hash in manifest.json (expected {expected}, found "
                    "{found}): the file is damaged or was changed",
                ).format(expected=planned.sha256, found=staged.sha256),
                path,
            )
        return StagedItem(planned, staged, check)

    def _disk_full(self) -> UserError:
        """Room for what is left of this import, roughly."""
        return disk_full(self.folder.root, self._bytes_total - self._bytes_done)

    def _check_file(self, staged: StagedFile, planned: PlannedItem) -> Checked:
        """On a worker: force the bytes to disk, read what the file is, and (extraction
        on) derive its text or thumbnail, or hand that to a worker process."""
        self.folder.store.sync(staged)
        found = inspect_file(staged.path, planned.media_type, planned.path or "", self.limits)
        return Checked(found, self._derive(staged, found) if self.extract else None)

    def _derive(self, staged: StagedFile, found: Inspection) -> futures.Future[Derived] | Derived:
        if kind_of(found.media_type) == "none":
            return Derived(status="none")
        if self._pool is None:
            return derive_file(staged.path, found.media_type, self.limits)
        derived = self._pool.submit(staged.path, found.media_type)
        derived.add_done_callback(self._on_progress)
        return derived

    def _on_bytes(self, n: int) -> None:
        self._bytes_done += n
        self.cancel.check()
        self._report(self._current)

    def _report(self, current: str) -> None:
        if self.progress is not None:
            self.progress(
                ProgressReport(
                    self._items_done,
                    self._items_total,
                    self._bytes_done,
                    max(self._bytes_total, self._bytes_done),
                    current,
                )
            )


def _holds(batch: list[ReadyBundle], submission_id: str) -> bool:
    return any(ready.plan.submission_id == submission_id for ready in batch)


def _size_on_disk(path: Path) -> int:
    try:
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    except OSError:
        return 0

"""Imports evidence bundles: each one whole, or not at all.

For each bundle: plan it (manifest or file names), stream every file into the store's
temporary area while hashing and checking it, and only when all of it is good, move the
files into place and record the submission in one transaction (see
`DataFolder.commit_files`). A rejected or cancelled bundle leaves nothing behind.
"""

from __future__ import annotations

import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.errors import Cancelled
from reviewer_app.evidence.inspect import inspect_file, normalize_media_type
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.plan import PlannedItem, SubmissionPlan, plan_bundle
from reviewer_app.evidence.readers import Inspection, InvalidEvidence
from reviewer_app.evidence.search import index_text
from reviewer_app.evidence.shapes import Candidate, open_bundles
from reviewer_app.evidence.sources import BundleRejected, Source
from reviewer_app.progress import CancelToken, Progress, ProgressReport
from reviewer_app.storage.blobstore import SizeLimitExceeded, StagedFile
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Earner, EvidenceItem, Submission


@dataclass
class BundleResult:
    submission_id: str
    source: str
    earner: str
    credential_id: str | None
    attempt: int
    items: int
    warnings: list[str] = field(default_factory=list)


@dataclass
class Rejection:
    path: str
    error: str


@dataclass
class ImportReport:
    imported: list[BundleResult] = field(default_factory=list)
    skipped: list[BundleResult] = field(default_factory=list)
    rejected: list[Rejection] = field(default_factory=list)
    cancelled: bool = False


class _AlreadyImported(Exception):
    pass


@dataclass
class _StagedItem:
    planned: PlannedItem
    staged: StagedFile | None = None
    inspection: Inspection | None = None


class Importer:
    def __init__(
        self,
        folder: DataFolder,
        limits: ImportLimits | None = None,
        progress: Progress | None = None,
        cancel: CancelToken | None = None,
    ) -> None:
        self.folder = folder
        self.limits = limits or ImportLimits()
        self.progress = progress
        self.cancel = cancel or CancelToken()
        self._bytes_done = 0
        self._bytes_total = 0
        self._items_done = 0
        self._items_total = 0
        self._current = ""

    def import_paths(self, paths: Sequence[Path]) -> ImportReport:
        """Imports every bundle found at `paths`; returns what happened to each."""
        report = ImportReport()
        self._bytes_total = sum(_size_on_disk(p) for p in paths)
        with self.folder.write_lock(), self._scratch() as scratch:
            try:
                for path in paths:
                    for found in open_bundles(path, self.limits, scratch):
                        self._import_one(found, report)
            except Cancelled:
                report.cancelled = True
        self._report("done")
        return report

    @contextmanager
    def _scratch(self) -> Iterator[Path]:
        with tempfile.TemporaryDirectory(dir=self.folder.store.tmp) as name:
            yield Path(name)

    def _import_one(self, found: Candidate | BundleRejected, report: ImportReport) -> None:
        if isinstance(found, BundleRejected):
            report.rejected.append(Rejection(found.bundle, str(found)))
            return
        try:
            self._current = found.source.label
            self._report(found.source.label)
            result = self._import_candidate(found)
            report.imported.append(result)
        except _AlreadyImported as e:
            result = e.args[0]
            report.skipped.append(result)
        except BundleRejected as e:
            report.rejected.append(Rejection(found.source.label, str(e)))
        finally:
            found.close()
            self._report(found.source.label)

    def _import_candidate(self, candidate: Candidate) -> BundleResult:
        source = candidate.source
        plan = plan_bundle(source, candidate.shape)
        self._items_total += len(plan.items)
        if plan.shape == "manifest":
            self._check_existing(plan, source, plan.digest({}))
        with ExitStack() as cleanup:
            staged = self._stage_all(source, plan, cleanup)
            hashes = {s.planned.path or "": s.staged.sha256 for s in staged if s.staged}
            digest = plan.digest(hashes)
            if plan.shape == "loose":
                self._check_existing(plan, source, digest)
            self.cancel.check()
            files = [s.staged for s in staged if s.staged is not None]
            self.folder.commit_files(
                files, lambda session: _record(session, plan, staged, digest, source.label)
            )
            cleanup.pop_all()  # committed: the staged files have moved into the store
        warnings = plan.warnings + [
            f"{s.planned.path}: {w}" for s in staged if s.inspection for w in s.inspection.warnings
        ]
        return _result(plan, source, warnings)

    def _check_existing(self, plan: SubmissionPlan, source: Source, digest: str) -> None:
        with self.folder.sessions() as session:
            existing = session.scalar(
                select(Submission).where(Submission.submission_id == plan.submission_id)
            )
            if existing is None:
                return
            if existing.content_digest == digest:
                raise _AlreadyImported(_result(plan, source, ["already imported"]))
            raise source.reject(
                f"conflicts with submission {plan.submission_id!r}, already imported from "
                f"{existing.source_name} with different content; nothing was changed"
            )

    def _stage_all(
        self, source: Source, plan: SubmissionPlan, cleanup: ExitStack
    ) -> list[_StagedItem]:
        by_path: dict[str, _StagedItem] = {}
        out = []
        for planned in plan.items:
            self.cancel.check()
            if planned.kind == "text":
                out.append(_StagedItem(planned))
                self._items_done += 1
                continue
            assert planned.path is not None
            previous = by_path.get(planned.path)
            if previous is None:
                previous = self._stage_file(source, planned, cleanup)
                by_path[planned.path] = previous
            out.append(_StagedItem(planned, previous.staged, previous.inspection))
            self._items_done += 1
        return out

    def _stage_file(self, source: Source, planned: PlannedItem, cleanup: ExitStack) -> _StagedItem:
        path = planned.path
        assert path is not None
        store = self.folder.store
        try:
            with source.open(path) as stream:
                staged = store.stage(
                    stream, limit=self.limits.max_file_bytes, on_bytes=self._on_bytes
                )
        except SizeLimitExceeded:
            raise source.reject(
                f"is larger than the limit of {self.limits.max_file_bytes:,} bytes for one file",
                path,
            ) from None
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError) as e:
            raise source.reject(
                f"cannot be extracted: the zip entry is damaged ({e})", path
            ) from None
        except OSError as e:
            raise source.reject(f"cannot be read ({e.strerror or e})", path) from None
        cleanup.callback(store.discard, staged)
        expected = source.entries()[path].size
        if staged.size != expected:
            raise source.reject(
                f"holds {staged.size:,} bytes but the bundle declares {expected:,}", path
            )
        if planned.sha256 is not None and planned.sha256 != staged.sha256:
            raise source.reject(
                f"does not match its hash in manifest.json (expected {planned.sha256}, "
                f"found {staged.sha256}): the file is damaged or was changed",
                path,
            )
        try:
            inspection = inspect_file(staged.path, planned.media_type, path, self.limits)
        except InvalidEvidence as e:
            raise source.reject(str(e), path) from None
        return _StagedItem(planned, staged, inspection)

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


def _size_on_disk(path: Path) -> int:
    try:
        if path.is_file():
            return path.stat().st_size
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    except OSError:
        return 0


def _result(plan: SubmissionPlan, source: Source, warnings: list[str]) -> BundleResult:
    return BundleResult(
        submission_id=plan.submission_id,
        source=source.label,
        earner=plan.earner_name,
        credential_id=plan.credential_uri,
        attempt=plan.attempt,
        items=len(plan.items),
        warnings=warnings,
    )


def _record(
    session: Session,
    plan: SubmissionPlan,
    staged: list[_StagedItem],
    digest: str,
    source_label: str,
) -> None:
    earner = session.scalar(select(Earner).where(Earner.external_id == plan.earner_id))
    if earner is None:
        earner = Earner(external_id=plan.earner_id, name=plan.earner_name, email=plan.earner_email)
        session.add(earner)
    item_warnings: list[str] = []
    submission = Submission(
        submission_id=plan.submission_id,
        earner=earner,
        credential_uri=plan.credential_uri,
        credential_name=plan.credential_name,
        attempt=plan.attempt,
        submitted_at=plan.submitted_at,
        notes=plan.notes,
        shape=plan.shape,
        source_name=source_label,
        content_digest=digest,
    )
    for s in staged:
        item = _item(s)
        item_warnings += [f"{s.planned.path}: {w}" for w in item.warnings]
        submission.items.append(item)
    submission.warnings = plan.warnings + item_warnings
    session.add(submission)
    session.flush()
    for item in submission.items:
        if item.kind == "text" and item.text:
            index_text(session, item.id, None, item.text)


def _item(s: _StagedItem) -> EvidenceItem:
    p = s.planned
    item = EvidenceItem(
        position=p.position,
        kind=p.kind,
        part=p.part,
        title=p.title,
        description=p.description,
        path=p.path,
        text=p.text,
        declared_media_type=normalize_media_type(p.media_type),
        warnings=[],
    )
    if p.kind == "text":
        item.media_type = "text/plain"
        item.derive_status = "done"  # indexed as it is recorded
        return item
    assert s.staged is not None and s.inspection is not None
    info = s.inspection
    item.blob_sha256 = s.staged.sha256
    item.size = s.staged.size
    item.media_type = info.media_type
    item.page_count = info.page_count
    item.width, item.height = info.width, info.height
    item.exif_orientation = info.exif_orientation
    item.frame_count = info.frame_count
    item.warnings = list(info.warnings)
    return item

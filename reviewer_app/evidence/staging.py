"""Bundles on their way in: files staged in the store's temporary area, checked in the
background, waiting in a batch to be saved."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from dataclasses import dataclass, field

from reviewer_app.evidence.plan import PlannedItem, SubmissionPlan
from reviewer_app.evidence.readers import Inspection, InvalidEvidence
from reviewer_app.evidence.report import BundleResult
from reviewer_app.evidence.sources import BundleRejected
from reviewer_app.storage.blobstore import StagedFile
from reviewer_app.storage.diskspace import is_disk_full
from reviewer_app.wording import translate

log = logging.getLogger(__name__)


def unexpected_problem(error: BaseException) -> str:
    """Words for a failure no check foresaw; the traceback goes to the log."""
    detail = str(error).strip()[:200]
    return translate(
        "BundleImport", "could not be read ({problem}); nothing of it was kept"
    ).format(problem=f"{type(error).__name__}: {detail}" if detail else type(error).__name__)


@dataclass
class StagedItem:
    planned: PlannedItem
    staged: StagedFile | None = None
    # Syncing a file to disk and reading what it is run on a worker thread while the
    # next file streams in; the result is a file's Inspection or its InvalidEvidence.
    check: Future[Inspection] | None = None

    @property
    def inspection(self) -> Inspection | None:
        return self.check.result() if self.check is not None else None


@dataclass
class ReadyBundle:
    """A bundle whose every file is staged and whose manifest and hashes are good."""

    plan: SubmissionPlan
    items: list[StagedItem]
    digest: str
    label: str
    _outcome: BundleRejected | None = field(default=None, init=False)
    _resolved: bool = field(default=False, init=False)

    @property
    def files(self) -> list[StagedFile]:
        return [s.staged for s in self.items if s.staged is not None]

    def resolve(self) -> BundleRejected | None:
        """Waits for the background checks; the rejection they call for, if any."""
        if not self._resolved:
            self._resolved = True
            for item in self.items:
                try:
                    item.inspection  # noqa: B018 - waits, and raises what the check found
                except InvalidEvidence as e:
                    self._outcome = BundleRejected(self.label, str(e), item.planned.path)
                    break
                except OSError as e:
                    if is_disk_full(e):
                        raise  # not the bundle's fault: the import stops and says so
                    why = translate(
                        "BundleImport", "could not be written to the store ({problem})"
                    ).format(problem=e.strerror or e)
                    self._outcome = BundleRejected(self.label, why, item.planned.path)
                    break
                except Exception as e:
                    log.warning("checking %s failed", self.label, exc_info=True)
                    self._outcome = BundleRejected(
                        self.label, unexpected_problem(e), item.planned.path
                    )
                    break
        return self._outcome

    def item_warnings(self) -> list[str]:
        return [
            f"{item.planned.path}: {warning}"
            for item in self.items
            if item.inspection is not None
            for warning in item.inspection.warnings
        ]

    def result(self) -> BundleResult:
        """For a bundle that resolved without a rejection."""
        plan = self.plan
        warnings = plan.warnings + [
            f"{s.planned.path}: {w}"
            for s in self.items
            if s.inspection
            for w in s.inspection.warnings
        ]
        return BundleResult(
            submission_id=plan.submission_id,
            source=self.label,
            earner=plan.earner_name,
            credential_id=plan.credential_uri,
            attempt=plan.attempt,
            items=len(plan.items),
            warnings=warnings,
        )

"""Bundles on their way in: files staged in the store's temporary area, checked (and,
with extraction on, derived) in the background, waiting in a batch to be saved."""

from __future__ import annotations

import logging
from concurrent.futures import Future
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reviewer_app.evidence.plan import PlannedItem, SubmissionPlan
from reviewer_app.evidence.readers import Inspection, InvalidEvidence
from reviewer_app.evidence.report import BundleResult
from reviewer_app.evidence.sources import BundleRejected
from reviewer_app.storage.blobstore import StagedFile
from reviewer_app.storage.diskspace import is_disk_full
from reviewer_app.wording import translate

if TYPE_CHECKING:
    from reviewer_app.evidence.derive_work import Derived

log = logging.getLogger(__name__)


def unexpected_problem(error: BaseException) -> str:
    """Words for a failure no check foresaw; the traceback goes to the log."""
    detail = str(error).strip()[:200]
    return translate(
        "BundleImport", "could not be read ({problem}); nothing of it was kept"
    ).format(problem=f"{type(error).__name__}: {detail}" if detail else type(error).__name__)


@dataclass
class Checked:
    """What a file's background check found, and (extraction on) what it derives:
    made on the check's thread for a small import, else a worker process's Future."""

    inspection: Inspection
    derived: Future[Derived] | Derived | None = None

    def derived_done(self) -> bool:
        return not isinstance(self.derived, Future) or self.derived.done()

    def derived_result(self) -> Derived | None:
        """The derived result once there is one; None if none was asked for, or the
        import was cancelled first (the item is then left for later)."""
        found = self.derived
        if not isinstance(found, Future):
            return found
        if found.cancelled() or found.exception() is not None:
            return None
        return found.result()


@dataclass
class StagedItem:
    planned: PlannedItem
    staged: StagedFile | None = None
    # Syncing a file to disk and reading what it is run on a worker thread while the
    # next file streams in; the result is the file's Checked, or its InvalidEvidence.
    check: Future[Checked] | None = None

    @property
    def inspection(self) -> Inspection | None:
        return self.check.result().inspection if self.check is not None else None

    @property
    def checked(self) -> Checked | None:
        return self.check.result() if self.check is not None else None

    def done(self) -> bool:
        """Whether its check, and what it derives, are finished."""
        if self.check is None:
            return True
        if not self.check.done():
            return False
        return self.check.exception() is not None or self.check.result().derived_done()

    @property
    def derived(self) -> Derived | None:
        checked = self.checked
        return checked.derived_result() if checked is not None else None


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

    def done(self) -> bool:
        return all(item.done() for item in self.items)

    def item_warnings(self) -> list[str]:
        """Each file's warnings, named: its checks', then what deriving it found."""
        out = []
        for item in self.items:
            if item.inspection is None:
                continue
            derived = item.derived
            found = [*item.inspection.warnings, *(derived.warnings if derived else [])]
            out += [f"{item.planned.path}: {warning}" for warning in found]
        return out

    def result(self) -> BundleResult:
        """For a bundle that resolved without a rejection."""
        plan = self.plan
        warnings = plan.warnings + self.item_warnings()
        return BundleResult(
            submission_id=plan.submission_id,
            source=self.label,
            earner=plan.earner_name,
            credential_id=plan.credential_uri,
            attempt=plan.attempt,
            items=len(plan.items),
            warnings=warnings,
        )

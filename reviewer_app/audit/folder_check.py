"""`reviewer-app check` as a whole: the store's check (every stored file whole, the
database and store agreeing) with the audit trail's part, a decision that contradicts
its stored levels.

The decisions are read as `audit verify` reads them (`replay.decision_contradictions`).
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy.orm import Session

from reviewer_app.audit.replay import decision_contradictions
from reviewer_app.progress import CancelToken, Progress
from reviewer_app.storage import check
from reviewer_app.storage.check import Problem
from reviewer_app.storage.datafolder import DataFolder


def _decisions(session: Session) -> Iterator[Problem]:
    for submission_id, problem in decision_contradictions(session):
        yield Problem("decision", submission_id, problem)


def check_folder(
    folder: DataFolder, progress: Progress | None = None, cancel: CancelToken | None = None
) -> list[Problem]:
    return check.check_folder(folder, progress, cancel, more=_decisions)

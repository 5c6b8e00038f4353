"""The imported submissions as a list: who, for which micro-credential, which attempt,
where each stands. Reads only; plain values out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from reviewer_app.storage.models import Submission

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder


@dataclass(frozen=True)
class SubmissionLine:
    submission_id: str
    earner: str
    earner_email: str | None
    earner_conflict: bool  # this earner's submissions give different names or emails
    credential_id: str | None  # None for a loose bundle not yet assigned
    attempt: int
    status: str


def list_submissions(folder: DataFolder) -> list[SubmissionLine]:
    """Every submission, oldest first (then by id)."""
    with folder.read_sessions() as session:
        submissions = list(
            session.scalars(
                select(Submission)
                .options(joinedload(Submission.earner))
                .order_by(Submission.submitted_at, Submission.submission_id)
            )
        )
        # An earner id whose submissions give different names or emails is a conflict for
        # a person to settle: every one of those submissions says so.
        identities: dict[int, set[tuple[str, str | None]]] = {}
        for s in submissions:
            identities.setdefault(s.earner_id, set()).add(s.identity())
        return [
            SubmissionLine(
                submission_id=s.submission_id,
                earner=s.identity()[0],
                earner_email=s.identity()[1],
                earner_conflict=len(identities[s.earner_id]) > 1,
                credential_id=s.credential_uri,
                attempt=s.attempt,
                status=s.status,
            )
            for s in submissions
        ]

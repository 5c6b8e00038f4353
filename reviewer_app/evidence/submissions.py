"""The imported submissions as a list: who, for which micro-credential, which attempt,
where each stands. Reads only; plain values out."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, undefer_group

from reviewer_app.storage.folder_settings import earners_out_of_sight
from reviewer_app.storage.models import EARNER_GROUP, Submission

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
    """Every submission, oldest first (then by id). Where the earners' names are out of
    this login's sight (blind review on a team database), each stands as its code."""
    with folder.read_sessions() as session:
        if earners_out_of_sight(session):
            return _coded(session)
        submissions = list(
            session.scalars(
                select(Submission)
                .options(
                    undefer_group(EARNER_GROUP),
                    joinedload(Submission.earner).undefer_group(EARNER_GROUP),
                )
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


def _coded(session: Session) -> list[SubmissionLine]:
    from reviewer_app.reviews.blind import submission_code

    return [
        SubmissionLine(
            submission_id=submission_id,
            earner=submission_code(submission_id),
            earner_email=None,
            earner_conflict=False,
            credential_id=credential,
            attempt=attempt,
            status=status,
        )
        for submission_id, credential, attempt, status in session.execute(
            select(
                Submission.submission_id,
                Submission.credential_uri,
                Submission.attempt,
                Submission.status,
            ).order_by(Submission.submitted_at, Submission.submission_id)
        )
    ]

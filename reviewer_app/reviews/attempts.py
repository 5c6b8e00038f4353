"""What the rubric panel reads about a review's submission besides the review itself:
whether it is a resubmission (and what the earner was told the time before).

The banner's sentence is one short read, made in one query rather than through
`reviewer_app.reviews.feedback.earlier_attempts`, whose module brings the feedback
letters (a quarter of a second to load); the earlier attempts in full are read (through
`earlier_attempts_of`) when the reviewer opens them. Both take the same attempts: the
same earner's earlier ones at the same micro-credential, with the feedback of the review
their decision stands on. Database failures come out as `DatabaseUnavailable`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from reviewer_app.storage.failures import database_errors
from reviewer_app.storage.models import Decision, Review, Submission

if TYPE_CHECKING:
    from reviewer_app.reviews.feedback import EarlierAttempt
    from reviewer_app.storage.datafolder import DataFolder


@dataclass(frozen=True)
class Resubmission:
    attempt: int
    earlier: int  # how many earlier attempts the data folder holds
    feedback: str  # the latest earlier overall feedback ("" if none)


def resubmission_of(folder: DataFolder, submission_pk: int) -> Resubmission | None:
    """None for a first attempt."""
    with database_errors(), folder.read_sessions() as session:
        current = session.execute(
            select(Submission.attempt, Submission.earner_id, Submission.credential_uri).where(
                Submission.id == submission_pk
            )
        ).one_or_none()
        if current is None or current.attempt < 2:
            return None
        if current.credential_uri is None:
            return Resubmission(current.attempt, 0, "")
        rows = session.execute(
            select(Submission.attempt, Review.feedback)
            .outerjoin(Decision, Decision.submission_id == Submission.id)
            .outerjoin(Review, Review.id == Decision.review_id)
            .where(
                Submission.earner_id == current.earner_id,
                Submission.credential_uri == current.credential_uri,
                Submission.attempt < current.attempt,
            )
            .order_by(Submission.attempt)
        ).all()
    told = [feedback for _attempt, feedback in rows if feedback and feedback.strip()]
    return Resubmission(current.attempt, len(rows), told[-1] if told else "")


def earlier_attempts_of(folder: DataFolder, submission_id: str) -> list[EarlierAttempt]:
    """The earner's earlier attempts in full, oldest first (for the dialog)."""
    from reviewer_app.reviews.feedback import earlier_attempts

    with database_errors(), folder.read_sessions() as session:
        return earlier_attempts(session, submission_id)

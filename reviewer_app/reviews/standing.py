"""Where a submission stands after a review: its status, and its decision once one
stands (or how many more submitted reviews it waits for). Reads only."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from reviewer_app.reviews.moderation import required_reviews
from reviewer_app.storage.failures import database_errors
from reviewer_app.storage.models import Decision, Review, Submission
from reviewer_app.vocabulary import Outcome

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder


@dataclass(frozen=True)
class Standing:
    decision: Outcome | None  # None until a decision stands
    status: str
    awaiting_reviews: int  # submitted reviews still needed before a decision can stand


def status_of(folder: DataFolder, submission_pk: int) -> str | None:
    """The submission's status as it stands now (after a submit: decided, waiting for
    another reviewer, or for a lead); None if there is no such submission."""
    with database_errors(), folder.read_sessions() as session:
        return session.scalar(select(Submission.status).where(Submission.id == submission_pk))


def standing_of(folder: DataFolder, submission_pk: int) -> Standing:
    with folder.read_sessions() as session:
        submission = session.get_one(Submission, submission_pk)
        decision = session.scalar(
            select(Decision.outcome).where(Decision.submission_id == submission_pk)
        )
        submitted = session.scalar(
            select(func.count(Review.id)).where(
                Review.submission_id == submission_pk, Review.submitted_at.is_not(None)
            )
        )
        needed = required_reviews(session, submission.credential_uri)
        return Standing(
            decision=decision,
            status=submission.status,
            awaiting_reviews=max(0, needed - (submitted or 0)) if decision is None else 0,
        )

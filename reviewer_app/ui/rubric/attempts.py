"""What the panel reads about a review's submission, besides the review itself: whether
it is a resubmission (and what the earner was told the time before), and its status
once a review is submitted.

Each is one short read of the data folder, on the GUI thread like the panel's saves
(see `reviewer_app.ui.rubric.panel`): a fraction of a millisecond. The banner's
sentence is read here in one query rather than through
`reviewer_app.reviews.feedback.earlier_attempts`, whose module brings the feedback
letters (a quarter of a second to load): the earlier attempts in full are read when
the reviewer opens them. Both take the same attempts: the same earner's earlier ones
at the same micro-credential, with the feedback of the review their decision stands on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from reviewer_app.storage.models import Decision, Review, Submission

if TYPE_CHECKING:
    from reviewer_app.reviews.feedback import EarlierAttempt
    from reviewer_app.reviews.service import ReviewSession

FEEDBACK_CHARS = 240  # earlier feedback longer than this is cut short in the banner


@dataclass(frozen=True)
class Resubmission:
    attempt: int
    earlier: int  # how many earlier attempts the data folder holds
    feedback: str  # the latest earlier overall feedback ("" if none)


def resubmission_of(review: ReviewSession) -> Resubmission | None:
    """None for a first attempt."""
    with review.folder.read_sessions() as session:
        current = session.execute(
            select(Submission.attempt, Submission.earner_id, Submission.credential_uri).where(
                Submission.id == review.submission_pk
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


def earlier_attempts_of(review: ReviewSession) -> list[EarlierAttempt]:
    """The earner's earlier attempts in full, oldest first (for the dialog)."""
    from reviewer_app.reviews.feedback import earlier_attempts

    with review.folder.read_sessions() as session:
        return earlier_attempts(session, review.submission_id)


def status_of(review: ReviewSession) -> str | None:
    """The submission's status as it stands now (after a submit: decided, waiting for
    another reviewer, or for a lead)."""
    with review.folder.read_sessions() as session:
        return session.scalar(
            select(Submission.status).where(Submission.id == review.submission_pk)
        )


def shortened(text: str, limit: int = FEEDBACK_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"

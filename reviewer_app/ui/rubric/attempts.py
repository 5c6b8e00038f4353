"""What the panel reads about a review's submission, besides the review itself: which
attempt it is (and, for a resubmission, the earlier attempts with their feedback), and
its status once a review is submitted.

Each is one short read of the data folder, on the GUI thread like the panel's saves
(see `reviewer_app.ui.rubric.panel`): the attempt number costs a fraction of a
millisecond, and only a resubmission goes on to read its earlier attempts. The module
behind those (with the feedback letters) is loaded the first time a resubmission is
shown, not when the window starts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select

from reviewer_app.storage.models import Submission

if TYPE_CHECKING:
    from reviewer_app.reviews.feedback import EarlierAttempt
    from reviewer_app.reviews.service import ReviewSession

FEEDBACK_CHARS = 240  # earlier feedback longer than this is cut short in the banner


def earlier_attempts_of(review: ReviewSession) -> tuple[int, list[EarlierAttempt]]:
    """The submission's attempt number, and its earlier attempts (oldest first; none for
    a first attempt)."""
    with review.folder.read_sessions() as session:
        attempt = session.scalar(
            select(Submission.attempt).where(Submission.id == review.submission_pk)
        )
        if attempt is None or attempt < 2:
            return attempt or 1, []
        from reviewer_app.reviews.feedback import earlier_attempts

        return attempt, earlier_attempts(session, review.submission_id)


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

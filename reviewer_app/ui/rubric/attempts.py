"""What the panel reads about a review's submission, besides the review itself: whether
it is a resubmission (and what the earner was told the time before), and its status
once a review is submitted.

Each is one short read of the data folder, on the GUI thread like the panel's saves
(see `reviewer_app.ui.rubric.panel`): a fraction of a millisecond. The reads are the
domain's (`reviewer_app.reviews.attempts`, `reviewer_app.reviews.standing`); a database
that cannot be read now raises `DatabaseUnavailable`. The earlier attempts in full are
read when the reviewer opens them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reviewer_app.reviews import attempts, standing
from reviewer_app.reviews.attempts import Resubmission

if TYPE_CHECKING:
    from reviewer_app.reviews.feedback import EarlierAttempt
    from reviewer_app.reviews.service import ReviewSession

__all__ = ["Resubmission", "earlier_attempts_of", "resubmission_of", "shortened", "status_of"]

FEEDBACK_CHARS = 240  # earlier feedback longer than this is cut short in the banner


def resubmission_of(review: ReviewSession) -> Resubmission | None:
    """None for a first attempt."""
    return attempts.resubmission_of(review.folder, review.submission_pk)


def earlier_attempts_of(review: ReviewSession) -> list[EarlierAttempt]:
    """The earner's earlier attempts in full, oldest first (for the dialog)."""
    return attempts.earlier_attempts_of(review.folder, review.submission_id)


def status_of(review: ReviewSession) -> str | None:
    """The submission's status as it stands now (after a submit: decided, waiting for
    another reviewer, or for a lead)."""
    return standing.status_of(review.folder, review.submission_pk)


def shortened(text: str, limit: int = FEEDBACK_CHARS) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"

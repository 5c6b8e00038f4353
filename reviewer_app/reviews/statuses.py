"""A submission's review status: now reviewer_app.vocabulary.Status. The names below stay
for code not yet moved to it; new code imports the vocabulary."""

from __future__ import annotations

from reviewer_app.vocabulary import STATUS_WORDS, Status

STATUSES: tuple[Status, ...] = tuple(Status)

__all__ = ["STATUSES", "STATUS_WORDS", "Status"]

"""What the queue is asked for and what each of its rows shows, in a module of its own:
the window shows the queue's first screen before the data layer (SQLAlchemy) is loaded
(reviewer_app/reviews/first_screen.py); reviewer_app/reviews/queue.py reads the rest."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reviewer_app.vocabulary import Status

SORT_KEYS = ("submitted", "submission", "earner", "credential", "attempt", "status")


@dataclass(frozen=True)
class QueueFilter:
    statuses: frozenset[Status] = frozenset()  # empty: all
    credential_uri: str | None = None
    attempt_min: int | None = None  # 2: resubmissions only
    reviewer: str | None = None  # submissions this reviewer has a review of
    submitted_from: dt.datetime | None = None
    submitted_to: dt.datetime | None = None
    search: str = ""  # full text over evidence, and submission id or earner name
    sort: str = "submitted"
    descending: bool = False


@dataclass(frozen=True)
class QueueRow:
    pk: int
    submission_id: str
    earner: str
    credential: str
    attempt: int
    status: Status
    submitted_at: dt.datetime | None
    warnings: int
    loose: bool = False  # its id came from a file name: perhaps the earner's name
    late: bool = False  # a learning platform said it came in late

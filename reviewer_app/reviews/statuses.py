"""A submission's review status, and how the window says it (in words, never colour)."""

from __future__ import annotations

STATUSES = ("unreviewed", "in-review", "adjudication", "pass", "not-yet")
STATUS_WORDS = {
    "unreviewed": "Not reviewed",
    "in-review": "In review",
    "adjudication": "Needs adjudication",
    "pass": "Pass",
    "not-yet": "Not Yet",
}

"""The submissions that came from a platform, found by their ids, with their decision and
the earner's letter: the one place the grade export reads the database.

The platform's importer keeps each submission's platform and the platform's id for the
student (migration 0016); a worksheet row is matched by that id, to the latest attempt.
When one download held several assignments the ids start with the assignment's name,
and `prefix` narrows the search to one of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select

from reviewer_app.errors import UserError
from reviewer_app.lms.grade_values import feedback_text
from reviewer_app.reviews.feedback import letter_for
from reviewer_app.storage.models import Decision, Submission
from reviewer_app.vocabulary import Outcome

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

# A later attempt's id is the first's with this after it (see reviewer_app/lms/plans.py).
_ATTEMPT = re.compile(r"-attempt-\d+$")


@dataclass(frozen=True)
class PlatformSubmission:
    submission_id: str
    platform_id: str | None  # the number a worksheet row carries; None: anonymous
    outcome: Outcome | None  # the standing decision; None: not decided yet


def platform_submissions(
    folder: DataFolder, platform: str, prefix: str | None = None
) -> list[PlatformSubmission]:
    """Every submission imported from `platform` ("moodle" or "canvas") here, the latest
    attempt of each (the one the platform's grade is for), in id order."""
    with folder.read_sessions() as session:
        rows = session.execute(
            select(
                Submission.submission_id,
                Submission.platform_id,
                Submission.attempt,
                Decision.outcome,
            )
            .outerjoin(Decision, Decision.submission_id == Submission.id)
            .where(Submission.platform == platform)
            .order_by(Submission.submission_id)
        ).all()
    latest: dict[str, tuple[int, PlatformSubmission]] = {}
    for submission_id, platform_id, attempt, outcome in rows:
        if prefix and not submission_id.startswith(prefix):
            continue
        anonymous = platform_id is None or platform_id.startswith("anon-")
        found = PlatformSubmission(submission_id, None if anonymous else platform_id, outcome)
        first = _ATTEMPT.sub("", submission_id)
        if first not in latest or latest[first][0] < attempt:
            latest[first] = (attempt, found)
    return sorted((found for _, found in latest.values()), key=lambda f: f.submission_id)


def letters_text(folder: DataFolder, submission_ids: list[str]) -> dict[str, str | Exception]:
    """Each submission's letter as feedback-cell text, or the `UserError` that says why
    there is none (a decision with no review behind it, say)."""
    out: dict[str, str | Exception] = {}
    with folder.read_sessions() as session:
        for submission_id in submission_ids:
            try:
                out[submission_id] = feedback_text(
                    letter_for(session, submission_id, objects=folder.store)
                )
            except UserError as error:
                out[submission_id] = error
    return out

"""The submissions that came from a platform, found by their ids, with their decision and
the earner's letter: the one place the grade export reads the database.

The platform's importer names submissions `moodle-<participantid>`, `canvas-<userid>`
and `canvas-anon-<id>`, with the assignment's name in front when one download held
several assignments; a worksheet row is matched by the id's ending, and `prefix`
narrows the search to one assignment.
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

# The platform's number at the end of the id, after the platform's word; what comes
# before (an assignment's name) is set off by anything but a letter or digit.
_ENDINGS = {
    "moodle": re.compile(r"(?:^|(?<=[^0-9A-Za-z]))moodle-(\d+)$"),
    "canvas": re.compile(r"(?:^|(?<=[^0-9A-Za-z]))canvas-(\d+)$"),
}
_ANONYMOUS = re.compile(r"(?:^|(?<=[^0-9A-Za-z]))canvas-anon-(\w+)$")


@dataclass(frozen=True)
class PlatformSubmission:
    submission_id: str
    platform_id: str | None  # the number a worksheet row carries; None: anonymous
    outcome: Outcome | None  # the standing decision; None: not decided yet


def platform_submissions(
    folder: DataFolder, platform: str, prefix: str | None = None
) -> list[PlatformSubmission]:
    """Every submission of `platform` ("moodle" or "canvas") here, in id order."""
    ending = _ENDINGS[platform]
    with folder.read_sessions() as session:
        rows = session.execute(
            select(Submission.submission_id, Decision.outcome)
            .outerjoin(Decision, Decision.submission_id == Submission.id)
            .where(Submission.submission_id.like(f"%{platform}-%"))
            .order_by(Submission.submission_id)
        ).all()
    found = []
    for submission_id, outcome in rows:
        if prefix and not submission_id.startswith(prefix):
            continue
        match = ending.search(submission_id)
        if match is not None:
            found.append(PlatformSubmission(submission_id, match.group(1), outcome))
        elif platform == "canvas" and _ANONYMOUS.search(submission_id):
            found.append(PlatformSubmission(submission_id, None, outcome))
    return found


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

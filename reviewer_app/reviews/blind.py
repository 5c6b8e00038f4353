"""Blind review: a code that stands for the earner wherever their name would show.

The code is derived from the submission id, so it is the same on every laptop and in
every export, and reveals nothing: a loose bundle's id is the earner's own name.
"""

from __future__ import annotations

import hashlib

from sqlalchemy import select

from reviewer_app.audit import trail
from reviewer_app.errors import UserError
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Submission
from reviewer_app.wording import translate


def submission_code(submission_id: str) -> str:
    digest = hashlib.sha256(submission_id.encode()).hexdigest()
    return f"S-{digest[:6].upper()}"


def reveal_earner(
    folder: DataFolder, submission_id: str, reviewer: str, reason: str
) -> tuple[str, str | None]:
    """The earner's name and email, for a reviewer who asks on purpose; the audit trail
    records who asked, when, and why."""
    if not reason.strip():
        raise UserError(
            translate("BlindReview", "Say why the earner's name is needed; it is recorded.")
        )
    with folder.sessions.begin() as session:
        submission = session.scalar(
            select(Submission).where(Submission.submission_id == submission_id)
        )
        if submission is None:
            raise UserError(
                translate("BlindReview", "There is no submission {submission!r}.").format(
                    submission=submission_id
                )
            )
        trail.record(
            session,
            actor=reviewer,
            action="blind.reveal",
            entity="submission",
            entity_id=submission_id,
            after={"reason": reason.strip()},
        )
        return submission.earner.name, submission.earner.email

"""Blind review: a code that stands for the earner wherever their name would show.

The code is derived from the submission id, so it is the same on every laptop and in
every export, and reveals nothing: a loose bundle's id is the earner's own name.
"""

from __future__ import annotations

from sqlalchemy import select

from reviewer_app.audit import trail
from reviewer_app.errors import UserError
from reviewer_app.reviews.codes import submission_code as submission_code  # read here too
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.folder_settings import BLIND_REVIEW
from reviewer_app.storage.models import Submission
from reviewer_app.wording import translate


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


def blind_review(folder: DataFolder) -> bool:
    with folder.read_sessions() as session:
        return BLIND_REVIEW.get(session)


def set_blind_review(folder: DataFolder, on: bool, actor: str) -> bool:
    """Turns blind review on or off for everyone who works in this folder or team
    database; returns whether it changed. On a team database the server follows the
    setting at once: while it is on, assessors' logins cannot read earners' names."""
    with folder.sessions.begin() as session:
        was = BLIND_REVIEW.get(session)
        if was == on:
            return False
        BLIND_REVIEW.set(session, on)
        trail.record(
            session,
            actor=actor,
            action="settings.blind_review",
            entity="folder_setting",
            entity_id=BLIND_REVIEW.key,
            before={"value": was},
            after={"value": on},
        )
    return True

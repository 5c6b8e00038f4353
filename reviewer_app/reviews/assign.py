"""Assigning a micro-credential to a submission, and correcting its earner's name.

A loose bundle arrives with no micro-credential and with the earner's name taken from a
file name; before it can be reviewed a person says which micro-credential it is for and,
where the file name was wrong, who the earner is. That is one write (BEGIN IMMEDIATE),
recorded in the audit trail with the submission's state.

What is allowed: any submission that nobody has started to review, loose or not (a
credential given by a manifest may be corrected too, before the first review). Once a
review is saved the rubric it is scored under is fixed: the assignment is refused, so
that scores never end up under another micro-credential's rubric.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload

from reviewer_app.audit import state, trail
from reviewer_app.errors import UserError
from reviewer_app.rubrics.queries import list_current
from reviewer_app.rubrics.short_ids import resolve_credential
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Decision, Review, Submission
from reviewer_app.wording import translate

ACTION = "submission.assign"
MAX_NAME = 400  # the width of submissions.earner_name
# A name is shown in lists and typed back: no control characters or bidi overrides.
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What the importer says of a loose bundle; it no longer holds once assigned.
_LOOSE_WARNING = "a loose bundle: check the earner's name and assign a micro-credential"


class AssignError(UserError):
    pass


@dataclass(frozen=True)
class Assignment:
    submission_id: str
    credential_id: str
    earner: str


@dataclass(frozen=True)
class AssignChoices:
    """What the assign dialog offers: the submission as it stands and the
    micro-credentials it may be assigned to."""

    submission_id: str  # "" when there is no such submission
    credential_uri: str | None
    earner: str  # the name as the submission gives it
    definitions: list[tuple[str, str]]  # (id, name) of each current definition, by name


def assign_choices(folder: DataFolder, submission_pk: int) -> AssignChoices:
    with folder.read_sessions() as session:
        row = session.get(Submission, submission_pk, options=[joinedload(Submission.earner)])
        definitions = [(d.achievement_uri, d.name) for d in list_current(session)]
        if row is None:
            return AssignChoices("", None, "", definitions)
        return AssignChoices(row.submission_id, row.credential_uri, row.identity()[0], definitions)


def assign_credential(
    folder: DataFolder,
    submission: int | str,
    credential: str,
    *,
    earner: str | None = None,
    actor: str,
) -> Assignment:
    """Assigns `credential` (a definition's id, or its short id) to `submission` (its
    row id, or its submission id) and, when `earner` is given, sets the earner's name."""
    name = _checked_name(earner) if earner is not None else None
    with folder.sessions.begin() as session:
        row = _submission(session, submission)
        credential_uri = resolve_credential(session, credential)
        _refuse_if_reviewed(session, row)
        old_name, email = row.identity()
        before = {"credential": row.credential_uri, "earner": old_name}
        definition = next(d for d in list_current(session) if d.achievement_uri == credential_uri)
        row.credential_uri = credential_uri
        row.credential_name = definition.name
        # identity() falls back to the earner's row while earner_name is unset: keep the
        # email it gave, so the submission's own pair stays whole.
        row.earner_name = name if name is not None else old_name
        row.earner_email = email
        loose_words = {_LOOSE_WARNING, translate("BundleImport", _LOOSE_WARNING)}
        row.warnings = [w for w in (row.warnings or []) if w not in loose_words]
        after = {"credential": credential_uri, "earner": row.earner_name}
        changes = [trail.Entry(actor, ACTION, "submission", row.submission_id, before, after)]
        state.note(session, row.id, actor, changes)
        return Assignment(row.submission_id, credential_uri, row.earner_name)


def _checked_name(earner: str) -> str:
    name = " ".join(earner.split())
    if not name:
        raise AssignError(translate("Assign", "The earner's name cannot be empty."))
    if _CONTROLS.search(name):
        raise AssignError(translate("Assign", "The earner's name cannot hold control characters."))
    if len(name) > MAX_NAME:
        raise AssignError(
            translate("Assign", "The earner's name is longer than {limit} characters.").format(
                limit=MAX_NAME
            )
        )
    return name


def _submission(session: Session, submission: int | str) -> Submission:
    query = select(Submission).options(joinedload(Submission.earner))
    if isinstance(submission, int):
        row = session.scalar(query.where(Submission.id == submission))
    else:
        row = session.scalar(query.where(Submission.submission_id == submission))
    if row is None:
        raise AssignError(
            translate(
                "Assign",
                "There is no submission {submission!r} here; 'reviewer-app submissions' "
                "lists them.",
            ).format(submission=str(submission))
        )
    return row


def _refuse_if_reviewed(session: Session, row: Submission) -> None:
    reviewed = session.scalar(select(Review.id).where(Review.submission_id == row.id).limit(1))
    decided = session.scalar(select(Decision.id).where(Decision.submission_id == row.id))
    if reviewed is not None or decided is not None:
        raise AssignError(
            translate(
                "Assign",
                "Submission {submission} is already being reviewed for {credential}; its "
                "micro-credential and earner can no longer be changed.",
            ).format(submission=row.submission_id, credential=row.credential_uri)
        )

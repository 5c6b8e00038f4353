"""Anchors: submissions whose reference scores are a lead's submitted review."""

from __future__ import annotations

from sqlalchemy import select

from reviewer_app.audit import trail
from reviewer_app.errors import UserError
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Anchor, Review, Reviewer, Submission
from reviewer_app.wording import translate


class AnchorError(UserError):
    pass


def mark_anchor(
    folder: DataFolder, submission_id: str, lead: str, *, rationale: str | None = None
) -> int:
    """Marks `submission_id` as an anchor whose reference is `lead`'s submitted review."""
    with folder.sessions.begin() as session:
        submission = session.scalar(
            select(Submission).where(Submission.submission_id == submission_id)
        )
        if submission is None:
            raise AnchorError(
                translate("Calibration", "There is no submission {submission!r} here.").format(
                    submission=submission_id
                )
            )
        person = session.scalar(select(Reviewer).where(Reviewer.name == lead.strip()))
        if person is None or person.role != "lead":
            raise AnchorError(
                translate(
                    "Calibration",
                    "{lead} is not a lead here: only a lead's review can be the reference "
                    "(reviewer-app reviewers add NAME --role lead).",
                ).format(lead=lead)
            )
        review = session.scalar(
            select(Review).where(
                Review.submission_id == submission.id,
                Review.reviewer_id == person.id,
                Review.submitted_at.is_not(None),
            )
        )
        if review is None:
            raise AnchorError(
                translate(
                    "Calibration",
                    "{lead} has no submitted review of {submission}: score it first, "
                    "and that review becomes the reference.",
                ).format(lead=person.name, submission=submission_id)
            )
        anchor = session.scalar(select(Anchor).where(Anchor.submission_id == submission.id))
        before = {"reference_review": anchor.reference_review_id} if anchor else None
        if anchor is None:
            anchor = Anchor(
                submission_id=submission.id, reference_review_id=review.id, marked_by=person.id
            )
            session.add(anchor)
        anchor.reference_review_id, anchor.marked_by = review.id, person.id
        anchor.rationale = (rationale or "").strip() or None
        session.flush()
        trail.record(
            session,
            actor=person.name,
            action="anchor.mark",
            entity="submission",
            entity_id=submission_id,
            before=before,
            after={"reference_review": review.id, "rationale": anchor.rationale},
        )
        return anchor.id

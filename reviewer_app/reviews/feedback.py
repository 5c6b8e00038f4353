"""What the earner receives, and what the reviewer of a resubmission may see of before.

`letter_for()` builds the feedback letter from the review whose decision stands;
`earlier_attempts()` gathers the earner's earlier attempts at the same micro-credential
with their feedback (always) and their scores (only if the folder's setting allows).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.errors import UserError
from reviewer_app.reviews.letter import (
    FeedbackLetter,
    LetterCriterion,
    LetterPart,
    letter_file_name,
    write_letter,
)
from reviewer_app.rubrics.decision import meets_level
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.folder_settings import SHOW_EARLIER_SCORES
from reviewer_app.storage.models import CriterionScore, Decision, Definition, Review, Submission
from reviewer_app.wording import translate


@dataclass(frozen=True)
class ScoredCriterion:
    criterion_id: str
    title: str
    level_id: str | None
    level_label: str | None
    meets_standard: bool | None
    comment: str | None


@dataclass(frozen=True)
class SubmittedReview:
    submission_id: str
    attempt: int
    decision: str
    decided_at: dt.datetime
    feedback: str | None
    rubric: Rubric
    criteria: tuple[ScoredCriterion, ...]


@dataclass(frozen=True)
class EarlierAttempt:
    submission_id: str
    attempt: int
    submitted_at: dt.datetime | None
    decision: str | None
    feedback: str | None
    comments: dict[str, str] = field(default_factory=dict)  # criterion title -> comment
    levels: dict[str, str] | None = None  # criterion title -> level label, if allowed


def decided_review(session: Session, submission: Submission) -> SubmittedReview | None:
    """The review behind the submission's standing decision, scored criterion by criterion."""
    decision = session.scalar(select(Decision).where(Decision.submission_id == submission.id))
    if decision is None or decision.review_id is None:
        return None
    review = session.get_one(Review, decision.review_id)
    rubric = Rubric.from_content(session.get_one(Definition, review.definition_id).content)
    scores = {
        s.criterion_id: s
        for s in session.scalars(
            select(CriterionScore).where(CriterionScore.review_id == review.id)
        )
    }
    criteria = []
    for c in rubric.criteria:
        score = scores.get(c.id)
        level_id = score.level_id if score else None
        criteria.append(
            ScoredCriterion(
                criterion_id=c.id,
                title=c.title,
                level_id=level_id,
                level_label=c.level(level_id).label if level_id else None,
                meets_standard=(
                    meets_level(c, level_id, rubric.pass_rule.every_criterion_at_least)
                    if level_id
                    else None
                ),
                comment=score.comment if score else None,
            )
        )
    return SubmittedReview(
        submission.submission_id,
        submission.attempt,
        decision.outcome,
        decision.decided_at,
        review.feedback,
        rubric,
        tuple(criteria),
    )


def letter_for(
    session: Session, submission_id: str, issuer_name: str | None = None
) -> FeedbackLetter:
    submission = session.scalar(select(Submission).where(Submission.submission_id == submission_id))
    if submission is None:
        raise UserError(
            translate(
                "Review", "There is no submission {submission!r} in this data folder."
            ).format(submission=submission_id)
        )
    review = decided_review(session, submission)
    if review is None:
        raise UserError(
            translate(
                "Review", "Submission {submission} has no decision yet: submit a review first."
            ).format(submission=submission_id)
        )
    by_id = {c.criterion_id: c for c in review.criteria}
    parts = tuple(
        LetterPart(
            part.title,
            tuple(
                LetterCriterion(
                    by_id[c.id].title,
                    by_id[c.id].level_label,
                    by_id[c.id].meets_standard,
                    by_id[c.id].comment,
                )
                for c in part.criteria
            ),
        )
        for part in review.rubric.parts
    )
    definition_name = session.scalar(
        select(Definition.name)
        .join(Review, Review.definition_id == Definition.id)
        .join(Decision, Decision.review_id == Review.id)
        .where(Decision.submission_id == submission.id)
    )
    return FeedbackLetter(
        earner_name=submission.identity()[0],
        submission_id=submission.submission_id,
        credential_name=definition_name or submission.credential_name or "",
        attempt=submission.attempt,
        decision=review.decision,
        decided_at=review.decided_at,
        parts=parts,
        overall_feedback=review.feedback,
        issuer_name=issuer_name,
    )


def decided_submissions(session: Session) -> list[str]:
    """Every submission with a standing decision, in submission id order."""
    return list(
        session.scalars(
            select(Submission.submission_id)
            .join(Decision, Decision.submission_id == Submission.id)
            .order_by(Submission.submission_id)
        )
    )


def write_letters(
    session: Session, submission_ids: Iterable[str], out_dir: Path, *, text: bool = False
) -> list[Path]:
    """A letter per submission into `out_dir`, named by submission id (never by earner)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for submission_id in submission_ids:
        letter = letter_for(session, submission_id)
        name = letter_file_name(letter, ".txt" if text else ".pdf")
        written.append(write_letter(letter, out_dir / name))
    return written


def earlier_attempts(session: Session, submission_id: str) -> list[EarlierAttempt]:
    """The same earner's earlier attempts at the same micro-credential, oldest first."""
    current = session.scalar(select(Submission).where(Submission.submission_id == submission_id))
    if current is None or current.credential_uri is None:
        return []
    show_scores = SHOW_EARLIER_SCORES.get(session)
    earlier = session.scalars(
        select(Submission)
        .where(
            Submission.earner_id == current.earner_id,
            Submission.credential_uri == current.credential_uri,
            Submission.attempt < current.attempt,
        )
        .order_by(Submission.attempt)
    )
    out = []
    for submission in earlier:
        review = decided_review(session, submission)
        if review is None:
            out.append(
                EarlierAttempt(
                    submission.submission_id,
                    submission.attempt,
                    submission.submitted_at,
                    None,
                    None,
                )
            )
            continue
        out.append(
            EarlierAttempt(
                submission_id=submission.submission_id,
                attempt=submission.attempt,
                submitted_at=submission.submitted_at,
                decision=review.decision,
                feedback=review.feedback,
                comments={c.title: c.comment for c in review.criteria if c.comment},
                levels=(
                    {c.title: c.level_label for c in review.criteria if c.level_label}
                    if show_scores
                    else None
                ),
            )
        )
    return out

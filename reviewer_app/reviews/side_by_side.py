"""What a lead reads to adjudicate one submission: its submitted reviews side by side
(each with the rubric version it was scored on, its levels and comments, its feedback)
and every reviewer's annotations. Plain data; the window words it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.reviews import annotations as notes
from reviewer_app.reviews.moderation import submitted_reviews
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.models import CriterionScore, Definition, EvidenceItem
from reviewer_app.vocabulary import Outcome


@dataclass(frozen=True)
class SubmittedReview:
    id: int
    reviewer: str
    decision: Outcome | None
    feedback: str | None
    rubric: Rubric  # of the definition version the review was scored on
    # criterion id -> (level id, comment), in the order the scores were read
    scores: Mapping[str, tuple[str | None, str | None]]


@dataclass(frozen=True)
class SideBySide:
    reviews: tuple[SubmittedReview, ...]  # oldest first
    annotations: tuple[notes.Annotation, ...] = ()  # every reviewer's (a lead sees them all)
    pages: Mapping[int, int] = field(default_factory=dict)  # evidence item id -> page count


def side_by_side(session: Session, submission_pk: int) -> SideBySide:
    """The submission's submitted reviews, oldest first, with their annotations."""
    reviews = submitted_reviews(session, submission_pk)
    if not reviews:
        return SideBySide(())
    rubrics: dict[int, Rubric] = {}
    found = []
    for review, name in reviews:
        if review.definition_id not in rubrics:
            definition = session.get_one(Definition, review.definition_id)
            rubrics[review.definition_id] = Rubric.from_content(definition.content)
        scores = {
            criterion: (level, comment)
            for criterion, level, comment in session.execute(
                select(
                    CriterionScore.criterion_id, CriterionScore.level_id, CriterionScore.comment
                ).where(CriterionScore.review_id == review.id)
            ).all()
        }
        found.append(
            SubmittedReview(
                review.id,
                name,
                review.decision,
                review.feedback,
                rubrics[review.definition_id],
                scores,
            )
        )
    pages = {
        item.id: notes.page_count(item)
        for item in session.scalars(
            select(EvidenceItem).where(EvidenceItem.submission_id == submission_pk)
        )
    }
    annotations = tuple(notes.of_submission(session, submission_pk))
    return SideBySide(tuple(found), annotations, pages)

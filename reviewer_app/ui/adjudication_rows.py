"""What the adjudication screen shows, read from the database: the submissions waiting for
a lead, and one submission's submitted reviews side by side. Plain data, no Qt."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.reviews.moderation import adjudication_queue
from reviewer_app.reviews.statuses import STATUS_WORDS
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.models import CriterionScore, Definition, Review, Reviewer, Submission


@dataclass(frozen=True)
class Waiting:
    pk: int
    submission_id: str
    credential: str
    reasons: tuple[str, ...]

    def reasons_text(self) -> str:
        return " ".join(self.reasons) or "The reviews were not compared; read them to decide."


@dataclass(frozen=True)
class ReviewColumn:
    reviewer: str
    decision: str  # in words: "Pass", "Not Yet"
    feedback: str
    comments: tuple[tuple[str, str], ...]  # (criterion title, comment)


@dataclass(frozen=True)
class CriterionRow:
    title: str
    levels: tuple[str, ...]  # one label per review column, "" when not scored
    agreement: str  # in words, so the difference is never told by colour alone

    @property
    def differs(self) -> bool:
        return self.agreement != SAME


@dataclass(frozen=True)
class Comparison:
    reviews: tuple[ReviewColumn, ...]
    rows: tuple[CriterionRow, ...]


SAME = "Same level"


def waiting(session: Session) -> list[Waiting]:
    found = []
    for submission_id, reasons in adjudication_queue(session):
        row = session.execute(
            select(Submission.id, Submission.credential_name, Submission.credential_uri).where(
                Submission.submission_id == submission_id
            )
        ).one()
        credential = row.credential_name or row.credential_uri or "No micro-credential"
        found.append(Waiting(row.id, submission_id, credential, tuple(reasons)))
    return found


def _agreement(steps: list[int | None], labels: list[str], names: list[str]) -> str:
    missing = [n for n, label in zip(names, labels, strict=True) if not label]
    if missing:
        return "Not scored by " + ", ".join(missing)
    if len(set(labels)) == 1:
        return SAME
    known = [s for s in steps if s is not None]
    if len(known) < len(steps):
        return "Differs (scored on different rubric versions)"
    apart = max(known) - min(known)
    return "Differs by one step" if apart == 1 else f"Differs: {apart} steps apart"


def compare(session: Session, submission_pk: int) -> Comparison:
    """The submitted reviews of the submission, oldest first, criterion by criterion."""
    reviews = session.execute(
        select(Review, Reviewer.name)
        .join(Reviewer, Reviewer.id == Review.reviewer_id)
        .where(Review.submission_id == submission_pk, Review.submitted_at.is_not(None))
        .order_by(Review.submitted_at, Review.id)
    ).all()
    if not reviews:
        return Comparison((), ())
    rubrics: dict[int, Rubric] = {}
    for review, _ in reviews:
        if review.definition_id not in rubrics:
            definition = session.get_one(Definition, review.definition_id)
            rubrics[review.definition_id] = Rubric.from_content(definition.content)
    # The rows follow the first review's rubric; criteria only another version has go last.
    shared = rubrics[reviews[0][0].definition_id]
    order = [c.id for c in shared.criteria]
    titles = {c.id: c.title for c in shared.criteria}
    scores: list[dict[str, tuple[str | None, str | None]]] = []
    for review, _ in reviews:
        by_criterion = {
            criterion: (level, comment)
            for criterion, level, comment in session.execute(
                select(
                    CriterionScore.criterion_id, CriterionScore.level_id, CriterionScore.comment
                ).where(CriterionScore.review_id == review.id)
            ).all()
        }
        scores.append(by_criterion)
        for criterion in by_criterion:
            if criterion not in titles:
                order.append(criterion)
                titles[criterion] = _title(rubrics[review.definition_id], criterion)

    names = [name for _, name in reviews]
    rows = []
    for criterion in order:
        labels, steps = [], []
        for (review, _), by_criterion in zip(reviews, scores, strict=True):
            level = by_criterion.get(criterion, (None, None))[0]
            labels.append(_label(rubrics[review.definition_id], criterion, level))
            steps.append(_step(shared, criterion, level))
        if any(labels):
            rows.append(
                CriterionRow(titles[criterion], tuple(labels), _agreement(steps, labels, names))
            )

    columns = []
    for (review, name), by_criterion in zip(reviews, scores, strict=True):
        comments = tuple(
            (titles[c], comment.strip())
            for c in order
            if (comment := by_criterion.get(c, (None, None))[1]) and comment.strip()
        )
        columns.append(
            ReviewColumn(
                name,
                STATUS_WORDS.get(review.decision or "", review.decision or "No decision"),
                (review.feedback or "").strip(),
                comments,
            )
        )
    return Comparison(tuple(columns), tuple(rows))


def _title(rubric: Rubric, criterion: str) -> str:
    try:
        return rubric.criterion(criterion).title
    except KeyError:
        return criterion


def _label(rubric: Rubric, criterion: str, level: str | None) -> str:
    if not level:
        return ""
    try:
        return rubric.criterion(criterion).level(level).label
    except (KeyError, ValueError):
        return level


def _step(rubric: Rubric, criterion: str, level: str | None) -> int | None:
    if not level:
        return None
    try:
        return rubric.criterion(criterion).index_of(level)
    except (KeyError, ValueError):
        return None

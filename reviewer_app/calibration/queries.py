"""The submissions behind one reviewer's or one criterion's figures in the calibration
report, counted as the report counts them (submitted reviews only; an anchor's reference
review is not a coder), and the criteria's names. Plain data; the window words it."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.models import (
    Anchor,
    CriterionScore,
    Definition,
    Review,
    Reviewer,
    Submission,
)


@dataclass(frozen=True)
class Scored:
    """A level as a criterion's scale places it (lowest step 0)."""

    step: int
    label: str


@dataclass(frozen=True)
class BehindLine:
    """One line behind a figure: a submission, who scored what, and against what."""

    pk: int
    submission_id: str
    criterion: str
    reviewer: str
    level: Scored
    reference: Scored | None = None  # the anchor's reference level, for a reviewer
    difference: int | None = None  # steps above (+) or below (-) the reference


@dataclass
class _Scores:
    pk: int
    submission_id: str
    reviewer: str
    steps: dict[str, Scored]  # criterion -> level


def _submitted(session: Session, credential: str | None) -> dict[int, _Scores]:
    query = (
        select(Review.id, Review.definition_id, Submission.id, Submission.submission_id)
        .add_columns(Reviewer.name)
        .join(Reviewer, Reviewer.id == Review.reviewer_id)
        .join(Submission, Submission.id == Review.submission_id)
        .where(Review.submitted_at.is_not(None))
        .order_by(Submission.submission_id, Reviewer.name)
    )
    if credential is not None:
        query = query.where(Submission.credential_uri == credential)
    rubrics: dict[int, Rubric] = {}
    reviews: dict[int, _Scores] = {}
    definitions: dict[int, int] = {}
    for review_id, definition_id, pk, submission_id, name in session.execute(query).all():
        if definition_id not in rubrics:
            content = session.get_one(Definition, definition_id).content
            rubrics[definition_id] = Rubric.from_content(content)
        reviews[review_id] = _Scores(pk, submission_id, name, {})
        definitions[review_id] = definition_id
    if not reviews:
        return reviews
    scores = select(CriterionScore.review_id, CriterionScore.criterion_id, CriterionScore.level_id)
    for review_id, criterion, level in session.execute(
        scores.where(CriterionScore.review_id.in_(list(reviews)))
    ).all():
        if not level:
            continue
        try:
            scale = rubrics[definitions[review_id]].criterion(criterion)
            step = scale.index_of(level)
        except (KeyError, ValueError):
            continue
        reviews[review_id].steps[criterion] = Scored(step, scale.levels[step].label)
    return reviews


def behind_reviewer(session: Session, reviewer: str, credential: str | None) -> list[BehindLine]:
    """Each anchor the reviewer scored: their level against the reference, per criterion."""
    reviews = _submitted(session, credential)
    anchors = {
        pk: reference
        for pk, reference in session.execute(
            select(Anchor.submission_id, Anchor.reference_review_id)
        ).all()
    }
    out = []
    for review_id, scores in reviews.items():
        reference_id = anchors.get(scores.pk)
        reference = reviews.get(reference_id) if reference_id is not None else None
        if scores.reviewer != reviewer or reference is None or reference_id == review_id:
            continue
        for criterion, level in sorted(scores.steps.items()):
            if criterion not in reference.steps:
                continue
            against = reference.steps[criterion]
            out.append(
                BehindLine(
                    scores.pk,
                    scores.submission_id,
                    criterion,
                    reviewer,
                    level,
                    against,
                    level.step - against.step,
                )
            )
    return out


def behind_criterion(session: Session, criterion: str, credential: str | None) -> list[BehindLine]:
    """Each submission two or more reviewers scored on the criterion, and their levels."""
    reviews = _submitted(session, credential)
    references = set(session.scalars(select(Anchor.reference_review_id)))
    by_submission: dict[int, list[_Scores]] = defaultdict(list)
    for review_id, scores in reviews.items():
        if review_id not in references and criterion in scores.steps:
            by_submission[scores.pk].append(scores)
    out = []
    for group in by_submission.values():
        if len(group) < 2:
            continue
        for scores in group:
            out.append(
                BehindLine(
                    scores.pk,
                    scores.submission_id,
                    criterion,
                    scores.reviewer,
                    scores.steps[criterion],
                )
            )
    return sorted(out, key=lambda b: (b.submission_id, b.reviewer))


def criterion_names(session: Session) -> dict[str, str]:
    """Each criterion id with the name its rubric gives it. The report counts criteria by
    id, across credentials; a name two of them share is followed by the id, so that each
    name shown stands for one criterion (a chart's category axis drops repeated names,
    and its bars would then stand beside the wrong ones)."""
    titles: dict[str, str] = {}
    for content in session.scalars(select(Definition.content).order_by(Definition.id)):
        try:
            rubric = Rubric.from_content(content)
        except (KeyError, TypeError, ValueError):
            continue  # a definition without a usable rubric names no criterion
        for criterion in rubric.criteria:
            titles.setdefault(criterion.id, criterion.title.strip() or criterion.id)
    shared = Counter(titles.values())
    return {
        id_: title if shared[title] == 1 else f"{title} ({id_})" for id_, title in titles.items()
    }

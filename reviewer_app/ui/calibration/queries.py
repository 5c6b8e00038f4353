"""What the dashboard asks the database for (no Qt here but the translator): the report,
and the submissions behind one reviewer's or one criterion's figures, counted as the
report counts them (submitted reviews only; an anchor's reference review is not a coder)."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale
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

translate = QCoreApplication.translate


@dataclass(frozen=True)
class Behind:
    """One line behind a figure: a submission, who scored what, and against what."""

    pk: int
    submission_id: str
    criterion: str
    reviewer: str
    level: str
    reference: str | None = None  # the anchor's reference level, for a reviewer
    difference: int | None = None  # steps above (+) or below (-) the reference


@dataclass
class _Scores:
    pk: int
    submission_id: str
    reviewer: str
    steps: dict[str, tuple[int, str]]  # criterion -> (step, level label)


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
        reviews[review_id].steps[criterion] = (step, scale.levels[step].label)
    return reviews


def _level_words(step: int, label: str) -> str:
    return translate("CalibrationDashboard", "{level} (step {step})").format(
        level=label, step=QLocale().toString(step)
    )


def behind_reviewer(session: Session, reviewer: str, credential: str | None) -> list[Behind]:
    """Each anchor the reviewer scored: their level against the reference, per criterion."""
    reviews = _submitted(session, credential)
    anchors = {a.submission_id: a.reference_review_id for a in session.scalars(select(Anchor))}
    out = []
    for review_id, scores in reviews.items():
        reference_id = anchors.get(scores.pk)
        reference = reviews.get(reference_id) if reference_id is not None else None
        if scores.reviewer != reviewer or reference is None or reference_id == review_id:
            continue
        for criterion, (step, label) in sorted(scores.steps.items()):
            if criterion not in reference.steps:
                continue
            ref_step, ref_label = reference.steps[criterion]
            out.append(
                Behind(
                    scores.pk,
                    scores.submission_id,
                    criterion,
                    reviewer,
                    _level_words(step, label),
                    _level_words(ref_step, ref_label),
                    step - ref_step,
                )
            )
    return out


def behind_criterion(session: Session, criterion: str, credential: str | None) -> list[Behind]:
    """Each submission two or more reviewers scored on the criterion, and their levels."""
    reviews = _submitted(session, credential)
    references = {a.reference_review_id for a in session.scalars(select(Anchor))}
    by_submission: dict[int, list[_Scores]] = defaultdict(list)
    for review_id, scores in reviews.items():
        if review_id not in references and criterion in scores.steps:
            by_submission[scores.pk].append(scores)
    out = []
    for group in by_submission.values():
        if len(group) < 2:
            continue
        for scores in group:
            step, label = scores.steps[criterion]
            out.append(
                Behind(
                    scores.pk,
                    scores.submission_id,
                    criterion,
                    scores.reviewer,
                    _level_words(step, label),
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


@dataclass(frozen=True)
class Computed:
    report: dict[str, Any]
    names: dict[str, str]  # criterion id -> name


def compute_report(folder: Any, credential: str | None, n_resamples: int) -> Computed:
    """The report and the criteria's names, read in a session of their own (this runs off
    the GUI thread)."""
    from reviewer_app.calibration.report import calibration_report

    with folder.read_sessions() as session:
        report = calibration_report(session, credential=credential, n_resamples=n_resamples)
        return Computed(report, criterion_names(session))

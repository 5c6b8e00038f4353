"""What the adjudication screen shows, read from the database: the submissions waiting for
a lead, and one submission's submitted reviews side by side. Plain data; the only Qt is
the translator, so the words are in the window's language (context "AdjudicationDialog")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.reviews import annotations as notes
from reviewer_app.reviews.moderation import Disagreement, adjudication_queue, disagreement
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.models import (
    CriterionScore,
    Definition,
    EvidenceItem,
    Review,
    Reviewer,
    Submission,
)

translate = QCoreApplication.translate

# The statuses (and decisions) in words, as reviewer_app.reviews.statuses.STATUS_WORDS says
# them, translated where they are shown. QT_TRANSLATE_NOOP returns its text unchanged; its
# stub says `object`, hence the casts.
STATUS_NAMES = cast(
    dict[str, str],
    {
        "unreviewed": QT_TRANSLATE_NOOP("AdjudicationDialog", "Not reviewed"),
        "in-review": QT_TRANSLATE_NOOP("AdjudicationDialog", "In review"),
        "adjudication": QT_TRANSLATE_NOOP("AdjudicationDialog", "Needs adjudication"),
        "pass": QT_TRANSLATE_NOOP("AdjudicationDialog", "Pass"),
        "not-yet": QT_TRANSLATE_NOOP("AdjudicationDialog", "Not Yet"),
    },
)


def status_words(status: str) -> str:
    """A status or decision in the window's language; an unknown one as it is."""
    name = STATUS_NAMES.get(status)
    return translate("AdjudicationDialog", name) if name else status


@dataclass(frozen=True)
class Waiting:
    pk: int
    submission_id: str
    credential: str
    reasons: tuple[str, ...]

    def reasons_text(self) -> str:
        return " ".join(self.reasons) or translate(
            "AdjudicationDialog", "The reviews were not compared; read them to decide."
        )


@dataclass(frozen=True)
class NoteRow:
    """One of a reviewer's annotations, as the lead reads it."""

    id: int
    number: int
    place: str  # "contact-log.pdf, page 2"
    criterion: str  # the criterion's title, or "General"
    comment: str


@dataclass(frozen=True)
class ReviewColumn:
    reviewer: str
    decision: str  # in words: "Pass", "Not Yet" (translated)
    feedback: str
    comments: tuple[tuple[str, str], ...]  # (criterion title, comment)
    outcome: str | None = None  # the decision as stored ("pass", "not-yet"); None if none
    annotations: tuple[NoteRow, ...] = ()


@dataclass(frozen=True)
class CriterionRow:
    title: str
    levels: tuple[str, ...]  # one label per review column, "" when not scored
    agreement: str  # in words, so the difference is never told by colour alone

    @property
    def differs(self) -> bool:
        return self.agreement != translate("AdjudicationDialog", SAME)


@dataclass(frozen=True)
class Comparison:
    reviews: tuple[ReviewColumn, ...]
    rows: tuple[CriterionRow, ...]


SAME = cast(str, QT_TRANSLATE_NOOP("AdjudicationDialog", "Same level"))


def _submitted(session: Session, submission_pk: int) -> list[tuple[Review, str]]:
    """The submitted reviews, oldest first, as the moderation rules read them."""
    return [
        (review, name)
        for review, name in session.execute(
            select(Review, Reviewer.name)
            .join(Reviewer, Reviewer.id == Review.reviewer_id)
            .where(Review.submission_id == submission_pk, Review.submitted_at.is_not(None))
            .order_by(Review.submitted_at, Review.id)
        ).all()
    ]


def reason_sentences(found: Disagreement) -> list[str]:
    """Why the reviews disagree, as Disagreement.sentences() says it, translated."""
    out = []
    if len(set(found.decisions.values())) > 1:
        decisions = ", ".join(
            translate("AdjudicationDialog", "{reviewer} {decision}").format(
                reviewer=name, decision=status_words(decision)
            )
            for name, decision in sorted(found.decisions.items())
        )
        out.append(
            translate("AdjudicationDialog", "The decisions differ: {decisions}.").format(
                decisions=decisions
            )
        )
    for criterion, levels in found.criteria.items():
        words = ", ".join(
            translate("AdjudicationDialog", "{reviewer} {level}").format(reviewer=name, level=lv)
            for name, lv in sorted(levels.items())
        )
        out.append(
            translate(
                "AdjudicationDialog", "{criterion}: levels more than one step apart ({levels})."
            ).format(criterion=criterion, levels=words)
        )
    return out


def waiting(session: Session) -> list[Waiting]:
    found = []
    for submission_id, _english in adjudication_queue(session):
        row = session.execute(
            select(Submission.id, Submission.credential_name, Submission.credential_uri).where(
                Submission.submission_id == submission_id
            )
        ).one()
        credential = (
            row.credential_name
            or row.credential_uri
            or translate("AdjudicationDialog", "No micro-credential")
        )
        # The queue words its reasons in English: they are worded again here, in the
        # window's language, from the same disagreement.
        reviews = _submitted(session, row.id)
        why = disagreement(session, reviews) if reviews else None
        reasons = tuple(reason_sentences(why)) if why else ()
        found.append(Waiting(row.id, submission_id, credential, reasons))
    return found


def _agreement(steps: list[int | None], labels: list[str], names: list[str]) -> str:
    missing = [n for n, label in zip(names, labels, strict=True) if not label]
    if missing:
        return translate("AdjudicationDialog", "Not scored by {names}").format(
            names=", ".join(missing)
        )
    if len(set(labels)) == 1:
        return translate("AdjudicationDialog", SAME)
    known = [s for s in steps if s is not None]
    if len(known) < len(steps):
        return translate("AdjudicationDialog", "Differs (scored on different rubric versions)")
    apart = max(known) - min(known)
    if apart == 1:
        return translate("AdjudicationDialog", "Differs by one step")
    return translate("AdjudicationDialog", "Differs: {steps} steps apart").format(steps=apart)


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

    annotations = _annotations(session, submission_pk, titles)
    columns = []
    for (review, name), by_criterion in zip(reviews, scores, strict=True):
        comments = tuple(
            (titles[c], comment.strip())
            for c in order
            if (comment := by_criterion.get(c, (None, None))[1]) and comment.strip()
        )
        decision = (
            status_words(review.decision)
            if review.decision
            else translate("AdjudicationDialog", "No decision")
        )
        columns.append(
            ReviewColumn(
                name,
                decision,
                (review.feedback or "").strip(),
                comments,
                review.decision or None,
                tuple(annotations.get(review.id, ())),
            )
        )
    return Comparison(tuple(columns), tuple(rows))


def _annotations(
    session: Session, submission_pk: int, titles: dict[str, str]
) -> dict[int, list[NoteRow]]:
    """Every reviewer's annotations of the submission, by review (a lead sees them all)."""
    pages = {
        item.id: notes.page_count(item)
        for item in session.scalars(
            select(EvidenceItem).where(EvidenceItem.submission_id == submission_pk)
        )
    }
    general = translate("AdjudicationDialog", "General")
    found: dict[int, list[NoteRow]] = {}
    for a in notes.of_submission(session, submission_pk):
        name = a.item.rsplit("/", 1)[-1]
        place = translate("AdjudicationDialog", "{item}, page {page}").format(
            item=name, page=a.page
        )
        row = NoteRow(
            a.id,
            a.number,
            place if pages.get(a.item_id, 1) > 1 else name,
            titles.get(a.criterion, a.criterion) if a.criterion else general,
            a.text,
        )
        found.setdefault(a.review_id, []).append(row)
    return found


def feedback_for(reviews: Sequence[ReviewColumn], outcome: str) -> str | None:
    """Whose feedback fits the lead's decision by default: a reviewer who reached it and
    wrote feedback, else one who reached it; None (the lead writes their own) when no
    reviewer reached it, as the earner must not read a pass's feedback on a Not Yet."""
    reached = [r for r in reviews if r.outcome == outcome]
    written = [r for r in reached if r.feedback]
    chosen = written or reached
    return chosen[0].reviewer if chosen else None


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

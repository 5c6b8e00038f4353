"""What the adjudication screen shows: the submissions waiting for a lead, and one
submission's submitted reviews side by side, worded from what reviewer_app.reviews reads
(moderation.waiting_submissions, side_by_side.side_by_side). Plain data; the only Qt is
the translator, so the words are in the window's language (context "AdjudicationDialog")."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from reviewer_app.reviews.annotations import Annotation
from reviewer_app.reviews.moderation import Disagreement, WaitingSubmission
from reviewer_app.reviews.side_by_side import SideBySide
from reviewer_app.rubrics.model import Rubric
from reviewer_app.vocabulary import Status

translate = QCoreApplication.translate

# The statuses (and decisions) in words, as reviewer_app.vocabulary.STATUS_WORDS says
# them, translated where they are shown. QT_TRANSLATE_NOOP returns its text unchanged; its
# stub says `object`, hence the casts.
STATUS_NAMES = cast(
    dict[str, str],
    {
        Status.UNREVIEWED: QT_TRANSLATE_NOOP("AdjudicationDialog", "Not reviewed"),
        Status.IN_REVIEW: QT_TRANSLATE_NOOP("AdjudicationDialog", "In review"),
        Status.ADJUDICATION: QT_TRANSLATE_NOOP("AdjudicationDialog", "Needs adjudication"),
        Status.PASS: QT_TRANSLATE_NOOP("AdjudicationDialog", "Pass"),
        Status.NOT_YET: QT_TRANSLATE_NOOP("AdjudicationDialog", "Not Yet"),
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
    outcome: str | None = None  # the decision as stored (an Outcome); None if none
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


def waiting(found: Sequence[WaitingSubmission]) -> list[Waiting]:
    """The submissions waiting for a lead, in the window's language. (The queue words its
    reasons in English: they are worded again here, from the same disagreement.)"""
    return [
        Waiting(
            w.pk,
            w.submission_id,
            w.credential or translate("AdjudicationDialog", "No micro-credential"),
            tuple(reason_sentences(w.disagreement)) if w.disagreement else (),
        )
        for w in found
    ]


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


def compare(found: SideBySide) -> Comparison:
    """The submitted reviews of the submission, oldest first, criterion by criterion."""
    reviews = found.reviews
    if not reviews:
        return Comparison((), ())
    # The rows follow the first review's rubric; criteria only another version has go last.
    shared = reviews[0].rubric
    order = [c.id for c in shared.criteria]
    titles = {c.id: c.title for c in shared.criteria}
    for review in reviews:
        for criterion in review.scores:
            if criterion not in titles:
                order.append(criterion)
                titles[criterion] = _title(review.rubric, criterion)

    names = [r.reviewer for r in reviews]
    rows = []
    for criterion in order:
        labels, steps = [], []
        for review in reviews:
            level = review.scores.get(criterion, (None, None))[0]
            labels.append(_label(review.rubric, criterion, level))
            steps.append(_step(shared, criterion, level))
        if any(labels):
            rows.append(
                CriterionRow(titles[criterion], tuple(labels), _agreement(steps, labels, names))
            )

    annotations = _annotations(found.annotations, found.pages, titles)
    columns = []
    for review in reviews:
        comments = tuple(
            (titles[c], comment.strip())
            for c in order
            if (comment := review.scores.get(c, (None, None))[1]) and comment.strip()
        )
        decision = (
            status_words(review.decision)
            if review.decision
            else translate("AdjudicationDialog", "No decision")
        )
        columns.append(
            ReviewColumn(
                review.reviewer,
                decision,
                (review.feedback or "").strip(),
                comments,
                review.decision or None,
                tuple(annotations.get(review.id, ())),
            )
        )
    return Comparison(tuple(columns), tuple(rows))


def _annotations(
    found: Sequence[Annotation], pages: Mapping[int, int], titles: dict[str, str]
) -> dict[int, list[NoteRow]]:
    """Every reviewer's annotations of the submission, by review (a lead sees them all)."""
    general = translate("AdjudicationDialog", "General")
    by_review: dict[int, list[NoteRow]] = {}
    for a in found:
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
        by_review.setdefault(a.review_id, []).append(row)
    return by_review


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

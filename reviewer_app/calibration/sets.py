"""Calibration sets: anchors given to assessors as practice or to qualify them.

Practice: each anchor an assessor submits shows them at once, criterion by criterion,
their level beside the reference level and the lead's rationale. Qualifying: nothing is
shown until every anchor of the set is submitted; then the result, qualified or not
and why, under the credential's rules. Anchors can also simply sit in the live queue,
unmarked, where the report watches each reviewer's drift against them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.audit import trail
from reviewer_app.calibration.report import rules_for
from reviewer_app.calibration.results import Rules
from reviewer_app.errors import UserError
from reviewer_app.rubrics.model import Criterion, Rubric
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import (
    Anchor,
    CalibrationAssignment,
    CalibrationSet,
    CalibrationSetItem,
    CredentialSetting,
    CriterionScore,
    Definition,
    Review,
    Reviewer,
    Submission,
)
from reviewer_app.vocabulary import Outcome
from reviewer_app.wording import translate

MODES = ("practice", "qualifying")


class CalibrationSetError(UserError):
    pass


@dataclass(frozen=True)
class CriterionFeedback:
    criterion: str
    title: str
    yours: str | None  # level labels
    reference: str | None
    steps_apart: int | None  # yours - reference, in level steps
    reference_comment: str | None
    levels: int = 2  # the criterion's scale
    your_step: int | None = None
    reference_step: int | None = None


@dataclass(frozen=True)
class PracticeFeedback:
    submission_id: str
    your_decision: Outcome | None
    reference_decision: Outcome | None
    rationale: str | None  # the lead's, kept with the anchor
    criteria: tuple[CriterionFeedback, ...]


@dataclass(frozen=True)
class SetStatus:
    name: str
    mode: str
    done: tuple[str, ...]  # submission ids submitted by the reviewer
    to_do: tuple[str, ...]
    feedback: tuple[PracticeFeedback, ...]  # practice: for each done; qualifying: when all done
    qualified: bool | None  # qualifying, once complete
    why: tuple[str, ...]

    def to_json(self) -> dict[str, Any]:
        """The command line's --json: the one place the fields are spelled as strings."""
        return {
            "set": self.name,
            "mode": self.mode,
            "done": list(self.done),
            "to_do": list(self.to_do),
            "qualified": self.qualified,
            "why": list(self.why),
            "feedback": [
                {
                    "submission_id": f.submission_id,
                    "your_decision": f.your_decision,
                    "reference_decision": f.reference_decision,
                    "rationale": f.rationale,
                    "criteria": [
                        {
                            "criterion": c.criterion,
                            "title": c.title,
                            "yours": c.yours,
                            "reference": c.reference,
                            "steps_apart": c.steps_apart,
                            "reference_comment": c.reference_comment,
                        }
                        for c in f.criteria
                    ],
                }
                for f in self.feedback
            ],
        }


def set_rules(folder: DataFolder, credential_uri: str, actor: str, **thresholds: float) -> Rules:
    """Per-credential qualification thresholds (the defaults are kept for the rest)."""
    unknown = set(thresholds) - set(Rules.__dataclass_fields__)
    if unknown:
        raise CalibrationSetError(
            translate("Calibration", "Unknown rule(s): {rules}.").format(
                rules=", ".join(sorted(unknown))
            )
        )
    for name, value in thresholds.items():
        if not 0.0 <= value <= 1.0:
            raise CalibrationSetError(
                translate("Calibration", "{rule} must be between 0 and 1, not {value}.").format(
                    rule=name, value=value
                )
            )
    with folder.sessions.begin() as session:
        setting = session.get(CredentialSetting, credential_uri)
        if setting is None:
            setting = CredentialSetting(credential_uri=credential_uri, required_reviews=1)
            session.add(setting)
        before = dict(setting.rules or {})
        setting.rules = {**before, **thresholds}
        trail.record(
            session,
            actor=actor,
            action="credential.rules",
            entity="credential",
            entity_id=credential_uri,
            before=before,
            after=setting.rules,
        )
        return Rules(**setting.rules)


def _person(session: Session, name: str) -> Reviewer:
    person = session.scalar(select(Reviewer).where(Reviewer.name == name.strip()))
    if person is None:
        raise CalibrationSetError(
            translate(
                "Calibration", "There is no reviewer {name!r} here (reviewer-app reviewers add)."
            ).format(name=name)
        )
    return person


def create_set(
    folder: DataFolder, name: str, mode: str, submission_ids: list[str], lead: str
) -> int:
    """A set of anchors (by submission id) of one micro-credential."""
    if mode not in MODES:
        raise CalibrationSetError(
            translate(
                "Calibration", "A set is for 'practice' or 'qualifying', not {mode!r}."
            ).format(mode=mode)
        )
    if not name.strip() or not submission_ids:
        raise CalibrationSetError(
            translate("Calibration", "A calibration set needs a name and at least one anchor.")
        )
    with folder.sessions.begin() as session:
        person = _person(session, lead)
        if person.role != "lead":
            raise CalibrationSetError(
                translate(
                    "Calibration", "{name} is not a lead; leads make calibration sets."
                ).format(name=person.name)
            )
        anchors = []
        for submission_id in submission_ids:
            row = session.execute(
                select(Anchor, Submission.credential_uri)
                .join(Submission, Submission.id == Anchor.submission_id)
                .where(Submission.submission_id == submission_id)
            ).first()
            if row is None:
                raise CalibrationSetError(
                    translate(
                        "Calibration",
                        "{submission} is not an anchor (reviewer-app calibration anchor).",
                    ).format(submission=submission_id)
                )
            anchors.append((row[0], row[1]))
        credentials = {c for _, c in anchors}
        if len(credentials) != 1 or None in credentials:
            raise CalibrationSetError(
                translate("Calibration", "The anchors of a set must be of one micro-credential.")
            )
        if session.scalar(select(CalibrationSet.id).where(CalibrationSet.name == name.strip())):
            raise CalibrationSetError(
                translate(
                    "Calibration", "There is already a calibration set named {name!r}."
                ).format(name=name)
            )
        chosen = CalibrationSet(
            name=name.strip(), credential_uri=str(anchors[0][1]), mode=mode, created_by=person.id
        )
        session.add(chosen)
        session.flush()
        session.add_all(
            CalibrationSetItem(set_id=chosen.id, anchor_id=a.id, position=n)
            for n, (a, _) in enumerate(anchors)
        )
        trail.record(
            session,
            actor=person.name,
            action="calibration_set.create",
            entity="calibration_set",
            entity_id=chosen.name,
            after={"mode": mode, "anchors": submission_ids},
        )
        return chosen.id


def assign(folder: DataFolder, set_name: str, reviewer: str, lead: str) -> None:
    with folder.sessions.begin() as session:
        chosen = _set(session, set_name)
        person = _person(session, reviewer)
        exists = session.scalar(
            select(CalibrationAssignment.id).where(
                CalibrationAssignment.set_id == chosen.id,
                CalibrationAssignment.reviewer_id == person.id,
            )
        )
        if exists is None:
            session.add(CalibrationAssignment(set_id=chosen.id, reviewer_id=person.id))
            trail.record(
                session,
                actor=lead,
                action="calibration_set.assign",
                entity="calibration_set",
                entity_id=chosen.name,
                after={"reviewer": person.name},
            )


def _set(session: Session, name: str) -> CalibrationSet:
    chosen = session.scalar(select(CalibrationSet).where(CalibrationSet.name == name.strip()))
    if chosen is None:
        raise CalibrationSetError(
            translate("Calibration", "There is no calibration set named {name!r}.").format(
                name=name
            )
        )
    return chosen


def status(session: Session, set_name: str, reviewer: str) -> SetStatus:
    """Where `reviewer` stands in the set, with what they may see now."""
    chosen = _set(session, set_name)
    person = _person(session, reviewer)
    assigned = session.scalar(
        select(func.count()).where(
            CalibrationAssignment.set_id == chosen.id,
            CalibrationAssignment.reviewer_id == person.id,
        )
    )
    if not assigned:
        raise CalibrationSetError(
            translate("Calibration", "{name} is not assigned the set {set_name!r}.").format(
                name=person.name, set_name=chosen.name
            )
        )
    items = session.execute(
        select(Anchor, Submission.submission_id)
        .join(CalibrationSetItem, CalibrationSetItem.anchor_id == Anchor.id)
        .join(Submission, Submission.id == Anchor.submission_id)
        .where(CalibrationSetItem.set_id == chosen.id)
        .order_by(CalibrationSetItem.position)
    ).all()
    done, to_do, feedback = [], [], []
    for anchor, submission_id in items:
        review = session.scalar(
            select(Review).where(
                Review.submission_id == anchor.submission_id,
                Review.reviewer_id == person.id,
                Review.submitted_at.is_not(None),
            )
        )
        if review is None:
            to_do.append(submission_id)
            continue
        done.append(submission_id)
        feedback.append(_compare(session, anchor, review, submission_id))
    complete = not to_do
    qualified: bool | None = None
    why: list[str] = []
    if chosen.mode == "qualifying":
        if not complete:
            feedback = []  # nothing shown until every anchor is done
        else:
            qualified, why = _qualify(feedback, rules_for(session, chosen.credential_uri))
    return SetStatus(
        chosen.name,
        chosen.mode,
        tuple(done),
        tuple(to_do),
        tuple(feedback),
        qualified,
        tuple(why),
    )


def _levels(session: Session, review_id: int) -> dict[str, tuple[str | None, str | None]]:
    return {
        criterion: (level, comment)
        for criterion, level, comment in session.execute(
            select(
                CriterionScore.criterion_id, CriterionScore.level_id, CriterionScore.comment
            ).where(CriterionScore.review_id == review_id)
        ).all()
    }


def _compare(
    session: Session, anchor: Anchor, review: Review, submission_id: str
) -> PracticeFeedback:
    reference = session.get_one(Review, anchor.reference_review_id)
    rubric = Rubric.from_content(session.get_one(Definition, reference.definition_id).content)
    mine, theirs = _levels(session, review.id), _levels(session, reference.id)
    rows = []
    for criterion in rubric.criteria:
        own = mine.get(criterion.id, (None, None))[0]
        ref, ref_comment = theirs.get(criterion.id, (None, None))

        own_step = ref_step = None
        try:
            own_step = criterion.index_of(own) if own else None
            ref_step = criterion.index_of(ref) if ref else None
        except ValueError:
            pass
        apart = own_step - ref_step if own_step is not None and ref_step is not None else None
        rows.append(
            CriterionFeedback(
                criterion.id,
                criterion.title,
                _label(criterion, own),
                _label(criterion, ref),
                apart,
                ref_comment,
                len(criterion.levels),
                own_step,
                ref_step,
            )
        )
    return PracticeFeedback(
        submission_id, review.decision, reference.decision, anchor.rationale, tuple(rows)
    )


def _label(criterion: Criterion, level: str | None) -> str | None:
    try:
        return criterion.level(level).label if level else None
    except ValueError:
        return level


def _qualify(feedback: list[PracticeFeedback], rules: Rules) -> tuple[bool, list[str]]:
    """The same rules as the report: exact agreement by scale size, weighted kappa on
    four or more levels, no contradicted pass/fail decision."""
    from reviewer_app.calibration import stats

    rows = [r for item in feedback for r in item.criteria if r.steps_apart is not None]
    levels = max((r.levels for r in rows), default=2)
    exact = sum(1 for r in rows if r.steps_apart == 0) / len(rows) if rows else 0.0
    contradictions = sum(
        1
        for item in feedback
        if item.your_decision
        and item.reference_decision
        and item.your_decision != item.reference_decision
    )
    why = []
    needed = rules.exact_needed(levels)
    if exact < needed:
        why.append(f"exact agreement {exact:.0%} is below {needed:.0%}")
    if levels >= 4 and rows:
        kappa = stats.quadratic_weighted_kappa(
            [float(r.your_step or 0) for r in rows],
            [float(r.reference_step or 0) for r in rows],
            levels,
        )
        if not kappa >= rules.kappa_more:
            why.append(f"weighted kappa {kappa:.2f} is below {rules.kappa_more:.2f}")
    if contradictions:
        why.append(f"{contradictions} pass/fail decisions contradict the reference")
    return not why, why or ["meets every rule"]


def practice_feedback_for(
    session: Session, submission_pk: int, reviewer: str
) -> PracticeFeedback | None:
    """The feedback to show `reviewer` right after submitting this submission: when it
    is an anchor of a practice set assigned to them (qualifying sets show nothing)."""
    person = session.scalar(select(Reviewer).where(Reviewer.name == reviewer.strip()))
    anchor = session.scalar(select(Anchor).where(Anchor.submission_id == submission_pk))
    if person is None or anchor is None:
        return None
    in_practice = session.scalar(
        select(CalibrationSet.id)
        .join(CalibrationSetItem, CalibrationSetItem.set_id == CalibrationSet.id)
        .join(CalibrationAssignment, CalibrationAssignment.set_id == CalibrationSet.id)
        .where(
            CalibrationSet.mode == "practice",
            CalibrationSetItem.anchor_id == anchor.id,
            CalibrationAssignment.reviewer_id == person.id,
        )
        .limit(1)
    )
    review = session.scalar(
        select(Review).where(
            Review.submission_id == submission_pk,
            Review.reviewer_id == person.id,
            Review.submitted_at.is_not(None),
        )
    )
    if in_practice is None or review is None or review.id == anchor.reference_review_id:
        return None
    submission_id = session.get_one(Submission, submission_pk).submission_id
    return _compare(session, anchor, review, submission_id)


def feedback_text(feedback: PracticeFeedback) -> str:
    """The practice feedback as plain sentences (for a message box or a terminal)."""
    words: dict[str, str] = {
        Outcome.PASS: translate("Calibration", "Pass"),
        Outcome.NOT_YET: translate("Calibration", "Not Yet"),
    }
    lines = [
        translate("Calibration", "Your decision: {yours}; the reference: {reference}.").format(
            yours=words.get(feedback.your_decision or "", "-"),
            reference=words.get(feedback.reference_decision or "", "-"),
        )
    ]
    if feedback.rationale:
        lines.append(
            translate(
                "Calibration", "Why the reference scores are what they are: {rationale}"
            ).format(rationale=feedback.rationale)
        )
    for row in feedback.criteria:
        if row.steps_apart == 0:
            how = translate("Calibration", "the same as the reference")
        elif row.steps_apart is None:
            how = translate("Calibration", "not compared")
        elif row.steps_apart < 0:
            how = translate(
                "Calibration", "{steps} step(s) harsher than the reference ({reference})"
            ).format(steps=-row.steps_apart, reference=row.reference)
        else:
            how = translate(
                "Calibration", "{steps} step(s) more lenient than the reference ({reference})"
            ).format(steps=row.steps_apart, reference=row.reference)
        line = translate("Calibration", "{criterion}: {yours}, {how}.").format(
            criterion=row.title, yours=row.yours or translate("Calibration", "not scored"), how=how
        )
        if row.reference_comment:
            line += " " + translate("Calibration", "Reference comment: {comment}").format(
                comment=row.reference_comment
            )
        lines.append(line)
    return "\n".join(lines)

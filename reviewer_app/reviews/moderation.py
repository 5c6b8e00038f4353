"""Double marking and adjudication: when a decision stands.

A micro-credential can require N independent reviews of each submission (default 1).
A decision stands once N reviews are submitted and they agree: the same decision, and
no criterion scored more than one level apart. Otherwise the submission waits for a
lead's adjudication, who records the final decision with a rationale and chooses which
feedback the earner receives; every reviewer's review is kept.

An anchor's decision is its reference review's: assessors' reviews of an anchor are
calibration, measured against the reference, never a vote.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select, update
from sqlalchemy.orm import Session

from reviewer_app.audit import state, trail
from reviewer_app.errors import UserError
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.database import sees_every_row
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import (
    Anchor,
    Annotation,
    CredentialSetting,
    CriterionScore,
    Decision,
    Definition,
    IssuedCredential,
    Review,
    Reviewer,
    Submission,
    utcnow,
)
from reviewer_app.vocabulary import OUTCOME_WORDS, Outcome, Status
from reviewer_app.wording import translate

MAX_REVIEWS = 9


class ModerationError(UserError):
    pass


@dataclass(frozen=True)
class Disagreement:
    """Why a submission went to adjudication, in words a lead reads."""

    decisions: dict[str, str]  # reviewer -> outcome
    criteria: dict[str, dict[str, str]]  # criterion id -> reviewer -> level id, where apart

    def sentences(self) -> list[str]:
        out = []
        if len(set(self.decisions.values())) > 1:
            out.append(
                "The decisions differ: "
                + ", ".join(
                    f"{r} {OUTCOME_WORDS.get(d, d)}" for r, d in sorted(self.decisions.items())
                )
                + "."
            )
        for criterion, levels in self.criteria.items():
            out.append(
                f"{criterion}: levels more than one step apart ("
                + ", ".join(f"{r} {lv}" for r, lv in sorted(levels.items()))
                + ")."
            )
        return out


def required_reviews(session: Session, credential_uri: str | None) -> int:
    if credential_uri is None:
        return 1
    setting = session.get(CredentialSetting, credential_uri)
    return setting.required_reviews if setting is not None else 1


def set_required_reviews(folder: DataFolder, credential_uri: str, count: int, actor: str) -> None:
    if not 1 <= count <= MAX_REVIEWS:
        raise ModerationError(
            translate(
                "Moderation",
                "A submission needs between 1 and {most} independent reviews, not {count}.",
            ).format(most=MAX_REVIEWS, count=count)
        )
    with folder.sessions.begin() as session:
        known = session.scalar(
            select(Definition.id).where(Definition.achievement_uri == credential_uri).limit(1)
        )
        if known is None:
            raise ModerationError(
                translate(
                    "Moderation",
                    "There is no micro-credential {credential!r} here; "
                    "'reviewer-app definitions list' shows them.",
                ).format(credential=credential_uri)
            )
        setting = session.get(CredentialSetting, credential_uri)
        before = setting.required_reviews if setting is not None else 1
        if setting is None:
            session.add(CredentialSetting(credential_uri=credential_uri, required_reviews=count))
        else:
            setting.required_reviews = count
        trail.record(
            session,
            actor=actor,
            action="credential.require_reviews",
            entity="credential",
            entity_id=credential_uri,
            before={"required_reviews": before},
            after={"required_reviews": count},
        )


def submitted_reviews(session: Session, submission_pk: int) -> list[tuple[Review, str]]:
    """The submission's submitted reviews with their reviewers' names, oldest first."""
    return [
        (review, name)
        for review, name in session.execute(
            select(Review, Reviewer.name)
            .join(Reviewer, Reviewer.id == Review.reviewer_id)
            .where(Review.submission_id == submission_pk, Review.submitted_at.is_not(None))
            .order_by(Review.submitted_at, Review.id)
        ).all()
    ]


def disagreement(session: Session, reviews: list[tuple[Review, str]]) -> Disagreement | None:
    """None when the reviews agree: one decision, no criterion more than a step apart."""
    decisions = {name: review.decision or "" for review, name in reviews}
    levels: dict[str, dict[str, str]] = {}
    scales: dict[int, Rubric] = {}
    for review, name in reviews:
        if review.definition_id not in scales:
            definition = session.get_one(Definition, review.definition_id)
            scales[review.definition_id] = Rubric.from_content(definition.content)
        for criterion, level in session.execute(
            select(CriterionScore.criterion_id, CriterionScore.level_id).where(
                CriterionScore.review_id == review.id
            )
        ).all():
            if level:
                levels.setdefault(criterion, {})[name] = level
    apart: dict[str, dict[str, str]] = {}
    rubric = scales[reviews[0][0].definition_id]
    for criterion, by_reviewer in levels.items():
        try:
            steps = [rubric.criterion(criterion).index_of(lv) for lv in by_reviewer.values()]
        except (KeyError, ValueError):
            continue  # scored under another rubric version's criteria: not comparable
        if max(steps) - min(steps) > 1:
            apart[criterion] = by_reviewer
    if len(set(decisions.values())) == 1 and not apart:
        return None
    return Disagreement(decisions, apart)


def settle(session: Session, submission_pk: int, at: dt.datetime, *, actor: str = "system") -> str:
    """Brings the submission's decision and status up to date with its submitted
    reviews; returns the status. Call in the transaction that submits or reopens: it
    ends by recording in the audit trail the state that transaction leaves."""
    status = _settle(session, submission_pk, at)
    state.note(session, submission_pk, actor)
    return status


def _settle(session: Session, submission_pk: int, at: dt.datetime) -> str:
    from reviewer_app.reviews.service import record_decision

    submission = session.get_one(Submission, submission_pk)
    reviews = submitted_reviews(session, submission_pk)
    anchor = session.scalar(select(Anchor).where(Anchor.submission_id == submission_pk))
    if anchor is not None:
        reference = next((r for r, _ in reviews if r.id == anchor.reference_review_id), None)
        if reference is not None and reference.decision:
            record_decision(session, submission_pk, reference.decision, reference.id, at)
            return reference.decision
    existing = session.scalar(select(Decision).where(Decision.submission_id == submission_pk))
    if existing is not None and existing.decided_by is not None:
        return existing.outcome  # a lead's adjudication stands until the lead changes it
    if not sees_every_row(session) and _out_of_sight(session, submission_pk, reviews):
        # An assessor's login on a team database does not see its colleagues' reviews,
        # so it cannot compare them: the submission waits, and a lead's program
        # settles it (`settle_waiting`).
        session.execute(
            update(Submission).where(Submission.id == submission_pk).values(status=Status.IN_REVIEW)
        )
        return Status.IN_REVIEW
    need = required_reviews(session, submission.credential_uri)
    if len(reviews) < need:
        started = bool(reviews) or _any_review(session, submission_pk)
        status = Status.IN_REVIEW if started else Status.UNREVIEWED
        _withdraw(session, submission_pk, status)
        return status
    found = disagreement(session, reviews)
    if found is None:
        first = reviews[0][0]
        record_decision(session, submission_pk, first.decision or "", first.id, at)
        return first.decision or ""
    _withdraw(session, submission_pk, Status.ADJUDICATION)
    return Status.ADJUDICATION


def _out_of_sight(session: Session, submission_pk: int, seen: list[tuple[Review, str]]) -> bool:
    """Whether the submission has submitted reviews this login cannot read."""
    every = session.scalar(select(func.reviewer_app_submitted_reviews(submission_pk)))
    return int(every or 0) != len(seen)


def settle_waiting(folder: DataFolder, actor: str) -> list[tuple[str, str]]:
    """Settles the submissions whose reviews are all in but were submitted where they
    could not be compared (by assessors on a team database); returns (submission id,
    status) of each that changed. For a lead, who reads every review."""
    changed: list[tuple[str, str]] = []
    with folder.sessions.begin() as session:
        if not sees_every_row(session):
            raise ModerationError(
                translate("Moderation", "Only a lead settles submissions whose reviews are in.")
            )
        now = utcnow()
        for pk, submission_id in session.execute(
            select(Submission.id, Submission.submission_id)
            .where(Submission.status == Status.IN_REVIEW)
            .where(~select(Decision.id).where(Decision.submission_id == Submission.id).exists())
            .order_by(Submission.id)
        ).all():
            status = _settle(session, pk, now)
            if status != Status.IN_REVIEW:
                state.note(session, pk, actor)
                changed.append((submission_id, status))
    return changed


def _any_review(session: Session, submission_pk: int) -> bool:
    return (
        session.scalar(select(Review.id).where(Review.submission_id == submission_pk).limit(1))
        is not None
    )


def _withdraw(session: Session, submission_pk: int, status: str) -> None:
    """No decision stands (unless a credential was issued on it, which must be revoked
    first: reopening refuses that case before it gets here). An assessor's login on a
    team database neither reads credentials nor removes decisions: it sets the status."""
    if not sees_every_row(session):
        session.execute(
            update(Submission).where(Submission.id == submission_pk).values(status=status)
        )
        return
    issued = session.scalar(
        select(IssuedCredential.id)
        .join(Decision, Decision.id == IssuedCredential.decision_id)
        .where(Decision.submission_id == submission_pk)
        .limit(1)
    )
    if issued is None:
        session.execute(delete(Decision).where(Decision.submission_id == submission_pk))
    session.execute(update(Submission).where(Submission.id == submission_pk).values(status=status))


def adjudicate(
    folder: DataFolder,
    submission_id: str,
    lead: str,
    outcome: str,
    rationale: str,
    *,
    feedback_from: str | None = None,
    feedback: str | None = None,
    annotations: Sequence[int] | None = None,
) -> None:
    """A lead's final decision on a submission whose reviews disagree (or any other),
    with a rationale; the earner receives the feedback of the review by `feedback_from`,
    or the lead's own `feedback`. `annotations` are the ids of the reviewers'
    annotations the lead carries into the earner's feedback (any submitted review's);
    None leaves it to the review the feedback comes from."""
    from reviewer_app.reviews.service import record_decision
    from reviewer_app.team.members import check_acting_as

    if outcome not in tuple(Outcome):
        raise ModerationError(
            translate("Moderation", "A decision is 'pass' or 'not-yet', not {outcome!r}.").format(
                outcome=outcome
            )
        )
    if not rationale.strip():
        raise ModerationError(
            translate("Moderation", "Say why: an adjudicated decision keeps its rationale.")
        )
    with folder.sessions.begin() as session:
        person = session.scalar(select(Reviewer).where(Reviewer.name == lead.strip()))
        if person is None or person.role != "lead":
            raise ModerationError(
                translate("Moderation", "{lead} is not a lead here; only leads adjudicate.").format(
                    lead=lead
                )
            )
        check_acting_as(session, lead)  # on a team database, the login is the person
        submission = session.scalar(
            select(Submission).where(Submission.submission_id == submission_id)
        )
        if submission is None:
            raise ModerationError(
                translate("Moderation", "There is no submission {submission!r} here.").format(
                    submission=submission_id
                )
            )
        reviews = submitted_reviews(session, submission.id)
        chosen = None
        if feedback_from is not None:
            chosen = next((r for r, name in reviews if name == feedback_from.strip()), None)
            if chosen is None:
                raise ModerationError(
                    translate(
                        "Moderation",
                        "{reviewer} has no submitted review of {submission} to take "
                        "the feedback from.",
                    ).format(reviewer=feedback_from, submission=submission_id)
                )
        if chosen is None and not (feedback or "").strip():
            raise ModerationError(
                translate(
                    "Moderation",
                    "Choose whose feedback the earner receives, or write the feedback.",
                )
            )
        carried = _carried(session, submission_id, reviews, annotations)
        now = utcnow()
        record_decision(
            session,
            submission.id,
            outcome,
            chosen.id if chosen else None,
            now,
            decided_by=person.id,
            rationale=rationale.strip(),
        )
        decision = session.scalars(
            select(Decision).where(Decision.submission_id == submission.id)
        ).one()
        decision.feedback_review_id = chosen.id if chosen else None
        decision.feedback = (feedback or "").strip() or None
        decision.letter_annotations = carried
        trail.record(
            session,
            actor=person.name,
            action="decision.adjudicate",
            entity="decision",
            entity_id=submission_id,
            after={
                "outcome": outcome,
                "rationale": rationale.strip(),
                "feedback_from": feedback_from,
                "reviews": [r.id for r, _ in reviews],
                "feedback": (feedback or "").strip() or None,
                "annotations": carried,
            },
        )
        state.note(session, submission.id, person.name)


def _carried(
    session: Session,
    submission_id: str,
    reviews: list[tuple[Review, str]],
    annotations: Sequence[int] | None,
) -> list[int] | None:
    """The annotations a lead carries into the letter, checked: each one of a submitted
    review of this submission (a draft's may still change or go)."""
    if annotations is None:
        return None
    wanted = sorted(set(annotations))
    submitted = [r.id for r, _ in reviews]
    found = set(
        session.scalars(
            select(Annotation.id).where(
                Annotation.id.in_(wanted), Annotation.review_id.in_(submitted)
            )
        )
    )
    missing = [n for n in wanted if n not in found]
    if missing:
        raise ModerationError(
            translate(
                "Moderation",
                "{submission} has no annotation {ids} in a submitted review to pass on "
                "to the earner.",
            ).format(submission=submission_id, ids=", ".join(str(n) for n in missing))
        )
    return wanted


@dataclass(frozen=True)
class WaitingSubmission:
    """A submission waiting for a lead, and why."""

    pk: int
    submission_id: str
    credential: str | None  # the micro-credential's name, else its URI; None if none
    disagreement: Disagreement | None  # None when its reviews were not compared


def waiting_submissions(session: Session) -> list[WaitingSubmission]:
    """Submissions waiting for a lead, in the order they were imported."""
    out = []
    for pk, submission_id, name, uri in session.execute(
        select(
            Submission.id,
            Submission.submission_id,
            Submission.credential_name,
            Submission.credential_uri,
        )
        .where(Submission.status == Status.ADJUDICATION)
        .order_by(Submission.id)
    ).all():
        reviews = submitted_reviews(session, pk)
        found = disagreement(session, reviews) if reviews else None
        out.append(WaitingSubmission(pk, submission_id, name or uri or None, found))
    return out


def adjudication_queue(session: Session) -> list[tuple[str, list[str]]]:
    """Submissions waiting for a lead, each with the reasons in words."""
    return [
        (w.submission_id, w.disagreement.sentences() if w.disagreement else [])
        for w in waiting_submissions(session)
    ]

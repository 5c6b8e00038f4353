"""Who scores what: a lead assigns submissions to assessors, by hand or spread evenly.

`assign` gives the named submissions to one reviewer (named by login or by name); it is
all or nothing, and assigning again what is assigned changes nothing. `assign_auto`
gives every submission still to be decided as many assessors as its micro-credential
requires (`definitions require-reviews`), choosing each time among the assessors who
have it neither assigned nor reviewed the one with the fewest assignments (then by
name), so that the work spreads evenly. Each assignment is in the audit trail
(`team.assign`). On a team database only a lead (or the database's owner) assigns.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from reviewer_app.audit import trail
from reviewer_app.reviews.moderation import required_reviews
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Assignment, Review, Reviewer, Submission
from reviewer_app.team.members import TeamError
from reviewer_app.vocabulary import Status
from reviewer_app.wording import translate


@dataclass(frozen=True)
class Assigned:
    submission_id: str
    reviewer: str
    login: str | None


def _only_leads(session: Session) -> None:
    if session.get_bind().dialect.name != "postgresql":
        return
    login = session.scalar(text("SELECT current_user"))
    role = session.scalar(select(Reviewer.role).where(Reviewer.login == login))
    if role is not None and role != "lead":
        raise TeamError(translate("Team", "Only a lead assigns submissions."))


def _reviewer(session: Session, who: str) -> Reviewer:
    person = session.scalar(
        select(Reviewer).where(or_(Reviewer.login == who.strip(), Reviewer.name == who.strip()))
    )
    if person is None:
        raise TeamError(
            translate("Team", "There is no reviewer {who!r} here (reviewer-app team add).").format(
                who=who
            )
        )
    return person


def _record(session: Session, person: Reviewer, submission: str, actor: str) -> Assigned:
    trail.record(
        session,
        actor=actor,
        action="team.assign",
        entity="submission",
        entity_id=submission,
        after={"reviewer": person.name},
    )
    return Assigned(submission, person.name, person.login)


def assign(
    folder: DataFolder, who: str, submission_ids: Sequence[str], *, actor: str
) -> list[Assigned]:
    with folder.sessions.begin() as session:
        _only_leads(session)
        person = _reviewer(session, who)
        wanted = list(dict.fromkeys(s.strip() for s in submission_ids))
        found = {
            sid: pk
            for sid, pk in session.execute(
                select(Submission.submission_id, Submission.id).where(
                    Submission.submission_id.in_(wanted)
                )
            )
        }
        missing = [s for s in wanted if s not in found]
        if missing:
            raise TeamError(
                translate("Team", "No submission {missing} here; nothing was assigned.").format(
                    missing=", ".join(repr(m) for m in missing)
                )
            )
        held = set(
            session.scalars(
                select(Assignment.submission_id).where(Assignment.reviewer_id == person.id)
            )
        )
        done = []
        for submission in wanted:
            if found[submission] in held:
                continue
            pk = found[submission]
            session.add(Assignment(submission_id=pk, reviewer_id=person.id, assigned_by=actor))
            done.append(_record(session, person, submission, actor))
        return done


def assign_auto(folder: DataFolder, *, actor: str) -> list[Assigned]:
    with folder.sessions.begin() as session:
        _only_leads(session)
        assessors = list(
            session.scalars(
                select(Reviewer).where(Reviewer.role == "assessor").order_by(Reviewer.name)
            )
        )
        if not assessors:
            raise TeamError(
                translate("Team", "There are no assessors to assign to (reviewer-app team add).")
            )
        load = {
            reviewer: count
            for reviewer, count in session.execute(
                select(Assignment.reviewer_id, func.count(Assignment.id)).group_by(
                    Assignment.reviewer_id
                )
            )
        }
        done = []
        open_ones = session.execute(
            select(Submission.id, Submission.submission_id, Submission.credential_uri)
            .where(Submission.status.in_((Status.UNREVIEWED, Status.IN_REVIEW)))
            .where(Submission.credential_uri.is_not(None))
            .order_by(Submission.submitted_at, Submission.submission_id)
        ).all()
        for pk, submission, credential in open_ones:
            assigned = select(Assignment.reviewer_id).where(Assignment.submission_id == pk)
            reviewed = select(Review.reviewer_id).where(Review.submission_id == pk)
            taken = set(session.scalars(assigned)) | set(session.scalars(reviewed))
            need = required_reviews(session, credential) - len(taken)
            for _ in range(max(0, need)):
                free = [a for a in assessors if a.id not in taken]
                if not free:
                    break
                person = min(free, key=lambda a: (load.get(a.id, 0), a.name))
                session.add(Assignment(submission_id=pk, reviewer_id=person.id, assigned_by=actor))
                taken.add(person.id)
                load[person.id] = load.get(person.id, 0) + 1
                done.append(_record(session, person, submission, actor))
        return done

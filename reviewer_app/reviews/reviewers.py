"""Reviewer profiles: who reviews here, as an assessor or a lead."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.audit import trail
from reviewer_app.errors import UserError
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Reviewer
from reviewer_app.wording import translate


class ProfileError(UserError):
    pass


@dataclass(frozen=True)
class Profile:
    name: str
    role: str  # "assessor" or "lead"


def profile_name(name: str) -> str:
    """The name as a profile keeps it, or a refusal when there is none."""
    name = name.strip()
    if not name:
        raise ProfileError(translate("Review", "A reviewer needs a name."))
    return name


def set_profile(folder: DataFolder, name: str, role: str, actor: str) -> Profile:
    """Adds the reviewer profile, or gives an existing one this role; either way in the
    audit trail."""
    name = profile_name(name)
    with folder.sessions.begin() as session:
        person = session.scalar(select(Reviewer).where(Reviewer.name == name))
        before = {"role": person.role} if person else None
        if person is None:
            person = Reviewer(name=name, role=role)
            session.add(person)
        person.role = role
        session.flush()
        trail.record(
            session,
            actor=actor,
            action="reviewer.add" if before is None else "reviewer.role",
            entity="reviewer",
            entity_id=name,
            before=before,
            after={"role": role},
        )
    return Profile(name, role)


def profiles(session: Session) -> list[Profile]:
    """Every reviewer profile, by name."""
    return [
        Profile(name, role)
        for name, role in session.execute(
            select(Reviewer.name, Reviewer.role).order_by(Reviewer.name)
        ).all()
    ]

"""A team database's people: its two group roles, the logins in them, and the reviewer
profile each login is bound to.

`setup_team` (run by the database's owner) creates the schema and the group roles
`reviewer_app_assessor` and `reviewer_app_lead` with their grants; it can be run again.
`add_member` creates a login in its group and binds a reviewer profile to it;
`remove_member` disables the login and keeps its work. Who may read and change what,
row by row, is in `rules` (installed by `setup_team`); see docs/team.md.

The person is the login: on a team database a command acting for a reviewer must run as
that reviewer's login (`check_acting_as`); the database's owner, who has no profile,
administers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from reviewer_app.audit import trail
from reviewer_app.errors import UserError
from reviewer_app.storage.database import TRAIL_LOCK_KEY
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Reviewer
from reviewer_app.team import rules
from reviewer_app.team.rules import ASSESSOR_GROUP, LEAD_GROUP
from reviewer_app.wording import translate

GROUPS = {"assessor": ASSESSOR_GROUP, "lead": LEAD_GROUP}
# A login as PostgreSQL spells it unquoted: it is then the same in every tool.
_LOGIN = re.compile(r"[a-z_][a-z0-9_]{0,62}")


class TeamError(UserError):
    pass


@dataclass(frozen=True)
class Member:
    name: str
    login: str
    role: str


def _require_postgresql(folder: DataFolder) -> None:
    if folder.engine.dialect.name != "postgresql":
        raise TeamError(
            translate(
                "Team",
                "This works on a team database only: give --database "
                "postgresql://OWNER@HOST:PORT/DBNAME.",
            )
        )


def setup_team(folder: DataFolder) -> list[str]:
    """The group roles and their grants (the schema is made when the folder opens).
    Returns the groups' names. Safe to run again."""
    _require_postgresql(folder)
    with folder.engine.begin() as conn:
        for group in GROUPS.values():
            exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": group})
            if not exists:
                conn.execute(text(f"CREATE ROLE {group} NOLOGIN"))
        database = conn.scalar(text("SELECT current_database()"))
        for statement in rules.statements(str(database), TRAIL_LOCK_KEY):
            conn.exec_driver_sql(statement)
    return list(GROUPS.values())


def add_member(
    folder: DataFolder, name: str, login: str, role: str, password: str, *, actor: str
) -> Member:
    """A login in its group, and the reviewer profile bound to it (made, or bound if it
    exists unbound), recorded in the audit trail."""
    _require_postgresql(folder)
    name = name.strip()
    if not name:
        raise TeamError(translate("Team", "A team member needs a name."))
    if not _LOGIN.fullmatch(login):
        raise TeamError(
            translate(
                "Team",
                "{login!r} cannot be a login: use lower-case letters, digits and _ "
                "(at most 63), starting with a letter.",
            ).format(login=login)
        )
    if role not in GROUPS:
        raise TeamError(
            translate("Team", "A role is 'assessor' or 'lead', not {role!r}.").format(role=role)
        )
    if len(password) < 12:
        raise TeamError(translate("Team", "A login's password needs at least 12 characters."))
    with folder.sessions.begin() as session:
        person = session.scalar(select(Reviewer).where(Reviewer.name == name))
        if person is not None and person.login not in (None, login):
            raise TeamError(
                translate("Team", "{name} is bound to the login {login} already.").format(
                    name=name, login=person.login
                )
            )
        taken = session.scalar(select(Reviewer.name).where(Reviewer.login == login))
        if taken is not None and taken != name:
            raise TeamError(
                translate("Team", "The login {login} is {name}'s already.").format(
                    login=login, name=taken
                )
            )
        conn = session.connection()
        exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login})
        verb = "ALTER" if exists else "CREATE"
        # The server is given the password's SCRAM verifier, never the password: it is
        # not in the server's statement log either.
        conn.exec_driver_sql(f"{verb} ROLE {login} LOGIN PASSWORD '{scram_verifier(password)}'")
        for group in GROUPS.values():
            conn.execute(text(f"REVOKE {group} FROM {login}"))
        conn.execute(text(f"GRANT {GROUPS[role]} TO {login}"))
        before = None if person is None else {"role": person.role, "login": person.login}
        if person is None:
            person = Reviewer(name=name, role=role)
            session.add(person)
        person.role, person.login = role, login
        session.flush()
        trail.record(
            session,
            actor=actor,
            action="team.add",
            entity="reviewer",
            entity_id=name,
            before=before,
            after={"role": role, "login": login},
        )
    return Member(name, login, role)


def remove_member(folder: DataFolder, login: str, *, actor: str) -> Member:
    """Disables the login (it can no longer connect); its profile and work stay."""
    _require_postgresql(folder)
    with folder.sessions.begin() as session:
        person = session.scalar(select(Reviewer).where(Reviewer.login == login))
        if person is None or not _LOGIN.fullmatch(login):
            raise TeamError(
                translate("Team", "No team member has the login {login!r}.").format(login=login)
            )
        session.connection().execute(text(f"ALTER ROLE {login} NOLOGIN"))
        trail.record(
            session,
            actor=actor,
            action="team.remove",
            entity="reviewer",
            entity_id=person.name,
            before={"login": login},
            after={"login": login, "disabled": True},
        )
        return Member(person.name, login, person.role)


def check_acting_as(session: Session, reviewer: str) -> None:
    """On a team database, a login bound to a profile acts as that profile only."""
    if session.get_bind().dialect.name != "postgresql":
        return
    login = session.scalar(text("SELECT current_user"))
    bound = session.scalar(select(Reviewer.name).where(Reviewer.login == login))
    if bound is not None and bound != reviewer.strip():
        raise TeamError(
            translate(
                "Team",
                "You are connected as {login}, who is {name}: you cannot act as {reviewer}.",
            ).format(login=login, name=bound, reviewer=reviewer.strip())
        )


def scram_verifier(password: str) -> str:
    """What PostgreSQL stores for a SCRAM-SHA-256 password (its own format): base64 and
    punctuation only, so it is safe in DDL, which takes no parameters."""
    import base64

    from scramp import ScramMechanism

    salt, stored, server, rounds = ScramMechanism("SCRAM-SHA-256").make_auth_info(
        password, iteration_count=4096
    )

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${rounds}:{b64(salt)}${b64(stored)}:{b64(server)}"

"""Micro-credentials named by the last segment of their id.

A definition's id is a long address (`https://example.org/credentials/global-classroom-1`);
people type its last path segment (`global-classroom-1`). `resolve_credential` is the one
place that turns what was typed into a definition's id: the full id always works, the
short one when exactly one micro-credential here ends with it. Two that share it are a
refusal naming both, never a guess.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.errors import UserError
from reviewer_app.storage.models import Definition
from reviewer_app.wording import translate


class UnknownCredential(UserError):
    """No micro-credential here is named that, or more than one is."""


def short_id(uri: str) -> str:
    """The last path segment of `uri` (after the last ':' for an id with no '/')."""
    trimmed = uri.rstrip("/")
    if "/" in trimmed:
        return trimmed.rsplit("/", 1)[-1]
    return trimmed.rsplit(":", 1)[-1] if ":" in trimmed else trimmed


def resolve_credential(session: Session, given: str) -> str:
    """The id of the micro-credential `given` names: its full id or its short id."""
    wanted = given.strip()
    known = list(session.scalars(select(Definition.achievement_uri).distinct()))
    if wanted in known:
        return wanted
    matches = sorted(uri for uri in known if short_id(uri) == wanted)
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise UnknownCredential(
            translate(
                "Credentials",
                "{given!r} could name {count} micro-credentials here; give the full id of "
                "one: {candidates}.",
            ).format(given=wanted, count=len(matches), candidates=", ".join(matches))
        )
    raise UnknownCredential(
        translate(
            "Credentials",
            "There is no micro-credential {given!r} here; "
            "'reviewer-app definitions list' shows them.",
        ).format(given=wanted)
    )

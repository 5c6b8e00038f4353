"""Which definitions are current: light queries, for code that only reads rubrics
(the window imports this at start; adding definitions needs the heavier validation)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session, defer

from reviewer_app.storage.models import Definition


def current_definition(
    session: Session, achievement_uri: str, *, with_content: bool = True
) -> Definition | None:
    """The highest version: the one new reviews use. Without `with_content` its JSON is
    read only when first touched (a caller holding the parsed rubric needs none)."""
    query = (
        select(Definition)
        .where(Definition.achievement_uri == achievement_uri)
        .order_by(Definition.version.desc())
        .limit(1)
    )
    if not with_content:
        query = query.options(defer(Definition.content))
    return session.scalar(query)


def list_current(session: Session) -> list[Definition]:
    newest = (
        select(Definition.achievement_uri, func.max(Definition.version).label("version"))
        .group_by(Definition.achievement_uri)
        .subquery()
    )
    return list(
        session.scalars(
            select(Definition)
            .join(
                newest,
                (Definition.achievement_uri == newest.c.achievement_uri)
                & (Definition.version == newest.c.version),
            )
            .order_by(Definition.name)
        )
    )

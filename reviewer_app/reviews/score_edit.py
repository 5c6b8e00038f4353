"""A level or comment saved on a team database in one message: the transaction's
BEGIN and a call of the server's `reviewer_app_edit_score` (reviewer_app/team/rules.py),
which locks the open review, reads the stored value after the lock and writes the
score if it changes.

Sent as the program's own statements, the same save costs the BEGIN, the claim and the
upsert one round trip each. With twenty assessors saving at once on a small server,
every round trip is processor time on both sides, and a save's latency follows the
processor time it takes (bench/team_bench.py). The function's statements are planned
once a session; it runs as its caller, so the row-level security policies hold as
they do for the statements it replaces.

Where it cannot be used (a data folder, a database whose `team setup` predates the
function, a text holding a NUL character, which no literal can carry) `edit_score`
says so and the caller claims and upserts statement by statement, as before.
"""

from __future__ import annotations

import datetime as dt
import weakref
from typing import Any

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from reviewer_app.storage import prepared

LEVEL, COMMENT = "level", "comment"

_HAS_FUNCTION = text(
    "SELECT EXISTS (SELECT 1 FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
    "WHERE n.nspname = 'public' AND p.proname = 'reviewer_app_edit_score')"
)
_HAS_IT: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def applies(engine: Engine) -> bool:
    """Whether saves on this engine's database may go through the function: a team
    database through its driver (asked no more; see `available`)."""
    return engine.dialect.driver == "pg8000"


def available(conn: Connection) -> bool:
    """Whether this connection's database has the function: asked once per engine (a
    program connected before `team setup` added it goes on saving as before)."""
    if not prepared.applies(conn):
        return False
    engine = conn.engine
    known = _HAS_IT.get(engine)
    if known is None:
        known = _HAS_IT[engine] = bool(conn.scalar(_HAS_FUNCTION))
    return known


def edit_score(
    conn: Connection,
    review_id: int,
    criterion_id: str,
    field: str,
    value: str | None,
    at: dt.datetime,
) -> tuple[bool, str | None] | None:
    """Saves `field` (LEVEL or COMMENT) of the review's score for `criterion_id` as
    `value`, in the transaction `conn` is in (begun by the same message if not yet):
    (whether the review is open, the value stored before). Nothing is written when the
    review is not open, nor when the value is the one stored (a comment's "" and none
    are the same). None, with nothing sent, where the function cannot be used."""
    if not available(conn):
        return None
    if value is not None and "\x00" in value:
        return None
    instant = at.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
    arguments = ", ".join(
        [
            str(int(review_id)),
            prepared.literal(criterion_id),
            prepared.literal(field),
            "NULL" if value is None else prepared.literal(value),
            f"{prepared.literal(instant)}::timestamp",
        ]
    )
    # Committed asynchronously: the append that ends the save flushes after its COMMIT
    # (prepared.append_and_commit), so the trail's turn is not held while the disk writes.
    statement = (
        "SET LOCAL synchronous_commit = off; "
        f"SELECT is_open, stored_value FROM public.reviewer_app_edit_score({arguments})"
    )
    dbapi_connection: Any = conn.connection.dbapi_connection
    if not dbapi_connection._in_transaction:
        statement = f"begin transaction; {statement}"
    try:
        context = dbapi_connection.execute_simple(statement)
    except conn.dialect.loaded_dbapi.Error as e:
        raise DBAPIError.instance(
            statement, None, e, conn.dialect.loaded_dbapi.Error, dialect=conn.dialect
        ) from e
    conn.info[prepared.FLUSH_AFTER_COMMIT] = True
    (is_open, stored), *_ = context.rows
    return bool(is_open), stored

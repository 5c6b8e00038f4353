"""The imported submissions as a list: who, for which micro-credential, which attempt,
where each stands. Reads only; plain values out.

A term holds a hundred thousand submissions, so the list is read as columns (no ORM
objects: those cost about ten times as much a row, half of it in garbage collection) and
given out a row at a time as the database returns them: memory stays that of a row,
whatever the count. Whether an earner's submissions disagree on who they are is worked
out by the database in the same statement.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, text

from reviewer_app.storage.database import sees_every_row

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

# The fields of a row, in the order the command line has always printed them.
FIELDS = (
    "submission_id",
    "earner",
    "earner_email",
    "earner_conflict",  # this earner's submissions give different names or emails
    "credential_id",  # None for a loose bundle not yet assigned
    "attempt",
    "status",
)
# Rows fetched from the database at a time (a team database streams them from a cursor).
_BATCH = 1000

# Who each submission says its earner is: its own name and email when its manifest gave
# them, else the earner's (an email from a mailto: id when none was given), as
# `Submission.identity` reads it. An earner id with more than one such identity is in
# conflict, for a person to settle: every one of its submissions says so.
_NAME = "CASE WHEN s.earner_name IS NOT NULL THEN s.earner_name ELSE e.name END"
_EMAIL = """CASE WHEN s.earner_name IS NOT NULL THEN s.earner_email
    ELSE COALESCE(e.email, CASE WHEN lower(substr(e.external_id, 1, 7)) = 'mailto:'
                                THEN substr(e.external_id, 8) END) END"""
_LIST = f"""
WITH conflicted AS (
    SELECT earner_id FROM (
        SELECT DISTINCT s.earner_id, {_NAME} AS name, {_EMAIL} AS email
        FROM submissions AS s JOIN earners AS e ON e.id = s.earner_id
    ) AS d
    GROUP BY earner_id HAVING count(*) > 1
)
SELECT s.submission_id, {_NAME}, {_EMAIL}, c.earner_id IS NOT NULL,
       s.credential_uri, s.attempt, s.status
FROM submissions AS s
JOIN earners AS e ON e.id = s.earner_id
LEFT JOIN conflicted AS c ON c.earner_id = s.earner_id
ORDER BY {{submitted}}, s.submission_id
"""
# SQLite reads the table in its order and sorts (the "+" keeps it off the date's
# index): half the time of following the index, which visits the rows out of order.
_ORDER = {"sqlite": "+s.submitted_at", "postgresql": "s.submitted_at"}
# Without the earners' columns, which an assessor's login may not read in blind review.
_CODED = """
SELECT s.submission_id, s.credential_uri, s.attempt, s.status FROM submissions AS s
ORDER BY {submitted}, s.submission_id
"""


def iter_submissions(folder: DataFolder) -> Iterator[tuple[Any, ...]]:
    """Every submission, oldest first (then by id), as a tuple of FIELDS' values.
    Where the earners' names are out of this login's sight (blind review on a team
    database), each stands as its code."""
    with folder.read_engine.connect() as conn:
        if not sees_every_row(conn) and _blind(folder):
            yield from _coded(conn)
            return
        for sid, name, email, conflict, credential, attempt, status in _rows(conn, _LIST):
            yield sid, name, email, bool(conflict), credential, attempt, status


def _rows(conn: Connection, statement: str) -> Iterator[Sequence[Any]]:
    """The statement's rows, a batch at a time: on SQLite from the driver's own cursor
    (a single statement reads one snapshot), on a team database from a server cursor."""
    dialect = conn.dialect.name
    statement = statement.format(submitted=_ORDER.get(dialect, "s.submitted_at"))
    if dialect != "sqlite":
        yield from conn.execution_options(yield_per=_BATCH).execute(text(statement))
        return
    cursor = conn.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(statement)
        while batch := cursor.fetchmany(_BATCH):
            yield from batch
    finally:
        cursor.close()


def _blind(folder: DataFolder) -> bool:
    # Only an assessor's login on a team database gets here: the ORM's setting reader.
    from reviewer_app.storage.folder_settings import BLIND_REVIEW

    with folder.read_sessions() as session:
        return BLIND_REVIEW.get(session)


def _coded(conn: Connection) -> Iterator[tuple[Any, ...]]:
    from reviewer_app.reviews.codes import submission_code

    for sid, credential, attempt, status in _rows(conn, _CODED):
        yield sid, submission_code(sid), None, False, credential, attempt, status

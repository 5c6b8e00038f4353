"""The few statements a reviewer's every save runs, prepared once per connection of a
team database.

Through SQLAlchemy the team database's driver (pg8000) sends each statement unnamed:
three round trips (parse; describe; bind and execute), the statement's text rewritten
for the driver in Python, and the server planning it again, which under the row-level
security policies costs more than running it. A statement prepared once is one round
trip, and after a few runs the server keeps a generic plan. The driver's own prepared
statements do this (pg8000's documented `Connection.prepare`); SQLAlchemy's type
processing is applied here as SQLAlchemy would, and the driver's errors are raised as
SQLAlchemy raises them, so callers see no difference. On a data folder (SQLite, where a
statement costs no round trip) the statement simply runs through SQLAlchemy.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.dialects.postgresql.pg8000 import PGDialect_pg8000
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.sql.dml import UpdateBase
from sqlalchemy.sql.selectable import Select

Statement = Select[*tuple[Any, ...]] | UpdateBase
_Processor = Callable[[Any], Any] | None

# The driver's statements take named parameters (":name"); compiled for it once.
_NAMED = PGDialect_pg8000(paramstyle="named")  # type: ignore[no-untyped-call]


class _Prepared:
    def __init__(self, dbapi_connection: Any, statement: Statement, dialect: Any) -> None:
        self.compiled = compiled = statement.compile(dialect=_NAMED)
        self.statement = compiled.string
        self.binds: dict[str, _Processor] = {
            name: bind.type.bind_processor(dialect) for name, bind in compiled.binds.items()
        }
        self.results: list[_Processor] = [
            column.type.result_processor(dialect, None) for column in statement.exported_columns
        ]
        self.prepared = dbapi_connection.prepare(self.statement)

    def run(self, params: Mapping[str, Any]) -> list[tuple[Any, ...]]:
        # Every bound name: those given, and those the statement holds its own values for.
        values = {
            name: value if (process := self.binds.get(name)) is None else process(value)
            for name, value in self.compiled.construct_params(params).items()
        }
        rows = self.prepared.run(**values)
        if not any(self.results):
            return [tuple(row) for row in rows]
        return [
            tuple(v if p is None else p(v) for v, p in zip(row, self.results, strict=True))
            for row in rows
        ]


# Per driver connection (a connection the pool replaces takes its statements with it).
_PREPARED: weakref.WeakKeyDictionary[Any, dict[Statement, _Prepared]] = weakref.WeakKeyDictionary()


def applies(conn: Connection | Session) -> bool:
    """Whether statements run through `rows` are prepared on this connection."""
    return not isinstance(conn, Session) and conn.dialect.driver == "pg8000"


def rows(
    conn: Connection | Session, statement: Statement, params: Mapping[str, Any]
) -> Sequence[Sequence[Any]]:
    """The rows `statement` returns with `params` (every bound name given), run in the
    transaction; prepared on a team database's connection."""
    if not applies(conn):
        result = conn.execute(statement, params)
        return result.all() if len(statement.exported_columns) else []
    assert isinstance(conn, Connection)
    dbapi_connection: Any = conn.connection.dbapi_connection
    known = _PREPARED.setdefault(dbapi_connection, {})
    prepared = known.get(statement)
    try:
        if not dbapi_connection._in_transaction:
            # SQLAlchemy's BEGIN waits for the first statement; the driver would send it
            # unnamed (three round trips), a simple query is one.
            dbapi_connection.execute_simple("begin transaction")
        if prepared is None:
            prepared = known[statement] = _Prepared(dbapi_connection, statement, conn.dialect)
        return prepared.run(params)
    except conn.dialect.loaded_dbapi.Error as e:
        raise DBAPIError.instance(
            getattr(prepared, "statement", str(statement)),
            dict(params),
            e,
            conn.dialect.loaded_dbapi.Error,
            dialect=conn.dialect,
        ) from e


# Set (in the connection's info) by a transaction that asked for an asynchronous
# commit (`SET LOCAL synchronous_commit = off`): its append waits for the flush after
# the commit, outside the locks (see `append_and_commit`).
FLUSH_AFTER_COMMIT = "reviewer_app.flush_after_commit"
# A transaction of its own whose synchronous commit flushes the log up to its commit
# record, and with it every commit before it (the log is written in order). Several
# programs' flushes are then shared, as plain commits' are. It must write to the log:
# a transaction that wrote nothing commits without a flush even when synchronous, so it
# writes an empty logical message (a log record and nothing else, allowed to any login).
_FLUSH = "begin transaction; SELECT pg_logical_emit_message(true, 'reviewer_app.flush', ''); COMMIT"


def append_and_commit(
    conn: Connection | Session, table: str, rows: Sequence[Mapping[str, Any]]
) -> bool:
    """Inserts `rows` into `table` and commits the transaction, in one message to the
    team database (a simple query of two statements, the values written as literals);
    False, with nothing sent, where that cannot be done (not the team database's
    driver, or a NUL character, which no literal can carry: the caller inserts as usual
    and the server refuses it).

    For an append that holds a lock to the commit (the audit trail's turn, taken by its
    trigger): sent apart, the COMMIT would wait for the program to be given the
    processor again, with the lock held. If the INSERT fails the COMMIT does not run
    and the transaction is left failed, to be rolled back as any failed statement's.

    A transaction that committed asynchronously (FLUSH_AFTER_COMMIT, see
    reviews/score_edit.py) releases its locks without waiting for the disk; the same
    message then waits for the flush in a transaction of its own, so that nothing is
    reported saved before it is on disk, while the next writer already holds the
    lock. A crash before the flush loses only the log's tail: the trail stays one
    chain, shorter, and no save in that tail was reported."""
    if not isinstance(conn, Connection) or not applies(conn):
        return False
    if any("\x00" in value for row in rows for value in row.values() if isinstance(value, str)):
        return False
    columns = list(rows[0])
    values = ", ".join(f"({', '.join(literal(row[c]) for c in columns)})" for row in rows)
    statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}; COMMIT"
    if conn.info.pop(FLUSH_AFTER_COMMIT, False):
        statement = f"{statement}; {_FLUSH}"
    dbapi_connection: Any = conn.connection.dbapi_connection
    if not dbapi_connection._in_transaction:
        statement = f"begin transaction; {statement}"
    try:
        dbapi_connection.execute_simple(statement)
    except conn.dialect.loaded_dbapi.Error as e:
        raise DBAPIError.instance(
            statement, None, e, conn.dialect.loaded_dbapi.Error, dialect=conn.dialect
        ) from e
    return True


def literal(value: Any) -> str:
    """An escape-string literal (its meaning does not depend on the server's
    standard_conforming_strings), or a number as it is."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise TypeError(f"no literal for {type(value).__name__}")
    if isinstance(value, int):
        return str(value)
    return "E'" + value.replace("\\", "\\\\").replace("'", "''") + "'"

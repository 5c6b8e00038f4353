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

Statement = Select[Any] | UpdateBase
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

"""One migration history for both databases: the whole of it runs on a real PostgreSQL
server, and leaves exactly the schema the models describe, as it does on SQLite
(tests/test_storage.py)."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect, text

from reviewer_app.storage.database import make_engine
from reviewer_app.storage.models import Base
from reviewer_app.storage.schema import HEAD, current_revision, upgrade_database
from tests.pg_server import PgServer


def _named(thing: object) -> str:
    return str(getattr(thing, "name", ""))


def test_the_whole_history_runs_on_postgresql_and_builds_the_models_schema(
    pg_server: PgServer,
) -> None:
    engine = make_engine(pg_server.create_database("migrations"))
    try:
        assert current_revision(engine) is None
        upgrade_database(engine, None)
        assert current_revision(engine) == HEAD
        with engine.connect() as conn:
            assert conn.scalar(text("SHOW server_version_num")) is not None
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            differences = [
                d
                for d in compare_metadata(context, Base.metadata)
                # The search index is made by a migration on purpose, as on SQLite.
                if "evidence_text" not in (_named(d[1]), _named(getattr(d[1], "table", None)))
            ]
            tables = set(inspect(conn).get_table_names())
        assert differences == []
        assert {"submissions", "reviews", "annotations", "audit_events"} <= tables
        # Run again: nothing to do, nothing changed.
        upgrade_database(engine, None)
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()


def test_the_audit_trail_refuses_changes_on_postgresql(pg_server: PgServer) -> None:
    """Even the database's owner cannot update, delete or truncate an entry by accident."""
    from sqlalchemy.exc import DBAPIError

    from reviewer_app.audit.trail import record

    engine = make_engine(pg_server.create_database("append_only"))
    try:
        upgrade_database(engine, None)
        with engine.begin() as conn:
            record(conn, actor="a", action="test", entity="x", entity_id="1", after={"n": 1})
        for statement in (
            "UPDATE audit_events SET actor = 'b'",
            "DELETE FROM audit_events",
            "TRUNCATE audit_events",
        ):
            with pytest.raises(DBAPIError, match="append-only"), engine.begin() as conn:
                conn.execute(text(statement))
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM audit_events")) == 1
    finally:
        engine.dispose()

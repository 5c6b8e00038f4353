"""Schema versions with Alembic, wrapped so that opening a data folder upgrades it.

A new data folder's database is created at the current version in one step, from
migrations/head.sql: the schema exactly as the migrations leave it in SQLite (every
table, index, trigger and the full-text index, statement for statement), with the
version row, in one transaction. Running the sixteen migrations instead cost most of a
second at a folder's first opening, for the same result; a test builds a database both
ways and compares them, and scripts/head_schema.py writes the file again after a new
migration. The migrations only upgrade existing databases, and build a team database
(PostgreSQL), whose setup is rare and whose schema differs by dialect.

An older database is copied aside first (SQLite's online backup), then upgraded in one
transaction. A database written by a newer version of the program is refused: we cannot
know what its tables mean.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from reviewer_app.errors import DataFolderError
from reviewer_app.storage.database import reading
from reviewer_app.storage.schema_head import HEAD as HEAD  # where it was always read
from reviewer_app.wording import translate

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The schema at HEAD for SQLite, which a new data folder is created from.
HEAD_SQL = MIGRATIONS / "head.sql"


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["engine"] = engine
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory(str(MIGRATIONS))
    head = script.get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The schema's version; None for a database without one (new, or not ours)."""
    read_version = text("SELECT version_num FROM alembic_version")
    with reading(engine).connect() as conn:
        try:
            revision: str | None = conn.scalar(read_version)
            return revision
        except (OperationalError, ProgrammingError):  # SQLite's "no such table", PostgreSQL's
            conn.rollback()  # PostgreSQL refuses any statement in the failed transaction
            if not inspect(conn).has_table("alembic_version"):
                return None
            # Made since the first look: another program creating the same new folder
            # committed in between. Read again (a failure now is a real one).
            conn.rollback()
            revision = conn.scalar(read_version)
            return revision


def upgrade_database(
    engine: Engine, backup_dir: Path | None, *, to: str = "head", one_step: bool = True
) -> Path | None:
    """Brings the database to `to` (default: the newest schema). An empty SQLite
    database brought to the newest schema is created from head.sql in one step, unless
    `one_step` is False (to build it by the migrations, as a test and the script that
    writes head.sql do).

    Returns the path of the backup made before upgrading an existing database, if any.
    """
    current = current_revision(engine)
    if current == HEAD and to == "head":
        return None
    if current is None and to == "head" and one_step and engine.dialect.name == "sqlite":
        if _create_at_head(engine):
            return None
        # Tables appeared since we looked: another process's creation, or not ours.
        current = current_revision(engine)
        if current == HEAD:
            return None
    from alembic import command
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    cfg = alembic_config(engine)
    script = ScriptDirectory.from_config(cfg)
    if current is None:
        with reading(engine).connect() as conn:
            tables = set(inspect(conn).get_table_names())
        if tables:
            raise DataFolderError(
                translate(
                    "DataFolder",
                    "The database {path} was not made by Portfolio Reviewer (it has tables "
                    "{tables} but no schema version). Choose another data folder.",
                ).format(path=engine.url.database, tables=", ".join(sorted(tables)))
            )
    else:
        try:
            script.get_revision(current)
        except CommandError:
            raise DataFolderError(
                translate(
                    "DataFolder",
                    "The data folder's database (schema {schema}) was written by a newer "
                    "version of Portfolio Reviewer. Install that version or newer to open it; "
                    "nothing was changed.",
                ).format(schema=current)
            ) from None
    target = script.get_revision(to)
    if target is not None and current == target.revision:
        return None
    backup = None
    if current is not None and backup_dir is not None:
        from reviewer_app.storage.backup import backup_before_upgrade

        backup = backup_before_upgrade(engine, backup_dir)
    command.upgrade(cfg, to)
    return backup


def head_statements() -> list[str]:
    """head.sql's statements, in order (a trigger's body holds semicolons of its own)."""
    import sqlite3

    statements, pending = [], ""
    for line in HEAD_SQL.read_text(encoding="utf-8").splitlines(keepends=True):
        if not pending and (not line.strip() or line.startswith("--")):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        raise ValueError(f"{HEAD_SQL} ends inside a statement")
    return statements


def _create_at_head(engine: Engine) -> bool:
    """Creates an empty SQLite database's schema at HEAD in one transaction; False when
    the database has tables (another process may have created it a moment ago, or it is
    not ours: the migration path says which)."""
    with engine.begin() as conn:  # BEGIN IMMEDIATE: one process creates it
        if _has_tables(conn):
            return False
        for statement in head_statements():
            conn.exec_driver_sql(statement)
        conn.execute(text("INSERT INTO alembic_version (version_num) VALUES (:v)"), {"v": HEAD})
    return True


def _has_tables(conn: Connection) -> bool:
    found = conn.scalar(text("SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    return bool(found)


def sqlite_schema(conn: Connection) -> list[tuple[str, str, str, str | None]]:
    """Every object of a SQLite database's schema, (type, name, table, sql), sorted: what
    a database created in one step and one built by the migrations must agree on. A
    table's constraints are compared as a set: the migrations that copy a table (SQLite
    alters tables so) write them in an order that changes from run to run."""
    rows = conn.execute(text("SELECT type, name, tbl_name, sql FROM sqlite_master"))
    return sorted((r[0], r[1], r[2], _comparable(r[3])) for r in rows)


_CONSTRAINT = ("CONSTRAINT ", "PRIMARY KEY", "FOREIGN KEY", "UNIQUE", "CHECK")


def _comparable(sql: str | None) -> str | None:
    """A CREATE TABLE with its columns in order, then its constraints sorted."""
    if sql is None or not sql.upper().startswith("CREATE TABLE"):
        return sql
    start, end = sql.index("("), sql.rindex(")")
    parts, depth, quote, current = [], 0, "", ""
    for char in sql[start + 1 : end]:
        if quote:
            quote = "" if char == quote else quote
        elif char in "'\"`":
            quote = char
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(" ".join(current.split()))
            current = ""
            continue
        current += char
    parts.append(" ".join(current.split()))
    columns = [p for p in parts if not p.upper().startswith(_CONSTRAINT)]
    constraints = sorted(p for p in parts if p.upper().startswith(_CONSTRAINT))
    return f"{sql[:start].strip()} ({', '.join(columns + constraints)}){sql[end + 1 :]}"


def head_sql_text(conn: Connection) -> str:
    """head.sql for the SQLite database on `conn` (built by the migrations): its tables,
    then indexes, views and triggers, each in the order created. Left out are what
    SQLite makes itself: automatic indexes, sqlite_sequence and the full-text index's
    own tables (made by its CREATE VIRTUAL TABLE)."""
    rows = list(
        conn.execute(
            text("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid")
        )
    )
    virtual = [name for kind, name, sql in rows if sql.upper().startswith("CREATE VIRTUAL")]
    order = {"table": 0, "index": 1, "view": 2, "trigger": 3}
    kept = [
        (order[kind], n, sql)
        for n, (kind, name, sql) in enumerate(rows)
        if not name.startswith("sqlite_")
        and not (kind == "table" and any(name.startswith(f"{v}_") for v in virtual))
    ]
    header = (
        f"-- The data folder's schema at revision {HEAD} in SQLite, exactly as the\n"
        "-- migrations leave it: a new data folder is created from this in one step\n"
        "-- (reviewer_app/storage/schema.py). Written by scripts/head_schema.py; do not\n"
        "-- edit by hand.\n"
    )
    return header + "".join(f"\n{sql};\n" for _, _, sql in sorted(kept))

"""Schema versions with Alembic, wrapped so that opening a data folder upgrades it.

A new database is created at the current version by running every migration. An older
one is copied aside first (SQLite's online backup), then upgraded in one transaction. A
database written by a newer version of the program is refused: we cannot know what its
tables mean.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text
from sqlalchemy.exc import OperationalError, ProgrammingError

from reviewer_app.errors import DataFolderError
from reviewer_app.storage.database import reading
from reviewer_app.wording import translate

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).with_name("migrations")
# The newest revision in migrations/versions (a test keeps the two equal). Knowing it
# lets a folder that is up to date open without loading Alembic, which costs a
# noticeable part of a second at every start.
HEAD = "0016"


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
    with reading(engine).connect() as conn:
        try:
            revision: str | None = conn.scalar(text("SELECT version_num FROM alembic_version"))
            return revision
        except (OperationalError, ProgrammingError):  # SQLite's "no such table", PostgreSQL's
            conn.rollback()  # PostgreSQL refuses any statement in the failed transaction
            if inspect(conn).has_table("alembic_version"):
                raise
            return None


def upgrade_database(engine: Engine, backup_dir: Path | None, *, to: str = "head") -> Path | None:
    """Brings the database to `to` (default: the newest schema).

    Returns the path of the backup made before upgrading an existing database, if any.
    """
    current = current_revision(engine)
    if current == HEAD and to == "head":
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

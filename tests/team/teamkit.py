"""A team on a real server, driven as its people drive it: the program's command line as
each login, and the driver itself (pg8000, not the program) where a test must show what
the server refuses."""

from __future__ import annotations

import contextlib
import io
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import DBAPIError

from reviewer_app.cli import main
from reviewer_app.resources import resource
from tests.pg_server import SUPERUSER, PgServer

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))
PEOPLE = {
    "lea": ("Lea Park", "lead"),
    "ana": ("Ana Lima", "assessor"),
    "ben": ("Ben Osei", "assessor"),
}
CRITERIA = [
    "overview-families", "overview-goal", "overview-response", "artifacts-plan",
    "artifacts-contact-log", "artifacts-family-voice", "reflection-impact",
    "reflection-assumptions", "reflection-next-steps",
]  # fmt: skip


def cli(*argv: str) -> tuple[int, Any, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(argv))
    text_out = out.getvalue()
    parsed = json.loads(text_out) if "--json" in argv and code == 0 and text_out.strip() else None
    return code, parsed if parsed is not None else text_out, err.getvalue()


def password(login: str) -> str:
    return f"{login}-team-password-1"


class Team:
    def __init__(self, server: PgServer, root: Path, database: str) -> None:
        self.server, self.root, self.database = server, root, database

    def args(self, login: str) -> list[str]:
        """The program's arguments for `login` (SUPERUSER: the owner)."""
        secret = self.root / f"{login}-password"
        secret.write_text(
            (self.server.password if login == SUPERUSER else password(login)) + "\n",
            encoding="utf-8",
        )
        url = f"postgresql://{login}@{self.server.host}:{self.server.port}/{self.database}"
        # One data folder for all: it holds the evidence files the owner imported.
        return [
            "--data-dir", str(self.root / "laptop"), "--database", url,
            "--password-file", str(secret),
        ]  # fmt: skip

    def ok(self, login: str, *argv: str) -> Any:
        code, out, err = cli(*self.args(login), *argv)
        assert code == 0, err
        return out

    @contextlib.contextmanager
    def engine(self, login: str) -> Iterator[Engine]:
        """The driver itself, as `login`: not the program."""
        engine = create_engine(
            self.server.url(
                self.database, user=login, password=None if login == SUPERUSER else password(login)
            ),
            isolation_level="AUTOCOMMIT",
        )
        try:
            yield engine
        finally:
            engine.dispose()

    def rows(self, login: str, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        with self.engine(login) as engine, engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]

    def changed(self, login: str, sql: str, **params: Any) -> int:
        """How many rows `sql` changed as `login` (row-level security hides the rest)."""
        with self.engine(login) as engine, engine.connect() as conn:
            return int(conn.execute(text(sql), params).rowcount)

    def refused(self, login: str, sql: str, match: str, **params: Any) -> None:
        with (
            pytest.raises(DBAPIError, match=match),
            self.engine(login) as engine,
            engine.connect() as conn,
        ):
            conn.execute(text(sql), params)


def score(team: Team, login: str, submission: str, level: str, comment: str) -> None:
    team.ok(
        login, "score", submission, "--reviewer", PEOPLE[login][0], *levels(level),
        "--comment", f"overview-goal={comment}", "--feedback", f"{comment} (feedback)",
        "--submit",
    )  # fmt: skip


def levels(level: str) -> list[str]:
    return [a for c in CRITERIA for a in ("--level", f"{c}={level}")]


def set_up(server: PgServer, root: Path, database: str) -> Team:
    """A new database with the team's schema and rules, and its three people."""
    server.create_database(database)
    team = Team(server, root, database)
    team.ok(SUPERUSER, "team", "setup")
    for login, (name, role) in PEOPLE.items():
        secret = root / f"{login}-new"
        secret.write_text(password(login) + "\n", encoding="utf-8")
        team.ok(SUPERUSER, "team", "add", name, "--login", login, "--role", role,
                "--password-file", str(secret))  # fmt: skip
    return team

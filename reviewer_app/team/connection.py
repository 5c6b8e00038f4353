"""Connecting to a team database from the window: a clear sentence when it fails.

The server is tried once with a bare connection (and a time limit) before the data
folder is opened on it, so that a wrong password, an unknown database or a server that
cannot be reached is said in words a reviewer understands, instead of as a damaged
data folder. The connection is then named as people read it, `login@host/db`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import URL, create_engine, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from reviewer_app.errors import UserError
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Reviewer
from reviewer_app.storage.team_url import (
    DEFAULT_PORT,
    DRIVER,
    ENV_DATABASE,
    pgpass_password,
    shown,
    team_url,
)
from reviewer_app.wording import translate

CONNECT_SECONDS = 15.0  # a server that does not answer at all is given up on after this


class TeamConnectionError(UserError):
    pass


def label(url: URL) -> str:
    """How the window names a connection: `login@host/db` (never the password)."""
    return f"{url.username or ''}@{url.host or 'localhost'}/{url.database or ''}"


def open_team_folder(root: Path, url: URL) -> DataFolder:
    """The data folder at `root` on the team database `url` (which carries the password),
    or `TeamConnectionError` saying why the server said no."""
    check_connection(url)
    return DataFolder.open(root, database_url=url)


def check_connection(url: URL) -> None:
    engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": CONNECT_SECONDS})
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
    except DBAPIError as e:
        raise TeamConnectionError(_why(url, e.orig)) from e
    finally:
        engine.dispose()


def _why(url: URL, problem: Any) -> str:
    words = {
        "login": url.username or "",
        "server": f"{url.host or 'localhost'}:{url.port or DEFAULT_PORT}",
        "database": url.database or "",
    }
    details = problem.args[0] if getattr(problem, "args", None) else None
    code = details.get("C") if isinstance(details, dict) else None
    if code == "28P01":
        sentence = translate(
            "TeamDatabase", "The server refused the password of {login}: check it and try again."
        )
    elif code == "28000":
        sentence = translate(
            "TeamDatabase",
            "The server does not let {login} connect to {database}: ask your team lead.",
        )
    elif code == "3D000":
        sentence = translate("TeamDatabase", "The server {server} has no database {database}.")
    elif code == "53300":
        sentence = translate(
            "TeamDatabase",
            "The server {server} has too many connections now; try again in a moment.",
        )
    elif code is None and url.password is None and "password" in str(problem).lower():
        sentence = translate("TeamDatabase", "The server asks for the password of {login}.")
    elif code is None:
        sentence = translate(
            "TeamDatabase",
            "Cannot reach the server {server}: check its name and port, and the network.",
        )
    else:
        message = details.get("M", "") if isinstance(details, dict) else str(problem)
        sentence = translate(
            "TeamDatabase", "The server {server} refused the connection: {problem}."
        ).replace("{problem}", str(message).replace("{", "{{").replace("}", "}}"))
    return sentence.format(**words)


def bound_profile(folder: DataFolder) -> str | None:
    """The reviewer profile the connected login is bound to, if any (None on a data
    folder, and for the database's owner)."""
    if folder.engine.dialect.name != "postgresql":
        return None
    try:
        with folder.read_sessions() as session:
            login = session.scalar(text("SELECT current_user"))
            name: str | None = session.scalar(select(Reviewer.name).where(Reviewer.login == login))
            return name
    except DBAPIError:  # a login that may not read the profiles: the server still checks
        return None


@dataclass(frozen=True)
class TeamTarget:
    """A team database as the window asks for it: where, and as whom (no password)."""

    host: str
    port: int
    database: str
    login: str

    @classmethod
    def parse(cls, given: str) -> TeamTarget:
        """From `postgresql://LOGIN@HOST:PORT/DBNAME` (a password in it is dropped)."""
        url = team_url(given.strip() or "-")  # an empty one is refused as "-", in words
        assert url is not None  # only empty text gives None
        return cls.of(url)

    @classmethod
    def of(cls, url: URL) -> TeamTarget:
        return cls(
            url.host or "localhost",
            url.port or DEFAULT_PORT,
            url.database or "",
            url.username or "",
        )

    def url(self, password: str | None = None) -> URL:
        return URL.create(
            DRIVER,
            username=self.login,
            password=password,
            host=self.host,
            port=self.port,
            database=self.database,
        )

    def remembered(self) -> str:
        """What the program keeps of it: the URL without any password."""
        return shown(self.url())

    def label(self) -> str:
        return label(self.url())

    def found_password(self) -> str | None:
        """The password where PostgreSQL's tools look: PGPASSWORD, then the password file."""
        return os.environ.get("PGPASSWORD") or pgpass_password(self.url())

    def store_password(self, password: str) -> Path:
        from reviewer_app.storage.pgpass import store_password

        return store_password(self.url(), password)

    def open(self, root: Path, password: str | None) -> Connected:
        """Connects (any thread): the data folder at `root` on this database."""
        folder = open_team_folder(root, self.url(password))
        try:
            return Connected(folder, self, bound_profile(folder))
        except BaseException:
            folder.close()
            raise


@dataclass(frozen=True)
class Connected:
    folder: DataFolder
    target: TeamTarget
    profile: str | None  # the reviewer the login is bound to


@dataclass(frozen=True)
class TeamStart:
    """The team database a start opens on, and its password if one was found."""

    target: TeamTarget
    password: str | None
    named: bool = False  # on the command line or in the environment, for this start only


def team_at_start(
    given: str | None, password_file: Path | None, remembered: str
) -> TeamStart | None:
    """The database named on the command line (`--database`, REVIEWER_APP_DATABASE),
    else the one the window connected to last; None: the data folder's own."""
    named = given or os.environ.get(ENV_DATABASE) or ""
    text = named or remembered
    url = team_url(text, password_file) if text.strip() else None
    if url is None:
        return None
    return TeamStart(TeamTarget.of(url), url.password, named=bool(named.strip()))

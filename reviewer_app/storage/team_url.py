"""Which team database to use, and the password to reach it.

A team database is PostgreSQL, named as `postgresql://LOGIN@HOST:PORT/DBNAME` by the
global option `--database` or the environment variable `REVIEWER_APP_DATABASE`. The
password is never part of what the program remembers; it comes from where PostgreSQL's
own tools take it, in their order: `--password-file FILE` (the program's), then
`PGPASSWORD`, then the password file (`PGPASSFILE`, else `~/.pgpass`), whose lines are
`host:port:database:login:password` with `*` for any and `\\:` / `\\\\` escaping. Like
libpq, a password file that others may read is ignored (with a warning in the log).

The driver is pg8000: pure Python, so nothing native is bundled and no libpq is needed
on the laptop.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

from sqlalchemy import URL
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from reviewer_app.errors import UserError
from reviewer_app.paths import ENV_DATABASE as ENV_DATABASE  # read here too
from reviewer_app.wording import translate

DRIVER = "postgresql+pg8000"
DEFAULT_PORT = 5432

_log = logging.getLogger(__name__)


class TeamDatabaseError(UserError):
    pass


def team_url(given: str | None, password_file: Path | None = None) -> URL | None:
    """The team database's URL with its password, or None for the local data folder."""
    text = given if given is not None else os.environ.get(ENV_DATABASE, "")
    if not text.strip():
        return None
    try:
        url = make_url(text.strip())
    except ArgumentError:
        url = None
    if url is None or url.get_backend_name() != "postgresql" or not url.database:
        raise TeamDatabaseError(
            translate(
                "TeamDatabase",
                "{given!r} is not a team database: give postgresql://LOGIN@HOST:PORT/DBNAME.",
            ).format(given=_without_password(text))
        )
    url = url.set(drivername=DRIVER)
    if password_file is not None:
        return url.set(password=read_password_file(password_file))
    if url.password is not None:
        return url
    password = os.environ.get("PGPASSWORD") or pgpass_password(url)
    return url.set(password=password) if password else url


def shown(url: URL) -> str:
    """The URL as people see it: login, host, port and database; never the password."""
    port = url.port or DEFAULT_PORT
    return f"postgresql://{url.username or ''}@{url.host or 'localhost'}:{port}/{url.database}"


def read_password_file(path: Path) -> str:
    try:
        data = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as e:
        raise TeamDatabaseError(
            translate("TeamDatabase", "Cannot read the password file {path}: {problem}.").format(
                path=path, problem=getattr(e, "strerror", None) or e
            )
        ) from e
    password = data.splitlines()[0] if data else ""
    if not password:
        raise TeamDatabaseError(
            translate("TeamDatabase", "The password file {path} is empty.").format(path=path)
        )
    return password


def pgpass_password(url: URL) -> str | None:
    """The password PostgreSQL's password file gives for this connection, if any."""
    path = Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")
    try:
        mode = path.stat().st_mode
        if mode & (stat.S_IRWXG | stat.S_IRWXO):
            _log.warning("%s is readable by others: ignored, as PostgreSQL does", path)
            return None
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    wanted = [
        url.host or "localhost",
        str(url.port or DEFAULT_PORT),
        url.database or "",
        url.username or "",
    ]
    for line in lines:
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = split_pgpass_line(line)
        if len(fields) != 5:
            continue
        if all(f == "*" or f == w for f, w in zip(fields[:4], wanted, strict=True)):
            return fields[4]
    return None


def split_pgpass_line(line: str) -> list[str]:
    """Fields split on unescaped colons; `\\:` and `\\\\` stand for `:` and `\\`."""
    fields, current, escaped = [], [], False
    for char in line:
        if escaped:
            current.append(char)
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == ":":
            fields.append("".join(current))
            current = []
        else:
            current.append(char)
    fields.append("".join(current))
    return fields


def _without_password(text: str) -> str:
    try:
        return make_url(text).render_as_string(hide_password=True)
    except ArgumentError:
        return text

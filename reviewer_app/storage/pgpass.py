"""Storing a team database password in PostgreSQL's own password file, when asked.

The program never remembers a password itself; a person who wants not to type it again
can have it written where PostgreSQL's tools (and `team_url.pgpass_password`) look for
it: `PGPASSFILE`, else `~/.pgpass`. The file is written whole (atomically, mode 0600,
as libpq requires), keeping every other line; a line for the same host, port, database
and login is replaced, never added twice.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import URL

from reviewer_app.errors import UserError
from reviewer_app.storage.atomic import write_atomically
from reviewer_app.storage.permissions import PRIVATE_FILE, tighten
from reviewer_app.storage.team_url import DEFAULT_PORT, split_pgpass_line
from reviewer_app.wording import translate


class PasswordFileError(UserError):
    pass


def password_file_path() -> Path:
    """Where PostgreSQL's tools read passwords from."""
    return Path(os.environ.get("PGPASSFILE") or Path.home() / ".pgpass")


def escaped(field: str) -> str:
    """A field as the password file writes it: `\\` and `:` escaped with a backslash."""
    return field.replace("\\", "\\\\").replace(":", "\\:")


def pgpass_line(url: URL, password: str) -> str:
    fields = [*_key(url), password]
    return ":".join(escaped(f) for f in fields)


def _key(url: URL) -> list[str]:
    return [
        url.host or "localhost",
        str(url.port or DEFAULT_PORT),
        url.database or "",
        url.username or "",
    ]


def store_password(url: URL, password: str, path: Path | None = None) -> Path:
    """Writes (or replaces) the line for `url`'s host, port, database and login."""
    path = path or password_file_path()
    if "\n" in password or "\r" in password:
        raise PasswordFileError(
            translate("TeamDatabase", "A password on more than one line cannot be stored.")
        )
    try:
        old = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        old = []
    except (OSError, UnicodeDecodeError) as e:
        raise PasswordFileError(
            translate("TeamDatabase", "Cannot read the password file {path}: {problem}.").format(
                path=path, problem=getattr(e, "strerror", None) or e
            )
        ) from e
    key = _key(url)
    kept = [line for line in old if split_pgpass_line(line)[:4] != key]
    kept.append(pgpass_line(url, password))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, ("\n".join(kept) + "\n").encode("utf-8"), mode=PRIVATE_FILE)
        tighten(path, PRIVATE_FILE)  # whatever the umask made of it
    except OSError as e:
        raise PasswordFileError(
            translate("TeamDatabase", "Cannot write the password file {path}: {problem}.").format(
                path=path, problem=e.strerror or e
            )
        ) from e
    return path

"""The database's own failures, as the program's errors.

A read or write can fail for reasons of the moment: the disk is full or read-only,
an I/O error. SQLAlchemy reports them as its `OperationalError`, and a data folder's
`BEGIN IMMEDIATE` (`storage.database`, run on the driver's connection) as SQLite's own;
the window must not know either, so what it runs against the database goes through
`database_errors()`, which turns both into `DatabaseUnavailable` (a `UserError`, with the
database's own words as `detail`). Another process holding the write lock too long is
`FolderBusy`, already the program's own.

`ReviewSession` itself does not convert: the command line tells a full disk from a bug
by the database's original error (`storage.diskspace.is_disk_full`), and keeps doing so.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import DBAPIError, OperationalError

from reviewer_app.errors import UserError
from reviewer_app.wording import translate


class DatabaseUnavailable(UserError):
    """The database could not be read or written just now; trying again may work."""

    def __init__(self, detail: str) -> None:
        super().__init__(
            translate("DataFolder", "Could not use the data folder's database ({detail}).").format(
                detail=detail
            )
        )
        self.detail = detail


@contextmanager
def database_errors() -> Iterator[None]:
    """Runs the block with the database's operational failures as `DatabaseUnavailable`
    (chained, so the original stays in the log)."""
    try:
        yield
    except DBAPIError as exc:
        refusal = server_refusal(exc)
        if refusal is not None:
            raise refusal from exc
        if not isinstance(exc, OperationalError):
            raise
        detail = str(exc.orig) if exc.orig is not None else type(exc).__name__
        raise DatabaseUnavailable(detail) from exc
    except sqlite3.OperationalError as exc:  # BEGIN IMMEDIATE runs on the driver itself
        raise DatabaseUnavailable(str(exc)) from exc


class NotAllowed(UserError):
    """The team database refused this login the change or the read (its grants or its
    row-level security): not a failure of the moment, and not the program's bug."""


def server_refusal(error: BaseException) -> NotAllowed | None:
    """`error` as the program's words, when it is a team database's refusal: no
    privilege (42501, row-level security included) or one of its rules (our triggers'
    messages begin "reviewer_app:")."""
    orig = getattr(error, "orig", None)
    fields = getattr(orig, "args", [None])[0] if orig is not None else None
    if not isinstance(fields, dict):
        return None
    message = str(fields.get("M", ""))
    if fields.get("C") != "42501" and not message.startswith("reviewer_app:"):
        return None
    message = message.removeprefix("reviewer_app:").strip()
    return NotAllowed(
        translate(
            "DataFolder",
            "The team database does not allow your login this ({reason}); nothing was "
            "changed. A lead can do it, or give you the submission.",
        ).format(reason=message)
    )

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

from sqlalchemy.exc import OperationalError

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
    except OperationalError as exc:
        detail = str(exc.orig) if exc.orig is not None else type(exc).__name__
        raise DatabaseUnavailable(detail) from exc
    except sqlite3.OperationalError as exc:  # BEGIN IMMEDIATE runs on the driver itself
        raise DatabaseUnavailable(str(exc)) from exc

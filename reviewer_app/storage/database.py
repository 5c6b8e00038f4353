"""Engine set-up for the data folder's database.

SQLite is the default: WAL so that readers never wait for the writer, foreign keys on,
and `synchronous=FULL` because a reviewer's typed words must survive a power cut. The
URL is a setting; the SQLite-only parts apply only when the dialect is SQLite.

Transactions begin `BEGIN IMMEDIATE` unless the connection was asked for reading only
(`reading(engine)`, `DataFolder.read_sessions`). A deferred transaction that reads and
then writes cannot wait for another writer: once that writer commits, the reader's
snapshot is stale and SQLite refuses the write at once ("database is locked"), whatever
the busy timeout. Taking the write lock first makes the wait a plain queue. Reads stay
deferred, so they never wait for a writer (WAL).

A writer that has to wait more than a moment says so through the callbacks registered
with `waits.on_write_wait` (the command line prints a line on standard error), and after
`write_wait_seconds()` gives up with `FolderBusy`, a plain refusal.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
import weakref
from typing import TYPE_CHECKING, Any

from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.exc import DBAPIError

from reviewer_app.errors import UserError
from reviewer_app.storage.waits import announce_wait
from reviewer_app.wording import translate

if TYPE_CHECKING:  # the ORM loads when a session is first made, not with the engine
    from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000
# How long a write waits for another process's write before giving up; a setting for
# slow disks (and for tests), in seconds.
ENV_WRITE_WAIT = "REVIEWER_APP_WRITE_WAIT"
WRITE_WAIT_SECONDS = 60.0
# A wait shorter than this goes unsaid.
NOTICE_AFTER_SECONDS = 1.0
# The execution option that marks a connection as reading only (deferred BEGIN).
READ_ONLY = "reviewer_read_only"

_log = logging.getLogger(__name__)


class FolderBusy(UserError):
    """Another process kept the database's write lock for longer than we wait."""


def write_wait_seconds() -> float:
    try:
        return max(0.0, float(os.environ.get(ENV_WRITE_WAIT, WRITE_WAIT_SECONDS)))
    except ValueError:
        return WRITE_WAIT_SECONDS


def make_engine(url: str | URL) -> Engine:
    engine = create_engine(url)
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    elif engine.dialect.name == "postgresql":
        _configure_postgresql(engine)
    return engine


def reading(engine: Engine) -> Engine:
    """The same database, pool and settings, for transactions that only read."""
    return engine.execution_options(**{READ_ONLY: True})


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Let SQLAlchemy, not the driver, decide where transactions begin, so that DDL
        # (schema upgrades) is transactional too.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA journal_mode = WAL")
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA synchronous = FULL")
        cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        if connection.get_execution_options().get(READ_ONLY):
            connection.exec_driver_sql("BEGIN")
        else:
            _begin_immediate(connection.connection.dbapi_connection)


# A team database's writers take turns, as a data folder's do (BEGIN IMMEDIATE), with two
# transaction-level advisory locks. The write turn: a writing transaction takes it
# first, because the program's changes read, then write (an assignment's spread, a
# decision from the reviews, an import's ids), and one such writer at a time keeps them
# right. The trail turn: every transaction takes it just before it reads the audit
# trail's head to append, and keeps it to its commit, so the trail stays one chain.
# A reviewer's small edits (a level, a comment) need only the second: they change rows
# they have claimed first with row locks (their open review), which is what keeps two
# edits of one review in order, so twenty assessors saving at once queue only for the
# append, not for the whole transaction. No deadlock can come of the two: after taking
# the trail turn a transaction only reads and appends, and never waits for a row.
WRITE_LOCK_KEY = 0x52455649  # constants the team database's programs share
TRAIL_LOCK_KEY = 0x54524149
# The execution option of a transaction that writes only rows it claims (see above).
CLAIMED_ROWS_ONLY = "reviewer_claimed_rows_only"
_HOLDS_TRAIL_TURN = "reviewer_holds_trail_turn"  # in the connection's info, per transaction
# Waiting is done by the server (the waiter sleeps until the holder commits), with the
# wait bounded by a lock timeout set and cleared in the same statement. Polling with
# the try every few milliseconds had twenty waiting assessors' programs and their
# server processes compete for the processor with the one holding the lock: under load
# a save took 60 times a bare insert, against a few times when waiting.
_TRY_LOCK = "SELECT pg_try_advisory_xact_lock({key})"
_WAIT_LOCK = (
    "SELECT set_config('lock_timeout', '{ms}', true), "
    "pg_advisory_xact_lock({key}), set_config('lock_timeout', '0', true)"
)
_FIRST_WAIT = "reviewer_app_write_turn"  # a savepoint: a timed-out wait aborts what it is in
_CLAIMING: weakref.WeakKeyDictionary[Engine, Engine] = weakref.WeakKeyDictionary()


def _configure_postgresql(engine: Engine) -> None:
    if engine.dialect.driver == "pg8000":
        # The driver commits as an unnamed statement, three round trips; a simple query
        # does it in one (every save ends with one).
        engine.dialect.do_commit = _commit  # type: ignore[method-assign]

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        connection.info.pop(_HOLDS_TRAIL_TURN, None)
        options = connection.get_execution_options()
        if not options.get(READ_ONLY) and not options.get(CLAIMED_ROWS_ONLY):
            _take_turn(connection, WRITE_LOCK_KEY)


def _commit(dbapi_connection: Any) -> None:
    # A save's last append may have committed already, in the same message as its
    # INSERT (storage.prepared.append_and_commit).
    if dbapi_connection._in_transaction:
        dbapi_connection.execute_simple("COMMIT")


def claiming(engine: Engine) -> Engine:
    """The same database, for transactions that change only rows they first claim (see
    CLAIMED_ROWS_ONLY); on a data folder, the engine itself."""
    if engine.dialect.name != "postgresql":
        return engine
    claimed = _CLAIMING.get(engine)
    if claimed is None:
        claimed = _CLAIMING[engine] = engine.execution_options(**{CLAIMED_ROWS_ONLY: True})
    return claimed


def take_trail_turn(bind: Session | Connection) -> None:
    """Before reading the trail's head to append to it: on a team database, waits for
    the trail turn (once a transaction); a data folder's writer already holds its
    database's only lock."""
    connection = bind if isinstance(bind, Connection) else bind.connection()
    if connection.dialect.name != "postgresql" or connection.info.get(_HOLDS_TRAIL_TURN):
        return
    _take_turn(connection, TRAIL_LOCK_KEY)
    connection.info[_HOLDS_TRAIL_TURN] = True


def _take_turn(connection: Any, key: int) -> None:
    """One of the team database's locks: taken at once if free, else waited for a moment,
    then (said aloud, in the waiting thread) for up to the allowance, then refused like
    a busy data folder. The waits run on the driver's own cursor: a statement that fails
    through SQLAlchemy inside its `begin` makes it roll the whole transaction back."""
    if _try_turn(connection, _TRY_LOCK.format(key=key)):
        return
    cursor = connection.connection.dbapi_connection.cursor()
    try:
        allowance = write_wait_seconds()
        started = time.monotonic()
        first = min(NOTICE_AFTER_SECONDS, allowance)
        if first > 0 and _wait_for_turn(cursor, key, first, recoverable=True):
            return
        announce_wait()
        remaining = allowance - (time.monotonic() - started)
        if remaining > 0 and _wait_for_turn(cursor, key, remaining, recoverable=False):
            _log.info("Waited %.1f s for another writer", time.monotonic() - started)
            return
    finally:
        cursor.close()
    _log.info("Gave up after waiting %.0f s for another writer", allowance)
    raise FolderBusy(
        translate(
            "DataFolder",
            "Another Portfolio Reviewer kept the data folder busy for {seconds} seconds, so "
            "this change was not made. Try again when it has finished; nothing was changed.",
        ).format(seconds=f"{allowance:.0f}")
    )


def _try_turn(connection: Any, statement: str) -> bool:
    """Whether the lock was free (and is now this transaction's). With the team
    database's driver, one round trip: a simple query (the driver would send it
    unnamed, in three), with the transaction's BEGIN if it has not begun."""
    if connection.dialect.driver != "pg8000":
        return bool(connection.exec_driver_sql(statement).scalar())
    dbapi_connection = connection.connection.dbapi_connection
    if not dbapi_connection._in_transaction:
        statement = f"begin transaction; {statement}"
    try:
        done = dbapi_connection.execute_simple(statement)
    except connection.dialect.loaded_dbapi.Error as e:
        raise DBAPIError.instance(statement, None, e, connection.dialect.loaded_dbapi.Error) from e
    return bool(done.rows[-1][0])


def _wait_for_turn(cursor: Any, key: int, seconds: float, *, recoverable: bool) -> bool:
    """Whether the lock was had within `seconds`. A `recoverable` wait runs in a
    savepoint, so that the transaction can go on waiting after it times out; once had,
    the lock is the transaction's (the savepoint is left open: releasing it would cost
    a round trip while holding the lock)."""
    if recoverable:
        cursor.execute(f"SAVEPOINT {_FIRST_WAIT}")
    try:
        cursor.execute(statement := _WAIT_LOCK.format(key=key, ms=max(1, int(seconds * 1000))))
    except Exception as e:  # the driver's own error class
        if not _lock_not_available(e):
            # As SQLAlchemy would have raised it, for the callers that translate it.
            raise DBAPIError.instance(statement, None, e, Exception) from e
        if recoverable:
            cursor.execute(f"ROLLBACK TO SAVEPOINT {_FIRST_WAIT}")
        return False
    return True


def _lock_not_available(error: BaseException) -> bool:
    details = error.args[0] if error.args else None
    return isinstance(details, dict) and details.get("C") == "55P03"


def _begin_immediate(dbapi_connection: sqlite3.Connection) -> None:
    """BEGIN IMMEDIATE: a short wait first, then (said aloud) the rest of the allowance."""
    allowance = write_wait_seconds()
    first = min(NOTICE_AFTER_SECONDS, allowance)
    started = time.monotonic()
    cursor = dbapi_connection.cursor()
    try:
        if _try_begin(cursor, first):
            return
        announce_wait()
        remaining = allowance - (time.monotonic() - started)
        if remaining > 0 and _try_begin(cursor, remaining):
            _log.info("Waited %.1f s for another process's write", time.monotonic() - started)
            return
    finally:
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.close()
    _log.info("Gave up after waiting %.0f s for another process's write", allowance)
    raise FolderBusy(
        translate(
            "DataFolder",
            "Another Portfolio Reviewer kept the data folder busy for {seconds} seconds, so "
            "this change was not made. Try again when it has finished; nothing was changed.",
        ).format(seconds=f"{allowance:.0f}")
    )


def _try_begin(cursor: sqlite3.Cursor, seconds: float) -> bool:
    cursor.execute(f"PRAGMA busy_timeout = {max(1, int(seconds * 1000))}")
    try:
        cursor.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as e:
        if is_busy(e):
            return False
        raise
    return True


def is_busy(error: BaseException) -> bool:
    """Whether a SQLite error means another connection holds the lock."""
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)
    return "database is locked" in str(error)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    from sqlalchemy.orm import sessionmaker

    return sessionmaker(engine, expire_on_commit=False)


# On a team database an assessor's login sees only its own reviews (row-level security,
# reviewer_app.team.rules); whether this connection's login is one, asked once per engine.
_ASSESSOR_GROUP = "reviewer_app_assessor"
_SEES_EVERY_ROW: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()
_IS_ASSESSOR = text(
    "SELECT EXISTS (SELECT 1 FROM pg_auth_members m "
    "JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member "
    "WHERE u.rolname = session_user AND g.rolname = :group)"
)


def sees_every_row(bind: Session | Connection) -> bool:
    """Whether this session reads every row: always on a data folder; on a team
    database unless its login is an assessor's."""
    engine = bind.engine if isinstance(bind, Connection) else bind.get_bind().engine
    if engine.dialect.name != "postgresql":
        return True
    known = _SEES_EVERY_ROW.get(engine)
    if known is None:
        known = not bind.scalar(_IS_ASSESSOR, {"group": _ASSESSOR_GROUP})
        _SEES_EVERY_ROW[engine] = known
    return known

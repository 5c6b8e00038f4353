"""A writer on a team database that finds another holding the write lock waits in the
server, not by asking again and again: twenty assessors' programs polling every few
milliseconds took the processor from the one holding the lock. It still says so after
a moment, goes on as soon as the holder commits, and gives up plainly after the
allowance, with the rest of its transaction usable while it waited."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, event, text

from reviewer_app.storage import waits
from reviewer_app.storage.database import (
    ENV_WRITE_WAIT,
    TRAIL_LOCK_KEY,
    WRITE_LOCK_KEY,
    FolderBusy,
    claiming,
    make_engine,
    take_trail_turn,
)
from tests.pg_server import PgServer


@pytest.fixture
def database(pg_server: PgServer) -> Iterator[tuple[Engine, Engine]]:
    """A holder's plain engine and a writer's engine made as the program makes it."""
    url = pg_server.create_database("write_turn")
    holder, writer = create_engine(url), make_engine(url)
    with writer.begin() as conn:
        conn.execute(text("CREATE TABLE marks (n int)"))
    yield holder, writer
    holder.dispose()
    writer.dispose()


def counted(engine: Engine) -> list[str]:
    statements: list[str] = []

    @event.listens_for(engine, "before_cursor_execute")
    def count(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        statements.append(statement)

    return statements


def hold_lock(
    holder: Engine, seconds: float, taken: threading.Event, key: int = WRITE_LOCK_KEY
) -> threading.Thread:
    def hold() -> None:
        with holder.begin() as conn:
            conn.execute(text(f"SELECT pg_advisory_xact_lock({key})"))
            taken.set()
            time.sleep(seconds)

    thread = threading.Thread(target=hold)
    thread.start()
    assert taken.wait(10)
    return thread


def test_a_writer_waits_in_the_server_then_writes(database: tuple[Engine, Engine]) -> None:
    holder, writer = database
    said: list[float] = []
    started = time.monotonic()

    def note() -> None:
        said.append(time.monotonic() - started)

    waits.on_write_wait(note)
    try:
        thread = hold_lock(holder, 1.6, threading.Event())
        started = time.monotonic()
        statements = counted(writer)
        with writer.begin() as conn:
            conn.execute(text("INSERT INTO marks VALUES (1)"))
            lock_timeout = conn.scalar(text("SHOW lock_timeout"))
        thread.join()
    finally:
        waits.off_write_wait(note)
    waited = time.monotonic() - started
    assert waited >= 1.5  # it did wait for the holder
    assert len(said) == 1 and 0.9 <= said[0] < 1.6  # and said so after a moment
    # Through SQLAlchemy: the try, the insert and the SHOW (the waits run on the
    # driver's cursor); polling every 2 ms ran hundreds of tries.
    assert len(statements) <= 4, statements
    assert lock_timeout == "0"  # the wait's bound does not outlive the wait
    with writer.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM marks")) == 1


def test_a_writer_gives_up_plainly_after_the_allowance(
    database: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    holder, writer = database
    monkeypatch.setenv(ENV_WRITE_WAIT, "1.5")
    thread = hold_lock(holder, 4, threading.Event())
    started = time.monotonic()
    with pytest.raises(FolderBusy, match="busy for 2 seconds"), writer.begin() as conn:
        conn.execute(text("INSERT INTO marks VALUES (2)"))
    assert 1.4 <= time.monotonic() - started < 3.5
    thread.join()
    with writer.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM marks")) == 0


def test_an_edit_of_claimed_rows_waits_only_for_the_trail(
    database: tuple[Engine, Engine], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A reviewer's save (`claiming`) goes on while another writer holds the write turn
    (a lead's long change), and waits only where it appends to the trail; a writer
    that takes the write turn goes on while a save holds the trail's, until it appends."""
    holder, writer = database
    thread = hold_lock(holder, 3, threading.Event())
    started = time.monotonic()
    with claiming(writer).begin() as conn:
        conn.execute(text("INSERT INTO marks VALUES (3)"))
        take_trail_turn(conn)
        take_trail_turn(conn)  # once a transaction: the second asks nothing
    assert time.monotonic() - started < 1.5  # it did not wait for the write turn
    thread.join()

    monkeypatch.setenv(ENV_WRITE_WAIT, "1.5")
    thread = hold_lock(holder, 4, threading.Event(), key=TRAIL_LOCK_KEY)
    started = time.monotonic()
    with pytest.raises(FolderBusy), writer.begin() as conn:
        conn.execute(text("INSERT INTO marks VALUES (4)"))  # the write turn is free
        assert time.monotonic() - started < 1
        take_trail_turn(conn)  # the trail's is not: given up after the allowance
    assert 1.4 <= time.monotonic() - started < 3.5
    thread.join()
    with writer.connect() as conn:
        assert conn.scalar(text("SELECT count(*) FROM marks WHERE n IN (3, 4)")) == 1

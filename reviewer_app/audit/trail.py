"""Appending to the audit trail and verifying its chain.

Each entry's hash covers its own fields and the previous entry's hash, so editing an
entry breaks its own hash, deleting one breaks the chain where it was, and moving
entries breaks it where the order changed. Entries are appended in the same transaction
as the change they record: a change and its entry are saved together or not at all.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Connection, Engine, Table, bindparam, insert, select, text
from sqlalchemy.orm import Session

from reviewer_app.canonical import canonical_json
from reviewer_app.storage import prepared
from reviewer_app.storage.database import take_trail_turn
from reviewer_app.storage.models import AuditEvent
from reviewer_app.storage.trail_head import GENESIS as GENESIS

_EVENTS = cast(Table, AuditEvent.__table__)
_LAST = select(_EVENTS.c.seq, _EVENTS.c.hash).order_by(_EVENTS.c.seq.desc()).limit(1)
# Built once: an entry or two is appended with every score saved.
_APPEND = insert(_EVENTS)
_PREPARED_ROWS = 4
_APPENDS: dict[int, Any] = {}


def _appending(count: int) -> Any:
    """The INSERT of `count` entries, its parameters named `<column>_<n>`; built once."""
    statement = _APPENDS.get(count)
    if statement is None:
        columns = [*("seq", "at", "actor", "action", "entity", "entity_id", "before", "after")]
        columns += ["prev_hash", "hash"]
        statement = _APPENDS[count] = insert(_EVENTS).values(
            [{c: bindparam(f"{c}_{n}") for c in columns} for n in range(count)]
        )
    return statement


# The head (the last entry's number and hash) as two columns, for a statement that
# reads the head along with what a change records (see `record_many`'s `head`).
HEAD = tuple(
    select(column).order_by(_EVENTS.c.seq.desc()).limit(1).scalar_subquery()
    for column in (_EVENTS.c.seq, _EVENTS.c.hash)
)


def entry_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor: str,
    action: str,
    entity: str,
    entity_id: str,
    before: str,
    after: str,
) -> str:
    fields = [seq, at, actor, action, entity, entity_id, before, after]
    return hashlib.sha256(f"{prev_hash}\n{canonical_json(fields)}".encode()).hexdigest()


@dataclass(frozen=True)
class Entry:
    """One entry to append: what changed, by whom, from what to what."""

    actor: str
    action: str
    entity: str
    entity_id: str
    before: Any = None
    after: Any = None


def record(
    session: Session | Connection,
    *,
    actor: str,
    action: str,
    entity: str,
    entity_id: str | int,
    before: Any = None,
    after: Any = None,
) -> None:
    """Appends one entry; call inside the transaction that makes the change."""
    record_many(session, [Entry(actor, action, entity, str(entity_id), before, after)])


def record_many(
    session: Session | Connection,
    entries: Sequence[Entry],
    *,
    head: Sequence[Any] | None = None,
    ends_transaction: bool = False,
) -> None:
    """Appends entries in order, chained one to the next; call inside the transaction
    that makes the change.

    In a data folder the chain's head is read once for all of them (the transaction
    holds the database's only write lock, so nothing else can append in between);
    `head` is the `HEAD` columns as a statement of this transaction read them, last
    before this call, and without it the head is read here. A team database links
    each entry itself as it is inserted (team.rules), under its trail turn: the
    program never reads the head, so the turn is held for no round trip to it.
    `ends_transaction`: nothing follows in this transaction, which commits with the
    append (on a team database, in the same message: see `prepared.append_and_commit`).
    """
    if not entries:
        return
    on_server = _links_on_server(session)
    if on_server:
        seq, prev = 0, ""  # replaced by the server's trigger
    else:
        last: Sequence[Any] | None = head
        if head is None:
            take_trail_turn(session)
            last = session.execute(_LAST).first()
        seq, prev = (int(last[0]), str(last[1])) if last and last[0] is not None else (0, GENESIS)
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    rows = []
    for entry in entries:
        seq += 1
        before_text, after_text = canonical_json(entry.before), canonical_json(entry.after)
        digest = (
            ""
            if on_server
            else entry_hash(
                prev,
                seq,
                at,
                entry.actor,
                entry.action,
                entry.entity,
                entry.entity_id,
                before_text,
                after_text,
            )
        )
        rows.append(
            {
                "seq": seq,
                "at": at,
                "actor": entry.actor,
                "action": entry.action,
                "entity": entry.entity,
                "entity_id": entry.entity_id,
                "before": before_text,
                "after": after_text,
                "prev_hash": prev,
                "hash": digest,
            }
        )
        prev = digest
    if not on_server:
        # No round trips to save, and an INSERT of several VALUES rows is compiled again
        # on every run (SQLAlchemy cannot cache it): one compiled INSERT run for each
        # row is cheaper.
        session.execute(_APPEND, rows)
    elif ends_transaction and prepared.append_and_commit(session, _EVENTS.name, rows):
        pass
    elif len(rows) <= _PREPARED_ROWS and prepared.applies(session):
        # One statement for all of them: given a list, the driver runs one INSERT per
        # row, each a round trip. A save's few entries go in a statement prepared once.
        params = {f"{name}_{n}": value for n, row in enumerate(rows) for name, value in row.items()}
        prepared.rows(session, _appending(len(rows)), params)
    else:
        session.execute(_APPEND.values(rows))


def _links_on_server(session: Session | Connection) -> bool:
    """Whether the database links the chain: a team database once `team setup` has
    made its trigger (before, while it is being set up, the program does; and for a
    database set up by an earlier version, until `team setup` runs again)."""
    engine = session.get_bind().engine if isinstance(session, Session) else session.engine
    if engine.dialect.name != "postgresql":
        return False
    if engine not in _LINKING:
        if not session.scalar(_HAS_LINKING_TRIGGER):
            return False  # asked again next time: setup may be making it now
        _LINKING.add(engine)
    return True


_LINKING: weakref.WeakSet[Engine] = weakref.WeakSet()
# The trigger of team.rules that links (one made by an earlier `team setup` only
# checks what the program linked, which a program still does for it).
_HAS_LINKING_TRIGGER = text(
    "SELECT EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid "
    "WHERE t.tgname = 'audit_events_continue_chain' AND p.prosrc LIKE '%NEW.hash :=%')"
)


@dataclass(frozen=True)
class Verdict:
    ok: bool
    entries: int
    head: str  # the newest entry's hash: note it elsewhere to detect a cut-off tail
    first_bad: dict[str, Any] | None  # seq, id, action, problem

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "entries": self.entries,
            "head": self.head,
            "first_bad": self.first_bad,
        }


def verify(session: Session) -> Verdict:
    """Walks the chain in order; names the first entry that does not fit."""
    prev = GENESIS
    count = 0
    rows = session.execute(
        select(AuditEvent).order_by(AuditEvent.seq, AuditEvent.id).execution_options(yield_per=1000)
    ).scalars()
    for expected_seq, event in enumerate(rows, start=1):
        problem = None
        if event.seq != expected_seq:
            problem = (
                f"entry {expected_seq} is missing: the entry after {expected_seq - 1} "
                f"is numbered {event.seq} (an entry was deleted)"
            )
        elif event.prev_hash != prev:
            problem = (
                "does not follow the entry before it (entries were deleted, inserted "
                "or put in another order)"
            )
        elif event.hash != entry_hash(
            event.prev_hash,
            event.seq,
            event.at,
            event.actor,
            event.action,
            event.entity,
            event.entity_id,
            event.before,
            event.after,
        ):
            problem = "its content was changed after it was written"
        if problem is not None:
            return Verdict(
                False,
                count,
                prev,
                {
                    "seq": event.seq,
                    "id": event.id,
                    "action": event.action,
                    "actor": event.actor,
                    "at": event.at,
                    "problem": problem,
                },
            )
        prev = event.hash
        count += 1
    return Verdict(True, count, prev, None)

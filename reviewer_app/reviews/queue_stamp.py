"""A cheap stamp of what the queue shows, read every few seconds to see whether someone
else changed it (reviewer_app/ui/queue_refresh.py).

Every change to a submission's reviews, decision, status or assignment appends to the
audit trail in its own transaction (docs/audit.md), so the trail's newest number moves
with each of them; an import adds submissions without an entry, so their number and
highest key are part of the stamp too. Only `audit_events.seq` and `submissions.id`
are read: the columns every login of a team may read, whatever else it may not.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from reviewer_app.storage.failures import DatabaseUnavailable
from reviewer_app.storage.models import AuditEvent, Submission

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

QueueStamp = tuple[int, int, int]


def queue_stamp(session: Session) -> QueueStamp:
    seq = session.scalar(select(func.max(AuditEvent.seq))) or 0
    count, top = session.execute(select(func.count(Submission.id), func.max(Submission.id))).one()
    return int(seq), int(count or 0), int(top or 0)


def read_queue_stamp(folder: DataFolder) -> QueueStamp:
    """The stamp in a transaction of its own (any thread); a database that cannot be
    reached just now (a server restarting, a network gone) is `DatabaseUnavailable`."""
    try:
        with folder.read_sessions() as session:
            return queue_stamp(session)
    except DBAPIError as e:
        raise DatabaseUnavailable(str(e.orig) if e.orig is not None else str(e)) from e

"""A cheap stamp of what the queue shows, read every few seconds to see whether someone
else changed it (reviewer_app/ui/queue_refresh.py).

Every change to a submission's reviews, decision, status or assignment appends to the
audit trail in its own transaction (docs/audit.md), so the trail's newest number moves
with each of them; an import adds submissions without an entry, so their number and
highest key are part of the stamp too. Only `audit_events.seq` and `submissions.id`
are read: the columns every login of a team may read, whatever else it may not.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from reviewer_app.storage.models import AuditEvent, Submission

QueueStamp = tuple[int, int, int]


def queue_stamp(session: Session) -> QueueStamp:
    seq = session.scalar(select(func.max(AuditEvent.seq))) or 0
    count, top = session.execute(select(func.count(Submission.id), func.max(Submission.id))).one()
    return int(seq), int(count or 0), int(top or 0)

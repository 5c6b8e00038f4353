"""The audit trail's head, noted outside the database.

A hash chain alone shows an edit inside the trail but not a cut-off tail, nor a chain
rewritten from scratch by someone who can write to the database. So the head (how many
entries, and the newest one's hash) is copied into files that leave the database: every
backup's manifest, every export's signed manifest and every packet return. `audit
verify --anchor FILE` then checks that the trail still holds that head.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Table, select
from sqlalchemy.orm import Session

from reviewer_app.audit.trail import GENESIS
from reviewer_app.storage.models import AuditEvent

ANCHOR_KEY = "audit_anchor"
_EVENTS = cast(Table, AuditEvent.__table__)


def current_anchor(session: Session | Connection) -> dict[str, Any]:
    """The trail's head as it stands in this transaction: {"entries": n, "head": hash}.

    Embed it under `ANCHOR_KEY` in a file that leaves the database."""
    last = session.execute(
        select(_EVENTS.c.seq, _EVENTS.c.hash).order_by(_EVENTS.c.seq.desc()).limit(1)
    ).first()
    if last is None:
        return {"entries": 0, "head": GENESIS}
    return {"entries": int(last[0]), "head": str(last[1])}

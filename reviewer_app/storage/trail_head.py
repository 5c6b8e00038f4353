"""The audit trail's head as the database holds it: what a file that leaves the database
(a backup's, an export's or a return's manifest) embeds as its anchor.

It lives in storage, beside the table it reads, so that storage (backups) needs nothing
of the feature packages; reviewer_app.audit builds on it.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Table, select
from sqlalchemy.orm import Session

from reviewer_app.storage.models import AuditEvent

GENESIS = "0" * 64  # the "previous hash" of the first entry
ANCHOR_KEY = "audit_anchor"
_EVENTS = cast(Table, AuditEvent.__table__)
_HEAD = select(_EVENTS.c.seq, _EVENTS.c.hash).order_by(_EVENTS.c.seq.desc()).limit(1)


def current_anchor(session: Session | Connection) -> dict[str, Any]:
    """The trail's head as it stands in this transaction: {"entries": n, "head": hash}.

    Embed it under `ANCHOR_KEY` in a file that leaves the database."""
    last = session.execute(_HEAD).first()
    if last is None:
        return {"entries": 0, "head": GENESIS}
    return {"entries": int(last[0]), "head": str(last[1])}

"""What an import left in the data folder, read straight from its rows."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import EvidenceItem, Submission


@dataclass
class Saved:
    earner: str | None
    credential: str | None
    attempt: int
    shape: str
    warnings: list[str]
    items: list[dict[str, Any]]
    row: Submission


def saved(folder: DataFolder) -> dict[str, Saved]:
    out = {}
    with folder.read_sessions() as session:
        for sub in session.scalars(select(Submission)):
            items = session.scalars(
                select(EvidenceItem)
                .where(EvidenceItem.submission_id == sub.id)
                .order_by(EvidenceItem.position)
            )
            out[sub.submission_id] = Saved(
                sub.earner_name,
                sub.credential_uri,
                sub.attempt,
                sub.shape,
                list(sub.warnings or []),
                [
                    {
                        "kind": i.kind,
                        "part": i.part,
                        "title": i.title,
                        "path": i.path,
                        "media_type": i.media_type,
                        "text": i.text,
                    }
                    for i in items
                ],
                sub,
            )
    return out

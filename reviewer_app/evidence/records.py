"""The rows an imported batch adds: earners, submissions, evidence items, searchable text,
and (extraction on) each file's derived text, thumbnail and status."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from reviewer_app.evidence.inspect import normalize_media_type
from reviewer_app.evidence.plan import SubmissionPlan
from reviewer_app.evidence.search import index_texts
from reviewer_app.evidence.staging import ReadyBundle, StagedItem
from reviewer_app.storage.models import Earner, EvidenceItem, Submission, utcnow
from reviewer_app.vocabulary import Status
from reviewer_app.wording import translate

# Core tables, not ORM classes, for the bulk inserts: the ORM's bulk path adds a third
# to their cost and nothing we use.
SUBMISSIONS = cast(Table, Submission.__table__)
ITEMS = cast(Table, EvidenceItem.__table__)


def record_batch(session: Session, batch: list[ReadyBundle]) -> None:
    """Inserts a batch's rows with bulk statements: the unit of work's bookkeeping per
    object costs more than the whole rest of an import's database time."""
    earner_ids = _earner_ids(session, [ready.plan for ready in batch])
    now = utcnow()
    submission_ids = session.scalars(
        insert(SUBMISSIONS).returning(SUBMISSIONS.c.id, sort_by_parameter_order=True),
        [_submission_row(ready, earner_ids[ready.plan.earner_id], now) for ready in batch],
    ).all()
    items = [
        {**_item_row(s), "submission_id": submission_id}
        for ready, submission_id in zip(batch, submission_ids, strict=True)
        for s in ready.items
    ]
    item_ids = session.scalars(
        insert(ITEMS).returning(ITEMS.c.id, sort_by_parameter_order=True), items
    ).all()
    staged = [s for ready in batch for s in ready.items]
    pages: list[tuple[int, int | None, str]] = []
    for item, item_id, s in zip(items, item_ids, staged, strict=True):
        if item["kind"] == "text" and item["text"]:
            pages.append((item_id, None, item["text"]))
        derived = s.derived if s.staged is not None else None
        pages += [(item_id, p.page, p.text) for p in (derived.pages if derived else ())]
    index_texts(session, pages)


def _earner_ids(session: Session, plans: list[SubmissionPlan]) -> dict[str, int]:
    """Earner row ids by external id, adding the earners not yet known. A plan whose name
    or email differs from what is known for its earner id gets a warning naming both:
    each submission keeps its own (see `Submission.earner_name`), never merged."""
    wanted: dict[str, SubmissionPlan] = {}
    for plan in plans:
        wanted.setdefault(plan.earner_id, plan)
    query = select(Earner.external_id, Earner.id, Earner.name, Earner.email).where(
        Earner.external_id.in_(wanted)
    )
    known: dict[str, int] = {}
    seen: dict[str, tuple[str, str | None]] = {}
    for key, id_, name, email in session.execute(query):
        known[key] = id_
        seen[key] = (name, email)
    new = [
        {"external_id": p.earner_id, "name": p.earner_name, "email": p.earner_email}
        for key, p in wanted.items()
        if key not in known
    ]
    if new:
        added = session.execute(insert(Earner).returning(Earner.external_id, Earner.id), new)
        known.update({key: id_ for key, id_ in added})
    for plan in plans:
        first = seen.setdefault(plan.earner_id, (plan.earner_name, plan.earner_email))
        if first != (plan.earner_name, plan.earner_email):
            plan.warnings.append(identity_conflict(plan, first))
    return known


def identity_conflict(plan: SubmissionPlan, known: tuple[str, str | None]) -> str:
    return translate(
        "BundleImport",
        "the earner {earner} is already known as {known_name} <{known_email}>, "
        "but this bundle says {name} <{email}>; its credential will go to this bundle's "
        "own name and email: check with the earner which is right before deciding",
    ).format(
        earner=plan.earner_id,
        known_name=repr(known[0]),
        known_email=known[1] or "-",
        name=repr(plan.earner_name),
        email=plan.earner_email or "-",
    )


def _submission_row(ready: ReadyBundle, earner_id: int, now: dt.datetime) -> dict[str, Any]:
    plan = ready.plan
    item_warnings = ready.item_warnings()
    return {
        "submission_id": plan.submission_id,
        "earner_id": earner_id,
        "earner_name": plan.earner_name,
        "earner_email": plan.earner_email,
        "credential_uri": plan.credential_uri,
        "credential_name": plan.credential_name,
        "attempt": plan.attempt,
        "submitted_at": plan.submitted_at,
        "imported_at": now,
        "notes": plan.notes,
        "shape": plan.shape,
        "source_name": ready.label,
        "content_digest": ready.digest,
        "status": Status.UNREVIEWED,
        "warnings": plan.warnings + item_warnings,
        "platform": plan.platform,
        "platform_id": plan.platform_id,
        "late": plan.late,
    }


def _item_row(s: StagedItem) -> dict[str, Any]:
    p = s.planned
    row: dict[str, Any] = {
        "position": p.position,
        "kind": p.kind,
        "part": p.part,
        "title": p.title,
        "description": p.description,
        "path": p.path,
        "text": p.text,
        "declared_media_type": normalize_media_type(p.media_type),
        "warnings": [],
        "blob_sha256": None,
        "size": None,
        "page_count": None,
        "width": None,
        "height": None,
        "exif_orientation": None,
        "frame_count": None,
        "thumbnail_sha256": None,
    }
    if p.kind == "text":
        return {**row, "media_type": "text/plain", "derive_status": "done"}  # indexed now
    assert s.staged is not None and s.inspection is not None
    info = s.inspection
    derived = s.derived
    derive: dict[str, Any] = {"derive_status": "pending"}  # for a later derive_pending
    if derived is not None:
        thumbnail = derived.thumbnail
        derive = {
            "derive_status": derived.status,
            "thumbnail_sha256": hashlib.sha256(thumbnail).hexdigest() if thumbnail else None,
        }
    return {
        **row,
        "blob_sha256": s.staged.sha256,
        "size": s.staged.size,
        "media_type": info.media_type,
        "page_count": info.page_count,
        "width": info.width,
        "height": info.height,
        "exif_orientation": info.exif_orientation,
        "frame_count": info.frame_count,
        "warnings": [*info.warnings, *(derived.warnings if derived is not None else [])],
        **derive,
    }

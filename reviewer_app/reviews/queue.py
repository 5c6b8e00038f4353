"""The review queue as data: which submissions, in what order, and what each row shows.

The window's table model asks for the ordered ids once per filter or sort change (one
indexed query), and for row contents only for the rows on screen, a page at a time; so
a queue of 100,000 submissions costs what a screenful costs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, cast

from sqlalchemy import (
    ColumnElement,
    Row,
    Select,
    bindparam,
    case,
    func,
    null,
    or_,
    select,
    text,
)
from sqlalchemy.orm import Session

from reviewer_app.evidence.search import Matches, to_fts_query
from reviewer_app.reviews.codes import submission_code
from reviewer_app.reviews.queue_filter import SORT_KEYS as SORT_KEYS  # read here too
from reviewer_app.reviews.queue_filter import QueueFilter as QueueFilter
from reviewer_app.reviews.queue_filter import QueueRow as QueueRow
from reviewer_app.storage.blobstore import BlobStore, StoredFiles, stored_file
from reviewer_app.storage.folder_settings import earners_out_of_sight
from reviewer_app.storage.models import (
    Earner,
    EvidenceItem,
    Review,
    Reviewer,
    Submission,
)
from reviewer_app.vocabulary import Status
from reviewer_app.wording import translate


def _filtered(f: QueueFilter, *, names: bool = True) -> Select[int]:
    """`names`: whether earners' names may be read (not so for an assessor's login on a
    team database during blind review: then search and sort leave them out)."""
    query = select(Submission.id)
    if names and (f.sort == "earner" or f.search.strip()):  # the join costs a sort of its own
        query = query.join(Earner, Earner.id == Submission.earner_id)
    if f.statuses:
        query = query.where(Submission.status.in_(sorted(f.statuses)))
    if f.credential_uri:
        query = query.where(Submission.credential_uri == f.credential_uri)
    if f.attempt_min:
        query = query.where(Submission.attempt >= f.attempt_min)
    if f.reviewer:
        query = query.where(
            Submission.id.in_(
                select(Review.submission_id)
                .join(Reviewer, Reviewer.id == Review.reviewer_id)
                .where(Reviewer.name == f.reviewer)
            )
        )
    if f.submitted_from:
        query = query.where(Submission.submitted_at >= f.submitted_from)
    if f.submitted_to:
        query = query.where(Submission.submitted_at < f.submitted_to)
    if f.search.strip():
        query = query.where(_search_clause(f.search, names=names))
    return query


def _search_clause(words: str, *, names: bool = True) -> ColumnElement[bool]:
    like = f"%{words.strip()}%"
    clauses = [Submission.submission_id.ilike(like)]
    if names:
        clauses.append(Earner.name.ilike(like))
    if to_fts_query(words):
        matching = select(EvidenceItem.submission_id).where(
            EvidenceItem.id.in_(
                select(text("item_id")).select_from(text("evidence_text")).where(Matches(words))
            )
        )
        clauses.append(Submission.id.in_(matching))
    return or_(*clauses)


_ORDER = {
    "submitted": (Submission.submitted_at, Submission.submission_id),
    "submission": (Submission.submission_id,),
    "earner": (Earner.name, Submission.submission_id),
    "credential": (Submission.credential_name, Submission.submission_id),
    "attempt": (Submission.attempt, Submission.submission_id),
    "status": (Submission.status, Submission.submission_id),
}


def queue_ids(session: Session, f: QueueFilter) -> list[int]:
    """Submission keys in queue order for the filter.

    This runs on every filter change and sort of a queue that may hold 100,000
    submissions, so it reads the keys through the driver's own cursor: SQLAlchemy's
    row objects would double the time. Indexes made for the queue (migration 0004)
    let SQLite read the ids in order without sorting.
    """
    names = not earners_out_of_sight(session)
    sort = f.sort if names or f.sort != "earner" else "submission"
    columns = _ORDER.get(sort, _ORDER["submitted"])
    query = _filtered(f, names=names).order_by(*(c.desc() if f.descending else c for c in columns))
    conn = session.connection()
    # Dates need SQLAlchemy's type conversion; the shortcut is SQLite's driver's.
    if f.submitted_from or f.submitted_to or conn.dialect.name != "sqlite":
        return list(session.scalars(query))
    compiled = query.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.construct_params()
    positional = [values[name] for name in compiled.positiontup or ()]
    cursor = conn.connection.driver_connection.execute(compiled.string, positional)  # type: ignore[union-attr]
    return [pk for (pk,) in cursor]


# The earner as each submission's own manifest gives them (see Submission.identity); rows
# imported before submissions kept their own fall back to the earner's.
_NAME = func.coalesce(Submission.earner_name, Earner.name)
_EMAIL = case((Submission.earner_name.is_(None), Earner.email), else_=Submission.earner_email)


def queue_rows(session: Session, pks: Sequence[int]) -> dict[int, QueueRow]:
    """The rows for these keys (one query); keys that vanished are left out. Where the
    earners' names are out of this login's sight, each stands as its code."""
    names = not earners_out_of_sight(session)
    query = (
        select(
            Submission.id,
            Submission.submission_id,
            _NAME if names else null(),
            Submission.credential_name,
            Submission.credential_uri,
            Submission.attempt,
            Submission.status,
            Submission.submitted_at,
            func.json_array_length(Submission.warnings),
            Submission.shape,
            Submission.late,
        )
        .select_from(Submission)
        .where(Submission.id.in_(list(pks)))
    )
    if names:
        query = query.join(Earner, Earner.id == Submission.earner_id)
    rows = session.execute(query)
    return {
        r[0]: QueueRow(
            pk=r[0],
            submission_id=r[1],
            earner=r[2] if names else submission_code(r[1]),
            credential=r[3] or (r[4].rsplit("/", 1)[-1] if r[4] else ""),
            attempt=r[5],
            status=r[6],
            submitted_at=r[7],
            warnings=r[8] or 0,
            loose=r[9] == "loose",
            late=bool(r[10]),
        )
        for r in rows
    }


def status_counts(session: Session) -> dict[str, int]:
    counts: dict[str, int] = dict.fromkeys(Status, 0)
    for status, n in session.execute(
        select(Submission.status, func.count()).group_by(Submission.status)
    ):
        counts[status] = n
    return counts


def credentials_in_queue(session: Session) -> list[tuple[str, str]]:
    """(uri, name) of every micro-credential that has submissions, by name.

    Read on every queue reload, so it must not cost a scan of the submissions: a
    recursive query steps from one distinct uri to the next along the uri index (a
    handful of index seeks, where GROUP BY read all 100,000 rows, about 55 ms), and each
    name is that of the uri's latest submission.
    """
    uri = Submission.credential_uri
    first = select(func.min(uri).label("uri")).where(uri.is_not(None))
    steps = first.cte("uris", recursive=True)
    following = select(func.min(uri)).where(uri > steps.c.uri).scalar_subquery()
    steps = steps.union_all(select(following).where(steps.c.uri.is_not(None)))
    latest = Submission.__table__.alias("latest")
    name = (
        select(latest.c.credential_name)
        .where(latest.c.credential_uri == steps.c.uri)
        .order_by(latest.c.submitted_at.desc(), latest.c.submission_id.desc())
        .limit(1)
        .scalar_subquery()
    )
    rows = session.execute(select(steps.c.uri, name).where(steps.c.uri.is_not(None)))
    return sorted(((u or "", n or u or "") for u, n in rows), key=lambda r: r[1])


@dataclass(frozen=True)
class ItemView:
    """One evidence item as the viewer shows it (no database objects cross to the UI)."""

    id: int
    position: int
    kind: str  # "file" or "text"
    part: str | None
    title: str
    path: str | None
    media_type: str | None
    file: Path | None  # the stored file, for kind == "file"
    size: int | None
    page_count: int | None
    width: int | None
    height: int | None
    exif_orientation: int | None
    frame_count: int | None
    text: str | None  # a written answer
    warnings: tuple[str, ...] = ()
    # Set when `file` is not on this laptop yet (a team database's evidence not opened
    # here before): brings it into the cache and returns its path. It takes as long as
    # the file's bytes take to arrive, so the window calls it off its own thread.
    fetch: Callable[[], Path] | None = None


@dataclass(frozen=True)
class SubmissionView:
    pk: int
    submission_id: str
    earner: str
    earner_email: str | None
    credential_uri: str | None
    credential_name: str | None
    attempt: int
    status: Status
    submitted_at: dt.datetime | None
    notes: str | None
    items: tuple[ItemView, ...]
    warnings: tuple[str, ...] = field(default_factory=tuple)
    # The stored id, for looking things up (in blind mode `submission_id` may be a code).
    stored_id: str = ""


def _path(store: StoredFiles, sha256: str) -> Path:
    return store.path_for(sha256) if isinstance(store, BlobStore) else stored_file(store, sha256)


def _fetch(store: StoredFiles, sha256: str) -> Callable[[], Path] | None:
    if isinstance(store, BlobStore) and not store.cached(sha256):
        return partial(store.file, sha256)
    return None


def submission_view(
    session: Session, pk: int, store: StoredFiles, *, blind: bool = False
) -> SubmissionView | None:
    """Everything the window shows of a submission; `store` is the data folder's store
    (files not cached yet are not fetched here: see `ItemView.fetch`).

    With `blind`, the earner's name and email become the submission's code, and file
    names (which often carry a name) become neutral labels.
    """
    # Plain column reads on the session's connection (no ORM objects, nor the ORM's
    # execution layer, which doubles their cost): this runs on every move in the queue.
    connection = session.connection()
    names = not earners_out_of_sight(session)
    row = connection.execute(
        _SUBMISSION_ROW if names else _SUBMISSION_ROW_CODED, {"pk": pk}
    ).one_or_none()
    if row is None:
        return None
    code = submission_code(row.submission_id)
    items = tuple(
        ItemView(
            id=i.id,
            position=i.position,
            kind=i.kind,
            part=i.part,
            title=_item_title(cast(Row[Any], i), blind),
            path=None if blind else i.path,
            media_type=i.media_type,
            file=_path(store, i.blob_sha256) if i.blob_sha256 else None,
            fetch=_fetch(store, i.blob_sha256) if i.blob_sha256 else None,
            size=i.size,
            page_count=i.page_count,
            width=i.width,
            height=i.height,
            exif_orientation=i.exif_orientation,
            frame_count=i.frame_count,
            text=i.text,
            warnings=tuple(i.warnings or ()),
        )
        for i in connection.execute(_ITEM_ROWS, {"pk": pk})
    )
    return SubmissionView(
        pk=pk,
        submission_id=code if blind and row.shape == "loose" else row.submission_id,
        earner=code if blind or not names else row.name,
        earner_email=None if blind or not names else row.email,
        credential_uri=row.credential_uri,
        credential_name=row.credential_name,
        attempt=row.attempt,
        status=row.status,
        submitted_at=row.submitted_at,
        notes=row.notes,
        items=items,
        warnings=tuple(row.warnings or ()),
        stored_id=row.submission_id,
    )


# Built once: composing a statement costs more than running it at this size.
_ROW_COLUMNS = (
    Submission.credential_uri,
    Submission.credential_name,
    Submission.attempt,
    Submission.status,
    Submission.submitted_at,
    Submission.notes,
    Submission.warnings,
)
_SUBMISSION_ROW = (
    select(
        Submission.submission_id,
        Submission.shape,
        _NAME.label("name"),
        _EMAIL.label("email"),
        *_ROW_COLUMNS,
    )
    .join(Earner, Earner.id == Submission.earner_id)
    .where(Submission.id == bindparam("pk"))
)
# The same, read by a login that may not read earners' names (see `queue_rows`).
_SUBMISSION_ROW_CODED = select(
    Submission.submission_id,
    Submission.shape,
    null().label("name"),
    null().label("email"),
    *_ROW_COLUMNS,
).where(Submission.id == bindparam("pk"))
_ITEM_COLUMNS = (
    EvidenceItem.id,
    EvidenceItem.position,
    EvidenceItem.kind,
    EvidenceItem.part,
    EvidenceItem.title,
    EvidenceItem.path,
    EvidenceItem.media_type,
    EvidenceItem.blob_sha256,
    EvidenceItem.size,
    EvidenceItem.page_count,
    EvidenceItem.width,
    EvidenceItem.height,
    EvidenceItem.exif_orientation,
    EvidenceItem.frame_count,
    EvidenceItem.text,
    EvidenceItem.warnings,
)
_ITEM_ROWS = (
    select(*_ITEM_COLUMNS)
    .where(EvidenceItem.submission_id == bindparam("pk"))
    .order_by(EvidenceItem.position)
)


def _item_title(item: Row[Any], blind: bool) -> str:  # a row of _ITEM_COLUMNS
    if item.kind == "text" or not blind:
        if item.title:
            return str(item.title)
        if item.path:
            return Path(item.path).name
        return translate("ReviewQueue", "Item {number}").format(number=item.position + 1)
    kind = (item.media_type or "file").split("/")[-1].upper()
    return translate("ReviewQueue", "Evidence {number} ({kind})").format(
        number=item.position + 1, kind=kind
    )

"""The queue's first screen, read before the data layer is loaded.

At start the window shows the queue as soon as its frame is painted; importing
SQLAlchemy and the models, and opening the data folder through them, takes most of a
second more. So the queue's keys, its first page of rows, the count of each status and
the micro-credentials are read here with the standard library's `sqlite3` alone,
read-only, and the window shows them while the rest loads (then reads them again
through the data folder, reviewer_app/reviews/queue.py, and keeps the selection).

The queries are those of queue.py, written out for SQLite: the same order, the same
row contents, the same blind review setting (the window hides earners' names by it,
as it does for rows read through the data folder). Anything this read does not know
for certain gives None, and the window takes the ordinary path:

- a database whose schema is not the one this program writes (`HEAD`), or none yet;
- a folder that opening may change first (an interrupted import or restore);
- a filter other than the queue's unfiltered first one (every sort is read);
- any error at all (the ordinary path says what is wrong, in its words).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from reviewer_app.paths import DATABASE_NAME
from reviewer_app.reviews.queue_filter import QueueFilter, QueueRow
from reviewer_app.storage.restore_journal import pending_stamp
from reviewer_app.storage.schema_head import HEAD
from reviewer_app.vocabulary import Status

log = logging.getLogger("reviewer_app.queue")

# The key of reviewer_app.storage.folder_settings.BLIND_REVIEW (a test keeps them equal).
BLIND_REVIEW_KEY = "review.blind"

# queue.py's _ORDER, in SQL.
_ORDER = {
    "submitted": ("s.submitted_at", "s.submission_id"),
    "submission": ("s.submission_id",),
    "earner": ("e.name", "s.submission_id"),
    "credential": ("s.credential_name", "s.submission_id"),
    "attempt": ("s.attempt", "s.submission_id"),
    "status": ("s.status", "s.submission_id"),
}

_ROWS = """
SELECT s.id, s.submission_id, coalesce(s.earner_name, e.name), s.credential_name,
       s.credential_uri, s.attempt, s.status, s.submitted_at,
       json_array_length(s.warnings), s.shape, s.late
FROM submissions AS s JOIN earners AS e ON e.id = s.earner_id
WHERE s.id IN ({marks})
"""

# queue.py's credentials_in_queue: from one distinct uri to the next along its index.
_CREDENTIALS = """
WITH RECURSIVE uris(uri) AS (
    SELECT min(credential_uri) FROM submissions WHERE credential_uri IS NOT NULL
    UNION ALL
    SELECT (SELECT min(credential_uri) FROM submissions WHERE credential_uri > uris.uri)
    FROM uris WHERE uris.uri IS NOT NULL
)
SELECT uri, (
    SELECT latest.credential_name FROM submissions AS latest
    WHERE latest.credential_uri = uris.uri
    ORDER BY latest.submitted_at DESC, latest.submission_id DESC LIMIT 1
)
FROM uris WHERE uri IS NOT NULL
"""

_STATUSES = {member.value: member for member in Status}


@dataclass(frozen=True)
class FirstScreen:
    """What the queue shows first: its keys in order, the rows of the first `page` of
    them, the count of each status, the micro-credentials, and whether blind review is
    on (the window then shows codes for earners, as for rows read the ordinary way)."""

    ids: list[int]
    rows: dict[int, QueueRow]
    counts: dict[str, int]
    credentials: list[tuple[str, str]]
    blind: bool


class _Unknown(Exception):
    """Something this read does not know for certain: the ordinary path decides."""


def read_first_screen(
    root: Path, f: QueueFilter | None = None, page: int = 200
) -> FirstScreen | None:
    """The queue's first screen in the data folder at `root`, or None (see the module's
    note): never an error, never a write."""
    f = f or QueueFilter()
    if f != QueueFilter(sort=f.sort, descending=f.descending) or f.sort not in _ORDER:
        return None
    try:
        root = root.expanduser().resolve()
        database = root / DATABASE_NAME
        if not database.is_file() or _left_over(root):
            return None
        uri = database.as_uri() + "?mode=ro"
        with closing(sqlite3.connect(uri, uri=True, isolation_level=None)) as conn:
            conn.execute("BEGIN")  # one snapshot for every read below
            return _read(conn, f, page)
    except (_Unknown, sqlite3.Error, OSError, ValueError, TypeError) as e:
        log.info("The queue's first screen is read the ordinary way: %s", e)
        return None


def _left_over(root: Path) -> bool:
    """Whether opening the folder may change its database first (DataFolder.recover: an
    interrupted restore is finished; an interrupted import's intents, below, are undone;
    the store's staging files it clears are not in the database)."""
    return pending_stamp(root) is not None


def _read(conn: sqlite3.Connection, f: QueueFilter, page: int) -> FirstScreen:
    (version,) = conn.execute("SELECT version_num FROM alembic_version").fetchone() or (None,)
    if version != HEAD:
        raise _Unknown(f"schema {version!r}, not {HEAD}")
    if conn.execute("SELECT 1 FROM store_intents LIMIT 1").fetchone() is not None:
        raise _Unknown("an interrupted import left files to undo")
    ids = [pk for (pk,) in conn.execute(_ids_query(f))]
    first = ids[:page]
    rows: dict[int, QueueRow] = {}
    if first:
        query = _ROWS.format(marks=",".join("?" * len(first)))
        for r in conn.execute(query, first):
            rows[r[0]] = QueueRow(
                pk=r[0],
                submission_id=r[1],
                earner=r[2],
                credential=r[3] or (r[4].rsplit("/", 1)[-1] if r[4] else ""),
                attempt=r[5],
                status=_STATUSES.get(r[6], r[6]),
                submitted_at=_moment(r[7]),
                warnings=r[8] or 0,
                loose=r[9] == "loose",
                late=bool(r[10]),
            )
    counts: dict[str, int] = dict.fromkeys(Status, 0)
    for status, n in conn.execute("SELECT status, count(*) FROM submissions GROUP BY status"):
        counts[_STATUSES.get(status, status)] = n
    credentials = sorted(
        ((u or "", n or u or "") for u, n in conn.execute(_CREDENTIALS)), key=lambda r: r[1]
    )
    return FirstScreen(ids, rows, counts, credentials, _blind(conn))


def _ids_query(f: QueueFilter) -> str:
    direction = " DESC" if f.descending else ""
    order = ", ".join(column + direction for column in _ORDER[f.sort])
    join = " JOIN earners AS e ON e.id = s.earner_id" if f.sort == "earner" else ""
    return f"SELECT s.id FROM submissions AS s{join} ORDER BY {order}"  # our own words only


def _moment(value: object) -> dt.datetime | None:
    """A stored instant as SQLAlchemy's SQLite dialect and UTCDateTime read it."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Unknown(f"a submission's time stored as {type(value).__name__}")
    moment = dt.datetime.fromisoformat(value)
    if moment.tzinfo is not None:
        raise _Unknown(f"a submission's time stored with an offset: {value!r}")
    return moment.replace(tzinfo=dt.UTC)


def _blind(conn: sqlite3.Connection) -> bool:
    """folder_settings.BLIND_REVIEW.get(), read the same way (a wrong type: the default)."""
    found = conn.execute(
        "SELECT value FROM folder_settings WHERE key = ?", (BLIND_REVIEW_KEY,)
    ).fetchone()
    if found is None:
        return False
    stored = json.loads(found[0]) if isinstance(found[0], str) else found[0]
    if not isinstance(stored, dict):
        raise _Unknown("the blind review setting is not stored as the program writes it")
    value = stored.get("value")
    return value if isinstance(value, bool) else False

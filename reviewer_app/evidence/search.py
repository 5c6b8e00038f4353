"""Full-text search over all evidence text (SQLite FTS5).

The index holds one row per written answer, text file, or PDF page. A person's query is
turned into FTS5 syntax term by term (each quoted, so that punctuation and words like
OR or NEAR are searched for, not obeyed); a trailing * keeps prefix search.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

_TERM = re.compile(r"\w+\*?", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    submission_id: str
    item_id: int
    item: str  # the item's title, or its path in the bundle
    page: int | None
    snippet: str


def index_text(session: Session, item_id: int, page: int | None, body: str) -> None:
    session.execute(
        text("INSERT INTO evidence_text (body, item_id, page) VALUES (:body, :item, :page)"),
        {"body": body, "item": item_id, "page": page},
    )


def to_fts_query(query: str) -> str | None:
    terms = []
    for term in _TERM.findall(query):
        prefix = term.endswith("*")
        word = term.rstrip("*")
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def search(session: Session, query: str, *, limit: int = 100) -> list[SearchHit]:
    fts = to_fts_query(query)
    if fts is None:
        return []
    rows = session.execute(
        text(
            """
            SELECT s.submission_id, i.id, COALESCE(i.title, i.path, ''), t.page,
                   snippet(evidence_text, 0, '[', ']', '…', 16)
            FROM evidence_text AS t
            JOIN evidence_items AS i ON i.id = t.item_id
            JOIN submissions AS s ON s.id = i.submission_id
            WHERE evidence_text MATCH :query
            ORDER BY bm25(evidence_text), s.submission_id, i.position, t.page
            LIMIT :limit
            """
        ),
        {"query": fts, "limit": limit},
    )
    # A snippet is shown on one line: the page's line breaks and runs of spaces collapse.
    return [SearchHit(r[0], r[1], r[2], r[3], " ".join(r[4].split())) for r in rows]


def first_hit(session: Session, submission_pk: int, query: str) -> tuple[int, int | None] | None:
    """(item id, page) of the best hit for `query` within one submission, if any."""
    fts = to_fts_query(query)
    if fts is None:
        return None
    row = session.execute(
        text(
            """
            SELECT t.item_id, t.page FROM evidence_text AS t
            JOIN evidence_items AS i ON i.id = t.item_id
            WHERE evidence_text MATCH :query AND i.submission_id = :pk
            ORDER BY bm25(evidence_text), i.position, t.page LIMIT 1
            """
        ),
        {"query": fts, "pk": submission_pk},
    ).first()
    return (int(row[0]), row[1]) if row else None

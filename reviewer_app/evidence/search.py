"""Full-text search over all evidence text: SQLite's FTS5 in a data folder, PostgreSQL's
full-text search (a `tsvector` with a GIN index) in a team database.

The index holds one row per written answer, text file, or PDF page. A person's query is
turned into the database's syntax term by term (each quoted, so that punctuation and
words like OR, NEAR or & are searched for, not obeyed); a trailing * keeps prefix
search. Both fold accents and case, so that "Nunez" finds "Núñez": FTS5 with its
tokenizer's `remove_diacritics`, PostgreSQL with the `simple` configuration (no
stemming: evidence comes in several languages) over text folded here first, which
needs no database extension.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Boolean, Connection, text
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.elements import ColumnElement

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from reviewer_app.storage.datafolder import DataFolder

_TERM = re.compile(r"\w+\*?", re.UNICODE)


@dataclass(frozen=True)
class SearchHit:
    submission_id: str
    item_id: int
    item: str  # the item's title, or its path in the bundle
    page: int | None
    snippet: str


def fold(words: str) -> str:
    """Lower case without accents: what PostgreSQL's index is made from."""
    decomposed = unicodedata.normalize("NFKD", words.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _dialect(session: Session | Connection) -> str:
    bind = session if isinstance(session, Connection) else session.get_bind()
    return str(bind.dialect.name)


def index_text(session: Session, item_id: int, page: int | None, body: str) -> None:
    index_texts(session, [(item_id, page, body)])


def index_texts(session: Session, pages: Sequence[tuple[int, int | None, str]]) -> None:
    """Indexes (item id, page, text) rows with one statement run for all of them: a
    statement a page cost an import's save thread a third of its time in SQLAlchemy's
    per-statement work."""
    if not pages:
        return
    if _dialect(session) == "postgresql":
        session.execute(
            text(
                "INSERT INTO evidence_text (body, item_id, page, tsv) "
                "VALUES (:body, :item, :page, to_tsvector('simple', :folded))"
            ),
            [
                {"body": body, "item": item_id, "page": page, "folded": fold(body)}
                for item_id, page, body in pages
            ],
        )
        return
    session.execute(
        text("INSERT INTO evidence_text (body, item_id, page) VALUES (:body, :item, :page)"),
        [{"body": body, "item": item_id, "page": page} for item_id, page, body in pages],
    )


def to_fts_query(query: str) -> str | None:
    """FTS5's form of a person's query."""
    terms = []
    for term in _TERM.findall(query):
        prefix = term.endswith("*")
        word = term.rstrip("*")
        terms.append(f'"{word}"' + ("*" if prefix else ""))
    return " ".join(terms) or None


def to_tsquery(query: str) -> str | None:
    """PostgreSQL's form (for `to_tsquery('simple', ...)`): every term, folded, quoted."""
    terms = []
    for term in _TERM.findall(fold(query)):
        prefix = term.endswith("*")
        word = term.rstrip("*").replace("_", " ").strip()
        if word:
            terms.append(f"'{word}'" + (":*" if prefix else ""))
    return " & ".join(terms) or None


class Matches(ColumnElement[bool]):
    """`evidence_text` (as a table in the FROM clause) matches a person's words, in the
    syntax of the database the statement is compiled for."""

    inherit_cache = False
    type = Boolean()
    _is_implicitly_boolean = True  # a condition as it stands: no "= 1" added on SQLite

    def __init__(self, words: str) -> None:
        self.words = words


@compiles(Matches, "sqlite")
def _matches_sqlite(element: Matches, compiler: Any, **kw: Any) -> str:
    from sqlalchemy import literal

    return f"evidence_text MATCH {compiler.process(literal(to_fts_query(element.words)), **kw)}"


@compiles(Matches, "postgresql")
def _matches_postgresql(element: Matches, compiler: Any, **kw: Any) -> str:
    from sqlalchemy import literal

    words = compiler.process(literal(to_tsquery(element.words)), **kw)
    return f"evidence_text.tsv @@ to_tsquery('simple', {words})"


_SEARCH = {
    "sqlite": """
        SELECT s.submission_id, i.id, COALESCE(i.title, i.path, ''), t.page,
               snippet(evidence_text, 0, '[', ']', '…', 16)
        FROM evidence_text AS t
        JOIN evidence_items AS i ON i.id = t.item_id
        JOIN submissions AS s ON s.id = i.submission_id
        WHERE evidence_text MATCH :query
        ORDER BY bm25(evidence_text), s.submission_id, i.position, t.page
        LIMIT :limit
        """,
    "postgresql": """
        SELECT s.submission_id, i.id, COALESCE(i.title, i.path, ''), t.page,
               ts_headline('simple', t.body, to_tsquery('simple', :query),
                           'StartSel=[, StopSel=], MaxWords=16, MinWords=8, '
                           'MaxFragments=1, FragmentDelimiter=…')
        FROM evidence_text AS t
        JOIN evidence_items AS i ON i.id = t.item_id
        JOIN submissions AS s ON s.id = i.submission_id
        WHERE t.tsv @@ to_tsquery('simple', :query)
        ORDER BY ts_rank(t.tsv, to_tsquery('simple', :query)) DESC,
                 s.submission_id, i.position, t.page
        LIMIT :limit
        """,
}
_FIRST_HIT = {
    "sqlite": """
        SELECT t.item_id, t.page FROM evidence_text AS t
        JOIN evidence_items AS i ON i.id = t.item_id
        WHERE evidence_text MATCH :query AND i.submission_id = :pk
        ORDER BY bm25(evidence_text), i.position, t.page LIMIT 1
        """,
    "postgresql": """
        SELECT t.item_id, t.page FROM evidence_text AS t
        JOIN evidence_items AS i ON i.id = t.item_id
        WHERE t.tsv @@ to_tsquery('simple', :query) AND i.submission_id = :pk
        ORDER BY ts_rank(t.tsv, to_tsquery('simple', :query)) DESC, i.position, t.page
        LIMIT 1
        """,
}


def _query_for(session: Session | Connection, query: str) -> tuple[str, str | None]:
    dialect = "postgresql" if _dialect(session) == "postgresql" else "sqlite"
    return dialect, (to_tsquery(query) if dialect == "postgresql" else to_fts_query(query))


def search(session: Session | Connection, query: str, *, limit: int = 100) -> list[SearchHit]:
    dialect, words = _query_for(session, query)
    if words is None:
        return []
    rows = session.execute(text(_SEARCH[dialect]), {"query": words, "limit": limit})
    # A snippet is shown on one line: the page's line breaks and runs of spaces collapse.
    return [SearchHit(r[0], r[1], r[2], r[3], " ".join(r[4].split())) for r in rows]


def search_folder(folder: DataFolder, query: str, *, limit: int = 100) -> list[SearchHit]:
    """`search` in a read of its own (columns only: no ORM session is needed)."""
    with folder.read_engine.connect() as conn:
        return search(conn, query, limit=limit)


def first_hit(session: Session, submission_pk: int, query: str) -> tuple[int, int | None] | None:
    """(item id, page) of the best hit for `query` within one submission, if any."""
    dialect, words = _query_for(session, query)
    if words is None:
        return None
    row = session.execute(text(_FIRST_HIT[dialect]), {"query": words, "pk": submission_pk}).first()
    return (int(row[0]), row[1]) if row else None

"""full-text index over evidence text (SQLite FTS5; PostgreSQL tsvector with GIN)

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # One row per searchable piece of text: a written answer, a text file, or one PDF
    # page (so that a hit can open the item at its page). Accents are folded so that
    # "Nunez" finds "Núñez": by FTS5's tokenizer, or (PostgreSQL) by the program before
    # it makes the tsvector (reviewer_app.evidence.search).
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "CREATE TABLE evidence_text ("
            "id BIGSERIAL PRIMARY KEY, "
            "item_id INTEGER NOT NULL REFERENCES evidence_items (id) ON DELETE CASCADE, "
            "page INTEGER, body TEXT NOT NULL, tsv TSVECTOR NOT NULL)"
        )
        op.execute("CREATE INDEX ix_evidence_text_tsv ON evidence_text USING GIN (tsv)")
        op.execute("CREATE INDEX ix_evidence_text_item ON evidence_text (item_id, page)")
        return
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE evidence_text USING fts5("
        "body, item_id UNINDEXED, page UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name not in ("sqlite", "postgresql"):
        return
    op.execute("DROP TABLE evidence_text")

"""full-text index over evidence text (SQLite FTS5)

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
    # "Nunez" finds "Núñez". Other databases than SQLite go without search for now.
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute(
        "CREATE VIRTUAL TABLE evidence_text USING fts5("
        "body, item_id UNINDEXED, page UNINDEXED, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    op.execute("DROP TABLE evidence_text")

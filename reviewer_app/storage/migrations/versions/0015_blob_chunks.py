"""blob_chunks: a team database keeps every evidence file itself, in chunk rows

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07

Each file is stored once, under the SHA-256 of its bytes (the `blobs` row), as rows of
at most one mebibyte numbered from 0. Chunk rows rather than PostgreSQL's large objects:

- grants and row-level security apply to rows; large objects have privileges of their
  own, per object, that the group roles and the policies on evidence would not cover;
- a large object outlives the row that names it unless someone calls `lo_unlink`, so a
  rolled-back or killed import could leave orphans; a chunk row goes with its
  transaction, and with its blob (ON DELETE CASCADE);
- `pg_dump`, replication and `team setup`'s grants treat chunk rows as ordinary data;
- a file is written and read one chunk at a time, so memory stays bounded whatever its
  size, with no driver support for large-object streams needed.

On a data folder (SQLite) the table exists, so that one schema serves both, but stays
empty: the folder's own store holds the files.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0015"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "blob_chunks",
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["sha256"], ["blobs.sha256"], name=op.f("fk_blob_chunks_sha256_blobs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("sha256", "seq", name=op.f("pk_blob_chunks")),
    )  # fmt: skip
    if op.get_bind().dialect.name == "postgresql":
        # Evidence is mostly compressed already (JPEG, PDF, MP4): storing the chunks out
        # of line without trying to compress them again saves the server's time.
        op.execute("ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL")


def downgrade() -> None:
    op.drop_table("blob_chunks")

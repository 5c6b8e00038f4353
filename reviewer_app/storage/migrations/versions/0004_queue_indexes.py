"""indexes for the review queue's orders and filters

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-30
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_submissions_queue_submitted": ("submissions", ["submitted_at", "submission_id"]),
    "ix_submissions_queue_status": ("submissions", ["status", "submitted_at", "submission_id"]),
    "ix_submissions_queue_credential": (
        "submissions",
        ["credential_uri", "submitted_at", "submission_id"],
    ),
    "ix_submissions_queue_credential_name": ("submissions", ["credential_name", "submission_id"]),
    "ix_submissions_queue_attempt": ("submissions", ["attempt", "submission_id"]),
    "ix_earners_name": ("earners", ["name"]),
}


def upgrade() -> None:
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)


def downgrade() -> None:
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)

"""submissions remember the learning platform they were downloaded from

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07

A Moodle or Canvas download (see reviewer_app.lms) gives each submission the platform's
own id for the student (Moodle's participant id, Canvas's user id or anonymous id) and,
on Canvas, whether it came in late. Columns of their own rather than entries in
`warnings` or `notes`: the queue shows the late flag and grades go back to the platform
by the id, both read per row. Submissions from bundles leave them empty (late false).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.add_column(sa.Column("platform", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("platform_id", sa.String(length=200), nullable=True))
        batch.add_column(sa.Column("late", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("submissions") as batch:
        batch.drop_column("late")
        batch.drop_column("platform_id")
        batch.drop_column("platform")

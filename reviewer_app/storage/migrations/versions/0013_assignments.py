"""assignments: who is to score which submission

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("assigned_by", sa.String(length=200), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"], ["submissions.id"],
            name=op.f("fk_assignments_submission_id_submissions"), ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"], ["reviewers.id"], name=op.f("fk_assignments_reviewer_id_reviewers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_assignments")),
        sa.UniqueConstraint(
            "submission_id", "reviewer_id", name=op.f("uq_assignments_submission_id")
        ),
    )  # fmt: skip
    op.create_index(op.f("ix_assignments_submission_id"), "assignments", ["submission_id"])
    op.create_index(op.f("ix_assignments_reviewer_id"), "assignments", ["reviewer_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_assignments_reviewer_id"), table_name="assignments")
    op.drop_index(op.f("ix_assignments_submission_id"), table_name="assignments")
    op.drop_table("assignments")

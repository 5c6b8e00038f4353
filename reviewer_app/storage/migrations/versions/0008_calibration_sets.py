"""calibration sets of anchors (practice or qualifying), their assignment; qualification
rules per credential

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "calibration_sets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("credential_uri", sa.String(length=1000), nullable=False),
        sa.Column("mode", sa.String(length=20), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"], ["reviewers.id"], name=op.f("fk_calibration_sets_created_by_reviewers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibration_sets")),
        sa.UniqueConstraint("name", name=op.f("uq_calibration_sets_name")),
    )
    op.create_table(
        "calibration_set_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("anchor_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_id"],
            ["calibration_sets.id"],
            name=op.f("fk_calibration_set_items_set_id_calibration_sets"),
        ),
        sa.ForeignKeyConstraint(
            ["anchor_id"], ["anchors.id"], name=op.f("fk_calibration_set_items_anchor_id_anchors")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibration_set_items")),
        sa.UniqueConstraint("set_id", "anchor_id", name=op.f("uq_calibration_set_items_set_id")),
    )
    op.create_index(op.f("ix_calibration_set_items_set_id"), "calibration_set_items", ["set_id"])
    op.create_table(
        "calibration_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("set_id", sa.Integer(), nullable=False),
        sa.Column("reviewer_id", sa.Integer(), nullable=False),
        sa.Column("assigned_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["set_id"],
            ["calibration_sets.id"],
            name=op.f("fk_calibration_assignments_set_id_calibration_sets"),
        ),
        sa.ForeignKeyConstraint(
            ["reviewer_id"],
            ["reviewers.id"],
            name=op.f("fk_calibration_assignments_reviewer_id_reviewers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calibration_assignments")),
        sa.UniqueConstraint(
            "set_id", "reviewer_id", name=op.f("uq_calibration_assignments_set_id")
        ),
    )
    op.create_index(
        op.f("ix_calibration_assignments_set_id"), "calibration_assignments", ["set_id"]
    )
    with op.batch_alter_table("credential_settings") as batch:
        batch.add_column(sa.Column("rules", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("credential_settings") as batch:
        batch.drop_column("rules")
    op.drop_index(op.f("ix_calibration_assignments_set_id"), table_name="calibration_assignments")
    op.drop_table("calibration_assignments")
    op.drop_index(op.f("ix_calibration_set_items_set_id"), table_name="calibration_set_items")
    op.drop_table("calibration_set_items")
    op.drop_table("calibration_sets")

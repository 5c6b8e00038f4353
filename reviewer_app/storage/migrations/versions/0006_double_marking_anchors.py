"""independent reviews per credential, anchors, adjudicated decisions

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "credential_settings",
        sa.Column("credential_uri", sa.String(length=1000), nullable=False),
        sa.Column("required_reviews", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("credential_uri", name=op.f("pk_credential_settings")),
    )
    op.create_table(
        "anchors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("submission_id", sa.Integer(), nullable=False),
        sa.Column("reference_review_id", sa.Integer(), nullable=False),
        sa.Column("marked_by", sa.Integer(), nullable=False),
        sa.Column("rationale", sa.Text(), nullable=True),
        sa.Column("marked_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["submission_id"], ["submissions.id"], name=op.f("fk_anchors_submission_id_submissions")
        ),
        sa.ForeignKeyConstraint(
            ["reference_review_id"],
            ["reviews.id"],
            name=op.f("fk_anchors_reference_review_id_reviews"),
        ),
        sa.ForeignKeyConstraint(
            ["marked_by"], ["reviewers.id"], name=op.f("fk_anchors_marked_by_reviewers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_anchors")),
        sa.UniqueConstraint("submission_id", name=op.f("uq_anchors_submission_id")),
    )
    with op.batch_alter_table("decisions") as batch:
        batch.add_column(sa.Column("feedback_review_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("feedback", sa.Text(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_decisions_feedback_review_id_reviews"),
            "reviews",
            ["feedback_review_id"],
            ["id"],
        )


def downgrade() -> None:
    with op.batch_alter_table("decisions") as batch:
        batch.drop_constraint(op.f("fk_decisions_feedback_review_id_reviews"), type_="foreignkey")
        batch.drop_column("feedback")
        batch.drop_column("feedback_review_id")
    op.drop_table("anchors")
    op.drop_table("credential_settings")

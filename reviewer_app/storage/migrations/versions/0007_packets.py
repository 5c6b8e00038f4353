"""review packets for assessors elsewhere, their returns, and review conflicts

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "packets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("packet_id", sa.String(length=36), nullable=False),
        sa.Column("direction", sa.String(length=10), nullable=False),
        sa.Column("issued_by", sa.String(length=400), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packets")),
        sa.UniqueConstraint("packet_id", name=op.f("uq_packets_packet_id")),
    )
    op.create_table(
        "packet_assignments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("packet_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("submission_id", sa.String(length=200), nullable=False),
        sa.Column("credential_uri", sa.String(length=1000), nullable=False),
        sa.ForeignKeyConstraint(
            ["packet_id"],
            ["packets.id"],
            name=op.f("fk_packet_assignments_packet_id_packets"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packet_assignments")),
        sa.UniqueConstraint(
            "packet_id",
            "reviewer",
            "submission_id",
            name=op.f("uq_packet_assignments_packet_id"),
        ),
    )
    op.create_index(
        op.f("ix_packet_assignments_submission_id"), "packet_assignments", ["submission_id"]
    )
    op.create_table(
        "packet_returns",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("packet_id", sa.Integer(), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("file_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("summary", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["packet_id"], ["packets.id"], name=op.f("fk_packet_returns_packet_id_packets")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_packet_returns")),
        sa.UniqueConstraint("file_sha256", name=op.f("uq_packet_returns_file_sha256")),
    )
    op.create_index(op.f("ix_packet_returns_packet_id"), "packet_returns", ["packet_id"])
    op.create_table(
        "review_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("review_id", sa.Integer(), nullable=False),
        sa.Column("packet_id", sa.String(length=36), nullable=False),
        sa.Column("return_sha256", sa.String(length=64), nullable=False),
        sa.Column("submission_id", sa.String(length=200), nullable=False),
        sa.Column("reviewer", sa.String(length=200), nullable=False),
        sa.Column("incoming", sa.JSON(), nullable=False),
        sa.Column("incoming_digest", sa.String(length=64), nullable=False),
        sa.Column("detected_at", sa.DateTime(), nullable=False),
        sa.Column("resolved_at", sa.DateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=10), nullable=True),
        sa.Column("resolved_by", sa.Integer(), nullable=True),
        sa.Column("rationale", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["review_id"], ["reviews.id"], name=op.f("fk_review_conflicts_review_id_reviews")
        ),
        sa.ForeignKeyConstraint(
            ["resolved_by"],
            ["reviewers.id"],
            name=op.f("fk_review_conflicts_resolved_by_reviewers"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_review_conflicts")),
        sa.UniqueConstraint(
            "return_sha256",
            "submission_id",
            "reviewer",
            name=op.f("uq_review_conflicts_return_sha256"),
        ),
    )
    op.create_index(op.f("ix_review_conflicts_review_id"), "review_conflicts", ["review_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_review_conflicts_review_id"), table_name="review_conflicts")
    op.drop_table("review_conflicts")
    op.drop_index(op.f("ix_packet_returns_packet_id"), table_name="packet_returns")
    op.drop_table("packet_returns")
    op.drop_index(op.f("ix_packet_assignments_submission_id"), table_name="packet_assignments")
    op.drop_table("packet_assignments")
    op.drop_table("packets")

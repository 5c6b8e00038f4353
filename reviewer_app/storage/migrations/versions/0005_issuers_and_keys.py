"""issuers, their signing keys, and what each issued credential was signed as

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "issuers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=400), nullable=False),
        sa.Column("url", sa.String(length=1000), nullable=False),
        sa.Column("email", sa.String(length=400), nullable=True),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("image_sha256", sa.String(length=64), nullable=True),
        sa.Column("base_url", sa.String(length=1000), nullable=False),
        sa.Column("did_method", sa.String(length=10), nullable=False),
        sa.Column("secret", sa.String(length=64), nullable=False),
        sa.Column("is_default", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["image_sha256"], ["blobs.sha256"], name=op.f("fk_issuers_image_sha256_blobs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issuers")),
        sa.UniqueConstraint("slug", name=op.f("uq_issuers_slug")),
    )
    op.create_table(
        "issuer_keys",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("issuer_id", sa.Integer(), nullable=False),
        sa.Column("key_id", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("public_key", sa.Text(), nullable=False),
        sa.Column("file_name", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("retired_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["issuer_id"], ["issuers.id"], name=op.f("fk_issuer_keys_issuer_id_issuers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issuer_keys")),
        sa.UniqueConstraint("issuer_id", "key_id", name=op.f("uq_issuer_keys_issuer_id")),
    )
    op.create_index(op.f("ix_issuer_keys_issuer_id"), "issuer_keys", ["issuer_id"])
    with op.batch_alter_table("issued_credentials") as batch:
        batch.add_column(sa.Column("issuer_id", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("key_id", sa.String(length=100), nullable=True))
        batch.add_column(sa.Column("proof", sa.String(length=20), nullable=True))
        batch.add_column(sa.Column("status_index", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("document", sa.Text(), nullable=True))
        batch.add_column(sa.Column("exported_at", sa.DateTime(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_issued_credentials_issuer_id_issuers"), "issuers", ["issuer_id"], ["id"]
        )
        batch.create_unique_constraint(
            op.f("uq_issued_credentials_issuer_id"), ["issuer_id", "status_index"]
        )
        batch.create_index(op.f("ix_issued_credentials_issuer_id"), ["issuer_id"])


def downgrade() -> None:
    with op.batch_alter_table("issued_credentials") as batch:
        batch.drop_index(op.f("ix_issued_credentials_issuer_id"))
        batch.drop_constraint(op.f("uq_issued_credentials_issuer_id"), type_="unique")
        batch.drop_constraint(op.f("fk_issued_credentials_issuer_id_issuers"), type_="foreignkey")
        for column in ("exported_at", "document", "status_index", "proof", "key_id", "issuer_id"):
            batch.drop_column(column)
    op.drop_index(op.f("ix_issuer_keys_issuer_id"), table_name="issuer_keys")
    op.drop_table("issuer_keys")
    op.drop_table("issuers")

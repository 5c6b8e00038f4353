"""a reviewer profile may be bound to a team database login

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("reviewers") as batch:
        batch.add_column(sa.Column("login", sa.String(length=63), nullable=True))
        batch.create_unique_constraint("uq_reviewers_login", ["login"])


def downgrade() -> None:
    with op.batch_alter_table("reviewers") as batch:
        batch.drop_constraint("uq_reviewers_login", type_="unique")
        batch.drop_column("login")

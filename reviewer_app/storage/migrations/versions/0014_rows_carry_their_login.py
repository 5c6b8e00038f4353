"""each row a person writes carries the login that wrote it, as the server sets it

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The tables people write in the course of their work. On a data folder the column stays
# empty (there are no logins); on a team database a trigger fills it with the session's
# login whatever the program (or another client) sent.
TABLES = (
    "reviews",
    "criterion_scores",
    "annotations",
    "decisions",
    "assignments",
    "audit_events",
)


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column("written_by", sa.String(length=63), nullable=True))
    if op.get_bind().dialect.name != "postgresql":
        return
    op.execute(
        "CREATE FUNCTION reviewer_app_written_by() RETURNS trigger "
        "LANGUAGE plpgsql AS $$ BEGIN "
        "NEW.written_by := session_user; RETURN NEW; END $$"
    )
    for table in TABLES:
        op.execute(
            f"CREATE TRIGGER {table}_written_by BEFORE INSERT OR UPDATE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION reviewer_app_written_by()"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER {table}_written_by ON {table}")
        op.execute("DROP FUNCTION reviewer_app_written_by()")
    for table in reversed(TABLES):
        with op.batch_alter_table(table) as batch:
            batch.drop_column("written_by")

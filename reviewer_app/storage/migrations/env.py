"""Alembic environment: runs on the engine the program hands over, never from an ini file."""

from alembic import context

from reviewer_app.storage.models import Base

engine = context.config.attributes["engine"]

with engine.connect() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        transaction_per_migration=False,  # every step of one upgrade in one transaction
    )
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()

"""The schema's newest revision, in a module of its own: it is checked before the data
layer (SQLAlchemy, Alembic) is loaded, by the window's first read of the queue
(reviewer_app/reviews/first_screen.py). reviewer_app/storage/schema.py uses it too."""

from __future__ import annotations

# The newest revision in migrations/versions (a test keeps the two equal). Knowing it
# lets a folder that is up to date open without loading Alembic, which costs a
# noticeable part of a second at every start.
HEAD = "0016"

"""The team tests' PostgreSQL server is the session-wide `pg_server` fixture of
tests/conftest.py (the window's tests use it too)."""

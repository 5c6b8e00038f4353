"""One PostgreSQL server for every team test of a run (see tests/pg_server.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.pg_server import PgServer, find_bindir, running_server


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    if find_bindir() is None:
        why = "PostgreSQL is not installed (scripts/bootstrap.sh installs the postgresql package)"
        if os.environ.get("CI"):
            pytest.fail(why)
        pytest.skip(why)
    with running_server() as server:
        yield server

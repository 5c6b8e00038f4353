"""Writes reviewer_app/storage/migrations/head.sql: the schema the migrations build in
SQLite, from which a new data folder is created in one step. Run after adding a
migration (and raising schema.HEAD); tests/test_storage.py fails until it is run.

    python scripts/head_schema.py
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from reviewer_app.storage.database import make_engine
from reviewer_app.storage.schema import HEAD_SQL, head_sql_text, upgrade_database


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        engine = make_engine(f"sqlite:///{Path(folder) / 'migrated.sqlite3'}")
        try:
            upgrade_database(engine, None, one_step=False)
            with engine.connect() as conn:
                written = head_sql_text(conn)
        finally:
            engine.dispose()
    HEAD_SQL.write_text(written, encoding="utf-8")
    print(f"wrote {HEAD_SQL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

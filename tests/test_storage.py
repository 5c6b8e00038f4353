"""The data folder: schema versions, SQLite settings, the content-addressed store,
and recovery from an interrupted import."""

from __future__ import annotations

import io
import sqlite3
import stat
from pathlib import Path

import pytest
from sqlalchemy import select, text

from reviewer_app.errors import DataFolderError
from reviewer_app.storage.blobstore import BlobStore, SizeLimitExceeded
from reviewer_app.storage.database import make_engine
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from reviewer_app.storage.models import Blob, Earner, StoreIntent
from reviewer_app.storage.schema import (
    HEAD,
    head_revision,
    sqlite_schema,
    upgrade_database,
)


def test_new_folder_is_created_at_the_current_schema(data_dir: Path) -> None:
    with DataFolder.open(data_dir) as folder:
        assert folder.upgrade_backup is None
        with folder.engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head_revision()
            assert conn.scalar(text("PRAGMA journal_mode")) == "wal"
            assert conn.scalar(text("PRAGMA foreign_keys")) == 1
            assert conn.scalar(text("PRAGMA busy_timeout")) >= 1000
            assert conn.scalar(text("PRAGMA synchronous")) == 2  # FULL
    assert (data_dir / DATABASE_NAME).is_file()
    assert (data_dir / "store" / "objects").is_dir()


def test_the_known_head_is_the_newest_migration() -> None:
    assert head_revision() == HEAD


def _schema_and_version(database: Path) -> tuple[list[tuple[str, str, str, str | None]], str]:
    engine = make_engine(f"sqlite:///{database}")
    try:
        with engine.connect() as conn:
            version = conn.scalar(text("SELECT version_num FROM alembic_version"))
            return sqlite_schema(conn), version
    finally:
        engine.dispose()


def test_a_new_folder_made_in_one_step_equals_one_built_by_every_migration(
    tmp_path: Path,
) -> None:
    """A new folder is created from head.sql in one transaction; the migrations only
    upgrade. The two must give the same database: every table, index, trigger and the
    full-text index (with its own tables), statement for statement, and the version."""
    migrated = tmp_path / "migrated.sqlite3"
    engine = make_engine(f"sqlite:///{migrated}")
    upgrade_database(engine, None, one_step=False)
    engine.dispose()

    with DataFolder.open(tmp_path / "new"):
        pass
    one_step = _schema_and_version(tmp_path / "new" / DATABASE_NAME)
    by_migrations = _schema_and_version(migrated)
    assert one_step == by_migrations, "head.sql is out of date: run scripts/head_schema.py"
    kinds = {kind for kind, *_ in one_step[0]}
    assert kinds >= {"table", "index", "trigger"}
    assert any(sql and "VIRTUAL TABLE evidence_text" in sql for *_, sql in one_step[0])
    assert one_step[1] == HEAD


def test_a_new_folder_does_not_load_the_migrations(data_dir: Path) -> None:
    """One step: no Alembic, no migration scripts, for a folder's first opening."""
    import subprocess
    import sys

    program = (
        "import sys; from pathlib import Path; "
        "from reviewer_app.storage.datafolder import DataFolder; "
        f"DataFolder.open(Path({str(data_dir)!r})).close(); "
        "print(sorted(m for m in sys.modules "
        "if m.startswith(('alembic', 'reviewer_app.storage.models'))))"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
    assert _schema_and_version(data_dir / DATABASE_NAME)[1] == HEAD


def test_processes_opening_one_new_folder_at_once_all_open_it(data_dir: Path) -> None:
    """One creates the schema (its transaction takes the write lock); the others find
    it made when they get the lock, and open it rather than call it foreign."""
    import subprocess
    import sys

    data_dir.mkdir()
    program = (
        "import sys, time; from pathlib import Path; "
        "from reviewer_app.storage.datafolder import DataFolder; "
        "start = float(sys.argv[1]); time.sleep(max(0.0, start - time.time())); "
        "DataFolder.open(Path(sys.argv[2])).close()"
    )
    import time

    start = str(time.time() + 1.5)
    openers = [
        subprocess.Popen([sys.executable, "-c", program, start, str(data_dir)], text=True)
        for _ in range(4)
    ]
    assert [p.wait(timeout=120) for p in openers] == [0, 0, 0, 0]
    assert _schema_and_version(data_dir / DATABASE_NAME)[1] == HEAD


def test_a_schema_made_between_two_looks_is_read_not_refused(data_dir: Path) -> None:
    """The race behind the test above, made certain: a process asks the new folder's
    version and finds no table, and another process's creation commits before it looks
    for the table. It reads the version then, where it used to call the folder
    unreadable."""
    from sqlalchemy import event

    from reviewer_app.storage.schema import current_revision

    DataFolder.open(data_dir).close()  # the other process's creation, committed
    engine = make_engine(f"sqlite:///{data_dir / DATABASE_NAME}")
    looks = []

    @event.listens_for(engine, "before_cursor_execute")
    def first_look_finds_nothing(conn, cursor, statement, *_args):  # type: ignore[no-untyped-def]
        if "alembic_version" in statement and "SELECT version_num" in statement:
            looks.append(statement)
            if len(looks) == 1:
                raise sqlite3.OperationalError("no such table: alembic_version")

    try:
        assert current_revision(engine) == HEAD
    finally:
        engine.dispose()
    assert len(looks) == 2


def test_an_old_folder_still_upgrades_through_every_migration_to_the_same_schema(
    tmp_path: Path,
) -> None:
    old = tmp_path / "old"
    old.mkdir()
    engine = make_engine(f"sqlite:///{old / DATABASE_NAME}")
    upgrade_database(engine, None, to="0008")
    engine.dispose()
    with DataFolder.open(old) as folder:
        assert folder.upgrade_backup is not None
    with DataFolder.open(tmp_path / "new"):
        pass
    upgraded = _schema_and_version(old / DATABASE_NAME)
    assert upgraded == _schema_and_version(tmp_path / "new" / DATABASE_NAME)


def test_foreign_keys_are_enforced(folder: DataFolder) -> None:
    with pytest.raises(Exception, match="FOREIGN KEY"), folder.sessions.begin() as session:
        session.execute(
            text(
                "INSERT INTO submissions (submission_id, earner_id, attempt, imported_at, shape,"
                " source_name, content_digest, status, warnings)"
                " VALUES ('x', 999, 1, '2026-01-01', 'manifest', 's', 'd', 'unreviewed', '[]')"
            )
        )


def test_older_database_is_backed_up_then_upgraded(data_dir: Path) -> None:
    data_dir.mkdir()
    engine = make_engine(f"sqlite:///{data_dir / DATABASE_NAME}")
    upgrade_database(engine, None, to="0001")  # as written by the first release
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO earners (external_id, name) VALUES ('mailto:a@b.c', 'Ana')"))
    engine.dispose()

    with DataFolder.open(data_dir) as folder:
        backup = folder.upgrade_backup
        with folder.sessions() as session:
            assert session.scalar(select(Earner.name)) == "Ana"
            session.execute(text("SELECT count(*) FROM evidence_text")).scalar()
    assert backup is not None and backup.is_file()
    old = sqlite3.connect(backup)
    assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
    assert old.execute("SELECT name FROM earners").fetchone() == ("Ana",)
    old.close()


def test_newer_database_is_refused_and_left_alone(data_dir: Path) -> None:
    DataFolder.open(data_dir).close()
    db = data_dir / DATABASE_NAME
    con = sqlite3.connect(db)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = db.read_bytes()
    with pytest.raises(DataFolderError, match="newer version"):
        DataFolder.open(data_dir)
    assert db.read_bytes() == before
    assert not (data_dir / "backups").exists()


def test_a_database_that_is_not_ours_is_refused(data_dir: Path) -> None:
    data_dir.mkdir()
    con = sqlite3.connect(data_dir / DATABASE_NAME)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(DataFolderError, match="not made by Portfolio Reviewer"):
        DataFolder.open(data_dir)


def test_garbage_database_file_gives_a_clear_message(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DATABASE_NAME).write_bytes(b"this is not a database" * 100)
    with pytest.raises(DataFolderError, match="cannot be read"):
        DataFolder.open(data_dir)


def test_database_url_is_a_setting(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.sqlite3"
    with DataFolder.open(tmp_path / "data", database_url=f"sqlite:///{elsewhere}"):
        pass
    assert elsewhere.is_file()
    assert not (tmp_path / "data" / DATABASE_NAME).exists()


def test_store_writes_by_hash_deduplicates_and_never_modifies(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "store")
    first = store.stage(io.BytesIO(b"evidence" * 1000))
    assert first.path.parent == store.tmp
    final = store.place(first)
    assert final == store.path_for(first.sha256)
    assert final.read_bytes() == b"evidence" * 1000
    assert not final.stat().st_mode & stat.S_IWUSR  # read-only once stored
    again = store.stage(io.BytesIO(b"evidence" * 1000))
    assert store.place(again) == final
    assert list(store.tmp.iterdir()) == []
    assert [h for h, _ in store.iter_hashes()] == [first.sha256]


def test_store_refuses_past_the_limit_and_leaves_nothing(tmp_path: Path) -> None:
    store = BlobStore(tmp_path / "store")
    with pytest.raises(SizeLimitExceeded):
        store.stage(io.BytesIO(b"x" * 5000), limit=4096)
    assert list(store.tmp.iterdir()) == []


def test_opening_removes_what_an_interrupted_import_left(data_dir: Path) -> None:
    with DataFolder.open(data_dir) as folder:
        kept = folder.store.stage(io.BytesIO(b"committed evidence"))
        folder.commit_files([kept], lambda session: None)
        # An import that died after moving its file into place but before committing:
        orphan = folder.store.stage(io.BytesIO(b"never committed"))
        with folder.sessions.begin() as session:
            session.add(StoreIntent(token="t", sha256=orphan.sha256))
            session.add(StoreIntent(token="t", sha256=kept.sha256))  # shared with a commit
        folder.store.place(orphan)
        (folder.store.tmp / "half-written.part").write_bytes(b"partial")

    with DataFolder.open(data_dir) as folder:
        assert not folder.store.has(orphan.sha256)
        assert folder.store.has(kept.sha256)
        assert list(folder.store.tmp.iterdir()) == []
        with folder.sessions() as session:
            assert session.scalars(select(StoreIntent)).all() == []
            assert session.scalars(select(Blob.sha256)).all() == [kept.sha256]


def test_a_failed_record_step_removes_the_files_it_placed(folder: DataFolder) -> None:
    staged = folder.store.stage(io.BytesIO(b"evidence of a failed import"))

    def record(session: object) -> None:
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        folder.commit_files([staged], record)
    assert not folder.store.has(staged.sha256)
    with folder.sessions() as session:
        assert session.scalars(select(StoreIntent)).all() == []
        assert session.scalars(select(Blob)).all() == []


def test_the_migrations_build_exactly_the_models_schema(folder: DataFolder) -> None:
    """A model changed without a migration (or the reverse) would leave old folders with a
    schema the code does not expect: Alembic's own comparison must find no difference."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from reviewer_app.storage.models import Base

    with folder.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True})
        differences = [
            d
            for d in compare_metadata(context, Base.metadata)
            # FTS5 tables and the audit triggers are made by migrations on purpose.
            if not (d[0] == "remove_table" and "evidence_text" in d[1].name)
        ]
    assert differences == []


def test_a_data_folder_whose_name_looks_like_url_escapes_works(tmp_path: Path) -> None:
    """A folder named "a%20b" was taken for "a b" and called unreadable, with advice to
    restore from a backup."""
    from reviewer_app.storage.backup import backup_folder, verify_backup
    from reviewer_app.storage.check import check_folder
    from tests import craft

    root = tmp_path / "evidence %20 #1 ?x"
    with DataFolder.open(root) as folder:
        bundle = craft.bundle_zip(
            tmp_path / "b.zip", {"plan.pdf": craft.text_pdf()}, submission_id="PCT-1"
        )
        from reviewer_app.evidence.importer import Importer

        assert Importer(folder).import_paths([bundle]).imported
        assert check_folder(folder) == []
        assert folder.engine.url.database == str(root / DATABASE_NAME)
        made = backup_folder(folder)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.zip", root.name]
    assert verify_backup(made.path) == []

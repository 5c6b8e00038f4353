"""A data folder: the database, the evidence store and the lock that guards writes to both.

Layout::

    reviewer.sqlite3      the database (WAL)
    store/objects/..      evidence files by SHA-256
    store/tmp/<pid>-<id>/ files being written, one folder per process (removed when
                          found after a crash, once their process is gone)
    keys/<issuer>/        issuers' signing keys, sealed with their passphrases
    backups/              copies made before schema upgrades
    folder.lock           held while an import moves files into the store
    restore-pending.json  there only while a restore changes the folder (see restore_journal)

`sessions` begin their transactions with the write lock (BEGIN IMMEDIATE) and are for
anything that may write; `read_sessions` and `read_engine` are for transactions that
only read, which never wait for a writer (see database.py).
"""

from __future__ import annotations

import logging
import os
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import URL, Engine, delete, select, text
from sqlalchemy.exc import DatabaseError

from reviewer_app.errors import DataFolderError
from reviewer_app.paths import DATABASE_NAME, ENV_DATA_DIR, default_data_dir
from reviewer_app.storage import restore_journal
from reviewer_app.storage.blobstore import BlobStore, StagedFile
from reviewer_app.storage.database import (
    NOTICE_AFTER_SECONDS,
    make_engine,
    make_session_factory,
    reading,
)
from reviewer_app.storage.diskspace import disk_full, is_disk_full, nearly_full
from reviewer_app.storage.permissions import PRIVATE_FILE, private_file, private_folder, tighten
from reviewer_app.storage.schema import upgrade_database
from reviewer_app.storage.waits import announce_wait
from reviewer_app.wording import translate

# Opening a folder needs only SQLAlchemy's core: the ORM, the models, the file lock and
# the team database's parts load when first used. They were about half of every
# command's start, and a command that only reads a list (evidence/submissions.py)
# needs none of them.
if TYPE_CHECKING:
    from filelock import FileLock
    from sqlalchemy.orm import Session, sessionmaker

    from reviewer_app.storage.models import StoreIntent

_log = logging.getLogger(__name__)

__all__ = ["DATABASE_NAME", "ENV_DATA_DIR", "DataFolder", "default_data_dir"]

LOCK_WAIT_SECONDS = 60.0


class DataFolder:
    """An open data folder. Make one with `DataFolder.open()` and `close()` it."""

    def __init__(self, root: Path, engine: Engine, store: BlobStore) -> None:
        self.root = root
        self.engine = engine
        self.store = store
        # For transactions that only read: deferred, never waiting for a writer.
        self.read_engine = reading(engine)
        self.upgrade_backup: Path | None = None

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        """Sessions that may write: they begin IMMEDIATE (see database.py); the default,
        the safe one."""
        return make_session_factory(self.engine)

    @cached_property
    def read_sessions(self) -> sessionmaker[Session]:
        """Sessions for transactions that only read."""
        return make_session_factory(self.read_engine)

    @cached_property
    def _lock(self) -> FileLock:
        from filelock import FileLock

        return FileLock(str(self.root / "folder.lock"))

    @classmethod
    def open(cls, root: Path, *, database_url: str | URL | None = None) -> DataFolder:
        """Opens (creating or upgrading if needed) the data folder at `root`."""
        root = root.expanduser().resolve()
        try:
            private_folder(root)
            store = BlobStore(root / "store")
        except OSError as e:
            if is_disk_full(e):
                raise disk_full(root) from e
            raise DataFolderError(
                translate("DataFolder", "Cannot use {path} as a data folder: {problem}.").format(
                    path=root, problem=e.strerror
                )
            ) from e
        if not os.access(root, os.W_OK):
            store.close()
            raise DataFolderError(
                translate("DataFolder", "Cannot write to the data folder {path}.").format(path=root)
            )
        if database_url is None:
            database = root / DATABASE_NAME
            try:
                private_file(database)  # SQLite gives its -wal and -shm files the same mode
                for suffix in ("-wal", "-shm"):
                    tighten(root / f"{DATABASE_NAME}{suffix}", PRIVATE_FILE)
            except OSError as e:
                store.close()
                if is_disk_full(e):
                    raise disk_full(root) from e
                raise DataFolderError(
                    translate(
                        "DataFolder", "Cannot use {path} as a data folder: {problem}."
                    ).format(path=root, problem=e.strerror)
                ) from e
        # Built, not written as text: a folder named "a%20b" must not be read as "a b".
        url = database_url or URL.create("sqlite", database=str(root / DATABASE_NAME))
        engine = make_engine(url)
        if engine.dialect.name == "postgresql":  # the store caches the database's files
            from reviewer_app.storage.team_blobs import TeamBlobs

            store.source = TeamBlobs(engine)
        folder = cls(root, engine, store)
        try:
            # A team database is backed up by its administrator (pg_dump), not here.
            local = engine.dialect.name == "sqlite"
            folder.upgrade_backup = upgrade_database(engine, root / "backups" if local else None)
            folder.recover()
        except DatabaseError as e:
            folder.close()
            # SQLite cannot open a database whose side files it cannot write: on a full
            # disk that reads like damage, and a restore would only make things worse.
            if is_disk_full(e) or nearly_full(root):
                raise disk_full(root) from e
            raise DataFolderError(
                translate(
                    "DataFolder",
                    "The database in {path} cannot be read ({problem}). "
                    "Restore it from a backup or choose another data folder.",
                ).format(path=root, problem=e.orig)
            ) from e
        except OSError as e:
            folder.close()
            if is_disk_full(e):
                raise disk_full(root) from e
            raise
        except BaseException:
            folder.close()
            raise
        return folder

    def close(self) -> None:
        self.engine.dispose()
        self.store.close()

    def __enter__(self) -> DataFolder:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def write_lock(self, timeout: float = LOCK_WAIT_SECONDS) -> Iterator[None]:
        """Held while files move into the store, so that recovery never races an import."""
        from filelock import Timeout

        try:
            try:
                self._lock.acquire(timeout=min(NOTICE_AFTER_SECONDS, timeout))
            except Timeout:
                announce_wait()
                self._lock.acquire(timeout=max(0.0, timeout - NOTICE_AFTER_SECONDS))
        except Timeout:
            raise DataFolderError(
                translate(
                    "DataFolder",
                    "Another Portfolio Reviewer is importing into {path}; "
                    "try again when it has finished.",
                ).format(path=self.root)
            ) from None
        try:
            yield
        finally:
            self._lock.release()

    def commit_files(self, staged: Sequence[StagedFile], record: Callable[[Session], None]) -> None:
        """Moves staged files into the store and runs `record` to describe them, so that
        either both happen or, after a crash at any point, neither is visible.

        Call with the write lock held. `record` adds the rows that refer to the files;
        the `blobs` rows are added here. On a team database each new file goes up to the
        database with its `blobs` row first, a transaction per file (team_blobs.py), and
        the files placed here are the laptop's cache; if `record` then fails, the files
        stay stored, whole, for the next attempt.
        """
        from reviewer_app.storage.models import Blob, StoreIntent
        from reviewer_app.storage.team_blobs import upload

        team = self.store.source is not None
        token = uuid.uuid4().hex
        by_hash = {s.sha256: s for s in staged}
        known: set[str] = set()
        new: list[StagedFile] = []
        if by_hash:  # with no files to place there is nothing to undo after a crash
            with self.sessions.begin() as session:
                known.update(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(by_hash))))
                new = [s for h, s in by_hash.items() if h not in known]
                session.add_all(StoreIntent(token=token, sha256=s.sha256) for s in new)
        placed = []
        for s in staged:
            if s.sha256 in known and not team:  # a cache may lack a file the database has
                self.store.discard(s)
            else:
                placed.append(self.store.place(s, sync=False))
        self.store.sync_dirs(placed)
        try:
            for s in new if team else ():
                upload(self.engine, self.store.path_for(s.sha256), s.sha256, s.size)
            with self.sessions.begin() as session:
                if not team:
                    session.add_all(Blob(sha256=s.sha256, size=s.size) for s in new)
                record(session)
                session.execute(delete(StoreIntent).where(StoreIntent.token == token))
        except BaseException:
            self._undo_intents(token)
            raise

    def _undo_intents(self, token: str) -> None:
        from reviewer_app.storage.models import StoreIntent

        with self.sessions.begin() as session:
            intents = session.scalars(select(StoreIntent).where(StoreIntent.token == token))
            self._remove_unreferenced(session, list(intents))

    def _remove_unreferenced(self, session: Session, intents: list[StoreIntent]) -> None:
        from reviewer_app.storage.models import Blob

        hashes = {i.sha256 for i in intents}
        known = set(session.scalars(select(Blob.sha256).where(Blob.sha256.in_(hashes))))
        for sha in hashes - known:
            self.store.remove(sha)
        for intent in intents:
            session.delete(intent)

    def _finish_interrupted_restore(self) -> None:
        """A restore killed midway left evidence no record refers to: moved aside."""
        stamp = restore_journal.pending_stamp(self.root)
        if stamp is None:
            return
        with self.read_engine.connect() as conn:
            referenced = set(conn.scalars(text("SELECT sha256 FROM blobs")))
        aside = restore_journal.move_unreferenced(
            self.store.objects, self.root / f"store.before-restore-{stamp}", referenced
        )
        for temp in self.root.glob(f".{DATABASE_NAME}.restore-*.tmp"):
            temp.unlink(missing_ok=True)
        restore_journal.end(self.root)
        _log.warning("Finished an interrupted restore; evidence moved aside: %s", aside)

    def recover(self) -> None:
        """Undoes what an interrupted import left: partial files and uncommitted blobs.

        Skipped when another process holds the lock: that process is mid-import and its
        files are not leftovers. A folder with nothing left over (the usual case) is
        seen to be so without the lock.
        """
        if not self._left_over():
            return
        from filelock import Timeout

        from reviewer_app.storage.models import StoreIntent

        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            return
        try:
            self.store.clear_tmp()
            self._finish_interrupted_restore()
            if not self._intents_left():
                return
            with self.sessions.begin() as session:
                intents = list(session.scalars(select(StoreIntent)))
                if intents:
                    self._remove_unreferenced(session, intents)
        finally:
            self._lock.release()

    def _left_over(self) -> bool:
        """Whether an interrupted import or restore may have left something to undo."""
        with os.scandir(self.store.tmp_root) as entries:
            if next(entries, None) is not None:
                return True
        return restore_journal.pending_stamp(self.root) is not None or self._intents_left()

    def _intents_left(self) -> bool:
        # Looked at read-only: opening a folder must not wait for a writer.
        with self.read_engine.connect() as conn:
            return conn.scalar(text("SELECT token FROM store_intents LIMIT 1")) is not None

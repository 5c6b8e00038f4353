"""The content-addressed evidence store.

Every file is kept once, under the SHA-256 of its bytes (`objects/ab/abcdef...`), and is
never modified. Bytes arrive through `stage()`, which streams them into `tmp/` while
hashing, then fsyncs; `place()` moves a staged file to its final name with a rename, so a
file under its final name is always whole. A file already present is not written again.

Staging happens in a folder of this process's own, `tmp/<pid>-<random>/`, whose lock
`tmp/<pid>-<random>.owner` the process holds for as long as the store is open. Several
processes stage at once (a derive's thumbnails, an issuer's logo, a definition's image,
all outside the folder lock), and any of them may clean up after a crash:
`clear_tmp()` removes only staging folders whose owner's lock is free (the owner is
gone: locks die with their process), and never one younger than a minute, which covers
the instant between a lock's making and its taking. (Staging under the folder lock
instead would make a derive or a logo wait behind a whole import.)

On a team database the store is the laptop's cache: the database holds every file
(storage/team_blobs.py), and `file()`, the one way readers get a blob's path, fetches a
file not cached yet the way an import stages one (streamed into tmp/, hashed, fsynced),
and gives it its final name only once its hash is the one asked for.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import shutil
import stat
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Protocol

from reviewer_app.errors import UserError
from reviewer_app.storage.atomic import fsync_dir
from reviewer_app.storage.diskspace import disk_full, is_disk_full
from reviewer_app.wording import translate

if TYPE_CHECKING:  # loaded when a staging folder is first made or reaped, not to read
    from filelock import FileLock

CHUNK = 1024 * 1024
OWNER = ".owner"  # the suffix of a staging folder's lock file
# A staging folder younger than this is never removed, even when its lock is free.
STAGING_GRACE_SECONDS = 60.0


class SizeLimitExceeded(UserError):
    pass


class StoredFileUnavailable(UserError):
    """A file the store should have cannot be had whole: it is not in the team database,
    or its bytes there are damaged or incomplete. Nothing was written."""


class BlobSource(Protocol):
    """Where a cache gets the files it does not hold yet (a team database)."""

    def chunks(self, sha256: str) -> Iterator[bytes]:
        """The file's bytes in order; raises `StoredFileUnavailable` when it has none."""
        ...


@dataclass(frozen=True)
class StagedFile:
    path: Path
    sha256: str
    size: int


class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects = root / "objects"
        self.tmp_root = root / "tmp"
        self.objects.mkdir(parents=True, exist_ok=True)
        self.tmp_root.mkdir(parents=True, exist_ok=True)
        self._staging: Path | None = None
        self._owner: FileLock | None = None
        self._making = threading.Lock()  # a window fetches on a worker thread too
        # Set on a team database: the store is then a cache, filled on first use.
        self.source: BlobSource | None = None

    @property
    def tmp(self) -> Path:
        """This process's staging folder, made (and locked) on first use."""
        with self._making:
            return self._made_tmp()

    def _made_tmp(self) -> Path:
        if self._staging is None:
            from filelock import FileLock

            staging = self.tmp_root / f"{os.getpid()}-{uuid.uuid4().hex[:12]}"
            # Not thread-local: a worker thread may make it and the main thread close it.
            owner = FileLock(str(staging.with_name(staging.name + OWNER)), thread_local=False)
            owner.acquire(timeout=0)
            staging.mkdir()
            self._staging, self._owner = staging, owner
        return self._staging

    def close(self) -> None:
        """Removes this process's staging folder (what is in it was never placed)."""
        staging, owner = self._staging, self._owner
        self._staging = self._owner = None
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if owner is not None:
            owner.release()
            with contextlib.suppress(OSError):
                Path(owner.lock_file).unlink(missing_ok=True)

    def path_for(self, sha256: str) -> Path:
        return self.objects / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def cached(self, sha256: str) -> bool:
        """Whether `file()` would return at once, without fetching."""
        return self.source is None or self.has(sha256)

    def file(self, sha256: str) -> Path:
        """The path of the stored file with this hash: every reader asks here. On a team
        database a file not cached yet is fetched first (which takes as long as its
        bytes take to arrive: off the window's thread); a data folder's missing file is
        left to its reader to report."""
        path = self.path_for(sha256)
        if self.source is None or path.is_file():
            return path
        return self.fetch(sha256)

    def fetch(self, sha256: str) -> Path:
        """Copies a file from the source into the cache, chunk by chunk, and places it
        only if its bytes hash to `sha256`."""
        assert self.source is not None
        try:
            staged = self.stage_chunks(self.source.chunks(sha256))
        except OSError as e:
            if is_disk_full(e):
                raise disk_full(self.root) from e
            raise
        if staged.sha256 != sha256:
            self.discard(staged)
            raise StoredFileUnavailable(
                translate(
                    "DataFolder",
                    "The evidence file {sha} in the team database is damaged (its bytes "
                    "hash to {found}), so it was not used. Whoever administers the team "
                    "database can find it with \u201creviewer-app check\u201d.",
                ).format(sha=sha256, found=staged.sha256)
            )
        return self.place(staged)

    def open(self, sha256: str) -> BinaryIO:
        return self.file(sha256).open("rb")

    def stage(
        self,
        source: BinaryIO,
        *,
        limit: int | None = None,
        on_bytes: Callable[[int], None] | None = None,
        sync: bool = True,
    ) -> StagedFile:
        """Streams `source` into a temporary file, hashing it; never holds it whole.

        Raises `SizeLimitExceeded` as soon as more than `limit` bytes arrive, and
        whatever `on_bytes` raises (a cancel), removing the partial file either way.
        With `sync=False` the caller must `sync()` the file before it is placed.
        """
        return self.stage_chunks(
            iter(lambda: source.read(CHUNK), b""), limit=limit, on_bytes=on_bytes, sync=sync
        )

    def stage_chunks(
        self,
        chunks: Iterable[bytes],
        *,
        limit: int | None = None,
        on_bytes: Callable[[int], None] | None = None,
        sync: bool = True,
    ) -> StagedFile:
        """`stage()` for bytes that arrive in pieces (a team database's chunk rows)."""
        path = self.tmp / f"{uuid.uuid4().hex}.part"
        digest = hashlib.sha256()
        size = 0
        try:
            with path.open("xb") as out:
                for chunk in chunks:
                    size += len(chunk)
                    if limit is not None and size > limit:
                        raise SizeLimitExceeded(
                            translate("DataFolder", "more than {limit} bytes").format(
                                limit=f"{limit:,}"
                            )
                        )
                    digest.update(chunk)
                    out.write(chunk)
                    if on_bytes is not None:
                        on_bytes(len(chunk))
                out.flush()
                if sync:
                    os.fsync(out.fileno())
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        return StagedFile(path, digest.hexdigest(), size)

    @staticmethod
    def sync(staged: StagedFile) -> None:
        """Forces a staged file's bytes to disk (for files staged with sync=False)."""
        fd = os.open(staged.path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def stage_bytes(self, data: bytes) -> StagedFile:
        """Stages a small file made in memory (a thumbnail)."""
        path = self.tmp / f"{uuid.uuid4().hex}.part"
        with path.open("xb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        return StagedFile(path, hashlib.sha256(data).hexdigest(), len(data))

    def place(self, staged: StagedFile, *, sync: bool = True) -> Path:
        """Moves a staged file to its final name; a copy already there is kept as it is.

        With `sync=False` the caller must `sync_dirs()` the new names before relying on
        them (so that many placements share the wait).
        """
        final = self.path_for(staged.sha256)
        if final.exists():
            staged.path.unlink(missing_ok=True)
            return final
        final.parent.mkdir(exist_ok=True)
        os.chmod(staged.path, stat.S_IRUSR | stat.S_IRGRP)  # never modified once stored
        os.replace(staged.path, final)
        if sync:
            fsync_dir(final.parent)
        return final

    def sync_dirs(self, placed: Iterable[Path]) -> None:
        """Makes the renames into these files' folders durable, folders in parallel."""
        folders = {p.parent for p in placed}
        with ThreadPoolExecutor(4, thread_name_prefix="dirsync") as pool:
            list(pool.map(fsync_dir, folders))

    def discard(self, staged: StagedFile) -> None:
        staged.path.unlink(missing_ok=True)

    def remove(self, sha256: str) -> None:
        self.path_for(sha256).unlink(missing_ok=True)

    def clear_tmp(self) -> int:
        """Removes what interrupted writes left in tmp/: staging folders of processes
        that are gone, and loose files (older versions staged there); call only under
        the folder lock."""
        removed = 0
        mine = self._owner.lock_file if self._owner is not None else None
        for entry in self.tmp_root.iterdir():
            if entry == self._staging or str(entry) == mine:
                continue
            if entry.name.endswith(OWNER):
                if not entry.with_name(entry.name[: -len(OWNER)]).exists():
                    removed += self._reap(entry, None)
            elif entry.is_dir() and not entry.is_symlink():
                removed += self._reap(entry.with_name(entry.name + OWNER), entry)
            else:
                entry.unlink(missing_ok=True)
                removed += 1
        return removed

    @staticmethod
    def _reap(lock_file: Path, staging: Path | None) -> bool:
        """Removes a staging folder (and its lock) whose owner is gone."""
        try:
            made = (staging or lock_file).stat().st_mtime
        except FileNotFoundError:
            made = 0.0
        if time.time() - made < STAGING_GRACE_SECONDS:
            return False
        from filelock import FileLock, Timeout

        owner = FileLock(str(lock_file))
        try:
            owner.acquire(timeout=0)
        except Timeout:
            return False  # its process is alive and may be staging
        try:
            if staging is not None:
                shutil.rmtree(staging, ignore_errors=True)
        finally:
            owner.release()
        # After the release: Windows cannot delete a file that is locked. The name is
        # unique to the process that is gone, so nobody takes it in between.
        with contextlib.suppress(OSError):
            lock_file.unlink(missing_ok=True)
        return True

    def iter_hashes(self) -> Iterator[tuple[str, Path]]:
        for bucket in sorted(self.objects.iterdir()):
            if not bucket.is_dir():
                yield bucket.name, bucket
                continue
            for entry in sorted(bucket.iterdir()):
                yield entry.name, entry

    def hash_file(self, path: Path) -> str:
        digest = hashlib.sha256()
        with path.open("rb") as f:
            while chunk := f.read(CHUNK):
                digest.update(chunk)
        return digest.hexdigest()


# What readers are handed to find stored files by: the data folder's store (the program
# passes `DataFolder.store`), or a folder laid out as its objects/ (a backup, a test's).
StoredFiles = BlobStore | Path


def stored_file(files: StoredFiles, sha256: str) -> Path:
    """The path of the stored file with this hash, fetched first on a team database
    (`BlobStore.file`): the one place every reader gets a blob's file from."""
    if isinstance(files, BlobStore):
        return files.file(sha256)
    return files / sha256[:2] / sha256

"""Backups of a data folder, and restoring one.

A backup is a folder `backups/<UTC timestamp>-<kind>/` (kind: daily, upgrade, manual)::

    backup.json        the manifest: format, kind, created, schema revision, app version,
                       the database file's size and SHA-256, every blob (hash, size),
                       every key file (path, size, SHA-256) and the audit trail's head
    reviewer.sqlite3   the database, copied with SQLite's online backup API
    objects/ab/<sha>   the evidence the database refers to, hard-linked from the store
    keys/<issuer>/...  the issuers' signing keys, copied as they are (sealed with the
                       issuer's passphrase: a backup never holds a key in the clear)

Evidence files are immutable and named by hash, so a hard link is as good as a copy and
costs nothing; a copy is made only when linking fails (another filesystem). A backup is
built under `.partial-...` and renamed to its final name when whole, so an interrupted
backup never looks complete.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeGuard

from filelock import FileLock, Timeout

from reviewer_app.errors import UserError
from reviewer_app.storage import restore_journal
from reviewer_app.storage.atomic import fsync_dir, write_atomically
from reviewer_app.storage.database import BUSY_TIMEOUT_MS
from reviewer_app.storage.datafolder import DATABASE_NAME
from reviewer_app.storage.permissions import private_file, private_folder
from reviewer_app.storage.trail_head import ANCHOR_KEY
from reviewer_app.wording import translate

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from reviewer_app.storage.blobstore import BlobStore
    from reviewer_app.storage.datafolder import DataFolder

FORMAT = 1
MANIFEST = "backup.json"
KINDS = ("daily", "upgrade", "manual")
DAILY_EVERY = dt.timedelta(hours=24)
KEEP_DAILY, KEEP_WEEKLY, KEEP_UPGRADE = 7, 4, 3
STAMP = "%Y%m%dT%H%M%SZ"
PARTIAL_PREFIX = ".partial-"
# A partial folder this old belongs to no running backup: it is left from a crash.
STALE_PARTIAL_SECONDS = 24 * 3600
_NAME = re.compile(r"^(\d{8}T\d{6}Z)-(daily|upgrade|manual)(?:-(\d+))?$")
KEYS = "keys"  # the data folder's (and a backup's) folder of sealed key files
# A key file's name under keys/: one folder per issuer, plain names only, so that a
# hostile manifest cannot send a restore outside the keys folder.
_KEY_NAME = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}(/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127})?")
CHUNK = 1024 * 1024


class RestoreRefused(UserError):
    """A restore that was not started; nothing in the data folder changed."""


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    kind: str
    created: dt.datetime
    size: int  # the database and the evidence, in bytes
    blob_count: int
    schema_revision: str | None

    @property
    def name(self) -> str:
        return self.path.name

    def as_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "path": str(self.path),
            "kind": self.kind,
            "created": self.created.isoformat(),
            "size": self.size,
            "blobs": self.blob_count,
            "schema_revision": self.schema_revision,
        }


@dataclass(frozen=True)
class RestoreResult:
    backup: Path
    database_aside: Path | None  # the database that was replaced, kept under this name
    blobs_copied: int  # evidence files the store lacked
    store_aside: Path | None  # where evidence the restored database does not know went
    keys_restored: int = 0  # key files put back (missing, or different from the backup's)


def backups_dir(root: Path) -> Path:
    return root / "backups"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


# Making a backup -----------------------------------------------------------------------


def backup_folder(folder: DataFolder, kind: str = "manual") -> BackupInfo:
    """A backup of an open data folder (safe while it, or another process, writes)."""
    database = _sqlite_path(folder.engine)
    if database is None:
        raise UserError(translate("Backup", "Backups cover SQLite data folders only."))
    return create_backup(folder.root, kind, database=database)


def create_backup(
    root: Path,
    kind: str = "manual",
    *,
    database: Path | None = None,
    now: dt.datetime | None = None,
) -> BackupInfo:
    """Backs up the data folder at `root` into `root/backups/`; returns the new backup."""
    if kind not in KINDS:
        raise ValueError(f"unknown backup kind {kind!r}")
    database = database or root / DATABASE_NAME
    if not database.is_file():
        raise UserError(
            translate("Backup", "There is no database to back up at {path}.").format(path=database)
        )
    created = (now or _now()).astimezone(dt.UTC)
    target = private_folder(backups_dir(root))
    work = target / f"{PARTIAL_PREFIX}{created.strftime(STAMP)}-{kind}-{uuid.uuid4().hex[:8]}"
    work.mkdir()
    try:
        db_copy = work / DATABASE_NAME
        _copy_database(database, db_copy)
        revision, blobs = _read_database(db_copy)
        missing = _gather_blobs(root / "store" / "objects", work / "objects", blobs)
        key_files = _gather_keys(root / KEYS, work / KEYS)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "kind": kind,
            "created": created.isoformat(),
            "schema_revision": revision,
            "app_version": _app_version(),
            "database": {
                "name": DATABASE_NAME,
                "size": db_copy.stat().st_size,
                "sha256": _hash_file(db_copy),
            },
            "blobs": {
                "count": len(blobs),
                "total_size": sum(size for _, size in blobs),
                "missing": missing,
                "list": [[sha, size] for sha, size in blobs],
            },
            "keys": {"list": [[name, size, sha] for name, (size, sha) in key_files.items()]},
        }
        anchor = _audit_anchor(db_copy)
        if anchor is not None:
            manifest[ANCHOR_KEY] = anchor
        write_atomically(work / MANIFEST, json.dumps(manifest, indent=1).encode())
        final = _free_name(target, created, kind)
        os.rename(work, final)
        fsync_dir(target)
    except BaseException:
        _remove_tree(work)
        raise
    return _info(final, manifest)


def _sqlite_path(engine: Engine) -> Path | None:
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        return None
    return Path(database)


def _copy_database(source: Path, dest: Path) -> None:
    # The online backup API reads one consistent snapshot; under WAL the writer goes on.
    src = sqlite3.connect(source, timeout=BUSY_TIMEOUT_MS / 1000)
    try:
        private_file(dest)  # earners' personal data: the owner's alone, like the original
        dst = sqlite3.connect(dest, isolation_level=None)
        try:
            src.backup(dst)
            # A standalone file: no -wal beside it, readable read-only, copyable as bytes.
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    _fsync_file(dest)


def _read_database(path: Path) -> tuple[str | None, list[tuple[str, int]]]:
    con = _connect_read_only(path)
    try:
        try:
            revision = con.execute("SELECT version_num FROM alembic_version").fetchone()
        except sqlite3.OperationalError:
            revision = None
        blobs = con.execute("SELECT sha256, size FROM blobs ORDER BY sha256").fetchall()
    finally:
        con.close()
    return (revision[0] if revision else None), [(str(s), int(n)) for s, n in blobs]


def _gather_blobs(store: Path, dest: Path, blobs: Iterable[tuple[str, int]]) -> list[str]:
    """Links (else copies) each blob into the backup; returns the hashes the store lacks."""
    missing: list[str] = []
    buckets: set[Path] = set()
    for sha, _size in blobs:
        bucket = dest / sha[:2]
        if bucket not in buckets:
            bucket.mkdir(parents=True, exist_ok=True)
            buckets.add(bucket)
        try:
            _link_or_copy(store / sha[:2] / sha, bucket / sha)
        except FileNotFoundError:
            missing.append(sha)
    for bucket in buckets:
        fsync_dir(bucket)
    if buckets:
        fsync_dir(dest)
    return missing


def _gather_keys(source: Path, dest: Path) -> dict[str, tuple[int, str]]:
    """Copies every key file (sealed, so safe to copy as it is); returns name -> (size,
    sha256). Copied, not linked: a key file is replaced whole when it is sealed anew."""
    found: dict[str, tuple[int, str]] = {}
    if not source.is_dir():
        return found
    for path in sorted(source.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        name = path.relative_to(source).as_posix()
        if not _KEY_NAME.fullmatch(name):
            continue  # not a name we write; restore could not put it back safely
        data = path.read_bytes()
        target = dest / name
        private_folder(target.parent)
        write_atomically(target, data, mode=0o600)
        found[name] = (len(data), hashlib.sha256(data).hexdigest())
    return found


def _audit_anchor(database: Path) -> dict[str, Any] | None:
    """The audit trail's head as the backed-up copy holds it (None before the trail)."""
    from sqlalchemy import create_engine
    from sqlalchemy.exc import OperationalError

    from reviewer_app.storage.trail_head import current_anchor

    engine = create_engine("sqlite://", creator=lambda: _connect_read_only(database))
    try:
        with engine.connect() as conn:
            return current_anchor(conn)
    except OperationalError:
        return None  # a database older than the audit trail
    finally:
        engine.dispose()


def _link_or_copy(source: Path, dest: Path) -> None:
    try:
        os.link(source, dest)
    except FileNotFoundError:
        raise
    except OSError:  # another filesystem, or one without hard links
        shutil.copyfile(source, dest)
        os.chmod(dest, stat.S_IRUSR | stat.S_IRGRP)
        _fsync_file(dest)


def _free_name(target: Path, created: dt.datetime, kind: str) -> Path:
    base = f"{created.strftime(STAMP)}-{kind}"
    final, n = target / base, 1
    while final.exists():
        n += 1
        final = target / f"{base}-{n}"
    return final


def _app_version() -> str:
    from reviewer_app import version

    return version()


# Reading and checking backups -----------------------------------------------------------


def list_backups(root: Path) -> list[BackupInfo]:
    """The complete backups of the data folder at `root`, oldest first."""
    found = []
    target = backups_dir(root)
    if not target.is_dir():
        return []
    for entry in target.iterdir():
        if not _NAME.match(entry.name) or not entry.is_dir():
            continue
        try:
            found.append(_info(entry, _read_manifest(entry)))
        except (OSError, ValueError):
            continue  # not ours, or damaged: verify_backup says why
    return sorted(found, key=lambda b: (b.created, b.name))


def find_backup(root: Path, name_or_path: str | Path) -> Path:
    """A backup given as a path or as a name from `list_backups`."""
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        return path.resolve()
    named = backups_dir(root) / str(name_or_path)
    if _NAME.match(str(name_or_path)) and named.is_dir():
        return named
    raise UserError(
        f"There is no backup {name_or_path!s}: give a backup folder or a name that "
        "`reviewer-app backup list` shows."
    )


def verify_backup(path: Path) -> list[str]:
    """What is wrong with the backup at `path`, in plain words; empty when it is whole."""
    try:
        manifest = _read_manifest(path)
    except FileNotFoundError:
        return [
            translate(
                "Backup", "{path} has no {manifest}: it is not a backup, or an unfinished one"
            ).format(path=path, manifest=MANIFEST)
        ]
    except (OSError, ValueError) as e:
        return [
            translate("Backup", "its {manifest} cannot be read ({problem})").format(
                manifest=MANIFEST, problem=e
            )
        ]
    if manifest.get("format") != FORMAT:
        return [
            translate(
                "Backup",
                "it was written in backup format {found}, which this version does not read "
                "(it reads format {expected})",
            ).format(found=repr(manifest.get("format")), expected=FORMAT)
        ]
    problems: list[str] = []
    try:
        contents = _contents(manifest)
    except ValueError:
        return [
            translate("Backup", "its {manifest} lacks required fields").format(manifest=MANIFEST)
        ]
    listed, missing = contents.blobs, contents.missing
    db_path = path / DATABASE_NAME
    if not db_path.is_file():
        return [translate("Backup", "its database file is missing")]
    if db_path.stat().st_size != contents.db_size or _hash_file(db_path) != contents.db_sha256:
        problems.append(
            translate(
                "Backup", "its database file was changed or damaged after the backup was made"
            )
        )
    try:
        con = _connect_read_only(db_path)
        try:
            result = [row[0] for row in con.execute("PRAGMA integrity_check")]
            recorded = dict(con.execute("SELECT sha256, size FROM blobs").fetchall())
        finally:
            con.close()
        if result != ["ok"]:
            problems.append(
                translate(
                    "Backup", "its database fails SQLite's integrity check: {problems}"
                ).format(problems="; ".join(result[:3]))
            )
        if recorded != listed:
            problems.append(
                translate("Backup", "its list of evidence files does not match its database")
            )
    except sqlite3.DatabaseError as e:
        problems.append(
            translate("Backup", "its database cannot be read ({problem})").format(problem=e)
        )
    for sha in missing:
        problems.append(
            translate(
                "Backup", "evidence file {sha} was missing from the store when it was made"
            ).format(sha=sha)
        )
    for name, (size, sha) in sorted(contents.keys.items()):
        key = path / KEYS / name
        if not key.is_file():
            problems.append(
                translate("Backup", "signing key file {name} is missing").format(name=name)
            )
        elif key.stat().st_size != size or _hash_file(key) != sha:
            problems.append(
                translate("Backup", "signing key file {name} was changed or damaged").format(
                    name=name
                )
            )
    for sha, size in sorted(listed.items()):
        if sha in missing:
            continue
        blob = path / "objects" / sha[:2] / sha
        if not blob.is_file():
            problems.append(translate("Backup", "evidence file {sha} is missing").format(sha=sha))
        elif blob.stat().st_size != size or _hash_file(blob) != sha:
            problems.append(
                translate("Backup", "evidence file {sha} no longer matches its hash").format(
                    sha=sha
                )
            )
    return problems


@dataclass(frozen=True)
class _Contents:
    """What a manifest says the backup holds, every field checked for its type."""

    db_size: int
    db_sha256: str
    blobs: dict[str, int]
    missing: list[str]
    keys: dict[str, tuple[int, str]]  # name under keys/ -> (size, sha256)


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _contents(manifest: dict[str, Any]) -> _Contents:
    """Raises ValueError for a manifest that lacks a field or holds the wrong kind."""
    db, blobs, keys = manifest.get("database"), manifest.get("blobs"), manifest.get("keys", {})
    if not isinstance(db, dict) or not isinstance(blobs, dict) or not isinstance(keys, dict):
        raise ValueError("database, blobs and keys must be objects")
    size, sha = db.get("size"), db.get("sha256")
    if not _is_size(size) or not isinstance(sha, str):
        raise ValueError("the database's size and hash")
    listed: dict[str, int] = {}
    for entry in _list_of(blobs.get("list"), 2):
        blob_sha, blob_size = entry
        if not isinstance(blob_sha, str) or not _SHA256.fullmatch(blob_sha):
            raise ValueError("a blob's hash")
        if not _is_size(blob_size):
            raise ValueError("a blob's size")
        listed[blob_sha] = blob_size
    missing = blobs.get("missing")
    if not isinstance(missing, list) or not all(isinstance(m, str) for m in missing):
        raise ValueError("the missing blobs")
    key_files: dict[str, tuple[int, str]] = {}
    for entry in _list_of(keys.get("list", []), 3):
        name, key_size, key_sha = entry
        if not isinstance(name, str) or not _KEY_NAME.fullmatch(name) or ".." in name:
            raise ValueError("a key file's name")
        if not _is_size(key_size) or not isinstance(key_sha, str):
            raise ValueError("a key file's size and hash")
        key_files[name] = (key_size, key_sha)
    return _Contents(size, sha, listed, missing, key_files)


def _is_size(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _list_of(value: object, width: int) -> list[list[Any]]:
    if not isinstance(value, list):
        raise ValueError("not a list")
    for entry in value:
        if not isinstance(entry, list) or len(entry) != width:
            raise ValueError("an entry of the wrong shape")
    return value


def _read_manifest(path: Path) -> dict[str, Any]:
    manifest = json.loads((path / MANIFEST).read_text(encoding="utf-8"))
    if not isinstance(manifest, dict):
        raise ValueError("not a JSON object")
    return manifest


def _info(path: Path, manifest: dict[str, Any]) -> BackupInfo:
    """Raises ValueError for a manifest too damaged to describe the backup."""
    blobs = manifest.get("blobs")
    database = manifest.get("database")
    if not isinstance(blobs, dict) or not isinstance(database, dict):
        raise ValueError("database and blobs must be objects")
    try:
        created = dt.datetime.fromisoformat(str(manifest["created"]))
        size = int(database.get("size", 0)) + int(blobs.get("total_size", 0))
        count = int(blobs.get("count", 0))
    except (KeyError, TypeError) as e:
        raise ValueError(str(e)) from None
    revision = manifest.get("schema_revision")
    return BackupInfo(
        path=path,
        kind=str(manifest.get("kind", "")),
        created=created,
        size=size,
        blob_count=count,
        schema_revision=revision if isinstance(revision, str) else None,
    )


# Automatic backups and thinning ---------------------------------------------------------


def backup_if_due(folder: DataFolder, now: dt.datetime | None = None) -> BackupInfo | None:
    """A daily backup when the newest backup is older than a day (or there is none),
    then thinning. Call once at start, off the GUI thread: it copies the database."""
    database = _sqlite_path(folder.engine)
    if database is None:
        return None
    now = now or _now()
    existing = list_backups(folder.root)
    if existing and now - existing[-1].created < DAILY_EVERY:
        return None
    made = create_backup(folder.root, "daily", database=database, now=now)
    thin_backups(folder.root, now)
    return made


def backup_before_upgrade(engine: Engine, target: Path) -> Path | None:
    """The backup made before a schema upgrade; returns its database file (which is what
    `DataFolder.upgrade_backup` has always pointed at)."""
    database = _sqlite_path(engine)
    if database is None:
        return None
    made = create_backup(target.parent, "upgrade", database=database)
    thin_backups(target.parent)
    return made.path / DATABASE_NAME


def backups_to_keep(backups: list[BackupInfo], now: dt.datetime) -> set[Path]:
    """Every manual backup; the newest 7 daily; the newest daily of each of the 4 newest
    ISO weeks; the newest 3 upgrade; the newest backup; anything dated after `now`
    (a clock set back: we cannot tell how old it is)."""
    keep = {b.path for b in backups if b.kind == "manual" or b.created > now}
    daily = sorted((b for b in backups if b.kind == "daily"), key=lambda b: b.created)
    keep.update(b.path for b in daily[-KEEP_DAILY:])
    weeks: dict[tuple[int, int], BackupInfo] = {}
    for b in daily:  # oldest first, so each week ends with its newest
        weeks[b.created.isocalendar()[:2]] = b
    keep.update(weeks[w].path for w in sorted(weeks)[-KEEP_WEEKLY:])
    upgrade = sorted((b for b in backups if b.kind == "upgrade"), key=lambda b: b.created)
    keep.update(b.path for b in upgrade[-KEEP_UPGRADE:])
    if backups:
        keep.add(max(backups, key=lambda b: (b.created, b.name)).path)
    return keep


def thin_backups(folder: DataFolder | Path, now: dt.datetime | None = None) -> list[Path]:
    """Deletes the backups the rules do not keep (and stale partial ones); returns them."""
    root = folder if isinstance(folder, Path) else folder.root
    backups = list_backups(root)
    keep = backups_to_keep(backups, now or _now())
    removed = [b.path for b in backups if b.path not in keep]
    for path in removed:
        _remove_tree(path)
    target = backups_dir(root)
    if target.is_dir():
        for entry in target.iterdir():
            if entry.name.startswith(PARTIAL_PREFIX) and _older_than(entry, STALE_PARTIAL_SECONDS):
                _remove_tree(entry)
    return removed


def _older_than(path: Path, seconds: float) -> bool:
    try:
        return time.time() - path.stat().st_mtime > seconds
    except OSError:
        return False


# Restoring -------------------------------------------------------------------------------


def restore(backup: Path, data_dir: Path, now: dt.datetime | None = None) -> RestoreResult:
    """Puts the backup's database and evidence in place in the data folder at `data_dir`.

    Refused (nothing changed) when the backup fails `verify_backup`, was made by a newer
    schema, or the folder is in use. The replaced database is kept beside the new one as
    `reviewer.sqlite3.before-restore-<timestamp>`; evidence the restored database does not
    know is moved to `store.before-restore-<timestamp>/`: nothing is deleted.
    """
    backup = backup.resolve()
    problems = verify_backup(backup)
    if problems:
        shown = "; ".join(problems[:5])
        if problems[5:]:
            refused = translate(
                "Backup",
                "The backup {name} cannot be restored: {problems}; and {count} more. "
                "Nothing was changed.",
            )
        else:
            refused = translate(
                "Backup", "The backup {name} cannot be restored: {problems}. Nothing was changed."
            )
        raise RestoreRefused(
            refused.format(name=backup.name, problems=shown, count=len(problems) - 5)
        )
    contents = _contents(_read_manifest(backup))
    # The database's own word on its schema, not the manifest's: a manifest can say
    # null (or be wrong), and a newer database restored would then refuse to open.
    revision, _blobs = _read_database(backup / DATABASE_NAME)
    if revision is None:
        raise RestoreRefused(
            translate(
                "Backup",
                "The backup {name} cannot be restored: its database has no schema version, "
                "so it was not made by Portfolio Reviewer. Nothing was changed.",
            ).format(name=backup.name)
        )
    _check_revision_known(revision, backup.name)
    data_dir = private_folder(data_dir.expanduser().resolve())
    stamp = (now or _now()).astimezone(dt.UTC).strftime(STAMP)
    lock = FileLock(str(data_dir / "folder.lock"))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise _in_use(data_dir) from None
    try:
        database = data_dir / DATABASE_NAME
        _ensure_closed(database, data_dir)
        store = data_dir / "store" / "objects"
        listed = contents.blobs
        # Noted first: a restore killed from here on is finished by the next opening.
        restore_journal.begin(data_dir, stamp)
        # Evidence and new key files first: until the database is swapped, extra files
        # harm nothing, and the swap below is then the single moment the folder changes.
        copied = _fill_store(backup / "objects", data_dir / "store", listed)
        keys = _KeyRestore(backup / KEYS, data_dir / KEYS, contents.keys, stamp)
        keys.add_missing()
        aside = _swap_database(backup / DATABASE_NAME, database, stamp)
        keys.replace_different()
        store_aside = restore_journal.move_unreferenced(
            store, data_dir / f"store.before-restore-{stamp}", listed
        )
        restore_journal.end(data_dir)
    finally:
        lock.release()
    return RestoreResult(backup, aside, copied, store_aside, keys.restored)


def _in_use(data_dir: Path) -> RestoreRefused:
    return RestoreRefused(
        translate(
            "Backup",
            "The data folder {path} is in use by Portfolio Reviewer (a window or a command "
            "has it open). Close it and try again; nothing was changed.",
        ).format(path=data_dir)
    )


def _check_revision_known(revision: object, name: str) -> None:
    if revision is None:
        return
    from alembic.script import ScriptDirectory
    from alembic.util.exc import CommandError

    from reviewer_app.storage.schema import MIGRATIONS

    try:
        ScriptDirectory(str(MIGRATIONS)).get_revision(str(revision))
    except CommandError:
        raise RestoreRefused(
            translate(
                "Backup",
                "The backup {name} (schema {schema}) was made by a newer version of Portfolio "
                "Reviewer. Install that version or newer to restore it; nothing was changed.",
            ).format(name=name, schema=revision)
        ) from None


def _ensure_closed(database: Path, data_dir: Path) -> None:
    """Refuses if another connection has the database open; leaves no -wal behind.

    Leaving WAL mode needs the only connection, so it answers "is anyone else here?"
    and folds the -wal file into the database, both at once.
    """
    if not database.exists():
        return
    con = sqlite3.connect(database, timeout=0, isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as e:
        if "locked" in str(e) or "busy" in str(e):
            raise _in_use(data_dir) from None
        # A damaged database (the reason to restore, often): it is set aside as it is.
    except sqlite3.DatabaseError:
        pass
    finally:
        con.close()


def _fill_store(source: Path, store_root: Path, listed: dict[str, int]) -> int:
    from reviewer_app.storage.blobstore import BlobStore

    store = BlobStore(store_root)
    try:
        return _fill(store, source, listed)
    finally:
        store.close()


def _fill(store: BlobStore, source: Path, listed: dict[str, int]) -> int:
    placed = []
    for sha in listed:
        final = store.path_for(sha)
        # Hashed, not sized: a file damaged in place keeps its size.
        if final.is_file() and _hash_file(final) == sha:
            continue  # never replaced: stored files are immutable and named by hash
        if final.exists():  # damaged: kept beside, the good copy goes in
            os.replace(final, final.with_name(f"{sha}.damaged-{uuid.uuid4().hex[:8]}"))
        with (source / sha[:2] / sha).open("rb") as f:
            staged = store.stage(f)
        if staged.sha256 != sha:
            store.discard(staged)
            raise UserError(
                translate(
                    "Backup", "The backup's evidence file {sha} changed while being restored."
                ).format(sha=sha)
            )
        placed.append(store.place(staged, sync=False))
    store.sync_dirs(placed)
    return len(placed)


class _KeyRestore:
    """Puts the backup's key files back. Key material is never deleted: a key file that
    differs from the backup's is kept beside it as `<name>.before-restore-<stamp>`, and
    key files the backup does not list stay where they are (`issuer init` tells an
    orphan from a live key and moves it aside)."""

    def __init__(
        self, source: Path, target: Path, listed: dict[str, tuple[int, str]], stamp: str
    ) -> None:
        self.source, self.target, self.listed, self.stamp = source, target, listed, stamp
        self.restored = 0

    def add_missing(self) -> None:
        for name in self.listed:
            if not (self.target / name).exists():
                self._put(name)

    def replace_different(self) -> None:
        for name, (_size, sha) in self.listed.items():
            dest = self.target / name
            if dest.is_file() and _hash_file(dest) == sha:
                continue
            if dest.exists():
                os.replace(dest, dest.with_name(f"{dest.name}.before-restore-{self.stamp}"))
            self._put(name)

    def _put(self, name: str) -> None:
        dest = self.target / name
        private_folder(dest.parent)
        write_atomically(dest, (self.source / name).read_bytes(), mode=0o600)
        self.restored += 1


def _swap_database(source: Path, database: Path, stamp: str) -> Path | None:
    folder = database.parent
    temp = folder / f".{database.name}.restore-{uuid.uuid4().hex[:8]}.tmp"
    try:
        private_file(temp)  # copyfile keeps the mode of a file that exists
        shutil.copyfile(source, temp)
        _fsync_file(temp)
        aside = None
        if database.exists():
            aside = folder / f"{database.name}.before-restore-{stamp}"
            # Side files of a database that could not be closed cleanly go with it: a
            # stale -wal beside the restored file would be replayed into it.
            for suffix in ("-wal", "-shm", "-journal"):
                side = folder / f"{database.name}{suffix}"
                if side.exists():
                    os.replace(side, folder / f"{aside.name}{suffix}")
            try:  # a second name for the old file, so the swap below is one rename
                os.link(database, aside)
            except OSError:
                shutil.copy2(database, aside)
        os.replace(temp, database)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise
    fsync_dir(folder)
    return aside


# Small helpers ---------------------------------------------------------------------------


def _connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)


def _hash_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_tree(path: Path) -> None:
    def make_writable(func: Any, target: str, _exc: object) -> None:
        # Stored files are read-only; Windows refuses to delete those until told.
        os.chmod(target, stat.S_IWRITE | stat.S_IREAD)
        func(target)

    if path.exists():
        shutil.rmtree(path, onerror=make_writable)

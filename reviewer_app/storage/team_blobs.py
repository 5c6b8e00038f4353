"""Evidence files in a team database: stored once, by hash, as chunk rows.

A file goes up with its `blobs` row in one transaction (`upload`): a process killed or
cut off midway leaves neither, so a `blobs` row always has all its chunks. That
transaction does not take the team's write turn (database.py): storing bytes under
their own hash changes nothing another writer reads and then writes, and holding the
turn while a large file crosses the network would stall every other person's saves.
Two laptops storing the same file at once is settled by the `blobs` key: the second
waits for the first's commit and then stores nothing.

A laptop reads a file a chunk at a time (`TeamBlobs.chunks`, the store's source), so
memory stays bounded whatever the file's size. Migration 0015 says why chunk rows
rather than large objects.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, Select, func, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import SQLAlchemyError

from reviewer_app.storage.blobstore import CHUNK, StoredFileUnavailable
from reviewer_app.storage.database import reading
from reviewer_app.storage.models import Blob, BlobChunk, utcnow
from reviewer_app.wording import translate


def is_team(engine: Engine) -> bool:
    return engine.dialect.name == "postgresql"


def upload(engine: Engine, path: Path, sha256: str, size: int) -> bool:
    """Stores the file at `path` (whose bytes hash to `sha256`) with its `blobs` row,
    unless the database has it already; True when this call stored it. Reads and sends
    one chunk at a time. Raises `StoredFileUnavailable` (storing nothing) if the file no
    longer matches its hash."""
    # No write turn (see above); `reading` only skips it, the transaction still writes.
    with reading(engine).begin() as conn:
        row = {"sha256": sha256, "size": size, "created_at": utcnow()}
        stored = conn.execute(pg_insert(Blob).values(row).on_conflict_do_nothing())
        if stored.rowcount == 0:
            return False
        digest = hashlib.sha256()
        with path.open("rb") as f:
            for seq, chunk in enumerate(iter(lambda: f.read(CHUNK), b"")):
                digest.update(chunk)
                data = func.decode(base64.b64encode(chunk).decode("ascii"), "base64")
                conn.execute(insert(BlobChunk).values(sha256=sha256, seq=seq, data=data))
        if digest.hexdigest() != sha256:
            raise StoredFileUnavailable(  # the transaction is rolled back: nothing stored
                translate(
                    "DataFolder",
                    "The file {path} changed while it was being stored; nothing was stored.",
                ).format(path=path)
            )
    return True


def _unavailable(sha256: str, problem: object) -> StoredFileUnavailable:
    return StoredFileUnavailable(
        translate(
            "DataFolder",
            "The evidence file {sha} could not be read from the team database: {problem}",
        ).format(sha=sha256, problem=problem)
    )


class TeamBlobs:
    """A team database as the source of a laptop's store (`BlobStore.source`)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = reading(engine)

    def chunks(self, sha256: str) -> Iterator[bytes]:
        """The file's chunks in order, each read on its own (memory stays one chunk).
        Raises `StoredFileUnavailable` when the file, or one of its chunks, is not there
        (or not readable by this login), or the connection fails; the caller checks the
        hash."""
        try:
            with self.engine.connect() as conn:
                size = conn.scalar(select(Blob.size).where(Blob.sha256 == sha256))
                if size is None:
                    raise _unavailable(
                        sha256,
                        translate(
                            "DataFolder",
                            "the database has no such file, or your login may not read it.",
                        ),
                    )
                received = 0
                for seq, data in _in_order(conn, sha256):
                    if data is None:
                        raise _unavailable(
                            sha256,
                            translate("DataFolder", "its piece {seq} is missing.").format(seq=seq),
                        )
                    received += len(data)
                    if received > size:
                        break  # more than its size: the caller's hash check says so
                    yield data
                    if received == size:
                        break
        except SQLAlchemyError as e:
            raise _unavailable(sha256, e.orig if hasattr(e, "orig") else e) from e


def _in_order(conn: Connection, sha256: str) -> Iterator[tuple[int, bytes | None]]:
    """(seq, data) for seq = 0, 1, 2 ...: one small query each, data None when missing."""
    seq = 0
    while True:
        yield seq, _decoded(conn.scalar(_chunk(sha256, seq)))
        seq += 1


# The driver (pg8000) carries bytea as hexadecimal text, twice the bytes; base64 text,
# encoded and decoded by the server, is a third larger instead.
def _chunk(sha256: str, seq: int) -> Select[str]:
    encoded = func.encode(BlobChunk.data, "base64")
    return select(encoded).where(BlobChunk.sha256 == sha256, BlobChunk.seq == seq)


def _decoded(text: str | None) -> bytes | None:
    return None if text is None else base64.b64decode(text)  # newlines are skipped


def verify(conn: Connection, sha256: str, size: int) -> str | None:
    """What is wrong with a file's chunks in the database, in words, or None: every
    chunk from 0 on is there, no more, their lengths add up to its size, and their bytes
    hash to its name. Streamed, one chunk at a time."""
    digest = hashlib.sha256()
    total = 0
    seqs = conn.scalars(
        select(BlobChunk.seq).where(BlobChunk.sha256 == sha256).order_by(BlobChunk.seq)
    ).all()
    expected = list(range(len(seqs)))
    if seqs != expected:
        gaps = sorted(set(range(max(seqs) + 1)) - set(seqs)) if seqs else []
        return translate(
            "DataFolder", "pieces of it are missing in the team database (numbers {pieces})"
        ).format(pieces=", ".join(map(str, gaps[:10])))
    for seq in seqs:
        data = _decoded(conn.scalar(_chunk(sha256, seq)))
        assert data is not None
        total += len(data)
        digest.update(data)
    if total != size:
        return translate(
            "DataFolder",
            "its pieces in the team database hold {found} bytes instead of {size}",
        ).format(found=f"{total:,}", size=f"{size:,}")
    if digest.hexdigest() != sha256:
        return translate(
            "DataFolder",
            "its bytes in the team database no longer match its hash (they hash to {found})",
        ).format(found=digest.hexdigest())
    return None

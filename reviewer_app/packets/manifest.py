"""Packet and return files: a zip whose `manifest.json` lists every other entry with its
SHA-256 and size.

Writing: entries go into a temporary file beside the target, the manifest last, then the
file is fsynced and renamed into place, so a half-written file never has the final name.
Reading: the container is checked before any byte is extracted (paths that leave the
archive, links, encrypted entries, sizes, entry counts and compression ratios past the
limits), then every entry must be exactly what the manifest says: nothing missing,
nothing extra, the same size and hash. Callers extract or read entries only through
`Archive`, which hashes what it hands out, so the bytes used are the bytes checked.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import os
import re
import stat
import uuid
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO

from reviewer_app.errors import UserError
from reviewer_app.formats import JsonProblem, parse_json
from reviewer_app.storage.atomic import fsync_dir
from reviewer_app.wording import translate
from reviewer_app.zipsafety import (
    OPEN_ERRORS,
    READ_ERRORS,
    ZipProblem,
    check_archive,
    check_entries,
    check_ratio,
)

MANIFEST = "manifest.json"
PACKET_FORMAT = "review-packet/1"
RETURN_FORMAT = "review-return/1"
CHUNK = 1024 * 1024
MiB = 1024 * 1024
GiB = 1024 * MiB
# Entries carry a fixed time, so the same content makes the same zip bytes.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_SHA256 = re.compile(r"^[0-9a-f]{64}$")
_KINDS = (PACKET_FORMAT, RETURN_FORMAT, "evidence-bundle/1")
_IMPORT_WITH = {
    PACKET_FORMAT: "'reviewer-app packet import'",
    RETURN_FORMAT: "'reviewer-app packet import-return'",
    "evidence-bundle/1": "'reviewer-app import'",
}


Reject = Callable[..., "ArchiveRejected"]  # (problem, entry=None)


def _kind_words(fmt: str) -> str:
    """What a file of format `fmt` is, in words ("a review packet")."""
    words = {
        PACKET_FORMAT: translate("ReviewPackets", "a review packet"),
        RETURN_FORMAT: translate("ReviewPackets", "a review return"),
        "evidence-bundle/1": translate("ReviewPackets", "an evidence bundle"),
    }
    return words[fmt]


def cannot_write(out: Path, error: OSError) -> PacketError:
    return PacketError(
        translate("ReviewPackets", "Cannot write {path}: {reason}.").format(
            path=out, reason=error.strerror or error
        )
    )


def not_a_file() -> str:
    return translate("ReviewPackets", "does not exist or is not a file")


def cannot_read(error: OSError) -> str:
    return translate("ReviewPackets", "cannot be read ({reason})").format(
        reason=error.strerror or error
    )


class PacketError(UserError):
    """A packet or return cannot be made or used; the message says why."""


class ArchiveRejected(PacketError):
    """A packet or return file is damaged, changed or unsafe; nothing was imported."""

    def __init__(self, label: str, problem: str, entry: str | None = None) -> None:
        self.label = label
        self.entry = entry
        self.problem = problem
        where = f"{label}: {entry!r}" if entry else label
        super().__init__(
            translate("ReviewPackets", "{where} {problem}. Nothing was imported.").format(
                where=where, problem=problem
            )
        )


@dataclass(frozen=True)
class ArchiveLimits:
    """What a packet or return may hold. Evidence bundles inside a packet are checked
    again, entry by entry, by the evidence importer's own limits."""

    max_entries: int = 20_000
    max_entry_bytes: int = 1 * GiB  # one evidence bundle at most
    max_total_bytes: int = 64 * GiB
    max_ratio: float = 200.0
    max_manifest_bytes: int = 16 * MiB


@dataclass(frozen=True)
class FileEntry:
    path: str
    sha256: str
    size: int


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while chunk := f.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def now_text() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def json_bytes(value: Any) -> bytes:
    """Readable JSON (people open these files), UTF-8, with a final newline."""
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode()


# Writing --------------------------------------------------------------------------------


class ArchiveWriter:
    """A zip written beside `out` under a temporary name; `finish()` adds the manifest
    and renames it into place. Leaving the `with` block without `finish()` (an error)
    removes the temporary file."""

    def __init__(self, out: Path) -> None:
        self.out = out
        self.temp = out.with_name(f".{out.name[:80]}.{uuid.uuid4().hex[:12]}.tmp")
        self._files: list[FileEntry] = []
        self._zip: zipfile.ZipFile | None = None

    def __enter__(self) -> ArchiveWriter:
        try:
            self._zip = zipfile.ZipFile(self.temp, "x", zipfile.ZIP_STORED)
        except OSError as e:
            raise cannot_write(self.out, e) from None
        return self

    def __exit__(self, *exc: object) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None
        self.temp.unlink(missing_ok=True)

    def _info(self, path: str, size: int) -> zipfile.ZipInfo:
        info = zipfile.ZipInfo(path, _ZIP_TIME)
        info.create_system = 3
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        # Stored, not deflated: evidence is mostly compressed already, and a highly
        # compressible file deflated here could pass the reader's ratio limit.
        info.compress_type = zipfile.ZIP_STORED
        info.file_size = size  # lets zipfile choose ZIP64 for large entries
        return info

    def add_bytes(self, path: str, data: bytes) -> None:
        assert self._zip is not None
        self._zip.writestr(self._info(path, len(data)), data)
        self._files.append(FileEntry(path, hashlib.sha256(data).hexdigest(), len(data)))

    def add_file(self, path: str, source: Path) -> None:
        assert self._zip is not None
        digest = hashlib.sha256()
        size = 0
        with (
            source.open("rb") as src,
            self._zip.open(self._info(path, source.stat().st_size), "w") as dst,
        ):
            while chunk := src.read(CHUNK):
                digest.update(chunk)
                size += len(chunk)
                dst.write(chunk)
        self._files.append(FileEntry(path, digest.hexdigest(), size))

    def finish(
        self,
        manifest: dict[str, Any],
        seal: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    ) -> str:
        """Adds manifest.json (with `files` listing every entry, then passed through
        `seal` if given, which may authenticate it), makes the file durable and gives it
        its final name; returns the SHA-256 of the whole file."""
        assert self._zip is not None
        document = {
            **manifest,
            "files": [
                {"path": f.path, "sha256": f.sha256, "size": f.size}
                for f in sorted(self._files, key=lambda f: f.path)
            ],
        }
        if seal is not None:
            document = seal(document)
        self._zip.writestr(self._info(MANIFEST, 0), json_bytes(document))
        self._zip.close()
        self._zip = None
        with self.temp.open("rb+") as f:
            os.fsync(f.fileno())
        digest = sha256_file(self.temp)
        try:
            os.replace(self.temp, self.out)
        except OSError as e:
            raise cannot_write(self.out, e) from None
        fsync_dir(self.out.parent)
        return digest


# Reading --------------------------------------------------------------------------------


class Archive:
    """An open packet or return whose container and manifest have been checked. Entry
    contents are checked against the manifest as they are read or extracted."""

    def __init__(
        self, label: str, archive: zipfile.ZipFile, manifest: dict[str, Any], files: list[FileEntry]
    ) -> None:
        self.label = label
        self.manifest = manifest
        self.files = {f.path: f for f in files}
        self._zip = archive

    def close(self) -> None:
        self._zip.close()

    def reject(self, problem: str, entry: str | None = None) -> ArchiveRejected:
        return ArchiveRejected(self.label, problem, entry)

    def _copy(self, path: str, out: IO[bytes]) -> None:
        entry = self.files[path]
        digest = hashlib.sha256()
        size = 0
        try:
            with self._zip.open(path) as src:
                while chunk := src.read(CHUNK):
                    size += len(chunk)
                    if size > entry.size:
                        break
                    digest.update(chunk)
                    out.write(chunk)
        except READ_ERRORS as e:
            raise self.reject(_damaged(e), path) from None
        if size != entry.size:
            raise self.reject(_wrong_size(size, entry.size), path)
        if digest.hexdigest() != entry.sha256:
            raise self.reject(
                translate(
                    "ReviewPackets",
                    "does not match its hash in manifest.json (expected {expected}, "
                    "found {found}): the file is damaged or was changed",
                ).format(expected=entry.sha256, found=digest.hexdigest()),
                path,
            )

    def read(self, path: str) -> bytes:
        """The checked bytes of a small entry."""
        out = io.BytesIO()
        self._copy(path, out)
        return out.getvalue()

    def extract(self, path: str, dest: Path) -> None:
        """Copies the checked bytes of an entry to `dest` (removed if they do not check)."""
        try:
            dest.parent.mkdir(parents=True, exist_ok=True)
            out = dest.open("xb")
        except OSError as e:
            # Also two names one file system takes as the same ("a.zip", "A.zip").
            raise self.reject(_cannot_extract(e), path) from None
        try:
            with out:
                self._copy(path, out)
        except OSError as e:
            dest.unlink(missing_ok=True)
            raise self.reject(_cannot_extract(e), path) from None
        except BaseException:
            dest.unlink(missing_ok=True)
            raise

    def extract_all(self, root: Path) -> None:
        for path in sorted(self.files):
            self.extract(path, root / path)


def _damaged(error: Exception) -> str:
    return translate("ReviewPackets", "cannot be read: the file is damaged ({problem})").format(
        problem=error
    )


def _wrong_size(size: int, listed: int) -> str:
    return translate(
        "ReviewPackets",
        "holds {size} bytes, not the {listed} manifest.json lists: "
        "the file is damaged or was changed",
    ).format(size=f"{size:,}", listed=f"{listed:,}")


def _cannot_extract(error: OSError) -> str:
    return translate("ReviewPackets", "cannot be extracted ({reason})").format(
        reason=error.strerror or error
    )


@contextmanager
def open_archive(
    source: Path | bytes, label: str, expected: str, limits: ArchiveLimits | None = None
) -> Iterator[Archive]:
    """The packet or return at `source` (a path, or the file's bytes), its container and
    manifest checked; raises ArchiveRejected saying what is wrong."""
    limits = limits or ArchiveLimits()
    stream: BinaryIO | Path = io.BytesIO(source) if isinstance(source, bytes) else source
    if isinstance(source, Path) and not source.is_file():
        raise ArchiveRejected(label, not_a_file())
    try:
        archive = zipfile.ZipFile(stream)
    except OPEN_ERRORS as e:
        raise ArchiveRejected(
            label,
            translate(
                "ReviewPackets",
                "is not a readable zip file: it is damaged or incomplete ({problem})",
            ).format(problem=e),
        ) from None
    except OSError as e:
        raise ArchiveRejected(label, cannot_read(e)) from None
    try:
        checked = _check(archive, label, expected, limits)
    except BaseException:
        archive.close()
        raise
    try:
        yield checked
    finally:
        checked.close()


def _check(archive: zipfile.ZipFile, label: str, expected: str, limits: ArchiveLimits) -> Archive:
    def reject(problem: str, entry: str | None = None) -> ArchiveRejected:
        return ArchiveRejected(label, problem, entry)

    try:
        infos = check_archive(archive, limits.max_entries)
        check_entries((info.filename, info) for info in infos)
    except ZipProblem as e:
        raise reject(_zip_words(e), e.entry) from None
    names: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if info.file_size > limits.max_entry_bytes:
            raise reject(
                translate(
                    "ReviewPackets", "is {size} bytes, more than the limit of {limit} for one entry"
                ).format(size=f"{info.file_size:,}", limit=f"{limits.max_entry_bytes:,}"),
                name,
            )
        total += info.file_size
        if total > limits.max_total_bytes:
            raise reject(
                translate("ReviewPackets", "holds more than {limit} bytes, the limit").format(
                    limit=f"{limits.max_total_bytes:,}"
                )
            )
        try:
            check_ratio(info, limits.max_ratio)
        except ZipProblem as e:
            raise reject(_zip_words(e), e.entry) from None
        names[name] = info
    what = _kind_words(expected)
    if MANIFEST not in names:
        raise reject(
            translate("ReviewPackets", "has no {manifest}: it is not {kind}").format(
                manifest=MANIFEST, kind=what
            )
        )
    if names[MANIFEST].file_size > limits.max_manifest_bytes:
        raise reject(too_large(limits.max_manifest_bytes), MANIFEST)
    try:
        with archive.open(MANIFEST) as f:
            raw = f.read(limits.max_manifest_bytes + 1)
        manifest = parse_json(raw)
    except (*READ_ERRORS, OSError) as e:  # OSError: a damaged bz2 or lzma stream
        raise reject(_damaged(e), MANIFEST) from None
    except JsonProblem as e:
        raise reject(str(e), MANIFEST) from None
    if not isinstance(manifest, dict):
        raise reject(translate("ReviewPackets", "must hold a JSON object"), MANIFEST)
    fmt = manifest.get("format")
    if fmt != expected:
        if isinstance(fmt, str) and fmt in _KINDS:
            raise reject(
                translate(
                    "ReviewPackets", "is {kind}, not {expected}: import it with {command}"
                ).format(kind=_kind_words(fmt), expected=what, command=_IMPORT_WITH[fmt])
            )
        raise reject(
            translate("ReviewPackets", 'has format {format!r}; {kind} has "{expected}"').format(
                format=fmt, kind=what, expected=expected
            ),
            MANIFEST,
        )
    files = _files(manifest, reject)
    listed = {entry.path for entry in files}
    extra = sorted(set(names) - listed - {MANIFEST})
    if extra:
        raise reject(
            translate("ReviewPackets", "is not listed in manifest.json (an unexpected entry)"),
            extra[0],
        )
    missing = sorted(listed - set(names))
    if missing:
        raise reject(
            translate("ReviewPackets", "is listed in manifest.json but missing from the file"),
            missing[0],
        )
    for entry in files:
        if names[entry.path].file_size != entry.size:
            raise reject(_wrong_size(names[entry.path].file_size, entry.size), entry.path)
    return Archive(label, archive, manifest, files)


def _zip_words(problem: ZipProblem) -> str:
    """A zip problem (see `reviewer_app.zipsafety`) in a packet's terms."""
    code = problem.code
    if code == "truncated":
        return translate("ReviewPackets", "is not a readable zip file: it is damaged or incomplete")
    if code == "too_many":
        return translate(
            "ReviewPackets", "has {count} entries, more than the limit of {limit}"
        ).format(count=f"{problem.count:,}", limit=f"{problem.limit:,.0f}")
    if code == "empty":
        return translate("ReviewPackets", "has an entry with an empty name")
    if code in ("nul", "backslash"):
        return translate("ReviewPackets", "has a backslash or NUL character in its name")
    if code == "absolute":
        return translate("ReviewPackets", "has an absolute path, which this file may not hold")
    if code == "parent":
        return translate("ReviewPackets", "has a '..' segment that would land outside the file")
    if code == "link":
        return translate("ReviewPackets", "is a symbolic link, which this file may not hold")
    if code == "special":
        return translate(
            "ReviewPackets",
            "is not a regular file (a device, pipe or socket), which this file may not hold",
        )
    if code == "encrypted":
        return translate(
            "ReviewPackets", "is encrypted; packets and returns are never password-protected"
        )
    if code == "twice":
        return translate("ReviewPackets", "appears twice in the zip")
    return translate(
        "ReviewPackets",
        "expands from {packed} to {size} bytes, more than the limit of {ratio}:1 (a zip bomb)",
    ).format(packed=f"{problem.packed:,}", size=f"{problem.size:,}", ratio=f"{problem.limit:,.0f}")


def too_large(limit: int) -> str:
    return translate("ReviewPackets", "is larger than {limit} bytes").format(limit=f"{limit:,}")


def must_be_object(field: str) -> str:
    return translate("ReviewPackets", "{field} must be an object").format(field=field)


def _files(manifest: dict[str, Any], reject: Reject) -> list[FileEntry]:
    raw = manifest.get("files")
    if not isinstance(raw, list):
        raise reject(
            translate("ReviewPackets", "must list the file's entries in 'files'"), MANIFEST
        )
    out: list[FileEntry] = []
    seen: set[str] = set()
    for n, item in enumerate(raw):
        where = f"files[{n}]"
        if not isinstance(item, dict):
            raise reject(must_be_object(where), MANIFEST)
        path, sha, size = item.get("path"), item.get("sha256"), item.get("size")
        if not isinstance(path, str) or not path or path == MANIFEST or path in seen:
            raise reject(
                translate("ReviewPackets", "{field} must name another entry, once").format(
                    field=f"{where}.path"
                ),
                MANIFEST,
            )
        if not isinstance(sha, str) or not _SHA256.match(sha):
            raise reject(
                translate(
                    "ReviewPackets", "{field} must be 64 lowercase hexadecimal characters"
                ).format(field=f"{where}.sha256"),
                MANIFEST,
            )
        if not isinstance(size, int) or isinstance(size, bool) or size < 0:
            raise reject(
                translate("ReviewPackets", "{field} must be a whole number of bytes").format(
                    field=f"{where}.size"
                ),
                MANIFEST,
            )
        seen.add(path)
        out.append(FileEntry(path, sha, size))
    return out


# Manifest fields --------------------------------------------------------------------------


def text_field(data: dict[str, Any], key: str, where: str, reject: Reject) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise reject(non_empty_text(f"{where}{key}"), MANIFEST)
    return value


def time_field(data: dict[str, Any], key: str, where: str, reject: Reject) -> dt.datetime:
    value = text_field(data, key, where, reject)
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise reject(
            translate(
                "ReviewPackets", "{field} must be a date-time with an offset, not {value!r}"
            ).format(field=f"{where}{key}", value=value),
            MANIFEST,
        )
    return parsed


def uuid_field(data: dict[str, Any], key: str, reject: Reject) -> str:
    value = text_field(data, key, "", reject)
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise reject(
            translate("ReviewPackets", "{field} must be a UUID, not {value!r}").format(
                field=key, value=value
            ),
            MANIFEST,
        ) from None


def non_empty_text(field: str) -> str:
    return translate("ReviewPackets", "{field} must be non-empty text").format(field=field)


def whole_number_from_one(field: str) -> str:
    return translate("ReviewPackets", "{field} must be a whole number from 1").format(field=field)

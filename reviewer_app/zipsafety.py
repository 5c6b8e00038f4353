"""The one policy for zips from outside: evidence bundles, review packets and returns.

Every check a hostile zip calls for is made here, before any byte is extracted, so that
the two readers cannot drift apart again:

- the container: cut short (a truncated zip can end inside a stored inner zip, which
  zipfile then reads as the whole file), or more entries than the limit;
- every name: empty, a NUL or a backslash, an absolute path (a leading slash, a drive letter),
  a '..' segment;
- every entry: a symbolic link, a device, pipe or socket, an encrypted entry, a name
  given twice, a compression ratio past the limit (a zip bomb).

Size budgets (a file, a bundle, a packet) differ by reader and stay with them. A problem
is a `ZipProblem` with a code and the entry it concerns; each reader words it in its own
terms ("a bundle may not hold", "this file may not hold").
"""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from collections.abc import Iterable
from typing import Literal, get_args

Code = Literal[
    "truncated",
    "too_many",
    "empty",
    "nul",
    "backslash",
    "absolute",
    "parent",
    "link",
    "special",
    "encrypted",
    "twice",
    "ratio",
]
CODES: tuple[Code, ...] = get_args(Code)

# What reading a damaged entry raises, beyond OSError (which a damaged bz2 or lzma stream
# raises too, but so does a full disk: callers that also write tell the two apart).
# UnicodeDecodeError: a local header whose name is not the UTF-8 it claims.
READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, UnicodeDecodeError)
# What opening a file that is not a readable zip raises, beyond OSError.
OPEN_ERRORS = (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, NotImplementedError)

_DRIVE = re.compile(r"^[A-Za-z]:")
_UNIX = 3  # create_system of zips whose external attributes hold a Unix mode


class ZipProblem(Exception):
    """Why a zip, or one entry of it, is refused; `entry` is None for the whole zip."""

    def __init__(
        self,
        code: Code,
        entry: str | None = None,
        *,
        count: int = 0,
        limit: float = 0,
        packed: int = 0,
        size: int = 0,
    ) -> None:
        super().__init__(code, entry)
        self.code: Code = code
        self.entry = entry
        self.count = count  # entries, for "too_many"
        self.limit = limit  # the limit passed, for "too_many" and "ratio"
        self.packed = packed  # for "ratio": compressed and expanded sizes
        self.size = size

    @property
    def ratio(self) -> float:
        return self.size / max(self.packed, 1)


def escapes(path: str) -> str | None:
    """Why a POSIX path would land outside its root once extracted: "absolute" (a leading
    slash or a drive letter) or "parent" (a '..' segment); None if it would not."""
    if path.startswith("/") or _DRIVE.match(path):
        return "absolute"
    if ".." in path.split("/"):
        return "parent"
    return None


def check_archive(archive: zipfile.ZipFile, max_entries: int) -> list[zipfile.ZipInfo]:
    """Checks the container and every name in it; returns its entries."""
    infos = archive.infolist()
    if infos and min(info.header_offset for info in infos) != 0:
        raise ZipProblem("truncated")
    if len(infos) > max_entries:
        raise ZipProblem("too_many", count=len(infos), limit=max_entries)
    for info in infos:
        check_name(info.filename)
    return infos


def check_name(name: str) -> None:
    if not name:
        raise ZipProblem("empty", name)
    if "\x00" in name:
        raise ZipProblem("nul", name)
    if "\\" in name:
        raise ZipProblem("backslash", name)
    escape = escapes(name)
    if escape == "absolute":
        raise ZipProblem("absolute", name)
    if escape == "parent":
        raise ZipProblem("parent", name)


def check_entry(info: zipfile.ZipInfo, name: str | None = None) -> None:
    """A link, a device, pipe or socket, or an encrypted entry; `name` is how the caller
    calls the entry (a path inside a bundle), its zip name by default."""
    name = name or info.filename
    mode = info.external_attr >> 16
    if info.create_system == _UNIX and stat.S_ISLNK(mode):
        raise ZipProblem("link", name)
    # Many writers leave the file-type bits at zero: only a stated type counts.
    if (
        not info.is_dir()
        and info.create_system == _UNIX
        and stat.S_IFMT(mode)
        and not stat.S_ISREG(mode)
    ):
        raise ZipProblem("special", name)
    if info.flag_bits & 0x1:
        raise ZipProblem("encrypted", name)


def check_entries(entries: Iterable[tuple[str, zipfile.ZipInfo]]) -> None:
    """`check_entry` for each (name, entry), and no file name given twice."""
    seen: set[str] = set()
    for name, info in entries:
        check_entry(info, name)
        if info.is_dir():
            continue
        if name in seen:
            raise ZipProblem("twice", name)
        seen.add(name)


def check_ratio(info: zipfile.ZipInfo, max_ratio: float, name: str | None = None) -> None:
    """A zip bomb: an entry that expands more than `max_ratio` times (or from nothing)."""
    if info.file_size == 0:
        return
    if info.compress_size == 0 or info.file_size / info.compress_size > max_ratio:
        raise ZipProblem(
            "ratio",
            name or info.filename,
            limit=max_ratio,
            packed=info.compress_size,
            size=info.file_size,
        )

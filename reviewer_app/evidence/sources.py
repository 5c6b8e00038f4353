"""Where a bundle's files come from: a folder on disk or a zip (or part of one).

Everything a hostile container can do is refused here, before any byte is extracted:
paths that escape the bundle, links and other non-regular entries, encrypted entries,
and sizes, entry counts or compression ratios past the limits. The zip checks are the
shared policy of `reviewer_app.zipsafety`; the size budgets of a bundle are here.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, cast

from reviewer_app.errors import UserError
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.wording import translate
from reviewer_app.zipsafety import (
    OPEN_ERRORS,
    READ_ERRORS,
    ZipProblem,
    check_archive,
    check_entries,
    check_entry,
    check_ratio,
    escapes,
)

# Litter that operating systems add to folders and zips; never evidence.
JUNK_NAMES = frozenset({"__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini"})


class BundleRejected(UserError):
    """A bundle (or one entry of it) breaks the bundle format; nothing of it is kept."""

    def __init__(self, bundle: str, problem: str, entry: str | None = None) -> None:
        self.bundle = bundle
        self.entry = entry
        self.problem = problem
        where = f"{bundle}: {entry!r}" if entry else bundle
        super().__init__(f"{where} {problem}")


escapes_bundle = escapes  # the name other modules know


def zip_words(problem: ZipProblem) -> str:
    """A zip problem in a bundle's terms."""
    code = problem.code
    if code == "truncated":
        return translate("BundleImport", "is not a readable zip file: it is damaged or incomplete")
    if code == "too_many":
        return translate(
            "BundleImport", "has {count} entries, more than the limit of {limit}"
        ).format(count=f"{problem.count:,}", limit=f"{problem.limit:,.0f}")
    if code == "empty":
        return translate("BundleImport", "has an entry with an empty name")
    if code == "nul":
        return translate("BundleImport", "has a NUL character in its name")
    if code == "backslash":
        return translate(
            "BundleImport",
            "has a backslash in its name, which a bundle may not hold (zip the folder again "
            "with another tool)",
        )
    if code == "absolute":
        return translate("BundleImport", "has an absolute path, which a bundle may not hold")
    if code == "parent":
        return translate("BundleImport", "has a '..' segment that would land outside the bundle")
    if code == "link":
        return translate("BundleImport", "is a symbolic link, which a bundle may not hold")
    if code == "special":
        return translate("BundleImport", "is not a regular file (a device, pipe or socket)")
    if code == "encrypted":
        return translate("BundleImport", "is encrypted; bundles must not be password-protected")
    if code == "twice":
        return translate("BundleImport", "appears twice in the zip")
    return translate(
        "BundleImport",
        "expands {ratio} times (from {packed} to {size} bytes), more than the "
        "limit of {limit}:1 (a zip bomb)",
    ).format(
        ratio=f"{problem.ratio:,.0f}",
        packed=f"{problem.packed:,}",
        size=f"{problem.size:,}",
        limit=f"{problem.limit:,.0f}",
    )


def is_junk(path: str) -> bool:
    return any(part in JUNK_NAMES or part.startswith("._") for part in path.split("/"))


@dataclass(frozen=True)
class Entry:
    path: str  # POSIX path relative to the bundle's root
    size: int  # declared by the zip, or measured on disk


class Source(ABC):
    """A tree of files: a whole bundle, or a batch whose top level holds bundles."""

    def __init__(self, label: str, stem: str, limits: ImportLimits) -> None:
        self.label = label  # how messages name it: a path, or "batch.zip > Jane Doe"
        self.stem = stem  # the folder or zip name, for loose bundles
        self.limits = limits
        self._total = 0

    def reject(self, problem: str, entry: str | None = None) -> BundleRejected:
        return BundleRejected(self.label, problem, entry)

    @abstractmethod
    def top_level(self) -> tuple[list[str], list[str]]:
        """(file names, folder names) at the root, without junk."""

    @abstractmethod
    def top_level_junk(self) -> list[str]:
        """The names at the root that `top_level` leaves out as junk."""

    @abstractmethod
    def entries(self) -> dict[str, Entry]:
        """Every regular file, checked; raises BundleRejected."""

    @abstractmethod
    def open(self, path: str) -> BinaryIO: ...

    @abstractmethod
    def sub(self, folder: str) -> Source:
        """The tree under a top-level folder, as a bundle of its own."""

    @abstractmethod
    def nested_zip(self, name: str, scratch: Path) -> Path:
        """A file path for the top-level zip `name` (a bundle inside a batch)."""

    def close(self) -> None:  # noqa: B027 - most sources hold nothing open
        """Releases what the source holds open."""

    def add_entry(self, found: dict[str, Entry], entry: Entry) -> None:
        """Adds `entry` to `found`, refusing it past a count or size limit."""
        found[entry.path] = entry
        if len(found) > self.limits.max_entries:
            raise self.reject(
                translate(
                    "BundleImport", "has more than {limit} files, the limit for one bundle"
                ).format(limit=f"{self.limits.max_entries:,}")
            )
        if entry.size > self.limits.max_file_bytes:
            raise self.reject(
                translate(
                    "BundleImport", "is {size} bytes, more than the limit of {limit} for one file"
                ).format(size=f"{entry.size:,}", limit=f"{self.limits.max_file_bytes:,}"),
                entry.path,
            )
        self._total += entry.size
        if self._total > self.limits.max_bundle_bytes:
            raise self.reject(
                translate(
                    "BundleImport", "holds more than {limit} bytes, the limit for one bundle"
                ).format(limit=f"{self.limits.max_bundle_bytes:,}")
            )


class DirSource(Source):
    def __init__(self, root: Path, label: str, stem: str, limits: ImportLimits) -> None:
        super().__init__(label, stem, limits)
        self.root = root
        self._entries: dict[str, Entry] | None = None

    def top_level(self) -> tuple[list[str], list[str]]:
        files, folders = [], []
        with os.scandir(self.root) as it:
            for item in it:
                if is_junk(item.name):
                    continue
                if item.is_dir(follow_symlinks=False):
                    folders.append(item.name)
                else:
                    files.append(item.name)  # links and specials are refused by entries()
        return sorted(files), sorted(folders)

    def top_level_junk(self) -> list[str]:
        with os.scandir(self.root) as it:
            return sorted(item.name for item in it if is_junk(item.name))

    def entries(self) -> dict[str, Entry]:
        if self._entries is None:
            found: dict[str, Entry] = {}
            self._walk(self.root, "", found)
            self._entries = found
        return self._entries

    def _walk(self, folder: Path, prefix: str, found: dict[str, Entry]) -> None:
        with os.scandir(folder) as it:
            for item in sorted(it, key=lambda e: e.name):
                rel = prefix + item.name
                if is_junk(rel):
                    continue
                if item.is_symlink():
                    raise self.reject(
                        translate(
                            "BundleImport", "is a symbolic link, which a bundle may not hold"
                        ),
                        rel,
                    )
                if item.is_dir(follow_symlinks=False):
                    self._walk(Path(item.path), rel + "/", found)
                elif item.is_file(follow_symlinks=False):
                    self.add_entry(found, Entry(rel, item.stat(follow_symlinks=False).st_size))
                else:
                    raise self.reject(
                        translate(
                            "BundleImport", "is not a regular file (a device, pipe or socket)"
                        ),
                        rel,
                    )

    def open(self, path: str) -> BinaryIO:
        return (self.root / path).open("rb")

    def nested_zip(self, name: str, scratch: Path) -> Path:
        path = self.root / name
        if path.is_symlink() or not path.is_file():
            raise BundleRejected(
                f"{self.label} > {name}", translate("BundleImport", "is not a regular file")
            )
        return path

    def sub(self, folder: str) -> Source:
        path = self.root / folder
        if path.is_symlink():
            raise BundleRejected(
                f"{self.label} > {folder}", translate("BundleImport", "is a symbolic link")
            )
        return DirSource(path, f"{self.label} > {folder}", folder, self.limits)


class ZipSource(Source):
    """A zip, or the part of one under `prefix` (a bundle folder inside a batch zip)."""

    def __init__(
        self,
        archive: zipfile.ZipFile,
        label: str,
        stem: str,
        limits: ImportLimits,
        prefix: str = "",
        owned_file: Path | None = None,
    ) -> None:
        super().__init__(label, stem, limits)
        self.archive = archive
        self.prefix = prefix
        self.owned_file = owned_file  # a nested zip extracted to a temporary file
        self._entries: dict[str, Entry] | None = None
        self._infos: dict[str, zipfile.ZipInfo] = {}

    @classmethod
    def open_path(
        cls,
        path: Path,
        label: str,
        stem: str,
        limits: ImportLimits,
        owned_file: Path | None = None,
    ) -> ZipSource:
        try:
            archive = zipfile.ZipFile(path)
        except (*OPEN_ERRORS, OSError) as e:
            raise BundleRejected(
                label,
                translate("BundleImport", "is not a readable zip file ({problem})").format(
                    problem=e
                ),
            ) from None
        source = cls(archive, label, stem, limits, owned_file=owned_file)
        try:
            source._check_container()
        except BundleRejected:
            source.close()
            raise
        return source

    def _check_container(self) -> None:
        """Checks that concern the zip as a whole, whatever bundles it holds."""
        try:
            check_archive(self.archive, self.limits.max_entries)
        except ZipProblem as e:
            raise self.reject(zip_words(e), e.entry) from None

    def _names(self) -> list[tuple[str, zipfile.ZipInfo]]:
        out = []
        for info in self.archive.infolist():
            name = info.filename  # backslashes are refused by check_archive
            if not name.startswith(self.prefix):
                continue
            rel = name[len(self.prefix) :]
            if rel and not is_junk(rel.rstrip("/")):
                out.append((rel, info))
        return out

    def top_level(self) -> tuple[list[str], list[str]]:
        files: set[str] = set()
        folders: set[str] = set()
        for rel, _info in self._names():
            head, sep, _rest = rel.partition("/")
            (folders if sep else files).add(head)
        return sorted(files - folders), sorted(folders)

    def top_level_junk(self) -> list[str]:
        found: set[str] = set()
        for info in self.archive.infolist():
            if info.filename.startswith(self.prefix):
                head = info.filename[len(self.prefix) :].partition("/")[0]
                if head and is_junk(head):
                    found.add(head)
        return sorted(found)

    def entries(self) -> dict[str, Entry]:
        if self._entries is not None:
            return self._entries
        found: dict[str, Entry] = {}
        names = self._names()
        try:
            check_entries(names)
        except ZipProblem as e:
            raise self.reject(zip_words(e), e.entry) from None
        for rel, info in names:
            if not info.is_dir():
                self.add_entry(found, Entry(rel, info.file_size))
                self._infos[rel] = info
        for rel, info in self._infos.items():  # after the sizes, which say more
            self._check_ratio(rel, info)
        self._entries = found
        return found

    def _check_ratio(self, rel: str, info: zipfile.ZipInfo) -> None:
        try:
            check_ratio(info, self.limits.max_ratio, rel)
        except ZipProblem as e:
            raise self.reject(zip_words(e), e.entry) from None

    def open(self, path: str) -> BinaryIO:
        self.entries()
        return cast(BinaryIO, self.archive.open(self._infos[path]))

    def nested_zip(self, name: str, scratch: Path) -> Path:
        info = self.archive.getinfo(self.prefix + name)
        label = f"{self.label} > {name}"
        try:
            check_entry(info)
        except ZipProblem as e:
            raise BundleRejected(label, zip_words(e)) from None
        if info.file_size > self.limits.max_bundle_bytes:
            raise BundleRejected(
                label,
                translate(
                    "BundleImport", "is {size} bytes, more than the limit of {limit} for one bundle"
                ).format(size=f"{info.file_size:,}", limit=f"{self.limits.max_bundle_bytes:,}"),
            )
        self._check_ratio(name, info)
        fd, tmp = tempfile.mkstemp(suffix=".zip", dir=scratch)
        try:
            with os.fdopen(fd, "wb") as out, self.archive.open(info) as src:
                shutil.copyfileobj(src, out, 1024 * 1024)
        except (*READ_ERRORS, OSError) as e:
            Path(tmp).unlink(missing_ok=True)
            raise BundleRejected(
                label,
                translate("BundleImport", "cannot be extracted: it is damaged ({problem})").format(
                    problem=e
                ),
            ) from None
        return Path(tmp)

    def sub(self, folder: str) -> Source:
        return ZipSource(
            self.archive,
            f"{self.label} > {folder}",
            folder,
            self.limits,
            prefix=f"{self.prefix}{folder}/",
        )

    def close(self) -> None:
        if self.prefix:
            return  # the batch that made this sub-source owns the archive
        self.archive.close()
        if self.owned_file is not None:
            self.owned_file.unlink(missing_ok=True)

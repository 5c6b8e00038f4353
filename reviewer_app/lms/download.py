"""A platform's submissions download, split into one submission per student.

The zip is checked as a container first (cut short, too many entries: nothing of it is
read). Every other check of the bundle format is made per student, by `StudentSource`,
so that one student's hostile or damaged file (a '..' path, a link, a zip bomb) refuses
that student's submission only. An entry that belongs to no student is reported on its
own: skipped when it is only not named as the platform names files, refused when its
name is hostile.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import BinaryIO, cast

from reviewer_app.errors import UserError
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.report import SkippedFile
from reviewer_app.evidence.sources import (
    BundleRejected,
    Entry,
    Source,
    is_junk,
    zip_words,
)
from reviewer_app.lms.names import (
    PLATFORMS,
    Platform,
    canvas_name,
    is_participant_word,
    moodle_name,
)
from reviewer_app.wording import translate
from reviewer_app.zipsafety import (
    OPEN_ERRORS,
    ZipProblem,
    check_archive,
    check_entries,
    check_name,
    check_ratio,
)

# A platform fits a download when at least this share of its files are named its way.
_FIT = 0.5


class DownloadError(UserError):
    """The zip cannot be read as a download of the platform asked for (or of either)."""


@dataclass
class Member:
    path: str  # the file's path in the submission
    info: zipfile.ZipInfo
    kind: str  # "file", "onlinetext" (Moodle's HTML), "text" or "link" (Canvas's)


@dataclass
class Student:
    """One student's (or group's) entries in the download."""

    platform: Platform
    platform_id: str  # Moodle's participant id, Canvas's user id or anon-<id>
    name: str | None  # as the file names write it; None under blind marking
    assignment: str | None  # the assignment's folder, when the zip holds several
    label: str
    late: bool = False
    members: list[Member] = field(default_factory=list)

    @property
    def submission_id(self) -> str:
        own = f"{self.platform}-{self.platform_id}"
        return f"{self.assignment}-{own}" if self.assignment else own


@dataclass
class Download:
    path: Path
    platform: Platform
    students: list[Student]
    skipped: list[SkippedFile]
    refused: list[BundleRejected]


def open_archive(path: Path, limits: ImportLimits) -> zipfile.ZipFile:
    """The zip at `path`, its container checked; names are checked per student."""
    label = str(path)
    if not path.is_file() or not zipfile.is_zipfile(path):
        raise DownloadError(translate("LmsImport", "{path} is not a zip file.").format(path=label))
    try:
        archive = zipfile.ZipFile(path)
    except (*OPEN_ERRORS, OSError) as e:
        raise DownloadError(
            translate("LmsImport", "{path} is not a readable zip file ({problem}).").format(
                path=label, problem=e
            )
        ) from None
    try:
        check_archive(archive, limits.max_entries)
    except ZipProblem as e:
        if e.code in ("truncated", "too_many"):
            archive.close()
            raise DownloadError(f"{label} {zip_words(e)}") from None
        # A hostile name: refused with the student it belongs to, or on its own.
    return archive


def detect(archive: zipfile.ZipFile, label: str) -> Platform:
    """Which platform made the download; refuses to guess when both could have."""
    fits = [p for p in PLATFORMS if fits_platform(archive, p)]
    if len(fits) == 1:
        return fits[0]
    if fits:
        raise DownloadError(
            translate(
                "LmsImport",
                "{path} could be a Moodle download or a Canvas one: its file names fit "
                "both. Say which with --from moodle or --from canvas.",
            ).format(path=label)
        )
    raise DownloadError(
        translate(
            "LmsImport",
            "{path} is not a Moodle or Canvas submissions download: its file names are not "
            "the ones those platforms give (an evidence bundle is imported without "
            "--from and --credential).",
        ).format(path=label)
    )


def fits_platform(archive: zipfile.ZipFile, platform: Platform) -> bool:
    files = [i.filename for i in archive.infolist() if not i.is_dir()]
    files = [f for f in files if not is_junk(f)]
    if not files:
        return False
    named = 0
    for prefix, _assignment in _assignments(files, platform):
        under = [f[len(prefix) :] for f in files if f.startswith(prefix)]
        named += sum(1 for rel in under if _owner(rel, platform))
    return named > 0 and named >= _FIT * len(files)


def _owner(rel: str, platform: Platform) -> tuple[str, str | None, bool] | None:
    """(platform id, name, late) of whoever `rel` (a path under an assignment) is of."""
    if platform == "moodle":
        m = moodle_name(rel.partition("/")[0])
        return (m.participant_id, m.who, False) if m else None
    c = canvas_name(rel)
    if c is None:
        return None
    if c.anonymous:
        return f"anon-{c.user_id}", None, c.late
    return c.user_id, c.who, c.late


def _assignments(files: list[str], platform: Platform) -> list[tuple[str, str | None]]:
    """(prefix, assignment name) of each assignment the zip holds: the whole zip, or
    the one folder it was zipped in, or one folder per assignment."""
    if any(_owner(f, platform) for f in files):
        return [("", None)]
    folders = sorted({f.split("/", 1)[0] for f in files if "/" in f})
    holding = [
        d
        for d in folders
        if any(_owner(f[len(d) + 1 :], platform) for f in files if f.startswith(d + "/"))
    ]
    if len(holding) == 1:
        return [(holding[0] + "/", None)]
    return [(d + "/", d) for d in holding]


def read_download(path: Path, archive: zipfile.ZipFile, platform: Platform) -> Download:
    """The students of the download, each with their entries; what is no one's aside."""
    label = str(path)
    infos = [i for i in archive.infolist() if not is_junk(i.filename.rstrip("/"))]
    files = [i.filename for i in infos if not i.is_dir()]
    students: dict[tuple[str | None, str], Student] = {}
    skipped: list[SkippedFile] = []
    refused: list[BundleRejected] = []
    assignments = _assignments(files, platform)
    for info in infos:
        name = info.filename
        place = next(((p, a) for p, a in assignments if name.startswith(p)), None)
        rel = name[len(place[0]) :] if place else name
        owner = _owner(rel, platform) if place and rel else None
        if owner is None:
            if info.is_dir():
                continue
            try:
                check_name(name)
            except ZipProblem as e:
                refused.append(BundleRejected(label, zip_words(e), name))
                continue
            why = translate(
                "LmsImport", "is not named the way {platform} names a student's files"
            ).format(platform=platform.capitalize())
            skipped.append(SkippedFile(f"{label} > {name}", why))
            continue
        assert place is not None
        platform_id, who, late = owner
        key = (place[1], platform_id)
        student = students.get(key)
        if student is None:
            shown = who if who else platform_id
            student = students[key] = Student(
                platform, platform_id, who, place[1], f"{label} > {shown} ({platform_id})"
            )
        student.late = student.late or late
        if not info.is_dir():
            student.members.append(_member(rel, info, platform))
        else:
            student.members.append(Member("", info, "folder"))
    found = list(students.values())
    if platform == "moodle":
        _blind(found)
    return Download(path, platform, found, skipped, refused)


def _member(rel: str, info: zipfile.ZipInfo, platform: Platform) -> Member:
    if platform == "moodle":
        head, _sep, rest = rel.partition("/")
        m = moodle_name(head)
        assert m is not None
        inner = m.file + ("/" + rest if rest else "") if m.file else rest
        if m.plugin == "onlinetext" and inner == "onlinetext.html":
            return Member("onlinetext.html", info, "onlinetext")
        return Member(inner if m.plugin == "file" else f"{m.plugin}/{inner}", info, "file")
    c = canvas_name(rel)
    assert c is not None
    if c.kind != "file":
        return Member(f"{c.kind}.html", info, c.kind)
    return Member(c.file or "", info, "file")


def _blind(students: list[Student]) -> None:
    """Under blind marking the name is the word for "Participant": no name at all. A
    download whose every name is one same single word is blind in any language."""
    words = {s.name or "" for s in students}
    same = len(students) > 1 and len(words) == 1 and " " not in next(iter(words))
    for s in students:
        if s.name is not None and (same or is_participant_word(s.name)):
            s.name = None


class StudentSource(Source):
    """One student's entries of a download, with every check a bundle's files get."""

    def __init__(self, archive: zipfile.ZipFile, student: Student, limits: ImportLimits) -> None:
        super().__init__(student.label, student.submission_id, limits)
        self.archive = archive
        self.student = student
        self._entries: dict[str, Entry] | None = None
        self._infos: dict[str, zipfile.ZipInfo] = {}
        self.kinds: dict[str, str] = {}
        self.titles: dict[str, str] = {}  # a file's own name, even when two share it

    def top_level(self) -> tuple[list[str], list[str]]:
        return sorted(self.entries()), []

    def top_level_junk(self) -> list[str]:
        return []

    def entries(self) -> dict[str, Entry]:
        if self._entries is not None:
            return self._entries
        members = self.student.members
        try:
            for m in members:
                check_name(m.info.filename)
            check_entries((m.info.filename, m.info) for m in members)
        except ZipProblem as e:
            raise self.reject(zip_words(e), e.entry) from None
        found: dict[str, Entry] = {}
        for m in members:
            if m.kind == "folder":
                continue
            path = _unique(m.path or PurePosixPath(m.info.filename).name, found)
            self.add_entry(found, Entry(path, m.info.file_size))
            self._infos[path] = m.info
            self.kinds[path] = m.kind
            self.titles[path] = PurePosixPath(m.path).name if m.path else path
        for info in self._infos.values():
            try:
                check_ratio(info, self.limits.max_ratio, info.filename)
            except ZipProblem as e:
                raise self.reject(zip_words(e), e.entry) from None
        self._entries = found
        return found

    def zip_name(self, path: str) -> str:
        self.entries()
        return self._infos[path].filename

    def open(self, path: str) -> BinaryIO:
        self.entries()
        return cast(BinaryIO, self.archive.open(self._infos[path]))

    def sub(self, folder: str) -> Source:
        raise self.reject(translate("LmsImport", "holds no bundles"), folder)

    def nested_zip(self, name: str, scratch: Path) -> Path:
        raise self.reject(translate("LmsImport", "holds no bundles"), name)


def _unique(path: str, taken: dict[str, Entry]) -> str:
    """`path`, or `path` with a number before its suffix when two files share it (Canvas
    keeps each upload's own name: two `essay.pdf` are two files)."""
    if path not in taken:
        return path
    p = PurePosixPath(path)
    for n in range(2, len(taken) + 3):
        candidate = str(p.with_name(f"{p.stem} ({n}){p.suffix}"))
        if candidate not in taken:
            return candidate
    raise AssertionError("unreachable")

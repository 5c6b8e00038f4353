"""Imports a Moodle or Canvas submissions download through the bundle importer.

Each student becomes a `Candidate` whose plan comes from `plan_student`, so that the
download is staged, checked, saved and reported exactly as bundles are: one student
whole or not at all, already imported when the same again, refused on their own.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from reviewer_app.errors import UserError
from reviewer_app.evidence.importer import Importer
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.report import ImportReport
from reviewer_app.evidence.shapes import MANIFEST, Candidate, Found
from reviewer_app.lms.download import (
    Download,
    DownloadError,
    StudentSource,
    detect,
    fits_platform,
    open_archive,
    read_download,
)
from reviewer_app.lms.names import PLATFORMS, Platform
from reviewer_app.lms.plans import Target, plan_student
from reviewer_app.progress import CancelToken, Progress
from reviewer_app.rubrics.model import Rubric
from reviewer_app.rubrics.queries import current_definition, list_current
from reviewer_app.rubrics.short_ids import resolve_credential
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.wording import translate


@dataclass(frozen=True)
class Origin:
    """Where one imported submission came from on the platform."""

    platform: Platform
    platform_id: str
    late: bool
    name: str | None  # None under blind marking


@dataclass
class LmsReport:
    report: ImportReport
    platform: Platform
    origins: dict[str, Origin] = field(default_factory=dict)  # by submission id

    def origin_fields(self, submission_id: str) -> dict[str, Any]:
        o = self.origins.get(submission_id)
        if o is None:
            return {"platform": self.platform, "platform_id": None, "late": False}
        return {"platform": o.platform, "platform_id": o.platform_id, "late": o.late}


@dataclass(frozen=True)
class Parts:
    """A micro-credential's parts, for the window's choice: (id, title) in order."""

    credential_uri: str
    name: str
    parts: list[tuple[str, str]]


def credential_parts(folder: DataFolder, credential: str) -> Parts:
    with folder.read_sessions() as session:
        uri = resolve_credential(session, credential)
        definition = current_definition(session, uri)
        assert definition is not None
        rubric = Rubric.from_content(definition.content)
        return Parts(uri, definition.name, [(p.id, p.title) for p in rubric.parts])


def credential_choices(folder: DataFolder) -> list[Parts]:
    """Every current micro-credential with its parts, by name (for the window)."""
    with folder.read_sessions() as session:
        return [
            Parts(
                d.achievement_uri,
                d.name,
                [(p.id, p.title) for p in Rubric.from_content(d.content).parts],
            )
            for d in list_current(session)
        ]


@dataclass(frozen=True)
class Survey:
    """What a zip looks like before importing it: the window's question."""

    platforms: list[Platform]  # one, or both when the names fit either
    students: int
    nameless: int  # students with no name (blind marking, anonymous grading)


def survey(path: Path, limits: ImportLimits | None = None) -> Survey | None:
    """The zip at `path` as a platform's download; None when it is not one (a bundle,
    a folder, a zip of something else), to be imported as bundles are."""
    limits = limits or ImportLimits()
    if not path.is_file() or not path.name.lower().endswith(".zip"):
        return None
    try:
        with open_archive(path, limits) as archive:
            if MANIFEST in archive.namelist():
                return None
            fits = [p for p in PLATFORMS if fits_platform(archive, p)]
            if not fits:
                return None
            download = read_download(path, archive, fits[0])
    except (UserError, OSError, zipfile.BadZipFile):
        return None
    nameless = sum(1 for s in download.students if s.name is None)
    return Survey(fits, len(download.students), nameless)


def detect_platform(path: Path, limits: ImportLimits | None = None) -> Platform:
    """Which platform's download the zip at `path` is; refuses to guess."""
    with open_archive(path, limits or ImportLimits()) as archive:
        return detect(archive, str(path))


def import_download(
    folder: DataFolder,
    path: Path,
    *,
    credential: str,
    platform: Platform | None = None,
    part: str | None = None,
    attempt: int = 1,
    limits: ImportLimits | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> LmsReport:
    """Imports every student of the download at `path` for the micro-credential
    `credential` (its id or short id), their evidence under `part` when given."""
    limits = limits or ImportLimits()
    if platform is not None and platform not in PLATFORMS:
        raise UserError(
            translate("LmsImport", "{platform} is not a platform this program reads.").format(
                platform=platform
            )
        )
    if attempt < 1:
        raise UserError(translate("LmsImport", "The attempt must be 1 or more."))
    target = _target(folder, credential, part, attempt)
    with open_archive(path, limits) as archive:
        chosen = platform or detect(archive, str(path))
        download = read_download(path, archive, chosen)
        if not download.students and not download.refused:
            raise DownloadError(
                translate(
                    "LmsImport",
                    "{path} holds no student's files named the way {platform} names them.",
                ).format(path=str(path), platform=chosen.capitalize())
            )
        importer = Importer(
            folder,
            limits,
            progress=progress,
            cancel=cancel,
            opener=partial(_found, download, archive, target),
        )
        report = importer.import_paths([path])
    done = LmsReport(report, chosen)
    for student in download.students:
        sid = student.submission_id + (f"-attempt-{attempt}" if attempt > 1 else "")
        done.origins[sid] = Origin(chosen, student.platform_id, student.late, student.name)
    return done


def _target(folder: DataFolder, credential: str, part: str | None, attempt: int) -> Target:
    found = credential_parts(folder, credential)
    chosen = None
    if part is not None:
        wanted = part.strip()
        chosen = next((pid for pid, _t in found.parts if pid == wanted), None)
        chosen = chosen or next(
            (pid for pid, title in found.parts if title.casefold() == wanted.casefold()), None
        )
        if chosen is None:
            raise UserError(
                translate(
                    "LmsImport",
                    "{credential} has no part {part!r}; its parts are: {parts}.",
                ).format(
                    credential=found.name,
                    part=wanted,
                    parts=", ".join(pid for pid, _t in found.parts) or "-",
                )
            )
    return Target(found.credential_uri, found.name, chosen, attempt)


def _found(
    download: Download,
    archive: zipfile.ZipFile,
    target: Target,
    _path: Path,
    limits: ImportLimits,
    _scratch: Path,
) -> Iterator[Found]:
    yield from download.refused
    yield from download.skipped
    for student in download.students:
        yield Candidate(
            StudentSource(archive, student, limits),
            "loose",
            planner=partial(plan_student, target=target),
        )

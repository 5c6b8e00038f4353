"""One student's entries as a `SubmissionPlan`, the importer's own description of a
submission: online text becomes a written answer, every file an evidence item."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from reviewer_app.evidence.plan import PlannedItem, SubmissionPlan
from reviewer_app.evidence.sources import Source
from reviewer_app.lms.download import StudentSource
from reviewer_app.lms.online_text import MAX_HTML_BYTES, html_to_text
from reviewer_app.wording import translate
from reviewer_app.zipsafety import READ_ERRORS

# What a file's suffix says it is: a file whose bytes say otherwise (a program renamed
# essay.pdf) is refused, as a bundle's file contradicting its declared type is.
_BY_SUFFIX = {
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
}
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
MAX_ID = 200  # the width of submissions.submission_id


@dataclass(frozen=True)
class Target:
    """What the person chose for the whole download."""

    credential_uri: str
    credential_name: str
    part: str | None
    attempt: int


def plan_student(source: Source, target: Target) -> SubmissionPlan:
    assert isinstance(source, StudentSource)
    student = source.student
    entries = source.entries()
    if not entries:
        raise source.reject(translate("LmsImport", "holds no files"))
    texts: list[PlannedItem] = []
    files: list[PlannedItem] = []
    # In the download's own order of names (numbers by value), which the earner chose.
    for path in sorted(entries, key=lambda p: _natural_key(source.zip_name(p))):
        kind = source.kinds[path]
        if kind == "file":
            files.append(
                PlannedItem(
                    "file",
                    0,
                    path=path,
                    media_type=_BY_SUFFIX.get(PurePosixPath(path).suffix.lower()),
                    part=target.part,
                    title=source.titles[path],
                )
            )
        else:
            texts.append(
                PlannedItem(
                    "text",
                    0,
                    part=target.part,
                    title=_text_title(kind),
                    text=_read_html(source, path) or "",
                )
            )
    items = texts + files
    for n, item in enumerate(items):
        item.position = n
    submission_id = base_id = _clean(student.submission_id)
    if target.attempt > 1:
        submission_id += f"-attempt-{target.attempt}"
    warnings = []
    if student.name is None:
        warnings.append(
            translate(
                "LmsImport",
                "blind marking: the download gives no name for this student, only the "
                "platform's id {id}",
            ).format(id=student.platform_id)
        )
    if student.late:
        warnings.append(translate("LmsImport", "submitted late, the platform says"))
    return SubmissionPlan(
        shape=student.platform,
        submission_id=submission_id[:MAX_ID],
        # The same earner id for every attempt, so that earlier attempts are found.
        earner_id=_earner_id(student.platform, student.platform_id, base_id, target),
        earner_name=_clean(student.name or ""),
        earner_email=None,
        credential_uri=target.credential_uri,
        credential_name=target.credential_name,
        attempt=target.attempt,
        submitted_at=None,
        notes=None,
        items=items,
        warnings=warnings,
        platform=student.platform,
        platform_id=student.platform_id,
        late=student.late,
    )


def _earner_id(platform: str, platform_id: str, submission_id: str, target: Target) -> str:
    # Canvas's user ids are the person's across the site; Moodle's participant ids and
    # Canvas's anonymous ids are one assignment's only, so they say which.
    if platform == "canvas" and not platform_id.startswith("anon-"):
        return f"urn:reviewer-app:canvas-user:{platform_id}"
    return f"urn:reviewer-app:{platform}:{target.credential_uri}#{submission_id}"


def _text_title(kind: str) -> str:
    if kind == "link":
        return translate("LmsImport", "Website address")
    return translate("LmsImport", "Online text")


def _read_html(source: Source, path: str) -> str:
    try:
        with source.open(path) as f:
            raw = f.read(MAX_HTML_BYTES + 1)
    except READ_ERRORS as e:
        raise source.reject(
            translate(
                "BundleImport", "cannot be extracted: its zip entry is damaged ({problem})"
            ).format(problem=str(e)[:200]),
            path,
        ) from None
    if len(raw) > MAX_HTML_BYTES:
        raise source.reject(
            translate("BundleImport", "is larger than {limit} bytes").format(
                limit=f"{MAX_HTML_BYTES:,}"
            ),
            path,
        )
    return html_to_text(raw)


def _clean(text: str) -> str:
    return " ".join(_CONTROLS.sub(" ", text).split())


def _natural_key(path: str) -> list[Any]:
    return [int(t) if t.isdigit() else t.casefold() for t in re.split(r"(\d+)", path)]

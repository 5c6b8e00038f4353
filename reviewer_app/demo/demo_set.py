"""The demo set: a small, varied set of bundles that covers every shape of evidence-bundle.md."""

from __future__ import annotations

import tempfile
from pathlib import Path

from reviewer_app.demo.artifacts import build
from reviewer_app.demo.builder import Spec
from reviewer_app.demo.credentials import CULTURAL_PROFICIENCY as CRP
from reviewer_app.demo.credentials import FAMILIES_AS_PARTNERS as FAP
from reviewer_app.demo.credentials import GLOBAL_CLASSROOM as GEC
from reviewer_app.demo.credentials import Credential
from reviewer_app.demo.earners import earner_named
from reviewer_app.demo.manifest import FileSource
from reviewer_app.demo.writing import write_bundle_files

_RESUBMISSION_NOTE = "Resubmission: revised the reflection after feedback."
_MARIA_WORK = "overview communication_plan contact_log family_night_photo"
_SOFIA_WORK = "overview unit_plan work_photo"


def _spec(
    earner: str,
    credential: Credential,
    number: int,
    submitted_at: str,
    artifacts: str,
    *,
    attempt: int | None = 1,
    as_zip: bool = True,
    notes: str | None = None,
) -> Spec:
    """A `Spec` from the earner's name and the artifact names, space-separated."""
    kinds = tuple(artifacts.split())
    return Spec(
        earner_named(earner), credential, number, submitted_at, kinds, attempt, as_zip, notes
    )


_DEMO_SPECS: tuple[Spec, ...] = (
    _spec(
        "María José Núñez",
        FAP,
        142,
        "2026-09-18T19:42:10-05:00",
        f"{_MARIA_WORK} reflection_text",
    ),
    _spec(
        "María José Núñez",
        FAP,
        187,
        "2026-10-09T20:05:33-05:00",
        f"{_MARIA_WORK} reflection_md",
        attempt=2,
        notes=_RESUBMISSION_NOTE,
    ),
    _spec(
        "José Luis Peña",
        FAP,
        143,
        "2026-09-21T07:15:48-05:00",
        "overview communication_plan newsletter_scan work_photo reflection_txt",
    ),
    _spec(
        "Liam O'Connor",
        FAP,
        151,
        "2026-09-25T21:03:12-04:00",
        "overview scanned_log work_photo reflection_text",
        attempt=None,
    ),
    _spec(
        "Hannah Goldberg",
        FAP,
        156,
        "2026-09-29T16:47:00-05:00",
        "overview contact_log poster_webp survey_gif reflection_md",
        as_zip=False,
    ),
    _spec(
        "Kwame Mensah",
        CRP,
        207,
        "2026-09-22T22:10:05-04:00",
        "overview lesson_plan work_scans library_photo reflection_txt",
        as_zip=False,
    ),
    _spec(
        "Priya Raghunathan",
        CRP,
        211,
        "2026-09-24T18:30:41-07:00",
        "overview encrypted_plan work_photo reflection_text",
    ),
    _spec(
        "Ana Lucía Gómez",
        CRP,
        215,
        "2026-10-01T12:02:19-06:00",
        "overview lesson_plan untyped_photo work_scans reflection_md",
    ),
    _spec(
        "Nguyễn Thị Lan",
        GEC,
        304,
        "2026-09-30T08:55:27-07:00",
        "overview unit_plan field_trip letters_tiff poster_webp reflection_md",
    ),
    _spec(
        "Sofía Ramírez",
        GEC,
        306,
        "2026-10-02T09:14:00Z",
        f"{_SOFIA_WORK} reflection_text",
    ),
    _spec(
        "Sofía Ramírez",
        GEC,
        329,
        "2026-10-16T17:40:52+02:00",
        f"{_SOFIA_WORK} reflection_md",
        attempt=2,
        notes=_RESUBMISSION_NOTE,
        as_zip=False,
    ),
    _spec(
        "Tomasz Wójcik",
        GEC,
        318,
        "2026-10-05T19:21:36+02:00",
        "overview unit_plan work_photo second_photo reflection_txt",
    ),
)
_BATCH_NAME = "GEC-batch-2026-10.zip"
_BATCH_SPECS: tuple[Spec, ...] = (
    _spec(
        "Chen Wei",
        GEC,
        311,
        "2026-10-03T14:22:05-07:00",
        "overview field_trip work_photo survey_gif reflection_text",
    ),
    _spec(
        "Fatima Al-Sayed",
        GEC,
        312,
        "2026-10-03T23:48:10-04:00",
        "overview unit_plan work_scans reflection_txt",
    ),
)
_LOOSE_EARNER = "Samuel Okafor"


def _bundle_name(spec: Spec) -> str:
    suffix = ".zip" if spec.as_zip else ""
    return f"{spec.submission_id}{suffix}"


def _write_loose(out_dir: Path, staging: Path, seed: int) -> Path:
    """A zip named after the earner with evidence files only, as a teacher zips a folder."""
    spec = _spec(_LOOSE_EARNER, FAP, 0, "", "communication_plan work_photo reflection_txt")
    entries = build(spec, staging, seed)
    loose = {
        "Communication plan.pdf": entries["evidence/plan.pdf"],
        "Family night.jpg": entries["evidence/student-work.jpg"],
        "Reflection.txt": entries["reflection.txt"],
    }
    return write_bundle_files(out_dir / f"{spec.earner.name}.zip", loose, as_zip=True)


def _write_batch(out_dir: Path, staging: Path, seed: int) -> Path:
    """One zip whose top level holds two bundle folders, as a platform's bulk export."""
    entries: dict[str, FileSource] = {}
    for spec in _BATCH_SPECS:
        folder = f"{spec.submission_id} {spec.earner.name}"
        entries |= {f"{folder}/{name}": data for name, data in build(spec, staging, seed).items()}
    return write_bundle_files(out_dir / _BATCH_NAME, entries, as_zip=True)


def generate_demo_bundles(out_dir: Path, *, seed: int = 7) -> list[Path]:
    """Write the demo bundles into `out_dir` (created if needed) and return their paths.

    Covers every shape of `evidence-bundle.md`: manifest bundles as zips and folders, a
    loose zip, a batch zip holding two bundle folders, two resubmissions (attempt 2), and
    two bundles that import with warnings (a scanned PDF with no text, an encrypted PDF).
    Nothing in it should be rejected. Raises FileExistsError if a bundle already exists.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="demo-bundles-") as scratch:
        staging = Path(scratch)
        for spec in _DEMO_SPECS:
            entries = build(spec, staging, seed)
            paths.append(
                write_bundle_files(out_dir / _bundle_name(spec), entries, as_zip=spec.as_zip)
            )
        paths.append(_write_loose(out_dir, staging, seed))
        paths.append(_write_batch(out_dir, staging, seed))
    return paths

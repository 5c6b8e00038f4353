"""Broken bundles: one per rejection reason, and a few that import with a warning.

Every manifest is otherwise valid, so each bundle breaks exactly one rule.
"""

from __future__ import annotations

import random
import stat
import tempfile
import zipfile
from pathlib import Path

from reviewer_app.demo import media
from reviewer_app.demo.credentials import FAMILIES_AS_PARTNERS
from reviewer_app.demo.earners import earner_named
from reviewer_app.demo.manifest import (
    PLAIN_TEXT,
    PNG,
    FileSource,
    Json,
    file_item,
    manifest_entries,
    manifest_fields,
    pdf_item,
    sha256,
)
from reviewer_app.demo.writing import (
    ZIP_DATE_TIME,
    staged,
    write_bundle_files,
    write_manifest_bundle,
    write_zip_entries,
)

_LATIN1_TEXT = (
    "Reflexión final\n\nLas familias respondieron con entusiasmo: “¡gracias por escribir en "
    "español!”. El niño más tímido leyó en voz alta; su mamá lloró de alegría.\n"
)
_INVALID_JSON = b'{"format": "evidence-bundle/1", "submission_id": "REJ-JSON",\n'
_LINK_TARGET = b"../../etc/passwd"


def _manifest(submission_id: str, *evidence: Json) -> Json:
    return manifest_fields(
        submission_id=submission_id,
        submitted_at="2026-10-12T10:00:00-05:00",
        earner=earner_named("Hannah Goldberg"),
        credential=FAMILIES_AS_PARTNERS,
        evidence=evidence,
    )


def _plan(path: str, **fields: str | None) -> Json:
    return pdf_item(path, "Communication plan", **fields)


def _small_pdf() -> bytes:
    return media.render_text_pdf(
        title="Communication plan", paragraphs=["A short plan for two-way communication."]
    )


def _small_jpeg(scratch: Path) -> bytes:
    path = media.write_photo_jpeg(
        scratch / "photo.jpg", width=320, height=240, rng=random.Random(5), caption="Student work"
    )
    return path.read_bytes()


def _rejected_entries(scratch: Path) -> dict[str, tuple[Json | bytes, dict[str, FileSource]]]:
    """Reason -> (manifest fields, or raw manifest bytes; files)."""
    pdf, jpeg = _small_pdf(), _small_jpeg(scratch)
    bomb = media.write_decompression_bomb_png(scratch / "bomb.png").read_bytes()
    latin1 = media.write_latin1_text(scratch / "latin1.txt", _LATIN1_TEXT).read_bytes()
    repetitive = b"2026-09-14 phone call: reply yes.\n" * 400_000  # 13.6 MB, ratio > 1000:1
    plan = _plan("plan.pdf")
    plan_file: dict[str, FileSource] = {"plan.pdf": pdf}
    reflection = file_item("reflection.txt", "Reflection", media_type=PLAIN_TEXT, part="reflection")
    return {
        "not-a-pdf": (_manifest("REJ-NOT-A-PDF", plan), {"plan.pdf": jpeg}),
        "hash-mismatch": (
            _manifest("REJ-HASH", _plan("plan.pdf", sha256=sha256(pdf + b"\n"))),
            plan_file,
        ),
        "missing-file": (
            _manifest("REJ-MISSING", plan, _plan("log.pdf", sha256=sha256(pdf))),
            plan_file,
        ),
        "invalid-json": (_INVALID_JSON, plan_file),
        "wrong-format": (
            _manifest("REJ-FORMAT", plan) | {"format": "evidence-bundle/2"},
            plan_file,
        ),
        "bomb-png": (
            _manifest("REJ-BOMB", file_item("chart.png", "Chart", media_type=PNG)),
            {"chart.png": bomb},
        ),
        "latin1-text": (_manifest("REJ-LATIN1", reflection), {"reflection.txt": latin1}),
        "path-traversal": (_manifest("REJ-TRAVERSAL", _plan("../plan.pdf")), {"../plan.pdf": pdf}),
        "zip-ratio": (
            _manifest("REJ-RATIO", file_item("log.txt", "Contact log", media_type=PLAIN_TEXT)),
            {"log.txt": repetitive},
        ),
    }


def _write_symlink_bundle(out: Path, pdf: bytes) -> Path:
    """A zip with a symbolic-link entry, which zipfile cannot write through writestr's API."""
    link_item = _plan("link.pdf", sha256=sha256(_LINK_TARGET))
    manifest = _manifest("REJ-SYMLINK", _plan("plan.pdf"), link_item)
    with staged(out) as partial, zipfile.ZipFile(partial, "w") as archive:
        write_zip_entries(archive, manifest_entries(manifest, {"plan.pdf": pdf}))
        link = zipfile.ZipInfo("link.pdf", date_time=ZIP_DATE_TIME)
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, _LINK_TARGET)
    return out


def generate_rejected_examples(out_dir: Path) -> dict[str, Path]:
    """Write one zip per rejection reason into `out_dir`; return reason -> path.

    Reasons: not-a-pdf (JPEG bytes listed as application/pdf), hash-mismatch,
    missing-file, invalid-json, wrong-format, bomb-png (pixel count past Pillow's limit),
    latin1-text (text/plain that is not UTF-8), path-traversal (`../` entry), zip-ratio
    (compression ratio past 200:1), symlink (a symbolic-link entry) and not-a-zip.
    Every manifest is otherwise valid, so each bundle breaks exactly one rule.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    written: dict[str, Path] = {}
    with tempfile.TemporaryDirectory(prefix="demo-rejected-") as scratch:
        for reason, (manifest, files) in _rejected_entries(Path(scratch)).items():
            out = out_dir / f"{reason}.zip"
            if isinstance(manifest, bytes):
                written[reason] = write_bundle_files(
                    out, {"manifest.json": manifest, **files}, as_zip=True
                )
            else:
                written[reason] = write_manifest_bundle(out, manifest, files, as_zip=True)
    written["symlink"] = _write_symlink_bundle(out_dir / "symlink.zip", _small_pdf())
    not_zip = out_dir / "not-a-zip.zip"
    with staged(not_zip) as partial:
        partial.write_bytes(b"This is a text file that someone renamed to .zip.\n")
    written["not-a-zip"] = not_zip
    return written


def generate_warning_examples(out_dir: Path) -> dict[str, Path]:
    """Write bundles that import with a warning, not a rejection; return reason -> path.

    damaged-pdf: a truncated PDF pypdf cannot read; unlisted-file: a file no evidence
    item lists. (The demo set already holds a scanned and an encrypted PDF.)
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    pdf = _small_pdf()
    with tempfile.TemporaryDirectory(prefix="demo-warnings-") as scratch:
        damaged = media.write_damaged_pdf(Path(scratch) / "damaged.pdf").read_bytes()
    unlisted = {"plan.pdf": pdf, "notes/draft.txt": b"Draft I forgot to remove.\n"}
    bundles = {
        "damaged-pdf": (_manifest("WARN-DAMAGED", _plan("log.pdf")), {"log.pdf": damaged}),
        "unlisted-file": (_manifest("WARN-UNLISTED", _plan("plan.pdf")), unlisted),
    }
    return {
        reason: write_manifest_bundle(out_dir / f"{reason}.zip", manifest, files, as_zip=True)
        for reason, (manifest, files) in bundles.items()
    }

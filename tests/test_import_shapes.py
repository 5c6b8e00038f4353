"""Importing every shape of the bundle format, with real PDFs, photos and text."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select
from sqlalchemy.orm import undefer_group

from reviewer_app.demo import media
from reviewer_app.evidence.derive import derive_pending
from reviewer_app.evidence.importer import Importer
from reviewer_app.evidence.search import search
from reviewer_app.progress import CancelToken, ProgressReport
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import EARNER_GROUP, Blob, EvidenceItem, Submission
from tests import craft


def _submission(folder: DataFolder, submission_id: str) -> Submission:
    with folder.sessions() as session:
        sub = session.scalar(
            select(Submission)
            .options(undefer_group(EARNER_GROUP))
            .where(Submission.submission_id == submission_id)
        )
        assert sub is not None
        sub.items  # noqa: B018 - load while the session is open
        sub.earner.name  # noqa: B018 - the earner's columns load when asked for
        return sub


def test_manifest_zip_with_every_readable_type(folder: DataFolder, tmp_path: Path) -> None:
    pdf = craft.text_pdf("bilingual newsletter", pages=3)
    photo = craft.photo_jpeg(tmp_path, orientation=6)
    scan = craft.png_image(300, 200)
    reflection = b"# What I learned\n\nFamilies answered the *bilingual newsletter*.\n"
    files = {
        "plan.pdf": pdf,
        "photos/work.jpg": photo,
        "scan.png": scan,
        "reflection.md": reflection,
    }
    doc = craft.manifest(
        files,
        texts=[
            {
                "text": "We serve 84 families at Lincoln Elementary.",
                "part": "overview",
                "title": "Who are the families you serve?",
            }
        ],
        media_types={"plan.pdf": "application/pdf", "scan.png": "image/png"},
        notes="First attempt.",
    )
    bundle = craft.bundle_zip(tmp_path / "ana.zip", files, doc)

    report = Importer(folder).import_paths([bundle])

    assert [r.submission_id for r in report.imported] == ["FAP-2026-0001"]
    assert report.rejected == [] and report.skipped == []
    sub = _submission(folder, "FAP-2026-0001")
    assert sub.earner.name == "Ana Lima" and sub.earner.email == "ana@example.org"
    assert sub.credential_uri == craft.CREDENTIAL
    assert sub.status == "unreviewed" and sub.notes == "First attempt."
    assert sub.submitted_at is not None and sub.submitted_at.utcoffset() is not None
    kinds = [(i.kind, i.path, i.media_type, i.part) for i in sub.items]
    assert kinds == [
        ("text", None, "text/plain", "overview"),
        ("file", "plan.pdf", "application/pdf", "artifacts"),
        ("file", "photos/work.jpg", "image/jpeg", "artifacts"),  # sniffed, not declared
        ("file", "scan.png", "image/png", "artifacts"),
        ("file", "reflection.md", "text/markdown", "artifacts"),
    ]
    pdf_item, photo_item, scan_item = sub.items[1], sub.items[2], sub.items[3]
    assert pdf_item.page_count == 3 and pdf_item.size == len(pdf)
    assert (photo_item.width, photo_item.height, photo_item.exif_orientation) == (640, 480, 6)
    assert (scan_item.width, scan_item.height) == (300, 200)
    for item in sub.items[1:]:
        assert item.blob_sha256 is not None
        assert folder.store.path_for(item.blob_sha256).read_bytes() == files[item.path or ""]

    derived = derive_pending(folder)
    assert derived.items == 4 and derived.thumbnails == 2
    with folder.sessions() as session:
        hits = search(session, "bilingual newsletter")
        assert {(h.submission_id, h.item) for h in hits} == {
            ("FAP-2026-0001", "plan.pdf"),
            ("FAP-2026-0001", "reflection.md"),
        }
        assert all("[bilingual]" in h.snippet for h in hits)
        assert {h.page for h in hits if h.item == "plan.pdf"} == {1, 2, 3}
        assert search(session, "Lincoln")[0].item == "Who are the families you serve?"
        photo = session.get_one(EvidenceItem, photo_item.id)
        assert photo.thumbnail_sha256 is not None
    with Image.open(folder.store.path_for(photo.thumbnail_sha256)) as thumb:
        assert thumb.width < thumb.height  # turned upright by its EXIF orientation


def test_manifest_folder(folder: DataFolder, tmp_path: Path) -> None:
    files = {"docs/log.txt": "Called the Núñez family on Monday.\n".encode()}
    bundle = craft.bundle_dir(tmp_path / "bundle", files, submission_id="FAP-9")
    report = Importer(folder).import_paths([bundle])
    assert [r.submission_id for r in report.imported] == ["FAP-9"]
    derive_pending(folder)
    with folder.sessions() as session:
        assert [h.submission_id for h in search(session, "Nunez")] == ["FAP-9"]


@pytest.mark.parametrize("as_zip", [True, False])
def test_loose_bundle_takes_the_earner_from_its_name(
    folder: DataFolder, tmp_path: Path, as_zip: bool
) -> None:
    files = {
        "lesson plan.pdf": craft.text_pdf(),
        "photos/IMG_10.jpg": craft.photo_jpeg(tmp_path),
        "photos/IMG_9.jpg": craft.photo_jpeg(tmp_path, seed=2),
    }
    if as_zip:
        bundle = craft.write_zip(tmp_path / "Jane Doe.zip", files)
    else:
        bundle = tmp_path / "Jane Doe"
        for name, data in files.items():
            (bundle / name).parent.mkdir(parents=True, exist_ok=True)
            (bundle / name).write_bytes(data)
    report = Importer(folder).import_paths([bundle])
    assert [r.submission_id for r in report.imported] == ["Jane Doe"]
    sub = _submission(folder, "Jane Doe")
    assert sub.earner.name == "Jane Doe" and sub.shape == "loose"
    assert sub.credential_uri is None
    assert [i.path for i in sub.items] == [
        "lesson plan.pdf",
        "photos/IMG_9.jpg",
        "photos/IMG_10.jpg",
    ]  # natural order
    assert any("loose bundle" in w for w in sub.warnings)


def test_batch_zip_imports_each_bundle_on_its_own(folder: DataFolder, tmp_path: Path) -> None:
    good = {"plan.pdf": craft.text_pdf()}
    good_doc = craft.manifest(good, submission_id="B-1")
    bad_doc = craft.manifest({"plan.pdf": b"%PDF-1.4 other bytes"}, submission_id="B-2")
    inner = craft.bundle_zip(
        tmp_path / "inner.zip", {"a.png": craft.png_image()}, submission_id="B-3"
    )
    entries = {
        "Ana/manifest.json": json.dumps(good_doc).encode(),
        "Ana/plan.pdf": good["plan.pdf"],
        "Ben/manifest.json": json.dumps(bad_doc).encode(),
        "Ben/plan.pdf": craft.text_pdf("something else"),  # hash does not match
        "Cleo.zip": inner.read_bytes(),
    }
    batch = craft.write_zip(tmp_path / "batch.zip", entries)
    report = Importer(folder).import_paths([batch])
    assert sorted(r.submission_id for r in report.imported) == ["B-1", "B-3"]
    assert len(report.rejected) == 1
    assert (
        "Ben" in report.rejected[0].path and "does not match its hash" in report.rejected[0].error
    )


def test_batch_folder_of_zips_and_a_zipped_folder(folder: DataFolder, tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    craft.bundle_zip(batch / "one.zip", {"a.png": craft.png_image()}, submission_id="F-1")
    # A zip made by compressing a folder holds that folder; its bundle is inside.
    doc = craft.manifest({"b.png": craft.png_image(10, 10)}, submission_id="F-2")
    craft.write_zip(
        batch / "two.zip",
        {"Two/manifest.json": json.dumps(doc).encode(), "Two/b.png": craft.png_image(10, 10)},
    )
    (batch / ".DS_Store").write_bytes(b"\0\0\0\1Bud1")
    report = Importer(folder).import_paths([batch])
    assert sorted(r.submission_id for r in report.imported) == ["F-1", "F-2"]
    assert report.rejected == []


def test_reimport_is_idempotent_and_a_changed_bundle_is_a_conflict(
    folder: DataFolder, data_dir: Path, tmp_path: Path
) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    bundle = craft.bundle_zip(tmp_path / "a.zip", files)
    Importer(folder).import_paths([bundle])
    before = craft.snapshot(data_dir)

    again = Importer(folder).import_paths([bundle])
    assert [r.submission_id for r in again.skipped] == ["FAP-2026-0001"]
    assert again.imported == [] and again.rejected == []
    assert craft.snapshot(data_dir) == before

    changed = craft.bundle_zip(tmp_path / "b.zip", {"plan.pdf": craft.text_pdf("other")})
    conflict = Importer(folder).import_paths([changed])
    assert conflict.imported == []
    assert "conflicts with submission 'FAP-2026-0001'" in conflict.rejected[0].error
    assert craft.snapshot(data_dir) == before


def test_identical_files_are_stored_once(folder: DataFolder, tmp_path: Path) -> None:
    shared = craft.text_pdf("shared handout")
    a = craft.bundle_zip(tmp_path / "a.zip", {"h.pdf": shared}, submission_id="S-1")
    b = craft.bundle_zip(tmp_path / "b.zip", {"handout.pdf": shared}, submission_id="S-2")
    report = Importer(folder).import_paths([a, b])
    assert len(report.imported) == 2
    with folder.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Blob)) == 1
    assert len(list(folder.store.iter_hashes())) == 1


def test_damaged_encrypted_and_scanned_pdfs_import_with_warnings(
    folder: DataFolder, tmp_path: Path
) -> None:
    damaged = media.write_damaged_pdf(tmp_path / "d.pdf").read_bytes()
    locked = media.write_encrypted_pdf(tmp_path / "e.pdf", title="t", paragraphs=["x"]).read_bytes()
    scan_png = media.write_scan_png(tmp_path / "s.png", lines=["Family log"], rng=random.Random(1))
    scanned = media.write_image_only_pdf(tmp_path / "s.pdf", scan_png).read_bytes()
    files = {"damaged.pdf": damaged, "locked.pdf": locked, "scanned.pdf": scanned}
    bundle = craft.bundle_zip(tmp_path / "w.zip", files)
    report = Importer(folder).import_paths([bundle])
    assert len(report.imported) == 1
    warnings = " | ".join(report.imported[0].warnings)
    assert "damaged.pdf: is damaged" in warnings
    assert "locked.pdf: is encrypted" in warnings
    derived = derive_pending(folder)
    assert any("scanned.pdf: has no text layer" in w for w in derived.warnings["FAP-2026-0001"])
    sub = _submission(folder, "FAP-2026-0001")
    assert any("no text layer" in w for w in sub.warnings)


def test_files_listed_in_no_item_are_ignored_with_a_warning(
    folder: DataFolder, tmp_path: Path
) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    doc = craft.manifest(files)
    bundle = craft.write_zip(
        tmp_path / "x.zip",
        {"manifest.json": json.dumps(doc).encode(), **files, "notes/draft.docx": b"PK\3\4 draft"},
    )
    report = Importer(folder).import_paths([bundle])
    assert "notes/draft.docx" in report.imported[0].warnings[0]
    assert len(_submission(folder, "FAP-2026-0001").items) == 1


def test_progress_and_cancel(folder: DataFolder, data_dir: Path, tmp_path: Path) -> None:
    first = craft.bundle_zip(tmp_path / "1.zip", {"a.pdf": craft.text_pdf()}, submission_id="P-1")
    big = random.Random(3).randbytes(3_000_000)
    second = craft.bundle_zip(
        tmp_path / "2.zip", {"video.mp4": b"\0\0\0\x18ftypmp42" + big}, submission_id="P-2"
    )
    cancel = CancelToken()
    seen: list[ProgressReport] = []

    def on_progress(report: ProgressReport) -> None:
        seen.append(report)
        if "2.zip" in report.current and report.bytes_done > len(first.read_bytes()) + 2_000_000:
            cancel.cancel()

    report = Importer(folder, progress=on_progress, cancel=cancel).import_paths([first, second])
    assert report.cancelled
    assert [r.submission_id for r in report.imported] == ["P-1"]
    assert seen[-1].bytes_total >= seen[-1].bytes_done > 2_000_000
    with folder.sessions() as session:
        ids = session.scalars(select(Submission.submission_id)).all()
    assert ids == ["P-1"]
    assert list(folder.store.tmp.iterdir()) == []


def test_zip_entries_are_read_even_when_stored_uncompressed(
    folder: DataFolder, tmp_path: Path
) -> None:
    photo = craft.photo_jpeg(tmp_path)
    doc = craft.manifest({"p.jpg": photo})
    path = tmp_path / "stored.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr("manifest.json", json.dumps(doc))
        z.writestr("p.jpg", photo)
    assert len(Importer(folder).import_paths([path]).imported) == 1

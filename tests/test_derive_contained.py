"""Deriving text and thumbnails: a reader's failure stays with its item (items 11), and
the work per file and per write is bounded (item 13)."""

from __future__ import annotations

import io
import json
import random
import struct
import time
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import select

from reviewer_app.evidence import derive
from reviewer_app.evidence.derive import derive_pending, pending_count
from reviewer_app.evidence.importer import Importer
from reviewer_app.evidence.readers import pdf
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import EvidenceItem, Submission
from tests import craft


def jpeg_whose_thumbnail_breaks() -> bytes:
    """A JPEG whose EXIF block makes Pillow's exif_transpose raise struct.error: it opens
    and is measured at import, and fails only when the thumbnail is made."""
    out = io.BytesIO()
    Image.new("RGB", (64, 48), (10, 200, 30)).save(out, "JPEG")
    entries = [(0x0112, 3, 1, 6), (0x0100, 11, 8, 8), (0x0110, 8, 1, 40)]
    tiff = b"II*\x00" + struct.pack("<I", 8) + struct.pack("<H", len(entries))
    for entry in entries:
        tiff += struct.pack("<HHII", *entry)
    tiff += struct.pack("<I", 0) + b"\x00" * 16
    app1 = b"Exif\x00\x00" + tiff
    data = out.getvalue()
    return data[:2] + b"\xff\xe1" + struct.pack(">H", len(app1) + 2) + app1 + data[2:]


def pdf_with_an_unknown_filter() -> bytes:
    """A one-page PDF whose content stream uses a filter pypdf does not implement."""
    content = b"BT /F1 18 Tf 72 720 Td (Hello) Tj ET"
    bodies = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FooDecode >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for n, body in enumerate(bodies, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % n + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(bodies) + 1)
    for at in offsets:
        out += b"%010d 00000 n \n" % at
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(bodies) + 1,
        xref,
    )
    return bytes(out)


def tiff_with_directories(count: int) -> bytes:
    """A little-endian TIFF of `count` 1x1 grey directories chained one after another."""
    tags = [(256, 3, 1), (257, 3, 1), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 0)]
    tags += [(277, 3, 1), (278, 3, 1), (279, 4, 1)]
    size = 2 + 12 * len(tags) + 4
    pixel = 8 + count * size
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    for n in range(count):
        start = len(out)
        out += struct.pack("<H", len(tags))
        for tag, kind, value in tags:
            value = pixel if tag == 273 else value
            if kind == 3:
                out += struct.pack("<HHIHH", tag, kind, 1, value, 0)
            else:
                out += struct.pack("<HHII", tag, kind, 1, value)
        out += struct.pack("<I", start + size if n < count - 1 else 0)
    return bytes(out + b"\x80")


def test_poison_evidence_is_contained_and_the_queue_goes_on(
    folder: DataFolder, tmp_path: Path
) -> None:
    files = {
        "photo.jpg": jpeg_whose_thumbnail_breaks(),
        "plan.pdf": pdf_with_an_unknown_filter(),
        "good.pdf": craft.text_pdf("garden visit"),
    }
    poison = craft.bundle_zip(tmp_path / "poison.zip", files, submission_id="POISON-1")
    report = Importer(folder).import_paths([poison])
    assert [r.submission_id for r in report.imported] == ["POISON-1"], report
    derived = derive_pending(folder)  # raised struct.error, then NotImplementedError
    assert pending_count_of(folder) == 0
    warnings = derived.warnings["POISON-1"]
    assert any(w.startswith("photo.jpg: could not be prepared for viewing") for w in warnings)
    assert any(w.startswith("plan.pdf: the text of page(s) 1 could not be read") for w in warnings)
    with folder.sessions() as session:
        items = {i.path: i for i in session.scalars(select(EvidenceItem))}
        assert items["photo.jpg"].derive_status == "failed"
        assert items["photo.jpg"].warnings
        assert items["plan.pdf"].warnings
        assert items["good.pdf"].derive_status == "done"
        sub = session.scalars(select(Submission)).one()
        assert any("photo.jpg" in w for w in sub.warnings)

    later = craft.bundle_zip(
        tmp_path / "later.zip", {"p.pdf": craft.text_pdf("later")}, submission_id="LATER-1"
    )
    assert len(Importer(folder).import_paths([later]).imported) == 1
    derive_pending(folder)
    assert pending_count_of(folder) == 0


def pending_count_of(folder: DataFolder) -> int:
    with folder.sessions() as session:
        return pending_count(session)


def test_a_tiff_of_50000_directories_is_refused_quickly(folder: DataFolder, tmp_path: Path) -> None:
    scan = tiff_with_directories(50_000)
    bundle = craft.bundle_zip(tmp_path / "scan.zip", {"scan.tif": scan}, submission_id="TIFF-1")
    started = time.monotonic()
    report = Importer(folder).import_paths([bundle])
    assert time.monotonic() - started < 15
    assert [r.error for r in report.rejected] == [
        f"{bundle}: 'scan.tif' has more than 1,000 pages or frames, or takes too long to "
        "count them, so it was not opened"
    ]
    small = tiff_with_directories(3)
    bundle = craft.bundle_zip(tmp_path / "ok.zip", {"scan.tif": small}, submission_id="TIFF-2")
    assert len(Importer(folder).import_paths([bundle]).imported) == 1
    with folder.sessions() as session:
        assert session.scalars(select(EvidenceItem.frame_count)).one() == 3


def test_many_items_on_one_file_derive_in_few_writes(
    folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = craft.text_pdf("one shared file")
    doc = craft.manifest({"plan.pdf": data}, submission_id="MANY-1")
    doc["evidence"] = [dict(doc["evidence"][0], title=f"copy {n}") for n in range(3000)]
    bundle = tmp_path / "many"
    bundle.mkdir()
    (bundle / "manifest.json").write_text(json.dumps(doc), encoding="utf-8")
    (bundle / "plan.pdf").write_bytes(data)
    assert len(Importer(folder).import_paths([bundle]).imported) == 1

    commits: list[int] = []
    reads: list[Path] = []
    real_commit, real_extract = folder.commit_files, pdf.extract
    monkeypatch.setattr(
        folder,
        "commit_files",
        lambda staged, record: (commits.append(1), real_commit(staged, record)),
    )
    monkeypatch.setattr(pdf, "extract", lambda path: (reads.append(path), real_extract(path))[1])
    report = derive_pending(folder)
    assert report.items == 3000 and report.pages_indexed == 2 * 3000
    assert len(reads) == 1
    assert len(commits) <= 3000 // derive.BATCH_ITEMS + 2
    assert pending_count_of(folder) == 0


def test_fuzzed_tiffs_are_refused_or_kept_and_never_stop_a_batch(
    folder: DataFolder, tmp_path: Path
) -> None:
    """Mutations of a three-page TIFF that made Pillow raise TypeError ("Missing
    dimensions") and KeyError in the readers, each in a bundle of its own in a batch."""
    from tests.test_reader_fuzz import mutate_bytes

    frames = [Image.new("L", (16, 16), n * 40) for n in range(3)]
    out = io.BytesIO()
    frames[0].save(out, "TIFF", save_all=True, append_images=frames[1:])
    batch = tmp_path / "batch"
    batch.mkdir()
    for seed in (0, 83):
        scan = mutate_bytes(out.getvalue(), random.Random(seed))
        craft.bundle_dir(batch / f"tiff{seed}", {"scan.tif": scan}, submission_id=f"TIFF-{seed}")
    craft.bundle_dir(batch / "good", {"plan.pdf": craft.text_pdf()}, submission_id="GOOD-1")
    report = Importer(folder).import_paths([batch])
    imported = {r.submission_id for r in report.imported}
    assert "GOOD-1" in imported
    assert len(imported) + len(report.rejected) == 3, report
    for rejection in report.rejected:
        assert "'scan.tif'" in rejection.error, rejection.error
    derive_pending(folder)
    assert pending_count_of(folder) == 0

"""Import on every core: text and thumbnails made in worker processes while the import
streams, saved with their bundles, and a hostile file that hangs or kills its reader
costing only that file."""

from __future__ import annotations

import io
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer_app.evidence import derive, derive_pool, importer
from reviewer_app.evidence.derive import derive_pending, pending_count
from reviewer_app.evidence.derive_work import failed_with
from reviewer_app.evidence.importer import Importer, ImportReport
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.readers import pdf
from reviewer_app.evidence.search import search_folder
from reviewer_app.evidence.staging import ReadyBundle
from reviewer_app.progress import CancelToken, ProgressReport
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import EvidenceItem
from tests import craft, derive_hostile


@pytest.fixture
def on_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every import with extraction uses the worker processes, however small."""
    monkeypatch.setattr(importer, "POOL_FROM_BYTES", 0)
    monkeypatch.setenv("REVIEWER_APP_DERIVE_WORKERS", "2")


def statuses(folder: DataFolder) -> dict[str, tuple[str, str | None]]:
    with folder.read_sessions() as session:
        rows = session.execute(
            select(EvidenceItem.path, EvidenceItem.derive_status, EvidenceItem.thumbnail_sha256)
        )
        return {path: (status, thumb) for path, status, thumb in rows if path}


def test_an_import_is_searchable_and_thumbnailed_when_it_returns(
    folder: DataFolder, tmp_path: Path, on_workers: None
) -> None:
    paths = [
        craft.bundle_zip(
            tmp_path / f"b{n}.zip",
            {
                "plan.pdf": craft.text_pdf(f"kayak{n} safety"),
                "photo.jpg": craft.photo_jpeg(tmp_path, seed=n),
            },
            submission_id=f"POOL-{n}",
        )
        for n in range(3)
    ]
    report = Importer(folder, extract=True).import_paths(paths)
    assert len(report.imported) == 3 and not report.rejected
    found = statuses(folder)
    assert {status for status, _ in found.values()} == {"done"}
    assert all(thumb for path, (_, thumb) in found.items() if path.endswith(".jpg"))
    with folder.read_sessions() as session:
        assert pending_count(session) == 0
    assert {hit.submission_id for hit in search_folder(folder, "kayak1")} == {"POOL-1"}
    assert derive_pending(folder).items == 0  # nothing left for the later pass


def test_a_reader_that_hangs_or_dies_costs_only_its_file(
    folder: DataFolder, tmp_path: Path, on_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "derive_in_worker", derive_hostile.work)
    monkeypatch.setattr(derive_pool, "ITEM_SECONDS", 2.0)
    files = {
        "hangs.pdf": craft.text_pdf("hangs") + b"\n%HANG\n",
        "crashes.pdf": craft.text_pdf("crashes") + b"\n%CRASH\n",
        "good.pdf": craft.text_pdf("lighthouse"),
        "photo.jpg": craft.photo_jpeg(tmp_path),
    }
    hostile = craft.bundle_zip(tmp_path / "hostile.zip", files, submission_id="HOSTILE-1")
    later = craft.bundle_zip(
        tmp_path / "later.zip", {"p.pdf": craft.text_pdf("harbour")}, submission_id="LATER-1"
    )
    started = time.monotonic()
    report = Importer(folder, extract=True).import_paths([hostile, later])
    assert time.monotonic() - started < 30
    assert [r.submission_id for r in report.imported] == ["HOSTILE-1", "LATER-1"]
    warnings = report.imported[0].warnings
    assert any(
        w.startswith("hangs.pdf: took more than 2 seconds to read, so reading it was stopped")
        for w in warnings
    ), warnings
    assert any(
        w.startswith("crashes.pdf: made the program reading it stop unexpectedly") for w in warnings
    ), warnings
    found = statuses(folder)
    assert found["hangs.pdf"][0] == found["crashes.pdf"][0] == "failed"
    assert found["good.pdf"][0] == found["p.pdf"][0] == found["photo.jpg"][0] == "done"
    assert found["photo.jpg"][1]
    assert {hit.submission_id for hit in search_folder(folder, "lighthouse")} == {"HOSTILE-1"}
    assert {hit.submission_id for hit in search_folder(folder, "harbour")} == {"LATER-1"}


def test_the_pool_replaces_a_dead_worker_and_goes_on(tmp_path: Path) -> None:
    good = tmp_path / "good.pdf"
    good.write_bytes(craft.text_pdf("meadow"))
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(craft.text_pdf("x") + b"\n%CRASH\n")
    with derive_pool.DerivePool(
        derive_hostile.work, failed_with, ImportLimits(), workers=1, item_seconds=20
    ) as pool:
        results = [pool.submit(p, "application/pdf") for p in (bad, good, bad, good)]
        done = [f.result(timeout=60) for f in results]
    assert [d.status for d in done] == ["failed", "done", "failed", "done"]
    assert "meadow" in done[1].pages[0].text


def test_pdfium_reads_the_text_and_pypdf_takes_what_pdfium_cannot_open(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(craft.text_pdf("orchard ladder", pages=3))
    pages, warnings = pdf.extract_with_pdfium(path)
    assert [p.page for p in pages] == [1, 2, 3] and not warnings
    assert "orchard ladder" in pages[0].text and "\r" not in pages[0].text
    damaged = tmp_path / "damaged.pdf"
    damaged.write_bytes(b"%PDF-1.4\nnot a pdf at all\n")
    assert pdf.extract_with_pdfium(damaged) == pdf.extract(damaged)


def test_a_cancel_keeps_whole_bundles_and_leaves_their_unread_files_for_later(
    folder: DataFolder, tmp_path: Path, on_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "derive_in_worker", derive_hostile.work)
    slow = craft.bundle_zip(
        tmp_path / "a.zip", {"slow.pdf": craft.text_pdf("slow") + b"\n%HANG\n"}, submission_id="A-1"
    )
    rest = [
        craft.bundle_zip(
            tmp_path / f"b{n}.zip", {"p.pdf": craft.text_pdf(f"b{n}")}, submission_id=f"B-{n}"
        )
        for n in range(3)
    ]
    cancel = CancelToken()

    def progress(report: ProgressReport) -> None:
        if report.current.endswith("b1.zip"):
            cancel.cancel()

    started = time.monotonic()
    report = Importer(folder, progress=progress, cancel=cancel, extract=True).import_paths(
        [slow, *rest]
    )
    assert time.monotonic() - started < 20  # the hung reader was not waited for
    assert report.cancelled
    assert [r.submission_id for r in report.imported] == ["A-1", "B-0"]
    found = statuses(folder)
    assert found["slow.pdf"][0] == "pending"  # derived by the next import or derive_pending
    with folder.read_sessions() as session:
        assert session.scalar(select(EvidenceItem.id).where(EvidenceItem.path == "p.pdf"))


def test_derive_pending_on_workers_hears_a_cancel_while_a_reader_hangs(
    folder: DataFolder, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(derive, "derive_in_worker", derive_hostile.work)
    files = {
        "hangs.pdf": craft.text_pdf("hangs") + b"\n%HANG\n",
        "good.pdf": craft.text_pdf("good"),
    }
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, submission_id="LATER-2")
    assert len(Importer(folder).import_paths([bundle]).imported) == 1  # --no-extract
    cancel = CancelToken()
    threading.Timer(1.0, cancel.cancel).start()
    started = time.monotonic()
    report = derive_pending(folder, cancel=cancel, workers=1)
    assert time.monotonic() - started < 15
    assert report.cancelled
    assert statuses(folder)["hangs.pdf"][0] == "pending"


def test_a_photo_thumbnail_decodes_at_the_smallest_scale_that_covers_it(tmp_path: Path) -> None:
    """A 4:3 photo of 2560 x 1920 is decoded at 1/8 (320 x 240, all a 320 x 240
    thumbnail needs), not at 1/4 as asking for the square 320 x 320 box did."""
    from PIL import Image

    from reviewer_app.evidence.readers import image

    path = tmp_path / "wide.jpg"
    Image.new("RGB", (2560, 1920), (90, 140, 60)).save(path, "JPEG")
    decoded: list[tuple[int, int]] = []
    real_load = Image.Image.load

    def load(self: Image.Image) -> object:
        result = real_load(self)
        if self.format == "JPEG":
            decoded.append(self.size)
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Image.Image, "load", load)
        data = image.thumbnail(path, ImportLimits().max_image_pixels)
    assert decoded and decoded[0] == (320, 240)
    with Image.open(io.BytesIO(data)) as thumb:
        assert thumb.size == (320, 240)


def test_idle_workers_end_by_themselves_when_the_pool_closes(tmp_path: Path) -> None:
    """A worker told to stop ends at once with status 0: not killed, and not waited
    for through the interpreter's teardown."""
    good = tmp_path / "good.pdf"
    good.write_bytes(craft.text_pdf("meadow"))
    with derive_pool.DerivePool(
        derive_hostile.work, failed_with, ImportLimits(), workers=2, item_seconds=20
    ) as pool:
        pool.start_workers()
        assert pool.submit(good, "application/pdf").result(timeout=60).status == "done"
        processes = [w.process for w in pool._state.workers]
    assert len(processes) == 2
    assert [p.exitcode for p in processes] == [0, 0]


def test_bundles_derived_early_are_saved_without_waiting_for_the_last(
    folder: DataFolder, tmp_path: Path, on_workers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once every file has streamed in, each bundle is saved as soon as it is derived
    (and the save before it is done), not with the slowest one."""
    monkeypatch.setattr(importer, "derive_in_worker", derive_hostile.work)
    monkeypatch.setattr(derive_pool, "ITEM_SECONDS", 3.0)
    paths = [
        craft.bundle_zip(
            tmp_path / f"b{n}.zip", {"p.pdf": craft.text_pdf(f"b{n}")}, submission_id=f"B-{n}"
        )
        for n in range(2)
    ]
    paths.append(
        craft.bundle_zip(
            tmp_path / "slow.zip",
            {"slow.pdf": craft.text_pdf("slow") + b"\n%HANG\n"},
            submission_id="SLOW-1",
        )
    )
    saves: list[list[str]] = []
    real_save = Importer._save

    def save(self: Importer, good: list[ReadyBundle], report: ImportReport) -> None:
        saves.append([ready.plan.submission_id for ready in good])
        real_save(self, good, report)

    monkeypatch.setattr(Importer, "_save", save)
    report = Importer(folder, extract=True).import_paths(paths)
    assert [r.submission_id for r in report.imported] == ["B-0", "B-1", "SLOW-1"]
    assert saves[-1] == ["SLOW-1"], saves
    assert statuses(folder)["slow.pdf"][0] == "failed"


def _two_colour_jpeg(path: Path, size: tuple[int, int], orientation: int | None) -> Path:
    """A camera-sized JPEG whose stored left half is red and right half blue."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, (220, 30, 30))
    ImageDraw.Draw(image).rectangle((size[0] // 2, 0, size[0], size[1]), fill=(30, 30, 220))
    exif = Image.Exif()
    if orientation is not None:
        exif[0x0112] = orientation
    image.save(path, "JPEG", quality=90, exif=exif.tobytes())
    return path


@pytest.mark.parametrize(
    ("stored", "orientation", "decoded", "shown", "red_at"),
    [
        # A 12 MP photo taken on its side, stored landscape: shown upright, portrait,
        # its stored left (red) half on top; decoded at 1/8 of the stored size.
        ((4032, 3024), 6, (504, 378), (240, 320), "top"),
        # The same photo turned the other way (orientation 8): red at the bottom.
        ((4032, 3024), 8, (504, 378), (240, 320), "bottom"),
        # Stored portrait, no EXIF orientation: left half red.
        ((2448, 3264), None, (306, 408), (240, 320), "left"),
        # 8 MP landscape: 1/8 is 408 x 306, still covering a 320 x 240 thumbnail.
        ((3264, 2448), 1, (408, 306), (320, 240), "left"),
    ],
)
def test_a_camera_photo_thumbnail_is_upright_and_decoded_at_one_eighth(
    tmp_path: Path,
    stored: tuple[int, int],
    orientation: int | None,
    decoded: tuple[int, int],
    shown: tuple[int, int],
    red_at: str,
) -> None:
    from PIL import Image

    from reviewer_app.evidence.readers import image

    path = _two_colour_jpeg(tmp_path / "photo.jpg", stored, orientation)
    sizes: list[tuple[int, int]] = []
    real_load = Image.Image.load

    def load(self: Image.Image) -> object:
        result = real_load(self)
        if self.format == "JPEG":
            sizes.append(self.size)
        return result

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Image.Image, "load", load)
        data = image.thumbnail(path, ImportLimits().max_image_pixels)
    assert sizes and sizes[0] == decoded
    with Image.open(io.BytesIO(data)) as thumb:
        assert thumb.format == "JPEG" and thumb.size == shown
        rgb = thumb.convert("RGB")
        width, height = thumb.size
        probes = {
            "top": ((width // 2, height // 8), (width // 2, height * 7 // 8)),
            "bottom": ((width // 2, height * 7 // 8), (width // 2, height // 8)),
            "left": ((width // 8, height // 2), (width * 7 // 8, height // 2)),
        }
        red_probe, blue_probe = probes[red_at]
        red, blue = rgb.getpixel(red_probe), rgb.getpixel(blue_probe)
        assert isinstance(red, tuple) and isinstance(blue, tuple)
        assert red[0] > 150 and red[2] < 100, red
        assert blue[2] > 150 and blue[0] < 100, blue

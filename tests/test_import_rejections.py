"""Every reason the bundle format gives to reject a bundle, each with a real crafted file.

Each test starts from a data folder that already holds one submission, imports the bad
bundle, and checks that the message names the bundle (and the entry, where there is
one) and that the database and the store are exactly as they were.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reviewer_app.demo import media
from reviewer_app.evidence.importer import Importer
from reviewer_app.evidence.limits import GiB, ImportLimits, MiB
from reviewer_app.storage.datafolder import DataFolder
from tests import craft


@pytest.fixture
def seeded(folder: DataFolder, tmp_path: Path) -> DataFolder:
    first = craft.bundle_zip(
        tmp_path / "first.zip", {"plan.pdf": craft.text_pdf()}, submission_id="EXISTING-1"
    )
    assert len(Importer(folder).import_paths([first]).imported) == 1
    return folder


def rejects(
    folder: DataFolder, bundle: Path, *expected: str, limits: ImportLimits | None = None
) -> str:
    before = craft.snapshot(folder.root)
    report = Importer(folder, limits).import_paths([bundle])
    assert report.imported == [] and report.skipped == [], report
    assert len(report.rejected) == 1, report
    error = report.rejected[0].error
    assert str(bundle) in error, error  # names the bundle
    for words in expected:
        assert words in error, error
    assert craft.snapshot(folder.root) == before
    assert list(folder.store.tmp.iterdir()) == []
    return error


def test_not_a_zip_or_folder(seeded: DataFolder, tmp_path: Path) -> None:
    path = tmp_path / "portfolio.pdf"
    path.write_bytes(craft.text_pdf())
    rejects(seeded, path, "is not a zip file or a folder")
    rejects(seeded, tmp_path / "nowhere.zip", "does not exist")


def test_damaged_zip(seeded: DataFolder, tmp_path: Path) -> None:
    good = craft.bundle_zip(tmp_path / "g.zip", {"plan.pdf": craft.text_pdf()}).read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(good[: len(good) // 2] + b"PK\x05\x06" + bytes(18))
    rejects(seeded, cut, "zip")


def test_invalid_json(seeded: DataFolder, tmp_path: Path) -> None:
    bundle = craft.write_zip(
        tmp_path / "b.zip", {"manifest.json": b'{"format": "evidence-bundle/1",'}
    )
    rejects(seeded, bundle, "'manifest.json'", "is not valid JSON", "line 1")


BROKEN_MANIFESTS: list[tuple[str, Callable[[dict[str, Any]], None], str]] = [
    (
        "wrong format",
        lambda d: d.update(format="evidence-bundle/2"),
        'format: must be exactly "evidence-bundle/1"',
    ),
    ("no submission id", lambda d: d.pop("submission_id"), "'submission_id' is missing"),
    (
        "empty submission id",
        lambda d: d.update(submission_id=""),
        "submission_id: must not be empty",
    ),
    (
        "long submission id",
        lambda d: d.update(submission_id="x" * 201),
        "submission_id: is longer than 200",
    ),
    ("attempt zero", lambda d: d.update(attempt=0), "attempt: must be at least 1"),
    ("attempt text", lambda d: d.update(attempt="2"), "attempt: must be a whole number"),
    ("no offset", lambda d: d.update(submitted_at="2026-10-03T14:22:05"), "RFC 3339"),
    ("not a date", lambda d: d.update(submitted_at="last Tuesday"), "RFC 3339"),
    ("no earner name", lambda d: d["earner"].pop("name"), "earner: the required field 'name'"),
    (
        "no credential id",
        lambda d: d["credential"].pop("id"),
        "credential: the required field 'id'",
    ),
    ("no evidence", lambda d: d.update(evidence=[]), "evidence: needs at least 1 entry"),
    (
        "bad hash",
        lambda d: d["evidence"][0].update(sha256="ABC"),
        "evidence[0].sha256: must be 64 lowercase hexadecimal",
    ),
    (
        "item without path or text",
        lambda d: d["evidence"][0].pop("path"),
        "evidence[0]: the required field 'path' is missing",
    ),
    ("not an object", lambda d: d.clear(), "the required field"),
]


@pytest.mark.parametrize(
    ("change", "message"),
    [(c, m) for _, c, m in BROKEN_MANIFESTS],
    ids=[name for name, _, _ in BROKEN_MANIFESTS],
)
def test_manifest_that_breaks_the_format(
    seeded: DataFolder, tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    doc = craft.manifest(files, submission_id="NEW-1")
    change(doc)
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, doc)
    rejects(seeded, bundle, "'manifest.json' is not a valid manifest", message)


def test_manifest_that_is_not_an_object(seeded: DataFolder, tmp_path: Path) -> None:
    bundle = craft.write_zip(tmp_path / "b.zip", {"manifest.json": b"[1, 2]"})
    rejects(seeded, bundle, "must be an object")


def test_listed_file_missing(seeded: DataFolder, tmp_path: Path) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    doc = craft.manifest({**files, "photo.jpg": b"never packed"}, submission_id="NEW-1")
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, doc)
    rejects(seeded, bundle, "evidence[1] lists 'photo.jpg', which is not in the bundle")


def test_hash_mismatch(seeded: DataFolder, tmp_path: Path) -> None:
    doc = craft.manifest({"plan.pdf": craft.text_pdf("original")}, submission_id="NEW-1")
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"plan.pdf": craft.text_pdf("edited")}, doc)
    rejects(seeded, bundle, "'plan.pdf'", "does not match its hash in manifest.json")


def test_zip_slip_entry(seeded: DataFolder, tmp_path: Path) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    doc = craft.manifest(files, submission_id="NEW-1")
    bundle = craft.write_zip(
        tmp_path / "b.zip",
        {"manifest.json": json.dumps(doc).encode(), **files, "../../.bashrc": b"echo owned"},
    )
    rejects(seeded, bundle, "'../../.bashrc'", "'..' segment", "outside the bundle")


def test_manifest_path_with_dotdot(seeded: DataFolder, tmp_path: Path) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    doc = craft.manifest(files, submission_id="NEW-1")
    doc["evidence"][0]["path"] = "docs/../../plan.pdf"
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, doc)
    rejects(seeded, bundle, "'docs/../../plan.pdf'", "'..' segment")


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("/etc/cron.d/job", "absolute path"),
        ("C:/Windows/evil.dll", "absolute path"),
        # A backslash is refused before it could be read as a separator (zipsafety).
        ("\\\\server\\x", "has a backslash in its name"),
    ],
)
def test_absolute_entry_path(seeded: DataFolder, tmp_path: Path, name: str, words: str) -> None:
    path = tmp_path / "b.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", "{}")
        info = zipfile.ZipInfo("placeholder")
        z.writestr(info, b"x")
    # zipfile strips leading slashes when writing, so put the hostile name in by hand.
    data = path.read_bytes().replace(b"placeholder", name.encode().ljust(11, b"_")[:11])
    if len(name) != 11:
        data = _rename_entry(path, "placeholder", name)
    path.write_bytes(data)
    rejects(seeded, path, words)


def _rename_entry(path: Path, old: str, new: str) -> bytes:
    rebuilt = path.with_suffix(".tmp")
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(rebuilt, "w") as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == old:
                info.filename = new  # ZipInfo() would clean the name; setting it does not
            dst.writestr(info, data)
    out = rebuilt.read_bytes()
    rebuilt.unlink()
    return out


def test_symlink_entry_in_zip(seeded: DataFolder, tmp_path: Path) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    doc = craft.manifest(files, submission_id="NEW-1")
    bundle = craft.write_zip(
        tmp_path / "b.zip",
        {"manifest.json": json.dumps(doc).encode(), **files},
        symlinks={"key": "/root/.ssh/id_rsa"},
    )
    rejects(seeded, bundle, "'key'", "symbolic link")


def test_symlink_in_folder(seeded: DataFolder, tmp_path: Path) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    bundle = craft.bundle_dir(tmp_path / "bundle", files, submission_id="NEW-1")
    (tmp_path / "secret.txt").write_text("not evidence")
    os.symlink(tmp_path / "secret.txt", bundle / "secret.txt")
    rejects(seeded, bundle, "'secret.txt'", "symbolic link")


def test_fifo_in_folder(seeded: DataFolder, tmp_path: Path) -> None:
    bundle = craft.bundle_dir(
        tmp_path / "bundle", {"plan.pdf": craft.text_pdf()}, submission_id="NEW-1"
    )
    os.mkfifo(bundle / "pipe")
    rejects(seeded, bundle, "'pipe'", "not a regular file")


def test_encrypted_entry(seeded: DataFolder, tmp_path: Path) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, submission_id="NEW-1")
    craft.patch_entry(bundle, "plan.pdf", flag_bits=0x1)
    with zipfile.ZipFile(bundle) as z:
        assert z.getinfo("plan.pdf").flag_bits & 0x1  # what any zip tool would see
    rejects(seeded, bundle, "'plan.pdf'", "is encrypted")


def test_zip_bomb_by_ratio(seeded: DataFolder, tmp_path: Path) -> None:
    files = {"video.mp4": b"\0\0\0\x18ftypmp42" + bytes(50 * MiB)}
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, submission_id="NEW-1")
    assert bundle.stat().st_size < MiB
    rejects(seeded, bundle, "'video.mp4'", "expands", "a zip bomb")


def test_zip_bomb_by_declared_file_size(seeded: DataFolder, tmp_path: Path) -> None:
    files = {"plan.pdf": craft.text_pdf()}
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, submission_id="NEW-1")
    craft.patch_entry(bundle, "plan.pdf", declared_size=300 * MiB)
    rejects(seeded, bundle, "'plan.pdf'", "314,572,800 bytes", "for one file")


def test_zip_bomb_by_declared_bundle_size(seeded: DataFolder, tmp_path: Path) -> None:
    files = {f"part{n}.pdf": craft.text_pdf(f"part {n}") for n in range(6)}
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, submission_id="NEW-1")
    for name in files:
        craft.patch_entry(bundle, name, declared_size=190 * MiB)
    rejects(seeded, bundle, f"holds more than {GiB:,} bytes")


def test_actual_size_past_what_the_zip_declares(seeded: DataFolder, tmp_path: Path) -> None:
    files = {"notes.txt": b"reflection " * 100_000}
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, submission_id="NEW-1")
    craft.patch_entry(bundle, "notes.txt", declared_size=1000)
    rejects(seeded, bundle, "'notes.txt'")


def test_bundle_size_limit_is_configurable(seeded: DataFolder, tmp_path: Path) -> None:
    files = {f"p{n}.bin": os.urandom(400_000) for n in range(3)}
    bundle = craft.bundle_zip(tmp_path / "b.zip", files, submission_id="NEW-1")
    rejects(
        seeded, bundle, "holds more than 1,048,576 bytes", limits=ImportLimits(max_bundle_bytes=MiB)
    )


def test_too_many_entries(seeded: DataFolder, tmp_path: Path) -> None:
    entries = {f"scan/{n:05}.txt": b"" for n in range(10_001)}
    bundle = craft.write_zip(tmp_path / "b.zip", entries, compression=zipfile.ZIP_STORED)
    rejects(seeded, bundle, "more than the limit of 10,000")


def test_pdf_that_is_not_one(seeded: DataFolder, tmp_path: Path) -> None:
    photo = craft.photo_jpeg(tmp_path)
    bundle = craft.bundle_zip(
        tmp_path / "b.zip",
        {"plan.pdf": photo},
        submission_id="NEW-1",
        media_types={"plan.pdf": "application/pdf"},
    )
    rejects(seeded, bundle, "'plan.pdf'", "is said to be a PDF but is a JPEG image")


def test_png_that_is_a_jpeg(seeded: DataFolder, tmp_path: Path) -> None:
    photo = craft.photo_jpeg(tmp_path)
    bundle = craft.bundle_zip(
        tmp_path / "b.zip",
        {"p.png": photo},
        submission_id="NEW-1",
        media_types={"p.png": "image/png"},
    )
    rejects(seeded, bundle, "'p.png'", "is said to be a PNG image but is a JPEG image")


def test_image_that_cannot_be_opened(seeded: DataFolder, tmp_path: Path) -> None:
    broken = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"p.png": broken}, submission_id="NEW-1")
    rejects(seeded, bundle, "'p.png'", "image")


def test_decompression_bomb_png(seeded: DataFolder, tmp_path: Path) -> None:
    bomb = media.write_decompression_bomb_png(tmp_path / "bomb.png").read_bytes()
    assert len(bomb) < 100_000
    bundle = craft.bundle_zip(
        tmp_path / "b.zip",
        {"scan.png": bomb},
        submission_id="NEW-1",
        media_types={"scan.png": "image/png"},
    )
    rejects(seeded, bundle, "'scan.png'", "decompression bomb")


def test_bomb_just_past_the_limit_is_refused_too(seeded: DataFolder, tmp_path: Path) -> None:
    # Between one and two times the limit Pillow only warns; we refuse all the same.
    bomb = media.write_decompression_bomb_png(
        tmp_path / "bomb.png", width=10_000, height=9_000
    ).read_bytes()
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"scan.png": bomb}, submission_id="NEW-1")
    rejects(seeded, bundle, "'scan.png'", "decompression bomb")


def test_text_that_is_not_utf8(seeded: DataFolder, tmp_path: Path) -> None:
    latin = media.write_latin1_text(
        tmp_path / "r.txt", "Reflexión: las familias “participaron” más."
    ).read_bytes()
    bundle = craft.bundle_zip(
        tmp_path / "b.zip",
        {"reflection.txt": latin},
        submission_id="NEW-1",
        media_types={"reflection.txt": "text/plain"},
    )
    rejects(seeded, bundle, "'reflection.txt'", "is not UTF-8 text", "byte 0xF3")


def test_text_that_is_not_utf8_without_a_declared_type(seeded: DataFolder, tmp_path: Path) -> None:
    latin = "Reflexión sobre la visita al hogar.\n".encode("cp1252")
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"reflection.txt": latin}, submission_id="NEW-1")
    rejects(seeded, bundle, "'reflection.txt'", "is not UTF-8 text")


def test_utf16_text_with_a_byte_order_mark_is_read(folder: DataFolder, tmp_path: Path) -> None:
    text = "Reflexión: the home visits changed how I plan.".encode("utf-16")
    bundle = craft.bundle_zip(tmp_path / "b.zip", {"r.txt": text}, submission_id="U16")
    assert len(Importer(folder).import_paths([bundle]).imported) == 1


def test_a_rejected_bundle_does_not_stop_the_others(seeded: DataFolder, tmp_path: Path) -> None:
    bad = craft.bundle_zip(
        tmp_path / "bad.zip",
        {"a.pdf": b"not a pdf"},
        submission_id="X-1",
        media_types={"a.pdf": "application/pdf"},
    )
    good = craft.bundle_zip(
        tmp_path / "good.zip", {"a.png": craft.png_image()}, submission_id="X-2"
    )
    report = Importer(seeded).import_paths([bad, good])
    assert [r.submission_id for r in report.imported] == ["X-2"]
    assert [r.path for r in report.rejected] == [str(bad)]

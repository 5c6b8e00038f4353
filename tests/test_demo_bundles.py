"""The demo data generator: bundles valid per evidence-bundle.md, realistic, deterministic."""

from __future__ import annotations

import hashlib
import io
import json
import random
import re
import struct
import zipfile
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pypdf
import pytest
from PIL import Image, ImageOps

from reviewer_app.demo import (
    DEMO_CREDENTIALS,
    RUBRIC_PARTS,
    generate_bench_bundles,
    generate_demo_bundles,
    generate_rejected_examples,
    generate_warning_examples,
    media,
    write_manifest_bundle,
)

READABLE_TYPES = {
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/gif",
    "image/tiff",
    "text/plain",
    "text/markdown",
}
RFC3339 = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
SHA256 = re.compile(r"^[0-9a-f]{64}$")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff"}


@pytest.fixture(scope="module")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("demo")
    generate_demo_bundles(out)
    return out


def read_tree(path: Path) -> dict[str, bytes]:
    """Every regular file of a zip or folder, by POSIX path inside it."""
    if path.is_dir():
        return {
            p.relative_to(path).as_posix(): p.read_bytes() for p in path.rglob("*") if p.is_file()
        }
    with zipfile.ZipFile(path) as archive:
        return {i.filename: archive.read(i) for i in archive.infolist() if not i.is_dir()}


def manifest_bundles(demo_dir: Path) -> Iterator[tuple[str, dict[str, Any], dict[str, bytes]]]:
    """(label, manifest, files) of every manifest bundle, batches unpacked."""
    for path in sorted(demo_dir.iterdir()):
        tree = read_tree(path)
        if "manifest.json" in tree:
            yield path.name, json.loads(tree["manifest.json"]), tree
            continue
        folders = {name.split("/")[0] for name in tree if "/" in name}
        for folder in sorted(folders):
            inner = {
                name[len(folder) + 1 :]: data
                for name, data in tree.items()
                if name.startswith(folder + "/")
            }
            if "manifest.json" in inner:
                yield f"{path.name}/{folder}", json.loads(inner["manifest.json"]), inner


def all_files(demo_dir: Path) -> Iterator[tuple[str, bytes]]:
    for path in sorted(demo_dir.iterdir()):
        for name, data in read_tree(path).items():
            yield f"{path.name}/{name}", data


def tree_hashes(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def check_manifest(label: str, manifest: dict[str, Any], files: dict[str, bytes]) -> None:
    assert manifest["format"] == "evidence-bundle/1", label
    assert 1 <= len(manifest["submission_id"]) <= 200, label
    assert isinstance(manifest.get("attempt", 1), int) and manifest.get("attempt", 1) >= 1
    assert RFC3339.match(manifest["submitted_at"]), label
    assert datetime.fromisoformat(manifest["submitted_at"]).tzinfo is not None
    earner = manifest["earner"]
    assert earner["id"] == f"mailto:{earner['email']}" and earner["name"], label
    assert manifest["credential"]["id"] in {c.id for c in DEMO_CREDENTIALS}, label
    assert manifest["evidence"], label
    for item in manifest["evidence"]:
        assert item.get("part", "overview") in RUBRIC_PARTS, (label, item)
        if "text" in item:
            assert item["text"].strip() and item["title"], (label, item)
            continue
        path = item["path"]
        assert not path.startswith("/") and ".." not in path.split("/"), (label, path)
        assert SHA256.match(item["sha256"]), (label, path)
        assert hashlib.sha256(files[path]).hexdigest() == item["sha256"], (label, path)
        assert item.get("media_type", "application/pdf") in READABLE_TYPES, (label, item)


def test_demo_set_covers_every_shape(demo_dir: Path) -> None:
    paths = sorted(demo_dir.iterdir())
    assert 12 <= len(paths) <= 16
    assert sum(p.is_dir() for p in paths) >= 2
    assert not [p for p in paths if p.name.startswith(".")], "no partial files left behind"
    loose = read_tree(demo_dir / "Samuel Okafor.zip")
    assert "manifest.json" not in loose and len(loose) >= 2
    batch = read_tree(demo_dir / "GEC-batch-2026-10.zip")
    tops = {name.split("/")[0] for name in batch}
    assert len(tops) == 2 and all(f"{top}/manifest.json" in batch for top in tops)
    with zipfile.ZipFile(demo_dir / "FAP-2026-0142.zip") as archive:
        kinds = {i.filename.rsplit(".", 1)[1]: i.compress_type for i in archive.infolist()}
    assert kinds["jpg"] == zipfile.ZIP_STORED and kinds["pdf"] == zipfile.ZIP_DEFLATED


def test_demo_manifests_follow_the_spec(demo_dir: Path) -> None:
    bundles = list(manifest_bundles(demo_dir))
    assert len(bundles) == 14
    for label, manifest, files in bundles:
        check_manifest(label, manifest, files)
    ids = [m["submission_id"] for _, m, _ in bundles]
    assert len(set(ids)) == len(ids)
    items = [item for _, m, _ in bundles for item in m["evidence"] if "path" in item]
    assert any("media_type" not in item for item in items)
    assert any("part" not in item for item in items)
    assert {m["credential"]["id"] for _, m, _ in bundles} == {c.id for c in DEMO_CREDENTIALS}


def test_two_earners_resubmitted(demo_dir: Path) -> None:
    by_earner: dict[str, list[dict[str, Any]]] = {}
    for _, manifest, _ in manifest_bundles(demo_dir):
        by_earner.setdefault(manifest["earner"]["id"], []).append(manifest)
    resubmitted = [attempts for attempts in by_earner.values() if len(attempts) > 1]
    assert len(resubmitted) >= 2
    for attempts in resubmitted:
        first, second = sorted(attempts, key=lambda m: m.get("attempt", 1))
        assert second["attempt"] == 2 and second["submission_id"] != first["submission_id"]
        assert datetime.fromisoformat(second["submitted_at"]) > datetime.fromisoformat(
            first["submitted_at"]
        )
        assert second["notes"] == "Resubmission: revised the reflection after feedback."


def test_every_pdf_opens_and_text_pdfs_give_their_words(demo_dir: Path) -> None:
    kinds: dict[str, int] = {"text": 0, "image-only": 0, "encrypted": 0}
    for name, data in all_files(demo_dir):
        if not name.endswith(".pdf"):
            continue
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            kinds["encrypted"] += 1
            assert reader.decrypt("portfolio")
        text = " ".join(page.extract_text() for page in reader.pages)
        if not text.strip():
            kinds["image-only"] += 1
            continue
        kinds["text"] += 1
        assert len(reader.pages) >= 2, name
        assert re.search(r"\b(families|students|family|unit)\b", text), name
    assert kinds["image-only"] == 1 and kinds["encrypted"] == 1 and kinds["text"] >= 10


def test_every_image_opens(demo_dir: Path) -> None:
    orientations, frames = [], []
    for name, data in all_files(demo_dir):
        if Path(name).suffix.lower() not in IMAGE_SUFFIXES:
            continue
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            orientations.append(image.getexif().get(0x0112))
            frames.append(getattr(image, "n_frames", 1))
            if image.getexif().get(0x0112) == 6:
                assert ImageOps.exif_transpose(image).size == image.size[::-1]
    assert 6 in orientations
    assert max(frames) >= 2  # the multi-frame TIFF


def test_texts_are_searchable_and_differ(demo_dir: Path) -> None:
    corpus: list[str] = []
    overviews: list[str] = []
    for _, manifest, files in manifest_bundles(demo_dir):
        for item in manifest["evidence"]:
            if "text" in item:
                corpus.append(item["text"])
                if item["part"] == "overview":
                    overviews.append(item["text"])
            elif item["path"].endswith((".md", ".txt")):
                corpus.append(files[item["path"]].decode("utf-8"))
            elif item["path"].endswith(".pdf"):
                reader = pypdf.PdfReader(io.BytesIO(files[item["path"]]))
                if not reader.is_encrypted:
                    corpus.extend(page.extract_text() for page in reader.pages)
    text = " ".join(corpus).replace("\n", " ")
    for phrase in ("home visit", "bilingual newsletter", "field trip", "sentence frames"):
        assert phrase in text, phrase
    # Resubmissions repeat their overview answers; everyone else writes their own.
    assert len(set(overviews)) >= len(overviews) - 4


def test_same_seed_gives_identical_bytes(demo_dir: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    generate_demo_bundles(again, seed=7)
    assert tree_hashes(again) == tree_hashes(demo_dir)


def test_rejected_examples(tmp_path: Path) -> None:
    rejected = generate_rejected_examples(tmp_path)
    expected = {"not-a-pdf", "hash-mismatch", "missing-file", "invalid-json", "wrong-format"}
    assert expected | {"bomb-png", "latin1-text"} <= set(rejected)
    trees = {reason: read_tree(path) for reason, path in rejected.items() if reason != "not-a-zip"}
    assert trees["not-a-pdf"]["plan.pdf"].startswith(b"\xff\xd8\xff")
    with pytest.raises(json.JSONDecodeError):
        json.loads(trees["invalid-json"]["manifest.json"])
    assert json.loads(trees["wrong-format"]["manifest.json"])["format"] != "evidence-bundle/1"
    mismatch = json.loads(trees["hash-mismatch"]["manifest.json"])["evidence"][0]["sha256"]
    assert mismatch != hashlib.sha256(trees["hash-mismatch"]["plan.pdf"]).hexdigest()
    listed = json.loads(trees["missing-file"]["manifest.json"])["evidence"]
    assert any(item["path"] not in trees["missing-file"] for item in listed)
    with pytest.raises(UnicodeDecodeError):
        trees["latin1-text"]["reflection.txt"].decode("utf-8")
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(trees["bomb-png"]["chart.png"]))
    assert not zipfile.is_zipfile(rejected["not-a-zip"])


def test_warning_examples(tmp_path: Path) -> None:
    warnings = generate_warning_examples(tmp_path)
    damaged = read_tree(warnings["damaged-pdf"])["log.pdf"]
    assert damaged.startswith(b"%PDF-1.")
    with pytest.raises(pypdf.errors.PyPdfError):
        _ = pypdf.PdfReader(io.BytesIO(damaged)).pages[0]
    tree = read_tree(warnings["unlisted-file"])
    listed = {i["path"] for i in json.loads(tree["manifest.json"])["evidence"]}
    assert set(tree) - listed - {"manifest.json"}


def test_bomb_png_is_tiny_but_declares_too_many_pixels(tmp_path: Path) -> None:
    path = media.write_decompression_bomb_png(tmp_path / "bomb.png")
    data = path.read_bytes()
    assert len(data) < 64 * 1024
    width, height = struct.unpack(">II", data[16:24])
    limit = Image.MAX_IMAGE_PIXELS
    assert limit is not None and width * height > 2 * limit
    with pytest.raises(Image.DecompressionBombError):
        Image.open(path)


def test_latin1_text_is_not_utf8(tmp_path: Path) -> None:
    text = "Reflexión: “mis familias” \u2013 el niño leyó."
    data = media.write_latin1_text(tmp_path / "r.txt", text).read_bytes()
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    assert data.decode("cp1252") == text
    with pytest.raises(ValueError):
        media.write_latin1_text(tmp_path / "ascii.txt", "plain ASCII")


def test_text_pdf_pages_and_words(tmp_path: Path) -> None:
    paragraphs = [
        f"Paragraph {i} about the bilingual newsletter and a home visit." for i in range(9)
    ]
    path = media.write_text_pdf(tmp_path / "t.pdf", title="Plan", paragraphs=paragraphs, pages=3)
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) == 3
    assert "Paragraph 8 about the bilingual newsletter" in reader.pages[2].extract_text()


def test_photo_orientation_and_camera_size(tmp_path: Path) -> None:
    path = media.write_photo_jpeg(
        tmp_path / "p.jpg",
        width=400,
        height=300,
        rng=random.Random(1),
        caption="Señal",
        exif_orientation=6,
    )
    with Image.open(path) as image:
        assert image.size == (400, 300) and image.getexif()[0x0112] == 6
        assert ImageOps.exif_transpose(image).size == (300, 400)


def test_write_manifest_bundle_fills_hashes(tmp_path: Path) -> None:
    pdf = media.render_text_pdf(title="Plan", paragraphs=["A plan."])
    fields = {
        "format": "evidence-bundle/1",
        "submission_id": "T-1",
        "submitted_at": "2026-10-03T14:22:05-05:00",
        "earner": {"id": "mailto:a@example.org", "name": "A"},
        "credential": {"id": DEMO_CREDENTIALS[0].id},
        "evidence": [{"path": "a.pdf", "part": "artifacts"}, {"path": "b.pdf", "sha256": "0" * 64}],
    }
    for as_zip, out in ((True, tmp_path / "t.zip"), (False, tmp_path / "t")):
        tree = read_tree(write_manifest_bundle(out, fields, {"a.pdf": pdf}, as_zip=as_zip))
        items = json.loads(tree["manifest.json"])["evidence"]
        assert items[0]["sha256"] == hashlib.sha256(pdf).hexdigest()
        assert items[1]["sha256"] == "0" * 64 and "b.pdf" not in tree
    with pytest.raises(FileExistsError):
        write_manifest_bundle(tmp_path / "t.zip", fields, {"a.pdf": pdf}, as_zip=True)


def test_bench_bundles_reach_their_target(tmp_path: Path) -> None:
    target = 8 * 1024 * 1024
    paths = generate_bench_bundles(tmp_path, count=4, target_bytes=target, seed=3)
    assert len(paths) == 4
    total, hashes = 0, []
    for path in paths:
        tree = read_tree(path)
        manifest = json.loads(tree["manifest.json"])
        check_manifest(path.name, manifest, tree)
        for item in manifest["evidence"]:
            if "path" in item:
                total += len(tree[item["path"]])
                hashes.append(item["sha256"])
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                stored = info.filename.endswith(".jpg")
                assert (info.compress_type == zipfile.ZIP_STORED) == stored, info.filename
    assert total >= target
    assert len(set(hashes)) == len(hashes), "every file differs, so nothing deduplicates"


def test_demo_package_imports_no_qt() -> None:
    package = Path(media.__file__).parent
    for source in package.glob("*.py"):
        assert not re.search(
            r"^\s*(from|import)\s+(PySide6|PyQt|shiboken)", source.read_text(), re.M
        )


def test_public_names_stay_importable_from_bundles_and_the_package() -> None:
    import reviewer_app.demo as package
    from reviewer_app.demo import bundles

    assert bundles.__all__ == [
        "CULTURAL_PROFICIENCY",
        "DEMO_CREDENTIALS",
        "EARNERS",
        "FAMILIES_AS_PARTNERS",
        "GLOBAL_CLASSROOM",
        "RUBRIC_PARTS",
        "Credential",
        "Earner",
        "generate_bench_bundles",
        "generate_demo_bundles",
        "generate_rejected_examples",
        "generate_warning_examples",
        "write_bundle_files",
        "write_manifest_bundle",
    ]
    assert sorted(package.__all__) == sorted(["media", *bundles.__all__])
    for name in bundles.__all__:
        assert getattr(package, name) is getattr(bundles, name)
    assert package.media is media

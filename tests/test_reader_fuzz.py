"""Acceptance: mutation fuzzing of the image, PDF, manifest and definition readers, and
of whole bundle and batch zips through import and derivation, and of packet zips.

Real seed files are made here (PDFs with reportlab, images with Pillow, a manifest and
the demo definitions), then mutated with a fixed seed for a bounded time. Every outcome
must be "kept", "kept with a warning" or "refused with a message": any other exception,
or a case that runs past its time, is a finding, and the test lists them all.
"""

from __future__ import annotations

import io
import json
import os
import random
import signal
import time
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

from reviewer_app.demo import media
from reviewer_app.evidence.derive import derive_pending
from reviewer_app.evidence.importer import Importer
from reviewer_app.evidence.inspect import inspect_file
from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.evidence.plan import plan_manifest_bundle
from reviewer_app.evidence.readers import InvalidEvidence, image, pdf
from reviewer_app.evidence.sources import BundleRejected, DirSource
from reviewer_app.packets.manifest import PACKET_FORMAT, ArchiveRejected, open_archive
from reviewer_app.resources import resource
from reviewer_app.rubrics.validate import DefinitionRejected, check_content, load_file
from reviewer_app.storage.datafolder import DataFolder
from tests import craft

SEED = int(os.environ.get("READER_FUZZ_SEED", "20261207"))
# Seconds for each reader; READER_FUZZ_SECONDS scales them for a longer hunt.
SCALE = float(os.environ.get("READER_FUZZ_SECONDS", "1"))
BUDGET = {
    "image": 8.0,
    "pdf": 8.0,
    "manifest": 4.0,
    "definition": 4.0,
    "zip": 4.0,
    "packet": 2.0,
}
CASE_SECONDS = 10  # one case past this is a finding (a reader that does not stop)
LIMITS = ImportLimits()

Outcome = str  # "kept", "warned" or "refused"


class _Stalled(Exception):
    pass


@contextmanager
def _deadline(seconds: int) -> Iterator[None]:
    """Raises _Stalled in a case that has used `seconds` of CPU: a profiling timer, so
    that pytest-timeout's own alarm (SIGALRM) stays as it was."""

    def stalled(signum: int, frame: object) -> None:
        raise _Stalled

    previous = signal.signal(signal.SIGPROF, stalled)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


# Seeds ------------------------------------------------------------------------------------


def _image_seeds(tmp: Path) -> dict[str, tuple[bytes, str]]:
    def saved(img: Image.Image, fmt: str, **kw: Any) -> bytes:
        out = io.BytesIO()
        img.save(out, fmt, **kw)
        return out.getvalue()

    rgb = Image.new("RGB", (48, 32), (200, 120, 40))
    frames = [Image.new("L", (16, 16), n * 40) for n in range(3)]
    return {
        "photo.jpg": (craft.photo_jpeg(tmp, orientation=6), "image/jpeg"),
        "plain.png": (saved(rgb, "PNG"), "image/png"),
        "anim.gif": (
            saved(frames[0], "GIF", save_all=True, append_images=frames[1:]),
            "image/gif",
        ),
        "pages.tif": (
            saved(frames[0], "TIFF", save_all=True, append_images=frames[1:]),
            "image/tiff",
        ),
        "still.webp": (saved(rgb, "WEBP"), "image/webp"),
    }


def _pdf_seeds() -> dict[str, bytes]:
    return {
        "plan.pdf": craft.text_pdf("home visit calendar", pages=2),
        "locked.pdf": media.render_text_pdf(
            title="Locked", paragraphs=["secret plan"], user_password="pw"
        ),
    }


def _definition_seeds() -> dict[str, bytes]:
    folder = resource("demo", "definitions")
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.json"))}


# Mutations --------------------------------------------------------------------------------

_INTERESTING = [b"\x00", b"\xff", b"\x7f", b"\x80", b"\xff\xff\xff\xff", b"\x00\x00\x00\x00"]


def mutate_bytes(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not out:
            out += rng.randbytes(8)
        at = rng.randrange(len(out))
        choice = rng.randrange(7)
        if choice == 0:
            out[at] ^= 1 << rng.randrange(8)
        elif choice == 1:
            out[at] = rng.randrange(256)
        elif choice == 2:
            value = rng.choice(_INTERESTING)
            out[at : at + len(value)] = value
        elif choice == 3:
            del out[at : at + rng.randint(1, 64)]
        elif choice == 4:
            chunk = out[at : at + rng.randint(1, 256)]
            out[at:at] = chunk * rng.randint(1, 4)
        elif choice == 5:
            del out[rng.randint(len(out) // 2, len(out)) :]
        else:
            out[at:at] = rng.randbytes(rng.randint(1, 16))
    return bytes(out)


def _random_value(rng: random.Random) -> str:
    """A JSON value, as text, chosen to break readers."""
    return rng.choice(
        [
            '""',
            '"' + "x" * rng.choice([1, 300, 5000]) + '"',
            "-1",
            "0",
            "1e400",
            str(10**30),
            "null",
            "true",
            "[]",
            "{}",
            "[" * 2000 + "]" * 2000,
            '"\\ud800"',
            '"\\u0000\\u001b[2J\\u202e"',
            '"../../etc/passwd"',
            '"/abs/path"',
            "1.5",
            '{"id": 1}',
        ]
    )


def mutate_json(data: bytes, rng: random.Random) -> bytes:
    """Structure-aware: replace, drop or duplicate a value, or mutate the bytes."""
    if rng.random() < 0.25:
        return mutate_bytes(data, rng)
    doc = json.loads(data)
    paths: list[list[Any]] = []

    def walk(node: Any, path: list[Any]) -> None:
        paths.append(path)
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, [*path, key])
        elif isinstance(node, list):
            for n, value in enumerate(node[:20]):
                walk(value, [*path, n])

    walk(doc, [])
    target = rng.choice(paths[1:]) if len(paths) > 1 else []
    marker = "\u0001MARK\u0001"
    parent: Any = doc
    for part in target[:-1]:
        parent = parent[part]
    action = rng.randrange(3)
    if target and action == 0 and isinstance(parent, dict):
        del parent[target[-1]]
        return json.dumps(doc).encode()
    if target:
        parent[target[-1]] = marker
    text = json.dumps(doc)
    replacement = _random_value(rng)
    if action == 2 and target and isinstance(target[-1], str):
        # The same key twice in one object.
        key = json.dumps(target[-1])
        replacement = f"{replacement}, {key}: {_random_value(rng)}"
    return text.replace(json.dumps(marker), replacement, 1).encode()


# Readers ----------------------------------------------------------------------------------


def read_image(path: Path, declared: str) -> Outcome:
    try:
        info = inspect_file(path, declared, path.name, LIMITS)
    except InvalidEvidence as e:
        assert str(e)
        return "refused"
    try:
        image.thumbnail(path, LIMITS.max_image_pixels)
    except InvalidEvidence as e:
        assert str(e)
        return "warned"  # kept; the thumbnail's failure is the item's warning
    return "warned" if info.warnings else "kept"


def read_pdf(path: Path, declared: str) -> Outcome:
    try:
        info = inspect_file(path, declared, path.name, LIMITS)
    except InvalidEvidence as e:
        assert str(e)
        return "refused"
    _pages, warnings = pdf.extract(path)
    return "warned" if info.warnings or warnings else "kept"


def read_manifest(folder: Path, manifest: bytes) -> Outcome:
    (folder / "manifest.json").write_bytes(manifest)
    try:
        plan = plan_manifest_bundle(DirSource(folder, "bundle", "bundle", LIMITS))
    except BundleRejected as e:
        assert e.problem
        return "refused"
    return "warned" if plan.warnings else "kept"


def read_definition(path: Path) -> Outcome:
    try:
        check_content(load_file(path))
    except DefinitionRejected as e:
        assert str(e)
        return "refused"
    return "kept"


def read_zip(folder: DataFolder, path: Path) -> Outcome:
    """A whole import of a mutated bundle or batch zip, then its derivation."""
    report = Importer(folder).import_paths([path])
    for rejection in report.rejected:
        assert rejection.error
    derived = derive_pending(folder)
    if report.rejected:
        return "refused"
    return "warned" if derived.warnings or any(r.warnings for r in report.imported) else "kept"


def read_packet(data: bytes, out: Path) -> Outcome:
    """A packet's container and manifest checked, and every entry extracted."""
    try:
        with open_archive(data, "packet.zip", PACKET_FORMAT) as archive:
            archive.extract_all(out)
    except ArchiveRejected as e:
        assert str(e)
        return "refused"
    return "kept"


def _packet_zip() -> bytes:
    import hashlib
    import zipfile

    files = {"bundles/FUZZ-1.zip": b"bundle bytes " * 40, "reviews.json": b'{"reviews": []}'}
    listed = [
        {"path": name, "sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for name, data in files.items()
    ]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files.items():
            z.writestr(name, data)
        z.writestr("manifest.json", json.dumps({"format": PACKET_FORMAT, "files": listed}))
    return out.getvalue()


def _batch_zip(bundle: bytes) -> bytes:
    """A batch: the bundle as a nested zip, and the same files as a folder."""
    import zipfile

    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bundle)) as inner, zipfile.ZipFile(out, "w") as z:
        z.writestr("first.zip", bundle)
        for info in inner.infolist():
            data = inner.read(info)
            if info.filename == "manifest.json":
                data = data.replace(b"FUZZ-Z1", b"FUZZ-Z2")
            z.writestr(f"second/{info.filename}", data)
    return out.getvalue()


def _fuzz(
    name: str, cases: Callable[[random.Random], Callable[[], Outcome]], findings: list[str]
) -> dict[str, int]:
    rng = random.Random(f"{SEED}/{name}")
    counts: dict[str, int] = {}
    stop = time.monotonic() + BUDGET[name] * SCALE
    while time.monotonic() < stop:
        case = cases(rng)
        try:
            with _deadline(CASE_SECONDS):
                outcome = case()
        except _Stalled:
            findings.append(f"{name}: a case ran past {CASE_SECONDS} s")
            outcome = "stalled"
        except Exception:
            findings.append(f"{name}: {traceback.format_exc(limit=-6)}")
            outcome = "crashed"
        counts[outcome] = counts.get(outcome, 0) + 1
    return counts


def test_mutated_inputs_are_kept_warned_or_refused(folder: DataFolder, tmp_path: Path) -> None:
    findings: list[str] = []
    work = tmp_path / "work"
    work.mkdir()

    images = _image_seeds(tmp_path)

    def image_case(rng: random.Random) -> Callable[[], Outcome]:
        name = rng.choice(sorted(images))
        data, declared = images[name]
        path = work / name
        path.write_bytes(mutate_bytes(data, rng))
        return lambda: read_image(path, declared)

    pdfs = _pdf_seeds()

    def pdf_case(rng: random.Random) -> Callable[[], Outcome]:
        name = rng.choice(sorted(pdfs))
        path = work / name
        path.write_bytes(mutate_bytes(pdfs[name], rng))
        return lambda: read_pdf(path, "application/pdf")

    bundle = tmp_path / "bundle"
    files = {"plan.pdf": craft.text_pdf(), "notes.txt": b"my reflection"}
    craft.bundle_dir(bundle, files, submission_id="FUZZ-1")
    seed_manifest = (bundle / "manifest.json").read_bytes()

    def manifest_case(rng: random.Random) -> Callable[[], Outcome]:
        data = mutate_json(seed_manifest, rng)
        return lambda: read_manifest(bundle, data)

    definitions = _definition_seeds()

    def definition_case(rng: random.Random) -> Callable[[], Outcome]:
        name = rng.choice(sorted(definitions))
        path = work / name
        path.write_bytes(mutate_json(definitions[name], rng))
        return lambda: read_definition(path)

    bundle_zip = craft.bundle_zip(
        tmp_path / "seed.zip",
        {"plan.pdf": craft.text_pdf(), "photo.png": craft.png_image(), "notes.txt": b"hello"},
        submission_id="FUZZ-Z1",
    ).read_bytes()
    zips = [bundle_zip, _batch_zip(bundle_zip)]

    def zip_case(rng: random.Random) -> Callable[[], Outcome]:
        path = work / "bundle.zip"
        path.write_bytes(mutate_bytes(rng.choice(zips), rng))
        return lambda: read_zip(folder, path)

    packet = _packet_zip()
    extracted = iter(range(10**9))

    def packet_case(rng: random.Random) -> Callable[[], Outcome]:
        data = mutate_bytes(packet, rng)
        return lambda: read_packet(data, work / f"packet-{next(extracted)}")

    tally = {
        "image": _fuzz("image", image_case, findings),
        "pdf": _fuzz("pdf", pdf_case, findings),
        "manifest": _fuzz("manifest", manifest_case, findings),
        "definition": _fuzz("definition", definition_case, findings),
        "zip": _fuzz("zip", zip_case, findings),
        "packet": _fuzz("packet", packet_case, findings),
    }
    print(tally)
    distinct = list(dict.fromkeys(findings))
    assert not findings, f"{len(findings)} finding(s); the first:\n" + "\n".join(distinct[:8])
    for name, counts in tally.items():
        assert sum(counts.values()) >= 20, (name, counts)  # the loop did real work
        assert counts.get("refused", 0) > 0, (name, counts)


@pytest.fixture(autouse=True)
def _quiet() -> Iterator[None]:
    """Pillow's warnings and pypdf's log of every repair are expected here."""
    import logging
    import warnings

    pypdf_log = logging.getLogger("pypdf")
    level = pypdf_log.level
    pypdf_log.setLevel(logging.CRITICAL)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yield
    pypdf_log.setLevel(level)

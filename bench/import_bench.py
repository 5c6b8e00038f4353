"""Import throughput against a baseline that only reads, hashes and copies the same bytes.

    .venv/bin/python bench/import_bench.py [--count 200] [--mb 320] [--rounds 2]

Generates (once, cached in bench/work/) `count` manifest bundles of mixed PDFs and
photos, then in the same run measures:

- baseline: for every evidence file in every bundle zip, read it out of the zip, SHA-256
  it and write it to a folder (no checks, no fsync, no database);
- import: `Importer.import_paths` into a fresh data folder (text extraction and
  thumbnails are a separate phase and not included);
- derive: text extraction and thumbnails for everything imported, with the PDF part
  reported as pages a second beside pypdf's own rate on the same PDFs.

Machines here are noisy: each figure is the best of `rounds` runs, and what matters is
the ratio, which both sides of share the machine's state.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewer_app.demo.bundles import generate_bench_bundles  # noqa: E402
from reviewer_app.evidence.derive import derive_pending  # noqa: E402
from reviewer_app.evidence.importer import Importer  # noqa: E402
from reviewer_app.storage.datafolder import DataFolder  # noqa: E402

WORK = ROOT / "bench" / "work"


def bundles(count: int, megabytes: int) -> list[Path]:
    folder = WORK / f"bundles-{count}-{megabytes}"
    if not folder.exists():
        partial = folder.with_suffix(".partial")
        shutil.rmtree(partial, ignore_errors=True)
        print(f"generating {count} bundles ({megabytes} MB) ...", file=sys.stderr)
        generate_bench_bundles(partial, count=count, target_bytes=megabytes * 1024 * 1024)
        partial.rename(folder)
    return sorted(folder.glob("*.zip"))


def evidence_bytes(paths: list[Path]) -> tuple[int, int]:
    total = files = 0
    for path in paths:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.filename != "manifest.json":
                    total += info.file_size
                    files += 1
    return total, files


def baseline(paths: list[Path], scratch: Path) -> float:
    out = scratch / "baseline"
    out.mkdir()
    started = time.perf_counter()
    n = 0
    for path in paths:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.is_dir():
                    continue
                digest = hashlib.sha256()
                with z.open(info) as src, (out / f"{n}").open("wb") as dst:
                    while chunk := src.read(1 << 20):
                        digest.update(chunk)
                        dst.write(chunk)
                n += 1
    elapsed = time.perf_counter() - started
    shutil.rmtree(out)
    return elapsed


def run_import(paths: list[Path], scratch: Path) -> tuple[float, float, float, DataFolder]:
    """Seconds to import, to extract text, to make thumbnails; and the folder."""
    folder = DataFolder.open(scratch / "data")
    started = time.perf_counter()
    report = Importer(folder).import_paths(paths)
    imported = time.perf_counter() - started
    assert len(report.imported) == len(paths) and not report.rejected, report.rejected[:3]
    started = time.perf_counter()
    derive_pending(folder, thumbnails=False)
    extracted = time.perf_counter() - started
    started = time.perf_counter()
    derive_pending(folder)
    thumbnails = time.perf_counter() - started
    return imported, extracted, thumbnails, folder


def pypdf_rate(folder: DataFolder) -> tuple[int, float]:
    from sqlalchemy import select

    from reviewer_app.storage.models import EvidenceItem

    with folder.sessions() as session:
        hashes = set(
            session.scalars(
                select(EvidenceItem.blob_sha256).where(EvidenceItem.media_type == "application/pdf")
            )
        )
    pages = 0
    started = time.perf_counter()
    for sha in hashes:
        with folder.store.open(sha or "") as f:
            for page in PdfReader(f).pages:
                page.extract_text()
                pages += 1
    return pages, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--mb", type=int, default=320)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()

    paths = bundles(args.count, args.mb)
    total, files = evidence_bytes(paths)
    mb = total / 1e6
    best_base = best_import = best_text = best_thumbs = float("inf")
    pdf_pages = 0
    pypdf_time = float("inf")
    for _ in range(args.rounds):
        with tempfile.TemporaryDirectory(dir=WORK) as tmp:
            scratch = Path(tmp)
            best_base = min(best_base, baseline(paths, scratch))
            imported, extracted, thumbs, folder = run_import(paths, scratch)
            best_import = min(best_import, imported)
            best_text, best_thumbs = min(best_text, extracted), min(best_thumbs, thumbs)
            pages, seconds = pypdf_rate(folder)
            pdf_pages, pypdf_time = pages, min(pypdf_time, seconds)
            folder.close()

    base_rate, import_rate = mb / best_base, mb / best_import
    print(f"bundles: {len(paths)}, evidence files: {files}, evidence: {mb:,.1f} MB")
    print(f"baseline (read, hash, copy): {base_rate:,.0f} MB/s ({best_base:.2f} s)")
    print(f"import (no text extraction): {import_rate:,.0f} MB/s ({best_import:.2f} s)")
    print(f"import / baseline: {import_rate / base_rate:.2f}x (target >= 0.50x)")
    print(
        f"text extraction: {pdf_pages} PDF pages in {best_text:.2f} s, "
        f"{pdf_pages / best_text:,.0f} pages/s, indexed "
        f"(pypdf alone on the same PDFs: {pdf_pages / pypdf_time:,.0f} pages/s, "
        f"ratio {pypdf_time / best_text:.2f}x)"
    )
    print(f"thumbnails: {best_thumbs:.2f} s")
    whole = best_import + best_text + best_thumbs
    print(f"import + text + thumbnails, whole: {mb / whole:,.0f} MB/s ({whole:.2f} s)")


if __name__ == "__main__":
    main()

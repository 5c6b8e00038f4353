"""Importing a Moodle "Download all submissions" zip against the read+hash+copy floor.

    .venv/bin/python bench/lms_bench.py [--students 200] [--mb 300] [--rounds 3]

Generates, in a temporary folder, one Moodle download (with folders) of `students`
students with three files each (a text PDF, a camera JPEG, and a second photo or a small
PDF, chosen to reach `mb` megabytes), then interleaves, round by round (bench/pairs.py):

- floor: for every file in the zip, read it out, SHA-256 it, write it to a folder and
  fsync it (no checks, no database);
- import: `import_download` into a fresh data folder (text extraction and thumbnails
  are a later phase and not included, as `import --no-extract` in bench/import_bench.py).

It prints min / median / max of the paired time ratios (import / floor); the target is
an import at least 0.5x the floor's speed, a time ratio of at most 2.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from floors import copy_members  # noqa: E402
from pairs import interleave, report  # noqa: E402

from reviewer_app.demo import media  # noqa: E402
from reviewer_app.demo.bench import _bench_assets, _bench_earner  # noqa: E402
from reviewer_app.lms.importing import import_download  # noqa: E402
from reviewer_app.resources import resource  # noqa: E402
from reviewer_app.rubrics.store import add_files  # noqa: E402
from reviewer_app.storage.datafolder import DataFolder  # noqa: E402

CREDENTIAL = "families-as-partners-1"


def make_download(path: Path, students: int, megabytes: int, scratch: Path) -> tuple[int, int]:
    """Writes the zip; returns (files, bytes of evidence)."""
    target = megabytes * 1024 * 1024
    assets = _bench_assets(1, target, scratch)
    rng = random.Random("lms-bench")
    plan = media.render_text_pdf(
        title="Unit plan", paragraphs=["Plan for the home visits."] * 12, pages=3
    )
    total = files = 0
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for index in range(students):
            name = _bench_earner(index).name
            folder = f"{name}_{10_000 + index}_assignsubmission_file"
            share = -(-target * (index + 1) // students)
            chosen = [("plan.pdf", media.pdf_with_id(plan, f"plan {index}".encode()))]
            for n in (1, 2):
                token = f"lms bench {index} {n}"
                if total + sum(len(d) for _, d in chosen) < share:
                    photo = media.jpeg_with_comment(rng.choice(assets.photos), token)
                    chosen.append((f"fotos/photo-{n}.jpg", photo))
                else:
                    chosen.append((f"notes-{n}.pdf", media.pdf_with_id(plan, token.encode())))
            for rel, data in chosen:
                z.writestr(f"{folder}/{rel}", data)
                total += len(data)
                files += 1
    return files, total


def floor(zip_path: Path, scratch: Path) -> float:
    return copy_members([zip_path], scratch, skip=lambda _info: False)


def run_import(zip_path: Path, scratch: Path, students: int) -> float:
    with DataFolder.open(scratch / "data") as folder:
        definitions = sorted(resource("demo", "definitions").glob("*.json"))
        assert not add_files(folder, definitions, "lead").rejected
        started = time.perf_counter()
        report = import_download(folder, zip_path, credential=CREDENTIAL).report
        elapsed = time.perf_counter() - started
    assert len(report.imported) == students and not report.rejected, report.rejected[:3]
    shutil.rmtree(scratch / "data")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=200)
    parser.add_argument("--mb", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="lms-bench-") as tmp:
        scratch = Path(tmp)
        zip_path = scratch / "submissions.zip"
        print(f"generating {args.students} students ({args.mb} MB) ...", file=sys.stderr)
        files, total = make_download(zip_path, args.students, args.mb, scratch)
        mb = total / 1e6
        print(f"students: {args.students}, files: {files}, evidence: {mb:,.1f} MB")
        pairs = interleave(
            "import / floor (time; target <= 2.00x)",
            lambda: run_import(zip_path, scratch, args.students),
            lambda: floor(zip_path, scratch),
            args.rounds,
        )
        print("floor: read + SHA-256 + copy + fsync per file")
        report(pairs)
        speed = 1 / pairs.spread()[1]
        print(f"import speed / floor speed (median): {speed:.2f}x (target >= 0.50x)")


if __name__ == "__main__":
    main()

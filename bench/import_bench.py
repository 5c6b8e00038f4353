"""Bundle import against the floor of reading, hashing, copying and syncing the same files.

    .venv/bin/python bench/import_bench.py [--count 40] [--mb 179] [--rounds 5] [--many N]

Generates (once, cached in bench/work/) `count` manifest bundles of mixed PDFs and
photos (`generate_bench_bundles`; 40 bundles of 179 MB are the issue's set) and, for the
batch comparison, `--many` small bundles (a text PDF and two written answers each;
25 x `count` unless given, so 1,000 for the default set). Then, each pair of sides
interleaved round by round (bench/pairs.py), it reports min / median / max of the paired
ratios for:

- full import: `Importer.import_paths` and `derive_pending` into a fresh data folder,
  until every item is searchable and thumbnailed (what `import` does by default), against
  the floor: for every evidence file, read it out of its zip, SHA-256 it, write it to a
  folder and fsync it (target: at least 0.5x the floor's speed, so time ratio at most 2);
- `--no-extract`: `Importer.import_paths` alone, against the same floor (target at least
  0.8x, time ratio at most 1.25);
- per bundle, a batch of `--many` small bundles against a batch of 10 (target: no slower
  per bundle, ratio at most 1).

Ratios are printed as time ours / time floor; the speed ratio the targets name is its
inverse. Creating a fresh data folder (its schema) is left out of every timing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from floors import copy_members  # noqa: E402
from pairs import Pairs, interleave, report  # noqa: E402

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

# The program's modules are imported in the functions that use them: derive workers
# start by importing this script again (as any spawned process imports its main
# module), and the window or the command line would not make them import a benchmark's.

WORK = ROOT / "bench" / "work"
FEW = 10


def bundles(count: int, megabytes: float) -> list[Path]:
    folder = WORK / f"bundles-{count}-{megabytes:g}"
    if not folder.exists():
        partial = folder.with_suffix(".partial")
        shutil.rmtree(partial, ignore_errors=True)
        print(f"generating {count} bundles ({megabytes:g} MB) ...", file=sys.stderr)
        from reviewer_app.demo.bench import generate_bench_bundles

        generate_bench_bundles(partial, count=count, target_bytes=int(megabytes * 1024 * 1024))
        partial.rename(folder)
    return sorted(folder.glob("*.zip"))


def describe(paths: list[Path]) -> str:
    total = files = pdfs = photos = 0
    for path in paths:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.filename != "manifest.json" and not info.is_dir():
                    total += info.file_size
                    files += 1
                    pdfs += info.filename.endswith(".pdf")
                    photos += info.filename.endswith(".jpg")
    return (
        f"{len(paths)} bundles, {files} evidence files ({pdfs} PDFs, {photos} photos), "
        f"{total / 1e6:,.1f} MB"
    )


def floor(paths: list[Path], scratch: Path) -> float:
    """Read + SHA-256 + copy + fsync per evidence file: the least an import must do."""
    return copy_members(paths, scratch, skip=lambda info: info.filename == "manifest.json")


def fresh_folder(scratch: Path) -> DataFolder:
    from reviewer_app.storage.datafolder import DataFolder

    target = scratch / "data"
    shutil.rmtree(target, ignore_errors=True)
    return DataFolder.open(target)


def run_import(paths: list[Path], scratch: Path, *, extract: bool) -> float:
    """Seconds to import `paths` into a new folder (made before the clock starts)."""
    from reviewer_app.evidence.derive import derive_pending
    from reviewer_app.evidence.importer import Importer

    folder = fresh_folder(scratch)
    try:
        started = time.perf_counter()
        done = Importer(folder, extract=extract).import_paths(paths)
        if extract:
            derive_pending(folder)
        elapsed = time.perf_counter() - started
        assert len(done.imported) == len(paths) and not done.rejected, done.rejected[:3]
        if extract:
            check_derived(folder)
    finally:
        folder.close()
    return elapsed


def check_derived(folder: DataFolder) -> None:
    from sqlalchemy import func, select

    from reviewer_app.storage.models import EvidenceItem

    with folder.read_sessions() as session:
        pending = session.scalar(
            select(func.count())
            .select_from(EvidenceItem)
            .where(EvidenceItem.derive_status.not_in(("done", "none")))
        )
    assert pending == 0, f"{pending} items not searchable or thumbnailed"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=40)
    parser.add_argument("--mb", type=float, default=179)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--many", type=int, default=None, help="small bundles (25 x count)")
    args = parser.parse_args()
    many_count = args.many or 25 * args.count

    paths = bundles(args.count, args.mb)
    # Small bundles: a target of almost nothing leaves each its text PDF and answers.
    many = bundles(many_count, many_count / 1e6)
    few = many[:FEW]
    print(f"set: {describe(paths)}")
    print(f"small: {describe(many)}")

    with tempfile.TemporaryDirectory(dir=WORK.mkdir(exist_ok=True) or WORK) as tmp:
        scratch = Path(tmp)
        results = [
            interleave(
                "import until searchable and thumbnailed / floor (time; target <= 2.00x)",
                lambda: run_import(paths, scratch, extract=True),
                lambda: floor(paths, scratch),
                args.rounds,
            ),
            interleave(
                "import --no-extract / floor (time; target <= 1.25x)",
                lambda: run_import(paths, scratch, extract=False),
                lambda: floor(paths, scratch),
                args.rounds,
            ),
            interleave(
                f"per bundle, {len(many)} small / {len(few)} small (time; target <= 1.00x)",
                lambda: run_import(many, scratch, extract=True) / len(many),
                lambda: run_import(few, scratch, extract=True) / len(few),
                args.rounds,
            ),
        ]
    print(f"floor: read + SHA-256 + copy + fsync per file; {args.rounds} rounds each")
    for pairs in results:
        report(pairs)
    summary(results)


def summary(results: list[Pairs]) -> None:
    full, bare, _ = results
    print(
        f"speed vs floor (median): full import {1 / full.spread()[1]:.2f}x (target >= 0.50x), "
        f"--no-extract {1 / bare.spread()[1]:.2f}x (target >= 0.80x)"
    )


if __name__ == "__main__":
    main()

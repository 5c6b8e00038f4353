"""Saving scores as they are made, against a bare insert-and-commit, in the same run.

    .venv/bin/python bench/scoring_bench.py [--reviews 1000] [--criteria 10]

Sets up a data folder with one definition of `criteria` criteria and `reviews`
submissions, then records every criterion's level one by one through `ReviewSession`
(each its own durable transaction with its audit entry, as in the window) and submits
each review. The baseline is SQLAlchemy inserting one row and committing, on an engine
made the same way (WAL, synchronous=FULL) in the same folder, as many times.

The two sides run in turns (bench/pairs.py), `--batch` reviews' worth of scores at a
time, and the ratio of each pair is reported as min / median / max.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Column, Integer, MetaData, String, Table, insert

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pairs import interleave  # noqa: E402

from reviewer_app.reviews.service import ReviewSession  # noqa: E402
from reviewer_app.rubrics.store import add_files  # noqa: E402
from reviewer_app.storage.database import make_engine  # noqa: E402
from reviewer_app.storage.datafolder import DataFolder  # noqa: E402
from reviewer_app.storage.models import Earner, Submission, utcnow  # noqa: E402

CREDENTIAL = "https://credentials.example.org/mc/bench-1"


def definition(criteria: int) -> dict[str, Any]:
    levels = [
        {"id": "not-yet", "label": "Not Yet", "points": 0},
        {"id": "proficient", "label": "Proficient", "points": 1},
    ]
    return {
        "format": "microcredential/1",
        "achievement": {"id": CREDENTIAL, "name": "Bench", "description": "d", "criteria": "c"},
        "rubric": {
            "version": 1,
            "levels": levels,
            "parts": [
                {
                    "id": "all",
                    "title": "All",
                    "criteria": [
                        {
                            "id": f"c{n}",
                            "title": f"Criterion {n}",
                            "descriptors": {"not-yet": "no", "proficient": "yes"},
                        }
                        for n in range(criteria)
                    ],
                }
            ],
            "pass": {"every_criterion_at_least": "proficient"},
        },
    }


def setup(root: Path, reviews: int, criteria: int) -> DataFolder:
    folder = DataFolder.open(root / "data")
    path = root / "bench.json"
    path.write_text(json.dumps(definition(criteria)))
    assert not add_files(folder, [path], "bench").rejected
    with folder.sessions.begin() as session:
        earner = Earner(external_id="mailto:bench@example.org", name="Bench Earner")
        session.add(earner)
        session.flush()
        session.execute(
            insert(Submission),
            [
                {
                    "submission_id": f"S-{n:05}",
                    "earner_id": earner.id,
                    "credential_uri": CREDENTIAL,
                    "attempt": 1,
                    "submitted_at": utcnow(),
                    "shape": "manifest",
                    "source_name": "b",
                    "content_digest": "x",
                    "status": "unreviewed",
                    "warnings": [],
                }
                for n in range(reviews)
            ],
        )
    return folder


def baseline_table(root: Path) -> tuple[Any, Table]:
    engine = make_engine(f"sqlite:///{root / 'baseline.sqlite3'}")
    table = Table(
        "scores",
        MetaData(),
        Column("id", Integer, primary_key=True),
        Column("review", Integer),
        Column("criterion", String(50)),
        Column("level", String(50)),
        Column("at", String(40)),
    )
    table.metadata.create_all(engine)
    return engine, table


def baseline(engine: Any, table: Table, rows: int) -> float:
    """Seconds for `rows` single-row insert-and-commit transactions."""
    started = time.perf_counter()
    for n in range(rows):
        with engine.begin() as conn:
            conn.execute(
                insert(table).values(
                    review=n // 10,
                    criterion=f"c{n % 10}",
                    level="proficient",
                    at=dt.datetime.now(dt.UTC).isoformat(),
                )
            )
    return time.perf_counter() - started


def scoring(
    folder: DataFolder, first: int, reviews: int, criteria: int
) -> tuple[float, float, float]:
    """Seconds to open the reviews, to save every score one by one, and to submit them."""
    opened = saved = submitted = 0.0
    for n in range(first, first + reviews):
        t0 = time.perf_counter()
        review = ReviewSession.open(folder, f"S-{n:05}", f"Reviewer {n % 7}")
        t1 = time.perf_counter()
        for c in range(criteria):
            review.set_level(f"c{c}", "proficient" if (n + c) % 9 else "not-yet")
        t2 = time.perf_counter()
        review.submit()
        t3 = time.perf_counter()
        opened, saved, submitted = opened + t1 - t0, saved + t2 - t1, submitted + t3 - t2
    return opened, saved, submitted


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviews", type=int, default=1000)
    parser.add_argument("--criteria", type=int, default=10)
    parser.add_argument("--batch", type=int, default=50, help="reviews per round")
    args = parser.parse_args()
    batch = max(1, min(args.batch, args.reviews))
    rounds = max(1, args.reviews // batch)
    scores = batch * args.criteria
    totals = {"opened": 0.0, "submitted": 0.0}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = setup(root, rounds * batch, args.criteria)
        engine, table = baseline_table(root)
        done = 0

        def ours() -> float:
            nonlocal done
            opened, saved, submitted = scoring(folder, done, batch, args.criteria)
            done += batch
            totals["opened"] += opened
            totals["submitted"] += submitted
            return saved

        pairs = interleave(
            "saving a score / bare insert-and-commit",
            ours,
            lambda: baseline(engine, table, scores),
            rounds,
        )
        engine.dispose()
        folder.close()
    per = [s / scores * 1e3 for s in pairs.ours]
    per_base = [b / scores * 1e3 for b in pairs.floor]
    print(f"scores saved one by one: {rounds * scores:,} in {rounds} rounds of {scores:,}")
    print(f"baseline, bare insert-and-commit: {min(per_base):.3f} to {max(per_base):.3f} ms a row")
    print(f"saving a score (with its audit entry): {min(per):.3f} to {max(per):.3f} ms")
    lo, mid, hi = pairs.spread()
    print(f"score / baseline: min {lo:.2f}x / median {mid:.2f}x / max {hi:.2f}x (target <= 2.00x)")
    n = rounds * batch
    print(f"submitting a review (decision, status, audit): {totals['submitted'] / n * 1e3:.3f} ms")
    print(f"opening or starting a review: {totals['opened'] / n * 1e3:.3f} ms")


if __name__ == "__main__":
    main()

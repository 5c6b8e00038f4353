"""Saving scores as they are made, against a bare insert-and-commit, in the same run.

    .venv/bin/python bench/scoring_bench.py [--reviews 1000] [--criteria 10]

Sets up a data folder with one definition of `criteria` criteria and `reviews`
submissions, then records every criterion's level one by one through `ReviewSession`
(each its own durable transaction with its audit entry, as in the window) and submits
each review. The baseline is SQLAlchemy inserting one row and committing, on an engine
made the same way (WAL, synchronous=FULL) in the same folder, as many times.
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


def baseline(root: Path, rows: int) -> float:
    """Seconds for `rows` single-row insert-and-commit transactions."""
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
    elapsed = time.perf_counter() - started
    engine.dispose()
    return elapsed


def scoring(folder: DataFolder, reviews: int, criteria: int) -> tuple[float, float, float]:
    """Seconds to open the reviews, to save every score one by one, and to submit them."""
    opened = saved = submitted = 0.0
    for n in range(reviews):
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
    args = parser.parse_args()
    scores = args.reviews * args.criteria
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = setup(root, args.reviews, args.criteria)
        base = baseline(root, scores)
        opened, saved, submitted = scoring(folder, args.reviews, args.criteria)
        folder.close()
    per_base, per_score = base / scores * 1e3, saved / scores * 1e3
    print(f"scores saved one by one: {scores:,}; reviews submitted: {args.reviews:,}")
    print(f"baseline, bare insert-and-commit: {per_base:.3f} ms a row")
    print(f"saving a score (with its audit entry): {per_score:.3f} ms")
    print(f"score / baseline: {per_score / per_base:.2f}x (target <= 2.00x)")
    print(f"submitting a review (decision, status, audit): {submitted / args.reviews * 1e3:.3f} ms")
    print(f"opening or starting a review: {opened / args.reviews * 1e3:.3f} ms")


if __name__ == "__main__":
    main()

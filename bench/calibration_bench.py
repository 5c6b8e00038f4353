"""The calibration report at the scale of a large scoring programme.

    .venv/bin/python bench/calibration_bench.py [--reviewers 50] [--submissions 2000]

A data folder with one micro-credential of 10 criteria on a four-level scale, 50
reviewers, 2,000 submissions each scored by two or three of them (and 100 of them
anchors, scored by a lead), inserted in bulk. Timed: the whole report from the
database, every agreement coefficient with a 1,000-resample bootstrap interval. The
baseline, in the same run, is one pass of the reference libraries over the same data
with no intervals: `krippendorff.alpha` (ordinal) per criterion and overall, and
scikit-learn's quadratic weighted kappa per reviewer against the anchors. Target:
under 5 s, reported with the ratio; the two sides run in turns (bench/pairs.py) and
the ratio is given as min / median / max over the rounds.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402
from pairs import interleave  # noqa: E402
from sqlalchemy import insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from reviewer_app.storage.datafolder import DataFolder  # noqa: E402
from reviewer_app.storage.models import (  # noqa: E402
    Anchor,
    CriterionScore,
    Definition,
    Earner,
    Review,
    Reviewer,
    Submission,
    utcnow,
)

URI = "https://credentials.example.org/mc/bench-calibration-1"
LEVELS = ["beginning", "developing", "proficient", "exemplary"]
CRITERIA = [f"c{n:02}" for n in range(10)]


def definition(uri: str = URI) -> dict[str, object]:
    return {
        "format": "microcredential/1",
        "achievement": {
            "id": uri,
            "name": "Calibration Bench",
            "description": "A rubric of ten criteria.",
            "criteria": "Score every criterion.",
        },
        "rubric": {
            "version": 1,
            "levels": [{"id": lv, "label": lv.title(), "points": n} for n, lv in enumerate(LEVELS)],
            "parts": [
                {
                    "id": "all",
                    "title": "All",
                    "criteria": [
                        {
                            "id": c,
                            "title": f"Criterion {c}",
                            "descriptors": {lv: f"{lv} work" for lv in LEVELS},
                        }
                        for c in CRITERIA
                    ],
                }
            ],
            "pass": {"every_criterion_at_least": "developing"},
        },
    }


def fill(
    folder: DataFolder, reviewers: int, submissions: int, anchors: int, *, uri: str = URI
) -> dict[str, object]:
    """Returns the same data as arrays for the baseline. Rows get the ids the database
    gives them (RETURNING), so the data folder or team database may hold others."""
    rng = random.Random(7)
    now = utcnow()
    truth = [[rng.choice([1, 2, 2, 3]) for _ in CRITERIA] for _ in range(submissions)]
    severity = [rng.choice([-1, 0, 0, 0, 1]) for _ in range(reviewers)]

    def added(session: Session, table: Any, rows: list[dict[str, object]]) -> list[int]:
        returning = insert(table).returning(table.id, sort_by_parameter_order=True)
        return list(session.scalars(returning, rows))

    with folder.sessions.begin() as session:
        definition_id = session.scalars(
            select(Definition.id).where(Definition.achievement_uri == uri)
        ).one()
        people = added(
            session,
            Reviewer,
            [
                {"name": f"Reviewer {n:02}", "role": "assessor", "created_at": now}
                for n in range(reviewers)
            ]
            + [{"name": "Lead", "role": "lead", "created_at": now}],
        )
        earners = added(
            session,
            Earner,
            [
                {"external_id": f"mailto:e{n}@example.org", "name": f"E{n}"}
                for n in range(submissions)
            ],
        )
        units = added(
            session,
            Submission,
            [
                {
                    "submission_id": f"CAL-{n:05}",
                    "earner_id": earners[n],
                    "credential_uri": uri,
                    "credential_name": "Calibration Bench",
                    "attempt": 1,
                    "submitted_at": now,
                    "imported_at": now,
                    "shape": "manifest",
                    "source_name": "bench",
                    "content_digest": "x",
                    "status": "pass",
                    "warnings": [],
                }
                for n in range(submissions)
            ],
        )
        reviews: list[dict[str, object]] = []
        levels: list[list[int]] = []  # each review's steps, in the order of `reviews`
        coder_rows: dict[int, dict[int, list[int]]] = {}
        lead = people[-1]
        references: dict[int, int] = {}  # unit -> index of its reference review

        def add(reviewer_pk: int, unit: int, steps: list[int]) -> None:
            reviews.append(
                {
                    "submission_id": units[unit],
                    "reviewer_id": reviewer_pk,
                    "definition_id": definition_id,
                    "started_at": now,
                    "updated_at": now,
                    "submitted_at": now,
                    "decision": "pass" if min(steps) >= 1 else "not-yet",
                }
            )
            levels.append(steps)

        for unit in range(submissions):
            is_anchor = unit < anchors
            if is_anchor:
                references[unit] = len(reviews)
                add(lead, unit, truth[unit])
            count = 5 if is_anchor else rng.choice([2, 2, 3])
            for r in rng.sample(range(reviewers), count):
                steps = [
                    max(
                        0,
                        min(
                            3,
                            t
                            + severity[r] * (rng.random() < 0.3)
                            + rng.choice([0, 0, 0, 0, -1, 1]),
                        ),
                    )
                    for t in truth[unit]
                ]
                add(people[r], unit, steps)
                coder_rows.setdefault(r, {})[unit] = steps
        review_ids = added(session, Review, reviews)
        scores = [
            {"review_id": review_id, "criterion_id": c, "level_id": LEVELS[s], "updated_at": now}
            for review_id, steps in zip(review_ids, levels, strict=True)
            for c, s in zip(CRITERIA, steps, strict=True)
        ]
        for start in range(0, len(scores), 50_000):
            session.execute(insert(CriterionScore), scores[start : start + 50_000])
        session.execute(
            insert(Anchor),
            [
                {
                    "submission_id": units[unit],
                    "reference_review_id": review_ids[index],
                    "marked_by": lead,
                    "marked_at": now,
                }
                for unit, index in references.items()
            ],
        )
    return {"truth": truth, "coders": coder_rows, "anchors": anchors}


def baseline(data: dict[str, object], reviewers: int, submissions: int) -> float:
    import krippendorff
    from sklearn.metrics import cohen_kappa_score

    coders: dict[int, dict[int, list[int]]] = data["coders"]  # type: ignore[assignment]
    truth: list[list[int]] = data["truth"]  # type: ignore[assignment]
    anchors: int = data["anchors"]  # type: ignore[assignment]
    started = time.perf_counter()
    matrices = []
    for c in range(len(CRITERIA)):
        matrix = np.full((reviewers, submissions - anchors), np.nan)
        for r, units in coders.items():
            for unit, steps in units.items():
                if unit >= anchors:
                    matrix[r, unit - anchors] = steps[c]
        matrices.append(matrix)
        krippendorff.alpha(
            reliability_data=matrix, level_of_measurement="ordinal", value_domain=[0, 1, 2, 3]
        )
    krippendorff.alpha(
        reliability_data=np.hstack(matrices),
        level_of_measurement="ordinal",
        value_domain=[0, 1, 2, 3],
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for units in coders.values():
            own = [s for unit, steps in units.items() if unit < anchors for s in steps]
            ref = [s for unit in units if unit < anchors for s in truth[unit]]
            if own:
                cohen_kappa_score(own, ref, labels=[0, 1, 2, 3], weights="quadratic")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reviewers", type=int, default=50)
    parser.add_argument("--submissions", type=int, default=2000)
    parser.add_argument("--anchors", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from reviewer_app.calibration.report import calibration_report
    from reviewer_app.rubrics.store import add_files

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        path = root / "bench-calibration.json"
        path.write_text(json.dumps(definition()))
        with DataFolder.open(root / "data") as folder:
            assert not add_files(folder, [path], "bench").rejected
            data = fill(folder, args.reviewers, args.submissions, args.anchors)
            reports = []

            def ours() -> None:
                with folder.sessions() as session:
                    reports.append(calibration_report(session, credential=URI))

            pairs = interleave(
                "calibration report / reference libraries",
                ours,
                lambda: baseline(data, args.reviewers, args.submissions),
                args.rounds,
            )
    report = reports[-1]
    assert len(report.reviewers) == args.reviewers + 1
    assert len(report.criteria) == len(CRITERIA)
    lo, mid, hi = pairs.spread()
    print(
        f"calibration report, {args.reviewers} reviewers x {args.submissions} submissions x "
        f"{len(CRITERIA)} criteria, every coefficient with a 1,000-resample bootstrap "
        f"interval, read from the database: {min(pairs.ours):.2f} s to {max(pairs.ours):.2f} s "
        f"over {args.rounds} rounds (target under 5 s); one pass of the reference libraries "
        f"(krippendorff, scikit-learn) without intervals: {min(pairs.floor):.2f} s to "
        f"{max(pairs.floor):.2f} s; ratio min {lo:.2f}x / median {mid:.2f}x / max {hi:.2f}x; "
        f"overall alpha {report.overall.krippendorff_alpha_ordinal or 0.0:.3f}"
    )


if __name__ == "__main__":
    main()

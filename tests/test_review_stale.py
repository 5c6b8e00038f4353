"""A review session opened before another one changed or submitted the same review
never contradicts what is stored: writes check the review's state in the transaction
that writes, and the decision comes from the levels as stored."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer_app.audit.replay import replay
from reviewer_app.audit.trail import verify
from reviewer_app.reviews.service import ReviewError, ReviewSession
from reviewer_app.rubrics.decision import decide
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import (
    CriterionScore,
    Decision,
    Definition,
    Review,
    Reviewer,
    Submission,
)

ANA = "Ana Ruiz"


def top_levels(review: ReviewSession) -> dict[str, str]:
    return {c.id: c.levels[-1].id for c in review.rubric.criteria}


def assert_consistent(folder: DataFolder) -> None:
    """Every submitted review's decision is its rubric's rule on its stored levels, the
    standing decision is one of them, and the audit trail agrees with the database."""
    with folder.sessions() as session:
        reviews = session.execute(
            select(Review, Reviewer.name).join(Reviewer, Reviewer.id == Review.reviewer_id)
        ).all()
        for review, name in reviews:
            if review.submitted_at is None:
                assert review.decision is None
                continue
            content = session.scalar(
                select(Definition.content).where(Definition.id == review.definition_id)
            )
            levels = {
                c: lv
                for c, lv in session.execute(
                    select(CriterionScore.criterion_id, CriterionScore.level_id).where(
                        CriterionScore.review_id == review.id
                    )
                )
                if lv
            }
            expected = decide(Rubric.from_content(content or {}), levels).outcome
            assert review.decision == expected, (name, levels, review.decision)
            standing = session.scalar(
                select(Decision.outcome).where(Decision.review_id == review.id)
            )
            assert standing in (None, review.decision)
        assert verify(session).ok
        replayed = replay(session)
        assert replayed.ok, [f.sentence() for f in replayed.findings]


def test_a_stale_session_cannot_change_a_submitted_review(reviewed_folder: DataFolder) -> None:
    first = ReviewSession.open(reviewed_folder, "FAP-1", ANA)
    for criterion, level in top_levels(first).items():
        first.set_level(criterion, level)
    with DataFolder.open(reviewed_folder.root) as other_process:
        stale = ReviewSession.open(other_process, "FAP-1", ANA)  # opened before submitting
        assert first.submit().outcome == "pass"
        lowest = stale.rubric.criteria[0].levels[0].id
        with pytest.raises(ReviewError, match="is submitted; reopen it to change it"):
            stale.set_level(stale.rubric.criteria[0].id, lowest)
        with pytest.raises(ReviewError, match="is submitted"):
            stale.set_comment(stale.rubric.criteria[0].id, "changed behind the submit")
        with pytest.raises(ReviewError, match="is submitted"):
            stale.set_feedback("Other words.")
        with pytest.raises(ReviewError, match="is submitted"):
            stale.submit()
        assert stale.submitted_at is not None and stale.decision == "pass"  # it caught up
    again = ReviewSession.open(reviewed_folder, "FAP-1", ANA)
    assert again.levels == top_levels(again) and again.decision == "pass"
    assert again.comments == {} and again.feedback == ""
    assert_consistent(reviewed_folder)


def test_submit_decides_on_the_stored_levels_not_the_cached_ones(
    reviewed_folder: DataFolder,
) -> None:
    first = ReviewSession.open(reviewed_folder, "FAP-1", ANA)
    for criterion, level in top_levels(first).items():
        first.set_level(criterion, level)
    assert first.preview().outcome == "pass"
    with DataFolder.open(reviewed_folder.root) as other_process:
        other = ReviewSession.open(other_process, "FAP-1", ANA)
        criterion = other.rubric.criteria[0]
        other.set_level(criterion.id, criterion.levels[0].id)  # below the pass rule
    # `first` still holds the passing levels it set; the stored ones say otherwise.
    result = first.submit()
    assert result.outcome == "not-yet"
    assert first.decision == "not-yet" and first.levels[criterion.id] == criterion.levels[0].id
    with reviewed_folder.sessions() as session:
        status = session.scalar(
            select(Submission.status).where(Submission.submission_id == "FAP-1")
        )
    assert status == "not-yet"
    assert_consistent(reviewed_folder)


def test_a_level_cleared_elsewhere_refuses_the_submit(reviewed_folder: DataFolder) -> None:
    first = ReviewSession.open(reviewed_folder, "FAP-1", ANA)
    for criterion, level in top_levels(first).items():
        first.set_level(criterion, level)
    with DataFolder.open(reviewed_folder.root) as other_process:
        other = ReviewSession.open(other_process, "FAP-1", ANA)
        other.set_level(other.rubric.criteria[1].id, None)
    with pytest.raises(ReviewError, match="1 criteria are not scored yet"):
        first.submit()
    assert first.submitted_at is None
    assert_consistent(reviewed_folder)


# Two processes race on one review: each opens its session, waits for the other to
# have opened too (so each holds levels that will be stale), then scores and submits.
_RACER = """
import json, sys, time
from pathlib import Path
from reviewer_app.errors import UserError
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
root, reviewer, low, go = Path(sys.argv[1]), sys.argv[2], sys.argv[3] == "low", Path(sys.argv[4])
folder = DataFolder.open(root)
review = ReviewSession.open(folder, "FAP-2", reviewer)
print("open", flush=True)
deadline = time.monotonic() + 30
while not go.exists() and time.monotonic() < deadline:
    time.sleep(0.005)
try:
    for n, criterion in enumerate(review.rubric.criteria):
        level = criterion.levels[0 if low and n % 2 == 0 else -1].id
        review.set_level(criterion.id, level)
    print(json.dumps({"decision": review.submit().outcome}), flush=True)
except UserError as e:
    print(json.dumps({"refused": str(e)}), flush=True)
"""


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}


def test_two_processes_scoring_one_review_leave_a_consistent_decision(
    reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    root = reviewed_folder.root
    started = time.monotonic()
    for round_ in range(3):
        reviewer = f"Racer {round_}"
        if round_ % 2:  # the review exists before the race (two windows resume it)
            seed = ReviewSession.open(reviewed_folder, "FAP-2", reviewer)
            seed.set_level(seed.rubric.criteria[0].id, seed.rubric.criteria[0].levels[1].id)
        go = tmp_path / f"go-{round_}"
        racers = [
            subprocess.Popen(
                [sys.executable, "-c", _RACER, str(root), reviewer, low, str(go)],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
                env=_env(),
            )
            for low in ("high", "low")
        ]
        for racer in racers:
            assert racer.stdout is not None
            assert racer.stdout.readline().strip() == "open"
        go.touch()
        results = []
        for racer in racers:
            out, err = racer.communicate(timeout=60)
            assert racer.returncode == 0 and "Traceback" not in err, err
            results.append(json.loads(out))
        # At most one submit wins; the other is refused in words, or decides first.
        refused = [r["refused"] for r in results if "refused" in r]
        assert all("is submitted; reopen it to change it" in r for r in refused), refused
        assert_consistent(reviewed_folder)
        assert time.monotonic() - started < 120
    # And the command line: two `score` processes at once on one review.
    for round_ in range(2):
        reviewer = f"Scorer {round_}"
        criteria = ReviewSession.open(reviewed_folder, "FAP-2", reviewer).rubric.criteria
        commands = [
            [sys.executable, "-m", "reviewer_app", "--data-dir", str(root), "score", "FAP-2"]
            + ["--reviewer", reviewer, "--submit"]
            + [
                f"--level={c.id}={c.levels[0 if low and n % 2 == 0 else -1].id}"
                for n, c in enumerate(criteria)
            ]
            for low in (False, True)
        ]
        scorers = [
            subprocess.Popen(
                c, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=_env()
            )
            for c in commands
        ]
        for scorer in scorers:
            _out, err = scorer.communicate(timeout=60)
            assert "Traceback" not in err, err
            assert scorer.returncode == 0 or "submitted" in err, err
        assert_consistent(reviewed_folder)

"""Double marking: a decision stands once the required reviews agree; otherwise a lead
adjudicates. Anchors keep their reference's decision."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from reviewer_app.calibration.anchors import AnchorError, mark_anchor
from reviewer_app.cli import main
from reviewer_app.reviews.moderation import (
    ModerationError,
    adjudicate,
    adjudication_queue,
    set_required_reviews,
)
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import AuditEvent, Decision, Reviewer, Submission
from tests import craft

CREDENTIAL = craft.CREDENTIAL


def score(
    folder: DataFolder, submission: str, reviewer: str, level: int, *, one: int | None = None
) -> str:
    """Scores every criterion at the `level`-th level (0 lowest); criterion 0 at `one`."""
    review = ReviewSession.open(folder, submission, reviewer)
    for n, criterion in enumerate(review.rubric.criteria):
        chosen = one if n == 0 and one is not None else level
        review.set_level(criterion.id, criterion.levels[min(chosen, len(criterion.levels) - 1)].id)
    review.set_feedback(f"Feedback from {reviewer}.")
    outcome = review.submit().outcome
    assert outcome is not None
    return outcome


def state(folder: DataFolder, submission: str) -> tuple[str, str | None]:
    with folder.sessions() as session:
        row = session.scalars(
            select(Submission).where(Submission.submission_id == submission)
        ).one()
        decision = session.scalar(select(Decision.outcome).where(Decision.submission_id == row.id))
        return row.status, decision


def add_lead(folder: DataFolder, name: str = "Lena Lead") -> None:
    with folder.sessions.begin() as session:
        session.add(Reviewer(name=name, role="lead"))


def test_one_review_still_decides_when_one_is_required(reviewed_folder: DataFolder) -> None:
    assert score(reviewed_folder, "FAP-1", "Ana Ruiz", 9) == "pass"
    assert state(reviewed_folder, "FAP-1") == ("pass", "pass")


def test_two_agreeing_reviews_decide_and_one_waits(reviewed_folder: DataFolder) -> None:
    set_required_reviews(reviewed_folder, CREDENTIAL, 2, "lead")
    score(reviewed_folder, "FAP-1", "Ana Ruiz", 9)
    assert state(reviewed_folder, "FAP-1") == ("in-review", None)  # waits for the second
    score(reviewed_folder, "FAP-1", "Ben Osei", 9)
    assert state(reviewed_folder, "FAP-1") == ("pass", "pass")


def test_disagreement_goes_to_adjudication_and_a_lead_settles_it(
    reviewed_folder: DataFolder,
) -> None:
    set_required_reviews(reviewed_folder, CREDENTIAL, 2, "lead")
    score(reviewed_folder, "FAP-1", "Ana Ruiz", 9)
    score(reviewed_folder, "FAP-1", "Ben Osei", 0)  # Not Yet everywhere
    assert state(reviewed_folder, "FAP-1") == ("adjudication", None)
    with reviewed_folder.sessions() as session:
        queue = adjudication_queue(session)
    assert queue[0][0] == "FAP-1" and "decisions differ" in queue[0][1][0]

    with pytest.raises(ModerationError, match="not a lead"):
        adjudicate(reviewed_folder, "FAP-1", "Ana Ruiz", "pass", "I am sure.")
    add_lead(reviewed_folder)
    with pytest.raises(ModerationError, match="Say why"):
        adjudicate(reviewed_folder, "FAP-1", "Lena Lead", "pass", " ")
    adjudicate(
        reviewed_folder,
        "FAP-1",
        "Lena Lead",
        "pass",
        "The plan names every family.",
        feedback_from="Ana Ruiz",
    )
    assert state(reviewed_folder, "FAP-1") == ("pass", "pass")
    with reviewed_folder.sessions() as session:
        decision = session.scalars(select(Decision)).one()
        assert decision.rationale == "The plan names every family."
        assert decision.decided_by is not None and decision.feedback_review_id is not None
        actions = session.scalars(select(AuditEvent.action)).all()
    assert "decision.adjudicate" in actions


def test_levels_more_than_one_step_apart_also_need_a_lead(
    reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    """Both pass, but one criterion is Developing for one and Exemplary for the other
    (two steps on a four-level scale): a lead looks at it."""
    from reviewer_app.evidence.importer import Importer

    culture = "https://credentials.example.org/mc/cultural-proficiency-1"
    bundle = craft.bundle_zip(
        tmp_path / "cp.zip",
        {"lesson.pdf": craft.text_pdf("lesson")},
        submission_id="CP-1",
        credential={"id": culture, "name": "Culturally Responsive Teaching"},
    )
    assert Importer(reviewed_folder).import_paths([bundle]).imported
    set_required_reviews(reviewed_folder, culture, 2, "lead")
    assert score(reviewed_folder, "CP-1", "Ana Ruiz", 3, one=1) == "pass"
    assert score(reviewed_folder, "CP-1", "Ben Osei", 3) == "pass"
    assert state(reviewed_folder, "CP-1") == ("adjudication", None)
    with reviewed_folder.sessions() as session:
        reasons = dict(adjudication_queue(session))["CP-1"]
    assert len(reasons) == 1 and "more than one step apart" in reasons[0]


def test_an_anchor_keeps_its_reference_decision(reviewed_folder: DataFolder) -> None:
    add_lead(reviewed_folder)
    with pytest.raises(AnchorError, match="no submitted review"):
        mark_anchor(reviewed_folder, "FAP-1", "Lena Lead")
    score(reviewed_folder, "FAP-1", "Lena Lead", 9)
    with pytest.raises(AnchorError, match="not a lead"):
        mark_anchor(reviewed_folder, "FAP-1", "Ana Ruiz")
    mark_anchor(reviewed_folder, "FAP-1", "Lena Lead", rationale="Exemplary plan.")
    score(reviewed_folder, "FAP-1", "Ana Ruiz", 0)  # practice against the anchor
    assert state(reviewed_folder, "FAP-1") == ("pass", "pass")


def test_the_command_line_for_reviewers_reviews_anchors_and_adjudication(
    capsys: pytest.CaptureFixture[str], reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    root = str(reviewed_folder.root)

    def run(*argv: str) -> tuple[int, object]:
        code = main(["--data-dir", root, *argv])
        out, err = capsys.readouterr()
        return code, json.loads(out) if "--json" in argv and out.strip() else err

    assert run("reviewers", "add", "Lena Lead", "--role", "lead", "--json") == (
        0,
        {"name": "Lena Lead", "role": "lead"},
    )
    assert run("definitions", "require-reviews", CREDENTIAL, "2")[0] == 0
    code, err = run("definitions", "require-reviews", "https://nowhere.example/x", "2")
    assert code == 1 and "no micro-credential" in str(err)
    score(reviewed_folder, "FAP-1", "Ana Ruiz", 9)
    score(reviewed_folder, "FAP-1", "Ben Osei", 0)
    code, doc = run(
        "adjudicate",
        "FAP-1",
        "--lead",
        "Lena Lead",
        "--decision",
        "not-yet",
        "--rationale",
        "Contact log missing.",
        "--feedback",
        "Add the log.",
        "--json",
    )
    assert code == 0 and doc == {"submission_id": "FAP-1", "decision": "not-yet"}
    score(reviewed_folder, "FAP-2", "Lena Lead", 9)
    code, doc = run("calibration", "anchor", "FAP-2", "--reviewer", "Lena Lead", "--json")
    assert code == 0 and doc["submission_id"] == "FAP-2"  # type: ignore[index]

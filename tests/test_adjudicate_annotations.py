"""A lead carries chosen reviewers' annotations into the earner's feedback: the
decision keeps their ids, the audit trail says so, and an annotation of another
submission or of a draft is refused with nothing recorded."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from reviewer_app.cli import main
from reviewer_app.reviews import annotations as notes
from reviewer_app.reviews.annotations import Anchor
from reviewer_app.reviews.moderation import ModerationError, adjudicate, set_required_reviews
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import AuditEvent, Decision, Reviewer, Submission
from tests import craft

LEAD = "Lena Lead"


def annotated_review(folder: DataFolder, submission: str, reviewer: str, level: int) -> int:
    """A submitted review with one annotation on the plan's first page; its id."""
    review = ReviewSession.open(folder, submission, reviewer)
    with folder.read_sessions() as session:
        pk = session.scalars(
            select(Submission.id).where(Submission.submission_id == submission)
        ).one()
        item = notes.find_item(session, pk, "plan.pdf")
    note = review.annotate(Anchor(item.id, 1, (10, 10, 50, 20)), f"{reviewer} points here.")
    for criterion in review.rubric.criteria:
        review.set_level(criterion.id, criterion.levels[min(level, len(criterion.levels) - 1)].id)
    review.set_feedback(f"Feedback from {reviewer}.")
    review.submit()
    return note.id


def decision_of(folder: DataFolder, submission: str) -> Decision:
    with folder.sessions() as session:
        return session.scalars(
            select(Decision).join(Submission).where(Submission.submission_id == submission)
        ).one()


@pytest.fixture
def disagreed(reviewed_folder: DataFolder) -> tuple[DataFolder, int, int]:
    set_required_reviews(reviewed_folder, craft.CREDENTIAL, 2, "lead")
    ana = annotated_review(reviewed_folder, "FAP-1", "Ana Ruiz", 9)
    ben = annotated_review(reviewed_folder, "FAP-1", "Ben Osei", 0)
    with reviewed_folder.sessions.begin() as session:
        session.add(Reviewer(name=LEAD, role="lead"))
    return reviewed_folder, ana, ben


def test_the_chosen_annotations_go_with_the_decision(
    disagreed: tuple[DataFolder, int, int],
) -> None:
    folder, _ana, ben = disagreed
    adjudicate(
        folder,
        "FAP-1",
        LEAD,
        "not-yet",
        "Ben is right.",
        feedback_from="Ana Ruiz",
        annotations=[ben],
    )
    assert decision_of(folder, "FAP-1").letter_annotations == [ben]
    with folder.sessions() as session:
        pk = session.scalars(select(Submission.id).where(Submission.submission_id == "FAP-1")).one()
        assert [a.text for a in notes.for_letter(session, pk)] == ["Ben Osei points here."]
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.action == "decision.adjudicate")
        ).one()
    assert json.loads(event.after)["annotations"] == [ben]


def test_without_a_choice_the_feedback_review_s_annotations_go(
    disagreed: tuple[DataFolder, int, int],
) -> None:
    folder, ana, _ben = disagreed
    adjudicate(folder, "FAP-1", LEAD, "pass", "Ana is right.", feedback_from="Ana Ruiz")
    assert decision_of(folder, "FAP-1").letter_annotations is None
    with folder.sessions() as session:
        pk = session.scalars(select(Submission.id).where(Submission.submission_id == "FAP-1")).one()
        assert [a.id for a in notes.for_letter(session, pk)] == [ana]


def test_an_annotation_of_another_submission_is_refused(
    disagreed: tuple[DataFolder, int, int],
) -> None:
    folder, ana, _ben = disagreed
    other = ReviewSession.open(folder, "FAP-2", "Ana Ruiz")
    with folder.read_sessions() as session:
        pk = session.scalars(select(Submission.id).where(Submission.submission_id == "FAP-2")).one()
        item = notes.find_item(session, pk, "plan.pdf")
    draft = other.annotate(Anchor(item.id, 1, (1, 1, 5, 5)), "Not this one.")
    with pytest.raises(ModerationError, match=f"no annotation {draft.id}"):
        adjudicate(
            folder,
            "FAP-1",
            LEAD,
            "pass",
            "Ana.",
            feedback_from="Ana Ruiz",
            annotations=[ana, draft.id],
        )
    with folder.sessions() as session:  # nothing recorded
        assert (
            session.scalar(
                select(Decision.id).join(Submission).where(Submission.submission_id == "FAP-1")
            )
            is None
        )


def test_the_command_line_carries_annotations(
    disagreed: tuple[DataFolder, int, int], capsys: pytest.CaptureFixture[str]
) -> None:
    folder, ana, ben = disagreed
    code = main(
        [
            "--data-dir",
            str(folder.root),
            "adjudicate",
            "FAP-1",
            "--lead",
            LEAD,
            "--decision",
            "pass",
            "--rationale",
            "Both notes help.",
            "--feedback-from",
            "Ana Ruiz",
            "--annotation",
            str(ben),
            "--annotation",
            str(ana),
            "--json",
        ]
    )
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["annotations"] == sorted([ana, ben])
    assert decision_of(folder, "FAP-1").letter_annotations == sorted([ana, ben])
    # The trail still verifies with the choice in it.
    assert main(["--data-dir", str(folder.root), "audit", "verify", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["ok"] is True

"""Scoring a submission: saved as made, submitted to a decision, reopened, resubmitted."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from reviewer_app.audit.trail import verify
from reviewer_app.reviews.feedback import earlier_attempts
from reviewer_app.reviews.service import ReviewError, ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.folder_settings import SHOW_EARLIER_SCORES
from reviewer_app.storage.models import (
    AuditEvent,
    Decision,
    IssuedCredential,
    Reviewer,
    Submission,
)

CRITERIA = [
    "overview-families",
    "overview-goal",
    "overview-response",
    "artifacts-plan",
    "artifacts-contact-log",
    "artifacts-family-voice",
    "reflection-impact",
    "reflection-assumptions",
    "reflection-next-steps",
]


def status(folder: DataFolder, submission_id: str) -> str:
    with folder.sessions() as session:
        return (
            session.scalar(
                select(Submission.status).where(Submission.submission_id == submission_id)
            )
            or ""
        )


def score_all(review: ReviewSession, level: str = "proficient") -> None:
    for criterion in CRITERIA:
        review.set_level(criterion, level)


def test_every_change_is_saved_as_it_is_made(reviewed_folder: DataFolder) -> None:
    review = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    assert status(reviewed_folder, "FAP-1") == "unreviewed"  # looking changes nothing
    review.set_level("overview-goal", "proficient")
    assert status(reviewed_folder, "FAP-1") == "in-review"
    review.set_comment("overview-goal", "The goal names the families and the outcome.")
    review.set_feedback("A clear plan.")
    # A second session, as after a restart, sees every change without any "save".
    again = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    assert again.review_id == review.review_id
    assert again.levels == {"overview-goal": "proficient"}
    assert again.comments == {"overview-goal": "The goal names the families and the outcome."}
    assert again.feedback == "A clear plan."
    with reviewed_folder.sessions() as session:
        person = session.scalar(select(Reviewer).where(Reviewer.name == "Ana Ruiz"))
        assert person is not None and person.role == "assessor"  # added on first use
        actions = session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
    # Each change is followed by the state it leaves, which `audit verify` replays.
    assert actions[-9:] == [
        "reviewer.add",
        "review.start",
        "submission.state",
        "review.level",
        "submission.state",
        "review.comment",
        "submission.state",
        "review.feedback",
        "submission.state",
    ]


def test_unknown_criterion_or_level_is_refused_with_the_choices(
    reviewed_folder: DataFolder,
) -> None:
    review = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    with pytest.raises(ReviewError, match=r"not a criterion.*overview-families"):
        review.set_level("overview-context", "proficient")
    with pytest.raises(ReviewError, match="choose not-yet, proficient"):
        review.set_level("overview-goal", "exemplary")


def test_submit_refuses_unscored_criteria_naming_them(reviewed_folder: DataFolder) -> None:
    review = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    for criterion in CRITERIA[:-2]:
        review.set_level(criterion, "proficient")
    with pytest.raises(ReviewError) as error:
        review.submit()
    message = str(error.value)
    assert "2 criteria are not scored yet" in message
    assert "reflection-assumptions (Learning about own assumptions)" in message
    assert "reflection-next-steps (Next steps)" in message
    assert status(reviewed_folder, "FAP-1") == "in-review"


def test_submit_decides_reopen_is_recorded(reviewed_folder: DataFolder) -> None:
    review = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    score_all(review)
    review.set_level("reflection-next-steps", "not-yet")
    assert review.submit().outcome == "not-yet"
    assert status(reviewed_folder, "FAP-1") == "not-yet"
    with pytest.raises(ReviewError, match="reopen it to change it"):
        review.set_level("reflection-next-steps", "proficient")

    review.reopen("the earner's second log arrived late")
    assert status(reviewed_folder, "FAP-1") == "in-review"
    review.set_level("reflection-next-steps", "proficient")
    assert review.submit().outcome == "pass"
    assert status(reviewed_folder, "FAP-1") == "pass"
    with reviewed_folder.sessions() as session:
        reopen = session.scalar(select(AuditEvent).where(AuditEvent.action == "review.reopen"))
        assert reopen is not None and reopen.actor == "Ana Ruiz"
        assert "second log arrived late" in reopen.after
        assert '"not-yet"' in reopen.before
        decisions = session.scalars(select(Decision.outcome)).all()
        assert verify(session).ok
    assert decisions == ["pass"]


def test_a_decision_with_an_issued_credential_cannot_be_reopened(
    reviewed_folder: DataFolder,
) -> None:
    review = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    score_all(review)
    review.submit()
    with reviewed_folder.sessions.begin() as session:
        decision = session.scalars(select(Decision)).one()
        session.add(
            IssuedCredential(decision_id=decision.id, credential_id="urn:uuid:1", format="ob3")
        )
    with pytest.raises(ReviewError, match="revoke it before reopening"):
        review.reopen("changed my mind")
    assert status(reviewed_folder, "FAP-1") == "pass"


def test_resubmission_shows_earlier_feedback_and_scores_only_if_allowed(
    reviewed_folder: DataFolder,
) -> None:
    first = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    score_all(first)
    first.set_level("reflection-next-steps", "not-yet")
    first.set_comment("reflection-next-steps", "Name one next step and when.")
    first.set_feedback("Revise your next steps.")
    first.submit()

    with reviewed_folder.sessions() as session:
        (earlier,) = earlier_attempts(session, "FAP-2")
    assert (earlier.submission_id, earlier.attempt, earlier.decision) == ("FAP-1", 1, "not-yet")
    assert earlier.feedback == "Revise your next steps."
    assert earlier.comments == {"Next steps": "Name one next step and when."}
    assert earlier.levels is None  # hidden by default: no anchoring

    with reviewed_folder.sessions.begin() as session:
        SHOW_EARLIER_SCORES.set(session, True)
    with reviewed_folder.sessions() as session:
        (earlier,) = earlier_attempts(session, "FAP-2")
        assert earlier_attempts(session, "FAP-1") == []
    assert earlier.levels is not None and earlier.levels["Next steps"] == "Not Yet"


def test_reviews_keep_their_rubric_version(reviewed_folder: DataFolder) -> None:
    from reviewer_app.rubrics.store import current_definition, save_new_version

    started = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    started.set_level("overview-goal", "proficient")  # the review exists from here on
    with reviewed_folder.sessions() as session:
        current = current_definition(session, started.rubric_uri)
        assert current is not None
        content = dict(current.content)
    content["rubric"]["parts"][0]["criteria"][0]["title"] = "Families served (edited)"
    saved = save_new_version(reviewed_folder, started.rubric_uri, content, actor="lead")
    assert saved.version == 2
    assert ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz").definition_id == (
        started.definition_id
    )
    newer = ReviewSession.open(reviewed_folder, "FAP-2", "Ben Osei")
    assert newer.definition_id == saved.id
    assert newer.rubric.criteria[0].title == "Families served (edited)"

"""Saving a change to a review is one short transaction of a few statements, with its
trail entries; a review is recorded with its first change or not at all."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from sqlalchemy import event, func, select

from reviewer_app.audit import state
from reviewer_app.audit.replay import replay
from reviewer_app.audit.state import current_states, text_digest
from reviewer_app.audit.trail import verify
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import AuditEvent, Review, Submission

ANA, BEN = "Ana Ruiz", "Ben Osei"


@contextmanager
def counting(folder: DataFolder) -> Iterator[dict[str, int]]:
    """Statements sent to the database and commits made, while the block runs."""
    counts = {"statements": 0, "commits": 0}

    def statement(*_args: Any) -> None:
        counts["statements"] += 1

    def commit(*_args: Any) -> None:
        counts["commits"] += 1

    event.listen(folder.engine, "before_cursor_execute", statement)
    event.listen(folder.engine, "commit", commit)
    try:
        yield counts
    finally:
        event.remove(folder.engine, "before_cursor_execute", statement)
        event.remove(folder.engine, "commit", commit)


def actions(folder: DataFolder, after_seq: int) -> list[str]:
    with folder.sessions() as session:
        return list(
            session.scalars(
                select(AuditEvent.action).where(AuditEvent.seq > after_seq).order_by(AuditEvent.seq)
            )
        )


def last_seq(folder: DataFolder) -> int:
    with folder.sessions() as session:
        return int(session.scalar(select(func.coalesce(func.max(AuditEvent.seq), 0))) or 0)


def test_a_saved_level_is_one_commit_of_few_statements(reviewed_folder: DataFolder) -> None:
    folder = reviewed_folder
    review = ReviewSession.open(folder, "FAP-1", ANA)
    first, second = (c.id for c in review.rubric.criteria[:2])
    start = last_seq(folder)
    with counting(folder) as counts:
        review.set_level(first, "proficient")
    # The review is recorded in the same transaction as its first change.
    assert counts["commits"] == 1
    assert actions(folder, start) == [
        "reviewer.add",
        "review.start",
        "submission.state",
        "review.level",
        "submission.state",
    ]
    start = last_seq(folder)
    with counting(folder) as counts:
        review.set_level(second, "proficient")
    # The claim that reads the stored level, the upsert, the state with the chain's
    # head, the entries (on a team database each statement is three round trips).
    assert counts == {"statements": 4, "commits": 1}
    assert actions(folder, start) == ["review.level", "submission.state"]
    with folder.sessions() as session:
        assert verify(session).ok
        assert replay(session).ok


def test_a_review_whose_first_change_fails_is_not_recorded(
    reviewed_folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = reviewed_folder
    review = ReviewSession.open(folder, "FAP-1", ANA)
    criterion = review.rubric.criteria[0].id
    start = last_seq(folder)

    def fails(*_args: Any, **_kwargs: Any) -> None:
        raise OSError("the disk went away")

    monkeypatch.setattr(state, "note", fails)
    with pytest.raises(OSError):
        review.set_level(criterion, "proficient")
    monkeypatch.undo()
    assert review.review_id is None and criterion not in review.levels
    with folder.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Review)) == 0
        status = session.scalar(
            select(Submission.status).where(Submission.submission_id == "FAP-1")
        )
        assert status == "unreviewed"
    assert actions(folder, start) == []
    # The same session saves the change once the fault is gone.
    review.set_level(criterion, "proficient")
    with folder.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Review)) == 1
        assert replay(session).ok


def test_the_state_read_in_one_statement_holds_every_part(reviewed_folder: DataFolder) -> None:
    folder = reviewed_folder
    ana = ReviewSession.open(folder, "FAP-1", ANA)
    first = ana.rubric.criteria[0].id
    ana.set_level(first, "proficient")
    ana.set_comment(first, "Clear plan.")
    ana.set_feedback("Good work.")
    # A review with feedback and no score at all.
    ReviewSession.open(folder, "FAP-1", BEN).set_feedback("Looking.")
    with folder.sessions() as session:
        one = current_states(session, ana.submission_pk)
        every = current_states(session)
    assert one == {"FAP-1": every["FAP-1"]}
    assert every["FAP-2"] == state.empty_state()
    assert one["FAP-1"] == {
        "status": "in-review",
        "decision": None,
        "reviews": {
            ANA: {
                "version": 1,
                "levels": {first: "proficient"},
                "comments": {first: text_digest("Clear plan.")},
                "feedback": text_digest("Good work."),
                "submitted": False,
                "decision": None,
            },
            BEN: {
                "version": 1,
                "levels": {},
                "comments": {},
                "feedback": text_digest("Looking."),
                "submitted": False,
                "decision": None,
            },
        },
    }

"""A submission's review state as the audit trail records it, and as the database holds it.

Every transaction that changes a submission's reviews, scores, decision or status ends
with a `submission.state` entry holding the state it leaves (`note`). `audit verify`
replays those entries and compares the last one of each submission with what the
database holds now (`current_states`), so an edit made around the program shows.

Texts (comments, feedback, rationales) are recorded as digests: the trail stays small
and a changed word still shows. Levels, decisions and statuses are recorded as they are.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.orm import Session, aliased

from reviewer_app.audit import trail
from reviewer_app.storage import prepared
from reviewer_app.storage.database import CLAIMED_ROWS_ONLY, sees_every_row, take_trail_turn
from reviewer_app.storage.models import (
    CriterionScore,
    Decision,
    Definition,
    Review,
    Reviewer,
    Submission,
)
from reviewer_app.vocabulary import Status

STATE_ACTION = "submission.state"
State = dict[str, Any]


def text_digest(text: str | None) -> str | None:
    """A short, stable stand-in for a text: None for no text at all."""
    if not text:
        return None
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def empty_state() -> State:
    """A submission nobody has reviewed: what an import leaves."""
    return {"status": Status.UNREVIEWED, "decision": None, "reviews": {}}


def note(
    session: Session | Connection,
    submission_pk: int,
    actor: str,
    changes: Sequence[trail.Entry] = (),
    *,
    ends_transaction: bool = False,
    submission_id: str | None = None,
) -> None:
    """Records this transaction's `changes`, then the submission's state as the
    transaction leaves them, read from the database; call last in it
    (`ends_transaction`: and nothing follows, see `trail.record_many`). The
    submission's own id (`submission_id`), where the caller has it, spares an edit of
    one review reading the submission's row."""
    if isinstance(session, Session):
        session.flush()
    partial = not sees_every_row(session)
    if partial and _edits_claimed_rows(session):
        # An assessor's edit of their own open review, which it has claimed (a row
        # lock), on a team database: no other transaction can change that review
        # before this one commits, and this one changes nothing else. The entry
        # records the review alone, read outside the trail's turn, which the server
        # takes only to link the entry, in the message that commits: so twenty
        # assessors saving at once queue for no round trip to their programs.
        if submission_id is None:
            rows = prepared.rows(session, _ONE, {"submission": submission_pk})
        else:
            # The reviews alone, in `_ALL`'s columns: the decision's and the submission's
            # joins (each under its policies) cost more than the rows they add.
            reviews = prepared.rows(session, _REVIEWS_OF_ONE, {"submission": submission_pk})
            # Laid out as `_ALL`'s rows, the submission's columns left empty.
            blank = (None,) * (len(_SUBMISSION_COLUMNS) - 2)
            rows = [(submission_pk, submission_id, *blank, *row) for row in reviews] or [
                (submission_pk, submission_id, *blank, *(None,) * len(_REVIEW_COLUMNS))
            ]
        states = {
            sid: {"partial": True, "reviews": state["reviews"]}
            for sid, state in _states(rows, partial=True).items()
        }
        head = None
    else:
        # Read in the trail's turn, so that, appended after another transaction's
        # entry, the state misses none of its changes. The chain's head comes with it:
        # one statement fewer on every save where the program links the chain.
        take_trail_turn(session)
        rows = prepared.rows(session, _NOTE, {"submission": submission_pk})
        head = rows[0][-2:] if rows else None
        states = _states(rows, partial=partial)
    trail.record_many(
        session,
        [*changes, *(state_entry(sid, st, actor) for sid, st in states.items())],
        head=head,
        ends_transaction=ends_transaction,
    )


def _edits_claimed_rows(session: Session | Connection) -> bool:
    return isinstance(session, Connection) and bool(
        session.get_execution_options().get(CLAIMED_ROWS_ONLY)
    )


def state_entry(submission_id: str, state: State, actor: str) -> trail.Entry:
    """The trail entry that records `state` as the submission's."""
    return trail.Entry(actor, STATE_ACTION, "submission", submission_id, None, state)


# One statement for the whole state (a state is noted with every score saved, and each
# statement run costs more than the rows it reads); built once. A row per score, with
# its review, the submission's decision and the submission repeated on each, and a row
# with empty review columns for a review with no scores (or a submission with none).
_LEAD, _REVIEWER = aliased(Reviewer), aliased(Reviewer)
_SUBMISSION_COLUMNS = (
    Submission.id,
    Submission.submission_id,
    Submission.status,
    Decision.id,
    Decision.outcome,
    Decision.review_id,
    _LEAD.name,
    Decision.feedback_review_id,
    Decision.feedback,
    Decision.rationale,
)
_REVIEW_COLUMNS = (
    Review.id,
    _REVIEWER.name,
    Definition.version,
    Review.feedback,
    Review.submitted_at,
    Review.decision,
    CriterionScore.criterion_id,
    CriterionScore.level_id,
    CriterionScore.comment,
)


def _reviews_joined(statement: Any) -> Any:
    return (
        statement.outerjoin(_REVIEWER, _REVIEWER.id == Review.reviewer_id)
        .outerjoin(Definition, Definition.id == Review.definition_id)
        .outerjoin(CriterionScore, CriterionScore.review_id == Review.id)
    )


_ALL = _reviews_joined(
    select(*_SUBMISSION_COLUMNS, *_REVIEW_COLUMNS)
    .select_from(Submission)
    .outerjoin(Decision, Decision.submission_id == Submission.id)
    .outerjoin(_LEAD, _LEAD.id == Decision.decided_by)
    .outerjoin(Review, Review.submission_id == Submission.id)
)
_ONE = _ALL.where(Submission.id == bindparam("submission"))
# One submission's reviews alone (what its reader may see of them), in `_REVIEW_COLUMNS`.
_REVIEWS_OF_ONE = _reviews_joined(select(*_REVIEW_COLUMNS).select_from(Review)).where(
    Review.submission_id == bindparam("submission")
)
_NOTE = _ONE.add_columns(*trail.HEAD)


def current_states(
    session: Session | Connection, submission_pk: int | None = None
) -> dict[str, State]:
    """Submission id -> its state in the database: of one submission, or of all."""
    statement = _ALL if submission_pk is None else _ONE
    params = {"submission": submission_pk} if submission_pk is not None else {}
    return _states(session.execute(statement, params))


def _states(rows: Iterable[Sequence[Any]], *, partial: bool = False) -> dict[str, State]:
    """The states in rows of `_ALL`'s columns (and any after them).

    `partial`: the rows are what an assessor's login sees on a team database (its own
    reviews only). The state is then marked partial: it says the status, the reviews it
    lists, and the decision only where it names no review out of sight; `merge` lays
    it over the state recorded before."""
    states: dict[str, State] = {}
    names: dict[int, str] = {}  # review id -> reviewer name
    decisions: dict[str, tuple[Any, ...]] = {}
    for (
        _pk,
        submission_id,
        status,
        decision_id,
        outcome,
        deciding_review,
        decided_by,
        feedback_review,
        lead_feedback,
        rationale,
        review_id,
        name,
        version,
        feedback,
        submitted_at,
        decision,
        criterion,
        level,
        comment,
        *_,
    ) in rows:
        state = states.get(submission_id)
        if state is None:
            state = states[submission_id] = {"status": status, "decision": None, "reviews": {}}
            if decision_id is not None:
                decisions[submission_id] = (
                    outcome,
                    deciding_review,
                    decided_by,
                    feedback_review,
                    lead_feedback,
                    rationale,
                )
        if review_id is None or name is None:
            continue  # no review; or one whose reviewer is gone, which a state cannot name
        review = state["reviews"].get(name)
        if review is None:
            names[review_id] = name
            review = state["reviews"][name] = {
                "version": version,
                "levels": {},
                "comments": {},
                "feedback": text_digest(feedback),
                "submitted": submitted_at is not None,
                "decision": decision,
            }
        if level:
            review["levels"][criterion] = level
        if comment:
            review["comments"][criterion] = text_digest(comment)
    # Last: a decision names its reviews by their reviewers, read with any submission.
    if partial:
        for state in states.values():
            state["partial"] = True
    for submission_id, (
        outcome,
        deciding_review,
        decided_by,
        feedback_review,
        lead_feedback,
        rationale,
    ) in decisions.items():
        if partial and any(
            review is not None and review not in names
            for review in (deciding_review, feedback_review)
        ):
            del states[submission_id]["decision"]
            continue
        states[submission_id]["decision"] = {
            "outcome": outcome,
            "review": names.get(deciding_review) if deciding_review is not None else None,
            "decided_by": decided_by,
            "feedback_from": (names.get(feedback_review) if feedback_review is not None else None),
            "feedback": text_digest(lead_feedback),
            "rationale": text_digest(rationale),
        }
    return states


def merge(before: State | None, recorded: State) -> State:
    """The state a trail entry leaves: itself, or a partial one laid over `before`."""
    if not recorded.get("partial"):
        return recorded
    merged = dict(before if before is not None else empty_state())
    if "status" in recorded:  # an edit of one review records that review alone
        merged["status"] = recorded["status"]
    if "decision" in recorded:
        merged["decision"] = recorded["decision"]
    reviews = recorded.get("reviews")
    merged["reviews"] = {
        **merged.get("reviews", {}),
        **(reviews if isinstance(reviews, dict) else {}),
    }
    return merged


def differences(recorded: State, current: State) -> list[str]:
    """How the database's state of one submission differs from the trail's, in words."""
    out: list[str] = []
    if recorded.get("status") != current.get("status"):
        out.append(
            f"its status is {current.get('status')!r}; the trail says {recorded.get('status')!r}"
        )
    out.extend(_decision_differences(recorded.get("decision"), current.get("decision")))
    mine: dict[str, Any] = recorded.get("reviews") or {}
    now: dict[str, Any] = current.get("reviews") or {}
    for reviewer in sorted(set(mine) | set(now)):
        if reviewer not in now:
            out.append(f"the review by {reviewer} is missing")
        elif reviewer not in mine:
            out.append(f"a review by {reviewer} is there that the trail never recorded")
        else:
            out.extend(
                f"{reviewer}'s review: {problem}"
                for problem in _review_differences(mine[reviewer], now[reviewer])
            )
    return out


def _decision_differences(recorded: Any, current: Any) -> list[str]:
    if recorded is None and current is None:
        return []
    if recorded is None:
        return [f"a decision {current.get('outcome')!r} is there that the trail never recorded"]
    if current is None:
        return [f"its decision ({recorded.get('outcome')!r} in the trail) is missing"]
    out = []
    if recorded.get("outcome") != current.get("outcome"):
        out.append(
            f"its decision is {current.get('outcome')!r}; "
            f"the trail says {recorded.get('outcome')!r}"
        )
    words = {
        "review": "the review the decision stands on",
        "decided_by": "who decided",
        "feedback_from": "whose feedback the earner receives",
        "feedback": "the lead's feedback",
        "rationale": "the decision's rationale",
    }
    for key, word in words.items():
        if recorded.get(key) != current.get(key):
            out.append(f"{word} differs from the trail")
    return out


def _review_differences(recorded: dict[str, Any], current: dict[str, Any]) -> list[str]:
    out = []
    if recorded.get("submitted") != current.get("submitted"):
        said = "submitted" if current.get("submitted") else "not submitted"
        out.append(f"it is {said}, unlike in the trail")
    if recorded.get("decision") != current.get("decision"):
        out.append(
            f"its decision is {current.get('decision')!r}; "
            f"the trail says {recorded.get('decision')!r}"
        )
    if recorded.get("version") != current.get("version"):
        out.append("its rubric version differs from the trail")
    levels, now_levels = recorded.get("levels") or {}, current.get("levels") or {}
    for criterion in sorted(set(levels) | set(now_levels)):
        if levels.get(criterion) != now_levels.get(criterion):
            out.append(
                f"{criterion} is at level {now_levels.get(criterion)!r}; "
                f"the trail says {levels.get(criterion)!r}"
            )
    comments, now_comments = recorded.get("comments") or {}, current.get("comments") or {}
    for criterion in sorted(set(comments) | set(now_comments)):
        if comments.get(criterion) != now_comments.get(criterion):
            out.append(f"the comment on {criterion} differs from the trail")
    if recorded.get("feedback") != current.get("feedback"):
        out.append("its feedback to the earner differs from the trail")
    return out

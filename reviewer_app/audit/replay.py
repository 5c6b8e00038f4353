"""Replaying the audit trail against the database.

The hash chain shows an edit inside the trail; replaying shows an edit outside it. The
trail's `submission.state` entries say what each change left; the last one of each
submission must be what the database holds now. Each level, comment, feedback and
submit entry must agree with the state recorded right after it in the same change, so
rewriting one entry (and recomputing the chain) shows too. And a submitted review's
decision must be what its rubric's pass rule gives on its stored levels.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.audit.state import (
    STATE_ACTION,
    State,
    current_states,
    differences,
    empty_state,
    merge,
    text_digest,
)
from reviewer_app.rubrics.decision import decide
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.models import (
    AuditEvent,
    CriterionScore,
    Definition,
    Review,
    Reviewer,
    Submission,
)

_DELTAS = ("review.level", "review.comment", "review.feedback", "review.submit")
# Entries about reviews that, written before the trail recorded states, mean a
# submission's history begins before the first state entry.
_REVIEW_ACTIONS = (*_DELTAS, "review.start", "review.import", "decision.record")
# A change records its state within a few entries of its own (submit: the submit, the
# decision, then the state).
_SAME_CHANGE = 4


@dataclass(frozen=True)
class Finding:
    submission: str
    problem: str
    seq: int | None = None  # the trail entry the finding is about, if one

    def as_dict(self) -> dict[str, Any]:
        return {"submission": self.submission, "problem": self.problem, "seq": self.seq}

    def sentence(self) -> str:
        where = f" (entry {self.seq})" if self.seq is not None else ""
        return f"{self.submission}{where}: {self.problem}"


@dataclass
class Replay:
    checked: int = 0  # submissions whose state was compared
    # Submissions last changed before this trail recorded states: not comparable.
    unchecked: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.findings

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "checked": self.checked,
            "unchecked": self.unchecked,
            "findings": [f.as_dict() for f in self.findings],
        }


@dataclass(frozen=True)
class _Delta:
    seq: int
    action: str
    entity_id: str
    after: Any


def replay(session: Session) -> Replay:
    """Compares what the trail says each submission's state is with the database."""
    result = Replay()
    recorded: dict[str, State] = {}
    pending: list[_Delta] = []
    first_review_entry: int | None = None  # before any state entry
    history_before_states = False
    rows = session.execute(
        select(AuditEvent.seq, AuditEvent.action, AuditEvent.entity_id, AuditEvent.after)
        .where(AuditEvent.action.in_((STATE_ACTION, *_REVIEW_ACTIONS)))
        .order_by(AuditEvent.seq)
        .execution_options(yield_per=1000)
    )
    for seq, action, entity_id, after_text in rows:
        after = _loads(after_text)
        if action != STATE_ACTION:
            if not recorded and first_review_entry is None:
                first_review_entry = seq
            if action in _DELTAS:
                pending.append(_Delta(seq, action, entity_id, after))
            continue
        if not isinstance(after, dict):
            result.findings.append(
                Finding(entity_id, "the trail's state entry cannot be read", seq)
            )
            continue
        if not recorded and first_review_entry is not None:
            # A change recorded its state with it; an entry further back is older.
            history_before_states = first_review_entry < seq - _SAME_CHANGE
        after = merge(recorded.get(entity_id), after)
        pending = _check_deltas(result, pending, seq, entity_id, after)
        recorded[entity_id] = after
    if not recorded and first_review_entry is not None:
        history_before_states = True
    current = current_states(session)
    for submission_id in sorted(set(current) | set(recorded)):
        now = current.get(submission_id)
        if now is None:
            result.findings.append(
                Finding(submission_id, "the trail records it, but it is not in the database")
            )
            continue
        said = recorded.get(submission_id)
        if said is None:
            if now == empty_state():
                result.checked += 1
            elif history_before_states:
                result.unchecked.append(submission_id)
            else:
                result.findings.append(
                    Finding(
                        submission_id,
                        "it has reviews, a decision or a status that the trail never recorded",
                    )
                )
            continue
        result.checked += 1
        result.findings.extend(Finding(submission_id, p) for p in differences(said, now))
    result.findings.extend(decision_findings(session))
    return result


def _loads(text: str) -> Any:
    try:
        return json.loads(text)
    except ValueError:
        return None


def _check_deltas(
    result: Replay, pending: list[_Delta], seq: int, submission_id: str, state: State
) -> list[_Delta]:
    """Checks the deltas of the change that recorded `state`; returns those still open."""
    reviews = state.get("reviews") if isinstance(state.get("reviews"), dict) else {}
    assert isinstance(reviews, dict)
    prefix = f"{submission_id}/"
    still: list[_Delta] = []
    for delta in pending:
        if delta.seq < seq - _SAME_CHANGE:
            continue  # not part of a change that recorded its state
        if not delta.entity_id.startswith(prefix):
            still.append(delta)
            continue
        review = reviews.get(delta.entity_id[len(prefix) :])
        if not isinstance(review, dict) or not _agrees(delta, review):
            result.findings.append(
                Finding(
                    submission_id,
                    f"its {delta.action} entry does not agree with the state recorded "
                    f"after it (entry {seq}): the trail was edited",
                    delta.seq,
                )
            )
    return still


def _agrees(delta: _Delta, review: dict[str, Any]) -> bool:
    after = delta.after
    levels = review.get("levels") or {}
    if delta.action == "review.feedback":
        return review.get("feedback") == text_digest(after if isinstance(after, str) else None)
    if not isinstance(after, dict):
        return False
    if delta.action == "review.level":
        return all(levels.get(c) == level for c, level in after.items())
    if delta.action == "review.comment":
        comments = review.get("comments") or {}
        return all(
            comments.get(c) == text_digest(text if isinstance(text, str) else None)
            for c, text in after.items()
        )
    # review.submit
    return bool(
        review.get("submitted")
        and review.get("decision") == after.get("decision")
        and levels == after.get("levels")
    )


# Rows fetched at a time (a team database streams them from a server cursor).
_BATCH = 2000


def decision_findings(session: Session) -> list[Finding]:
    """Submitted reviews whose stored decision is not what their levels give (`check`
    asks this too: no trail is needed to see such a contradiction)."""
    return [Finding(*found) for found in decision_contradictions(session)]


def decision_contradictions(session: Session) -> Iterator[tuple[str, str]]:
    """(submission id, the problem in words) for each submitted review whose stored
    decision is not what its levels give. One statement, every submitted review with
    its levels in review order, streamed a review at a time: asked review by review, two
    round trips each, a term's hundred thousand reviews took most of `check`'s time."""
    contents: dict[int, dict[str, Any] | None] = {
        definition_id: content
        for definition_id, content in session.execute(select(Definition.id, Definition.content))
    }
    rubrics: dict[int, Rubric] = {}
    rows = session.execute(
        select(
            Review.id,
            Review.definition_id,
            Review.decision,
            Submission.submission_id,
            Reviewer.name,
            CriterionScore.criterion_id,
            CriterionScore.level_id,
        )
        .join(Submission, Submission.id == Review.submission_id)
        .join(Reviewer, Reviewer.id == Review.reviewer_id)
        .outerjoin(CriterionScore, CriterionScore.review_id == Review.id)
        .where(Review.submitted_at.is_not(None))
        .order_by(Review.id),
        execution_options={"yield_per": _BATCH},
    )
    for _, scored in groupby(rows, key=itemgetter(0)):
        first: Any = None
        levels: dict[str, str] = {}
        for row in scored:
            first = first or row
            if row[6]:  # a level chosen (an outer join's review without scores has none)
                levels[row[5]] = row[6]
        _, definition_id, decision, submission_id, reviewer, *_ = first
        if definition_id not in rubrics:
            rubrics[definition_id] = Rubric.from_content(contents.get(definition_id) or {})
        try:
            outcome = decide(rubrics[definition_id], levels).outcome
        except (KeyError, ValueError):
            outcome = None
        if outcome != decision:
            yield (
                submission_id,
                f"{reviewer}'s review says {decision!r}, but its stored levels give "
                f"{outcome!r} by the rubric's pass rule",
            )

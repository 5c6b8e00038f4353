"""`reviewer-app check` as a whole: the store's check (every stored file whole, the
database and store agreeing) with the audit trail's part, a decision that contradicts
its stored levels.

The decisions are read in one statement, every submitted review with its levels in
review order, a review at a time: `replay.decision_findings` (which `audit verify`
uses) asks for each review's levels on its own, two round trips a review, which at a
term's hundred thousand reviews was most of the check's time after the files' hashing.
The two must agree (a test compares them).
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import groupby
from operator import itemgetter
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.progress import CancelToken, Progress
from reviewer_app.rubrics.decision import decide
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage import check
from reviewer_app.storage.check import Problem
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import CriterionScore, Definition, Review, Reviewer, Submission

# Rows fetched at a time (a team database streams them from a server cursor).
_BATCH = 2000


def _decisions(session: Session) -> Iterator[Problem]:
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
            yield Problem(
                "decision",
                submission_id,
                f"{reviewer}'s review says {decision!r}, but its stored levels give "
                f"{outcome!r} by the rubric's pass rule",
            )


def check_folder(
    folder: DataFolder, progress: Progress | None = None, cancel: CancelToken | None = None
) -> list[Problem]:
    return check.check_folder(folder, progress, cancel, more=_decisions)

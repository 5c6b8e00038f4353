"""The pass rule: non-compensatory scoring turns a review's levels into Pass or Not Yet."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from reviewer_app.rubrics.model import Criterion, Rubric
from reviewer_app.vocabulary import Outcome


@dataclass(frozen=True)
class DecisionPreview:
    """What the rule says of a review so far. `outcome` is None while any criterion is
    unscored; `unmet` lists the criteria below the passing level (every_criterion_at_least)."""

    outcome: Outcome | None
    unscored: tuple[str, ...]
    unmet: tuple[str, ...]
    total_points: float | None


def meets_level(criterion: Criterion, level_id: str, threshold: str | None) -> bool | None:
    """Whether `level_id` reaches the rule's level on this criterion's scale."""
    if threshold is None:
        return None
    return criterion.index_of(level_id) >= criterion.index_of(threshold)


def decide(rubric: Rubric, levels: Mapping[str, str | None]) -> DecisionPreview:
    """Applies the rubric's pass rule to `levels` (criterion id to level id).

    With both parts of the rule, both must hold: a strong criterion never makes up for
    a weak one under `every_criterion_at_least`.
    """
    rule = rubric.pass_rule
    unscored = tuple(c.id for c in rubric.criteria if not levels.get(c.id))
    unmet = []
    total: float | None = 0.0
    for c in rubric.criteria:
        chosen = levels.get(c.id)
        if not chosen:
            continue
        if meets_level(c, chosen, rule.every_criterion_at_least) is False:
            unmet.append(c.id)
        points = c.level(chosen).points
        total = None if total is None or points is None else total + points
    if unscored:
        return DecisionPreview(None, unscored, tuple(unmet), total)
    passed = not unmet
    if rule.total_points_at_least is not None:
        passed = passed and total is not None and total >= rule.total_points_at_least
    return DecisionPreview(Outcome.PASS if passed else Outcome.NOT_YET, (), tuple(unmet), total)

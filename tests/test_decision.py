"""The pass rule, at, above and below each threshold; scales of a criterion's own; and
what a review with criteria left unscored decides (nothing)."""

from __future__ import annotations

from typing import Any

import pytest

from reviewer_app.rubrics.decision import decide
from reviewer_app.rubrics.model import Rubric
from reviewer_app.vocabulary import Outcome

PASS, NOT_YET = Outcome.PASS, Outcome.NOT_YET

FOUR = [
    {"id": "beginning", "label": "Beginning", "points": 1},
    {"id": "developing", "label": "Developing", "points": 2},
    {"id": "proficient", "label": "Proficient", "points": 3},
    {"id": "exemplary", "label": "Exemplary", "points": 4},
]
OWN = [  # a criterion's own scale: the threshold sits at another step
    {"id": "not-yet", "label": "Not Yet", "points": 0},
    {"id": "developing", "label": "Developing", "points": 1},
    {"id": "exemplary", "label": "Exemplary", "points": 5},
]


def rubric(rule: dict[str, Any], *, own_scale: bool = False) -> Rubric:
    c3: dict[str, Any] = {"id": "c3", "title": "Reflection", "descriptors": {}}
    if own_scale:
        c3["levels"] = OWN
    return Rubric.from_content(
        {
            "version": 1,
            "levels": FOUR,
            "parts": [
                {
                    "id": "p1",
                    "title": "Part 1",
                    "criteria": [
                        {"id": "c1", "title": "Plan", "descriptors": {}},
                        {"id": "c2", "title": "Log", "descriptors": {}},
                    ],
                },
                {"id": "p2", "title": "Part 2", "criteria": [c3]},
            ],
            "pass": rule,
        }
    )


EVERY = {"every_criterion_at_least": "proficient"}


@pytest.mark.parametrize(
    ("levels", "outcome", "unmet"),
    [
        ({"c1": "proficient", "c2": "proficient", "c3": "proficient"}, PASS, ()),  # at
        ({"c1": "exemplary", "c2": "exemplary", "c3": "exemplary"}, PASS, ()),  # above
        ({"c1": "exemplary", "c2": "exemplary", "c3": "developing"}, NOT_YET, ("c3",)),  # below
        ({"c1": "beginning", "c2": "proficient", "c3": "developing"}, NOT_YET, ("c1", "c3")),
    ],
    ids=["at", "above", "one-below-is-not-compensated", "two-below"],
)
def test_every_criterion_at_least(
    levels: dict[str, str], outcome: str, unmet: tuple[str, ...]
) -> None:
    result = decide(rubric(EVERY), levels)
    assert (result.outcome, result.unmet, result.unscored) == (outcome, unmet, ())


@pytest.mark.parametrize(
    ("levels", "total", "outcome"),
    [
        ({"c1": "proficient", "c2": "proficient", "c3": "developing"}, 8, PASS),  # at 8
        ({"c1": "exemplary", "c2": "proficient", "c3": "developing"}, 9, PASS),  # above
        ({"c1": "proficient", "c2": "developing", "c3": "developing"}, 7, NOT_YET),  # below
        ({"c1": "exemplary", "c2": "exemplary", "c3": "beginning"}, 9, PASS),  # compensatory
    ],
    ids=["at", "above", "below", "points-alone-compensate"],
)
def test_total_points_at_least(levels: dict[str, str], total: float, outcome: str) -> None:
    result = decide(rubric({"total_points_at_least": 8}), levels)
    assert (result.total_points, result.outcome) == (total, outcome)


@pytest.mark.parametrize(
    ("levels", "outcome"),
    [
        ({"c1": "developing", "c2": "developing", "c3": "developing"}, NOT_YET),  # 6 < 7
        ({"c1": "exemplary", "c2": "beginning", "c3": "exemplary"}, NOT_YET),  # 9, c2 below
        ({"c1": "proficient", "c2": "developing", "c3": "developing"}, PASS),  # 7, all >= dev
        ({"c1": "exemplary", "c2": "exemplary", "c3": "developing"}, PASS),  # 10
    ],
    ids=["both-fail", "points-met-level-not", "both-at", "both-above"],
)
def test_both_rules_must_hold(levels: dict[str, str], outcome: str) -> None:
    rule = {"every_criterion_at_least": "developing", "total_points_at_least": 7}
    assert decide(rubric(rule), levels).outcome == outcome


def test_a_criterion_scale_of_its_own_is_judged_on_its_own_steps() -> None:
    rule = {"every_criterion_at_least": "developing", "total_points_at_least": 9}
    r = rubric(rule, own_scale=True)
    # On c3's own scale "developing" is step 1 and worth 1 point; "exemplary" is worth 5.
    at = decide(r, {"c1": "proficient", "c2": "proficient", "c3": "developing"})
    assert (at.outcome, at.total_points, at.unmet) == (NOT_YET, 7, ())
    above = decide(r, {"c1": "developing", "c2": "developing", "c3": "exemplary"})
    assert (above.outcome, above.total_points) == (PASS, 9)
    below = decide(r, {"c1": "exemplary", "c2": "exemplary", "c3": "not-yet"})
    assert (below.outcome, below.unmet) == (NOT_YET, ("c3",))


def test_unscored_criteria_decide_nothing_and_are_named() -> None:
    result = decide(rubric(EVERY), {"c1": "exemplary", "c3": None})
    assert result.outcome is None
    assert result.unscored == ("c2", "c3")

"""The calibration report as typed, frozen results.

The report is read by the command line, the window's tables and charts, and the CSV and
PDF exports; they read attributes, so a renamed figure is a type error and not a silent
miss. `to_json()` gives the one JSON shape the command line's `--json` has always
printed (lists for intervals and reasons, the rules under their long names);
`from_json()` reads it back.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

# A bootstrap 95% interval (low, high); both None when it could not be computed.
Interval = tuple[float | None, float | None]
NO_INTERVAL: Interval = (None, None)


def _interval(value: Sequence[float | None] | None) -> Interval:
    if not value:
        return NO_INTERVAL
    low, high = value
    return (low, high)


@dataclass(frozen=True, slots=True)
class Rules:
    """Qualification: the exact agreement a reviewer needs against anchors, by the size
    of the scale, and the kappa needed on four or more levels (defaults from large
    scoring programmes); no pass/fail decision may contradict the reference."""

    exact_two: float = 0.90
    exact_three: float = 0.80
    exact_more: float = 0.70
    kappa_more: float = 0.70

    def exact_needed(self, levels: int) -> float:
        return (
            self.exact_two if levels <= 2 else self.exact_three if levels == 3 else self.exact_more
        )

    def to_json(self) -> dict[str, float]:
        return {
            "exact_agreement_two_levels": self.exact_two,
            "exact_agreement_three_levels": self.exact_three,
            "exact_agreement_four_or_more": self.exact_more,
            "kappa_four_or_more": self.kappa_more,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Rules:
        return cls(
            float(data["exact_agreement_two_levels"]),
            float(data["exact_agreement_three_levels"]),
            float(data["exact_agreement_four_or_more"]),
            float(data["kappa_four_or_more"]),
        )


@dataclass(frozen=True, slots=True)
class DriftWeek:
    start: str  # ISO date of the week's first day
    severity: float | None
    scores: int


@dataclass(frozen=True, slots=True)
class Drift:
    """A reviewer's severity against the anchors week by week, and its trend."""

    slope_per_30_days: float | None
    weeks: tuple[DriftWeek, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "slope_per_30_days": self.slope_per_30_days,
            "weeks": [
                {"start": w.start, "severity": w.severity, "scores": w.scores} for w in self.weeks
            ],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Drift:
        return cls(
            data["slope_per_30_days"],
            tuple(DriftWeek(w["start"], w["severity"], int(w["scores"])) for w in data["weeks"]),
        )


@dataclass(frozen=True, slots=True)
class ReviewerResult:
    """One reviewer against the anchors; the figures are None when they scored none."""

    reviewer: str
    anchor_scores: int
    exact_agreement: float | None
    adjacent_agreement: float | None
    quadratic_weighted_kappa: float | None
    quadratic_weighted_kappa_interval: Interval
    severity: float | None  # mean signed difference in steps; negative = harsher
    contradicted_decisions: int
    drift: Drift | None
    qualified: bool
    why: tuple[str, ...]  # the reasons, in English (the window words the known ones)

    def to_json(self) -> dict[str, Any]:
        return {
            "reviewer": self.reviewer,
            "anchor_scores": self.anchor_scores,
            "exact_agreement": self.exact_agreement,
            "adjacent_agreement": self.adjacent_agreement,
            "quadratic_weighted_kappa": self.quadratic_weighted_kappa,
            "quadratic_weighted_kappa_interval": list(self.quadratic_weighted_kappa_interval),
            "severity": self.severity,
            "contradicted_decisions": self.contradicted_decisions,
            "drift": None if self.drift is None else self.drift.to_json(),
            "qualified": self.qualified,
            "why": list(self.why),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> ReviewerResult:
        drift = data.get("drift")
        return cls(
            reviewer=data["reviewer"],
            anchor_scores=int(data["anchor_scores"]),
            exact_agreement=data["exact_agreement"],
            adjacent_agreement=data["adjacent_agreement"],
            quadratic_weighted_kappa=data["quadratic_weighted_kappa"],
            quadratic_weighted_kappa_interval=_interval(
                data.get("quadratic_weighted_kappa_interval")
            ),
            severity=data["severity"],
            contradicted_decisions=int(data["contradicted_decisions"]),
            drift=None if drift is None else Drift.from_json(drift),
            qualified=bool(data["qualified"]),
            why=tuple(data.get("why") or ()),
        )


@dataclass(frozen=True, slots=True)
class CriterionResult:
    """One criterion across reviewers: submissions as units, reviewers as coders."""

    criterion: str
    units: int
    levels: int
    krippendorff_alpha_ordinal: float | None
    krippendorff_alpha_interval: Interval
    exact_agreement: float | None
    fleiss_kappa: float | None  # only when every unit has the same number of reviews
    base_rate: float | None  # only on two-level scales

    def to_json(self) -> dict[str, Any]:
        return {
            "criterion": self.criterion,
            "units": self.units,
            "levels": self.levels,
            "krippendorff_alpha_ordinal": self.krippendorff_alpha_ordinal,
            "krippendorff_alpha_interval": list(self.krippendorff_alpha_interval),
            "exact_agreement": self.exact_agreement,
            "fleiss_kappa": self.fleiss_kappa,
            "base_rate": self.base_rate,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CriterionResult:
        return cls(
            criterion=data["criterion"],
            units=int(data["units"]),
            levels=int(data["levels"]),
            krippendorff_alpha_ordinal=data["krippendorff_alpha_ordinal"],
            krippendorff_alpha_interval=_interval(data.get("krippendorff_alpha_interval")),
            exact_agreement=data["exact_agreement"],
            fleiss_kappa=data.get("fleiss_kappa"),
            base_rate=data.get("base_rate"),
        )


@dataclass(frozen=True, slots=True)
class Overall:
    """Every (submission, criterion) pair as a unit; decisions of double-marked ones."""

    units: int
    reviewers: int
    submissions: int
    krippendorff_alpha_ordinal: float | None
    krippendorff_alpha_interval: Interval
    decision_agreement: float | None
    decision_agreement_interval: Interval
    decision_units: int

    def to_json(self) -> dict[str, Any]:
        return {
            "units": self.units,
            "reviewers": self.reviewers,
            "submissions": self.submissions,
            "krippendorff_alpha_ordinal": self.krippendorff_alpha_ordinal,
            "krippendorff_alpha_interval": list(self.krippendorff_alpha_interval),
            "decision_agreement": self.decision_agreement,
            "decision_agreement_interval": list(self.decision_agreement_interval),
            "decision_units": self.decision_units,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> Overall:
        return cls(
            units=int(data["units"]),
            reviewers=int(data["reviewers"]),
            submissions=int(data["submissions"]),
            krippendorff_alpha_ordinal=data["krippendorff_alpha_ordinal"],
            krippendorff_alpha_interval=_interval(data.get("krippendorff_alpha_interval")),
            decision_agreement=data["decision_agreement"],
            decision_agreement_interval=_interval(data.get("decision_agreement_interval")),
            decision_units=int(data["decision_units"]),
        )


@dataclass(frozen=True, slots=True)
class CalibrationReport:
    reviewers: tuple[ReviewerResult, ...]
    criteria: tuple[CriterionResult, ...]
    overall: Overall
    credential: str | None  # None: every micro-credential
    rules: Rules

    def reviewer(self, name: str) -> ReviewerResult | None:
        return next((r for r in self.reviewers if r.reviewer == name), None)

    @property
    def anchored(self) -> bool:
        """Whether any reviewer has scored an anchor."""
        return any(r.anchor_scores for r in self.reviewers)

    @property
    def double_marked(self) -> bool:
        """Whether any submission was submitted by two or more reviewers."""
        return bool(self.criteria)

    def to_json(self) -> dict[str, Any]:
        return {
            "reviewers": [r.to_json() for r in self.reviewers],
            "criteria": [c.to_json() for c in self.criteria],
            "overall": self.overall.to_json(),
            "credential": self.credential,
            "rules": self.rules.to_json(),
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> CalibrationReport:
        return cls(
            reviewers=tuple(ReviewerResult.from_json(r) for r in data["reviewers"]),
            criteria=tuple(CriterionResult.from_json(c) for c in data["criteria"]),
            overall=Overall.from_json(data["overall"]),
            credential=data.get("credential"),
            rules=Rules.from_json(data["rules"]) if "rules" in data else Rules(),
        )

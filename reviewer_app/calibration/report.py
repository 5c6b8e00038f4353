"""The calibration report: how consistently assessors score, from the data folder.

Levels are compared by their index on the criterion's scale (lowest 0). Only submitted
reviews count.

- Per reviewer, against anchors: every (anchor, criterion) pair they scored against the
  reference level: exact and adjacent agreement, quadratic weighted kappa over the full
  scale, severity (mean signed difference; negative = harsher), drift over time, and
  whether they qualify under the credential's rules.
- Per criterion, across reviewers: submissions as units, reviewers as coders (the
  lead's reference review of an anchor not among them): Krippendorff's alpha (ordinal)
  and exact agreement of pairs; Fleiss' kappa when every unit has the same number of
  reviews; the base rate beside it on two-level scales.
- Overall: every (submission, criterion) pair as a unit for alpha; decision agreement
  is the share of submissions with two or more reviews whose decisions are all equal.

Agreement coefficients carry a bootstrap 95% interval over submissions. The results are
the typed ones of reviewer_app.calibration.results.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.orm import Session

from reviewer_app.calibration import bootstrap, stats
from reviewer_app.calibration.results import (
    CalibrationReport,
    CriterionResult,
    Drift,
    DriftWeek,
    Interval,
    Overall,
    ReviewerResult,
    Rules,
)
from reviewer_app.rubrics.model import Rubric
from reviewer_app.storage.models import (
    Anchor,
    CredentialSetting,
    CriterionScore,
    Definition,
    Review,
    Reviewer,
    Submission,
)
from reviewer_app.vocabulary import Outcome

RESAMPLES = 1000
SEED = 20261130


def rules_for(session: Session, credential_uri: str | None) -> Rules:
    """The credential's qualification rules: its own thresholds over the defaults."""
    setting = session.get(CredentialSetting, credential_uri) if credential_uri else None
    values = (setting.rules or {}) if setting is not None else {}
    return Rules(**{k: float(v) for k, v in values.items() if k in Rules.__dataclass_fields__})


@dataclass
class _Scored:
    review_id: int
    submission: int
    submission_id: str
    reviewer: str
    decision: Outcome | None
    submitted_at: Any
    definition_id: int
    levels: dict[str, tuple[int, int]] = field(default_factory=dict)  # criterion -> (step, k)


def _number(value: float) -> float | None:
    return None if math.isnan(value) else round(float(value), 12)


def _interval(estimate: bootstrap.Estimate) -> Interval:
    return (_number(estimate.low), _number(estimate.high))


def _load(session: Session, credential: str | None) -> tuple[list[_Scored], dict[int, int]]:
    """Submitted reviews with their level steps; and anchors: submission -> reference.

    Plain columns in three statements whatever the number of reviews (the reviews, their
    definitions, their scores joined to them): on a team database every row comes
    through the driver, so no ORM objects, and no list of thousands of review ids sent
    back to the server to fetch their scores."""
    submitted = Review.submitted_at.is_not(None)
    query = (
        select(
            Review.id,
            Review.submission_id,
            Submission.submission_id,
            Reviewer.name,
            Review.decision,
            Review.submitted_at,
            Review.definition_id,
        )
        .join(Reviewer, Reviewer.id == Review.reviewer_id)
        .join(Submission, Submission.id == Review.submission_id)
        .where(submitted)
        .order_by(Review.id)
    )
    scores = (
        select(CriterionScore.review_id, CriterionScore.criterion_id, CriterionScore.level_id)
        .join(Review, Review.id == CriterionScore.review_id)
        .where(submitted, CriterionScore.level_id.is_not(None))
    )
    if credential is not None:
        query = query.where(Submission.credential_uri == credential)
        scores = scores.join(Submission, Submission.id == Review.submission_id).where(
            Submission.credential_uri == credential
        )
    reviews = {row[0]: _Scored(*row) for row in session.execute(query)}
    rubrics: dict[int, Rubric] = {}
    if reviews:
        used = {review.definition_id for review in reviews.values()}
        rubrics = {
            pk: Rubric.from_content(content)
            for pk, content in session.execute(
                select(Definition.id, Definition.content).where(Definition.id.in_(used))
            )
        }
        for review_id, criterion, level in session.execute(scores):
            review = reviews.get(review_id)
            if review is None or not level:
                continue
            try:
                scale = rubrics[review.definition_id].criterion(criterion)
                review.levels[criterion] = (scale.index_of(level), len(scale.levels))
            except (KeyError, ValueError):
                continue
    anchors = {
        submission: reference
        for submission, reference in session.execute(
            select(Anchor.submission_id, Anchor.reference_review_id)
        )
    }
    return list(reviews.values()), anchors


def calibration_report(
    session: Session,
    *,
    credential: str | None = None,
    rules: Rules | None = None,
    n_resamples: int = RESAMPLES,
) -> CalibrationReport:
    rules = rules or rules_for(session, credential)
    reviews, anchors = _load(session, credential)
    references = {r.review_id: r for r in reviews if r.review_id in anchors.values()}
    reference_of = {
        submission: references[review_id]
        for submission, review_id in anchors.items()
        if review_id in references
    }
    return CalibrationReport(
        reviewers=_reviewers(reviews, reference_of, rules, n_resamples),
        criteria=_criteria(reviews, references, n_resamples),
        overall=_overall(reviews, references, n_resamples),
        credential=credential,
        rules=rules,
    )


def _reviewers(
    reviews: list[_Scored], reference_of: dict[int, _Scored], rules: Rules, n_resamples: int
) -> tuple[ReviewerResult, ...]:
    out = []
    by_reviewer: dict[str, list[_Scored]] = defaultdict(list)
    for review in reviews:
        reference = reference_of.get(review.submission)
        if reference is not None and reference.review_id != review.review_id:
            by_reviewer[review.reviewer].append(review)
    for name in sorted({r.reviewer for r in reviews}):
        own, ref, when, scale = [], [], [], 2
        contradictions = 0
        for review in by_reviewer.get(name, []):
            reference = reference_of[review.submission]
            if review.decision and reference.decision and review.decision != reference.decision:
                contradictions += 1
            for criterion, (step, k) in review.levels.items():
                if criterion in reference.levels:
                    own.append(step)
                    ref.append(reference.levels[criterion][0])
                    when.append((review.submitted_at, float(step - reference.levels[criterion][0])))
                    scale = max(scale, k)
        if own:
            estimates = bootstrap.paired_estimates(
                np.array(own, dtype=float),
                np.array(ref, dtype=float),
                scale,
                n_resamples=n_resamples,
                seed=SEED,
            )
            exact, qwk = estimates.exact.value, estimates.qwk.value
            needed = rules.exact_needed(scale)
            reasons = []
            if exact < needed:
                reasons.append(f"exact agreement {exact:.0%} is below {needed:.0%}")
            if scale >= 4 and not (qwk >= rules.kappa_more):
                reasons.append(f"weighted kappa {qwk:.2f} is below {rules.kappa_more:.2f}")
            if contradictions:
                reasons.append(f"{contradictions} pass/fail decisions contradict the reference")
            out.append(
                ReviewerResult(
                    reviewer=name,
                    anchor_scores=len(own),
                    exact_agreement=_number(exact),
                    adjacent_agreement=_number(estimates.adjacent.value),
                    quadratic_weighted_kappa=_number(qwk),
                    quadratic_weighted_kappa_interval=_interval(estimates.qwk),
                    severity=_number(estimates.severity.value),
                    contradicted_decisions=contradictions,
                    drift=_drift(when),
                    qualified=not reasons,
                    why=tuple(reasons or ["meets every rule"]),
                )
            )
        else:
            out.append(
                ReviewerResult(
                    reviewer=name,
                    anchor_scores=0,
                    exact_agreement=None,
                    adjacent_agreement=None,
                    quadratic_weighted_kappa=None,
                    quadratic_weighted_kappa_interval=(None, None),
                    severity=None,
                    contradicted_decisions=0,
                    drift=None,
                    qualified=False,
                    why=("has scored no anchors",),
                )
            )
    return tuple(out)


def _drift(observations: list[tuple[Any, float]]) -> Drift | None:
    if len(observations) < 2:
        return None
    result = stats.drift(observations, period="week")
    return Drift(
        _number(result.slope_per_30_days),
        tuple(DriftWeek(b.start.isoformat(), _number(b.mean), b.count) for b in result.buckets),
    )


def _coder_matrices(
    reviews: list[_Scored], references: dict[int, _Scored]
) -> tuple[list[str], list[int], dict[str, np.ndarray], dict[str, int]]:
    """Per criterion, a reviewers x submissions matrix of steps (nan where missing)."""
    counted = [r for r in reviews if r.review_id not in references]
    coders = sorted({r.reviewer for r in counted})
    units = sorted({r.submission for r in counted})
    column = {u: n for n, u in enumerate(units)}
    row = {c: n for n, c in enumerate(coders)}
    matrices: dict[str, np.ndarray] = {}
    scales: dict[str, int] = {}
    for review in counted:
        for criterion, (step, k) in review.levels.items():
            if criterion not in matrices:
                matrices[criterion] = np.full((len(coders), len(units)), np.nan)
            matrices[criterion][row[review.reviewer], column[review.submission]] = step
            scales[criterion] = max(scales.get(criterion, 2), k)
    return coders, units, matrices, scales


def _criteria(
    reviews: list[_Scored], references: dict[int, _Scored], n_resamples: int
) -> tuple[CriterionResult, ...]:
    _coders, _units, matrices, scales = _coder_matrices(reviews, references)
    names = sorted(matrices)
    if not names:
        return ()
    results = bootstrap.coder_agreement_by_criterion(
        [matrices[c] for c in names],
        [scales[c] for c in names],
        n_resamples=n_resamples,
        seed=SEED,
    )
    out = []
    for criterion, result in zip(names, results, strict=True):
        matrix = matrices[criterion]
        rated = (~np.isnan(matrix)).sum(axis=0)
        pairable = rated >= 2
        fleiss: float | None = None
        base_rate: float | None = None
        same = rated[pairable]
        if same.size and (same == same[0]).all():
            columns = matrix[:, pairable].T  # units x raters
            table = stats.category_counts(
                np.array([c[~np.isnan(c)] for c in columns]), scales[criterion]
            )
            fleiss = _number(stats.fleiss_kappa(table))
        if scales[criterion] == 2:
            values = matrix[~np.isnan(matrix)]
            base_rate = _number(stats.base_rate(values))
        out.append(
            CriterionResult(
                criterion=criterion,
                units=int(pairable.sum()),
                levels=scales[criterion],
                krippendorff_alpha_ordinal=_number(result.alpha.value),
                krippendorff_alpha_interval=_interval(result.alpha),
                exact_agreement=_number(result.pairwise_exact.value),
                fleiss_kappa=fleiss,
                base_rate=base_rate,
            )
        )
    return tuple(out)


def _overall(reviews: list[_Scored], references: dict[int, _Scored], n_resamples: int) -> Overall:
    coders, units, matrices, scales = _coder_matrices(reviews, references)
    if matrices:
        combined = np.hstack([matrices[c] for c in sorted(matrices)])
        alpha = bootstrap.alpha_estimate(
            combined, max(scales.values()), n_resamples=n_resamples, seed=SEED
        )
        pairable = int(((~np.isnan(combined)).sum(axis=0) >= 2).sum())
    else:
        alpha, pairable = bootstrap.Estimate(math.nan, 0, math.nan, math.nan), 0
    decisions: dict[int, list[str | None]] = defaultdict(list)
    for review in reviews:
        if review.review_id not in references:
            decisions[review.submission].append(review.decision)
    multi = [d for d in decisions.values() if len(d) >= 2]
    agreement = (
        bootstrap.decision_agreement_estimate(multi, n_resamples=n_resamples, seed=SEED)
        if multi
        else bootstrap.Estimate(math.nan, 0, math.nan, math.nan)
    )
    return Overall(
        units=pairable,
        reviewers=len(coders),
        submissions=len(units),
        krippendorff_alpha_ordinal=_number(alpha.value),
        krippendorff_alpha_interval=_interval(alpha),
        decision_agreement=_number(agreement.value),
        decision_agreement_interval=_interval(agreement),
        decision_units=len(multi),
    )

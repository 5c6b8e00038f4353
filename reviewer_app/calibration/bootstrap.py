"""Bootstrap percentile intervals that resample units (submissions) with replacement.

The fast paths never recompute a statistic from resampled data. Each statistic in
`reviewer_app.calibration.stats` is a function of column sums of per-unit contributions (a unit's
coincidence matrix for alpha, its pair moments for agreement and QWK, ...). A resample is a row of
counts saying how often each unit was drawn, so all resampled sums at once are one matrix product
``weights (resamples x units) @ contributions (units x columns)``, and the statistic is evaluated
vectorised over the resulting rows.

Drawing the weights costs about as much as the product, so the ``*_by_criterion`` functions draw
them once for all criteria of the same submissions: each resample takes the same submissions on
every criterion (resampling submissions, not criterion scores), and one product serves them all.
A unit is a submission that counts for at least one criterion; each `Estimate` reports the units
that count for its own criterion.

Resamples are drawn by `resample_indices` from ``numpy.random.default_rng(seed)``, so intervals are
deterministic for a given seed, and the generic `bootstrap_interval` draws the very same units as
the fast paths for the same seed and number of units.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import numpy.typing as npt

from reviewer_app.calibration import stats
from reviewer_app.calibration.stats import FloatArray, IntArray, PairedStatistic

Seed = int | np.random.Generator
Evaluator = Callable[[FloatArray], FloatArray]
LevelsPerCriterion = int | Sequence[int | None] | None

DEFAULT_RESAMPLES = 1000


@dataclass(frozen=True)
class Estimate:
    """A statistic, the number of units it rests on and its bootstrap percentile interval.

    `low` / `high` are nan when the value is nan, when it rests on fewer than two units, when no
    resamples were asked for, or when every resample was degenerate (degenerate resamples are
    otherwise left out of the percentiles).
    """

    value: float
    units: int
    low: float
    high: float


@dataclass(frozen=True)
class PairedEstimates:
    """One rater against a reference (or another rater) on one criterion, same resamples."""

    exact: Estimate
    adjacent: Estimate
    severity: Estimate
    qwk: Estimate


@dataclass(frozen=True)
class CoderAgreement:
    """Agreement among all coders on one criterion, same resamples."""

    alpha: Estimate
    pairwise_exact: Estimate


# --- resampling -------------------------------------------------------------------------------


def resample_indices(n_units: int, n_resamples: int, seed: Seed) -> IntArray:
    """Units drawn with replacement: shape (n_resamples, n_units), values in 0..n_units-1."""
    rng = seed if isinstance(seed, np.random.Generator) else np.random.default_rng(seed)
    return rng.integers(0, n_units, size=(n_resamples, n_units), dtype=np.intp)


def resample_weights(indices: IntArray, n_units: int) -> FloatArray:
    """How often each unit occurs in each resample: shape (resamples, n_units)."""
    n_resamples = indices.shape[0]
    # Offset each row into its own block so one bincount counts all rows.
    flat = (indices + (np.arange(n_resamples, dtype=np.intp) * n_units)[:, None]).ravel()
    counts = np.bincount(flat, minlength=n_resamples * n_units)
    return counts.reshape(n_resamples, n_units).astype(np.float64)


def resampled_sums(contributions: FloatArray, indices: IntArray) -> FloatArray:
    """Column sums of `contributions` (units x columns) for each resample: (resamples, columns)."""
    weights = resample_weights(indices, contributions.shape[0])
    return weights @ contributions


def _tails(confidence: float) -> list[float]:
    if not 0.0 < confidence < 1.0:
        raise ValueError(f"confidence must be between 0 and 1, got {confidence}")
    tail = (1.0 - confidence) / 2.0 * 100.0
    return [tail, 100.0 - tail]


def percentile_interval(values: npt.ArrayLike, confidence: float = 0.95) -> tuple[float, float]:
    """The central `confidence` percentile interval of the finite `values` (nan ones skipped)."""
    tails = _tails(confidence)
    arr = np.asarray(values, dtype=np.float64)
    finite = arr[np.isfinite(arr)]
    if finite.size == 0:
        return math.nan, math.nan
    low, high = np.percentile(finite, tails)
    return float(low), float(high)


def _column_intervals(columns: FloatArray, confidence: float) -> list[tuple[float, float]]:
    """`percentile_interval` of every column, in one call when no resample is degenerate."""
    if np.isfinite(columns).all():
        low, high = np.percentile(columns, _tails(confidence), axis=0)
        return [(float(lo), float(hi)) for lo, hi in zip(low, high, strict=True)]
    return [percentile_interval(column, confidence) for column in columns.T]


def bootstrap_interval(
    statistic: Callable[..., float],
    *samples: npt.ArrayLike,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: Seed = 0,
    confidence: float = 0.95,
) -> tuple[float, float]:
    """Percentile interval of any statistic, the slow general way.

    Every sample is resampled along its last axis (units): 1-D arrays of paired scores and
    coders x units matrices both work, and all samples must have the same number of units.
    ``statistic(*resampled_samples)`` is called once per resample; nan results are skipped.
    (nan, nan) with fewer than two units or no resamples.
    """
    arrays = [np.asarray(s) for s in samples]
    if not arrays:
        raise ValueError("give at least one sample")
    n_units = arrays[0].shape[-1]
    if any(a.shape[-1] != n_units for a in arrays):
        raise ValueError("all samples need the same number of units (last axis)")
    if n_units < 2 or n_resamples <= 0:
        return math.nan, math.nan
    indices = resample_indices(n_units, n_resamples, seed)
    values = [statistic(*(a[..., row] for a in arrays)) for row in indices]
    return percentile_interval(values, confidence)


# --- the shared engine ------------------------------------------------------------------------


@dataclass(frozen=True)
class _Part:
    """Per-unit contributions of one criterion and the statistics read off their sums."""

    contributions: FloatArray  # (units, columns)
    counted: npt.NDArray[np.bool_]  # the units this criterion rests on
    statistics: dict[str, Evaluator]


def _joint_estimates(
    parts: Sequence[_Part], n_resamples: int, seed: Seed, confidence: float
) -> list[dict[str, Estimate]]:
    """Estimates for every statistic of every part from one set of resampled units."""
    n_all = {p.contributions.shape[0] for p in parts}
    if len(n_all) > 1:
        raise ValueError("every criterion needs the same units (columns)")
    keep = np.logical_or.reduce([p.counted for p in parts])
    blocks = [p.contributions[keep] for p in parts]
    units = int(keep.sum())
    resampled: list[FloatArray] = []
    if units >= 2 and n_resamples > 0:
        sums = resampled_sums(np.hstack(blocks), resample_indices(units, n_resamples, seed))
        edges = np.cumsum([0] + [b.shape[1] for b in blocks])
        resampled = [sums[:, lo:hi] for lo, hi in pairwise(edges)]

    values: list[dict[str, float]] = []
    pending: list[tuple[int, str]] = []  # statistics that get an interval
    columns: list[FloatArray] = []
    for i, (part, block) in enumerate(zip(parts, blocks, strict=True)):
        totals = block.sum(axis=0)
        values.append({name: float(f(totals)) for name, f in part.statistics.items()})
        if not resampled or part.counted.sum() < 2:
            continue
        for name, evaluate in part.statistics.items():
            if not math.isnan(values[i][name]):
                pending.append((i, name))
                columns.append(evaluate(resampled[i]))
    intervals: dict[tuple[int, str], tuple[float, float]] = {}
    if pending:
        found = _column_intervals(np.column_stack(columns), confidence)
        intervals = dict(zip(pending, found, strict=True))

    nan_pair = (math.nan, math.nan)
    return [
        {
            name: Estimate(value, int(part.counted.sum()), *intervals.get((i, name), nan_pair))
            for name, value in values[i].items()
        }
        for i, part in enumerate(parts)
    ]


def _per_criterion(n_levels: LevelsPerCriterion, count: int) -> list[int | None]:
    if n_levels is None or isinstance(n_levels, int):
        return [n_levels] * count
    levels = list(n_levels)
    if len(levels) != count:
        raise ValueError(f"{len(levels)} scales given for {count} criteria")
    return levels


# --- paired scores ----------------------------------------------------------------------------


def _paired_statistic(name: PairedStatistic) -> Evaluator:
    return lambda sums: stats.paired_from_sums(name, sums)


_PAIRED: dict[str, Evaluator] = {
    "exact": _paired_statistic("exact"),
    "adjacent": _paired_statistic("adjacent"),
    "severity": _paired_statistic("severity"),
    "qwk": _paired_statistic("qwk"),
}


def paired_resamples(
    statistic: PairedStatistic, a: npt.ArrayLike, b: npt.ArrayLike, indices: IntArray
) -> FloatArray:
    """`statistic` of each resample of the pairs (a[i], b[i]); `indices` index a and b as given."""
    contributions = stats.pair_contributions(a, b)
    return stats.paired_from_sums(statistic, resampled_sums(contributions, indices))


def paired_estimates_by_criterion(
    a: Iterable[npt.ArrayLike],
    reference: Iterable[npt.ArrayLike],
    n_levels: LevelsPerCriterion = None,
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: Seed = 0,
    confidence: float = 0.95,
) -> list[PairedEstimates]:
    """`paired_estimates` for several criteria of the same submissions at once.

    `a` and `reference` give one row per criterion (criteria x submissions, nan = missing);
    `n_levels` is one scale for all or one per criterion. Submissions are resampled jointly.
    """
    rows_a, rows_ref = list(a), list(reference)
    if len(rows_a) != len(rows_ref):
        raise ValueError("a and reference need the same criteria")
    parts = []
    for row_a, row_ref, k in zip(
        rows_a, rows_ref, _per_criterion(n_levels, len(rows_a)), strict=True
    ):
        contributions = stats.pair_contributions(row_a, row_ref, k)
        parts.append(_Part(contributions, contributions[:, 0] > 0, _PAIRED))
    if not parts:
        return []
    return [PairedEstimates(**r) for r in _joint_estimates(parts, n_resamples, seed, confidence)]


def paired_estimates(
    a: npt.ArrayLike,
    reference: npt.ArrayLike,
    n_levels: int | None = None,
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: Seed = 0,
    confidence: float = 0.95,
) -> PairedEstimates:
    """Exact and adjacent agreement, severity (a - reference) and QWK, with intervals.

    Units are the complete pairs; incomplete ones are dropped before resampling. All four
    statistics come from the same resamples (one matrix product).
    """
    return paired_estimates_by_criterion(
        [a], [reference], n_levels, n_resamples=n_resamples, seed=seed, confidence=confidence
    )[0]


# --- several coders ---------------------------------------------------------------------------


def alpha_resamples(
    data: npt.ArrayLike, indices: IntArray, n_levels: int | None = None
) -> FloatArray:
    """Ordinal alpha of each resample of the units (columns) of `data`, coders x units."""
    counts = stats.value_counts(data, n_levels)
    k = counts.shape[1]
    sums = resampled_sums(stats.coincidence_contributions(counts), indices)
    return stats.alpha_from_coincidences(sums.reshape(-1, k, k))


def _coder_statistics(k: int) -> dict[str, Evaluator]:
    def alpha(sums: FloatArray) -> FloatArray:
        return stats.alpha_from_coincidences(sums[..., : k * k].reshape(*sums.shape[:-1], k, k))

    def pairwise(sums: FloatArray) -> FloatArray:
        return stats.share_from_sums(sums[..., k * k :])

    return {"alpha": alpha, "pairwise_exact": pairwise}


def coder_agreement_by_criterion(
    data: Iterable[npt.ArrayLike],
    n_levels: LevelsPerCriterion = None,
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: Seed = 0,
    confidence: float = 0.95,
) -> list[CoderAgreement]:
    """Ordinal alpha and pairwise exact agreement for several criteria of the same submissions.

    `data` holds one coders x submissions matrix per criterion (a criteria x coders x submissions
    array works). A criterion rests on its pairable submissions; submissions are resampled
    jointly across criteria.
    """
    matrices = list(data)
    parts = []
    for matrix, k in zip(matrices, _per_criterion(n_levels, len(matrices)), strict=True):
        stats.check_scale(k)
        counts = stats.value_counts(matrix, k)
        contributions = np.hstack(
            (stats.coincidence_contributions(counts), stats.pairwise_contributions(counts))
        )
        statistics = _coder_statistics(counts.shape[1])
        parts.append(_Part(contributions, counts.sum(axis=1) >= 2, statistics))
    if not parts:
        return []
    return [CoderAgreement(**r) for r in _joint_estimates(parts, n_resamples, seed, confidence)]


def alpha_estimate(
    data: npt.ArrayLike,
    n_levels: int | None = None,
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: Seed = 0,
    confidence: float = 0.95,
) -> Estimate:
    """Ordinal Krippendorff's alpha with an interval; units are the pairable units only."""
    return coder_agreement_by_criterion(
        [data], n_levels, n_resamples=n_resamples, seed=seed, confidence=confidence
    )[0].alpha


def pairwise_agreement_estimate(
    data: npt.ArrayLike,
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: Seed = 0,
    confidence: float = 0.95,
) -> Estimate:
    """`stats.pairwise_exact_agreement` with an interval; units are the pairable units only."""
    return coder_agreement_by_criterion(
        [data], n_resamples=n_resamples, seed=seed, confidence=confidence
    )[0].pairwise_exact


def fleiss_estimate(
    counts: npt.ArrayLike,
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: Seed = 0,
    confidence: float = 0.95,
) -> Estimate:
    """`stats.fleiss_kappa` of a units x categories table, with an interval."""
    contributions = stats.fleiss_contributions(counts)
    part = _Part(
        contributions,
        np.ones(contributions.shape[0], dtype=np.bool_),
        {"kappa": stats.fleiss_from_sums},
    )
    return _joint_estimates([part], n_resamples, seed, confidence)[0]["kappa"]


def decision_agreement_estimate(
    decisions_per_unit: Iterable[Iterable[Hashable | None]],
    *,
    n_resamples: int = DEFAULT_RESAMPLES,
    seed: Seed = 0,
    confidence: float = 0.95,
) -> Estimate:
    """`stats.decision_agreement` with an interval; units are those with 2+ decisions."""
    contributions = stats.decision_contributions(decisions_per_unit)
    part = _Part(
        contributions,
        np.ones(contributions.shape[0], dtype=np.bool_),
        {"share": stats.share_from_sums},
    )
    return _joint_estimates([part], n_resamples, seed, confidence)[0]["share"]

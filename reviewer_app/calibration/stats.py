"""Agreement statistics for calibration, on plain arrays of level indices.

Conventions:

* A score is a level index on an ordinal scale: 0 is the lowest level, ``n_levels - 1`` the
  highest. Levels may go unused; where a statistic needs the scale it takes ``n_levels``.
* A missing score is ``numpy.nan`` in a float array. Masked arrays (masked = missing) and
  sequences holding ``None`` are accepted too; everything is converted to float64 with nan.
* Data from several coders is a coders x units matrix (the layout of Krippendorff's papers and
  of the ``krippendorff`` package): ``data[i, u]`` is coder i's level for unit (submission) u.
  Only `category_counts` takes the transposed units x raters layout, as Fleiss tables do.
* An undefined statistic is ``nan`` (no exception, no warning); the cases are listed per function.

Every ratio statistic here is a function of sums of per-unit contributions (the ``*_contributions``
helpers, one row per unit). The point estimate sums the rows; the bootstrap in
`reviewer_app.calibration.bootstrap` sums them with resampling weights, so both share one formula.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal, TypeAlias

import numpy as np
import numpy.typing as npt

FloatArray: TypeAlias = npt.NDArray[np.float64]
IntArray: TypeAlias = npt.NDArray[np.intp]

PairedStatistic: TypeAlias = Literal["exact", "adjacent", "severity", "qwk"]
"""The statistics computed from paired scores (a rater against a reference or another rater)."""

# Columns of `pair_contributions`: enough sums for every paired statistic, QWK included.
_N, _EXACT, _ADJACENT, _DIFF, _A, _B, _A2, _B2, _DIFF2 = range(9)


# --- input handling ---------------------------------------------------------------------------


def as_levels(values: npt.ArrayLike, n_levels: int | None = None) -> FloatArray:
    """A float64 copy of `values` with missing scores as nan.

    Raises ValueError unless every present value is a whole number in ``0..n_levels-1``
    (``0..`` unbounded when `n_levels` is None).
    """
    if isinstance(values, np.ma.MaskedArray):
        arr = np.ma.filled(values.astype(np.float64), np.nan)
    else:
        arr = np.array(values, dtype=np.float64)
    present = arr[~np.isnan(arr)]
    if present.size:
        if not np.all(np.isfinite(present)) or np.any(present != np.floor(present)):
            raise ValueError("level indices must be whole numbers (nan for missing)")
        if present.min() < 0:
            raise ValueError("level indices start at 0")
        if n_levels is not None and present.max() >= n_levels:
            raise ValueError(
                f"level index {int(present.max())} is outside a {n_levels}-level scale"
            )
    return arr


def check_scale(n_levels: int | None) -> None:
    """Raises ValueError for a scale of fewer than two levels (None: not given)."""
    if n_levels is not None and n_levels < 2:
        raise ValueError(f"a scale needs at least 2 levels, got {n_levels}")


def _matrix(data: npt.ArrayLike, n_levels: int | None) -> FloatArray:
    arr = as_levels(data, n_levels)
    if arr.ndim != 2:
        raise ValueError(f"expected a 2-D coders x units matrix, got shape {arr.shape}")
    return arr


def safe_ratio(num: npt.ArrayLike, den: npt.ArrayLike) -> FloatArray:
    """num / den elementwise, nan where den is 0, without a warning."""
    n = np.asarray(num, dtype=np.float64)
    d = np.asarray(den, dtype=np.float64)
    out = np.full(np.broadcast_shapes(n.shape, d.shape), np.nan)
    np.divide(n, d, out=out, where=d != 0)
    return out


# --- paired scores: exact/adjacent agreement, severity, quadratic weighted kappa ---------------


def pair_contributions(
    a: npt.ArrayLike, b: npt.ArrayLike, n_levels: int | None = None
) -> FloatArray:
    """Per-unit sums for the paired statistics, shape (units, 9).

    A unit where either score is missing gets a row of zeros, so it drops out of every sum.
    """
    x = as_levels(a, n_levels)
    y = as_levels(b, n_levels)
    if x.ndim != 1 or x.shape != y.shape:
        raise ValueError(f"expected two 1-D arrays of equal length, got {x.shape} and {y.shape}")
    paired = ~(np.isnan(x) | np.isnan(y))
    x = np.where(paired, x, 0.0)
    y = np.where(paired, y, 0.0)
    d = x - y
    cols = (paired, paired & (d == 0), paired & (np.abs(d) <= 1), d, x, y, x * x, y * y, d * d)
    return np.column_stack(cols).astype(np.float64)


def paired_from_sums(statistic: PairedStatistic, sums: FloatArray) -> FloatArray:
    """A paired statistic from summed `pair_contributions` rows (shape (..., 9) -> (...))."""
    n = sums[..., _N]
    if statistic == "exact":
        return safe_ratio(sums[..., _EXACT], n)
    if statistic == "adjacent":
        return safe_ratio(sums[..., _ADJACENT], n)
    if statistic == "severity":
        return safe_ratio(sums[..., _DIFF], n)
    if statistic != "qwk":
        raise ValueError(f"unknown paired statistic {statistic!r}")
    # Quadratic weights make the chance-expected disagreement sum((a_i - b_j)^2 r_i c_j) / n
    # collapse to moments: sum a^2 + sum b^2 - 2 sum a sum b / n. Scaled by n both terms stay
    # whole numbers for whole-number weights, so the degenerate den == 0 test is exact.
    a, b = sums[..., _A], sums[..., _B]
    den = n * (sums[..., _A2] + sums[..., _B2]) - 2.0 * a * b
    return 1.0 - safe_ratio(n * sums[..., _DIFF2], den)


def _paired(statistic: PairedStatistic, a: npt.ArrayLike, b: npt.ArrayLike, k: int | None) -> float:
    return float(paired_from_sums(statistic, pair_contributions(a, b, k).sum(axis=0)))


def exact_agreement(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Share of pairs with the same level. Pairs with a missing score are dropped; nan if none."""
    return _paired("exact", a, b, None)


def adjacent_agreement(a: npt.ArrayLike, b: npt.ArrayLike) -> float:
    """Share of pairs at most one level apart. Missing pairs dropped; nan if none."""
    return _paired("adjacent", a, b, None)


def severity(a: npt.ArrayLike, reference: npt.ArrayLike) -> float:
    """Mean of ``a - reference`` in level steps: negative means `a` scores harsher.

    Missing pairs dropped; nan if none.
    """
    return _paired("severity", a, reference, None)


def quadratic_weighted_kappa(a: npt.ArrayLike, b: npt.ArrayLike, n_levels: int) -> float:
    """Cohen's kappa with quadratic weights ``(i - j)^2`` over the full scale ``0..n_levels-1``.

    Equals scikit-learn's ``cohen_kappa_score(a, b, labels=range(n_levels), weights="quadratic")``
    on the complete pairs. Weights use the level indices themselves, so a level nobody used still
    counts as a step (without ``labels=`` scikit-learn would close the gap). `n_levels` only
    validates the scores: with quadratic weights the value depends on the indices alone.

    nan when there are no complete pairs, or when both raters give one and the same level to every
    unit (no variation: chance disagreement is 0). One constant rater with a varying other gives 0.
    """
    check_scale(n_levels)
    return _paired("qwk", a, b, n_levels)


def base_rate(values: npt.ArrayLike) -> float:
    """On a two-level scale, the share of present scores at the higher level (1); nan if none.

    Kappa on a skewed two-level scale is low even with high raw agreement, so show this beside it.
    """
    arr = as_levels(values, 2)
    present = arr[~np.isnan(arr)]
    return float(present.mean()) if present.size else math.nan


# --- several coders: Krippendorff's alpha, pairwise agreement, Fleiss' kappa ------------------


def value_counts(data: npt.ArrayLike, n_levels: int | None = None) -> IntArray:
    """For a coders x units matrix, how many coders chose each level in each unit: (units, levels).

    `n_levels` defaults to the highest level present + 1.
    """
    arr = _matrix(data, n_levels)
    if n_levels is None:
        present = arr[~np.isnan(arr)]
        k = int(present.max()) + 1 if present.size else 1
    else:
        k = n_levels
    n_units = arr.shape[1]
    present = ~np.isnan(arr)
    unit = np.broadcast_to(np.arange(n_units), arr.shape)[present]
    cell = unit * k + arr[present].astype(np.intp)
    return np.bincount(cell, minlength=n_units * k).reshape(n_units, k).astype(np.intp)


def category_counts(ratings: npt.ArrayLike, n_levels: int | None = None) -> IntArray:
    """The Fleiss table of a units x raters matrix (note: units in rows): (units, levels) counts."""
    arr = as_levels(ratings, n_levels)
    if arr.ndim != 2:
        raise ValueError(f"expected a 2-D units x raters matrix, got shape {arr.shape}")
    return value_counts(arr.T, n_levels)


def coincidence_contributions(counts: npt.ArrayLike) -> FloatArray:
    """Each unit's share of Krippendorff's coincidence matrix, flattened: (units, k * k).

    A unit with m >= 2 values contributes ``(n_c * n_d - [c == d] * n_c) / (m - 1)`` to cell
    (c, d); a unit with fewer values is not pairable and contributes zeros.
    """
    c = np.asarray(counts, dtype=np.float64)
    n_units, k = c.shape
    m = c.sum(axis=1)
    outer = c[:, :, None] * c[:, None, :]
    diag = np.arange(k)
    outer[:, diag, diag] -= c
    scale = np.zeros_like(m)
    np.divide(1.0, m - 1.0, out=scale, where=m >= 2)
    flat: FloatArray = (outer * scale[:, None, None]).reshape(n_units, k * k)
    return flat


def alpha_from_coincidences(o: FloatArray) -> FloatArray:
    """Ordinal alpha from coincidence matrices, shape (..., k, k) -> (...).

    Krippendorff's ordinal distance between levels c and d is the squared difference of their
    mid-ranks among the pairable values, ``M_c = sum(n_g, g < c) + n_c / 2``; written that way it
    vectorises over a stack of resampled matrices. nan when nothing is pairable or only one level
    occurs among the pairable values (no expected disagreement).
    """
    n_c = o.sum(axis=-1)
    n = n_c.sum(axis=-1)
    mid = np.cumsum(n_c, axis=-1) - n_c / 2.0
    dist = (mid[..., :, None] - mid[..., None, :]) ** 2
    observed = (o * dist).sum(axis=(-2, -1))
    expected = np.einsum("...c,...d,...cd->...", n_c, n_c, dist)
    # alpha = 1 - D_o / D_e with D_o = observed / n and D_e = expected / (n (n - 1))
    return 1.0 - safe_ratio((n - 1.0) * observed, expected)


def krippendorff_alpha_ordinal(data: npt.ArrayLike, n_levels: int | None = None) -> float:
    """Krippendorff's alpha, ordinal metric, for a coders x units matrix (nan = missing).

    Units with fewer than two values are not pairable and drop out. Matches
    ``krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal",
    value_domain=range(n_levels))``. The ordinal metric works on ranks (how many pairable values
    lie between two levels), so unused levels and the spacing of levels do not change alpha;
    `n_levels` (default: highest level present + 1) only validates the data.

    nan when no unit is pairable, or when every pairable value is the same level (the reference
    raises for the former and warns and returns nan for the latter). 1.0 for perfect agreement
    with at least two levels in use.
    """
    check_scale(n_levels)
    counts = value_counts(data, n_levels)
    k = counts.shape[1]
    o = coincidence_contributions(counts).sum(axis=0).reshape(k, k)
    return float(alpha_from_coincidences(o))


def pairwise_contributions(counts: npt.ArrayLike) -> FloatArray:
    """Per unit: (pairs of coders, pairs that chose the same level), shape (units, 2)."""
    c = np.asarray(counts, dtype=np.float64)
    m = c.sum(axis=1)
    return np.column_stack((m * (m - 1) / 2, (c * (c - 1) / 2).sum(axis=1)))


def share_from_sums(sums: FloatArray) -> FloatArray:
    """Agreeing / eligible from summed (eligible, agreeing) rows, shape (..., 2) -> (...).

    The formula of `pairwise_exact_agreement` and `decision_agreement`.
    """
    return safe_ratio(sums[..., 1], sums[..., 0])


def pairwise_exact_agreement(data: npt.ArrayLike) -> float:
    """Share of agreeing coder pairs within units, over all pairs in all pairable units.

    `data` is coders x units; a unit with m values holds m (m - 1) / 2 pairs, so units with more
    coders weigh more. nan when no unit has two values.
    """
    return float(share_from_sums(pairwise_contributions(value_counts(data)).sum(axis=0)))


def fleiss_contributions(counts: npt.ArrayLike) -> FloatArray:
    """Per unit: (1, P_i, n_i1 / m, ..., n_ik / m) for Fleiss' kappa, shape (units, k + 2).

    Raises ValueError unless every unit has the same number m >= 2 of ratings.
    """
    c = np.asarray(counts, dtype=np.float64)
    if c.ndim != 2 or c.shape[0] == 0:
        raise ValueError("expected a non-empty units x categories table")
    if np.any(c < 0) or np.any(c != np.floor(c)):
        raise ValueError("counts must be whole numbers >= 0")
    m = c.sum(axis=1)
    if np.any(m != m[0]) or m[0] < 2:
        raise ValueError("Fleiss' kappa needs the same number (>= 2) of ratings for every unit")
    agreement = ((c * c).sum(axis=1) - m) / (m * (m - 1))
    return np.column_stack((np.ones_like(m), agreement, c / m[:, None]))


def fleiss_from_sums(sums: FloatArray) -> FloatArray:
    """Fleiss' kappa from summed `fleiss_contributions` rows, shape (..., k + 2) -> (...).

    nan when there are no units or every rating is in one category (chance agreement is 1).
    """
    units = sums[..., 0]
    observed = safe_ratio(sums[..., 1], units)
    shares = safe_ratio(sums[..., 2:], units[..., None])
    chance = (shares * shares).sum(axis=-1)
    return safe_ratio(observed - chance, 1.0 - chance)


def fleiss_kappa(counts: npt.ArrayLike) -> float:
    """Fleiss' kappa for a units x categories count table (e.g. from `category_counts`).

    Every unit must hold the same number of ratings (ValueError otherwise). Matches statsmodels'
    ``fleiss_kappa(table, method="fleiss")``. nan when all ratings fall in one category.
    """
    return float(fleiss_from_sums(fleiss_contributions(counts).sum(axis=0)))


# --- pass / not-yet decisions -----------------------------------------------------------------


def decision_contributions(decisions_per_unit: Iterable[Iterable[Hashable | None]]) -> FloatArray:
    """Per unit with 2+ decisions: (1, 1 if all its decisions are equal else 0), shape (units, 2).

    None entries are missing decisions and are ignored; units left with fewer than 2 are skipped.
    """
    rows: list[tuple[float, float]] = []
    for decisions in decisions_per_unit:
        present = [d for d in decisions if d is not None]
        if len(present) >= 2:
            rows.append((1.0, 1.0 if len(set(present)) == 1 else 0.0))
    return np.array(rows, dtype=np.float64).reshape(-1, 2)


def decision_agreement(decisions_per_unit: Iterable[Iterable[Hashable | None]]) -> float:
    """Share of units with 2+ decisions whose decisions are all equal; nan if there are none.

    Decisions are any hashable values (e.g. ``"pass"`` / ``"not-yet"``); None means missing.
    """
    return float(share_from_sums(decision_contributions(decisions_per_unit).sum(axis=0)))


# --- drift of one reviewer's severity over time -----------------------------------------------


@dataclass(frozen=True)
class DriftBucket:
    """Mean signed difference (severity) of the observations in one period."""

    start: date
    mean: float
    count: int


@dataclass(frozen=True)
class Drift:
    """A reviewer's severity over time, ready to plot.

    `buckets` are the periods with observations, in order. The trend line is a least-squares fit
    of every observation (not of the bucket means, so busy periods weigh more):
    ``trend_at(t) = intercept + slope_per_30_days * days_since(origin) / 30``. The slope and
    intercept are nan with fewer than two distinct observation times.
    """

    buckets: tuple[DriftBucket, ...]
    observations: int
    mean: float
    origin: datetime | None
    intercept: float
    slope_per_30_days: float

    def trend_at(self, when: datetime | date) -> float:
        if self.origin is None:
            return math.nan
        days = (_as_datetime(when) - self.origin).total_seconds() / 86400.0
        return self.intercept + self.slope_per_30_days * days / 30.0


def _as_datetime(when: datetime | date) -> datetime:
    return when if isinstance(when, datetime) else datetime.combine(when, time())


def _period_start(day: date, period: Literal["week", "month"]) -> date:
    if period == "week":
        return day - timedelta(days=day.weekday())  # ISO weeks start on Monday
    return day.replace(day=1)


def drift(
    series: Iterable[tuple[datetime | date, float]],
    period: Literal["week", "month"] = "week",
) -> Drift:
    """Severity per period and a linear trend, from (time, signed difference) observations.

    A difference is the reviewer's level minus the reference level (negative = harsher); nan
    differences are skipped. Datetimes are bucketed by their own calendar date (convert to the
    team's time zone first); mixing naive and aware datetimes raises TypeError.
    """
    if period not in ("week", "month"):
        raise ValueError(f"period must be 'week' or 'month', got {period!r}")
    points = [(_as_datetime(t), float(d)) for t, d in series if not math.isnan(float(d))]
    if not points:
        return Drift((), 0, math.nan, None, math.nan, math.nan)
    points.sort(key=lambda p: p[0])
    origin = points[0][0]
    days = np.array([(t - origin).total_seconds() / 86400.0 for t, _ in points])
    diffs = np.array([d for _, d in points])

    grouped: dict[date, list[float]] = {}
    for t, d in points:
        grouped.setdefault(_period_start(t.date(), period), []).append(d)
    buckets = tuple(DriftBucket(start, float(np.mean(v)), len(v)) for start, v in grouped.items())

    # Centred least squares: slope = cov(x, y) / var(x).
    dx = days - days.mean()
    spread = float(dx @ dx)
    if spread == 0.0:
        slope = intercept = math.nan
    else:
        slope = float(dx @ (diffs - diffs.mean())) / spread
        intercept = float(diffs.mean() - slope * days.mean())
    return Drift(buckets, len(points), float(diffs.mean()), origin, intercept, slope * 30.0)

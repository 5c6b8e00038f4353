"""Agreement statistics against the reference libraries (krippendorff, statsmodels, scikit-learn)
and against plain Python loops; the fast bootstrap against a slow resample-and-recompute one."""

from __future__ import annotations

import math
import warnings
from datetime import UTC, date, datetime, timedelta
from itertools import combinations

import krippendorff
import numpy as np
import pytest
from numpy.testing import assert_allclose
from sklearn.exceptions import UndefinedMetricWarning
from sklearn.metrics import cohen_kappa_score
from statsmodels.stats.inter_rater import aggregate_raters
from statsmodels.stats.inter_rater import fleiss_kappa as sm_fleiss_kappa

from reviewer_app.calibration import bootstrap, stats
from reviewer_app.calibration.bootstrap import Estimate

TOL = 1e-9
nan = math.nan


# --- references ---------------------------------------------------------------------------------


def ref_alpha(data: np.ndarray, n_levels: int) -> float:
    """The krippendorff package, told the scale and the ordinal metric (its default is interval)."""
    try:
        with warnings.catch_warnings():
            # 0/0 when every pairable value is one level: the package warns and returns nan.
            warnings.simplefilter("ignore", RuntimeWarning)
            return float(
                krippendorff.alpha(
                    reliability_data=data,
                    level_of_measurement="ordinal",
                    value_domain=list(range(n_levels)),
                )
            )
    except ValueError as e:
        if "at least two coders" in str(e):  # no pairable unit: the package raises
            return nan
        raise


def ref_qwk(a: np.ndarray, b: np.ndarray, n_levels: int) -> float:
    keep = ~(np.isnan(a) | np.isnan(b))
    if not keep.any():
        return nan
    with warnings.catch_warnings():
        # Both raters constant on one level: scikit-learn warns and returns nan.
        warnings.simplefilter("ignore", UndefinedMetricWarning)
        return float(
            cohen_kappa_score(
                a[keep].astype(int),
                b[keep].astype(int),
                labels=list(range(n_levels)),
                weights="quadratic",
            )
        )


def ref_fleiss(table: np.ndarray) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # 0/0 when one category takes all
        return float(sm_fleiss_kappa(table, method="fleiss"))


def loop_paired(a: np.ndarray, b: np.ndarray) -> tuple[float, float, float]:
    """(exact, adjacent, severity) by a plain loop over the complete pairs."""
    pairs = [(x, y) for x, y in zip(a.tolist(), b.tolist(), strict=True) if x == x and y == y]
    if not pairs:
        return nan, nan, nan
    exact = sum(x == y for x, y in pairs) / len(pairs)
    adjacent = sum(abs(x - y) <= 1 for x, y in pairs) / len(pairs)
    return exact, adjacent, sum(x - y for x, y in pairs) / len(pairs)


def loop_pairwise(data: np.ndarray) -> float:
    agree = total = 0
    for unit in data.T.tolist():
        values = [v for v in unit if v == v]
        for x, y in combinations(values, 2):
            total += 1
            agree += x == y
    return agree / total if total else nan


def loop_decisions(units: list[list[str | None]]) -> float:
    eligible = [[d for d in u if d is not None] for u in units]
    eligible = [u for u in eligible if len(u) >= 2]
    if not eligible:
        return nan
    return sum(all(d == u[0] for d in u) for u in eligible) / len(eligible)


def random_data(rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray, int]:
    """(coders x units with nan, the same before blanking, n_levels); some levels go unused,
    sometimes only one level is used, and missing values leave units with 0 or 1 value."""
    coders = int(rng.integers(2, 7))
    units = int(rng.integers(5, 201))
    k = int(rng.integers(2, 7))
    n_used = 1 if rng.random() < 0.1 else int(rng.integers(2, k + 1))
    used = rng.choice(k, size=n_used, replace=False)
    truth = rng.choice(used, size=units)
    noisy = rng.random((coders, units)) < rng.uniform(0.0, 0.7)
    complete = np.where(noisy, rng.choice(used, size=(coders, units)), truth).astype(float)
    data = complete.copy()
    data[rng.random((coders, units)) < rng.uniform(0.0, 0.7)] = nan
    return data, complete, k


def correlated(rng: np.random.Generator, coders: int, units: int, k: int) -> np.ndarray:
    truth = rng.integers(0, k, size=units)
    off = rng.choice([-1, 0, 0, 0, 1], size=(coders, units))
    return np.clip(truth + off, 0, k - 1).astype(float)


# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 coders x 12 units
# example with missing values (values 1..5).
KRIPPENDORFF_EXAMPLE = np.array(
    [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, nan, nan, nan],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, nan, 3],
        [nan, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, nan],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, nan],
    ]
)

# Fleiss (1971): 30 patients, 6 psychiatrists each, 5 diagnoses (1..5), as raw ratings.
FLEISS_1971 = np.array(
    [
        [4, 4, 4, 4, 4, 4],
        [2, 2, 2, 5, 5, 5],
        [2, 3, 3, 3, 3, 5],
        [5, 5, 5, 5, 5, 5],
        [2, 2, 2, 4, 4, 4],
        [1, 1, 3, 3, 3, 3],
        [3, 3, 3, 3, 5, 5],
        [1, 1, 3, 3, 3, 4],
        [1, 1, 4, 4, 4, 4],
        [5, 5, 5, 5, 5, 5],
        [1, 4, 4, 4, 4, 4],
        [1, 2, 4, 4, 4, 4],
        [2, 2, 2, 3, 3, 3],
        [1, 4, 4, 4, 4, 4],
        [2, 2, 4, 4, 4, 5],
        [3, 3, 3, 3, 3, 5],
        [1, 1, 1, 4, 5, 5],
        [1, 1, 1, 1, 1, 2],
        [2, 2, 4, 4, 4, 4],
        [1, 3, 3, 5, 5, 5],
        [5, 5, 5, 5, 5, 5],
        [2, 4, 4, 4, 4, 4],
        [2, 2, 4, 5, 5, 5],
        [1, 1, 4, 4, 4, 4],
        [1, 4, 4, 4, 4, 5],
        [2, 2, 2, 2, 2, 4],
        [1, 1, 1, 1, 5, 5],
        [2, 2, 4, 4, 4, 4],
        [1, 3, 3, 3, 3, 3],
        [5, 5, 5, 5, 5, 5],
    ]
)


# --- published examples ---------------------------------------------------------------------------


def test_krippendorff_example() -> None:
    levels = KRIPPENDORFF_EXAMPLE - 1  # to level indices 0..4
    ours = stats.krippendorff_alpha_ordinal(levels, 5)
    assert ours == pytest.approx(ref_alpha(levels, 5), abs=TOL)
    assert round(ours, 3) == 0.815
    # The package on the original 1..5 values with its default domain: the same number.
    original = krippendorff.alpha(
        reliability_data=KRIPPENDORFF_EXAMPLE, level_of_measurement="ordinal"
    )
    assert ours == pytest.approx(original, abs=TOL)


def test_krippendorff_example_unused_levels_do_not_matter() -> None:
    """The ordinal metric counts values between levels, so empty levels add no distance: a
    wider scale, or gaps between the levels used, leave alpha (ours and the package's) alone."""
    levels = KRIPPENDORFF_EXAMPLE - 1
    gapped = np.where(levels >= 2, levels + 3, levels)  # levels 0, 1, 5, 6, 7 of 9
    base = stats.krippendorff_alpha_ordinal(levels, 5)
    assert stats.krippendorff_alpha_ordinal(levels, 9) == pytest.approx(base, abs=TOL)
    assert stats.krippendorff_alpha_ordinal(gapped, 9) == pytest.approx(base, abs=TOL)
    assert stats.krippendorff_alpha_ordinal(levels) == pytest.approx(base, abs=TOL)
    assert ref_alpha(gapped, 9) == pytest.approx(base, abs=TOL)


def test_fleiss_1971_example() -> None:
    ratings = FLEISS_1971 - 1
    table = stats.category_counts(ratings, 5)
    sm_table, _ = aggregate_raters(ratings, n_cat=5)
    assert (table == sm_table).all()
    ours = stats.fleiss_kappa(table)
    assert ours == pytest.approx(ref_fleiss(sm_table), abs=TOL)
    assert round(ours, 3) == 0.430


# --- random data against the references -------------------------------------------------------


@pytest.mark.parametrize("seed", range(200))
def test_random_against_references(seed: int) -> None:
    rng = np.random.default_rng(seed)
    data, complete, k = random_data(rng)

    assert stats.krippendorff_alpha_ordinal(data, k) == pytest.approx(
        ref_alpha(data, k), abs=TOL, nan_ok=True
    )
    table = stats.category_counts(complete.T, k)
    assert stats.fleiss_kappa(table) == pytest.approx(ref_fleiss(table), abs=TOL, nan_ok=True)
    assert stats.pairwise_exact_agreement(data) == pytest.approx(
        loop_pairwise(data), abs=TOL, nan_ok=True
    )

    for i, j in [(0, 1), (1, 0), (0, len(data) - 1)]:
        a, b = data[i], data[j]
        assert stats.quadratic_weighted_kappa(a, b, k) == pytest.approx(
            ref_qwk(a, b, k), abs=TOL, nan_ok=True
        )
        exact, adjacent, severity = loop_paired(a, b)
        assert stats.exact_agreement(a, b) == pytest.approx(exact, abs=TOL, nan_ok=True)
        assert stats.adjacent_agreement(a, b) == pytest.approx(adjacent, abs=TOL, nan_ok=True)
        assert stats.severity(a, b) == pytest.approx(severity, abs=TOL, nan_ok=True)


def test_qwk_weights_use_the_full_scale() -> None:
    """Level 1 unused: with labels= scikit-learn (and we) count 0 -> 2 as two steps; without it
    scikit-learn renumbers the levels it sees and the gap shrinks to one step."""
    a = np.array([0, 2, 2, 0, 3, 2])
    b = np.array([2, 2, 0, 0, 3, 3])
    ours = stats.quadratic_weighted_kappa(a, b, 4)
    assert ours == pytest.approx(ref_qwk(a.astype(float), b.astype(float), 4), abs=TOL)
    assert ours != pytest.approx(cohen_kappa_score(a, b, weights="quadratic"), abs=1e-3)
    # The scale beyond the levels used does not matter: it only validates.
    assert stats.quadratic_weighted_kappa(a, b, 9) == pytest.approx(ours, abs=TOL)


# --- degenerate cases -------------------------------------------------------------------------


def test_alpha_degenerate_cases() -> None:
    # No unit with two values: nothing pairable.
    lonely = np.array([[0, nan, 1], [nan, 2, nan]])
    assert math.isnan(stats.krippendorff_alpha_ordinal(lonely, 3))
    assert math.isnan(stats.krippendorff_alpha_ordinal(np.full((3, 4), nan), 3))
    assert math.isnan(stats.krippendorff_alpha_ordinal(np.empty((2, 0)), 3))
    # Every pairable value on one level: no expected disagreement, undefined.
    assert math.isnan(stats.krippendorff_alpha_ordinal([[1, 1, 2], [1, 1, nan]], 3))
    # Perfect agreement with variation.
    assert stats.krippendorff_alpha_ordinal([[0, 1, 2, nan], [0, 1, 2, 1]], 3) == 1.0
    with pytest.raises(ValueError):
        stats.krippendorff_alpha_ordinal([[0, 1], [1, 1]], 1)
    with pytest.raises(ValueError):
        stats.krippendorff_alpha_ordinal([0, 1, 1])  # not a matrix


def test_paired_degenerate_cases() -> None:
    assert math.isnan(stats.exact_agreement([0, nan], [nan, 1]))
    assert math.isnan(stats.adjacent_agreement([], []))
    assert math.isnan(stats.severity([nan], [nan]))
    assert math.isnan(stats.quadratic_weighted_kappa([nan, 1], [1, nan], 3))
    # Both raters constant on the same level: undefined, as in scikit-learn.
    same = np.array([2.0, 2.0, 2.0])
    assert math.isnan(stats.quadratic_weighted_kappa(same, same, 3))
    assert math.isnan(ref_qwk(same, same, 3))
    # One constant rater: kappa 0 (observed equals chance), as in scikit-learn.
    varying = np.array([0.0, 1.0, 2.0])
    assert stats.quadratic_weighted_kappa(same, varying, 3) == pytest.approx(0.0, abs=TOL)
    assert ref_qwk(same, varying, 3) == pytest.approx(0.0, abs=TOL)
    assert stats.quadratic_weighted_kappa(varying, varying, 3) == 1.0
    assert stats.exact_agreement(varying, varying) == 1.0
    assert stats.severity([0, 1, 2], [1, 1, 2]) == pytest.approx(-1 / 3)
    with pytest.raises(ValueError):
        stats.exact_agreement([0, 1], [0, 1, 2])


def test_fleiss_degenerate_cases() -> None:
    assert math.isnan(stats.fleiss_kappa([[3, 0], [3, 0]]))  # one category takes all
    assert stats.fleiss_kappa([[3, 0, 0], [0, 0, 3], [0, 3, 0]]) == 1.0
    with pytest.raises(ValueError, match="same number"):
        stats.fleiss_kappa([[3, 0], [1, 1]])
    with pytest.raises(ValueError, match="same number"):
        stats.fleiss_kappa([[1, 0], [0, 1]])  # one rating per unit cannot agree
    with pytest.raises(ValueError):
        stats.fleiss_kappa(np.empty((0, 3)))
    # Missing ratings make unequal rows.
    with pytest.raises(ValueError):
        stats.fleiss_kappa(stats.category_counts([[0, 1, nan], [1, 1, 1]], 2))


def test_pairwise_and_decision_agreement() -> None:
    assert math.isnan(stats.pairwise_exact_agreement([[0, nan], [nan, 1]]))
    # Unit 0: 3 pairs, 1 agreeing; unit 1: 1 pair, agreeing; unit 2: not pairable.
    assert stats.pairwise_exact_agreement([[0, 1, 2], [0, 1, nan], [1, nan, nan]]) == 0.5
    units: list[list[str | None]] = [
        ["pass", "pass"],
        ["pass", "not-yet", None],
        ["pass", None],
        [],
        ["not-yet", "not-yet", "not-yet"],
    ]
    assert stats.decision_agreement(units) == pytest.approx(2 / 3)
    assert stats.decision_agreement(units) == pytest.approx(loop_decisions(units))
    assert math.isnan(stats.decision_agreement([["pass"], [None, "pass"]]))


def test_base_rate() -> None:
    assert stats.base_rate([1, 0, 1, nan, 1]) == 0.75
    assert math.isnan(stats.base_rate([nan, nan]))
    with pytest.raises(ValueError):
        stats.base_rate([0, 1, 2])


def test_missing_value_representations() -> None:
    masked = np.ma.masked_array([[0, 1, 2], [0, 9, 2]], mask=[[0, 0, 0], [0, 1, 0]])
    as_nan = np.array([[0, 1, 2], [0, nan, 2]])
    assert stats.krippendorff_alpha_ordinal(masked, 3) == stats.krippendorff_alpha_ordinal(
        as_nan, 3
    )
    assert stats.exact_agreement([0, None, 2], [0, 1, 1]) == 0.5
    for bad in ([0.5, 1], [-1, 0], [0, math.inf]):
        with pytest.raises(ValueError):
            stats.as_levels(bad)
    with pytest.raises(ValueError, match="outside"):
        stats.quadratic_weighted_kappa([0, 3], [0, 1], 3)


# --- bootstrap --------------------------------------------------------------------------------


def test_resample_weights_count_the_draws() -> None:
    idx = bootstrap.resample_indices(7, 50, seed=1)
    assert idx.shape == (50, 7)
    weights = bootstrap.resample_weights(idx, 7)
    for row, w in zip(idx, weights, strict=True):
        assert (np.bincount(row, minlength=7) == w).all()


def test_fast_alpha_resamples_equal_slow_recomputation() -> None:
    rng = np.random.default_rng(11)
    data = correlated(rng, 4, 60, 5)
    data[rng.random(data.shape) < 0.4] = nan  # includes units with one value or none
    idx = bootstrap.resample_indices(data.shape[1], 200, seed=3)
    fast = bootstrap.alpha_resamples(data, idx, 5)
    slow = [ref_alpha(data[:, row], 5) for row in idx]
    assert_allclose(fast, slow, rtol=0, atol=TOL)


@pytest.mark.parametrize("statistic", ["exact", "adjacent", "severity", "qwk"])
def test_fast_paired_resamples_equal_slow_recomputation(statistic: str) -> None:
    rng = np.random.default_rng(12)
    a, b = correlated(rng, 2, 80, 4)
    a[rng.random(80) < 0.2] = nan
    idx = bootstrap.resample_indices(80, 200, seed=4)
    fast = bootstrap.paired_resamples(statistic, a, b, idx)  # type: ignore[arg-type]
    if statistic == "qwk":
        slow = [ref_qwk(a[row], b[row], 4) for row in idx]
    else:
        which = ["exact", "adjacent", "severity"].index(statistic)
        slow = [loop_paired(a[row], b[row])[which] for row in idx]
    assert_allclose(fast, slow, rtol=0, atol=TOL)


def test_fast_intervals_equal_slow_bootstrap_intervals() -> None:
    """The estimate functions drop units that cannot count, then draw the same units from the
    same seed as the generic bootstrap_interval: the intervals match the slow path exactly."""
    rng = np.random.default_rng(13)
    data = correlated(rng, 3, 70, 4)
    data[rng.random(data.shape) < 0.3] = nan
    kw = {"n_resamples": 300, "seed": 9}

    pairable = (~np.isnan(data)).sum(axis=0) >= 2
    est = bootstrap.alpha_estimate(data, 4, **kw)
    slow = bootstrap.bootstrap_interval(lambda d: ref_alpha(d, 4), data[:, pairable], **kw)
    assert est.units == pairable.sum()
    assert_allclose((est.low, est.high), slow, rtol=0, atol=TOL)

    est = bootstrap.pairwise_agreement_estimate(data, **kw)
    slow = bootstrap.bootstrap_interval(loop_pairwise, data[:, pairable], **kw)
    assert_allclose((est.low, est.high), slow, rtol=0, atol=TOL)

    a, b = data[0], data[1]
    both = ~(np.isnan(a) | np.isnan(b))
    paired = bootstrap.paired_estimates(a, b, 4, **kw)
    slow = bootstrap.bootstrap_interval(lambda x, y: ref_qwk(x, y, 4), a[both], b[both], **kw)
    assert paired.qwk.units == both.sum()
    assert_allclose((paired.qwk.low, paired.qwk.high), slow, rtol=0, atol=TOL)
    for which, name in enumerate(["exact", "adjacent", "severity"]):
        slow = bootstrap.bootstrap_interval(
            lambda x, y, w=which: loop_paired(x, y)[w], a[both], b[both], **kw
        )
        got: Estimate = getattr(paired, name)
        assert_allclose((got.low, got.high), slow, rtol=0, atol=TOL)

    ratings = correlated(rng, 60, 5, 3).T  # 60 units x 5 raters, complete
    table = stats.category_counts(ratings, 3)
    est = bootstrap.fleiss_estimate(table, **kw)
    slow = bootstrap.bootstrap_interval(lambda t: ref_fleiss(t.T), table.T, **kw)
    assert_allclose((est.low, est.high), slow, rtol=0, atol=TOL)

    choices = np.array(["pass", "not-yet", None], dtype=object)
    units = [list(rng.choice(choices, size=3, p=[0.6, 0.3, 0.1])) for _ in range(80)]
    eligible = [u for u in units if sum(d is not None for d in u) >= 2]
    est = bootstrap.decision_agreement_estimate(units, **kw)
    as_array = np.array(eligible, dtype=object).T  # raters x units, resampled along units
    slow = bootstrap.bootstrap_interval(lambda d: loop_decisions(d.T.tolist()), as_array, **kw)
    assert est.units == len(eligible)
    assert_allclose((est.low, est.high), slow, rtol=0, atol=TOL)


def test_by_criterion_resamples_submissions_jointly() -> None:
    """Several criteria of the same submissions share the resampled submissions: the intervals
    equal a slow bootstrap that resamples whole columns (submissions) of every criterion."""
    rng = np.random.default_rng(15)
    levels = [2, 4, 5]
    data = np.stack([correlated(rng, 3, 90, k) for k in levels])  # criteria x coders x units
    data[rng.random(data.shape) < 0.35] = nan  # each criterion loses different units
    kw = {"n_resamples": 200, "seed": 6}

    agreement = bootstrap.coder_agreement_by_criterion(data, levels, **kw)
    pairable = (~np.isnan(data)).sum(axis=1) >= 2  # criteria x units
    union = pairable.any(axis=0)
    for c, k in enumerate(levels):
        est = agreement[c].alpha
        assert est.units == pairable[c].sum()
        assert est.value == pytest.approx(ref_alpha(data[c], k), abs=TOL)
        slow = bootstrap.bootstrap_interval(
            lambda d, c=c, k=k: ref_alpha(d[c], k), data[:, :, union], **kw
        )
        assert_allclose((est.low, est.high), slow, rtol=0, atol=TOL)
        slow = bootstrap.bootstrap_interval(
            lambda d, c=c: loop_pairwise(d[c]), data[:, :, union], **kw
        )
        got = agreement[c].pairwise_exact
        assert_allclose((got.low, got.high), slow, rtol=0, atol=TOL)

    scores, reference = data[:, 0, :], data[:, 1, :]
    paired = bootstrap.paired_estimates_by_criterion(scores, reference, levels, **kw)
    complete = ~(np.isnan(scores) | np.isnan(reference))
    union = complete.any(axis=0)
    for c, k in enumerate(levels):
        assert paired[c].qwk.units == complete[c].sum()
        assert paired[c].qwk.value == pytest.approx(ref_qwk(scores[c], reference[c], k), abs=TOL)
        slow = bootstrap.bootstrap_interval(
            lambda x, y, c=c, k=k: ref_qwk(x[c], y[c], k),
            scores[:, union],
            reference[:, union],
            **kw,
        )
        assert_allclose((paired[c].qwk.low, paired[c].qwk.high), slow, rtol=0, atol=TOL)

    # With the same units in every criterion, each criterion gets what it would get alone.
    full = data[:, :2, :].copy()
    full[np.isnan(full)] = 0
    joint = bootstrap.paired_estimates_by_criterion(full[:, 0], full[:, 1], levels, **kw)
    for c, k in enumerate(levels):
        assert joint[c] == bootstrap.paired_estimates(full[c, 0], full[c, 1], k, **kw)

    with pytest.raises(ValueError, match="same units"):
        bootstrap.paired_estimates_by_criterion([[0, 1, 1], [0, 1]], [[0, 1, 1], [1, 1]])
    with pytest.raises(ValueError, match="scales"):
        bootstrap.coder_agreement_by_criterion(data, [3, 4])
    assert bootstrap.coder_agreement_by_criterion([]) == []


def test_bootstrap_is_deterministic_and_brackets_the_estimate() -> None:
    rng = np.random.default_rng(14)
    data = correlated(rng, 3, 300, 4)
    data[rng.random(data.shape) < 0.2] = nan
    first = bootstrap.alpha_estimate(data, 4, seed=21)
    assert first == bootstrap.alpha_estimate(data, 4, seed=21)
    assert first != bootstrap.alpha_estimate(data, 4, seed=22)
    assert first.value == pytest.approx(ref_alpha(data, 4), abs=TOL)
    paired = bootstrap.paired_estimates(data[0], data[1], 4, seed=21)
    assert paired == bootstrap.paired_estimates(data[0], data[1], 4, seed=21)
    generator = bootstrap.alpha_estimate(data, 4, seed=np.random.default_rng(21))
    assert generator == first
    for est in (first, paired.exact, paired.adjacent, paired.severity, paired.qwk):
        assert est.low <= est.value <= est.high
        assert est.high - est.low < 0.3


def test_estimate_without_interval() -> None:
    one_pair = bootstrap.paired_estimates([1, nan], [1, 0], 2)
    assert (one_pair.exact.value, one_pair.exact.units) == (1.0, 1)
    assert math.isnan(one_pair.exact.low) and math.isnan(one_pair.exact.high)
    none = bootstrap.alpha_estimate(np.full((2, 5), nan), 3)
    assert none.units == 0
    assert math.isnan(none.value) and math.isnan(none.low)
    no_resamples = bootstrap.alpha_estimate([[0, 1, 2], [0, 1, 1]], 3, n_resamples=0)
    assert no_resamples.units == 3 and math.isnan(no_resamples.high)
    assert bootstrap.percentile_interval([nan, nan]) == pytest.approx((nan, nan), nan_ok=True)
    with pytest.raises(ValueError):
        bootstrap.percentile_interval([1.0], confidence=1.5)


# --- drift ------------------------------------------------------------------------------------


def test_drift_recovers_a_linear_trend() -> None:
    start = datetime(2026, 3, 4, 10, tzinfo=UTC)  # a Wednesday
    series = [(start + timedelta(days=d), -0.5 + 0.2 * d / 30) for d in range(0, 90, 3)]
    series.append((start, nan))  # skipped
    result = stats.drift(reversed(series))
    assert result.observations == 30
    assert result.slope_per_30_days == pytest.approx(0.2, abs=TOL)
    assert result.intercept == pytest.approx(-0.5, abs=TOL)
    assert result.origin == start
    assert result.trend_at(start + timedelta(days=60)) == pytest.approx(-0.1, abs=TOL)
    assert result.buckets[0].start == date(2026, 3, 2)  # the Monday of that week
    assert all(b.start.weekday() == 0 for b in result.buckets)
    assert sum(b.count for b in result.buckets) == 30
    assert [b.start for b in result.buckets] == sorted(b.start for b in result.buckets)

    monthly = stats.drift(series, period="month")
    assert [b.start for b in monthly.buckets] == [
        date(2026, 3, 1),
        date(2026, 4, 1),
        date(2026, 5, 1),
    ]
    march = [d for t, d in series if t.month == 3 and not math.isnan(d)]
    assert monthly.buckets[0].mean == pytest.approx(sum(march) / len(march))
    assert monthly.buckets[0].count == len(march)


def test_drift_degenerate_cases() -> None:
    empty = stats.drift([])
    assert empty.observations == 0 and empty.buckets == () and empty.origin is None
    assert math.isnan(empty.trend_at(date(2026, 1, 1)))
    one_day = stats.drift([(date(2026, 1, 5), 1.0), (date(2026, 1, 5), -1.0)])
    assert one_day.mean == 0.0 and one_day.buckets[0].count == 2
    assert math.isnan(one_day.slope_per_30_days)
    with pytest.raises(ValueError):
        stats.drift([], period="day")  # type: ignore[arg-type]

"""Every benchmark still runs, at a size that takes seconds: a refactor that breaks one
(a moved function, say) fails here rather than when someone next measures. The figures
themselves are the benchmarks' business, never asserted in tests."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.pg_server import find_bindir

ROOT = Path(__file__).resolve().parent.parent

SMALL = {
    "calibration_bench.py": ["--reviewers", "6", "--submissions", "30", "--anchors", "4"],
    "cli_bench.py": ["--sizes", "100,300", "--rounds", "1", "--startup-rounds", "2"],
    "export_bench.py": ["--count", "3"],
    "import_bench.py": ["--count", "3", "--mb", "1", "--rounds", "1"],
    "lms_bench.py": ["--students", "3", "--mb", "2", "--rounds", "1"],
    "scoring_bench.py": ["--reviews", "3", "--criteria", "2"],
    "team_bench.py": [
        "--assessors",
        "3",
        "--saves",
        "3",
        "--rounds",
        "1",
        "--pace",
        "0.02",
        "--reviewers",
        "6",
        "--submissions",
        "30",
        "--anchors",
        "4",
    ],
    "ui_bench.py": ["--queue", "200", "--startup", "50", "--rounds", "1", "--opens", "20"],
}


def test_every_benchmark_is_listed_here() -> None:
    assert sorted(p.name for p in (ROOT / "bench").glob("*_bench.py")) == sorted(SMALL)


@pytest.mark.parametrize("script", sorted(SMALL))
def test_a_benchmark_runs_at_a_small_size(script: str) -> None:
    if script == "team_bench.py" and find_bindir() is None and not os.environ.get("CI"):
        pytest.skip("PostgreSQL is not installed (as for the team tests)")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / script), *SMALL[script]],
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    assert done.stdout.strip(), "the benchmark printed no figures"


def test_pairs_interleave_swaps_the_order_and_pairs_each_round() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        from pairs import interleave
    finally:
        sys.path.remove(str(ROOT / "bench"))
    calls: list[str] = []

    def ours() -> float:
        calls.append("ours")
        return 3.0

    def floor() -> float:
        calls.append("floor")
        return 2.0 if len(calls) < 3 else 1.0

    pairs = interleave("x", ours, floor, rounds=3)
    assert calls == ["ours", "floor", "floor", "ours", "ours", "floor"]
    assert pairs.spread() == (1.5, 3.0, 3.0)
    assert "median 3.00x" in pairs.line()

"""Interleaved, paired timing shared by the benchmarks.

A benchmark compares the program with a floor (a baseline doing the least the same work
needs). On a noisy machine a figure taken a minute apart from its baseline says little,
so both sides run in turns, ours then the floor then ours..., the order swapped every
round so that a slow drift in the machine does not favour one side. Each round gives one
ratio; a benchmark reports the min / median / max of those ratios.

Run as a module of the bench scripts (`from pairs import interleave`): bench/ is the
script's own folder, so it is on the import path.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field

# A side either returns the seconds it measured itself (when it has set-up to leave out)
# or None, and then its whole call is timed.
Side = Callable[[], float | None]


@dataclass
class Pairs:
    """Seconds of each side per round, and their ratio (ours / floor) per round."""

    label: str
    ours: list[float] = field(default_factory=list)
    floor: list[float] = field(default_factory=list)

    @property
    def ratios(self) -> list[float]:
        return [o / f for o, f in zip(self.ours, self.floor, strict=True) if f > 0]

    def spread(self) -> tuple[float, float, float]:
        r = self.ratios
        return min(r), statistics.median(r), max(r)

    def line(self) -> str:
        lo, mid, hi = self.spread()
        return (
            f"{self.label}: ours {statistics.median(self.ours):.3f} s, "
            f"floor {statistics.median(self.floor):.3f} s (medians); "
            f"ratio min {lo:.2f}x / median {mid:.2f}x / max {hi:.2f}x "
            f"over {len(self.ours)} rounds"
        )


def _timed(side: Side) -> float:
    start = time.perf_counter()
    measured = side()
    return measured if measured is not None else time.perf_counter() - start


def interleave(label: str, ours: Side, floor: Side, rounds: int) -> Pairs:
    """Runs the two sides in alternating order `rounds` times and pairs their times."""
    pairs = Pairs(label)
    for n in range(rounds):
        if n % 2 == 0:
            o = _timed(ours)
            f = _timed(floor)
        else:
            f = _timed(floor)
            o = _timed(ours)
        pairs.ours.append(o)
        pairs.floor.append(f)
    return pairs


def report(pairs: Pairs) -> None:
    print(pairs.line(), flush=True)

"""Printing for the command line: one JSON document on stdout, progress on stderr."""

from __future__ import annotations

import json
import signal
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from reviewer_app.progress import CancelToken, ProgressReport


def print_json(document: Any) -> None:
    json.dump(document, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")


class StderrProgress:
    """A progress line on a terminal, refreshed at most five times a second."""

    def __init__(self) -> None:
        self.enabled = sys.stderr.isatty()
        self._last = 0.0

    def __call__(self, report: ProgressReport) -> None:
        now = time.monotonic()
        if not self.enabled or now - self._last < 0.2:
            return
        self._last = now
        mb = report.bytes_done / 1e6
        total = report.bytes_total / 1e6
        line = f"{report.items_done} items, {mb:,.1f} of {total:,.1f} MB  {report.current}"
        sys.stderr.write("\r" + line[:120].ljust(120))
        sys.stderr.flush()

    def finish(self) -> None:
        if self.enabled and self._last:
            sys.stderr.write("\r" + " " * 120 + "\r")
            sys.stderr.flush()


@contextmanager
def cancel_on_interrupt() -> Iterator[CancelToken]:
    """Ctrl-C asks long work to stop at its next safe point, keeping what is whole;
    a second Ctrl-C interrupts at once."""
    token = CancelToken()
    previous = signal.getsignal(signal.SIGINT)

    def on_interrupt(signum: int, frame: object) -> None:
        if token.cancelled:
            raise KeyboardInterrupt
        print("\nreviewer-app: stopping after the current bundle ...", file=sys.stderr)
        token.cancel()

    signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield token
    finally:
        signal.signal(signal.SIGINT, previous)

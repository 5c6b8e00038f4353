"""Printing for the command line: one JSON document on stdout, progress on stderr."""

from __future__ import annotations

import json
import sys
import time
from typing import Any

from reviewer_app.progress import ProgressReport


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

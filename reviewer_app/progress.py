"""Progress and cancel for long work, shared by the command line and the window.

Workers report through a `Progress` callback and check a `CancelToken`; neither knows
about threads or Qt, so the same import runs in a terminal and behind a progress bar.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from reviewer_app.errors import Cancelled


@dataclass(frozen=True)
class ProgressReport:
    items_done: int
    items_total: int
    bytes_done: int
    bytes_total: int
    current: str  # what is being worked on, in words


Progress = Callable[[ProgressReport], None]


class CancelToken:
    """A flag the person sets and the worker checks between small steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def check(self) -> None:
        if self._event.is_set():
            raise Cancelled()

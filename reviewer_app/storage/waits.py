"""Waiting for another process's write, said aloud.

A tiny module without the database layer, so that the command line can listen before
it knows whether a command will touch the database at all (SQLAlchemy is slow to load).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

_log = logging.getLogger(__name__)
_callbacks: list[Callable[[], None]] = []


def on_write_wait(callback: Callable[[], None]) -> None:
    """`callback` runs (in the waiting thread) when a write has waited a moment."""
    if callback not in _callbacks:
        _callbacks.append(callback)


def off_write_wait(callback: Callable[[], None]) -> None:
    """Stops telling `callback` (a window that closes)."""
    if callback in _callbacks:
        _callbacks.remove(callback)


def announce_wait() -> None:
    """Tells the registered listeners that this process waits for another's write."""
    _log.info("Waiting for another process to finish writing")
    for callback in list(_callbacks):
        callback()

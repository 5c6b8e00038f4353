"""A derive worker's work that misbehaves on marked files, as a hostile file can make a
reader do: `%HANG` never returns, `%CRASH` ends the process. Run in worker processes,
which import it by name, so it lives in a module of its own."""

from __future__ import annotations

import os
import time
from pathlib import Path

from reviewer_app.evidence.derive_work import Derived, derive_in_worker
from reviewer_app.evidence.limits import ImportLimits


def work(path: Path, media_type: str, limits: ImportLimits) -> Derived:
    data = path.read_bytes()
    if b"%HANG" in data:
        time.sleep(3600)
    if b"%CRASH" in data:
        os._exit(70)  # as a crash inside a C library ends it: no Python clean-up
    return derive_in_worker(path, media_type, limits)

"""The floors several benchmarks share: the least the program's work needs, done with
nothing else (see pairs.py for how each is paired with the program's side).

Run as a module of the bench scripts (`from floors import copy_members`), as pairs.py.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import time
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path


def copy_members(
    zips: Iterable[Path], scratch: Path, skip: Callable[[zipfile.ZipInfo], bool]
) -> float:
    """Seconds to read every member of `zips` (those `skip` keeps out aside), SHA-256 it,
    write it to a file of its own in `scratch` and fsync that file: what an import of
    the same files cannot do without."""
    out = scratch / "floor"
    out.mkdir()
    started = time.perf_counter()
    n = 0
    for path in zips:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if info.is_dir() or skip(info):
                    continue
                digest = hashlib.sha256()
                with z.open(info) as src, (out / f"{n}").open("wb") as dst:
                    while chunk := src.read(1 << 20):
                        digest.update(chunk)
                        dst.write(chunk)
                    dst.flush()
                    os.fsync(dst.fileno())
                n += 1
    elapsed = time.perf_counter() - started
    shutil.rmtree(out)
    return elapsed

"""Real processes on one data folder: the command line, and a holder of the write lock."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Another program (or a Portfolio Reviewer busy elsewhere) holding the database's write
# lock: it changes the database (so that a reader's snapshot goes stale), says "held",
# and commits after the given number of seconds.
_HOLDER = """
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
con.execute("PRAGMA user_version = 1")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
con.execute("COMMIT")
con.close()
"""


def env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "REVIEWER_APP_LOG_DIR": str(tmp_path / "logs"),
        "QT_QPA_PLATFORM": "offscreen",
        **extra,
    }


def cli(data_dir: Path, *argv: str, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "reviewer_app", "--data-dir", str(data_dir), *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def hold_write_lock(database: Path, seconds: float, env: dict[str, str]) -> subprocess.Popen[str]:
    """Starts a process that holds the write lock for `seconds`; returns once it does."""
    proc = subprocess.Popen(
        [sys.executable, "-c", _HOLDER, str(database), str(seconds)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline().strip()
    assert line == "held", proc.stderr.read() if proc.stderr else ""
    return proc

"""A score typed, and the process killed a second later: the score is there on restart."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder

# A reviewer's session in its own process: it types a level and a long comment, says
# so, and goes on working (sleeping) until it is killed.
_REVIEWER = """
import sys, time
from pathlib import Path
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
folder = DataFolder.open(Path(sys.argv[1]))
review = ReviewSession.open(folder, "FAP-1", "Ana Ruiz")
review.set_level("artifacts-contact-log", "not-yet")
review.set_comment("artifacts-contact-log", sys.argv[2])
print("typed", flush=True)
time.sleep(60)
"""

COMMENT = (
    "The log lists twelve contacts but only two are two-way; add the families' replies "
    "and say what changed because of them.\nSecond paragraph: ¿y en español?"
)


def test_a_typed_score_survives_a_kill_one_second_later(reviewed_folder: DataFolder) -> None:
    root = reviewed_folder.root
    reviewed_folder.close()
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.Popen(
        [sys.executable, "-c", _REVIEWER, str(root), COMMENT],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "typed", proc.stderr.read() if proc.stderr else ""
    time.sleep(1.0)
    proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)  # reaps the process and closes its pipes

    con = sqlite3.connect(root / DATABASE_NAME)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    with DataFolder.open(root) as folder:
        review = ReviewSession.open(folder, "FAP-1", "Ana Ruiz")
        assert review.levels == {"artifacts-contact-log": "not-yet"}
        assert review.comments == {"artifacts-contact-log": COMMENT}

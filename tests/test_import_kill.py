"""A real import process killed at random moments never leaves a half-imported bundle.

Each round copies a fresh data folder, starts `reviewer-app import` on a batch in its
own process, kills it with SIGKILL after a random delay, and then checks the folder as a
person would find it: the database passes SQLite's integrity check, every submission
present is whole (all its items, every stored file matching its hash), nothing is in the
store that no record refers to, and running the import again completes.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from reviewer_app.evidence.derive import derive_pending, pending_count
from reviewer_app.evidence.importer import Importer
from reviewer_app.storage.check import check_folder
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from reviewer_app.storage.models import EvidenceItem, Submission
from tests import craft

ROUNDS = 30  # and 20 more in test_kill_loop.py


def _make_batch(root: Path) -> dict[str, int]:
    """A batch of bundles with PDFs, photos and a large file; returns id -> item count."""
    rng = random.Random(5)
    expected = {}
    root.mkdir()
    for n in range(8):
        files = {
            "plan.pdf": craft.text_pdf(f"family conference {n}", pages=4),
            "photo.jpg": craft.photo_jpeg(root, seed=n),
            "recording.mp4": b"\0\0\0\x18ftypmp42" + rng.randbytes(1_500_000 + n * 200_000),
            "shared.png": craft.png_image(),  # the same in every bundle: deduplicated
        }
        sid = f"KILL-{n}"
        craft.bundle_zip(root / f"{sid}.zip", files, submission_id=sid)
        expected[sid] = len(files)
    for leftover in root.glob("photo-*.jpg"):
        leftover.unlink()
    return expected


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}


def _start_import(data_dir: Path, batch: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reviewer_app",
            "--data-dir",
            str(data_dir),
            "import",
            str(batch),
            "--json",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
    )


def _wait_for_work(data_dir: Path) -> float:
    """Waits until an import process holds the folder and has begun; returns the time."""
    tmp = data_dir / "store" / "tmp"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if any(tmp.iterdir()):
            return time.monotonic()
        time.sleep(0.002)
    raise AssertionError("the import process never started work")


def _assert_whole(data_dir: Path, expected: dict[str, int]) -> tuple[int, int]:
    """Checks the folder; returns (submissions present, items still to make searchable)."""
    con = sqlite3.connect(data_dir / DATABASE_NAME)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        con.close()
    with DataFolder.open(data_dir) as folder:  # opening recovers what the kill left
        assert check_folder(folder) == []
        assert list(folder.store.tmp.iterdir()) == []
        with folder.sessions() as session:
            rows = session.execute(
                select(Submission.submission_id, func.count(EvidenceItem.id))
                .join(EvidenceItem)
                .group_by(Submission.id)
            )
            counts = {sid: n for sid, n in rows}
            submissions = session.scalar(select(func.count()).select_from(Submission))
            pending = pending_count(session)
        assert submissions == len(counts)  # no submission without its items
        for sid, n in counts.items():
            assert n == expected[sid], f"{sid} is half-imported"
        return len(counts), pending


@pytest.mark.slow
def test_kill_during_import_never_leaves_half_a_bundle(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    expected = _make_batch(batch)
    template = tmp_path / "template"
    DataFolder.open(template).close()

    # How long the import itself works, from the moment it takes the folder (its scratch
    # folder appears in store/tmp) to its end: kills land at random within that window.
    # The shortest of three runs, so that a slow first run does not send kills past the
    # end of a quicker one.
    works = []
    for n in range(3):
        timing = tmp_path / f"timing-{n}"
        shutil.copytree(template, timing)
        proc = _start_import(timing, batch)
        started = _wait_for_work(timing)
        out, err = proc.communicate(timeout=300)
        works.append(time.monotonic() - started)
        assert proc.returncode == 0, err.decode()
        assert len(json.loads(out)["imported"]) == len(expected)
        shutil.rmtree(timing)
    work = min(works)

    rng = random.Random(2026)
    busy = 0  # rounds whose process was killed while at work, not after it finished
    outcomes: dict[tuple[int, bool], int] = {}  # (bundles present, text pending) -> rounds
    print(f"import at work for {work:.2f} s")
    for round_no in range(ROUNDS):
        data_dir = tmp_path / f"round-{round_no}"
        shutil.copytree(template, data_dir)
        proc = _start_import(data_dir, batch)
        _wait_for_work(data_dir)
        time.sleep(rng.uniform(0, work))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        busy += proc.returncode == -signal.SIGKILL  # it was still at work when killed

        present, pending = _assert_whole(data_dir, expected)
        outcomes[(present, pending > 0)] = outcomes.get((present, pending > 0), 0) + 1

        with DataFolder.open(data_dir) as folder:  # the re-run completes
            report = Importer(folder).import_paths([batch])
            derive_pending(folder)
            assert report.rejected == []
            assert len(report.imported) + len(report.skipped) == len(expected)
        assert _assert_whole(data_dir, expected) == (len(expected), 0)
        shutil.rmtree(data_dir)
    print(f"killed at work: {busy} of {ROUNDS}; (present, pending) -> rounds: {outcomes}")
    # Most kills must land while the import is at work, not after it.
    assert busy >= ROUNDS * 3 // 4, busy

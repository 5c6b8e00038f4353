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

ROUNDS = 50


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

    # How long a process takes to start and open the folder, and to do the whole import:
    # kills land between the two, where the import is at work.
    started = time.monotonic()
    subprocess.run(
        [sys.executable, "-m", "reviewer_app", "--data-dir", str(template), "submissions"],
        check=True,
        capture_output=True,
        env=_env(),
    )
    startup = time.monotonic() - started
    timing = tmp_path / "timing"
    shutil.copytree(template, timing)
    started = time.monotonic()
    proc = _start_import(timing, batch)
    out, err = proc.communicate(timeout=300)
    full_run = time.monotonic() - started
    assert proc.returncode == 0, err.decode()
    assert len(json.loads(out)["imported"]) == len(expected)

    rng = random.Random(2026)
    busy = 0  # rounds killed while bundles were being imported or made searchable
    print(f"startup {startup:.2f} s, whole import {full_run:.2f} s")
    for round_no in range(ROUNDS):
        data_dir = tmp_path / f"round-{round_no}"
        shutil.copytree(template, data_dir)
        proc = _start_import(data_dir, batch)
        time.sleep(rng.uniform(startup * 0.8, full_run * 1.05))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)

        present, pending = _assert_whole(data_dir, expected)
        busy += 0 < present < len(expected) or pending > 0

        with DataFolder.open(data_dir) as folder:  # the re-run completes
            report = Importer(folder).import_paths([batch])
            derive_pending(folder)
            assert report.rejected == []
            assert len(report.imported) + len(report.skipped) == len(expected)
        assert _assert_whole(data_dir, expected) == (len(expected), 0)
        shutil.rmtree(data_dir)
    # Most kills must land while the import is at work, not before or after it.
    assert busy >= ROUNDS // 2, busy

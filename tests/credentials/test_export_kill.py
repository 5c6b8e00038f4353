"""An export killed at random moments, then run again, leaves exactly the files of an
uninterrupted export, and no decision is ever issued twice.

Each round copies a data folder with passing decisions and an issuer, starts
`reviewer-app export` in its own process, kills it with SIGKILL after a random delay,
runs the export again to completion, and compares the whole folder, byte for byte, with
an export of another copy that was never interrupted.
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

from reviewer_app.credentials.issuers import create_issuer
from reviewer_app.evidence.importer import Importer
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from tests import craft
from tests.credentials.conftest import PASSPHRASE, pass_submission

ROUNDS = 12
AWARDS = 24
REPO = Path(__file__).resolve().parents[2]


def _env(workers: int) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO), "REVIEWER_APP_SIGNING_WORKERS": str(workers)}


def _export(
    data_dir: Path, out: Path, passphrase: Path, workers: int = 1
) -> subprocess.Popen[bytes]:
    log = open(data_dir.parent / f"{data_dir.name}-export.log", "ab")  # noqa: SIM115
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reviewer_app",
            "--data-dir",
            str(data_dir),
            "export",
            "--out",
            str(out),
            "--passphrase-file",
            str(passphrase),
        ],
        env=_env(workers),
        stdout=subprocess.DEVNULL,
        stderr=log,
    )
    log.close()  # the child has its own copy
    return process


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _log(data_dir: Path) -> str:
    return (data_dir.parent / f"{data_dir.name}-export.log").read_text(errors="replace")


# The signed manifest carries the audit trail's head, which is each database's own
# (its entries name the export folder and the moment): compared by its file list.
SIGNED_MANIFEST = ("manifest.json", "manifest.sig.json")


def tree(root: Path) -> dict[str, bytes]:
    files = {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and p.relative_to(root).as_posix() not in SIGNED_MANIFEST
    }
    manifest = root / "manifest.json"
    if manifest.is_file():
        files["manifest.json:files"] = json.dumps(
            json.loads(manifest.read_bytes())["files"]
        ).encode()
    return files


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed data folder: the demo definitions, AWARDS passing decisions, an issuer."""
    from reviewer_app.resources import resource
    from reviewer_app.rubrics.store import add_files

    root = tmp_path_factory.mktemp("kill-export")
    bundles = [
        craft.bundle_zip(
            root / f"b{n}.zip",
            {"plan.pdf": craft.text_pdf(f"plan {n}")},
            submission_id=f"KEX-{n:02}",
            earner={
                "id": f"mailto:e{n}@example.org",
                "name": f"Earner {n}",
                "email": f"e{n}@example.org",
            },
        )
        for n in range(AWARDS)
    ]
    data = root / "data"
    with DataFolder.open(data) as folder:
        add_files(folder, sorted(resource("demo", "definitions").glob("*.json")), "lead")
        assert len(Importer(folder).import_paths(bundles).imported) == AWARDS
        for n in range(AWARDS):
            pass_submission(folder, f"KEX-{n:02}")
        create_issuer(
            folder,
            name="Kill Test Association",
            url="https://kill.example.org",
            email="b@kill.example.org",
            passphrase=PASSPHRASE,
            actor="lead",
        )
    return data


@pytest.mark.slow
def test_a_killed_export_run_again_writes_exactly_the_uninterrupted_files(
    template: Path, tmp_path: Path
) -> None:
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text(PASSPHRASE + "\n")
    clean = tmp_path / "clean"
    shutil.copytree(template, clean)
    started = time.monotonic()
    run = _export(clean, tmp_path / "expected", passphrase)
    assert run.wait(timeout=300) == 0, _log(clean)
    full = time.monotonic() - started
    expected = tree(tmp_path / "expected")
    assert sum(1 for name in expected if name.startswith("credentials/")) == 2 * AWARDS

    rng = random.Random(11)
    killed_mid_way = 0
    for round_ in range(ROUNDS):
        data, out = tmp_path / f"data{round_}", tmp_path / f"out{round_}"
        shutil.copytree(template, data)
        # Every other round signs in worker processes, killed with the export.
        process = _export(data, out, passphrase, workers=1 + round_ % 2)
        time.sleep(rng.uniform(0.3, full * 1.1))
        if process.poll() is None:
            workers = _children(process.pid)
            process.send_signal(signal.SIGKILL)
            killed_mid_way += 1
            process.wait(timeout=60)
            # Signing workers notice their export is gone and end: none left running.
            deadline = time.monotonic() + 20
            while (alive := [w for w in workers if _running(w)]) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert alive == [], f"round {round_}: workers still running"
        process.wait(timeout=60)
        if out.exists():  # nothing half-written under a final name, ever
            for name, content in tree(out).items():
                if not name.rsplit("/", 1)[-1].startswith("."):
                    assert content == expected[name], name
        again = _export(data, out, passphrase)
        assert again.wait(timeout=300) == 0, _log(data)
        assert tree(out) == expected, f"round {round_}"
        with sqlite3.connect(data / DATABASE_NAME) as db:
            issued = db.execute(
                "SELECT COUNT(*), COUNT(DISTINCT decision_id) FROM issued_credentials"
            ).fetchone()
            assert issued == (AWARDS, AWARDS)
            assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert killed_mid_way >= ROUNDS // 2

"""Every operation that writes, killed with SIGKILL at random moments, then run again.

For each operation a real `reviewer-app` process is started on a fresh copy of one
prepared pair of folders (a lead's and an assessor's), and killed at a random moment of
its work. The folder it worked on must then pass `check` and `audit verify`, and the
same command, run again, must finish the work: what a person does after a crash.

The process imports the program first and waits for a word on its standard input, so
that the random moment falls in the work itself and not in Python's start-up.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from reviewer_app.cli import main
from reviewer_app.evidence.importer import Importer
from reviewer_app.resources import resource
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from reviewer_app.storage.models import IssuedCredential, Issuer
from tests import craft

ROUNDS = 20
PASSPHRASE = "correct horse battery staple"
ROOT = Path(__file__).resolve().parent.parent

# Started once per round: loads what the commands use, says so, then waits for "go".
_DRIVER = """
import importlib, sys
from reviewer_app.cli import main
for name in sys.argv[1].split(","):
    try:
        importlib.import_module(name)
    except ImportError:
        pass
print("ready", flush=True)
sys.stdin.readline()
sys.exit(main(sys.argv[2:]))
"""
_PRELOAD = ",".join(
    [
        "sqlalchemy.dialects.sqlite",
        "reviewer_app.cli.evidence_cmds",
        "reviewer_app.cli.review_cmds",
        "reviewer_app.cli.credential_cmds",
        "reviewer_app.cli.packet_cmds",
        "reviewer_app.cli.backup_cmds",
        "reviewer_app.evidence.importer",
        "reviewer_app.evidence.derive",
        "reviewer_app.reviews.service",
        "reviewer_app.credentials.export",
        "reviewer_app.credentials.issuers",
        "reviewer_app.storage.backup",
        "reviewer_app.packets.packet",
        "reviewer_app.packets.returns",
        "pypdf",
        "PIL.Image",
    ]
)


def cli(folder: Path, *argv: str) -> tuple[int, Any]:
    """Runs one command in this process; returns its exit code and its JSON output."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--data-dir", str(folder), *argv, "--json"])
    text = out.getvalue()
    try:
        return code, json.loads(text) if text.strip() else err.getvalue()
    except json.JSONDecodeError:
        return code, text + err.getvalue()


def criteria() -> list[str]:
    path = resource("demo", "definitions") / "families-as-partners-1.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    return [c["id"] for part in content["rubric"]["parts"] for c in part["criteria"]]


def _levels() -> list[str]:
    return [arg for c in criteria() for arg in ("--level", f"{c}=proficient")]


def _bundle(path: Path, sid: str, seed: int) -> Path:
    files = {
        "plan.pdf": craft.text_pdf(f"family conference plan {seed}", pages=6),
        "photo.jpg": craft.photo_jpeg(path.parent, seed=seed),
        "notes.png": craft.png_image(320 + seed, 240),
    }
    return craft.bundle_zip(path, files, submission_id=sid)


@dataclass(frozen=True)
class Operation:
    name: str
    folder: str  # "lead" or "ana": the folder the command works on
    argv: Callable[[Path], list[str]]  # given the round's root
    finished: Callable[[Path], None]  # asserts the work is done, given the round's root


def _submissions(folder: Path) -> dict[str, str]:
    code, rows = cli(folder, "submissions")
    assert code == 0, rows
    return {r["submission_id"]: r["status"] for r in rows}


def _import_done(root: Path) -> None:
    statuses = _submissions(root / "lead")
    assert {f"NEW-{n}" for n in range(6)} <= statuses.keys()


def _score_done(root: Path) -> None:
    assert _submissions(root / "lead")["OPEN-1"] == "pass"


def _export_done(root: Path) -> None:
    out = root / "out"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    for entry in manifest["files"]:  # every file whole, under its final name
        data = (out / entry["path"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"], entry["path"]
    with DataFolder.open(root / "lead") as folder, folder.sessions() as session:
        exported = session.scalar(
            select(func.count()).where(IssuedCredential.exported_at.is_not(None))
        )
    assert exported == 2  # DONE-1 and DONE-2, once each


def _backup_done(root: Path) -> None:
    code, rows = cli(root / "lead", "backup", "list")
    assert code == 0 and rows
    for row in rows:  # every backup listed is whole
        code, verdict = cli(root / "lead", "backup", "verify", row["name"])
        assert code == 0 and verdict["ok"], verdict


def _restore_done(root: Path) -> None:
    statuses = _submissions(root / "lead")
    assert set(statuses) == {"DONE-1", "DONE-2", "OPEN-1"}  # as when the backup was made


def _issuer_done(root: Path) -> None:
    with DataFolder.open(root / "lead") as folder, folder.sessions() as session:
        names = set(session.scalars(select(Issuer.name)))
    assert names == {"Riverside Teachers", "Second Issuer"}


def _packet_import_done(root: Path) -> None:
    assert "PKT-1" in _submissions(root / "ana")


def _return_import_done(root: Path) -> None:
    assert _submissions(root / "lead")["PKT-1"] in {"pass", "in-review"}


OPERATIONS = [
    Operation("import", "lead", lambda r: ["import", str(r / "batch")], _import_done),
    Operation(
        "score",
        "lead",
        lambda r: ["score", "OPEN-1", "--reviewer", "Ana Ruiz", *_levels(), "--submit"],
        _score_done,
    ),
    Operation(
        "export",
        "lead",
        lambda r: [
            "export",
            "--out",
            str(r / "out"),
            "--passphrase-file",
            str(r / "passphrase.txt"),
        ],
        _export_done,
    ),
    Operation("backup", "lead", lambda r: ["backup"], _backup_done),
    Operation("restore", "lead", lambda r: ["restore", str(r / "saved")], _restore_done),
    Operation(
        "issuer init",
        "lead",
        lambda r: [
            "issuer",
            "init",
            "--name",
            "Second Issuer",
            "--url",
            "https://second.example.org",
            "--passphrase-file",
            str(r / "passphrase.txt"),
        ],
        _issuer_done,
    ),
    Operation(
        "packet import",
        "ana",
        lambda r: ["packet", "import", str(r / "packet.zip")],
        _packet_import_done,
    ),
    Operation(
        "return import",
        "lead",
        lambda r: ["packet", "import-return", str(r / "return.zip")],
        _return_import_done,
    ),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A lead's folder with submissions, passes, an issuer, a backup and a packet out, and
    an assessor's folder with that packet scored and returned."""
    root = tmp_path_factory.mktemp("kill-template")
    lead, ana = root / "lead", root / "ana"
    (root / "passphrase.txt").write_text(PASSPHRASE + "\n", encoding="utf-8")
    bundles = root / "bundles"
    bundles.mkdir()
    with DataFolder.open(lead) as folder:
        definitions = sorted(resource("demo", "definitions").glob("*.json"))
        assert not add_files(folder, definitions, "lead").rejected
        paths = [
            _bundle(bundles / f"{sid}.zip", sid, n)
            for n, sid in enumerate(["DONE-1", "DONE-2", "OPEN-1"])
        ]
        assert len(Importer(folder).import_paths(paths).imported) == 3
    for sid in ("DONE-1", "DONE-2"):
        assert cli(lead, "score", sid, "--reviewer", "Lena Lead", *_levels(), "--submit")[0] == 0
    code, made = cli(lead, "backup")
    assert code == 0, made
    shutil.copytree(made["path"], root / "saved")
    code, out = cli(
        lead,
        "issuer",
        "init",
        "--name",
        "Riverside Teachers",
        "--url",
        "https://issuer.example.org",
        "--passphrase-file",
        str(root / "passphrase.txt"),
    )
    assert code == 0, out

    # A packet for Ana, scored and returned in her folder.
    pkt = _bundle(bundles / "PKT-1.zip", "PKT-1", 9)
    with DataFolder.open(lead) as folder:
        assert Importer(folder).import_paths([pkt]).imported
    code, out = cli(
        lead,
        "packet",
        "export",
        "--reviewer",
        "Ana Ruiz",
        "--submission",
        "PKT-1",
        "--out",
        str(root / "packet.zip"),
    )
    assert code == 0, out
    scratch = root / "ana-scratch"
    assert cli(scratch, "packet", "import", str(root / "packet.zip"))[0] == 0
    assert cli(scratch, "score", "PKT-1", "--reviewer", "Ana Ruiz", *_levels(), "--submit")[0] == 0
    code, out = cli(
        scratch,
        "packet",
        "return",
        "--packet",
        out["packet_id"],
        "--reviewer",
        "Ana Ruiz",
        "--out",
        str(root / "return.zip"),
    )
    assert code == 0, out
    shutil.rmtree(scratch)
    DataFolder.open(ana).close()

    batch = root / "batch"
    batch.mkdir()
    for n in range(6):
        _bundle(batch / f"NEW-{n}.zip", f"NEW-{n}", 20 + n)
    for leftover in batch.glob("photo-*.jpg"):
        leftover.unlink()
    return root


def _start(root: Path, op: Operation) -> subprocess.Popen[str]:
    """Starts the command's process; it loads the program and waits for `_go`."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            _DRIVER,
            _PRELOAD,
            "--data-dir",
            str(root / op.folder),
            *op.argv(root),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )


def _go(proc: subprocess.Popen[str]) -> None:
    assert proc.stdout is not None and proc.stdin is not None
    assert proc.stdout.readline().strip() == "ready"
    proc.stdin.write("go\n")
    proc.stdin.flush()


def _assert_sound(folder: Path) -> None:
    database = folder / DATABASE_NAME
    if database.exists():
        con = sqlite3.connect(database)
        try:
            assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            con.close()
    code, verdict = cli(folder, "check")
    assert code == 0 and verdict["ok"], verdict
    code, verdict = cli(folder, "audit", "verify")
    assert code == 0 and verdict["ok"], verdict


@pytest.mark.slow
@pytest.mark.parametrize("op", OPERATIONS, ids=[op.name for op in OPERATIONS])
def test_killed_at_random_then_run_again(template: Path, tmp_path: Path, op: Operation) -> None:
    # How long the work takes, from "go" to the process's end.
    timing = tmp_path / "timing"
    shutil.copytree(template, timing)
    proc = _start(timing, op)
    _go(proc)
    started = time.monotonic()
    _out, err = proc.communicate(timeout=300)
    work = time.monotonic() - started
    assert proc.returncode == 0, err
    assert "Traceback" not in err
    op.finished(timing)
    shutil.rmtree(timing)

    def launch(round_no: int) -> tuple[Path, subprocess.Popen[str]]:
        root = tmp_path / f"round-{round_no}"
        shutil.copytree(template, root)
        return root, _start(root, op)

    rng = random.Random(f"kill {op.name}")
    killed_at_work = 0
    root, proc = launch(0)
    for round_no in range(ROUNDS):
        _go(proc)
        time.sleep(rng.uniform(0, work))
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate(timeout=60)
        killed_at_work += proc.returncode == -signal.SIGKILL
        assert "Traceback" not in err, err
        # The next round's process loads while this round is checked.
        following = launch(round_no + 1) if round_no + 1 < ROUNDS else None

        _assert_sound(root / op.folder)
        code, said = cli(root / op.folder, *op.argv(root))
        assert code == 0 or "already" in json.dumps(said), (round_no, said)
        op.finished(root)
        _assert_sound(root / op.folder)
        shutil.rmtree(root)
        if following is not None:
            root, proc = following
    print(f"{op.name}: at work {work:.2f} s; killed at work {killed_at_work} of {ROUNDS}")
    assert killed_at_work >= ROUNDS // 2, killed_at_work

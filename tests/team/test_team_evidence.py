"""Evidence on a team database: imported once from one laptop's data folder, kept in the
database as chunk rows, and fetched into another laptop's (empty) data folder when first
read there, in the window too; `check` verifies the database's chunks and the cached
copies; a damaged chunk is never used; an import killed midway leaves no file in the
database without all its chunks."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import stat
import subprocess
import sys
import time
import tracemalloc
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, create_engine, func, select, text

from reviewer_app.cli import main
from reviewer_app.resources import resource
from reviewer_app.storage.blobstore import CHUNK, StoredFileUnavailable
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Blob, BlobChunk, EvidenceItem, Submission
from reviewer_app.storage.team_blobs import upload
from reviewer_app.storage.team_url import team_url
from tests import craft
from tests.pg_server import SUPERUSER, PgServer
from tests.processes import env

DEFINITIONS = sorted(resource("demo", "definitions").glob("*.json"))
SUBMISSION = "TEAM-EV-1"
RECORDING = b"\0\0\0\x18ftypmp42" + os.urandom(2 * CHUNK + 12_345)  # three chunks
PLAN = craft.text_pdf("family conference", pages=3)


class Team:
    def __init__(self, server: PgServer, name: str, tmp_path: Path) -> None:
        self.server, self.name, self.tmp_path = server, name, tmp_path
        secret = tmp_path / "password"
        secret.write_text(server.password + "\n", encoding="utf-8")
        self.database = f"postgresql://{SUPERUSER}@{server.host}:{server.port}/{name}"
        self.secret = secret
        self.admin: Engine = create_engine(server.url(name))

    def args(self, laptop: str) -> list[str]:
        return [
            "--data-dir", str(self.tmp_path / laptop),
            "--database", self.database, "--password-file", str(self.secret),
        ]  # fmt: skip

    def open(self, laptop: str) -> DataFolder:
        url = team_url(self.database, self.secret)
        return DataFolder.open(self.tmp_path / laptop, database_url=url)


@pytest.fixture
def team(pg_server: PgServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Iterator[Team]:
    name = f"evidence_{uuid.uuid4().hex[:8]}"
    pg_server.create_database(name)
    made = Team(pg_server, name, tmp_path)
    lead = made.args("a")
    assert main([*lead, "definitions", "add", *map(str, DEFINITIONS)]) == 0
    bundle = craft.bundle_zip(
        tmp_path / "bundle.zip",
        {"plan.pdf": PLAN, "recording.mp4": RECORDING},
        submission_id=SUBMISSION,
    )
    assert main([*lead, "import", str(bundle)]) == 0, capsys.readouterr().err
    capsys.readouterr()
    yield made
    made.admin.dispose()


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, Any, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, json.loads(out) if "--json" in argv and out.strip() else out, err


def test_the_database_holds_each_file_once_in_chunks_and_the_importer_keeps_a_copy(
    team: Team,
) -> None:
    with team.admin.connect() as conn:
        chunks = dict(
            conn.execute(
                select(BlobChunk.seq, func.length(BlobChunk.data)).where(
                    BlobChunk.sha256 == sha(RECORDING)
                )
            ).all()
        )
        sizes = dict(conn.execute(select(Blob.sha256, Blob.size)).all())
    assert chunks == {0: CHUNK, 1: CHUNK, 2: len(RECORDING) - 2 * CHUNK}
    assert sizes[sha(RECORDING)] == len(RECORDING) and sizes[sha(PLAN)] == len(PLAN)
    folder = team.open("a")  # the importer's data folder is its cache already
    try:
        assert folder.store.cached(sha(RECORDING)) and folder.store.cached(sha(PLAN))
    finally:
        folder.close()


def test_another_laptop_fetches_a_file_when_first_read_and_keeps_it(team: Team) -> None:
    folder = team.open("b")
    try:
        store = folder.store
        assert not store.cached(sha(RECORDING))
        path = store.file(sha(RECORDING))
        assert path.read_bytes() == RECORDING
        assert store.cached(sha(RECORDING))
        assert not stat.S_IMODE(path.stat().st_mode) & stat.S_IWUSR  # never modified
        assert not any(store.tmp_root.glob("*/*.part"))  # nothing half-written left
        assert store.file(sha(RECORDING)) == path  # the second time, from the cache
    finally:
        folder.close()


def test_check_names_a_damaged_chunk_and_reading_refuses_it(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    with team.admin.begin() as conn:  # the bytes changed behind the program's back
        conn.execute(
            text("UPDATE blob_chunks SET data = overlay(data placing '\\x00ff'::bytea from 9) "
                 "WHERE sha256 = :sha AND seq = 1"),
            {"sha": sha(RECORDING)},
        )  # fmt: skip
    code, report, err = run(capsys, *team.args("b"), "check", "--json")
    assert code == 1, err
    [problem] = report["problems"]
    assert problem["kind"] == "damaged" and problem["subject"] == sha(RECORDING)
    assert "recording.mp4" in problem["message"]
    assert "no longer match its hash" in problem["message"]
    folder = team.open("b")
    try:
        with pytest.raises(StoredFileUnavailable, match="is damaged"):
            folder.store.file(sha(RECORDING))
        assert not folder.store.has(sha(RECORDING))  # no wrong file under its name
        assert not any(folder.store.tmp_root.glob("*/*.part"))
    finally:
        folder.close()


def test_check_and_reading_say_which_chunk_is_missing(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    with team.admin.begin() as conn:
        conn.execute(
            text("DELETE FROM blob_chunks WHERE sha256 = :sha AND seq = 1"),
            {"sha": sha(RECORDING)},
        )
    code, out, err = run(capsys, *team.args("b"), "check")
    assert code == 1, err
    assert f"damaged: {sha(RECORDING)}: the stored file used by recording.mp4" in out
    assert "pieces of it are missing in the team database (numbers 1)" in out
    folder = team.open("b")
    try:
        with pytest.raises(StoredFileUnavailable, match="its piece 1 is missing"):
            folder.store.file(sha(RECORDING))
    finally:
        folder.close()


def test_a_damaged_cached_copy_is_reported_removed_and_fetched_again(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = team.open("b")
    try:
        path = folder.store.file(sha(PLAN))
    finally:
        folder.close()
    path.chmod(0o600)
    path.write_bytes(PLAN[:-10] + b"0123456789")
    code, out, err = run(capsys, *team.args("b"), "check")
    assert code == 1, err
    assert f"damaged: {sha(PLAN)}: the copy of the stored file used by plan.pdf" in out
    assert "cached on this computer was damaged" in out
    assert not path.exists()
    code, out, err = run(capsys, *team.args("b"), "check")
    assert code == 0, out + err
    folder = team.open("b")
    try:
        assert folder.store.file(sha(PLAN)).read_bytes() == PLAN
    finally:
        folder.close()


def test_check_passes_on_the_importer_and_on_a_fresh_laptop(
    team: Team, capsys: pytest.CaptureFixture[str]
) -> None:
    for laptop in ("a", "b"):
        code, out, err = run(capsys, *team.args(laptop), "check")
        assert code == 0, out + err


@pytest.fixture
def window_on(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Callable[[DataFolder], Any]]:
    """Opens the main window on a data folder, as the program does."""
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from reviewer_app.ui import gc_guard
    from reviewer_app.ui.main_window import MainWindow

    monkeypatch.setenv("REVIEWER_APP_CONFIG_DIR", str(tmp_path / "config"))
    gc_guard.install(QApplication.instance())  # type: ignore[arg-type]
    opened: list[Any] = []

    def open_window(folder: DataFolder) -> Any:
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        win = MainWindow(folder, "", settings)
        qtbot.addWidget(win)
        win.resize(1200, 800)
        win.show()
        qtbot.waitExposed(win)
        opened.append(win)
        return win

    yield open_window
    for win in opened:
        win.close()


def click_submission(win: Any, qtbot: Any) -> None:
    from PySide6.QtCore import Qt

    rows = [win.model.index(r, 0) for r in range(win.model.rowCount())]
    [row] = [i for i in rows if i.data() == SUBMISSION]
    rect = win.table.visualRect(row)
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_the_window_on_another_laptop_shows_the_evidence(
    team: Team, qtbot: Any, window_on: Callable[[DataFolder], Any]
) -> None:
    from PySide6.QtCore import Qt

    folder = team.open("b")
    try:
        win = window_on(folder)
        click_submission(win, qtbot)
        panel = win.evidence
        qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.pdf_view, timeout=20_000)
        assert folder.store.path_for(sha(PLAN)).read_bytes() == PLAN
        # The next item, a file of three chunks, comes the same way.
        qtbot.keyClick(panel.tree, Qt.Key.Key_Down)
        qtbot.waitUntil(lambda: folder.store.has(sha(RECORDING)), timeout=20_000)
        qtbot.waitUntil(lambda: panel.stack.currentWidget() is panel.other_view, timeout=20_000)
        win.close()
    finally:
        folder.close()


def test_the_window_says_when_a_file_in_the_database_is_damaged(
    team: Team, qtbot: Any, window_on: Callable[[DataFolder], Any]
) -> None:
    with team.admin.begin() as conn:
        conn.execute(
            text("UPDATE blob_chunks SET data = overlay(data placing '\\x00ff'::bytea from 9) "
                 "WHERE sha256 = :sha AND seq = 0"),
            {"sha": sha(PLAN)},
        )  # fmt: skip
    folder = team.open("b")
    try:
        win = window_on(folder)
        click_submission(win, qtbot)
        panel = win.evidence
        qtbot.waitUntil(
            lambda: "could not be fetched" in panel.empty.heading.text(), timeout=20_000
        )
        assert panel.stack.currentWidget() is panel.empty
        assert "is damaged" in panel.empty.body.text()
        assert not folder.store.has(sha(PLAN))
        win.close()
    finally:
        folder.close()


def test_storing_and_fetching_a_large_file_holds_a_few_chunks_in_memory_at_most(
    team: Team, tmp_path: Path
) -> None:
    """The driver copies each chunk a few times on its way (bytea as text), whatever the
    file's size: 40 chunks go up and come back within 16 chunks of memory."""
    chunks = 40
    big, digest = tmp_path / "big.bin", hashlib.sha256()
    with big.open("wb") as f:
        for _ in range(chunks):
            piece = os.urandom(CHUNK)
            digest.update(piece)
            f.write(piece)
    peaks = []
    for laptop in ("a", "b"):
        folder = team.open(laptop)
        tracemalloc.start()
        try:
            if laptop == "a":
                assert upload(folder.engine, big, digest.hexdigest(), chunks * CHUNK)
            else:
                assert folder.store.file(digest.hexdigest()).stat().st_size == chunks * CHUNK
            peaks.append(tracemalloc.get_traced_memory()[1])
        finally:
            tracemalloc.stop()
            folder.close()
    assert max(peaks) < 16 * CHUNK, peaks


def test_an_assessor_reads_the_evidence_of_a_submission_assigned_to_her(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Through the grants `team setup` makes, as her own login, from her own laptop."""
    admin = team.args("a")
    assert run(capsys, *admin[:2], "--password-file", str(team.secret), "team", "setup",
               "--database", team.database)[0] == 0  # fmt: skip
    secret = tmp_path / "ana-password"
    secret.write_text("ana-long-password-1\n", encoding="utf-8")
    code, _, err = run(
        capsys, *admin[:2], "--password-file", str(team.secret), "team", "add", "Ana Lima",
        "--login", "ana", "--role", "assessor", "--password-file", str(secret),
        "--database", team.database,
    )  # fmt: skip
    assert code == 0, err
    code, _, err = run(capsys, *admin, "team", "assign", "--reviewer", "ana",
                       "--submission", SUBMISSION)  # fmt: skip
    assert code == 0, err
    url = team.database.replace(SUPERUSER, "ana")
    folder = DataFolder.open(tmp_path / "ana", database_url=team_url(url, secret))
    try:
        assert folder.store.file(sha(RECORDING)).read_bytes() == RECORDING
        assert folder.store.file(sha(PLAN)).read_bytes() == PLAN
    finally:
        folder.close()
    ana = ["--data-dir", str(tmp_path / "ana"), "--database", url, "--password-file", str(secret)]
    code, out, err = run(capsys, *ana, "check")
    assert code == 0, out + err


# An import, in a process of its own, of a bundle with several files of many chunks.
def _big_bundle(tmp_path: Path) -> Path:
    files = {f"video-{n}.mp4": b"\0\0\0\x18ftypmp42" + os.urandom(12 * CHUNK) for n in range(4)}
    return craft.bundle_zip(tmp_path / "big.zip", files, submission_id="TEAM-EV-BIG")


def _uploading(admin: Engine) -> bool:
    with admin.connect() as conn:
        return bool(
            conn.scalar(
                text("SELECT count(*) FROM pg_stat_activity "
                     "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                     "AND query ILIKE 'INSERT INTO blob_chunks%'")
            )
        )  # fmt: skip


def _incomplete_blobs(admin: Engine) -> list[str]:
    """Blob rows whose chunks are not 0..n-1 adding up to their size."""
    with admin.connect() as conn:
        return list(
            conn.scalars(
                text("SELECT b.sha256 FROM blobs b LEFT JOIN blob_chunks c ON c.sha256 = b.sha256 "
                     "GROUP BY b.sha256, b.size HAVING coalesce(sum(length(c.data)), 0) <> b.size "
                     "OR count(c.seq) <> coalesce(max(c.seq) + 1, 0)")
            )
        )  # fmt: skip


def test_an_import_killed_midway_leaves_no_file_without_its_chunks(
    team: Team, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = _big_bundle(tmp_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reviewer_app", *team.args("a"), "import", str(bundle)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env(tmp_path),
    )
    deadline = time.monotonic() + 60
    seen = False
    while not seen and proc.poll() is None and time.monotonic() < deadline:
        seen = _uploading(team.admin)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate(timeout=30)
    assert seen and proc.returncode == -signal.SIGKILL, "not killed while storing chunks"
    deadline = time.monotonic() + 30  # the server ends the dead client's transaction
    while _uploading(team.admin) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert _incomplete_blobs(team.admin) == []
    with team.admin.connect() as conn:
        assert conn.scalar(
            select(func.count()).select_from(Submission).where(
                Submission.submission_id == "TEAM-EV-BIG"
            )
        ) == 0  # fmt: skip
    # Importing again completes, and every file is whole in the database.
    code, out, err = run(capsys, *team.args("a"), "import", str(bundle))
    assert code == 0, out + err
    assert _incomplete_blobs(team.admin) == []
    with team.admin.connect() as conn:
        items = conn.scalar(select(func.count()).select_from(EvidenceItem))
    assert items == 6
    code, out, err = run(capsys, *team.args("b"), "check")
    assert code == 0, out + err

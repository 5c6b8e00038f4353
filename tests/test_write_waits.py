"""Writers wait for each other in words, and give up with a plain sentence, never a
"database is locked" traceback (real processes on one folder)."""

from __future__ import annotations

import logging
import time
from pathlib import Path

import pytest

from reviewer_app import logs
from reviewer_app.cli import main
from reviewer_app.storage.datafolder import DATABASE_NAME, DataFolder
from tests import craft
from tests.processes import cli, env, hold_write_lock

WAITING = "waiting for another Portfolio Reviewer to finish writing"


def _no_traceback(err: str) -> None:
    assert "Traceback" not in err and "[SQL:" not in err and "sqlalchemy" not in err, err


@pytest.mark.parametrize(
    "argv",
    [
        ("reviewers", "add", "Bea Soto", "--role", "assessor"),
        ("score", "FAP-1", "--reviewer", "Ana Ruiz", "--level", "artifacts-contact-log=not-yet"),
    ],
    ids=["reviewers-add", "score"],
)
def test_a_writer_waits_for_another_and_says_so(
    reviewed_folder: DataFolder, tmp_path: Path, argv: tuple[str, ...]
) -> None:
    root = reviewed_folder.root
    reviewed_folder.close()
    environment = env(tmp_path)
    holder = hold_write_lock(root / DATABASE_NAME, 5, environment)
    started = time.monotonic()
    proc = cli(root, *argv, env=environment)
    _out, err = proc.communicate(timeout=60)
    holder.communicate(timeout=30)
    assert proc.returncode == 0, err
    assert time.monotonic() - started > 4  # it did wait for the holder
    assert WAITING in err
    _no_traceback(err)


def test_a_writer_gives_up_plainly_after_the_wait(
    reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    root = reviewed_folder.root
    reviewed_folder.close()
    environment = env(tmp_path, REVIEWER_APP_WRITE_WAIT="2")
    holder = hold_write_lock(root / DATABASE_NAME, 8, environment)
    try:
        proc = cli(root, "reviewers", "add", "Bea Soto", "--role", "assessor", env=environment)
        _out, err = proc.communicate(timeout=60)
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    assert proc.returncode == 1
    assert WAITING in err
    assert "kept the data folder busy for 2 seconds" in err and "nothing was changed" in err
    _no_traceback(err)
    with DataFolder.open(root) as folder, folder.read_sessions() as session:
        from sqlalchemy import select

        from reviewer_app.storage.models import Reviewer

        assert "Bea Soto" not in session.scalars(select(Reviewer.name)).all()


def test_a_blocked_import_is_refused_in_words(reviewed_folder: DataFolder, tmp_path: Path) -> None:
    root = reviewed_folder.root
    reviewed_folder.close()
    bundle = craft.bundle_zip(
        tmp_path / "b.zip", {"plan.pdf": craft.text_pdf("third")}, submission_id="FAP-3"
    )
    environment = env(tmp_path, REVIEWER_APP_WRITE_WAIT="2")
    holder = hold_write_lock(root / DATABASE_NAME, 8, environment)
    try:
        proc = cli(root, "import", str(bundle), "--json", env=environment)
        out, err = proc.communicate(timeout=60)
    finally:
        holder.kill()
        holder.communicate(timeout=30)
    assert proc.returncode == 1
    assert "kept the data folder busy" in err
    _no_traceback(out + err)
    # Nothing of the bundle was kept, and it imports once the folder is free.
    proc = cli(root, "import", str(bundle), "--json", env=env(tmp_path))
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert '"FAP-3"' in out


def test_reads_do_not_wait_for_a_writer(reviewed_folder: DataFolder, tmp_path: Path) -> None:
    root = reviewed_folder.root
    reviewed_folder.close()
    environment = env(tmp_path, REVIEWER_APP_WRITE_WAIT="2")
    holder = hold_write_lock(root / DATABASE_NAME, 8, environment)
    try:
        for argv in (("submissions", "--json"), ("check", "--json"), ("audit", "verify")):
            proc = cli(root, *argv, env=environment)
            _out, err = proc.communicate(timeout=60)
            assert proc.returncode == 0, (argv, err)
            assert WAITING not in err, argv
    finally:
        holder.kill()
        holder.communicate(timeout=30)


def test_an_unexpected_error_is_one_sentence_and_the_log(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reviewer_app.cli import moderation_cmds

    def broken(_args: object) -> int:
        raise RuntimeError("a bug nobody foresaw")

    monkeypatch.setenv("REVIEWER_APP_LOG_DIR", str(tmp_path / "logs"))
    # register() binds the command's function when the parser is built, so patch first.
    monkeypatch.setattr(moderation_cmds, "run_reviewers_list", broken)
    logger = logging.getLogger("reviewer_app")
    before = list(logger.handlers)
    try:
        code = main(["--data-dir", str(tmp_path / "data"), "reviewers", "list"])
    finally:
        for handler in logger.handlers[len(before) :]:
            handler.close()
            logger.removeHandler(handler)
    err = capsys.readouterr().err
    assert code not in (0, 1, 2)
    log = tmp_path / "logs" / logs.LOG_NAME
    assert err.count("\n") == 1 and str(log) in err and "RuntimeError" in err
    assert "Traceback" not in err
    assert "a bug nobody foresaw" in log.read_text(encoding="utf-8")
    assert "Traceback" in log.read_text(encoding="utf-8")

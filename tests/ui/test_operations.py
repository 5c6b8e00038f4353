"""The operation runner: callbacks on the GUI thread, delayed progress, cancel, one
writer at a time, reads side by side, and no nested event loop in the window code."""

from __future__ import annotations

import io
import re
import threading
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.errors import UserError
from reviewer_app.progress import CancelToken, Progress, ProgressReport
from reviewer_app.ui.operations import Operations

WAIT_MS = 5_000
UI = Path(__file__).resolve().parents[2] / "reviewer_app" / "ui"


@pytest.fixture
def ops(qapp: QApplication) -> Iterator[Operations]:
    runner = Operations()
    yield runner
    assert runner.wait_all(5)
    QApplication.processEvents()
    runner.deleteLater()


def report(done: int) -> ProgressReport:
    return ProgressReport(done, 10, 0, 0, f"item {done}")


def test_success_comes_back_on_the_gui_thread(ops: Operations, qtbot: QtBot) -> None:
    threads: list[object] = []
    results: list[object] = []

    def work(_cancel: CancelToken, _progress: Progress) -> int:
        threads.append(QThread.currentThread())
        return 42

    def success(value: object) -> None:
        threads.append(QThread.currentThread())
        results.append(value)

    op = ops.read(work, on_success=success)
    qtbot.waitUntil(lambda: results == [42], timeout=WAIT_MS)
    assert not op.running
    assert threads[0] is not qapp_thread() and threads[1] is qapp_thread()


def qapp_thread() -> QThread:
    app = QApplication.instance()
    assert app is not None
    return app.thread()


def test_a_user_error_is_its_sentence_and_a_bug_says_something_went_wrong(
    ops: Operations, qtbot: QtBot
) -> None:
    failures: list[tuple[str, str]] = []

    def refused(_cancel: CancelToken, _progress: Progress) -> None:
        raise UserError("The bundle is damaged: its manifest is missing.")

    def buggy(_cancel: CancelToken, _progress: Progress) -> None:
        raise KeyError("criterion")

    ops.write(refused, on_failure=lambda m, d: failures.append((m, d)))
    qtbot.waitUntil(lambda: len(failures) == 1, timeout=WAIT_MS)
    assert failures[0] == ("The bundle is damaged: its manifest is missing.", "")
    successes: list[object] = []
    ops.write(buggy, on_success=successes.append, on_failure=lambda m, d: failures.append((m, d)))
    qtbot.waitUntil(lambda: len(failures) == 2, timeout=WAIT_MS)
    message, details = failures[1]
    assert message.startswith("Something went wrong") and "criterion" in message
    assert "Traceback" in details and "KeyError" in details
    assert successes == []


def test_cancel_is_a_flag_the_work_checks(ops: Operations, qtbot: QtBot) -> None:
    started = threading.Event()
    steps: list[int] = []
    results: list[object] = []

    def work(cancel: CancelToken, _progress: Progress) -> str:
        started.set()
        for step in range(500):  # at most five seconds
            cancel.check()
            steps.append(step)
            time.sleep(0.01)
        return "finished"

    op = ops.write(work, on_success=results.append)
    assert started.wait(5)
    op.cancel()
    qtbot.waitUntil(lambda: not op.running, timeout=WAIT_MS)
    assert results == [None] and len(steps) < 500


def test_finish_waits_for_the_worker_and_hands_over_at_once(ops: Operations) -> None:
    """What a window does when it closes: no event loop, the outcome is in on return."""
    release = threading.Event()
    results: list[object] = []

    def work(cancel: CancelToken, _progress: Progress) -> None:
        for _ in range(500):
            if release.is_set():
                cancel.check()
            time.sleep(0.01)

    op = ops.write(work, on_success=results.append)
    op.cancel()
    release.set()
    assert op.finish(5)
    assert results == [None] and not op.running


def test_progress_appears_only_after_half_a_second(ops: Operations, qtbot: QtBot) -> None:
    go_on = threading.Event()
    busy: list[bool] = []
    shown: list[ProgressReport] = []

    def work(_cancel: CancelToken, progress: Progress) -> None:
        progress(report(1))
        go_on.wait(5)
        progress(report(2))

    started = time.monotonic()
    op = ops.write(work, on_progress=shown.append, on_busy=busy.append)
    qtbot.wait(250)  # the first report has long been made, and is not shown yet
    assert busy == [] and shown == []
    qtbot.waitUntil(lambda: busy == [True], timeout=WAIT_MS)
    assert time.monotonic() - started >= 0.45
    assert [r.items_done for r in shown] == [1]  # the latest report, at once
    go_on.set()
    qtbot.waitUntil(lambda: not op.running, timeout=WAIT_MS)
    assert busy == [True, False] and [r.items_done for r in shown][-1] == 2


def test_quick_work_never_shows_progress(ops: Operations, qtbot: QtBot) -> None:
    busy: list[bool] = []
    shown: list[ProgressReport] = []
    op = ops.write(lambda _c, progress: progress(report(1)), on_progress=shown.append,
                   on_busy=busy.append)  # fmt: skip
    qtbot.waitUntil(lambda: not op.running, timeout=WAIT_MS)
    qtbot.wait(700)
    assert busy == [] and shown == []


def test_two_writes_run_one_after_the_other(ops: Operations, qtbot: QtBot) -> None:
    inside = 0
    most = 0
    lock = threading.Lock()
    order: list[str] = []

    def writing(name: str) -> object:
        def work(_cancel: CancelToken, _progress: Progress) -> str:
            nonlocal inside, most
            with lock:
                inside += 1
                most = max(most, inside)
            time.sleep(0.2)
            with lock:
                inside -= 1
            order.append(name)
            return name

        return work

    done: list[object] = []
    ops.write(writing("first"), on_success=done.append)  # type: ignore[arg-type]
    ops.write(writing("second"), on_success=done.append)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: len(done) == 2, timeout=WAIT_MS)
    assert most == 1 and order == ["first", "second"] and done == ["first", "second"]


def test_reads_run_side_by_side(ops: Operations, qtbot: QtBot) -> None:
    """Three reads that each wait for the others can only finish together."""
    meeting = threading.Barrier(3, timeout=5)
    done: list[object] = []
    for n in range(3):
        ops.read(lambda _c, _p, n=n: (meeting.wait(), n)[1], on_success=done.append)
    qtbot.waitUntil(lambda: len(done) == 3, timeout=WAIT_MS)
    assert sorted(done) == [0, 1, 2]  # type: ignore[type-var]


def test_a_read_is_not_held_up_by_a_long_write(ops: Operations, qtbot: QtBot) -> None:
    release = threading.Event()
    done: list[object] = []
    ops.write(lambda _c, _p: release.wait(5), on_success=done.append)
    ops.read(lambda _c, _p: "read", on_success=done.append)
    qtbot.waitUntil(lambda: done == ["read"], timeout=WAIT_MS)
    release.set()
    qtbot.waitUntil(lambda: len(done) == 2, timeout=WAIT_MS)


def test_a_deleted_owner_cancels_and_hears_nothing(ops: Operations, qtbot: QtBot) -> None:
    owner = QWidget()
    started = threading.Event()
    heard: list[object] = []

    def work(cancel: CancelToken, _progress: Progress) -> None:
        started.set()
        for _ in range(500):
            cancel.check()
            time.sleep(0.01)

    op = ops.write(work, on_success=heard.append, owner=owner)
    assert started.wait(5)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not op.running, timeout=WAIT_MS)
    assert op.cancel_token.cancelled and heard == []


# Allowed: the application's own loop, and nothing else. A screen that needs an answer
# opens a dialog with open()/show() and goes on in the dialog's finished callback.
ALLOWED_EXEC = {("app.py", "app.exec()")}


# Qt's static dialogs each run a loop of their own until answered.
STATIC_DIALOG = re.compile(
    r"QMessageBox\s*\.\s*(warning|information|question|critical|about|aboutQt)\s*\("
    r"|QInputDialog\s*\.\s*get\w*\s*\("
    r"|Q(File|Color|Font)Dialog\s*\.\s*get\w*\s*\("
)


def test_no_nested_event_loop_in_the_window_code() -> None:
    """No QEventLoop, no exec() but the application's own, and no static dialog: every
    question, message and picker is opened (reviewer_app/ui/window_modal.py)."""
    found = []
    for path in sorted(UI.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        code = "\n".join(line.split("#", 1)[0] for line in text.splitlines())
        for number, line in enumerate(code.splitlines(), 1):
            if "QEventLoop" in line:
                found.append(f"{path.name}:{number}: {line.strip()}")
            for call in re.findall(r"[\w.]*\.exec_?\(\)", line):
                if (path.name, call) not in ALLOWED_EXEC:
                    found.append(f"{path.name}:{number}: {line.strip()}")
        # Over the whole file: a call may be split across lines.
        for match in STATIC_DIALOG.finditer(code):
            number = code.count("\n", 0, match.start()) + 1
            found.append(f"{path.name}:{number}: {match.group(0)}")
    assert found == []


def test_the_check_finds_a_static_dialog() -> None:
    assert STATIC_DIALOG.search("QMessageBox.warning(self, title, text)")
    assert STATIC_DIALOG.search("files, _ = QFileDialog.getOpenFileNames(\n    self,")
    assert STATIC_DIALOG.search("QInputDialog.getText(")
    assert not STATIC_DIALOG.search("QMessageBox.Icon.Warning, QMessageBox(")


def test_the_crash_dialog_is_shown_without_a_loop_of_its_own(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The hook returns at once, with the dialog on screen to read and copy from."""
    import sys

    from PySide6.QtWidgets import QMessageBox

    from reviewer_app.ui import app

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    app._install_crash_dialog()
    try:
        raise ValueError("a criterion with no levels")
    except ValueError as e:
        sys.excepthook(type(e), e, e.__traceback__)  # returns: nothing waits for a click
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox)]
    box = next(w for w in shown if w.isVisible() and "no levels" in w.text())
    assert "ValueError" in box.detailedText()
    box.button(QMessageBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not app._crash_boxes, timeout=WAIT_MS)


def test_an_operation_is_let_go_on_the_gui_thread_never_by_its_worker(
    ops: Operations, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An operation is the receiver of its owner's `destroyed` signal, a connection Qt's
    binding undoes when the operation goes. Undone on a worker thread while the GUI
    thread connects the next one, it crashed the program: the worker must never hold
    an operation's last reference, even when it stalls right after saying it is done
    and the outcome is handed over meanwhile."""
    announce = Operations._announce

    def stalling(runner: Operations, *args: object) -> None:
        announce(runner, *args)
        time.sleep(0.05)  # the GUI thread hands the outcome over and lets go meanwhile

    monkeypatch.setattr(Operations, "_announce", stalling)
    owner = QWidget()
    freed_on: list[str] = []
    rounds = 5
    for _ in range(rounds):
        op = ops.read(lambda _cancel, _progress: None, owner=owner)
        weakref.finalize(op, lambda: freed_on.append(threading.current_thread().name))
        qtbot.waitUntil(lambda op=op: not op.running, timeout=WAIT_MS)  # type: ignore[misc]
        del op
    qtbot.waitUntil(lambda: len(freed_on) == rounds, timeout=WAIT_MS)
    assert freed_on == [threading.main_thread().name] * rounds
    owner.deleteLater()

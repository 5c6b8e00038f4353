"""A screen's reads off the GUI thread: the newest wins, a closed window gets nothing,
and "Loading…" only for a read that takes a while."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from reviewer_app.ui.loading import Loader
from reviewer_app.ui.operations import Operations

WAIT = 10_000


def blocked_until(event: threading.Event, value: str) -> str:
    assert event.wait(WAIT / 1000)
    return value


def test_a_result_that_arrives_after_a_newer_request_is_dropped(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    loader = Loader(dialog)
    shown: list[str] = []
    older = threading.Event()
    loader.load(lambda: blocked_until(older, "older"), shown.append)
    loader.load(lambda: "newer", shown.append)
    qtbot.waitUntil(lambda: shown == ["newer"], timeout=WAIT)
    assert not loader.is_loading()
    older.set()
    qtbot.wait(100)  # the older read ends and is handed over: dropped
    assert shown == ["newer"]


def test_a_window_closed_meanwhile_is_shown_nothing(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    loader = Loader(dialog)
    shown: list[str] = []
    release = threading.Event()
    loader.load(lambda: blocked_until(release, "rows"), shown.append)
    dialog.close()
    release.set()
    qtbot.waitUntil(lambda: not loader.is_loading(), timeout=WAIT)
    assert shown == []


def test_loading_is_said_only_for_a_slow_read(qtbot: QtBot) -> None:
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    operations = Operations(dialog, progress_delay_ms=100)
    loader = Loader(dialog, operations)
    said: list[bool] = []
    loader.waiting.connect(said.append)
    with qtbot.waitSignal(loader.loaded, timeout=WAIT):
        loader.load(lambda: "quick", lambda _rows: None)
    assert said == []
    release = threading.Event()
    loader.load(lambda: blocked_until(release, "slow"), lambda _rows: None)
    qtbot.waitUntil(lambda: said == [True], timeout=WAIT)
    assert loader.is_loading()
    release.set()
    qtbot.waitUntil(lambda: said == [True, False], timeout=WAIT)
    assert not loader.is_loading()

"""The window never waits for the database while a person types a search, changes the
queue's filters or opens a screen: those reads run on the runner's readers. (Opening a
submission and the rubric's saves stay on the GUI thread on purpose: see
reviewer_app/ui/operations.py.)"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import event

from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.loading import busy_loaders
from reviewer_app.ui.main_window import MainWindow

WAIT = 10_000


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    assert win.model.rowCount() == 2  # the first load: before the first paint
    yield win
    win.close()


@contextmanager
def reads_recorded(folder: DataFolder) -> Iterator[list[str]]:
    """The names of the threads that read the database meanwhile (every read
    transaction begins with a statement of the read engine: see storage/database.py)."""
    threads: list[str] = []

    def record(*_args: Any) -> None:
        threads.append(threading.current_thread().name)

    event.listen(folder.read_engine, "before_cursor_execute", record)
    try:
        yield threads
    finally:
        event.remove(folder.read_engine, "before_cursor_execute", record)


def on_the_gui_thread(threads: list[str]) -> list[str]:
    main = threading.main_thread().name
    return [name for name in threads if name == main]


def loaded(qtbot: QtBot, widget: Any) -> None:
    qtbot.waitUntil(lambda: not busy_loaders(widget), timeout=WAIT)


def test_typing_a_search_and_changing_filters_reads_off_the_gui_thread(
    window: MainWindow, qtbot: QtBot
) -> None:
    with reads_recorded(window.folder) as threads:
        qtbot.mouseClick(window.search, Qt.MouseButton.LeftButton)
        qtbot.keyClicks(window.search, "FAP-2")
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
        assert window.model.index(0, 0).data() == "FAP-2"
        for _ in "FAP-2":
            qtbot.keyClick(window.search, Qt.Key.Key_Backspace)
        qtbot.waitUntil(lambda: window.model.rowCount() == 2, timeout=WAIT)
        box = QPoint(8, window.resubmissions.height() // 2)  # on its box, not beside it
        qtbot.mouseClick(window.resubmissions, Qt.MouseButton.LeftButton, pos=box)
        qtbot.waitUntil(lambda: window.model.rowCount() == 1, timeout=WAIT)
        qtbot.mouseClick(window.resubmissions, Qt.MouseButton.LeftButton, pos=box)
        window.status_filter.setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.keyClick(window.status_filter, Qt.Key.Key_Down)  # "Not reviewed"
        qtbot.waitUntil(lambda: window.status_filter.currentIndex() == 1, timeout=WAIT)
        loaded(qtbot, window)
    assert threads, "the queue read nothing"
    assert on_the_gui_thread(threads) == []
    assert all(name.startswith("reader") for name in threads)


def test_the_chosen_row_stays_chosen_across_a_reload(window: MainWindow, qtbot: QtBot) -> None:
    rect = window.table.visualRect(window.model.index(1, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.review is not None, timeout=WAIT)
    chosen = window.review.submission_id if window.review else None
    window.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
    loaded(qtbot, window)
    assert window.model.index(window.table.currentIndex().row(), 0).data() == chosen
    assert window.review is not None and window.review.submission_id == chosen


def test_a_slow_reload_says_loading_quietly(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reviewer_app.ui import queue_model

    release = threading.Event()
    original = queue_model.read_queue

    def slow(*args: Any) -> Any:
        assert release.wait(WAIT / 1000)
        return original(*args)

    monkeypatch.setattr(queue_model, "read_queue", slow)
    counts = window.counts.text()
    window.model.reload()
    qtbot.wait(100)
    assert window.counts.text() == counts  # a quick read never flashes "Loading…"
    qtbot.waitUntil(lambda: window.counts.text() == "Loading…", timeout=WAIT)
    assert window.model.rowCount() == 2  # the rows shown stay until the new ones come
    release.set()
    loaded(qtbot, window)
    assert window.counts.text() == counts


def test_opening_the_credentials_dialogs_reads_off_the_gui_thread(
    window: MainWindow, qtbot: QtBot
) -> None:
    from reviewer_app.ui.credentials.export_dialog import ExportDialog

    screens = [
        (window.issuers_action, "issuers_dialog"),
        (window.export_action, "export_dialog"),
        (window.revoke_action, "revoke_dialog"),
    ]
    with reads_recorded(window.folder) as threads:
        for action, name in screens:
            action.trigger()
            dialog = getattr(window, name)
            loaded(qtbot, dialog)
        export = window.export_dialog
        assert isinstance(export, ExportDialog)
        export.format.setCurrentIndex(export.format.findData("ob2"))  # what waits in 2.0
        loaded(qtbot, export)
    assert threads, "the dialogs read nothing"
    assert on_the_gui_thread(threads) == []
    assert "no issuer" in window.issuers_dialog.message.text()
    assert "No credential to revoke" in window.revoke_dialog.empty.text()
    for _action, name in screens:
        getattr(window, name).close()


def test_opening_the_other_screens_reads_off_the_gui_thread(
    window: MainWindow, qtbot: QtBot
) -> None:
    rect = window.table.visualRect(window.model.index(1, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.review is not None, timeout=WAIT)  # opening: at once
    with reads_recorded(window.folder) as threads:
        window.earlier_action.trigger()
        loaded(qtbot, window.earlier_dialog)
        window.adjudicate_action.trigger()
        loaded(qtbot, window.adjudication_dialog)
        window.calibration_action.trigger()
        dashboard = window.calibration_dashboard
        qtbot.waitUntil(lambda: dashboard.report is not None, timeout=60_000)
        loaded(qtbot, dashboard)
    assert threads
    assert on_the_gui_thread(threads) == []
    for dialog in (window.earlier_dialog, window.adjudication_dialog, dashboard):
        dialog.close()

"""Who is reviewing: asked on the first start (offering the account's full name), never
recorded before it is confirmed, and switched from the status bar without a restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.reviews.service import ReviewSession
from reviewer_app.settings import REVIEWER_NAME, Settings
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui import reviewer_identity
from reviewer_app.ui.app import confirmed_reviewer
from reviewer_app.ui.main_window import MainWindow


def show(win: MainWindow, qtbot: QtBot, *, activate: bool = True) -> MainWindow:
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    if activate:
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
    return win


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def click_row(win: MainWindow, qtbot: QtBot, row: int) -> None:
    rect = win.table.visualRect(win.model.index(row, 0))
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def answer(win: MainWindow, qtbot: QtBot, name: str) -> None:
    """Types `name` into the open question and presses Enter, as a person does."""
    qtbot.waitUntil(lambda: win.reviewer_dialog is not None and win.reviewer_dialog.isVisible())
    dialog = win.reviewer_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.name.hasFocus())
    qtbot.keyClick(dialog.name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.name, name)
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_the_account_full_name_not_its_login(monkeypatch: pytest.MonkeyPatch) -> None:
    import pwd

    entry = SimpleNamespace(pw_gecos="Ana María Ruiz,Room 4,,", pw_name="aruiz")
    monkeypatch.setattr(pwd, "getpwuid", lambda _uid: entry)
    assert reviewer_identity.account_full_name() == "Ana María Ruiz"
    monkeypatch.setattr(pwd, "getpwuid", lambda _uid: SimpleNamespace(pw_gecos=""))
    monkeypatch.setattr(reviewer_identity.getpass, "getuser", lambda: "aruiz")
    assert reviewer_identity.account_full_name() == "aruiz"


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_first_start_asks_and_records_nothing_before(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(reviewer_identity, "account_full_name", lambda: "Ana María Ruiz")
    preferences = Settings.load()  # this test's own, fresh settings folder
    assert confirmed_reviewer(preferences) is None
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    win = show(
        MainWindow(reviewed_folder, None, settings, preferences=preferences), qtbot, activate=False
    )
    qtbot.waitUntil(lambda: win.reviewer_dialog is not None and win.reviewer_dialog.isVisible())
    dialog = win.reviewer_dialog
    assert dialog is not None and dialog.name.text() == "Ana María Ruiz"
    # Not answered yet: a submission opens for reading, nothing can be scored.
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    click_row(win, qtbot, 0)
    qtbot.waitUntil(lambda: win.current_pk is not None)
    assert win.review is None
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    assert ReviewSession.open(reviewed_folder, "FAP-1", "Ana María Ruiz").levels == {}

    qtbot.mouseClick(win.reviewer_button, Qt.MouseButton.LeftButton)
    answer(win, qtbot, "Ana Ruiz")
    assert win.reviewer == "Ana Ruiz" and "Ana Ruiz" in win.reviewer_button.text()
    assert Settings.load().get(REVIEWER_NAME) == "Ana Ruiz"  # kept for the next start
    assert win.review is not None and win.review.submission_id == "FAP-1"
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    first = win.review.rubric.criteria[0]
    assert ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz").levels == {
        first.id: first.levels[1].id
    }
    win.close()


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat)
    win = show(MainWindow(reviewed_folder, "Ana Ruiz", settings), qtbot)
    yield win
    win.close()


@pytest.mark.qt_log_ignore("does not support raise")
def test_switching_the_reviewer_takes_effect_at_once(
    window: MainWindow, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    click_row(window, qtbot, 0)
    qtbot.waitUntil(lambda: window.review is not None)
    first, second = window.review.rubric.criteria[:2] if window.review else ((), ())
    qtbot.keyClick(focused(), Qt.Key.Key_2)
    assert window.reviewer_button.text() == "Reviewing as Ana Ruiz"
    qtbot.mouseClick(window.reviewer_button, Qt.MouseButton.LeftButton)
    answer(window, qtbot, "Ben Osei")
    assert window.review is not None and window.review.reviewer == "Ben Osei"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(focused(), Qt.Key.Key_1)
    ben = ReviewSession.open(reviewed_folder, "FAP-1", "Ben Osei")
    ana = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    assert ben.levels == {first.id: first.levels[0].id}  # Ben's review starts afresh
    assert ana.levels == {first.id: first.levels[1].id}  # and Ana's is as she left it
    assert second.id not in ana.levels


def test_a_name_saved_in_settings_applies_at_once(
    window: MainWindow, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    click_row(window, qtbot, 0)
    qtbot.waitUntil(lambda: window.review is not None)
    window.show_settings()
    dialog = window.settings_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    name = dialog.findChild(QWidget, "reviewer-name")
    assert name is not None
    qtbot.mouseClick(name, Qt.MouseButton.LeftButton)
    qtbot.keyClick(name, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(name, "Ben Osei")
    qtbot.keyClick(name, Qt.Key.Key_Return)  # OK
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert window.reviewer == "Ben Osei" and "Ben Osei" in window.reviewer_button.text()
    assert window.review is not None and window.review.reviewer == "Ben Osei"

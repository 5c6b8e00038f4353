"""The assessor's daily loop, as a person does it: one mouse click on a queue row (or
Enter on it), then keys only: a level, the next criterion, ... every criterion scored,
Ctrl+Enter, then "Next unreviewed" and a level for the next submission. No focus is
set by hand: the keys must work wherever opening a submission leaves the focus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.demo.load import load_demo
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.queue_model import STATUS_ROLE

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
REVIEWER = "Ana Ruiz"


@pytest.fixture
def demo_folder(folder: DataFolder) -> DataFolder:
    report = load_demo(folder)
    assert len(report.imported) == 15 and not report.rejected
    return folder


@pytest.fixture
def window(demo_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(demo_folder, REVIEWER, settings)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # shortcuts act in the active window only
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    win.close()


def row_of(window: MainWindow, submission_id: str) -> int:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data() == submission_id:
            return row
    raise AssertionError(f"{submission_id} is not in the queue")


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None) -> None:
    """A key where a person's key goes: to the widget with the focus."""
    target: QWidget | None = QApplication.focusWidget()
    assert target is not None, "no widget has the focus"
    if modifiers is None:
        qtbot.keyClick(target, key)
    else:
        qtbot.keyClick(target, key, modifiers)


def click_row(window: MainWindow, qtbot: QtBot, row: int) -> None:
    table = window.table
    rect = table.visualRect(window.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def score_everything_and_submit(window: MainWindow, qtbot: QtBot, submission_id: str) -> None:
    qtbot.waitUntil(
        lambda: window.review is not None and window.review.submission_id == submission_id
    )
    review = window.review
    assert review is not None
    criteria = len(review.rubric.criteria)
    for _ in range(criteria):  # "2" (Proficient), then the next criterion
        press(qtbot, Qt.Key.Key_2)
        press(qtbot, Qt.Key.Key_J)
    assert len(review.levels) == criteria
    press(qtbot, Qt.Key.Key_Return, CTRL)
    saved = ReviewSession.open(window.folder, submission_id, REVIEWER)
    assert saved.submitted_at is not None and saved.decision == "pass"
    row = row_of(window, submission_id)
    qtbot.waitUntil(lambda: window.model.index(row, 4).data(STATUS_ROLE) == "pass")


def next_unreviewed_scores_with_one_key(window: MainWindow, qtbot: QtBot, expected: str) -> None:
    press(qtbot, Qt.Key.Key_U, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.review is not None and window.review.submission_id == expected)
    review = window.review
    assert review is not None
    first = review.rubric.criteria[0]
    press(qtbot, Qt.Key.Key_2)
    assert window.search.text() == ""
    assert not window.search.hasFocus()
    saved = ReviewSession.open(window.folder, expected, REVIEWER)
    assert saved.levels == {first.id: first.levels[1].id}


def test_one_click_then_keys_only(window: MainWindow, qtbot: QtBot) -> None:
    click_row(window, qtbot, row_of(window, "FAP-2026-0142"))
    score_everything_and_submit(window, qtbot, "FAP-2026-0142")
    next_unreviewed_scores_with_one_key(window, qtbot, "FAP-2026-0143")


def test_enter_on_a_queue_row_then_keys_only(window: MainWindow, qtbot: QtBot) -> None:
    click_row(window, qtbot, 0)  # a loose submission: nothing to score there
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    assert window.rubric.isAncestorOf(QApplication.focusWidget())  # where keys score
    score_everything_and_submit(window, qtbot, "FAP-2026-0142")
    next_unreviewed_scores_with_one_key(window, qtbot, "FAP-2026-0143")

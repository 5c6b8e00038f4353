"""Keys in the whole window: the rubric's keys wherever the focus is (except while
typing), the rubric floating in its own window, Esc out of a text field, F6 between the
panes and the mark on the pane that has the focus."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.pane_focus import MARKER

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "keys.ini"), QSettings.Format.IniFormat)
    win = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    yield win
    win.close()


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot: QtBot, key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None) -> None:
    if modifiers is None:
        qtbot.keyClick(focused(), key)
    else:
        qtbot.keyClick(focused(), key, modifiers)


def click_first_row(window: MainWindow, qtbot: QtBot) -> ReviewSession:
    table = window.table
    rect = table.visualRect(window.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.review is not None)
    assert window.review is not None
    return window.review


def saved_levels(window: MainWindow, review: ReviewSession) -> dict[str, str]:
    return ReviewSession.open(window.folder, review.submission_id, "Ana Ruiz").levels


def test_typing_in_the_search_field_types_and_esc_leaves_it(
    window: MainWindow, qtbot: QtBot
) -> None:
    review = click_first_row(window, qtbot)
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.search.hasFocus()
    qtbot.keyClicks(focused(), "2j")
    assert window.search.text() == "2j"  # typed, not scored
    assert saved_levels(window, review) == {}
    press(qtbot, Qt.Key.Key_Escape)
    assert window.table.hasFocus()
    window.search.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == 2)
    press(qtbot, Qt.Key.Key_2)
    first = review.rubric.criteria[0]
    assert saved_levels(window, review) == {first.id: first.levels[1].id}


@pytest.mark.qt_log_ignore("does not support raise")  # a floating dock, offscreen
def test_the_keys_work_while_the_rubric_floats(window: MainWindow, qtbot: QtBot) -> None:
    review = click_first_row(window, qtbot)
    press(qtbot, Qt.Key.Key_D, CTRL | SHIFT)
    assert window.rubric_dock.isFloating()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    click_first_row(window, qtbot)  # back into the queue, the same submission
    assert window.table.hasFocus()
    press(qtbot, Qt.Key.Key_2)
    first, second = review.rubric.criteria[:2]
    assert saved_levels(window, review) == {first.id: first.levels[1].id}
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, Qt.Key.Key_1)
    assert saved_levels(window, review)[second.id] == second.levels[0].id


def test_f6_moves_between_the_panes_and_marks_the_one_with_the_focus(
    window: MainWindow, qtbot: QtBot
) -> None:
    click_first_row(window, qtbot)
    frames = {"queue": window.queue_frame, "evidence": window.evidence_frame}

    def marked() -> str:
        if window.rubric_dock.windowTitle().startswith(MARKER):
            assert window.rubric_frame.marked
            return "rubric"
        on = [name for name, frame in frames.items() if frame.marked]
        assert len(on) == 1
        assert frames[on[0]].label.text().startswith(MARKER)
        assert frames[on[0]].label.font().bold()
        return on[0]

    assert marked() == "queue" and window.table.hasFocus()
    seen = []
    for _ in range(3):
        press(qtbot, Qt.Key.Key_F6)
        seen.append(marked())
    assert seen == ["evidence", "rubric", "queue"]
    assert window.evidence_frame.isAncestorOf(focused()) or window.table.hasFocus()
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert marked() == "rubric" and window.rubric.isAncestorOf(focused())
    press(qtbot, Qt.Key.Key_F6, SHIFT)
    assert marked() == "evidence" and window.evidence_frame.isAncestorOf(focused())
    assert not frames["queue"].label.font().bold()
    # Enter here belongs to the evidence, not to the rubric's "write a comment".
    press(qtbot, Qt.Key.Key_Return)
    assert window.evidence_frame.isAncestorOf(focused())


def test_double_click_opens_and_goes_to_the_rubric(window: MainWindow, qtbot: QtBot) -> None:
    table = window.table
    rect = table.visualRect(window.model.index(1, 0))
    # A double click as the system sends it: a press and release, then the second press.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.review is not None)
    assert window.rubric.isAncestorOf(focused())


def test_a_submission_opened_from_another_window_scores_by_key(
    window: MainWindow, qtbot: QtBot
) -> None:
    """As the calibration dashboard's drill-down does: open_submission from a dialog,
    while the main window's focus was in the search field."""
    press(qtbot, Qt.Key.Key_L, CTRL)
    assert window.search.hasFocus()
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    pk = window.model.pk_at(0)
    assert pk is not None
    window.open_submission(pk)
    dialog.close()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    review = window.review
    assert review is not None
    press(qtbot, Qt.Key.Key_2)
    assert window.search.text() == ""
    first = review.rubric.criteria[0]
    assert saved_levels(window, review) == {first.id: first.levels[1].id}


def test_the_rubric_keys_are_listed_once(window: MainWindow) -> None:
    """They are the window's actions too (to work window-wide); the help lists each once."""
    listed = window.all_actions()
    assert len(listed) == len(set(map(id, listed)))
    assert window.rubric.actions()[0] in listed


def test_moving_to_a_criterion_shows_its_parts_evidence(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    from reviewer_app.evidence.importer import Importer
    from tests import craft

    files = {"plan.pdf": craft.text_pdf(), "reflection.md": b"# What changed\n\nA lot.\n"}
    doc = craft.manifest(files, submission_id="FAP-PARTS")
    for item in doc["evidence"]:
        if item["path"] == "reflection.md":
            item["part"] = "reflection"
    bundle = craft.bundle_zip(tmp_path / "parts.zip", files, doc)
    assert len(Importer(window.folder).import_paths([bundle]).imported) == 1
    window.model.reload()
    qtbot.waitUntil(lambda: not window.model.is_loading())
    row = next(
        r for r in range(window.model.rowCount()) if window.model.index(r, 0).data() == "FAP-PARTS"
    )
    rect = window.table.visualRect(window.model.index(row, 0))
    qtbot.mouseClick(window.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.review is not None)
    for _ in range(6):  # the three overview and three artifacts criteria
        press(qtbot, Qt.Key.Key_J)
    assert window.rubric.current_criterion() == "reflection-impact"
    item = window.evidence.current_item()
    assert item is not None and item.part == "reflection"
    press(qtbot, Qt.Key.Key_K)
    item = window.evidence.current_item()
    assert item is not None and item.part == "artifacts"


def test_c_from_the_queue_writes_a_comment_and_esc_comes_back(
    window: MainWindow, qtbot: QtBot
) -> None:
    from PySide6.QtWidgets import QPlainTextEdit as TextBox

    review = click_first_row(window, qtbot)
    press(qtbot, Qt.Key.Key_C)
    box = focused()
    assert isinstance(box, TextBox) and window.rubric.isAncestorOf(box)
    qtbot.keyClicks(box, "2 jk")  # typed, not scored
    press(qtbot, Qt.Key.Key_Escape)
    assert window.rubric.isAncestorOf(focused()) and not isinstance(focused(), TextBox)
    press(qtbot, Qt.Key.Key_2)
    saved = ReviewSession.open(window.folder, review.submission_id, "Ana Ruiz")
    first = review.rubric.criteria[0]
    assert saved.comments == {first.id: "2 jk"}
    assert saved.levels == {first.id: first.levels[1].id}


def test_tab_leaves_the_queue_instead_of_walking_its_cells(
    window: MainWindow, qtbot: QtBot
) -> None:
    click_first_row(window, qtbot)
    assert focused() is window.table
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is not window.table  # on to the next control, not the next cell
    press(qtbot, Qt.Key.Key_Backtab)
    assert focused() is window.table
    press(qtbot, Qt.Key.Key_2)  # the keys still score from there
    assert window.review is not None and window.review.levels

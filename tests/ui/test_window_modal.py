"""Questions, messages and pickers opened over a window: the call returns at once, the
answer comes by a signal, and a person answers with the mouse and keys."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.ui.credentials.common import folder_field
from reviewer_app.ui.window_modal import confirm, pick_files, tell
from tests.ui.pickers import answer_question, cancel_picker, choose_in_picker, picker_over


def shown_window(qtbot: QtBot) -> QWidget:
    window = QWidget()
    qtbot.addWidget(window)
    window.resize(500, 300)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_message_returns_at_once_and_closes_with_ok(qtbot: QtBot) -> None:
    window = shown_window(qtbot)
    box = tell(window, QMessageBox.Icon.Warning, "Settings", "The file is damaged.")
    assert box.isVisible() and box.windowModality() == Qt.WindowModality.WindowModal
    closed: list[int] = []
    box.finished.connect(closed.append)
    assert answer_question(qtbot, window, QMessageBox.StandardButton.Ok) == "The file is damaged."
    assert closed != []
    qtbot.waitUntil(lambda: window.findChildren(QMessageBox) == [])  # deleted once closed


def test_a_question_goes_on_only_after_yes(qtbot: QtBot) -> None:
    window = shown_window(qtbot)
    done: list[str] = []
    confirm(window, "Revoke", "Revoke it?", lambda: done.append("yes"))
    assert done == []  # nothing waits: the caller has returned
    answer_question(qtbot, window, QMessageBox.StandardButton.No)
    assert done == []
    box = confirm(window, "Revoke", "Revoke it?", lambda: done.append("yes"))
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.No)
    box.activateWindow()
    qtbot.waitUntil(box.isActiveWindow)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # Esc leaves things as they are
    qtbot.waitUntil(lambda: not box.isVisible())
    assert done == []
    confirm(window, "Revoke", "Revoke it?", lambda: done.append("yes"))
    answer_question(qtbot, window, QMessageBox.StandardButton.Yes)
    assert done == ["yes"]


def test_a_file_picker_answers_by_its_callback(qtbot: QtBot, tmp_path: Path) -> None:
    window = shown_window(qtbot)
    files = [tmp_path / "a.zip", tmp_path / "b c.zip"]
    for f in files:
        f.write_bytes(b"PK")
    chosen: list[list[Path]] = []
    pick_files(window, "Import", "Bundles (*.zip)", chosen.append)
    assert chosen == []
    cancel_picker(qtbot, window)
    assert chosen == []  # cancelled: nothing chosen, nothing called
    pick_files(window, "Import", "Bundles (*.zip)", chosen.append)
    choose_in_picker(qtbot, window, files)
    assert chosen == [files]


def test_a_folder_field_fills_in_from_its_picker(qtbot: QtBot, tmp_path: Path) -> None:
    window = shown_window(qtbot)
    edit, button, _label, row = folder_field(
        window, "Export folder", "Export into", "Into:", choose_name="Choose the export folder"
    )
    window.setLayout(row)
    finished: list[str] = []
    edit.editingFinished.connect(lambda: finished.append(edit.text()))
    target = tmp_path / "out"
    target.mkdir()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert picker_over(qtbot, window).isVisible()  # the click returned; the picker is up
    choose_in_picker(qtbot, window, [target])
    assert Path(edit.text()) == target and finished == [edit.text()]

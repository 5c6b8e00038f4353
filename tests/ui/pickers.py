"""Answering the window's file pickers and questions as a person does: they are opened
over the window (reviewer_app/ui/window_modal.py), so a test finds the one on screen,
types into it and clicks its button."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLineEdit,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

WAIT_MS = 5000


def picker_over(qtbot: QtBot, owner: QWidget) -> QFileDialog:
    """The file picker open over `owner` (window-modal: nothing else takes the keys)."""
    found: list[QFileDialog] = []

    def shown() -> bool:
        found[:] = [d for d in owner.findChildren(QFileDialog) if d.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    dialog = found[0]
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    # A window opened is the active one on a desktop; offscreen, it is made so here, or
    # the keys typed would go through the shortcuts of the window below.
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=WAIT_MS)
    return dialog


def _type_and_accept(qtbot: QtBot, dialog: QFileDialog, edit: QLineEdit, text: str) -> None:
    """Types `text` over what the field holds and clicks Open (or Choose, or Save):
    with a folder typed, the picker goes into it."""
    # Clicked into first: the picker rewrites a field without the focus from the files
    # it selects as they are typed.
    qtbot.mouseClick(edit, Qt.MouseButton.LeftButton)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)
    buttons = dialog.findChild(QDialogButtonBox)
    assert isinstance(buttons, QDialogButtonBox)
    accept_role = QDialogButtonBox.ButtonRole.AcceptRole
    [accept] = [b for b in buttons.buttons() if buttons.buttonRole(b) == accept_role]
    qtbot.mouseClick(accept, Qt.MouseButton.LeftButton)


def choose_in_picker(qtbot: QtBot, owner: QWidget, paths: list[Path]) -> None:
    """Types the folder of `paths` into the picker's name field and clicks Open to go
    there, then their names (quoted, as the picker writes several) and Open. A folder
    picker gets the folder's path typed."""
    dialog = picker_over(qtbot, owner)
    edit = dialog.findChild(QLineEdit, "fileNameEdit")
    assert isinstance(edit, QLineEdit), "the picker is Qt's own, driven by its keys"
    if dialog.fileMode() == QFileDialog.FileMode.Directory:
        [folder] = paths
        _type_and_accept(qtbot, dialog, edit, str(folder.absolute()))
    else:
        folder = paths[0].absolute().parent
        assert all(p.absolute().parent == folder for p in paths)

        def there() -> bool:
            return Path(dialog.directory().absolutePath()).resolve() == folder.resolve()

        if not there():
            _type_and_accept(qtbot, dialog, edit, str(folder) + os.sep)
            qtbot.waitUntil(there, timeout=WAIT_MS)
        names = [p.name for p in paths]
        _type_and_accept(qtbot, dialog, edit, names[0] if len(names) == 1 else _quoted(names))
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def cancel_picker(qtbot: QtBot, owner: QWidget) -> None:
    dialog = picker_over(qtbot, owner)
    buttons = dialog.findChild(QDialogButtonBox)
    assert isinstance(buttons, QDialogButtonBox)
    cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=WAIT_MS)


def _quoted(names: list[str]) -> str:
    return " ".join(f'"{name}"' for name in names)


def answer_question(qtbot: QtBot, owner: QWidget, button: QMessageBox.StandardButton) -> str:
    """Clicks `button` of the question open over `owner`; returns what it asked."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [b for b in owner.findChildren(QMessageBox) if b.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(shown, timeout=WAIT_MS)
    box = found[0]
    assert box.windowModality() == Qt.WindowModality.WindowModal
    text = box.text()
    qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not box.isVisible(), timeout=WAIT_MS)
    return text

"""Questions, messages and file pickers opened window-modal, never run in a loop of their
own.

Qt's static dialogs (`QMessageBox.warning`, `QFileDialog.getOpenFileNames`,
`QInputDialog.getText`...) each run a nested event loop until answered: meanwhile
timers, background results and repaints arrive inside the caller, which may have been
closed or changed under it. Here each dialog is built, connected and opened; the caller
goes on from the callback. Each is deleted once closed, so a window never collects them.

The pickers let the platform show its own dialog where it has one (people know it);
where it has none (and offscreen, in the tests) Qt's own dialog is shown, which a test
drives like a person: it types the names and clicks the button.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

Chosen = Callable[[list[Path]], None]


def tell(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message with an Ok button; connect `finished` to go on after it."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box


def confirm(parent: QWidget, title: str, text: str, on_yes: Callable[[], None]) -> QMessageBox:
    """A Yes/No question, No by default (Enter or Esc leaves things as they are);
    `on_yes` runs only after a Yes."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        parent,
    )
    box.setDefaultButton(QMessageBox.StandardButton.No)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def answered(button: int) -> None:
        if button == QMessageBox.StandardButton.Yes:
            on_yes()

    box.finished.connect(answered)
    box.open()
    return box


def _picker(
    parent: QWidget,
    caption: str,
    where: str,
    name_filter: str,
    mode: QFileDialog.FileMode,
    on_chosen: Chosen,
) -> QFileDialog:
    dialog = QFileDialog(parent, caption, where, name_filter)
    dialog.setObjectName("file-picker")
    dialog.setFileMode(mode)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    # Only on Open or Save: a cancelled picker chooses nothing.
    dialog.filesSelected.connect(lambda files: on_chosen([Path(f) for f in files if f]))
    return dialog


def pick_files(
    parent: QWidget, caption: str, name_filter: str, on_chosen: Chosen, *, where: str = ""
) -> QFileDialog:
    """Existing files, one or more."""
    dialog = _picker(
        parent, caption, where, name_filter, QFileDialog.FileMode.ExistingFiles, on_chosen
    )
    dialog.open()
    return dialog


def pick_file(
    parent: QWidget, caption: str, name_filter: str, on_chosen: Chosen, *, where: str = ""
) -> QFileDialog:
    """One existing file."""
    dialog = _picker(
        parent, caption, where, name_filter, QFileDialog.FileMode.ExistingFile, on_chosen
    )
    dialog.open()
    return dialog


def pick_folder(
    parent: QWidget, caption: str, on_chosen: Chosen, *, where: str = ""
) -> QFileDialog:
    """One existing folder."""
    dialog = _picker(parent, caption, where, "", QFileDialog.FileMode.Directory, on_chosen)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly)
    dialog.open()
    return dialog


def pick_save_file(
    parent: QWidget, caption: str, name_filter: str, on_chosen: Chosen, *, name: str = ""
) -> QFileDialog:
    """Where to save, `name` offered; the platform asks before replacing a file."""
    dialog = _picker(parent, caption, name, name_filter, QFileDialog.FileMode.AnyFile, on_chosen)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.open()
    return dialog

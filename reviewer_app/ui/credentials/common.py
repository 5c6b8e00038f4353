"""Pieces the credentials dialogs share: a message strip, passphrase and folder fields,
the words for credential formats and key kinds, and a dialog that runs one
background task at a time and never leaves it orphaned."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ClassVar, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtGui import QCloseEvent, QPalette
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyle,
    QWidget,
)

from reviewer_app.progress import CancelToken, ProgressReport
from reviewer_app.ui.operations import Operation, runner
from reviewer_app.ui.window_modal import pick_folder
from reviewer_app.vocabulary import CredentialFormat

translate = QCoreApplication.translate

Work = Callable[[CancelToken, Callable[[ProgressReport], None]], Any]

# What the dialogs call each stored format and key kind (translated when shown).
# QT_TRANSLATE_NOOP returns its text unchanged; its stub says `object`, hence the casts.
FORMAT_WORDS = cast(
    dict[str, str],
    {
        CredentialFormat.OB3: QT_TRANSLATE_NOOP("CredentialWords", "Open Badges 3.0"),
        CredentialFormat.OB2: QT_TRANSLATE_NOOP("CredentialWords", "Open Badges 2.0"),
    },
)
KIND_WORDS = cast(
    dict[str, str],
    {
        "ed25519": QT_TRANSLATE_NOOP(
            "CredentialWords", "Ed25519 (Open Badges 3.0 Data Integrity proofs)"
        ),
        "rsa": QT_TRANSLATE_NOOP("CredentialWords", "RSA (VC-JWT and Open Badges 2.0 signatures)"),
    },
)


def format_name(fmt: str) -> str:
    """A stored format ("ob3", "ob2") as the person reads it; an unknown one as it is."""
    words = FORMAT_WORDS.get(fmt)
    return translate("CredentialWords", words) if words else fmt


def kind_name(kind: str) -> str:
    """A key kind ("ed25519", "rsa") as the person reads it; an unknown one as it is."""
    words = KIND_WORDS.get(kind)
    return translate("CredentialWords", words) if words else kind


class MessageStrip(QFrame):
    """A sentence with an icon that says what kind it is (error, warning, note): kinds are
    told by the icon's accessible name and the words, never by colour alone. Colours come
    from the palette's tooltip roles, readable in light and dark schemes."""

    _ICONS: ClassVar[dict[str, tuple[QStyle.StandardPixmap, str]]] = cast(
        dict[str, tuple[QStyle.StandardPixmap, str]],
        {
            "error": (
                QStyle.StandardPixmap.SP_MessageBoxCritical,
                QT_TRANSLATE_NOOP("MessageStrip", "Error"),
            ),
            "warning": (
                QStyle.StandardPixmap.SP_MessageBoxWarning,
                QT_TRANSLATE_NOOP("MessageStrip", "Warning"),
            ),
            "note": (
                QStyle.StandardPixmap.SP_MessageBoxInformation,
                QT_TRANSLATE_NOOP("MessageStrip", "Note"),
            ),
        },
    )

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.icon = QLabel()
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setAccessibleName(name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.kind = ""
        self.hide()

    def show_message(self, kind: str, text: str) -> None:
        pixmap, english = self._ICONS[kind]
        word = self.tr(english)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        self.icon.setPixmap(self.style().standardIcon(pixmap, None, self).pixmap(size))
        self.icon.setAccessibleName(word)
        self.kind = kind
        self.label.setText(text)
        self.setAccessibleDescription(self.tr("{kind}: {message}").format(kind=word, message=text))
        self.show()

    def error(self, text: str) -> None:
        self.show_message("error", text)

    def warning(self, text: str) -> None:
        self.show_message("warning", text)

    def note(self, text: str) -> None:
        self.show_message("note", text)

    def clear(self) -> None:
        self.kind = ""
        self.label.clear()
        self.hide()

    def text(self) -> str:
        return self.label.text()


def passphrase_field(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def folder_field(
    parent: QWidget,
    name: str,
    caption: str,
    label: str,
    placeholder: str = "",
    *,
    choose_name: str,
) -> tuple[QLineEdit, QPushButton, QLabel, QHBoxLayout]:
    """A folder path to type or paste, a Choose… button beside it, and the form's label
    for the pair (its mnemonic goes to the path: a form row of a layout has no buddy).
    All the words come translated: `choose_name` is the Choose… button's accessible name
    ("Choose the export folder")."""
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    edit.setClearButtonEnabled(True)
    button = QPushButton(translate("FolderField", "Choose…"))
    button.setAccessibleName(choose_name)
    button.setToolTip(
        translate("FolderField", "Opens a folder picker; you can also type or paste the path")
    )
    button.setAutoDefault(False)  # Enter in the path field must not open a file dialog
    title = QLabel(label)
    title.setBuddy(edit)

    def chosen(paths: list[Path]) -> None:
        if paths:
            edit.setText(str(paths[0]))
            edit.editingFinished.emit()

    def choose() -> None:
        pick_folder(parent, caption, chosen, where=edit.text())

    button.clicked.connect(choose)
    row = QHBoxLayout()
    row.addWidget(edit, 1)
    row.addWidget(button)
    return edit, button, title, row


class TaskDialog(QDialog):
    """A dialog that runs its long work as an operation (`reviewer_app.ui.operations`),
    one at a time.

    Closing it while the work runs cancels the work instead (the person sees it stop);
    when the window it belongs to closes, the work is cancelled and finished (a thread
    wait, then its outcome shown at once), so no work outlives the widgets it reports to.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.task: Operation | None = None
        # Closing any window above this one (the main window quitting) must stop the work
        # first. The ancestors are not kept in a list: that would make a reference cycle
        # with the window, left for the garbage collector, which may run on any thread.
        ancestor = parent
        while ancestor is not None:
            ancestor.installEventFilter(self)
            ancestor = ancestor.parentWidget()

    def busy(self) -> bool:
        return self.task is not None and self.task.running

    def run(
        self,
        work: Work,
        finished: Callable[[Any], None],
        failed: Callable[[str, str], None],
        progressed: Callable[[ProgressReport], None] | None = None,
        *,
        writes: bool = True,
    ) -> bool:
        """Starts `work` on the writer thread (or, with `writes=False`, beside it);
        False while another of this dialog's works runs."""
        if self.busy():
            return False
        start = runner().write if writes else runner().read
        self.task = start(
            work, on_success=finished, on_failure=failed, on_progress=progressed, owner=self
        )
        return True

    def cancel_task(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def stop_task(self) -> None:
        """Cancels the work, waits for its thread and shows how it ended, now."""
        task = self.task
        if task is None or not task.running:
            return
        task.cancel()
        task.finish()

    def work_cancelled_by_closing(self) -> None:
        """What to do when the person closes the dialog mid-work (default: cancel)."""
        self.cancel_task()

    def done(self, result: int) -> None:
        if self.busy():
            self.work_cancelled_by_closing()
            return  # the dialog stays until the work has stopped and said how it ended
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy():
            self.work_cancelled_by_closing()
            event.ignore()
            return
        super().closeEvent(event)

    def _is_above(self, watched: QObject) -> bool:
        ancestor = self.parentWidget()
        while ancestor is not None:
            if ancestor is watched:
                return True
            ancestor = ancestor.parentWidget()
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and self._is_above(watched):
            self.stop_task()
        return super().eventFilter(watched, event)

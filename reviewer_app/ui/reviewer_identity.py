"""Who is reviewing: asked on the first start, switched from the status bar.

Every score is recorded under the reviewer's name, so the window records nothing under a
name the person has not confirmed: until they answer, submissions open for reading only.
The question offers the account's full name (the first field of its GECOS entry, as
`finger` shows it), not the login name, which is often an abbreviation or "root".
"""

from __future__ import annotations

import getpass
import os

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def account_full_name() -> str:
    """The account's full name if the system knows one, else its login, else ""."""
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos
    except (ImportError, KeyError, OSError, AttributeError):
        gecos = ""
    name = gecos.split(",")[0].strip()
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


class ReviewerDialog(QDialog):
    """Asks for the reviewer's name; `chosen(name)` when confirmed."""

    chosen = Signal(str)

    def __init__(self, suggested: str, parent: QWidget | None = None, *, first: bool) -> None:
        super().__init__(parent)
        self.setObjectName("reviewer-dialog")
        self.setWindowTitle(self.tr("Who is reviewing?"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        explanation = QLabel(
            self.tr(
                "Your scores, comments and decisions are recorded under this name. "
                "Type your name as the earners and your team should read it."
            )
            if first
            else self.tr(
                "The reviews you score from now on are recorded under this name; the "
                "open submission reopens as this reviewer's review."
            )
        )
        explanation.setWordWrap(True)
        self.name = QLineEdit(suggested)
        self.name.setAccessibleName(self.tr("Reviewer's name"))
        self.name.selectAll()
        explanation.setBuddy(self.name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Review as this person"))
        ok.setDefault(True)
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
        ok.setEnabled(bool(suggested.strip()))
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.name)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)

    def _confirm(self) -> None:
        name = self.name.text().strip()
        if not name:
            return
        self.accept()
        self.chosen.emit(name)


class ReviewerButton(QPushButton):
    """The status bar's "Reviewing as NAME": a click switches the reviewer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFlat(True)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setAccessibleName(self.tr("Reviewer"))
        self.setToolTip(self.tr("Switch to another reviewer"))

    def show_name(self, name: str) -> None:
        self.setText(
            self.tr("Reviewing as {name}").format(name=name)
            if name
            else self.tr("Say who is reviewing…")
        )

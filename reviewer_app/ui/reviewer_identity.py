"""Who is reviewing: asked on the first start, switched from the status bar.

Every score is recorded under the reviewer's name, so the window records nothing under a
name the person has not confirmed: until they answer, submissions open for reading only.
The question offers the account's full name (the first field of its GECOS entry, as
`finger` shows it), not the login name, which is often an abbreviation or "root".
"""

from __future__ import annotations

import getpass
import os
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from reviewer_app.settings import Settings
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.ui.layout import WindowLayout
    from reviewer_app.ui.rubric import RubricPanel


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


class ReviewerIdentity:
    """Who is reviewing, in the main window: asked for without blocking, switched at
    once. Mixed into the window, which provides what is declared below."""

    if TYPE_CHECKING:
        reviewer: str
        reviewer_dialog: ReviewerDialog | None
        reviewer_button: ReviewerButton
        folder: DataFolder
        rubric: RubricPanel
        layout_: WindowLayout
        current_pk: int | None

        def _preferences(self) -> Settings: ...
        def open_submission(self, pk: int) -> None: ...

    def ask_reviewer(self, *, first: bool) -> None:
        """Asks who is reviewing (window-modal, without blocking); on the first start
        it offers the account's full name."""
        if self.reviewer_dialog is not None and self.reviewer_dialog.isVisible():
            return
        assert isinstance(self, QWidget)
        self.reviewer_dialog = ReviewerDialog(
            self.reviewer or account_full_name(), self, first=first
        )
        self.reviewer_dialog.chosen.connect(self.switch_reviewer)
        self.reviewer_dialog.open()

    def switch_reviewer(self, name: str) -> None:
        """From now on `name` reviews: kept in the settings, and the open submission
        reopens as their review (no restart)."""
        from reviewer_app.errors import UserError
        from reviewer_app.settings import REVIEWER_NAME

        name = name.strip()
        if not name or name == self.reviewer:
            return
        if self.folder is not None:
            self.rubric.flush()  # what the previous person typed is theirs
            if self.reviewer:
                self.layout_.save(self.reviewer)
        self.reviewer = name
        try:
            self._preferences().set(REVIEWER_NAME, name)
        except (UserError, OSError) as e:
            assert isinstance(self, QMainWindow)
            self.statusBar().showMessage(str(e), 10_000)
        self.reviewer_button.show_name(name)
        if self.folder is None:
            return
        self.layout_.restore(name)  # their own layout, or the default
        pk, self.current_pk = self.current_pk, None
        if pk is not None:
            self.open_submission(pk)

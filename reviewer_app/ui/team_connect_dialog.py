"""The dialog that connects the window to a team database (host, port, database, login,
password), apart from the window's side of it (reviewer_app/ui/team_connect.py): the
window's frame mixes that in and is shown before this dialog is ever needed."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from reviewer_app.team.connection import TeamTarget

translate = QCoreApplication.translate

DEFAULT_PORT = 5432


class TeamConnectDialog(QDialog):
    """Where the team database is and as whom; `connect_requested` when confirmed."""

    connect_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Connect to team database"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.host = QLineEdit()
        self.host.setAccessibleName(self.tr("Server"))
        self.host.setPlaceholderText(self.tr("db.example.org"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.port.setAccessibleName(self.tr("Port"))
        self.database = QLineEdit()
        self.database.setAccessibleName(self.tr("Database"))
        self.login = QLineEdit()
        self.login.setAccessibleName(self.tr("Login"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(self.tr("Password"))
        self.store = QCheckBox(self.tr("Store the password in PostgreSQL's password file"))
        self.store.setAccessibleName(self.tr("Store the password"))
        self.store.setToolTip(
            self.tr(
                "Writes it to {file}, readable by you only, where PostgreSQL's tools look "
                "too; otherwise it is asked for at each start"
            ).format(file=_password_file())
        )
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(self.tr("Why the connection failed"))
        self.problem.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.connect_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.connect_button.setText(self.tr("Connect"))
        self.buttons.accepted.connect(self._confirm)
        self.buttons.rejected.connect(self.reject)
        for field in (self.host, self.database, self.login):
            field.textChanged.connect(self._update_button)

        form = QFormLayout()
        form.addRow(self.tr("&Server:"), self.host)
        form.addRow(self.tr("P&ort:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&Login:"), self.login)
        form.addRow(self.tr("&Password:"), self.password)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.store)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._update_button()

    def fill(self, target: TeamTarget | None) -> None:
        """Starts from `target` (the one remembered), the password field to type in."""
        if target is not None:
            self.host.setText(target.host)
            self.port.setValue(target.port)
            self.database.setText(target.database)
            self.login.setText(target.login)
        first_empty = next(
            (f for f in (self.host, self.database, self.login) if not f.text()), self.password
        )
        first_empty.setFocus(Qt.FocusReason.OtherFocusReason)

    def target(self) -> TeamTarget:
        from reviewer_app.team.connection import TeamTarget

        return TeamTarget(
            self.host.text().strip(),
            self.port.value(),
            self.database.text().strip(),
            self.login.text().strip(),
        )

    def set_connecting(self, connecting: bool) -> None:
        for widget in (self.host, self.port, self.database, self.login, self.password):
            widget.setEnabled(not connecting)
        self.store.setEnabled(not connecting)
        if connecting:
            self.show_problem("")
            self.connect_button.setText(self.tr("Connecting…"))
        else:
            self.connect_button.setText(self.tr("Connect"))
        self._update_button(connecting=connecting)

    def show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))
        if message:
            self.password.setFocus(Qt.FocusReason.OtherFocusReason)
            self.password.selectAll()

    def _update_button(self, _text: str = "", *, connecting: bool = False) -> None:
        filled = all(f.text().strip() for f in (self.host, self.database, self.login))
        self.connect_button.setEnabled(filled and not connecting)

    def _confirm(self) -> None:
        if self.connect_button.isEnabled():
            self.connect_requested.emit()


def _password_file() -> Path:
    from reviewer_app.storage.pgpass import password_file_path

    return password_file_path()

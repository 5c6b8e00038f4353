"""Review > Assign a micro-credential…: the micro-credential a loose bundle is for, and
its earner's name as it should be.

The dialog opens window-modal with `open()`, never `exec()`: no nested event loop. The
caller passes what to do once the assignment is saved (reopen the submission).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.errors import UserError
from reviewer_app.reviews.assign import assign_choices, assign_credential
from reviewer_app.rubrics.short_ids import short_id
from reviewer_app.storage.datafolder import DataFolder


class AssignDialog(QDialog):
    def __init__(
        self,
        folder: DataFolder,
        reviewer: str,
        submission_pk: int,
        parent: QWidget | None = None,
        *,
        blind: bool = False,
    ) -> None:
        super().__init__(parent)
        self.folder, self.reviewer, self.submission_pk = folder, reviewer, submission_pk
        # In blind review the earner stays unknown: a loose bundle's id is its earner's
        # name, so neither is shown, and the name is left as it is.
        self.blind = blind
        self.setWindowTitle(self.tr("Assign a micro-credential"))
        choices = assign_choices(folder, submission_pk)
        self.submission_id = choices.submission_id
        current, earner, definitions = choices.credential_uri, choices.earner, choices.definitions
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "This submission came without a micro-credential. Choose the one it is for. "
                "Once someone reviews it, this can no longer be changed."
            )
            if blind
            else self.tr(
                "Submission {submission} came without a micro-credential. Choose the one it "
                "is for, and correct the earner's name if the file name had it wrong. Once "
                "someone reviews it, this can no longer be changed."
            ).format(submission=self.submission_id)
        )
        explain.setWordWrap(True)
        explain.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(explain)
        form = QFormLayout()
        self.credential = QComboBox()
        self.credential.setAccessibleName(self.tr("Micro-credential"))
        self.credential.setAccessibleDescription(
            self.tr(
                "The micro-credential this submission is for: its rubric is the one it is "
                "reviewed under"
            )
        )
        for uri, name in definitions:
            self.credential.addItem(
                self.tr("{name} ({short})").format(name=name, short=short_id(uri)), uri
            )
            self.credential.setItemData(
                self.credential.count() - 1, uri, Qt.ItemDataRole.ToolTipRole
            )
        self.credential.setPlaceholderText(self.tr("Choose a micro-credential"))
        self.credential.setCurrentIndex(self.credential.findData(current))
        form.addRow(self.tr("&Micro-credential:"), self.credential)
        self.earner = QLineEdit(earner)
        self.earner.setAccessibleName(self.tr("Earner's name"))
        self.earner.setAccessibleDescription(
            self.tr("The name the credential is issued to, as it should be")
        )
        if not blind:
            form.addRow(self.tr("&Earner's name:"), self.earner)
        else:
            self.earner.hide()
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setTextFormat(Qt.TextFormat.PlainText)
        self.problem.setAccessibleName(self.tr("Why the assignment was refused"))
        self.problem.hide()
        layout.addWidget(self.problem)
        if not definitions:
            self._say(
                self.tr(
                    "There are no micro-credential definitions here yet; add the one this "
                    "submission is for first."
                )
            )
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.assign_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.assign_button.setText(self.tr("Assign"))
        self.assign_button.setAccessibleName(self.tr("Assign the micro-credential"))
        self.assign_button.setToolTip(
            self.tr(
                "Saves the micro-credential and the earner's name; the submission opens "
                "with its rubric"
            )
        )
        self.assign_button.setDefault(True)
        self.assign_button.setEnabled(bool(definitions))
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Close without assigning"))
        cancel.setToolTip(self.tr("Leaves the submission as it is"))
        self.buttons.accepted.connect(self.assign)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())

    def _say(self, problem: str) -> None:
        self.problem.setText(problem)
        self.problem.show()

    def assign(self) -> None:
        uri = self.credential.currentData()
        if uri is None:
            self._say(self.tr("Choose the micro-credential this submission is for."))
            self.credential.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        try:
            assign_credential(
                self.folder,
                self.submission_pk,
                str(uri),
                earner=None if self.blind else self.earner.text(),
                actor=self.reviewer,
            )
        except UserError as e:  # refused: said here, and nothing was changed
            self._say(str(e))
            return
        self.accept()


def assign_submission_dialog(
    parent: QWidget,
    folder: DataFolder,
    reviewer: str,
    submission_pk: int,
    done: Callable[[], None] | None = None,
    *,
    blind: bool = False,
) -> AssignDialog:
    """Opens the dialog over `parent`; `done` runs once the assignment is saved."""
    dialog = AssignDialog(folder, reviewer, submission_pk, parent, blind=blind)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if done is not None:
        dialog.accepted.connect(done)
    dialog.open()
    return dialog

"""The foot of the panel, always in view: the live decision and total, what went wrong,
whether the work is saved, and Submit or Reopen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt, QTime
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.ui.dates import shown_moment
from reviewer_app.ui.rubric.wording import outcome_word


def clock(time: QTime) -> str:
    """The time of day in the person's locale, to the second (a save a few seconds after
    the last one shows that it happened)."""
    locale = QLocale()
    form = locale.timeFormat(QLocale.FormatType.ShortFormat)
    if "s" not in form and "mm" in form:
        at = form.index("mm")
        separator = form[at - 1] if at and not form[at - 1].isalpha() else ":"
        form = form.replace("mm", f"mm{separator}ss", 1)
    return locale.toString(time, form)


class Footer(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(4)

        self.decision_label = QLabel()
        self.decision_label.setWordWrap(True)
        bold = QFont(self.font())
        bold.setBold(True)
        self.decision_label.setFont(bold)
        self.decision_label.setAccessibleName(self.tr("Decision if submitted now"))
        self.total_label = QLabel()
        self.total_label.setAccessibleName(self.tr("Total points"))
        layout.addWidget(self.decision_label)
        layout.addWidget(self.total_label)

        error_row = QHBoxLayout()
        self.error_icon = QLabel()
        self.error_icon.setFixedSize(16, 16)
        self.error_icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(16, 16)
        )
        self.error_label = QLabel()
        self.error_label.setWordWrap(True)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        error_row.addWidget(self.error_icon, 0, Qt.AlignmentFlag.AlignTop)
        error_row.addWidget(self.error_label, 1)
        layout.addLayout(error_row)

        self.submitted_label = QLabel()
        self.submitted_label.setWordWrap(True)
        layout.addWidget(self.submitted_label)

        buttons = QHBoxLayout()
        self.submit_button = QPushButton(self.tr("Submit review"))
        self.submit_button.setAccessibleName(self.tr("Submit review"))
        self.submit_button.setToolTip(self.tr("Submit the review (Ctrl+Enter)"))
        self.reopen_button = QPushButton(self.tr("Reopen\u2026"))
        self.reopen_button.setAccessibleName(self.tr("Reopen review"))
        self.reopen_button.setToolTip(self.tr("Take the submitted review back to work"))
        for button in (self.submit_button, self.reopen_button):
            button.setAutoDefault(False)
        self.status_label = QLabel()
        self.status_label.setAccessibleName(self.tr("Save status"))
        self.status_label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.status_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        buttons.addWidget(self.submit_button)
        buttons.addWidget(self.reopen_button)
        buttons.addWidget(self.status_label, 1)
        layout.addLayout(buttons)
        self.show_error("")
        self.show_submitted(None, None)

    def show_decision(self, decision: str, total: str) -> None:
        self.decision_label.setText(decision)
        self.total_label.setText(total)
        self.total_label.setVisible(bool(total))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(bool(message))
        self.error_icon.setVisible(bool(message))

    def show_submitted(self, at: dt.datetime | None, decision: str | None) -> None:
        """Submitted: say when and with what decision, and offer Reopen instead of Submit."""
        submitted = at is not None
        if at is not None:
            when = shown_moment(at)
            self.submitted_label.setText(
                self.tr("Submitted {when}: {decision}. Reopen the review to change it.").format(
                    when=when, decision=outcome_word(decision)
                )
            )
        self.submitted_label.setVisible(submitted)
        self.decision_label.setVisible(not submitted)
        self.submit_button.setVisible(not submitted)
        self.reopen_button.setVisible(submitted)

    def show_saving(self) -> None:
        self.status_label.setText(self.tr("Saving\u2026"))

    def show_saved(self) -> None:
        self.status_label.setText(self.tr("Saved {time}").format(time=clock(QTime.currentTime())))

    def show_not_saved(self) -> None:
        self.status_label.setText(self.tr("Not saved"))

    def clear_status(self) -> None:
        self.status_label.setText("")

"""What the PDF pane says when PDFium cannot open a file, and the password prompt.

The password field and its Unlock button have a row of their own, the field wide
enough for 24 characters: in a row with the other buttons of a narrow pane, the field
was what gave way, down to a few pixels.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton, QStyle, QWidget

from reviewer_app.ui.evidence.message import MessagePane, Severity

translate = QCoreApplication.translate

Error = QPdfDocument.Error
PASSWORD_CHARACTERS = 24  # what the field shows without scrolling

MISSING_FILE = cast(
    tuple[str, str],
    (
        QT_TRANSLATE_NOOP("PdfProblemPane", "The stored file is missing"),
        QT_TRANSLATE_NOOP(
            "PdfProblemPane",
            "The data folder was changed outside Portfolio Reviewer. Check it with "
            "\u201creviewer-app check\u201d, or import the bundle again.",
        ),
    ),
)


def problem_text(error: QPdfDocument.Error) -> tuple[str, str]:
    """(heading, what to do) for a PDF that cannot be shown."""
    if error == Error.IncorrectPassword:
        return (
            translate("PdfProblemPane", "This PDF is protected by a password"),
            translate(
                "PdfProblemPane",
                "Type the password below if the earner gave it to you. Otherwise open "
                "it with your system's viewer, or ask the earner for a copy without a password.",
            ),
        )
    if error == Error.FileNotFound:
        return translate("PdfProblemPane", MISSING_FILE[0]), translate(
            "PdfProblemPane", MISSING_FILE[1]
        )
    if error == Error.UnsupportedSecurityScheme:
        return (
            translate(
                "PdfProblemPane", "This PDF uses a kind of protection that cannot be opened here"
            ),
            translate(
                "PdfProblemPane",
                "Open it with your system's viewer, or ask the earner for a copy "
                "without protection.",
            ),
        )
    return (
        translate("PdfProblemPane", "This PDF is damaged and cannot be shown"),
        translate(
            "PdfProblemPane",
            "It may have been cut off while it was uploaded or downloaded. Open it with "
            "your system's viewer, which can sometimes repair it, or ask the earner "
            "for a new copy.",
        ),
    )


class PdfProblemPane(MessagePane):
    """The message in place of the pages, with the buttons that help."""

    unlock_requested = Signal(str)  # the password typed
    open_requested = Signal()  # open with the system viewer

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.password_field = QLineEdit()
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.password_field.setPlaceholderText(self.tr("Password"))
        self.password_field.setAccessibleName(self.tr("PDF password"))
        self.password_field.setToolTip(self.tr("The password the earner gave you"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setAccessibleName(self.tr("Unlock the PDF with this password"))
        self.unlock_button.setToolTip(self.unlock_button.accessibleName())
        self.system_button = QPushButton(self.tr("Open with system viewer"))
        self.system_button.setAccessibleName(self.tr("Open with system viewer"))
        self.system_button.setToolTip(
            self.tr("Open a read-only copy in your computer's own viewer")
        )
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth, None, self)
        self.password_field.setMinimumWidth(
            self.password_field.fontMetrics().averageCharWidth() * PASSWORD_CHARACTERS
            + 2 * frame
            + 8  # the text's own margins inside the frame
        )
        self.password_row = QWidget()
        row = QHBoxLayout(self.password_row)
        row.setContentsMargins(0, 8, 0, 0)
        row.addWidget(self.password_field)
        row.addWidget(self.unlock_button)
        row.addStretch(1)
        self.add_row(self.password_row)
        self.add_widget(self.system_button)
        self.unlock_button.clicked.connect(self._unlock)
        self.password_field.returnPressed.connect(self._unlock)
        self.system_button.clicked.connect(self.open_requested)

    def show_error(self, error: QPdfDocument.Error) -> str:
        """Says what `error` means and offers what helps; returns the heading."""
        heading, body = problem_text(error)
        self.set_message(heading, body, Severity.ERROR)
        self.password_row.setVisible(error == Error.IncorrectPassword)
        self.system_button.setVisible(error != Error.FileNotFound)
        return heading

    def wrong_password(self) -> None:
        self.body.setText(
            self.tr(
                "That password did not open it. Check it with the earner, or open the "
                "file with your system's viewer."
            )
        )
        self.password_field.selectAll()
        self.password_field.setFocus()

    def reset(self) -> None:
        self.password_field.clear()

    def _unlock(self) -> None:
        self.unlock_requested.emit(self.password_field.text())

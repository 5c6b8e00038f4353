"""An earner's earlier attempts at the same micro-credential, one click away."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reviewer_app.reviews.feedback import EarlierAttempt

DECISION_WORDS = {"pass": "Pass", "not-yet": "Not Yet", None: "no decision"}


def attempts_html(attempts: Sequence[EarlierAttempt]) -> str:
    parts = []
    for a in attempts:
        when = a.submitted_at.astimezone().strftime("%d %B %Y") if a.submitted_at else ""
        parts.append(
            f"<h3>Attempt {a.attempt} ({escape(a.submission_id)}), {when}: "
            f"{DECISION_WORDS.get(a.decision, a.decision)}</h3>"
        )
        if a.feedback:
            parts.append(f"<p><b>Overall feedback:</b> {escape(a.feedback)}</p>")
        for title, comment in a.comments.items():
            level = f" ({escape(a.levels[title])})" if a.levels and title in a.levels else ""
            parts.append(f"<p><b>{escape(title)}{level}:</b> {escape(comment)}</p>")
        if a.levels is None:
            parts.append(
                "<p><i>Earlier scores are hidden in this data folder, to avoid "
                "anchoring; their feedback is shown.</i></p>"
            )
    return "".join(parts) or "<p>This is the earner's first attempt.</p>"


class EarlierAttemptsDialog(QDialog):
    def __init__(self, attempts: Sequence[EarlierAttempt], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Earlier attempts")
        self.browser = QTextBrowser()
        self.browser.setAccessibleName("Earlier attempts and their feedback")
        self.browser.setHtml(attempts_html(attempts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(
            "Close the earlier attempts"
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 520)

"""An earner's earlier attempts at the same micro-credential, one click away."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reviewer_app.reviews.feedback import EarlierAttempt
from reviewer_app.ui.dates import shown_date

translate = QCoreApplication.translate

# QT_TRANSLATE_NOOP returns its text unchanged; its stub says `object`, hence the cast.
DECISION_WORDS = cast(
    dict[str | None, str],
    {
        "pass": QT_TRANSLATE_NOOP("EarlierAttempts", "Pass"),
        "not-yet": QT_TRANSLATE_NOOP("EarlierAttempts", "Not Yet"),
        None: QT_TRANSLATE_NOOP("EarlierAttempts", "no decision"),
    },
)


def decision_word(decision: str | None) -> str:
    word = DECISION_WORDS.get(decision)
    return translate("EarlierAttempts", word) if word is not None else str(decision)


def attempts_html(attempts: Sequence[EarlierAttempt]) -> str:
    parts = []
    locale = QLocale()
    for a in attempts:
        number = locale.toString(a.attempt)
        decision = decision_word(a.decision)
        if a.submitted_at:
            when = shown_date(a.submitted_at)
            heading = translate(
                "EarlierAttempts", "Attempt {number} ({submission}), {date}: {decision}"
            ).format(number=number, submission=a.submission_id, date=when, decision=decision)
        else:
            heading = translate(
                "EarlierAttempts", "Attempt {number} ({submission}): {decision}"
            ).format(number=number, submission=a.submission_id, decision=decision)
        parts.append(f"<h3>{escape(heading)}</h3>")
        if a.feedback:
            label = translate("EarlierAttempts", "Overall feedback:")
            parts.append(f"<p><b>{escape(label)}</b> {escape(a.feedback)}</p>")
        for title, comment in a.comments.items():
            level = f" ({escape(a.levels[title])})" if a.levels and title in a.levels else ""
            parts.append(f"<p><b>{escape(title)}{level}:</b> {escape(comment)}</p>")
        if a.levels is None:
            hidden = translate(
                "EarlierAttempts",
                "Earlier scores are hidden in this data folder, to avoid anchoring; "
                "their feedback is shown.",
            )
            parts.append(f"<p><i>{escape(hidden)}</i></p>")
    first = translate("EarlierAttempts", "This is the earner's first attempt.")
    return "".join(parts) or f"<p>{escape(first)}</p>"


class EarlierAttemptsDialog(QDialog):
    def __init__(self, attempts: Sequence[EarlierAttempt], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Earlier attempts"))
        self.browser = QTextBrowser()
        self.browser.setAccessibleName(self.tr("Earlier attempts and their feedback"))
        self.browser.setAccessibleDescription(
            self.tr("Each earlier attempt, oldest first, with its decision and feedback; read-only")
        )
        self.browser.setHtml(attempts_html(attempts))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the earlier attempts"))
        close.setToolTip(self.tr("Closes this window (Esc); Ctrl+Shift+E opens it again"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(640, 520)

"""An earner's earlier attempts at the same micro-credential, one click away.

The dialog shows at once and reads the attempts off the GUI thread (`read`); a read
that takes a while shows "Loading…" in their place.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from html import escape
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from reviewer_app.reviews.feedback import EarlierAttempt
from reviewer_app.ui.dates import shown_date
from reviewer_app.ui.loading import Loader, loading_text
from reviewer_app.vocabulary import Outcome

translate = QCoreApplication.translate

# QT_TRANSLATE_NOOP returns its text unchanged; its stub says `object`, hence the cast.
DECISION_WORDS = cast(
    dict[str | None, str],
    {
        Outcome.PASS: QT_TRANSLATE_NOOP("EarlierAttempts", "Pass"),
        Outcome.NOT_YET: QT_TRANSLATE_NOOP("EarlierAttempts", "Not Yet"),
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
    """The attempts given, or those `read()` returns (it runs off the GUI thread)."""

    def __init__(
        self,
        attempts: Sequence[EarlierAttempt] = (),
        parent: QWidget | None = None,
        *,
        read: Callable[[], Sequence[EarlierAttempt]] | None = None,
    ) -> None:
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
        self.loader = Loader(self)
        if read is not None:
            self.browser.clear()
            self.loader.waiting.connect(self._show_loading)
            self.loader.load(
                read,
                lambda found: self.browser.setHtml(attempts_html(found)),
                self.browser.setPlainText,  # what went wrong, in the person's words
            )

    def is_loading(self) -> bool:
        return self.loader.is_loading()

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self.browser.setPlainText(loading_text())

"""The rubric panel: score one review beside its evidence, by mouse or by keyboard only.

Every change goes to `ReviewSession` at once (a level) or after a short pause in typing
(text; also when focus leaves the box and before the panel shows another review), each
in its own short transaction of about a millisecond and a half. That is why the saves
run on the GUI thread: they cost less than a frame, and a save that has returned is on
disk before the reviewer's next key, which a queue of background writes could not
promise when the app is killed.
"""

from __future__ import annotations

from typing import cast

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QInputDialog,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import OperationalError

from reviewer_app.errors import UserError
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.rubrics.decision import meets_level
from reviewer_app.ui.rubric import wording
from reviewer_app.ui.rubric.actions import build_actions
from reviewer_app.ui.rubric.autosave import DebouncedSaves, Save
from reviewer_app.ui.rubric.criterion_card import CriterionCard
from reviewer_app.ui.rubric.footer import Footer
from reviewer_app.ui.rubric.growing_edit import GrowingTextEdit
from reviewer_app.ui.rubric.keys import EnterClicks
from reviewer_app.ui.rubric.navigator import CriterionNavigator

_FEEDBACK = "feedback"


def _heading(text: str, parent_font: QFont) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = QFont(parent_font)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    return label


class RubricPanel(QWidget):
    """Scores one `ReviewSession`; `set_review(None)` shows nothing to score.

    Signals: `saved()` after each successful save, `submitted(decision)` after a
    submit, `error(message)` with a plain sentence for the window to show (the panel
    shows it too). Keyboard commands are `actions()`; see `reviewer_app.ui.rubric.actions`.
    Before the app quits, the window should call `flush()` (it is also called whenever
    the review changes).
    """

    saved = Signal()
    submitted = Signal(str)
    error = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Rubric"))
        self.setMinimumWidth(340)
        self._review: ReviewSession | None = None
        self._feedback_box: GrowingTextEdit | None = None
        self._loading = False
        self._built_for: int | None = None  # the definition whose cards are on screen
        self._save_failed = False
        self._saves = DebouncedSaves(self._run_save, self)
        self._saves.pending_changed.connect(self._pending_changed)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._header = QLabel()
        self._header.setWordWrap(True)
        self._header.setContentsMargins(10, 8, 10, 8)
        header_font = QFont(self.font())
        header_font.setBold(True)
        self._header.setFont(header_font)
        layout.addWidget(self._header)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setAccessibleName(self.tr("Criteria"))
        layout.addWidget(self._scroll, 1)
        self._nav = CriterionNavigator(self._scroll, self)
        self._nav.announced.connect(self.setAccessibleDescription)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        layout.addWidget(line)
        self._footer = Footer()
        self._footer.submit_button.clicked.connect(self.submit)
        self._footer.reopen_button.clicked.connect(self.reopen)
        self._enter_clicks = EnterClicks(self)
        for button in (self._footer.submit_button, self._footer.reopen_button):
            button.installEventFilter(self._enter_clicks)
        layout.addWidget(self._footer)

        self._actions = build_actions(
            self,
            choose_level=self._choose_level_at,
            clear_level=self._clear_level,
            move=self._nav.move,
            next_unscored=self._next_unscored,
            comment=self._focus_comment,
            bank=self._open_bank,
            leave_text=self._leave_text,
            feedback=self._focus_feedback,
            submit=self.submit,
        )
        self.addActions(self._actions.all())
        app = cast(QApplication, QApplication.instance())
        app.focusChanged.connect(self._nav.follow_focus)
        self.set_review(None)

    # Public API --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(520, 900)

    def actions(self) -> list[QAction]:
        """The keyboard commands, each with descriptive text and its shortcuts: the
        level keys up to the longest scale of the rubric shown (4 with none shown)."""
        return [a for a in self._actions.all() if a.isVisible()]

    def review(self) -> ReviewSession | None:
        return self._review

    def set_review(self, review: ReviewSession | None) -> None:
        """Shows `review` (None: nothing). Text typed for the previous review is saved first."""
        self.flush()
        self._review = review
        self._rebuild()

    def flush(self) -> bool:
        """Saves any text still waiting for its pause; False if a save failed (text
        that failed for a full or busy disk stays pending and is tried again)."""
        return self._saves.flush()

    def current_criterion(self) -> str | None:
        return self._nav.current_id

    def select_criterion(self, criterion_id: str) -> None:
        """Makes `criterion_id` current, scrolls to it and puts focus on its levels."""
        if self._nav.card(criterion_id) is None:
            raise KeyError(criterion_id)
        self._nav.select(criterion_id, focus="levels")

    def submit(self) -> None:
        """Submits the review; with unscored criteria, says which and goes to the first."""
        review = self._review
        if review is None or review.submitted_at is not None:
            return
        if not self.flush():
            return
        preview = review.preview()
        if preview.unscored:
            titles = [review.rubric.criterion(c).title for c in preview.unscored]
            self._report(wording.unscored_error(titles))
            self._nav.select(preview.unscored[0], focus="levels")
            return
        try:
            result = review.submit()
        except (UserError, OperationalError) as exc:
            self._report(self._plain(exc))
            return
        self._footer.show_error("")
        self._apply_mode()
        self._footer.reopen_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.submitted.emit(result.outcome or "")

    def reopen(self) -> None:
        """Asks for the reason (a window-modal dialog that does not block), then reopens."""
        review = self._review
        if review is None or review.submitted_at is None:
            return
        dialog = QInputDialog(self)
        dialog.setObjectName("reopen-dialog")
        dialog.setWindowTitle(self.tr("Reopen review"))
        dialog.setLabelText(
            self.tr(
                "Why are you reopening the review of {submission}? (kept in the audit trail)"
            ).format(submission=review.submission_id)
        )
        dialog.setOkButtonText(self.tr("Reopen"))
        dialog.setInputMode(QInputDialog.InputMode.TextInput)
        dialog.setAccessibleName(self.tr("Reopen review"))
        dialog.textValueSelected.connect(lambda text: self._reopen_with(review, text))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # Building ----------------------------------------------------------------------------

    def _rebuild(self) -> None:
        review = self._review
        if review is not None and review.definition_id == self._built_for and self._nav.cards:
            self._refill(review)  # the same rubric: keep the widgets, change what they show
            return
        self._built_for = review.definition_id if review is not None else None
        old = self._scroll.takeWidget()
        if old is not None:
            focused = QApplication.focusWidget()
            if focused is not None and old.isAncestorOf(focused):
                focused.clearFocus()
            old.hide()
            old.deleteLater()
        self._feedback_box = None
        cards: list[CriterionCard] = []
        content = QWidget()
        content.setBackgroundRole(self.backgroundRole())
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.setSpacing(8)
        if review is None:
            self._header.setText(self.tr("No review open"))
            empty = QLabel(self.tr("No submission is open. Choose one from the queue to score it."))
            empty.setWordWrap(True)
            layout.addWidget(empty)
        else:
            self._header.setText(
                self.tr("{submission} \u00b7 {credential}").format(
                    submission=review.submission_id, credential=review.credential_name
                )
            )
            cards = self._build_criteria(review, layout)
        layout.addStretch(1)
        self._scroll.setWidget(content)
        self._nav.reset(cards, self._feedback_box)
        for card in cards:
            self._show_card(card)
        if self._feedback_box is not None:  # the footer's buttons come after the feedback
            QWidget.setTabOrder(self._feedback_box, self._footer.submit_button)
            QWidget.setTabOrder(self._footer.submit_button, self._footer.reopen_button)
        longest = max((len(c.criterion.levels) for c in cards), default=4)
        for n, action in enumerate(self._actions.levels):
            action.setVisible(n < longest)
        self._resume(cards)

    def _refill(self, review: ReviewSession) -> None:
        """Shows another review under the rubric already on screen. Building a rubric's
        cards costs a tenth of a second; moving through a queue of one micro-credential
        should not."""
        self._header.setText(
            self.tr("{submission} \u00b7 {credential}").format(
                submission=review.submission_id, credential=review.credential_name
            )
        )
        for card in self._nav.cards:
            # Only what differs is set again: each change relays out and repaints.
            comment = review.comments.get(card.criterion.id, "")
            if card.comment_box.toPlainText() != comment:
                card.load_comment(comment)
            if card.level_id != review.levels.get(card.criterion.id):
                self._show_card(card)
        box = self._feedback_box
        if box is not None and box.toPlainText() != review.feedback:
            self._loading = True
            try:
                box.setPlainText(review.feedback)
            finally:
                self._loading = False
        self._scroll.verticalScrollBar().setValue(0)
        self._resume(self._nav.cards)

    def _resume(self, cards: list[CriterionCard]) -> None:
        review = self._review
        self._footer.setVisible(review is not None)
        self._footer.show_error("")
        self._footer.clear_status()
        self._save_failed = False
        # Resume where the work is: the first criterion not scored yet.
        first = [c for c in cards if c.level_id is None] or cards
        if first:
            self._nav.select(first[0].criterion.id, scroll=False)
        self._apply_mode()
        self._update_decision()

    def _build_criteria(self, review: ReviewSession, layout: QVBoxLayout) -> list[CriterionCard]:
        rubric = review.rubric
        cards: list[CriterionCard] = []
        count = len(rubric.criteria)
        for part in rubric.parts:
            layout.addWidget(_heading(part.title, self.font()))
            for criterion in part.criteria:
                card = CriterionCard(
                    criterion, rubric.comments.get(criterion.id, ()), len(cards) + 1, count
                )
                card.load_comment(review.comments.get(criterion.id, ""))
                card.level_clicked.connect(self._level_clicked)
                card.comment_edited.connect(self._comment_edited)
                card.comment_left.connect(lambda _cid: self.flush())
                card.bank_inserted.connect(lambda _cid: self.flush())
                card.activated.connect(lambda cid: self._nav.select(cid))
                card.comment_box.addAction(self._leave_action)
                if card.bank_button is not None:
                    card.bank_button.installEventFilter(self._enter_clicks)
                cards.append(card)
                layout.addWidget(card)
        layout.addSpacing(6)
        layout.addWidget(_heading(self.tr("Overall feedback"), self.font()))
        box = GrowingTextEdit(min_lines=4, max_lines=20)
        box.setAccessibleName(self.tr("Overall feedback"))
        box.setAccessibleDescription(
            self.tr("What the earner reads about the whole portfolio, with the decision (F)")
        )
        self._loading = True
        try:
            box.setPlainText(review.feedback)
        finally:
            self._loading = False
        box.textChanged.connect(self._feedback_edited)
        box.focus_left.connect(self.flush)
        box.addAction(self._leave_action)
        layout.addWidget(box)
        self._feedback_box = box
        return cards

    @property
    def _leave_action(self) -> QAction:
        assert self._actions.leave_text is not None
        return self._actions.leave_text

    def _apply_mode(self) -> None:
        review = self._review
        editable = review is not None and review.submitted_at is None
        for card in self._nav.cards:
            card.set_read_only(not editable)
        if self._feedback_box is not None:
            self._feedback_box.setReadOnly(not editable)
            self._feedback_box.setPlaceholderText(
                self.tr("Feedback for the earner on the whole submission")
                if editable
                else self.tr("No overall feedback")
            )
        for action in self._actions.editing():
            action.setEnabled(editable)
        for action in self._actions.all():
            if action not in self._actions.editing():
                action.setEnabled(review is not None)
        if review is not None:
            self._footer.show_submitted(review.submitted_at, review.decision)

    # Showing state -----------------------------------------------------------------------

    def _show_card(self, card: CriterionCard) -> None:
        review = self._review
        if review is None:
            return
        level_id = review.levels.get(card.criterion.id)
        meets: bool | None = None
        if level_id is not None:
            try:
                meets = meets_level(
                    card.criterion, level_id, review.rubric.pass_rule.every_criterion_at_least
                )
            except ValueError:  # the passing level is not on this criterion's own scale
                meets = None
        card.show_level(level_id, meets)
        self._nav.describe(card)

    def _update_decision(self) -> None:
        review = self._review
        if review is None:
            return
        preview = review.preview()
        self._footer.show_decision(
            wording.decision_text(preview, review.rubric),
            wording.total_text(preview, review.rubric),
        )

    # Saving ------------------------------------------------------------------------------

    def _run_save(self, save: Save) -> bool | None:
        """True: saved. False: the data folder could not be written now (try again).
        None: refused for good (say why)."""
        self._footer.show_saving()
        try:
            save()
        except (UserError, OperationalError) as exc:
            self._save_failed = True
            self._footer.show_not_saved()
            self._report(self._plain(exc))
            return False if isinstance(exc, OperationalError) else None
        if self._save_failed:
            self._save_failed = False
            self._footer.show_error("")
        if not self._saves.pending:
            self._footer.show_saved()
        self.saved.emit()
        return True

    def _plain(self, exc: Exception) -> str:
        if isinstance(exc, OperationalError):
            return self.tr(
                "Could not save to the data folder ({detail}). What you typed is still "
                "here and will be saved again in a few seconds; check the disk."
            ).format(detail=str(exc.orig) if exc.orig is not None else type(exc).__name__)
        return str(exc)

    def _report(self, message: str) -> None:
        self._footer.show_error(message)
        self.error.emit(message)

    def _pending_changed(self, pending: bool) -> None:
        if pending:
            self._footer.show_saving()

    def _level_clicked(self, criterion_id: str, level_id: str) -> None:
        self._nav.select(criterion_id, scroll=False)
        self._choose(criterion_id, level_id)

    def _choose(self, criterion_id: str, level_id: str | None) -> None:
        review = self._review
        if review is None or review.submitted_at is not None:
            return
        self._footer.show_error("")
        self._run_save(lambda: review.set_level(criterion_id, level_id))
        card = self._nav.card(criterion_id)
        if card is not None:  # the saved state, also after a failure
            self._show_card(card)
        self._update_decision()

    def _comment_edited(self, criterion_id: str, text: str) -> None:
        review = self._review
        if review is None:
            return
        key = (review.review_id, criterion_id)
        self._saves.schedule(key, lambda: review.set_comment(criterion_id, text))
        self._nav.keep_cursor_visible()

    def _feedback_edited(self) -> None:
        review, box = self._review, self._feedback_box
        if review is None or box is None or self._loading:
            return
        text = box.toPlainText()
        self._saves.schedule((review.review_id, _FEEDBACK), lambda: review.set_feedback(text))
        self._nav.keep_cursor_visible()

    def _reopen_with(self, review: ReviewSession, reason: str) -> None:
        reason = reason.strip()
        if review is not self._review:
            return
        if not reason:
            self._report(self.tr("The review was not reopened: give a reason for reopening it."))
            return
        try:
            review.reopen(reason)
        except (UserError, OperationalError) as exc:
            self._report(self._plain(exc))
            return
        self._footer.show_error("")
        self._apply_mode()
        self._update_decision()
        if self._nav.current_id is not None:
            self._nav.select(self._nav.current_id, focus="levels")

    # Keyboard commands -------------------------------------------------------------------

    def _choose_level_at(self, index: int) -> None:
        card = self._nav.current
        if card is None:
            return
        levels = card.criterion.levels
        if index >= len(levels):
            self._footer.show_error(
                self.tr("{title} has {n} levels: press 1 to {n}.").format(
                    title=card.criterion.title, n=len(levels)
                )
            )
            return
        self._choose(card.criterion.id, levels[index].id)
        card.focus_levels()

    def _clear_level(self) -> None:
        card = self._nav.current
        if card is not None:
            self._choose(card.criterion.id, None)
            card.focus_levels()

    def _next_unscored(self) -> None:
        review = self._review
        if review is None:
            return
        if not self._nav.next_where(lambda criterion_id: criterion_id not in review.levels):
            self._footer.show_error(self.tr("Every criterion is scored."))

    def _focus_comment(self) -> None:
        card = self._nav.current
        if card is not None:
            self._nav.select(card.criterion.id, focus="comment")

    def _open_bank(self) -> None:
        card = self._nav.current
        if card is not None:
            self._nav.scroll_to(card)
            card.open_bank()

    def _leave_text(self) -> None:
        card, in_comment = self._nav.focus_in()
        target = card if in_comment and card is not None else self._nav.current
        self.flush()
        if target is not None:
            self._nav.select(target.criterion.id, focus="levels")
        else:
            self._footer.submit_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_feedback(self) -> None:
        box = self._feedback_box
        if box is not None:
            box.setFocus(Qt.FocusReason.OtherFocusReason)
            self._nav.show_widget(box)

"""The rubric panel: score one review beside its evidence, by mouse or by keyboard only.

Every change goes to `ReviewSession` at once (a level) or after a short pause in typing
(text; also when focus leaves the box and before the panel shows another review), each
in its own short transaction of about a millisecond and a half. That is why the saves
run on the GUI thread: they cost less than a frame, and a save that has returned is on
disk before the reviewer's next key, which a queue of background writes could not
promise when the app is killed.

The review's annotations (feedback pinned to a place in the evidence) are listed under
their criteria and in a General group (`annotation_list`), made and edited in a small
form (`annotation_editor`) and saved the same way, each change a step of the review's
undo stack (`annotation_undo`). The panel knows no evidence viewer: it says what to
show through `annotations_changed` and `annotation_focused`, and the window passes on
what is drawn and clicked there (`new_annotation`, `select_annotation`).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import cast

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QAction, QFont, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QFrame,
    QInputDialog,
    QLabel,
    QMessageBox,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.errors import UserError
from reviewer_app.reviews.annotation_reads import ReviewNotes, review_notes
from reviewer_app.reviews.annotations import Anchor, Annotation
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.rubrics.decision import meets_level
from reviewer_app.settings import CONFIRM_NOT_YET, Settings
from reviewer_app.storage.failures import DatabaseUnavailable, database_errors
from reviewer_app.ui.loading import Loader
from reviewer_app.ui.rubric import annotation_editor, attempts, wording
from reviewer_app.ui.rubric.actions import build_actions
from reviewer_app.ui.rubric.annotation_editor import AnnotationEditor
from reviewer_app.ui.rubric.annotation_list import AnnotationLists
from reviewer_app.ui.rubric.annotation_undo import (
    AddStep,
    Content,
    DeleteStep,
    EditStep,
    Notes,
)
from reviewer_app.ui.rubric.autosave import DebouncedSaves, Save
from reviewer_app.ui.rubric.banner import Banner
from reviewer_app.ui.rubric.criterion_card import CriterionCard
from reviewer_app.ui.rubric.footer import Footer
from reviewer_app.ui.rubric.growing_edit import GrowingTextEdit
from reviewer_app.ui.rubric.keys import EnterClicks
from reviewer_app.ui.rubric.navigator import CriterionNavigator
from reviewer_app.vocabulary import Outcome

_FEEDBACK = "feedback"
# Rubrics whose cards are kept when another comes on screen. A queue mixes a few
# micro-credentials; building a rubric's cards anew at each change cost a tenth of a
# second, and every widget built and painted leaves drawings in Qt's pixmap cache
# (keyed by the new widget's palette, never found again): about 7 KB an open.
KEPT_RUBRICS = 4


@dataclass
class _Kept:
    """A rubric's cards put away, to show again as they were built."""

    content: QWidget
    cards: list[CriterionCard]
    feedback_box: GrowingTextEdit | None
    lists: AnnotationLists | None


_NO_NOTES = ReviewNotes()


def _heading(text: str, parent_font: QFont) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    font = QFont(parent_font)
    font.setPointSizeF(font.pointSizeF() * 1.2)
    font.setBold(True)
    label.setFont(font)
    return label


class RubricPanel(QWidget):
    """Scores one `ReviewSession`; `set_review(None)` says what to do instead (choose a
    submission, or why the one chosen cannot be scored).

    Signals: `saved()` after each successful save (an annotation's too),
    `submitted(decision)` after a submit, `error(message)` with a plain sentence for the
    window to show (the panel shows it too), `criterion_changed(part_id)` when the
    reviewer moves to a criterion (by key, click or Tab; not when a review opens at its
    first unscored criterion), carrying its rubric part, so that the window can bring
    that part's evidence into view; `annotations_changed(annotations, editable)`
    whenever the review's annotations are shown anew (for the pins),
    `annotation_focused(id)` when the person moves to one in the list (by click or
    `[` `]`). Keyboard commands are `actions()`; see `reviewer_app.ui.rubric.actions`.
    Before the app quits, the window should call `flush()` (it is also called whenever
    the review changes).

    Submitting a Not Yet asks first, once, unless the person's settings say not to
    (`set_preferences`; the `confirm.not_yet` setting). The question's default button
    is the safe one, "Keep reviewing": Enter or Esc right after Ctrl+Enter go back to
    the review, and submitting takes a deliberate choice (Alt+S, or Tab then Enter or
    Space, or a click). "Don't ask again", ticked when submitting, turns the question
    off in the settings.
    """

    saved = Signal()
    submitted = Signal(str)
    error = Signal(str)
    criterion_changed = Signal(str)
    annotations_changed = Signal(object, bool)  # list[Annotation], editable
    annotation_focused = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Rubric"))
        self._review: ReviewSession | None = None
        self._preferences: Settings | None = None
        self._unavailable = ""
        self._resuming = False
        self._earlier_dialog: QWidget | None = None
        self._confirm: QMessageBox | None = None
        self._feedback_box: GrowingTextEdit | None = None
        self._loading = False
        self._built_for: int | None = None  # the definition whose cards are on screen
        # Other definitions' cards, put away when another rubric came on screen.
        self._kept: OrderedDict[int, _Kept] = OrderedDict()
        self._save_failed = False
        self._saves = DebouncedSaves(self._run_save, self)
        self._saves.pending_changed.connect(self._pending_changed)
        self._undo = QUndoStack(self)  # the open review's annotation changes
        self._notes: Notes | None = None
        self._lists: AnnotationLists | None = None
        self._editor: AnnotationEditor | None = None
        self._item_labels: dict[int, str] = {}
        self._item_pages: dict[int, int] = {}
        self._annotation_reads = Loader(self)
        self._steps_failed = 0

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
        self._resubmission = Banner(self.tr("Resubmission"))
        self._resubmission.setObjectName("resubmission-banner")
        earlier = self._resubmission.add_button(
            self.tr("Earlier attempts\u2026"),
            self.tr("Open the earlier attempts"),
            self.tr("The earner's earlier attempts at this micro-credential, with their feedback"),
        )
        earlier.clicked.connect(self.show_earlier_attempts)
        self._result = Banner(self.tr("Submit result"))
        self._result.setObjectName("result-banner")
        layout.addWidget(self._resubmission)
        layout.addWidget(self._result)
        self._scroll = QScrollArea()
        self._scroll.setWidgetResizable(True)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._scroll.setAccessibleName(self.tr("Criteria"))
        layout.addWidget(self._scroll, 1)
        self._nav = CriterionNavigator(self._scroll, self)
        self._nav.announced.connect(self.setAccessibleDescription)
        self._nav.changed.connect(self._criterion_changed)
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
            step_annotation=self.step_annotation,
            undo=self.undo_annotation,
            redo=self.redo_annotation,
        )
        self.addActions(self._actions.all())
        app = cast(QApplication, QApplication.instance())
        app.focusChanged.connect(self._nav.follow_focus)
        self.set_review(None)

    # Public API --------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        # Room for a row of four levels and several criteria at once: the evidence
        # beside it gets the rest. Works from 360 px to 520 px wide.
        return QSize(420, 640)

    def minimumSizeHint(self) -> QSize:
        return QSize(360, 240)

    def set_preferences(self, preferences: Settings | None) -> None:
        """The person's settings (the window's own, so that a change in the Settings
        dialog applies at once and "Don't ask again" is written through the same
        object); read from the settings file when first needed if not given."""
        self._preferences = preferences

    def actions(self) -> list[QAction]:
        """The keyboard commands, each with descriptive text and its shortcuts: the
        level keys up to the longest scale of the rubric shown (4 with none shown)."""
        return [a for a in self._actions.all() if a.isVisible()]

    def review(self) -> ReviewSession | None:
        return self._review

    def set_review(self, review: ReviewSession | None, *, unavailable: str = "") -> None:
        """Shows `review`. None: what to do instead, or `unavailable`, the reason the
        submission chosen cannot be scored (such as a loose bundle waiting for its
        micro-credential). Text typed for the previous review is saved first."""
        self.flush()
        self._review = review
        self._unavailable = unavailable if review is None else ""
        asking, self._confirm = self._confirm, None
        if asking is not None:
            asking.reject()  # a question about a review no longer shown
        self._close_editor()
        self._undo.clear()  # undo stays within the review it was made in
        self._notes = None
        if review is not None:
            self._notes = Notes(review, self._annotation_saved, self._step_failed)
        self._result.clear()
        self._rebuild()
        self._load_annotations()
        self._show_resubmission(review)

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
        if preview.outcome == Outcome.NOT_YET and self._asks_before_not_yet():
            self._ask_before_not_yet(review)
            return
        self._submit_now(review)

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

    def show_earlier_attempts(self) -> None:
        """The earner's earlier attempts, with their feedback, in a window of their own."""
        from reviewer_app.ui.earlier_attempts import EarlierAttemptsDialog

        review = self._review
        if review is None:
            return
        if self._earlier_dialog is not None:
            self._earlier_dialog.close()
        # Read off the GUI thread once the dialog shows; a problem is said in it.
        dialog = EarlierAttemptsDialog(
            parent=self, read=lambda: attempts.earlier_attempts_of(review)
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda: setattr(self, "_earlier_dialog", None))
        self._earlier_dialog = dialog
        dialog.show()

    # Submitting --------------------------------------------------------------------------

    def _preferences_now(self) -> Settings:
        if self._preferences is None:
            self._preferences = Settings.load()
        return self._preferences

    def _asks_before_not_yet(self) -> bool:
        return self._preferences_now().get(CONFIRM_NOT_YET)

    def _ask_before_not_yet(self, review: ReviewSession) -> None:
        """A window-modal question that does not block (no nested event loop)."""
        if self._confirm is not None:
            return  # already asking
        box = QMessageBox(self)
        box.setObjectName("confirm-not-yet")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Submit a Not Yet"))
        box.setText(
            self.tr("Submit the review of {submission} as Not Yet?").format(
                submission=review.submission_id
            )
        )
        box.setInformativeText(
            self.tr(
                "The earner gets your feedback and can try again. Reopen the review "
                "to change it later."
            )
        )
        box.setAccessibleName(self.tr("Submit a Not Yet"))
        submit = box.addButton(self.tr("&Submit Not Yet"), QMessageBox.ButtonRole.AcceptRole)
        submit.setAccessibleName(self.tr("Submit the review as Not Yet"))
        submit.setToolTip(self.tr("Submits the review with the decision Not Yet (Alt+S)"))
        back = box.addButton(self.tr("&Keep reviewing"), QMessageBox.ButtonRole.RejectRole)
        back.setAccessibleName(self.tr("Keep reviewing"))
        back.setToolTip(self.tr("Back to the review; nothing is submitted (Enter, Esc)"))
        box.setDefaultButton(back)  # the safe choice: Enter goes back
        box.setEscapeButton(back)
        never = QCheckBox(self.tr("&Don't ask again"))
        never.setAccessibleName(self.tr("Don't ask again before submitting a Not Yet"))
        never.setToolTip(
            self.tr("Submit a Not Yet without this question from now on (File > Settings)")
        )
        box.setCheckBox(never)
        box.setWindowModality(Qt.WindowModality.WindowModal)

        def answered(button: object) -> None:
            if button is submit and review is self._review:
                if never.isChecked():
                    self._stop_asking()
                self._submit_now(review)

        box.buttonClicked.connect(answered)
        box.finished.connect(lambda _r: self._confirm_closed(box))
        self._confirm = box
        box.open()

    def _confirm_closed(self, box: QMessageBox) -> None:
        answered = self._confirm is box  # not closed because another review came
        if answered:
            self._confirm = None
        box.deleteLater()
        review = self._review
        if answered and review is not None and review.submitted_at is None:
            current = self._nav.current  # back where the reviewer was
            if current is not None:
                current.focus_levels()

    def _stop_asking(self) -> None:
        try:
            self._preferences_now().set(CONFIRM_NOT_YET, False)
        except (OSError, ValueError) as exc:
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            self._report(
                self.tr(
                    "The setting could not be saved ({reason}): the question will be asked "
                    "again next time."
                ).format(reason=reason)
            )

    def _submit_now(self, review: ReviewSession) -> None:
        try:
            with database_errors():
                result = review.submit()
        except UserError as exc:
            self._report(self._plain(exc))
            return
        self._footer.show_error("")
        self._undo.clear()  # submitted: the annotations are frozen with the review
        self._close_editor()
        self._apply_mode()
        self._show_annotations()
        self._show_result(review, result.outcome)
        self._footer.reopen_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.submitted.emit(result.outcome or "")

    def _show_result(self, review: ReviewSession, outcome: str | None) -> None:
        """Says what the submit did, above the criteria where the reviewer looks."""
        try:
            status = attempts.status_of(review)
        except DatabaseUnavailable:
            status = None
        text = wording.submit_result(outcome, status)
        self._result.show_text(text, QStyle.StandardPixmap.SP_DialogApplyButton)
        self.setAccessibleDescription(text)

    # Building ----------------------------------------------------------------------------

    def _rebuild(self) -> None:
        review = self._review
        if review is not None and review.definition_id == self._built_for and self._nav.cards:
            self._refill(review)  # the same rubric: keep the widgets, change what they show
            return
        self._put_away()
        self._built_for = review.definition_id if review is not None else None
        definition = self._built_for
        kept = self._kept.pop(definition, None) if definition is not None else None
        if review is not None and kept is not None:
            # A rubric shown before: its cards come back and show this review.
            self._feedback_box, self._lists = kept.feedback_box, kept.lists
            self._scroll.setWidget(kept.content)
            self._nav.reset(kept.cards, kept.feedback_box)
            self._order_footer()
            self._show_level_keys(kept.cards)
            self._refill(review)
            return
        cards: list[CriterionCard] = []
        content = QWidget()
        content.setBackgroundRole(self.backgroundRole())
        layout = QVBoxLayout(content)
        layout.setContentsMargins(10, 6, 10, 10)
        layout.setSpacing(8)
        if review is None:
            self._build_empty(layout)
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
        self._order_footer()
        self._show_level_keys(cards)
        self._resume(cards)

    def _put_away(self) -> None:
        """Takes the cards on screen out of the scroll area: kept for when their rubric
        comes back (the few most recent), else deleted."""
        old = self._scroll.takeWidget()
        if old is not None:
            focused = QApplication.focusWidget()
            if focused is not None and old.isAncestorOf(focused):
                focused.clearFocus()
            old.hide()
            if self._built_for is not None and self._nav.cards:
                old.setParent(self)  # owned by the panel while put away
                old.hide()
                self._kept[self._built_for] = _Kept(
                    old, list(self._nav.cards), self._feedback_box, self._lists
                )
                while len(self._kept) > KEPT_RUBRICS:
                    _definition, oldest = self._kept.popitem(last=False)
                    oldest.content.deleteLater()
            else:
                old.deleteLater()
        self._feedback_box = None
        self._lists = None

    def _order_footer(self) -> None:
        if self._feedback_box is not None:  # the footer's buttons come after the feedback
            QWidget.setTabOrder(self._feedback_box, self._footer.submit_button)
            QWidget.setTabOrder(self._footer.submit_button, self._footer.reopen_button)

    def _show_level_keys(self, cards: list[CriterionCard]) -> None:
        longest = max((len(c.criterion.levels) for c in cards), default=4)
        for n, action in enumerate(self._actions.levels):
            action.setVisible(n < longest)

    def _build_empty(self, layout: QVBoxLayout) -> None:
        """Never an empty panel: what to do, or why the submission chosen cannot be
        scored, in a few lines."""
        if self._unavailable:
            self._header.setText(self.tr("This submission cannot be scored yet"))
            lines = [self._unavailable]
        else:
            self._header.setText(self.tr("No submission open"))
            lines = [
                self.tr(
                    "Choose a submission in the queue (click it, or select it and press "
                    "Enter): its rubric opens here."
                ),
                self.tr(
                    "Then score by keyboard: 1 to 9 choose a level, J and K move between "
                    "criteria, C writes a comment, Ctrl+Enter submits."
                ),
            ]
        for text in lines:
            label = QLabel(text)
            label.setObjectName("empty-state")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            layout.addWidget(label)

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
            self._resuming = True  # the window shows the submission from its start
            try:
                self._nav.select(first[0].criterion.id, scroll=False)
            finally:
                self._resuming = False
        self._apply_mode()
        self._update_decision()

    def _build_criteria(self, review: ReviewSession, layout: QVBoxLayout) -> list[CriterionCard]:
        rubric = review.rubric
        cards: list[CriterionCard] = []
        count = len(rubric.criteria)
        lists = AnnotationLists(self._scroll)
        lists.chosen.connect(self._annotation_chosen)
        lists.edit_requested.connect(self.edit_annotation)
        lists.delete_requested.connect(self.delete_annotation)
        self._lists = lists
        for part in rubric.parts:
            layout.addWidget(_heading(part.title, self.font()))
            for criterion in part.criteria:
                card = CriterionCard(
                    criterion, rubric.comments.get(criterion.id, ()), len(cards) + 1, count
                )
                card.load_comment(review.comments.get(criterion.id, ""))
                group = lists.group_for(criterion.id, criterion.title)
                card.add_annotations(group)
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
        layout.addWidget(lists)
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

    def _criterion_changed(self, criterion_id: str) -> None:
        review = self._review
        if self._resuming or review is None:
            return
        self.criterion_changed.emit(review.rubric.criterion(criterion_id).part_id)

    def _show_resubmission(self, review: ReviewSession | None) -> None:
        """A resubmission says so at the top, with what the earner was told before."""
        found = None
        if review is not None:
            try:
                found = attempts.resubmission_of(review)
            except DatabaseUnavailable:  # a busy folder: the banner is a help, not the work
                found = None
        if found is None:
            self._resubmission.clear()
            return
        attempt = found.attempt
        if found.feedback:
            text = self.tr("Attempt {n}. Earlier feedback: {feedback}").format(
                n=attempt, feedback=attempts.shortened(found.feedback)
            )
        elif found.earlier:
            text = self.tr("Attempt {n}. The earlier attempts have no overall feedback.").format(
                n=attempt
            )
        else:
            text = self.tr("Attempt {n}. The earlier attempts are not in this data folder.").format(
                n=attempt
            )
        button = self._resubmission.button
        if button is not None:
            button.setVisible(bool(found.earlier))
        self._resubmission.show_text(text, QStyle.StandardPixmap.SP_MessageBoxInformation)

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
            with database_errors():
                save()
        except UserError as exc:
            self._save_failed = True
            self._footer.show_not_saved()
            self._report(self._plain(exc))
            return False if isinstance(exc, DatabaseUnavailable) else None
        if self._save_failed:
            self._save_failed = False
            self._footer.show_error("")
        if not self._saves.pending:
            self._footer.show_saved()
        self.saved.emit()
        return True

    def _plain(self, exc: UserError) -> str:
        if isinstance(exc, DatabaseUnavailable):
            return self.tr(
                "Could not save to the data folder ({detail}). What you typed is still "
                "here and will be saved again in a few seconds; check the disk."
            ).format(detail=exc.detail)
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
            with database_errors():
                review.reopen(reason)
        except UserError as exc:
            self._report(self._plain(exc))
            return
        self._footer.show_error("")
        self._result.clear()
        self._apply_mode()
        self._show_annotations()
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

    # Annotations -------------------------------------------------------------------------

    def annotation_lists(self) -> AnnotationLists | None:
        return self._lists

    def annotations(self) -> list[Annotation]:
        """The open review's annotations, as the lists show them."""
        return list(self._lists.annotations) if self._lists is not None else []

    def editable(self) -> bool:
        review = self._review
        return review is not None and review.submitted_at is None

    def new_annotation(self, anchor: object) -> None:
        """Asks for the comment, criterion and tag of an annotation at `anchor` (drawn
        or chosen on the evidence), then saves it."""
        notes_ = self._notes
        if not isinstance(anchor, Anchor) or notes_ is None:
            return
        if not self.editable():
            self._report(self.tr("This review is submitted: reopen it to annotate."))
            return

        def save(text: str, criterion: str | None, tag: str | None) -> str | None:
            step = AddStep(notes_, anchor, Content(text, criterion, tag))
            return self._push(step)

        self._open_editor(
            self.tr("New annotation"), self._place(anchor), self.current_criterion(), save
        )

    def edit_annotation(self, annotation_id: int) -> None:
        """The annotation's comment, criterion and tag in the form (read-only once the
        review is submitted)."""
        notes_ = self._notes
        lists = self._lists
        found = lists.annotation(annotation_id) if lists is not None else None
        if found is None or notes_ is None:
            return
        before = Content.of(found)

        def save(text: str, criterion: str | None, tag: str | None) -> str | None:
            after = Content(text, criterion, tag)
            if after == before:
                return None
            return self._push(EditStep(notes_, found.number, before, after))

        self._open_editor(
            self.tr("Annotation {number}").format(number=found.number),
            self._place(found.anchor),
            found.criterion,
            save,
            content=before,
        )

    def delete_annotation(self, annotation_id: int) -> None:
        """Deletes at once: Ctrl+Z brings it back under its number."""
        notes_ = self._notes
        lists = self._lists
        found = lists.annotation(annotation_id) if lists is not None else None
        if lists is None or found is None or notes_ is None or not self.editable():
            return
        here = [a.id for a in lists.annotations].index(annotation_id)
        if self._push(DeleteStep(notes_, found.number)) is None:
            # The selection moves on to a neighbour, in the list and on the evidence;
            # with none left, the focus goes back to the criterion.
            left = lists.annotations
            if left:
                self._focus_annotation(left[min(here, len(left) - 1)].id)
            elif self._nav.current is not None:
                self._nav.current.focus_levels()
            self._announce(
                self.tr("Annotation {number} deleted (Ctrl+Z brings it back).").format(
                    number=found.number
                )
            )

    def select_annotation(self, annotation_id: int) -> None:
        """A pin was clicked: its line is selected and scrolled into view."""
        if self._lists is not None:
            self._lists.select(annotation_id)

    def step_annotation(self, step: int) -> None:
        """To the next (1) or previous (-1) annotation: selected in its list, with the
        focus, and shown on the evidence."""
        lists = self._lists
        if lists is None:
            return
        target = lists.step(step)
        if target is None:
            self._footer.show_error(self.tr("This review has no annotations yet."))
            return
        self._focus_annotation(target)

    def undo_annotation(self) -> None:
        if not self._undo.canUndo():
            self._footer.show_error(self.tr("No annotation change to undo."))
            return
        self._footer.show_error("")
        text = self._undo.undoText()
        if self._step(self._undo.undo):
            self._announce(self.tr("Undone: {change}.").format(change=text))

    def redo_annotation(self) -> None:
        if not self._undo.canRedo():
            self._footer.show_error(self.tr("No annotation change to redo."))
            return
        self._footer.show_error("")
        text = self._undo.redoText()
        if self._step(self._undo.redo):
            self._announce(self.tr("Redone: {change}.").format(change=text))

    def _step(self, move: Callable[[], None]) -> bool:
        """Undoes or redoes one step; when it can no longer be done (the reason is said)
        the steps around it cannot be trusted either: the stack is emptied."""
        failed_before = self._steps_failed
        move()
        if self._steps_failed == failed_before:
            return True
        self._undo.clear()
        return False

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def _announce(self, text: str) -> None:
        """Said where a screen reader hears it, without being an error."""
        self.setAccessibleDescription(text)

    def _step_failed(self, message: str) -> None:
        self._steps_failed += 1
        self._report(message)

    def _focus_annotation(self, annotation_id: int) -> None:
        lists = self._lists
        if lists is None:
            return
        lists.select(annotation_id, focus=True)
        self.annotation_focused.emit(annotation_id)

    def _annotation_chosen(self, annotation_id: int) -> None:
        self.annotation_focused.emit(annotation_id)

    def _push(self, step: AddStep | EditStep | DeleteStep) -> str | None:
        """Makes the change and keeps it for undo; the reason when it was not saved."""
        problems: list[str] = []
        keep = step.notes.failed
        step.notes.failed = problems.append
        try:
            done = step.do_first()
        finally:
            step.notes.failed = keep
        if not done:
            message = problems[0] if problems else self.tr("The annotation was not saved.")
            self._report(message)
            return message
        self._undo.push(step)
        return None

    def _annotation_saved(self, number: int | None) -> None:
        self._footer.show_error("")
        self._footer.show_saved()
        self._show_annotations()
        lists = self._lists
        if number is not None and lists is not None:
            found = next((a for a in lists.annotations if a.number == number), None)
            if found is not None:
                lists.select(found.id)
                self.annotation_focused.emit(found.id)
        self.saved.emit()

    def annotations_loading(self) -> bool:
        """The open review's annotations are still being read (just after it opened)."""
        return self._annotation_reads.is_loading()

    def _load_annotations(self) -> None:
        """A review just opened: its annotations are read off the GUI thread (a
        submission with hundreds of them opens as quickly as one with none); until they
        arrive the lists and the pins show none, never the previous review's."""
        review = self._review
        self._annotation_reads.stop()
        self._fill_annotations(_NO_NOTES)
        if review is None:
            return
        folder, review_id, pk = review.folder, review.review_id, review.submission_pk
        self._annotation_reads.load(
            lambda: review_notes(folder, review_id, pk),
            self._fill_annotations,
            failed=self._report,
        )

    def _show_annotations(self) -> None:
        """Reads the review's annotations now and shows them: after a change, a submit
        or a reopen, what the reviewer did shows before the next key."""
        review = self._review
        self._annotation_reads.stop()  # a read started before this change is stale
        found = _NO_NOTES
        if review is not None:
            try:
                found = review_notes(review.folder, review.review_id, review.submission_pk)
            except DatabaseUnavailable as exc:  # a busy folder: say so, show none
                self._report(self._plain(exc))
        self._fill_annotations(found)

    def _fill_annotations(self, found: ReviewNotes) -> None:
        """Shows this reviewer's annotations in the lists and, through
        `annotations_changed`, on the evidence."""
        annotations = found.annotations
        self._item_labels, self._item_pages = found.labels, found.pages
        editable = self.editable()
        if self._lists is not None:
            self._lists.show_annotations(annotations, self._item_pages, editable)
        self.annotations_changed.emit(list(annotations), editable)

    def _place(self, anchor: Anchor) -> str:
        label = self._item_labels.get(anchor.item_id, "")
        if self._item_pages.get(anchor.item_id, 1) > 1:
            place = self.tr("{item}, page {page}").format(item=label, page=anchor.page)
        else:
            place = label
        if anchor.quote:
            quote = anchor.quote if len(anchor.quote) <= 80 else anchor.quote[:79] + "\u2026"
            place = self.tr("{place}: \u201c{quote}\u201d").format(place=place, quote=quote)
        return place

    def _open_editor(
        self,
        title: str,
        place: str,
        criterion: str | None,
        save: annotation_editor.Save,
        *,
        content: Content | None = None,
    ) -> None:
        review = self._review
        if review is None:
            return
        self._close_editor()
        rubric = review.rubric
        editor = AnnotationEditor(
            self,
            save,
            title=title,
            place=place,
            criteria=[(c.id, c.title) for c in rubric.criteria],
            banks=rubric.comments,
            criterion=criterion,
            text=content.text if content is not None else "",
            tag=content.tag if content is not None else None,
            editable=self.editable(),
        )
        editor.setWindowModality(Qt.WindowModality.WindowModal)
        editor.destroyed.connect(lambda: self._editor_gone(editor))
        editor.finished.connect(lambda _r: self._editor_closed(editor))
        self._editor = editor
        editor.open()

    def _editor_gone(self, editor: AnnotationEditor) -> None:
        if self._editor is editor:
            self._editor = None

    def _editor_closed(self, editor: AnnotationEditor) -> None:
        """Back where the reviewer was: the annotation's line, or the criterion."""
        if self._editor is not editor:
            return
        self._editor = None
        lists = self._lists
        current = lists.current if lists is not None else None
        if lists is not None and current is not None:
            lists.select(current, focus=True)
        elif self._nav.current is not None:
            self._nav.current.focus_levels()

    def _close_editor(self) -> None:
        editor, self._editor = self._editor, None
        if editor is not None:
            editor.reject()  # a form about a review no longer shown

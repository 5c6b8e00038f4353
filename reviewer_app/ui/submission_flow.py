"""Opening a submission in the window, and what is done to the open one: assigning it a
micro-credential, revealing its earner under blind review, the practice feedback.

Mixed into the main window. Every question and answer here is a window-modal dialog
opened, never run in a loop of its own: the next step goes on from its signal. The words
keep the window's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMainWindow, QMessageBox, QWidget

from reviewer_app.errors import UserError
from reviewer_app.ui.window_modal import tell

if TYPE_CHECKING:
    from PySide6.QtGui import QAction

    from reviewer_app.reviews.service import ReviewSession
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.ui.evidence.panel import EvidencePanel
    from reviewer_app.ui.queue_model import QueueModel
    from reviewer_app.ui.rubric import RubricPanel

translate = QCoreApplication.translate


class SubmissionFlow:
    """The window's open submission; needs what is declared below."""

    if TYPE_CHECKING:  # what the window provides
        folder: DataFolder
        reviewer: str
        blind: bool
        review: ReviewSession | None
        current_pk: int | None
        model: QueueModel
        evidence: EvidencePanel
        rubric: RubricPanel
        search: QLineEdit
        assign_action: QAction

        def _update_title(self, subject: str | None = None) -> None: ...
        def _update_counts(self) -> None: ...
        def _enter_rubric(self) -> None: ...
        def _reload_keeping_selection(self) -> None: ...

    def _main(self) -> QMainWindow:
        assert isinstance(self, QMainWindow)
        return self

    def open_submission(self, pk: int) -> None:
        from reviewer_app.reviews.queue import submission_view
        from reviewer_app.reviews.service import ReviewError, ReviewSession, SubmissionRef

        window = self._main()
        self.rubric.flush()  # saves anything still typed in the previous one
        focus_before = window.focusWidget()
        review: ReviewSession | None = None
        problem = None
        # One session reads the submission and this reviewer's review of it; both are
        # shown before the window paints, so that a key pressed at once never scores
        # the previous submission.
        with self.folder.read_sessions() as session:
            view = submission_view(session, pk, self.folder.store, blind=self.blind)
            if view is None:
                return
            self.current_pk = pk
            self.assign_action.setEnabled(view.credential_uri is None)
            self.evidence.set_submission(view)
            if not self.reviewer:  # nothing recorded under a name not confirmed
                window.statusBar().showMessage(
                    translate(
                        "MainWindow",
                        "Say who is reviewing before scoring (the status bar's button).",
                    ),
                    10_000,
                )
                self.review = None
                self.rubric.set_review(None)
                return
            try:
                ref = SubmissionRef(pk, view.stored_id, view.credential_uri)
                review = ReviewSession.open_in(session, self.folder, ref, self.reviewer)
            except ReviewError as e:
                problem = str(e)
        self.review = review
        if problem:
            window.statusBar().showMessage(problem, 10_000)
        if self.review is not None:
            self.evidence.set_part_titles({p.id: p.title for p in self.review.rubric.parts})
        self._open_at_search_hit(pk)
        # Opening writes nothing: the row stays as it is. A submission that cannot be
        # scored says why in the panel itself.
        self.rubric.set_review(self.review, unavailable=problem or "")
        self._update_title(
            view.submission_id if self.blind else f"{view.submission_id}, {view.earner}"
        )
        self._keep_keys_scoring(focus_before)

    def _keep_keys_scoring(self, before: QWidget | None) -> None:
        """After a submission opens, the next key scores it: if the focus was lost with
        the previous review's widgets, or Qt moved it into a text field (the search
        field), or the submission was opened from another window, it goes to the rubric."""
        from reviewer_app.ui.pane_focus import is_text_field

        if self.review is None:
            return
        window = self._main()
        focus = window.focusWidget()  # this window's, even while another window is active
        lost = focus is None or not focus.isVisible()
        typed_into = is_text_field(focus) and (focus is not before or not window.isActiveWindow())
        if lost or typed_into:
            self._enter_rubric()

    def _open_at_search_hit(self, pk: int) -> None:
        """A submission found by searching its evidence opens at the hit."""
        words = self.search.text().strip()
        if not words:
            return
        from reviewer_app.evidence.search import first_hit

        with self.folder.read_sessions() as session:
            hit = first_hit(session, pk, words)
        if hit is not None:
            self.evidence.show_item(hit[0], hit[1])

    def _on_review_saved(self) -> None:
        if self.current_pk is not None:
            self.model.refresh_row(self.current_pk)
        self._update_counts()

    def annotate(self) -> None:
        """Review > Annotate (A): starts an annotation from the keyboard on the evidence
        shown; the rubric asks for its comment once it is confirmed there."""
        review = self.review
        if review is None:
            said = translate("MainWindow", "Open a submission to annotate its evidence.")
        elif review.submitted_at is not None:
            said = translate("MainWindow", "This review is submitted: reopen it to annotate.")
        else:
            self.evidence.start_keyboard_annotation()
            return
        self._main().statusBar().showMessage(said, 8000)

    def assign_micro_credential(self) -> None:
        """Review > Assign a micro-credential…, then the submission opens again, now
        with its rubric."""
        from reviewer_app.ui.assign_dialog import assign_submission_dialog

        pk = self.current_pk
        if pk is None:
            return

        def reopen() -> None:
            self._reload_keeping_selection()
            self.open_submission(pk)

        assign_submission_dialog(
            self._main(), self.folder, self.reviewer, pk, reopen, blind=self.blind
        )

    def reveal_earner(self) -> None:
        """Review > Reveal the earner…: asks why (the reason goes into the audit trail),
        then shows who the earner is."""
        if self.review is None or not self.blind:
            return
        title = translate("MainWindow", "Reveal the earner")
        ask = QInputDialog(self._main())
        ask.setObjectName("reveal-reason")
        ask.setWindowTitle(title)
        ask.setLabelText(
            translate(
                "MainWindow",
                "Blind review hides who the earner is. Revealing it is recorded in the audit "
                "trail. Why do you need the earner's name?",
            )
        )
        ask.setWindowModality(Qt.WindowModality.WindowModal)
        ask.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        ask.textValueSelected.connect(self._reveal_for)
        self.reveal_dialog = ask
        ask.open()

    def _reveal_for(self, reason: str) -> None:
        from reviewer_app.reviews.blind import reveal_earner

        if self.review is None:
            return
        try:
            name, email = reveal_earner(
                self.folder, self.review.submission_id, self.reviewer, reason
            )
        except UserError as e:
            self._say(
                QMessageBox.Icon.Warning, translate("MainWindow", "Reveal the earner"), str(e)
            )
            return
        self._say(
            QMessageBox.Icon.Information,
            translate("MainWindow", "The earner"),
            f"{name}" + (f" <{email}>" if email else ""),
        )

    def _say(self, icon: QMessageBox.Icon, title: str, text: str) -> None:
        """A window-modal message, opened: nothing waits for its Ok."""
        self.reveal_answer = tell(self._main(), icon, title, text)
        self.reveal_answer.setObjectName("reveal-answer")

    def _show_practice_feedback(self) -> None:
        """After an assessor submits a practice anchor: the reference, at once."""
        if self.folder is None or self.current_pk is None:
            return
        from reviewer_app.calibration.sets import feedback_text, practice_feedback_for

        with self.folder.read_sessions() as session:
            feedback = practice_feedback_for(session, self.current_pk, self.reviewer)
        if feedback is None:
            return
        self.practice_box = QMessageBox(
            QMessageBox.Icon.Information,
            translate("MainWindow", "Practice: the reference scores"),
            translate(
                "MainWindow",
                "{submission} is a practice anchor. Here is how your review compares with "
                "the reference.",
            ).format(submission=feedback.submission_id),
            QMessageBox.StandardButton.Ok,
            self._main(),
        )
        self.practice_box.setInformativeText(feedback_text(feedback))
        self.practice_box.setAccessibleName(translate("MainWindow", "Practice feedback"))
        self.practice_box.setModal(False)
        self.practice_box.show()

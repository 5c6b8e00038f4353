"""The lead's adjudication screen: the submissions whose reviews disagree, their reviews
side by side, and the lead's final decision with a rationale and the earner's feedback.

The decision is one quick database write, so it runs on the GUI thread.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.reviews.moderation import ModerationError, adjudicate, waiting_submissions
from reviewer_app.reviews.side_by_side import side_by_side
from reviewer_app.ui.adjudication_rows import (
    Comparison,
    ReviewColumn,
    Waiting,
    compare,
    feedback_for,
    status_words,
    waiting,
)
from reviewer_app.ui.credentials.common import MessageStrip
from reviewer_app.ui.loading import Loader, loading_text
from reviewer_app.ui.window_size import fit_to_screen
from reviewer_app.vocabulary import Outcome

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

SUBMISSION_PK = Qt.ItemDataRole.UserRole
ANNOTATION_ID = Qt.ItemDataRole.UserRole + 1
# The choice that opens the feedback box (translated where it is shown).
OWN_FEEDBACK = cast(str, QT_TRANSLATE_NOOP("AdjudicationDialog", "Write my own"))


def _text_box(name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other field
    box.setFixedHeight(box.fontMetrics().lineSpacing() * (lines + 1))
    return box


class AdjudicationDialog(QDialog):
    """Non-modal: the lead reads the evidence in the main window beside it."""

    # The submission id whose decision was recorded.
    decided = Signal(str)

    def __init__(
        self,
        folder: DataFolder,
        lead: str,
        parent: QWidget | None = None,
        open_evidence: Callable[[int], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.folder = folder
        self.lead = lead
        self.open_evidence = open_evidence
        self.rows: list[Waiting] = []
        self.comparison = Comparison((), ())
        self.setWindowTitle(self.tr("Adjudicate"))

        intro = QLabel(
            self.tr(
                "These submissions have the reviews they need, but the reviews disagree. "
                "Read them, then record the decision that stands. You are deciding as {lead}."
            ).format(lead=lead)
        )
        intro.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setAccessibleName(self.tr("Submissions needing adjudication"))
        self.list.setAccessibleDescription(
            self.tr(
                "Submission, micro-credential and why it needs a lead; Up and Down choose "
                "the one shown beside the list"
            )
        )
        self.list.setColumnCount(3)
        self.list.setHeaderLabels(
            [self.tr("Submission"), self.tr("Micro-credential"), self.tr("Why")]
        )
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setWordWrap(True)
        self.list.header().setStretchLastSection(True)
        self.empty = QLabel(self.tr("No submission is waiting for a lead."))
        self.empty.setWordWrap(True)
        self.empty.hide()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        list_label = QLabel(self.tr("&Waiting for a lead:"))
        list_label.setBuddy(self.list)
        left_layout.addWidget(list_label)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)

        self.detail = QWidget()
        self._build_detail()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([380, 880])

        self.message = MessageStrip(self.tr("About the adjudication"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close"))
        close.setToolTip(self.tr("Closes this window (Esc); a decision not recorded is not kept"))
        close.setAutoDefault(False)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.list.currentItemChanged.connect(lambda *_: self._show_selected())
        fit_to_screen(self, 1280, 820)
        self.loader = Loader(self)
        self.loader.waiting.connect(self._show_loading)
        self.detail.setEnabled(False)  # until the list has arrived
        self.reload()

    def _build_detail(self) -> None:
        self.heading = QLabel()
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setAccessibleName(self.tr("Submission being adjudicated"))
        self.reasons = QLabel()
        self.reasons.setWordWrap(True)
        self.reasons.setTextFormat(Qt.TextFormat.PlainText)
        self.reasons.setAccessibleName(self.tr("Why it needs a lead"))
        self.evidence_button = QPushButton(self.tr("&Open the evidence"))
        self.evidence_button.setAccessibleName(self.tr("Open the evidence in the main window"))
        self.evidence_button.setToolTip(
            self.tr("Shows this submission's evidence in the main window, beside this one")
        )
        self.evidence_button.setAutoDefault(False)
        self.evidence_button.clicked.connect(self.show_evidence)
        self.evidence_button.setVisible(self.open_evidence is not None)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.evidence_button)

        self.table = QTableWidget()
        self.table.setAccessibleName(self.tr("Levels chosen by each reviewer"))
        self.table.setAccessibleDescription(
            self.tr(
                "One criterion a row, then the decisions: a column for each reviewer's level "
                "and one for agreement"
            )
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        # One line a criterion, cut short with its whole name in the tooltip: every row
        # in view at once, however wide the column is when the reviews arrive.
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        table_label = QLabel(self.tr("&Levels side by side:"))
        table_label.setBuddy(self.table)

        # One read-only box per reviewer, side by side, made for each submission, with
        # the reviewer's annotations under it (tick those the earner receives).
        self.reviews_row = QHBoxLayout()
        self.review_columns: list[QWidget] = []
        self.review_boxes: list[QPlainTextEdit] = []
        self.annotation_lists: list[QTreeWidget] = []

        self.pass_button = QRadioButton(self.tr("&Pass"))
        self.pass_button.setAccessibleName(self.tr("Decision: Pass"))
        self.pass_button.setToolTip(
            self.tr("The submission meets the micro-credential; its credential can be exported")
        )
        self.not_yet_button = QRadioButton(self.tr("&Not Yet"))
        self.not_yet_button.setAccessibleName(self.tr("Decision: Not Yet"))
        self.not_yet_button.setToolTip(
            self.tr("The submission does not meet it yet; the earner may submit again")
        )
        self.outcome = QButtonGroup(self)
        self.outcome.addButton(self.pass_button)
        self.outcome.addButton(self.not_yet_button)
        outcome_row = QHBoxLayout()
        outcome_row.addWidget(self.pass_button)
        outcome_row.addWidget(self.not_yet_button)
        outcome_row.addStretch(1)
        self.rationale = _text_box(self.tr("Rationale (required)"), 3)
        self.rationale.setPlaceholderText(
            self.tr("Why this decision: it is kept with the decision.")
        )
        self.rationale.setAccessibleDescription(
            self.tr("Why this decision stands; required, and kept with the decision")
        )
        self.feedback_choice = QComboBox()
        self.feedback_choice.setAccessibleName(self.tr("Feedback the earner receives"))
        self.feedback_choice.setToolTip(
            self.tr(
                "Whose overall feedback the earner reads, or “{option}” to write it below"
            ).format(option=self.tr(OWN_FEEDBACK))
        )
        self.own_feedback = _text_box(self.tr("Your feedback to the earner"), 3)
        self.own_feedback.setAccessibleDescription(
            self.tr(
                "What the earner reads instead of a reviewer's feedback, when “{option}” is chosen"
            ).format(option=self.tr(OWN_FEEDBACK))
        )
        self.own_feedback.setPlaceholderText(
            self.tr("Choose “{option}” above to write it here.").format(
                option=self.tr(OWN_FEEDBACK)
            )
        )
        self.feedback_choice.currentIndexChanged.connect(lambda _i: self._update_own_feedback())
        # Until the lead picks whose feedback by hand, it follows the decision they choose.
        self._feedback_picked = False
        self.feedback_choice.activated.connect(self._on_feedback_picked)
        self.record_button = QPushButton(self.tr("&Record decision"))
        self.record_button.setAccessibleName(self.tr("Record the decision"))
        self.record_button.setToolTip(
            self.tr(
                "Records the decision that stands, with your rationale; the submission then "
                "leaves the list"
            )
        )
        self.record_button.setDefault(True)
        self.record_button.clicked.connect(self.record)
        # A refusal is answered by changing the form: the error then goes.
        self.rationale.textChanged.connect(self._clear_error)
        self.own_feedback.textChanged.connect(self._clear_error)
        self.outcome.buttonToggled.connect(lambda *_: self._clear_error())
        self.outcome.buttonToggled.connect(self._on_outcome_toggled)

        form = QFormLayout()
        outcome_label = QLabel(self.tr("Decision:"))
        form.addRow(outcome_label, outcome_row)
        form.addRow(self.tr("R&ationale:"), self.rationale)
        form.addRow(self.tr("&Feedback from:"), self.feedback_choice)
        form.addRow(self.tr("&Your words:"), self.own_feedback)
        record_row = QHBoxLayout()
        record_row.addStretch(1)
        record_row.addWidget(self.record_button)
        form.addRow(record_row)
        decision_box = QGroupBox(self.tr("Your decision"))
        decision_box.setLayout(form)

        layout = QVBoxLayout(self.detail)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.reasons)
        layout.addWidget(table_label)
        layout.addWidget(self.table, 3)
        reviews_label = QLabel(
            self.tr(
                "Each review's decision, comments and overall feedback; tick the annotations "
                "the earner receives:"
            )
        )
        reviews_label.setWordWrap(True)
        layout.addWidget(reviews_label)
        layout.addLayout(self.reviews_row, 3)
        layout.addWidget(decision_box)

    # The list -------------------------------------------------------------------------------

    def is_loading(self) -> bool:
        return self.loader.is_loading()

    def reload(self, select: int | None = None, then: Callable[[], None] | None = None) -> None:
        """Reads the submissions waiting for a lead, and the reviews of the one to show,
        off the GUI thread; then shows them and calls `then`. (Choosing another row
        reads its reviews at once, on the GUI thread: a decision recorded right after
        the click must be about the submission shown, never the one before.)"""
        keep = select if select is not None else self.selected_pk()
        folder = self.folder

        def read() -> tuple[list[Waiting], tuple[int, Comparison] | None]:
            with folder.read_sessions() as session:
                rows = waiting(waiting_submissions(session))
                shown = next((r.pk for r in rows if r.pk == keep), rows[0].pk if rows else None)
                if shown is None:
                    return rows, None
                return rows, (shown, compare(side_by_side(session, shown)))

        def show(found: tuple[list[Waiting], tuple[int, Comparison] | None]) -> None:
            self._show_rows(keep, *found)
            if then is not None:
                then()

        self.loader.load(read, show)

    def _show_loading(self, loading: bool) -> None:
        if loading:
            self.empty.setText(loading_text())
            self.empty.show()

    def _show_rows(
        self, keep: int | None, rows: list[Waiting], compared: tuple[int, Comparison] | None
    ) -> None:
        self.rows = rows
        self.empty.setText(self.tr("No submission is waiting for a lead."))
        self.list.blockSignals(True)
        self.list.clear()
        for row in self.rows:
            item = QTreeWidgetItem([row.submission_id, row.credential, row.reasons_text()])
            item.setData(0, SUBMISSION_PK, row.pk)
            item.setToolTip(2, row.reasons_text())
            self.list.addTopLevelItem(item)
        index = next((n for n, r in enumerate(self.rows) if r.pk == keep), 0)
        current = self.list.topLevelItem(index)
        if current is not None:
            self.list.setCurrentItem(current)
        self.list.blockSignals(False)
        self.list.resizeColumnToContents(0)
        self.list.setColumnWidth(1, 160)
        empty = not self.rows
        self.empty.setVisible(empty)
        self.detail.setEnabled(not empty)
        self._show_selected(compared)

    def selected_pk(self) -> int | None:
        item = self.list.currentItem()
        if item is None:
            return None
        value = item.data(0, SUBMISSION_PK)
        return int(value) if value is not None else None

    def selected(self) -> Waiting | None:
        pk = self.selected_pk()
        return next((r for r in self.rows if r.pk == pk), None)

    # The selected submission ----------------------------------------------------------------

    def _show_selected(self, compared: tuple[int, Comparison] | None = None) -> None:
        row = self.selected()
        if row is None:
            self.comparison = Comparison((), ())
            self.heading.setText(self.tr("Nothing selected"))
            self.reasons.clear()
        else:
            if compared is not None and compared[0] == row.pk:
                self.comparison = compared[1]  # read with the list
            else:
                with self.folder.read_sessions() as session:
                    self.comparison = compare(side_by_side(session, row.pk))
            self.heading.setText(f"{row.submission_id}, {row.credential}")
            self.reasons.setText(row.reasons_text())
        self.message.clear()
        self._fill_table()
        self._fill_reviews()
        self._reset_decision()

    def _fill_table(self) -> None:
        reviews, rows = self.comparison.reviews, self.comparison.rows
        names = [r.reviewer for r in reviews]
        self.table.clear()
        self.table.setColumnCount(len(names) + 2)
        self.table.setHorizontalHeaderLabels([self.tr("Criterion"), *names, self.tr("Agreement")])
        self.table.setRowCount(len(rows) + (1 if reviews else 0))
        not_scored = self.tr("not scored")
        for n, row in enumerate(rows):
            cells = [row.title, *(label or not_scored for label in row.levels), row.agreement]
            for column, text in enumerate(cells):
                self.table.setItem(n, column, self._cell(text, bold=row.differs))
        if reviews:
            # The decisions last, marked the same way as the criteria.
            decisions = [r.decision for r in reviews]
            same = len(set(decisions)) == 1
            agreement = self.tr("Same decision") if same else self.tr("Decisions differ")
            cells = [self.tr("Decision"), *decisions, agreement]
            for column, text in enumerate(cells):
                self.table.setItem(len(rows), column, self._cell(text, bold=not same))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, self.table.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.table.resizeRowsToContents()

    def _cell(self, text: str, *, bold: bool) -> QTableWidgetItem:
        # Bold only repeats what the Agreement column says in words.
        item = QTableWidgetItem(text)
        item.setToolTip(text)
        if bold:
            font = item.font()
            font.setBold(True)
            item.setFont(font)
        return item

    def _fill_reviews(self) -> None:
        for column in self.review_columns:
            self.reviews_row.removeWidget(column)
            column.hide()  # until it is deleted, it would still be drawn where it was
            column.deleteLater()
        self.review_columns, self.review_boxes, self.annotation_lists = [], [], []
        for review in self.comparison.reviews:
            lines = [f"{review.reviewer}: {review.decision}", "", self.tr("Overall feedback:")]
            lines.append(review.feedback or self.tr("(none written)"))
            lines += ["", self.tr("Comments:")]
            lines += [f"{title}: {text}" for title, text in review.comments] or [self.tr("(none)")]
            box = QPlainTextEdit("\n".join(lines))
            box.setReadOnly(True)
            box.setTabChangesFocus(True)
            box.setAccessibleName(self.tr("Review by {reviewer}").format(reviewer=review.reviewer))
            box.setAccessibleDescription(
                self.tr("{reviewer}'s decision, overall feedback and comments; read-only").format(
                    reviewer=review.reviewer
                )
            )
            box.setMinimumHeight(box.fontMetrics().lineSpacing() * 5)
            notes = self._annotation_list(review)
            column = QWidget()
            column_layout = QVBoxLayout(column)
            column_layout.setContentsMargins(0, 0, 0, 0)
            column_layout.addWidget(box, 3)
            column_layout.addWidget(notes, 2)
            if not review.annotations:  # a line that says so, not an empty table
                notes.hide()
                none = QLabel(self.tr("No annotations."))
                none.setAccessibleName(
                    self.tr("{reviewer} made no annotations").format(reviewer=review.reviewer)
                )
                column_layout.addWidget(none)
            self.reviews_row.addWidget(column, 1)
            self.review_columns.append(column)
            self.review_boxes.append(box)
            self.annotation_lists.append(notes)
        # Boxes made now would come last in the Tab order: put them after the table.
        pairs = zip(self.review_boxes, self.annotation_lists, strict=True)
        made: list[QWidget] = [w for pair in pairs for w in pair]
        chain: list[QWidget] = [self.table, *made, self.pass_button]
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)

    def _annotation_list(self, review: ReviewColumn) -> QTreeWidget:
        """The reviewer's annotations: number, place, criterion and comment, each with a
        box to tick to carry it into the earner's feedback."""
        notes = QTreeWidget()
        notes.setAccessibleName(
            self.tr("Annotations by {reviewer}").format(reviewer=review.reviewer)
        )
        notes.setAccessibleDescription(
            self.tr(
                "Space ticks the annotation selected: the earner receives those ticked, or, "
                "with none ticked, those of the review whose feedback they get"
            )
        )
        notes.setToolTip(
            self.tr(
                "Tick the annotations the earner receives; with none ticked, the earner "
                "receives those of the review whose feedback they get"
            )
        )
        notes.setRootIsDecorated(False)
        notes.setAlternatingRowColors(True)
        notes.setColumnCount(4)
        notes.setHeaderLabels(
            [self.tr("No."), self.tr("Place"), self.tr("Criterion"), self.tr("Comment")]
        )
        for note in review.annotations:
            item = QTreeWidgetItem([str(note.number), note.place, note.criterion, note.comment])
            item.setData(0, ANNOTATION_ID, note.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setToolTip(3, note.comment)
            notes.addTopLevelItem(item)
        for column in range(3):
            notes.resizeColumnToContents(column)
        notes.itemChanged.connect(lambda *_: self._clear_error())
        return notes

    def chosen_annotations(self) -> list[int] | None:
        """The ids of the annotations ticked, or None when none is."""
        chosen = []
        for notes in self.annotation_lists:
            for row in range(notes.topLevelItemCount()):
                item = notes.topLevelItem(row)
                if item is not None and item.checkState(0) == Qt.CheckState.Checked:
                    chosen.append(int(item.data(0, ANNOTATION_ID)))
        return chosen or None

    def _reset_decision(self) -> None:
        # Nothing carries over from another submission: the lead chooses afresh.
        self.outcome.setExclusive(False)
        self.pass_button.setChecked(False)
        self.not_yet_button.setChecked(False)
        self.outcome.setExclusive(True)
        self.rationale.clear()
        self.own_feedback.clear()
        self.feedback_choice.clear()
        for review in self.comparison.reviews:
            words = (
                self.tr("{reviewer}'s feedback")
                if review.feedback
                else self.tr("{reviewer}'s feedback (none written)")
            )
            self.feedback_choice.addItem(words.format(reviewer=review.reviewer), review.reviewer)
        self.feedback_choice.addItem(self.tr(OWN_FEEDBACK), None)
        self._feedback_picked = False
        self._update_own_feedback()

    def _on_feedback_picked(self, _index: int) -> None:
        self._feedback_picked = True

    def _on_outcome_toggled(self, button: QAbstractButton, checked: bool) -> None:
        if not checked or self._feedback_picked:
            return
        outcome = Outcome.PASS if button is self.pass_button else Outcome.NOT_YET
        self.feedback_choice.setCurrentIndex(
            self.feedback_choice.findData(feedback_for(self.comparison.reviews, outcome))
        )

    def _update_own_feedback(self) -> None:
        own = self.feedback_choice.currentText() == self.tr(OWN_FEEDBACK)
        self.own_feedback.setEnabled(own)

    def show_evidence(self) -> None:
        row = self.selected()
        if row is None or self.open_evidence is None:
            return
        self.open_evidence(row.pk)
        self.message.note(
            self.tr("{submission} is open in the main window.").format(submission=row.submission_id)
        )

    # Deciding ---------------------------------------------------------------------------------

    def _clear_error(self) -> None:
        if self.message.kind == "error":
            self.message.clear()

    def _refuse(self, text: str, field: QWidget) -> None:
        self.message.error(text)
        field.setFocus()

    def record(self) -> None:
        row = self.selected()
        if row is None:
            return
        if self.pass_button.isChecked():
            outcome = Outcome.PASS
        elif self.not_yet_button.isChecked():
            outcome = Outcome.NOT_YET
        else:
            return self._refuse(self.tr("Choose Pass or Not Yet."), self.pass_button)
        feedback_from = self.feedback_choice.currentData()
        feedback = self.own_feedback.toPlainText() if feedback_from is None else None
        try:
            adjudicate(
                self.folder,
                row.submission_id,
                self.lead,
                outcome,
                self.rationale.toPlainText(),
                feedback_from=feedback_from,
                feedback=feedback,
                annotations=self.chosen_annotations(),
            )
        except ModerationError as e:
            text = str(e)  # the domain's words, shown as they are
            if "Say why" in text:
                field: QWidget = self.rationale
            elif "feedback" in text:
                field = self.own_feedback if feedback_from is None else self.feedback_choice
            else:
                field = self.record_button
            return self._refuse(self.tr("{error} Nothing was recorded.").format(error=text), field)
        if feedback_from:
            recorded = self.tr(
                "Recorded for {submission}: {decision}, with your rationale; "
                "the earner receives {reviewer}'s feedback."
            )
        else:
            recorded = self.tr(
                "Recorded for {submission}: {decision}, with your rationale; "
                "the earner receives your own feedback."
            )
        said = recorded.format(
            submission=row.submission_id,
            decision=status_words(outcome),
            reviewer=feedback_from,
        )
        self.reload(then=lambda: self.message.note(said))
        self.list.setFocus()
        self.decided.emit(row.submission_id)

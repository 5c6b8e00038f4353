"""The lead's adjudication screen in the real window, on a real data folder: two reviewers
disagree, the lead reads their reviews side by side and records the decision that
stands; someone who is not a lead is told so and nothing is recorded."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewer_app.reviews.moderation import set_required_reviews
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Decision, Review, Reviewer, Submission
from reviewer_app.ui.adjudication import OWN_FEEDBACK, AdjudicationDialog
from reviewer_app.ui.adjudication_rows import ReviewColumn, feedback_for
from reviewer_app.ui.main_window import MainWindow
from tests import craft
from tests.ui.a11y import unnamed_controls
from tests.ui.shots import loaded, save_shot

LEAD = "Lena Lead"


def score(folder: DataFolder, submission: str, reviewer: str, not_yet: int) -> None:
    """Proficient everywhere but the first `not_yet` criteria; submitted."""
    review = ReviewSession.open(folder, submission, reviewer)
    for n, criterion in enumerate(review.rubric.criteria):
        review.set_level(criterion.id, criterion.levels[0 if n < not_yet else -1].id)
    review.set_comment(review.rubric.criteria[0].id, f"{reviewer} on the families.")
    review.set_feedback(f"Feedback from {reviewer}.")
    review.submit()


@pytest.fixture
def disagreed(reviewed_folder: DataFolder) -> DataFolder:
    """FAP-1 and FAP-2 each reviewed twice, Pass against Not Yet; a lead to settle them."""
    set_required_reviews(reviewed_folder, craft.CREDENTIAL, 2, "lead")
    for submission in ("FAP-1", "FAP-2"):
        score(reviewed_folder, submission, "Ana Ruiz", 0)
        score(reviewed_folder, submission, "Ben Osei", 2)
    with reviewed_folder.sessions.begin() as session:
        session.add(Reviewer(name=LEAD, role="lead"))
    return reviewed_folder


def open_window(folder: DataFolder, who: str, qtbot: QtBot, tmp_path: Path) -> MainWindow:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, who, settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def window(disagreed: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = open_window(disagreed, LEAD, qtbot, tmp_path)
    yield win
    win.close()


def open_dialog(window: MainWindow, qtbot: QtBot) -> AdjudicationDialog:
    review_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text() == "&Review" and a.menu()
    )
    assert window.adjudicate_action in review_menu.actions()  # type: ignore[union-attr]
    window.adjudicate_action.trigger()
    dialog = window.adjudication_dialog
    assert isinstance(dialog, AdjudicationDialog)
    qtbot.waitExposed(dialog)
    loaded(dialog)
    assert not dialog.isModal()
    return dialog


def table_rows(dialog: AdjudicationDialog) -> list[list[str]]:
    table = dialog.table
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]  # type: ignore[union-attr]
        for r in range(table.rowCount())
    ]


def queue_status(window: MainWindow, submission_id: str) -> str:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data() == submission_id:
            return str(window.model.index(row, 4).data())
    raise AssertionError(submission_id)


# Asking for the open dialog again raises it, which the offscreen platform only notes.
@pytest.mark.qt_log_ignore("does not support raise")
def test_a_lead_reads_the_reviews_side_by_side_and_decides(
    window: MainWindow, qtbot: QtBot
) -> None:
    assert window.adjudicate_action.shortcut() == QKeySequence("Ctrl+Shift+A")
    assert queue_status(window, "FAP-1") == "Needs adjudication"
    dialog = open_dialog(window, qtbot)
    window.adjudicate_action.trigger()
    assert window.adjudication_dialog is dialog  # asked again: the same one, raised

    assert [r.submission_id for r in dialog.rows] == ["FAP-1", "FAP-2"]
    first = dialog.list.topLevelItem(0)
    assert first is not None and "decisions differ" in first.text(2)
    assert "Ana Ruiz Pass, Ben Osei Not Yet" in first.text(2)
    assert dialog.heading.text().startswith("FAP-1, ")

    headers = [
        dialog.table.horizontalHeaderItem(c).text()  # type: ignore[union-attr]
        for c in range(dialog.table.columnCount())
    ]
    assert headers == ["Criterion", "Ana Ruiz", "Ben Osei", "Agreement"]
    rows = table_rows(dialog)
    assert len(rows) == 10  # nine criteria and the decisions
    assert rows[0] == [
        "Families and home languages",
        "Proficient",
        "Not Yet",
        "Differs by one step",
    ]
    assert rows[1][3] == "Differs by one step"
    assert rows[2][1:] == ["Proficient", "Proficient", "Same level"]
    assert rows[-1] == ["Decision", "Pass", "Not Yet", "Decisions differ"]
    boxes = [box.toPlainText() for box in dialog.review_boxes]
    assert "Feedback from Ana Ruiz." in boxes[0] and "Ana Ruiz on the families." in boxes[0]
    assert boxes[1].startswith("Ben Osei: Not Yet")
    assert unnamed_controls(dialog) == []

    # The evidence opens in the main window, beside the dialog.
    dialog.evidence_button.click()
    assert window.current_pk == dialog.selected_pk()
    assert "open in the main window" in dialog.message.text()

    # Refused: no decision chosen, then no rationale. Nothing recorded.
    dialog.record_button.click()
    assert dialog.message.kind == "error" and "Choose Pass or Not Yet" in dialog.message.text()
    dialog.pass_button.setChecked(True)
    dialog.rationale.setPlainText("   ")
    dialog.record_button.click()
    assert "Say why" in dialog.message.text() and "Nothing was recorded" in dialog.message.text()
    assert dialog.focusWidget() is dialog.rationale
    assert len(dialog.rows) == 2

    # "Write my own" is the only choice that opens the feedback box.
    assert not dialog.own_feedback.isEnabled()
    dialog.feedback_choice.setCurrentIndex(dialog.feedback_choice.findText(OWN_FEEDBACK))
    assert dialog.own_feedback.isEnabled()
    dialog.feedback_choice.setCurrentIndex(dialog.feedback_choice.findData("Ben Osei"))
    assert not dialog.own_feedback.isEnabled()
    dialog.rationale.setPlainText("The plan names every family and how each one answers.")
    qtbot.wait(200)  # the message strip just hidden gives its room back, in the event loop
    save_shot(dialog, "adjudication")

    with qtbot.waitSignal(dialog.decided) as decided:
        dialog.record_button.click()
    assert decided.args == ["FAP-1"]
    loaded(dialog)
    loaded(window)  # the queue, read again
    assert dialog.message.kind == "note"
    assert dialog.message.text() == (
        "Recorded for FAP-1: Pass, with your rationale; the earner receives Ben Osei's feedback."
    )
    assert [r.submission_id for r in dialog.rows] == ["FAP-2"]
    with window.folder.sessions() as session:
        submission = session.scalars(
            select(Submission).where(Submission.submission_id == "FAP-1")
        ).one()
        decision = session.scalars(
            select(Decision).where(Decision.submission_id == submission.id)
        ).one()
        lead = session.scalars(select(Reviewer).where(Reviewer.name == LEAD)).one()
        ben = session.scalars(
            select(Review)
            .join(Reviewer, Reviewer.id == Review.reviewer_id)
            .where(Review.submission_id == submission.id, Reviewer.name == "Ben Osei")
        ).one()
        assert (submission.status, decision.outcome) == ("pass", "pass")
        assert decision.decided_by == lead.id
        assert decision.rationale == "The plan names every family and how each one answers."
        assert decision.feedback_review_id == ben.id and decision.feedback is None
    assert queue_status(window, "FAP-1") == "Pass"  # the queue was refreshed

    # The next one: Not Yet, in the lead's own words; then nothing is left.
    assert dialog.heading.text().startswith("FAP-2, ")
    assert not dialog.pass_button.isChecked() and dialog.rationale.toPlainText() == ""
    dialog.not_yet_button.setChecked(True)
    dialog.rationale.setPlainText("The contact log is missing.")
    dialog.feedback_choice.setCurrentIndex(dialog.feedback_choice.findText(OWN_FEEDBACK))
    dialog.record_button.click()
    assert "Choose whose feedback" in dialog.message.text()
    assert dialog.focusWidget() is dialog.own_feedback
    dialog.own_feedback.setPlainText("Add the family contact log and send it again.")
    dialog.record_button.click()
    loaded(dialog)
    loaded(window)
    assert "Not Yet" in dialog.message.text() and "your own feedback" in dialog.message.text()
    assert dialog.rows == [] and dialog.empty.isVisible() and not dialog.detail.isEnabled()
    assert queue_status(window, "FAP-2") == "Not Yet"
    with window.folder.sessions() as session:
        feedback = session.scalar(
            select(Decision.feedback)
            .join(Submission, Submission.id == Decision.submission_id)
            .where(Submission.submission_id == "FAP-2")
        )
    assert feedback == "Add the family contact log and send it again."
    dialog.close()


def test_someone_who_is_not_a_lead_cannot_adjudicate(
    disagreed: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    win = open_window(disagreed, "Ana Ruiz", qtbot, tmp_path)
    dialog = open_dialog(win, qtbot)
    dialog.pass_button.setChecked(True)
    dialog.rationale.setPlainText("I am sure.")
    dialog.record_button.click()
    assert dialog.message.kind == "error"
    assert dialog.message.text() == (
        "Ana Ruiz is not a lead here; only leads adjudicate. Nothing was recorded."
    )
    assert len(dialog.rows) == 2
    with disagreed.sessions() as session:
        assert session.scalar(select(Decision.id)) is None
    dialog.close()
    win.close()


def test_feedback_from_follows_the_leads_decision(window: MainWindow, qtbot: QtBot) -> None:
    """Ana Ruiz passed FAP-1, Ben Osei did not: the earner's feedback defaults to that of
    a reviewer who reached the lead's decision, until the lead picks one by hand."""
    dialog = open_dialog(window, qtbot)
    choice = dialog.feedback_choice
    QTest.mouseClick(dialog.not_yet_button, Qt.MouseButton.LeftButton)
    assert dialog.not_yet_button.isChecked()
    assert choice.currentData() == "Ben Osei"
    QTest.mouseClick(dialog.pass_button, Qt.MouseButton.LeftButton)
    assert choice.currentData() == "Ana Ruiz"
    QTest.mouseClick(dialog.not_yet_button, Qt.MouseButton.LeftButton)
    assert choice.currentData() == "Ben Osei"

    # Chosen by hand, the choice stays whatever the decision.
    choice.setFocus()
    QTest.keyClick(choice, Qt.Key.Key_Up)  # the combo box's own keys choose Ana Ruiz
    assert choice.currentData() == "Ana Ruiz"
    QTest.mouseClick(dialog.pass_button, Qt.MouseButton.LeftButton)
    QTest.mouseClick(dialog.not_yet_button, Qt.MouseButton.LeftButton)
    assert choice.currentData() == "Ana Ruiz"
    dialog.close()


def test_with_no_reviewer_at_the_leads_decision_the_lead_writes_the_feedback() -> None:
    """A Not Yet over reviews that all passed (a rubric with several passing levels can
    send two passes to a lead) has no reviewer's feedback to stand on: the lead's own."""
    ana = ReviewColumn("Ana Ruiz", "Pass", "Well done.", (), "pass")
    ben = ReviewColumn("Ben Osei", "Pass", "", (), "pass")
    cy = ReviewColumn("Cy Park", "Not Yet", "", (), "not-yet")
    assert feedback_for([ana, ben], "not-yet") is None
    assert feedback_for([ben, ana], "pass") == "Ana Ruiz"  # one who wrote feedback first
    assert feedback_for([ana, cy], "not-yet") == "Cy Park"  # reached it, though silent

"""The adjudication screen shows each reviewer's annotations side by side, and the lead
ticks the ones the earner receives: the decision keeps them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewer_app.reviews import annotations as notes
from reviewer_app.reviews.annotations import Anchor
from reviewer_app.reviews.moderation import set_required_reviews
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.models import Decision, Reviewer, Submission
from reviewer_app.ui.main_window import MainWindow
from tests import craft
from tests.ui.test_adjudication_screen import LEAD, open_dialog, open_window


def annotated(folder: DataFolder, reviewer: str, not_yet: int, comments: list[str]) -> None:
    """FAP-1 scored by `reviewer` (Not Yet on the first `not_yet` criteria), with an
    annotation on the plan for each comment (the second tied to the first criterion),
    then submitted."""
    review = ReviewSession.open(folder, "FAP-1", reviewer)
    with folder.read_sessions() as session:
        pk = session.scalars(select(Submission.id).where(Submission.submission_id == "FAP-1")).one()
        plan = notes.find_item(session, pk, "plan.pdf").id
    first = review.rubric.criteria[0].id
    for n, text in enumerate(comments):
        review.annotate(
            Anchor(plan, n % 2 + 1, (10.0, 10.0 + 30 * n, 80.0, 20.0)),
            text,
            criterion=first if n == 1 else None,
        )
    for n, criterion in enumerate(review.rubric.criteria):
        review.set_level(criterion.id, criterion.levels[0 if n < not_yet else -1].id)
    review.set_feedback(f"Feedback from {reviewer}.")
    review.submit()


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    set_required_reviews(reviewed_folder, craft.CREDENTIAL, 2, "lead")
    annotated(reviewed_folder, "Ana Ruiz", 0, ["Ana: the schedule is clear.", "Ana: weekly."])
    annotated(reviewed_folder, "Ben Osei", 2, ["Ben: which languages?"])
    with reviewed_folder.sessions.begin() as session:
        session.add(Reviewer(name=LEAD, role="lead"))
    win = open_window(reviewed_folder, LEAD, qtbot, tmp_path)
    yield win
    win.close()


def rows(tree: object) -> list[list[str]]:
    from PySide6.QtWidgets import QTreeWidget

    assert isinstance(tree, QTreeWidget)
    out = []
    for r in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(r)
        assert item is not None
        out.append([item.text(c) for c in range(tree.columnCount())])
    return out


@pytest.mark.qt_log_ignore("does not support raise")
def test_the_lead_sees_both_reviewers_annotations_and_carries_one(
    window: MainWindow, qtbot: QtBot
) -> None:
    dialog = open_dialog(window, qtbot)
    assert dialog.heading.text().startswith("FAP-1, ")
    ana, ben = dialog.annotation_lists
    assert ana.accessibleName() == "Annotations by Ana Ruiz"
    assert rows(ana) == [
        ["1", "plan.pdf, page 1", "General", "Ana: the schedule is clear."],
        ["2", "plan.pdf, page 2", "Families and home languages", "Ana: weekly."],
    ]
    assert rows(ben) == [["1", "plan.pdf, page 1", "General", "Ben: which languages?"]]

    # The lead ticks Ben's annotation (a click on it, then Space), decides and records.
    item = ben.topLevelItem(0)
    assert item is not None
    number_cell = ben.visualRect(ben.model().index(0, 0))
    qtbot.mouseClick(ben.viewport(), Qt.MouseButton.LeftButton, pos=number_cell.center())
    qtbot.keyClick(ben, Qt.Key.Key_Space)
    assert item.checkState(0) == Qt.CheckState.Checked
    qtbot.mouseClick(dialog.not_yet_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.rationale.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.rationale, "The languages are missing.")
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    with window.folder.sessions() as session:
        pk = session.scalars(select(Submission.id).where(Submission.submission_id == "FAP-1")).one()
        decision = session.scalars(select(Decision).where(Decision.submission_id == pk)).one()
        [carried] = notes.for_letter(session, pk)
    assert decision.letter_annotations == [carried.id]
    assert (carried.reviewer, carried.text) == ("Ben Osei", "Ben: which languages?")

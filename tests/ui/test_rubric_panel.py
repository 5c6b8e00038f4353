"""The rubric panel driven as a reviewer drives it: keys, typing, a real database."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot
from sqlalchemy.exc import OperationalError

from reviewer_app.evidence.importer import Importer
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.rubric import RubricPanel
from reviewer_app.ui.rubric.criterion_card import CriterionCard
from tests import craft
from tests.ui.fixed import fix_clock
from tests.ui.shots import save_shot

REVIEWER = "Ana Ruiz"
FAP_CRITERIA = [
    "overview-families",
    "overview-goal",
    "overview-response",
    "artifacts-plan",
    "artifacts-contact-log",
    "artifacts-family-voice",
    "reflection-impact",
    "reflection-assumptions",
    "reflection-next-steps",
]
DIGITS = [getattr(Qt.Key, f"Key_{n}") for n in range(10)]


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[RubricPanel]:
    panel = RubricPanel()
    qtbot.addWidget(panel)
    panel.resize(520, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    yield panel
    panel.set_review(None)


def open_review(folder: DataFolder, submission: str = "FAP-1") -> ReviewSession:
    return ReviewSession.open(folder, submission, REVIEWER)


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key as the keyboard sends it: to whatever has focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert isinstance(target, QPlainTextEdit), target
    qtbot.keyClicks(target, text)


def card(panel: RubricPanel, criterion_id: str) -> CriterionCard:
    found = panel.findChild(CriterionCard, f"criterion-{criterion_id}")
    assert isinstance(found, CriterionCard)
    return found


def add_submission(folder: DataFolder, tmp_path: Path, submission_id: str, credential: str) -> None:
    bundle = craft.bundle_zip(
        tmp_path / f"{submission_id}.zip",
        {"plan.pdf": craft.text_pdf()},
        submission_id=submission_id,
        credential={"id": f"https://credentials.example.org/mc/{credential}", "name": credential},
    )
    assert len(Importer(folder).import_paths([bundle]).imported) == 1


def named(panel: QWidget, kind: type[QWidget], name: str) -> QWidget:
    """The one visible-or-not widget of `kind` whose accessible name is `name`."""
    found = [w for w in panel.findChildren(kind) if w.accessibleName() == name]
    assert len(found) == 1, (name, found)
    return found[0]


def label_text(panel: RubricPanel, name: str) -> str:
    widget = named(panel, QLabel, name)
    assert isinstance(widget, QLabel)
    return widget.text()


def focused_card(panel: RubricPanel) -> CriterionCard | None:
    focused = QApplication.focusWidget()
    for c in panel.findChildren(CriterionCard):
        if focused is not None and c.isAncestorOf(focused):
            return c
    return None


# The offscreen platform cannot raise a popup menu or grab the keyboard for it.
@pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing the keyboard")
def test_a_whole_review_scored_with_the_keyboard_only(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    review = open_review(reviewed_folder)
    panel.set_review(review)
    assert panel.current_criterion() == FAP_CRITERIA[0]
    assert "9 criteria not scored yet" in label_text(panel, "Decision if submitted now")
    panel.select_criterion(FAP_CRITERIA[0])  # the window hands the panel the focus
    assert focused_card(panel) is card(panel, FAP_CRITERIA[0])

    typed = "Say what families will do differently, not only what you will send."
    bank_sentence = review.rubric.comments["artifacts-plan"][0]
    for n, criterion_id in enumerate(FAP_CRITERIA[:-1]):
        assert panel.current_criterion() == criterion_id
        press(qtbot, DIGITS[1] if criterion_id == "overview-response" else DIGITS[2])
        if criterion_id == "overview-goal":  # a comment, typed
            press(qtbot, Qt.Key.Key_C)
            assert QApplication.focusWidget() is card(panel, criterion_id).comment_box
            type_text(qtbot, typed)
            press(qtbot, Qt.Key.Key_Escape)
            assert QApplication.focusWidget() in card(panel, criterion_id).level_buttons
        if criterion_id == "artifacts-plan":  # a comment from the bank, by keyboard
            press(qtbot, Qt.Key.Key_B)
            qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
            menu = QApplication.activePopupWidget()
            assert menu is not None
            qtbot.keyClick(menu, Qt.Key.Key_Return)
            # The offscreen platform does not hand activation back when a popup closes,
            # as a desktop does.
            qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None)
            panel.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
            box = card(panel, criterion_id).comment_box
            assert box.toPlainText() == bank_sentence
            assert QApplication.focusWidget() is box
            press(qtbot, Qt.Key.Key_Escape)
        if n % 2:
            press(qtbot, Qt.Key.Key_J)
        else:
            press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)

    states = {c: card(panel, c).state_text for c in FAP_CRITERIA}
    assert states["overview-families"] == "Proficient: meets the standard"
    assert states["overview-response"] == "Not Yet: below the passing level"
    assert states["reflection-next-steps"] == "Not scored"
    assert label_text(panel, "Decision if submitted now") == (
        "Decision if submitted now: none, 1 criterion not scored yet; "
        "1 criterion already below the passing level"
    )

    # Submitting with the last criterion unscored: refused, naming it, and there.
    assert panel.current_criterion() == "reflection-next-steps"
    panel.select_criterion("overview-families")
    with qtbot.waitSignal(panel.error) as refused:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert refused.args == ["Not submitted: 1 criterion is not scored yet: Next steps."]
    assert "Next steps" in label_text(panel, "Problem")
    assert panel.current_criterion() == "reflection-next-steps"
    assert focused_card(panel) is card(panel, "reflection-next-steps")
    assert "Next steps" in panel.accessibleDescription()

    press(qtbot, DIGITS[2])
    assert label_text(panel, "Decision if submitted now") == (
        "Decision if submitted now: Not Yet: 1 criterion below the passing level"
    )
    for _ in range(6):  # back up to overview-response, with K and Ctrl+Up
        press(qtbot, Qt.Key.Key_K)
    assert panel.current_criterion() == "overview-response"
    press(qtbot, DIGITS[2])
    assert label_text(panel, "Decision if submitted now") == "Decision if submitted now: Pass"
    assert label_text(panel, "Total points") == "Total 9 of 9"

    feedback = "A clear plan that families can answer. Thank you."
    press(qtbot, Qt.Key.Key_F)
    type_text(qtbot, feedback)
    # Saved within a second of the last key, with nobody leaving the box.
    qtbot.waitUntil(lambda: open_review(reviewed_folder).feedback == feedback, timeout=1000)
    assert label_text(panel, "Save status").startswith("Saved ")

    fresh = open_review(reviewed_folder)
    assert fresh.levels == {c: "proficient" for c in FAP_CRITERIA}
    assert fresh.comments == {"overview-goal": typed, "artifacts-plan": bank_sentence}
    assert fresh.feedback == feedback

    press(qtbot, Qt.Key.Key_Escape)  # out of the feedback, back to the criterion
    with qtbot.waitSignal(panel.submitted) as done:
        press(qtbot, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert done.args == ["pass"]
    assert open_review(reviewed_folder).decision == "pass"
    for c in panel.findChildren(CriterionCard):
        assert not any(b.isEnabled() for b in c.level_buttons)
        assert c.comment_box.isReadOnly()
    assert not named(panel, QPushButton, "Submit review").isVisible()
    reopen = named(panel, QPushButton, "Reopen review")
    assert reopen.isVisible()
    press(qtbot, DIGITS[1])  # read-only: the key does nothing
    assert review.levels["overview-response"] == "proficient"

    # Reopen, by keyboard too: the button has focus; the dialog asks why.
    assert QApplication.focusWidget() is reopen
    press(qtbot, Qt.Key.Key_Space)
    dialog = panel.findChild(QInputDialog, "reopen-dialog")
    assert isinstance(dialog, QInputDialog)
    qtbot.waitUntil(dialog.isVisible)
    qtbot.keyClicks(dialog.findChild(QLineEdit), "Second look at the contact log")
    qtbot.keyClick(dialog.findChild(QLineEdit), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.submitted_at is None)
    assert open_review(reviewed_folder).submitted_at is None
    assert all(b.isEnabled() for b in card(panel, "overview-goal").level_buttons)
    assert not card(panel, "overview-goal").comment_box.isReadOnly()
    assert named(panel, QPushButton, "Submit review").isVisible()


def test_a_comment_typed_just_before_the_review_closes_is_saved(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    panel.set_review(open_review(reviewed_folder))
    panel.select_criterion("artifacts-contact-log")
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "Add the families' replies.")
    panel.set_review(None)  # at once: long before the pause in typing would save it
    assert open_review(reviewed_folder).comments == {
        "artifacts-contact-log": "Add the families' replies."
    }


def test_ctrl_down_in_a_comment_box_saves_and_goes_to_the_next_comment(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    panel.set_review(open_review(reviewed_folder))
    panel.select_criterion("overview-families")
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "First.")
    press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert panel.current_criterion() == "overview-goal"
    assert QApplication.focusWidget() is card(panel, "overview-goal").comment_box
    type_text(qtbot, "Second.")
    press(qtbot, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is card(panel, "overview-families").comment_box
    assert open_review(reviewed_folder).comments == {
        "overview-families": "First.",
        "overview-goal": "Second.",
    }
    # Digits and letters typed in a comment box are text, not commands.
    type_text(qtbot, " 1 2 j k c")
    assert "overview-families" not in open_review(reviewed_folder).levels
    assert card(panel, "overview-families").comment_box.toPlainText() == "First. 1 2 j k c"


def test_another_review_shows_its_own_scores(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    first = open_review(reviewed_folder)
    panel.set_review(first)
    panel.select_criterion("overview-goal")
    press(qtbot, DIGITS[1])
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "For FAP-1 only.")
    panel.set_review(open_review(reviewed_folder, "FAP-2"))
    assert panel.current_criterion() == "overview-families"
    assert all(card(panel, c).state_text == "Not scored" for c in FAP_CRITERIA)
    assert card(panel, "overview-goal").comment_box.toPlainText() == ""
    assert open_review(reviewed_folder, "FAP-2").comments == {}
    assert open_review(reviewed_folder).comments == {"overview-goal": "For FAP-1 only."}
    panel.set_review(open_review(reviewed_folder))  # back: where the work was left
    assert panel.current_criterion() == "overview-families"
    assert card(panel, "overview-goal").state_text == "Not Yet: below the passing level"
    assert card(panel, "overview-goal").comment_box.toPlainText() == "For FAP-1 only."


def test_a_criterion_with_its_own_scale_and_points(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    add_submission(reviewed_folder, tmp_path, "GC-1", "global-classroom-1")
    panel.set_review(open_review(reviewed_folder, "GC-1"))
    assert [a.text() for a in panel.actions()][:4] == [
        "Choose level 1 (the lowest) for the current criterion",
        "Choose level 2 for the current criterion",
        "Choose level 3 for the current criterion",
        "Clear the current criterion's level",
    ]
    panel.select_criterion("reflection-practice")
    press(qtbot, DIGITS[3])
    assert card(panel, "reflection-practice").state_text == "Exemplary: meets the standard"
    assert card(panel, "reflection-practice").descriptor_labels["exemplary"].chosen
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, DIGITS[3])  # this criterion has two levels: nothing chosen, and said why
    assert card(panel, "reflection-action").state_text == "Not scored"
    assert label_text(panel, "Problem") == "Action and next steps has 2 levels: press 1 to 2."
    press(qtbot, Qt.Key.Key_Delete)
    panel.select_criterion("reflection-practice")
    press(qtbot, Qt.Key.Key_Delete)
    assert card(panel, "reflection-practice").state_text == "Not scored"
    assert open_review(reviewed_folder, "GC-1").levels == {}

    add_submission(reviewed_folder, tmp_path, "CP-1", "cultural-proficiency-1")
    cultural = open_review(reviewed_folder, "CP-1")
    panel.set_review(cultural)
    assert len(panel.actions()) == 4 + 9 + 4  # levels, other rubric keys, annotation keys
    panel.select_criterion(cultural.rubric.criteria[0].id)
    for _ in cultural.rubric.criteria:
        press(qtbot, DIGITS[3])
        press(qtbot, Qt.Key.Key_N)  # the next criterion not scored yet
    assert label_text(panel, "Total points") == "Total 27 of 36 (pass needs 25)"
    assert label_text(panel, "Decision if submitted now") == "Decision if submitted now: Pass"
    panel.select_criterion(cultural.rubric.criteria[0].id)
    press(qtbot, DIGITS[1])
    assert label_text(panel, "Decision if submitted now") == (
        "Decision if submitted now: Not Yet: 1 criterion below the passing level"
    )
    assert card(panel, cultural.rubric.criteria[0].id).state_text == (
        "Beginning: below the passing level"
    )


def test_a_failed_save_says_so_and_keeps_the_saved_level(
    panel: RubricPanel,
    qtbot: QtBot,
    reviewed_folder: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    review = open_review(reviewed_folder)
    panel.set_review(review)
    panel.select_criterion("overview-goal")

    def full_disk(*_args: object) -> None:
        raise OperationalError("UPDATE", {}, sqlite3.OperationalError("database or disk is full"))

    monkeypatch.setattr(review, "set_level", full_disk)
    with qtbot.waitSignal(panel.error) as failed:
        press(qtbot, DIGITS[2])
    assert "Could not save" in failed.args[0]
    assert "disk is full" in failed.args[0]
    assert card(panel, "overview-goal").state_text == "Not scored"
    assert not any(b.isChecked() for b in card(panel, "overview-goal").level_buttons)
    assert label_text(panel, "Save status") == "Not saved"


def test_text_that_failed_to_save_is_kept_and_saved_later(
    panel: RubricPanel,
    qtbot: QtBot,
    reviewed_folder: DataFolder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    review = open_review(reviewed_folder)
    panel.set_review(review)
    panel.select_criterion("artifacts-plan")

    def busy(*_args: object) -> None:
        raise OperationalError("INSERT", {}, sqlite3.OperationalError("database is locked"))

    monkeypatch.setattr(review, "set_comment", busy)
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "Name the families served.")
    with qtbot.waitSignal(panel.error) as failed:
        press(qtbot, Qt.Key.Key_Escape)  # leaving the box saves: it fails
    assert "database is locked" in failed.args[0]
    assert label_text(panel, "Save status") == "Not saved"
    assert not panel.flush()

    monkeypatch.undo()  # the disk is back
    assert panel.flush()
    assert open_review(reviewed_folder).comments == {"artifacts-plan": "Name the families served."}
    assert label_text(panel, "Problem") == ""
    assert label_text(panel, "Save status").startswith("Saved ")


def test_levels_by_mouse(panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder) -> None:
    review = open_review(reviewed_folder)
    panel.set_review(review)
    not_yet, proficient = card(panel, "artifacts-family-voice").level_buttons
    with qtbot.waitSignal(panel.saved):
        qtbot.mouseClick(proficient, Qt.MouseButton.LeftButton)
    assert panel.current_criterion() == "artifacts-family-voice"
    qtbot.mouseClick(proficient, Qt.MouseButton.LeftButton)  # again: stays chosen
    assert proficient.isChecked() and not not_yet.isChecked()
    assert proficient.text() == "\u2713 Proficient\n1 pt"
    qtbot.mouseClick(not_yet, Qt.MouseButton.LeftButton)
    assert not proficient.isChecked() and not_yet.isChecked()
    assert open_review(reviewed_folder).levels == {"artifacts-family-voice": "not-yet"}


def interactive(panel: QWidget) -> list[QWidget]:
    return [
        w
        for w in panel.findChildren(QWidget)
        if isinstance(w, QAbstractButton) or w.focusPolicy() != Qt.FocusPolicy.NoFocus
    ]


def test_every_interactive_control_is_named_and_reached_by_tab(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    panel.set_review(open_review(reviewed_folder))
    controls = interactive(panel)
    assert len(controls) > 9 * 3
    unnamed = [w for w in controls if not w.accessibleName().strip()]
    assert not unnamed, [(type(w).__name__, w.objectName()) for w in unnamed]
    buttons = card(panel, "overview-goal").level_buttons
    assert [b.accessibleName() for b in buttons] == [
        "Goal of the communication plan: Not Yet",
        "Goal of the communication plan: Proficient",
    ]
    assert all(a.text() and a.shortcuts() for a in panel.actions())

    panel.select_criterion(FAP_CRITERIA[0])
    start = QApplication.focusWidget()
    reached = []
    for _ in range(200):
        press(qtbot, Qt.Key.Key_Tab)
        if QApplication.focusWidget() is start:
            break
        reached.append(QApplication.focusWidget())
    expected = [w for w in controls if w.isVisible() and w.isEnabled() and w is not start]
    assert [w.accessibleName() for w in expected if w not in reached] == []

    # Enter presses the button that has focus (elsewhere it opens the comment box).
    submit = named(panel, QPushButton, "Submit review")
    submit.setFocus()
    with qtbot.waitSignal(panel.error) as refused:
        press(qtbot, Qt.Key.Key_Return)
    assert refused.args[0].startswith("Not submitted: 9 criteria are not scored yet: ")
    assert panel.current_criterion() == FAP_CRITERIA[0]


def test_screenshot(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    fix_clock(monkeypatch)  # the footer says when the score was saved
    panel.set_review(open_review(reviewed_folder))
    panel.select_criterion("overview-families")
    press(qtbot, DIGITS[2])
    press(qtbot, Qt.Key.Key_J)
    press(qtbot, DIGITS[1])
    press(qtbot, Qt.Key.Key_C)
    type_text(qtbot, "The goal is about what you will send; say what families will do.")
    qtbot.waitUntil(lambda: label_text(panel, "Save status").startswith("Saved "))
    qtbot.wait(50)  # the layout settles and the current criterion is scrolled into view
    path = save_shot(panel, "rubric-panel")
    assert path.stat().st_size > 10_000

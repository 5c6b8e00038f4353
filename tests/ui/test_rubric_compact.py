"""The rubric panel's compact form, its banners and its states, driven by keys and clicks
on a real database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reviewer_app.reviews.service import ReviewSession
from reviewer_app.settings import CONFIRM_NOT_YET, Settings
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.rubric import RubricPanel
from reviewer_app.ui.rubric.banner import Banner
from reviewer_app.ui.rubric.criterion_card import CriterionCard
from reviewer_app.ui.theme import DARK, LIGHT, apply_theme
from tests.ui.fixed import fix_clock
from tests.ui.shots import save_shot
from tests.ui.test_contrast import TEXT, contrast
from tests.ui.test_rubric_panel import add_submission

REVIEWER = "Ana Ruiz"
Role, Group = QPalette.ColorRole, QPalette.ColorGroup


@pytest.fixture
def panel(qtbot: QtBot) -> Iterator[RubricPanel]:
    panel = RubricPanel()
    qtbot.addWidget(panel)
    panel.resize(420, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    yield panel
    panel.set_review(None)


def open_review(folder: DataFolder, submission: str = "FAP-1") -> ReviewSession:
    return ReviewSession.open(folder, submission, REVIEWER)


def score_all(review: ReviewSession, level: str = "proficient") -> None:
    for criterion in review.rubric.criteria:
        review.set_level(criterion.id, level)


def cards(panel: RubricPanel) -> list[CriterionCard]:
    return panel.findChildren(CriterionCard)


def shown_text(widget: QWidget) -> str:
    if isinstance(widget, (QLabel, QAbstractButton)):
        return widget.text()
    return ""


def text_contrasts(widget: QWidget) -> list[float]:
    """The contrast of the widget's text on what it is drawn on, as the palette gives it
    for the widget's state (a disabled control draws with the Disabled group)."""
    palette = widget.palette()
    group = Group.Active if widget.isEnabled() else Group.Disabled
    if isinstance(widget, QAbstractButton):
        pairs = [(Role.ButtonText, Role.Button)]
    else:  # a label: on the panel, or on the current card's Base
        pairs = [(Role.WindowText, Role.Window), (Role.WindowText, Role.Base)]
    return [contrast(palette.color(group, f), palette.color(group, b)) for f, b in pairs]


def test_a_submitted_reviews_chosen_levels_are_read_at_full_contrast(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder, qapp: QApplication
) -> None:
    review = open_review(reviewed_folder)
    score_all(review)
    review.submit()
    panel.set_review(open_review(reviewed_folder))
    try:
        for scheme in (LIGHT, DARK):
            apply_theme(qapp, scheme)
            QApplication.processEvents()
            for card in cards(panel):
                chosen = card.criterion.level("proficient").label
                showing = [
                    w
                    for w in card.findChildren(QWidget)
                    if w.isVisible() and chosen in shown_text(w)
                ]
                marked = [w for w in showing if "\u2713" in shown_text(w)]
                assert marked, card.criterion.id  # the chosen level, marked by more than colour
                low = {
                    f"{type(w).__name__} {shown_text(w)!r}": round(min(text_contrasts(w)), 2)
                    for w in showing
                    if min(text_contrasts(w)) < TEXT
                }
                assert low == {}, (scheme, card.criterion.id)
    finally:
        apply_theme(qapp, LIGHT)


def banner_text(panel: RubricPanel, name: str) -> str:
    found = [w for w in panel.findChildren(QLabel) if w.accessibleName() == name]
    assert len(found) == 1, (name, found)
    assert found[0].isVisible(), name
    return found[0].text()


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_resubmission_shows_a_banner_with_the_earlier_feedback(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    panel.set_review(open_review(reviewed_folder, "FAP-2"))  # attempt 1 not decided yet
    assert banner_text(panel, "Resubmission") == (
        "Attempt 2. The earlier attempts have no overall feedback."
    )

    first = open_review(reviewed_folder, "FAP-1")
    score_all(first)
    first.set_level("reflection-next-steps", "not-yet")
    first.set_feedback("Revise your next steps.")
    first.submit()

    panel.set_review(open_review(reviewed_folder, "FAP-2"))  # attempt 2 of the same earner
    text = banner_text(panel, "Resubmission")
    banner = next(b for b in panel.findChildren(Banner) if b.objectName() == "resubmission-banner")
    criteria = panel.findChild(QScrollArea)
    assert isinstance(criteria, QScrollArea)
    assert banner.geometry().bottom() <= criteria.y()  # at the top, above the criteria
    assert "Attempt 2" in text
    assert "Revise your next steps." in text
    button = [
        b
        for b in panel.findChildren(QPushButton)
        if b.accessibleName() == "Open the earlier attempts"
    ]
    assert len(button) == 1 and button[0].isVisible()
    qtbot.mouseClick(button[0], Qt.MouseButton.LeftButton)
    from reviewer_app.ui.earlier_attempts import EarlierAttemptsDialog

    qtbot.waitUntil(lambda: any(d.isVisible() for d in panel.findChildren(EarlierAttemptsDialog)))
    for dialog in panel.findChildren(EarlierAttemptsDialog):
        dialog.close()

    panel.set_review(open_review(reviewed_folder, "FAP-1"))  # a first attempt: no banner
    assert not any(
        w.isVisible() for w in panel.findChildren(QLabel) if w.accessibleName() == "Resubmission"
    )


def press(
    qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key as the keyboard sends it: to whatever has focus."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None
    qtbot.keyClick(target, key, modifier)


CTRL = Qt.KeyboardModifier.ControlModifier


def tab_to(qtbot: QtBot, widget: QWidget) -> None:
    for _ in range(10):
        if QApplication.focusWidget() is widget:
            return
        press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is widget


def confirm_box(panel: RubricPanel) -> QMessageBox | None:
    found = [b for b in panel.findChildren(QMessageBox, "confirm-not-yet") if b.isVisible()]
    return found[0] if found else None


def asked(qtbot: QtBot, panel: RubricPanel) -> QMessageBox:
    """The question, once it is up and has the keyboard (a desktop activates a new
    dialog by itself; the offscreen platform does not)."""
    qtbot.waitUntil(lambda: confirm_box(panel) is not None)
    box = confirm_box(panel)
    assert box is not None
    box.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is box)
    return box


def ready_but_the_last(review: ReviewSession) -> str:
    """Every criterion scored but the last (whose id is returned)."""
    *others, last = review.rubric.criteria
    for criterion in others:
        review.set_level(criterion.id, "proficient")
    return last.id


@pytest.mark.qt_log_ignore("does not support raise")
def test_a_not_yet_asks_once_and_dont_ask_again_turns_it_off(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    preferences = Settings.load(tmp_path / "settings.json")
    panel.set_preferences(preferences)
    review = open_review(reviewed_folder)
    last = ready_but_the_last(review)
    panel.set_review(review)
    panel.select_criterion(last)
    press(qtbot, Qt.Key.Key_1)  # Not Yet
    press(qtbot, Qt.Key.Key_Return, CTRL)
    box = asked(qtbot, panel)
    assert "FAP-1" in box.text()
    assert box.defaultButton().accessibleName() == "Keep reviewing"
    # Enter at once is the safe choice: back to the review, nothing submitted.
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: confirm_box(panel) is None)
    assert open_review(reviewed_folder).submitted_at is None
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    assert panel.current_criterion() == last

    press(qtbot, Qt.Key.Key_Return, CTRL)
    box = asked(qtbot, panel)
    check = box.checkBox()
    assert check is not None and not check.isChecked()
    tab_to(qtbot, check)
    press(qtbot, Qt.Key.Key_Space)  # Don't ask again
    assert check.isChecked()
    submit = [b for b in box.buttons() if b.accessibleName() == "Submit the review as Not Yet"]
    tab_to(qtbot, submit[0])
    with qtbot.waitSignal(panel.submitted) as done:
        press(qtbot, Qt.Key.Key_Return)  # Enter submits only once Submit has the focus
    assert done.args == ["not-yet"]
    assert open_review(reviewed_folder).decision == "not-yet"
    assert banner_text(panel, "Submit result") == (
        "Submitted: Not Yet. The earner gets the feedback."
    )
    assert panel.accessibleDescription() == banner_text(panel, "Submit result")
    assert Settings.load(tmp_path / "settings.json").get(CONFIRM_NOT_YET) is False

    # Asked no more: the next Not Yet is submitted at once.
    qtbot.waitUntil(lambda: confirm_box(panel) is None)
    panel.activateWindow()  # offscreen: activation does not come back by itself
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    second = open_review(reviewed_folder, "FAP-2")
    last = ready_but_the_last(second)
    panel.set_review(second)
    panel.select_criterion(last)
    press(qtbot, Qt.Key.Key_1)
    with qtbot.waitSignal(panel.submitted) as done:
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert done.args == ["not-yet"]
    assert confirm_box(panel) is None


def test_a_pass_is_submitted_without_a_question_and_said_above_the_criteria(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder, tmp_path: Path
) -> None:
    panel.set_preferences(Settings.load(tmp_path / "settings.json"))
    review = open_review(reviewed_folder)
    last = ready_but_the_last(review)
    panel.set_review(review)
    assert not any(b.isVisible() for b in panel.findChildren(Banner))
    panel.select_criterion(last)
    press(qtbot, Qt.Key.Key_2)
    with qtbot.waitSignal(panel.submitted) as done:
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert done.args == ["pass"]
    assert confirm_box(panel) is None
    result = next(b for b in panel.findChildren(Banner) if b.objectName() == "result-banner")
    assert banner_text(panel, "Submit result") == "Submitted: Pass."
    # Where the eye is: above the criteria, in view without scrolling.
    criteria = panel.findChild(QScrollArea)
    assert isinstance(criteria, QScrollArea)
    assert result.mapTo(panel, result.rect().bottomLeft()).y() <= criteria.y()

    panel.set_review(open_review(reviewed_folder, "FAP-2"))  # another review: said no more
    assert not result.isVisible()


def test_a_review_that_is_not_the_last_one_needed_says_the_submission_waits(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    from reviewer_app.reviews.moderation import set_required_reviews
    from tests import craft

    set_required_reviews(reviewed_folder, craft.CREDENTIAL, 2, "lead")
    review = open_review(reviewed_folder)
    last = ready_but_the_last(review)
    panel.set_review(review)
    panel.select_criterion(last)
    press(qtbot, Qt.Key.Key_2)
    with qtbot.waitSignal(panel.submitted):
        press(qtbot, Qt.Key.Key_Return, CTRL)
    assert banner_text(panel, "Submit result") == (
        "Your review is in (Pass); the submission awaits another reviewer."
    )


def test_moving_to_a_criterion_names_its_rubric_part(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    parts: list[str] = []
    panel.criterion_changed.connect(parts.append)
    panel.set_review(open_review(reviewed_folder))
    assert parts == []  # opening a review moves nothing
    panel.select_criterion("overview-response")
    assert parts == ["overview"]
    with qtbot.waitSignal(panel.criterion_changed) as moved:
        press(qtbot, Qt.Key.Key_J)
    assert moved.args == ["artifacts"]
    assert panel.current_criterion() == "artifacts-plan"
    press(qtbot, Qt.Key.Key_K)
    assert parts[-1] == "overview"
    target = cards_by_id(panel)["reflection-impact"].level_buttons[1]
    panel.findChild(QScrollArea).ensureWidgetVisible(target)
    with qtbot.waitSignal(panel.criterion_changed) as clicked:
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    assert clicked.args == ["reflection"]
    count = len(parts)
    press(qtbot, Qt.Key.Key_1)  # a level on the same criterion: no move
    assert len(parts) == count


def cards_by_id(panel: RubricPanel) -> dict[str, CriterionCard]:
    return {c.criterion.id: c for c in cards(panel)}


def test_with_nothing_open_the_panel_says_what_to_do_in_little_room(
    panel: RubricPanel, qtbot: QtBot
) -> None:
    panel.set_review(None)
    text = " ".join(w.text() for w in panel.findChildren(QLabel, "empty-state"))
    assert "Choose a submission in the queue" in text
    assert panel.sizeHint().width() <= 440
    assert panel.minimumSizeHint().width() <= 360

    loose = "FAP-9 is a loose bundle: assign a micro-credential to it before reviewing it."
    panel.set_review(None, unavailable=loose)
    assert [w.text() for w in panel.findChildren(QLabel, "empty-state")] == [loose]
    assert "cannot be scored" in panel.findChildren(QLabel)[0].text()


@pytest.mark.parametrize("width", [360, 420, 520])
def test_the_compact_form_fits_from_360_to_520_pixels_and_shows_several_criteria(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder, tmp_path: Path, width: int
) -> None:
    add_submission(reviewed_folder, tmp_path, "CP-1", "cultural-proficiency-1")  # four levels
    panel.resize(width, 900)
    panel.set_review(open_review(reviewed_folder, "CP-1"))
    qtbot.wait(20)
    scroll = panel.findChild(QScrollArea)
    assert isinstance(scroll, QScrollArea)
    viewport = scroll.viewport().rect()
    content = scroll.widget()
    assert content.width() <= viewport.width()  # nothing runs off to the right
    for card in cards(panel):
        assert len(card.level_buttons) == 4
        rows = {b.y() for b in card.level_buttons}
        assert len(rows) == 1  # one row
        for button in card.level_buttons:
            assert button.geometry().right() <= card.width()
            if button.text() != button.full_text:  # cut short: whole in the tooltip
                assert button.text().endswith("\u2026")
                assert button.full_text.replace("\n", " \u00b7 ") in button.toolTip()
        assert not card.details.isVisible()  # descriptors folded away
    seen = [
        c
        for c in cards(panel)
        if c.mapTo(scroll.viewport(), c.rect().bottomLeft()).y() <= viewport.bottom()
    ]
    assert len(seen) >= 4  # several criteria at once


def test_descriptors_unfold_for_one_criterion(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    panel.set_review(open_review(reviewed_folder))
    goal = cards_by_id(panel)["overview-goal"]
    assert not goal.details.isVisible()
    qtbot.mouseClick(goal.details_button, Qt.MouseButton.LeftButton)
    assert goal.details.isVisible()
    assert goal.descriptor_labels["not-yet"].isVisible()
    assert not cards_by_id(panel)["overview-families"].details.isVisible()
    # Tab reaches it after the levels; Space folds it again.
    panel.select_criterion("overview-goal")
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is goal.details_button
    press(qtbot, Qt.Key.Key_Space)
    assert not goal.details.isVisible()


def test_screenshot_compact_rubric(
    panel: RubricPanel, qtbot: QtBot, reviewed_folder: DataFolder, monkeypatch: pytest.MonkeyPatch
) -> None:
    fix_clock(monkeypatch)
    first = open_review(reviewed_folder, "FAP-1")
    score_all(first)
    first.set_level("reflection-next-steps", "not-yet")
    first.set_feedback("Name one next step for each family and when you will take it.")
    first.submit()
    panel.resize(420, 760)
    panel.set_review(open_review(reviewed_folder, "FAP-2"))
    panel.select_criterion("overview-families")
    press(qtbot, Qt.Key.Key_2)
    press(qtbot, Qt.Key.Key_J)
    qtbot.mouseClick(cards_by_id(panel)["overview-goal"].details_button, Qt.MouseButton.LeftButton)
    panel.select_criterion("overview-goal")
    qtbot.waitUntil(lambda: label_of(panel, "Save status").startswith("Saved "))
    qtbot.wait(50)
    assert save_shot(panel, "compact-rubric").stat().st_size > 10_000


def label_of(panel: RubricPanel, name: str) -> str:
    return next(w.text() for w in panel.findChildren(QLabel) if w.accessibleName() == name)

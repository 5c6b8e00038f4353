"""The rubric panel's compact form, its banners and its states, driven by keys and clicks
on a real database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QPushButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.rubric import RubricPanel
from reviewer_app.ui.rubric.criterion_card import CriterionCard
from reviewer_app.ui.theme import DARK, LIGHT, apply_theme
from tests.ui.test_contrast import TEXT, contrast

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
    first = open_review(reviewed_folder, "FAP-1")
    score_all(first)
    first.set_level("reflection-next-steps", "not-yet")
    first.set_feedback("Revise your next steps.")
    first.submit()

    panel.set_review(open_review(reviewed_folder, "FAP-2"))  # attempt 2 of the same earner
    text = banner_text(panel, "Resubmission")
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

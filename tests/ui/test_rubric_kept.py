"""Cards put away when another micro-credential's rubric came on screen, shown again
for a later submission: they show that submission's review, never the one they last
showed (the panel keeps a few rubrics' cards instead of building them anew)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from reviewer_app.evidence.importer import Importer
from reviewer_app.resources import resource
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.rubric.criterion_card import CriterionCard
from tests import craft

REVIEWER = "Ana Ruiz"
FAMILIES = ("https://credentials.example.org/mc/families-as-partners-1", "Families")
GLOBAL = ("https://credentials.example.org/mc/global-classroom-1", "Global")
# In queue order (by submission date): families, global, families.
SUBMISSIONS = [("KEPT-1", FAMILIES), ("KEPT-2", GLOBAL), ("KEPT-3", FAMILIES)]


@pytest.fixture
def window(folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    assert not add_files(
        folder, sorted(resource("demo", "definitions").glob("*.json")), "lead"
    ).rejected
    bundles = []
    for n, (sid, (uri, name)) in enumerate(SUBMISSIONS):
        files = {"plan.pdf": craft.text_pdf(f"visit {n}")}
        doc = craft.manifest(files, submission_id=sid)
        doc["credential"] = {"id": uri, "name": name}
        doc["submitted_at"] = f"2026-10-{n + 1:02}T09:00:00Z"
        bundles.append(craft.bundle_zip(tmp_path / f"{sid}.zip", files, doc))
    assert len(Importer(folder).import_paths(bundles).imported) == len(SUBMISSIONS)
    first = ReviewSession.open(folder, "KEPT-1", REVIEWER)
    criterion = first.rubric.criteria[0]
    first.set_level(criterion.id, criterion.levels[-1].id)
    first.set_comment(criterion.id, "The plan names every family's language.")
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, REVIEWER, settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def shown(window: MainWindow) -> tuple[str, CriterionCard]:
    review = window.review
    assert review is not None
    card = window.rubric.findChild(CriterionCard, f"criterion-{review.rubric.criteria[0].id}")
    visible = [
        c
        for c in window.rubric.findChildren(CriterionCard)
        if c.objectName() == card.objectName() and c.isVisible()
    ]
    assert len(visible) == 1  # the put-away cards are not on screen
    return review.submission_id, visible[0]


def test_a_rubric_shown_again_shows_the_new_submissions_review(
    window: MainWindow, qtbot: QtBot
) -> None:
    table = window.table
    rect = table.visualRect(window.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.review is not None)
    sid, card = shown(window)
    assert sid == "KEPT-1"
    assert card.level_id is not None
    assert card.comment_box.toPlainText() == "The plan names every family's language."
    first_card = card

    qtbot.keyClick(table, Qt.Key.Key_Down)  # another micro-credential: its own rubric
    sid, card = shown(window)
    assert sid == "KEPT-2" and card is not first_card

    qtbot.keyClick(table, Qt.Key.Key_Down)  # the first rubric again, for KEPT-3
    sid, card = shown(window)
    assert sid == "KEPT-3"
    assert card is first_card  # put away and shown again, not built anew
    assert card.level_id is None
    assert card.comment_box.toPlainText() == ""

    qtbot.keyClick(table, Qt.Key.Key_Up)
    qtbot.keyClick(table, Qt.Key.Key_Up)  # back to KEPT-1: its own score and comment
    sid, card = shown(window)
    assert sid == "KEPT-1"
    assert card.level_id is not None
    assert card.comment_box.toPlainText() == "The plan names every family's language."

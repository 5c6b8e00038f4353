"""Review > Assign a micro-credential…: a loose bundle is given its micro-credential and
its earner's name in the window, with clicks and keys, then opens with its rubric."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from reviewer_app.evidence.importer import Importer
from reviewer_app.resources import resource
from reviewer_app.rubrics.store import add_files
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.folder_settings import BLIND_REVIEW
from reviewer_app.storage.models import AuditEvent, Submission
from reviewer_app.ui.assign_dialog import AssignDialog
from reviewer_app.ui.main_window import MainWindow
from tests import craft
from tests.ui.a11y import undescribed_controls, unnamed_controls
from tests.ui.shots import save_shot

GLOBAL = "https://credentials.example.org/mc/global-classroom-1"
# The offscreen platform cannot raise a window or grab the keyboard for a combo's popup.
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


@pytest.fixture
def loose_folder(folder: DataFolder, tmp_path: Path) -> DataFolder:
    assert not add_files(
        folder, sorted(resource("demo", "definitions").glob("*.json")), "lead"
    ).rejected
    loose = craft.write_zip(
        tmp_path / "jane doe.zip",
        {"reflection.txt": b"What I changed in my classroom.", "plan.pdf": craft.text_pdf()},
    )
    assert len(Importer(folder).import_paths([loose]).imported) == 1
    return folder


@pytest.fixture
def window(loose_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(loose_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def open_loose_bundle(window: MainWindow, qtbot: QtBot) -> AssignDialog:
    table = window.table
    rect = table.visualRect(window.model.index(0, 0))
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.current_pk is not None)
    assert window.review is None  # no rubric yet: the dead end this dialog ends
    assert window.assign_action.isEnabled()
    review_menu = window.menuBar().actions()[1].menu()
    assert isinstance(review_menu, QMenu) and window.assign_action in review_menu.actions()
    window.assign_action.trigger()
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), AssignDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, AssignDialog)
    qtbot.waitExposed(dialog)
    return dialog


def choose_credential(dialog: AssignDialog, qtbot: QtBot, name: str) -> None:
    combo = dialog.credential
    qtbot.mouseClick(combo, Qt.MouseButton.LeftButton)
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    for _ in range(combo.count() + 1):
        if combo.itemText(view.currentIndex().row()).startswith(name):
            break
        qtbot.keyClick(view, Qt.Key.Key_Down)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentText().startswith(name)


def type_name(dialog: AssignDialog, qtbot: QtBot, name: str) -> None:
    qtbot.mouseClick(dialog.earner, Qt.MouseButton.LeftButton)
    qtbot.keyClick(dialog.earner, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(dialog.earner, Qt.Key.Key_Backspace)
    qtbot.keyClicks(dialog.earner, name)


def test_assign_a_loose_bundle_in_the_window(
    window: MainWindow, loose_folder: DataFolder, qtbot: QtBot
) -> None:
    dialog = open_loose_bundle(window, qtbot)
    assert dialog.earner.text() == "jane doe"
    assert unnamed_controls(dialog) == [] and undescribed_controls(dialog) == []
    choose_credential(dialog, qtbot, "Global Education in the Classroom")
    type_name(dialog, qtbot, "Jane Doe-Okafor")
    save_shot(dialog, "assigned-loose-bundle")
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.review is not None)
    assert window.review is not None and window.review.submission_id == "jane doe"
    assert not window.assign_action.isEnabled()
    with loose_folder.read_sessions() as session:
        row = session.scalars(select(Submission)).one()
        assert (row.credential_uri, row.earner_name) == (GLOBAL, "Jane Doe-Okafor")
        actions = list(session.scalars(select(AuditEvent.action)))
        assert "submission.assign" in actions and actions[-1] == "submission.state"


def test_a_refusal_is_said_in_the_dialog_and_changes_nothing(
    window: MainWindow, loose_folder: DataFolder, qtbot: QtBot
) -> None:
    dialog = open_loose_bundle(window, qtbot)
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert dialog.problem.isVisible()
    assert dialog.problem.text() == "Choose the micro-credential this submission is for."

    choose_credential(dialog, qtbot, "Families as Partners")
    type_name(dialog, qtbot, "   ")
    qtbot.keyClick(dialog.earner, Qt.Key.Key_Return)  # Enter assigns: the default button
    assert dialog.isVisible()
    assert dialog.problem.text() == "The earner's name cannot be empty."
    with loose_folder.read_sessions() as session:
        row = session.scalars(select(Submission)).one()
        assert (row.credential_uri, row.earner_name) == (None, "jane doe")

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    assert window.review is None and window.assign_action.isEnabled()


def test_in_blind_review_the_dialog_shows_no_name(
    loose_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    with loose_folder.sessions.begin() as session:
        BLIND_REVIEW.set(session, True)
    settings = QSettings(str(tmp_path / "blind.ini"), QSettings.Format.IniFormat)
    win = MainWindow(loose_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    dialog = open_loose_bundle(win, qtbot)
    assert not dialog.earner.isVisible()
    assert not any("jane doe" in label.text() for label in dialog.findChildren(QLabel))
    choose_credential(dialog, qtbot, "Global Education in the Classroom")
    qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: win.review is not None)
    with loose_folder.read_sessions() as session:
        row = session.scalars(select(Submission)).one()
        assert (row.credential_uri, row.earner_name) == (GLOBAL, "jane doe")
    win.close()

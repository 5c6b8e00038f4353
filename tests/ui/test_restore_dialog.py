"""File > Restore from backup…: the list of backups, and the restore from the window."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QDialogButtonBox, QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.backup import create_backup
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.operations import runner
from reviewer_app.ui.restore_dialog import RestoreDialog

CRITERION = "artifacts-contact-log"
LEFT = Qt.MouseButton.LeftButton


def test_the_dialog_lists_backups_newest_first(folder: DataFolder, qtbot: QtBot) -> None:
    empty = RestoreDialog(folder.root)
    qtbot.addWidget(empty)
    assert empty.chosen() is None
    assert not empty.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()

    old = create_backup(folder.root, "daily", now=dt.datetime(2026, 1, 5, tzinfo=dt.UTC))
    new = create_backup(folder.root, "manual", now=dt.datetime(2026, 1, 6, tzinfo=dt.UTC))
    dialog = RestoreDialog(folder.root)
    qtbot.addWidget(dialog)
    assert dialog.list.count() == 2
    assert "manual" in dialog.list.item(0).text()
    assert dialog.chosen() == new.path
    dialog.list.setCurrentRow(1)
    assert dialog.chosen() == old.path
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def test_restore_from_the_window_then_it_closes(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    root = reviewed_folder.root
    made = create_backup(root, "manual")
    review = ReviewSession.open(reviewed_folder, "FAP-1", "Ana Ruiz")
    review.set_comment(CRITERION, "after the backup")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    file_menu = win.menuBar().actions()[0].menu()
    assert isinstance(file_menu, QMenu) and win.restore_action in file_menu.actions()

    win.restore_action.trigger()  # the list opens; the window's loop goes on
    dialog = win.restore_dialog
    assert dialog.isVisible() and dialog.chosen() == made.path
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)

    told = win.restore_message
    assert told.isVisible() and made.name in told.text()
    assert win.isVisible()  # until the person has read what happened
    qtbot.mouseClick(told.button(QMessageBox.StandardButton.Ok), LEFT)
    assert not win.isVisible()
    with DataFolder.open(root) as restored:
        assert ReviewSession.open(restored, "FAP-1", "Ana Ruiz").comments == {}


def test_restore_waits_for_a_read_still_running_on_a_worker(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    """The queue's poll (or any read) may be on a worker with the database open when the
    person restores: the restore waits for it, rather than calling its own window's
    read another program's and refusing."""
    root = reviewed_folder.root
    made = create_backup(root, "manual")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    reading, gate = threading.Event(), threading.Event()

    def long_read(_cancel: object, _progress: object) -> None:
        with reviewed_folder.read_sessions() as session:
            session.execute(text("SELECT count(*) FROM submissions")).scalar()
            reading.set()
            gate.wait(10)

    runner().read(long_read, on_success=lambda _: None, owner=win)
    assert reading.wait(10)
    threading.Timer(0.5, gate.set).start()

    win.restore_action.trigger()
    qtbot.mouseClick(win.restore_dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), LEFT)
    told = win.restore_message
    assert told.isVisible() and made.name in told.text(), told.text()
    qtbot.mouseClick(told.button(QMessageBox.StandardButton.Ok), LEFT)
    assert not win.isVisible()

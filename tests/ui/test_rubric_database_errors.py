"""A database that refuses writes, met by the rubric panel: the reviewer reads the
program's sentence (the window never handles the database library's own error), the
level stays unsaved, and it saves once the database takes writes again."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from reviewer_app.demo.load import load_demo
from reviewer_app.reviews.annotations import Anchor
from reviewer_app.reviews.service import ReviewSession
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.storage.failures import DatabaseUnavailable, database_errors
from reviewer_app.ui.rubric import RubricPanel
from tests.ui.fixed import fix_clock
from tests.ui.test_rubric_annotations import (
    editor_over,
    item_id,
    open_submission,
    open_window,
    saved,
)
from tests.ui.test_rubric_panel import DIGITS, card, label_text, press

REVIEWER = "Ana Ruiz"


@contextmanager
def read_only(folder: DataFolder) -> Iterator[None]:
    """Every connection the folder opens from now on may read but not write (SQLite
    refuses each write with its own error, as a database on a read-only disk does)."""

    def refuse_writes(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA query_only = ON")

    event.listen(folder.engine, "connect", refuse_writes)
    folder.engine.dispose()  # the pooled connections were opened before
    try:
        yield
    finally:
        event.remove(folder.engine, "connect", refuse_writes)
        folder.engine.dispose()


def test_database_errors_become_the_programs_own() -> None:
    cause = sqlite3.OperationalError("attempt to write a readonly database")
    with pytest.raises(DatabaseUnavailable) as raised, database_errors():
        raise OperationalError("UPDATE", {}, cause)
    assert raised.value.detail == "attempt to write a readonly database"
    assert str(raised.value) == (
        "Could not use the data folder's database (attempt to write a readonly database)."
    )
    assert raised.value.__cause__ is not None  # the original stays for the log


def test_a_level_the_database_refuses_is_said_and_saved_later(
    qtbot: QtBot, reviewed_folder: DataFolder
) -> None:
    panel = RubricPanel()
    qtbot.addWidget(panel)
    panel.resize(520, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    panel.set_review(ReviewSession.open(reviewed_folder, "FAP-1", REVIEWER))
    panel.select_criterion("overview-goal")

    with read_only(reviewed_folder):
        with qtbot.waitSignal(panel.error, timeout=5000) as failed:
            press(qtbot, DIGITS[2])
        assert failed.args[0].startswith(
            "Could not save to the data folder (attempt to write a readonly database)."
        )
        assert label_text(panel, "Save status") == "Not saved"
        assert card(panel, "overview-goal").state_text == "Not scored"

    with qtbot.waitSignal(panel.saved, timeout=5000):
        press(qtbot, DIGITS[2])
    assert label_text(panel, "Problem") == ""
    saved = ReviewSession.open(reviewed_folder, "FAP-1", REVIEWER).levels
    assert list(saved) == ["overview-goal"]
    assert card(panel, "overview-goal").state_text != "Not scored"
    panel.set_review(None)


def test_an_annotation_the_database_refuses_stays_in_its_form(
    folder: DataFolder, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Through the annotations' undo steps: the form says why and keeps the comment;
    Enter again, once writes work, saves it."""
    fix_clock(monkeypatch)
    load_demo(folder)
    window = open_window(folder, REVIEWER, qtbot, tmp_path)
    open_submission(window, qtbot)
    log = item_id(folder, "evidence/contact-log.pdf")
    with read_only(folder):
        window.evidence.annotation_drawn.emit(Anchor(log, 1, (10.0, 10.0, 40.0, 20.0)))
        editor = editor_over(window, qtbot)
        qtbot.keyClicks(editor.comment, "Name the families.")
        qtbot.keyClick(editor.comment, Qt.Key.Key_Return)
        assert editor.isVisible()
        assert editor.problem.text() == (
            "Could not save to the data folder (attempt to write a readonly database)."
        )
        assert saved(folder) == []
    qtbot.keyClick(editor.comment, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not editor.isVisible(), timeout=5000)
    assert [a.text for a in saved(folder)] == ["Name the families."]
    window.close()

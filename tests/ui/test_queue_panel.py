"""A queue to scan: whole ids, the status in view, columns that move and are kept,
and statuses found by their key, never by the words shown."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reviewer_app.evidence.importer import Importer
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.queue_model import COLUMN_STATUS, STATUS_ROLE, QueueModel
from tests import craft

TWENTY = "GEC-2026-0301-ABCDEF"
LONG = "GEC-2026-0301-ABCDEFGHIJKLMNOP"


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    bundles = [
        craft.bundle_zip(tmp_path / f"{n}.zip", {"plan.pdf": craft.text_pdf()}, submission_id=n)
        for n in (TWENTY, LONG)
    ]
    assert len(Importer(reviewed_folder).import_paths(bundles).imported) == 2
    settings = QSettings(str(tmp_path / "queue.ini"), QSettings.Format.IniFormat)
    win = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def row_of(window: MainWindow, submission_id: str) -> int:
    for row in range(window.model.rowCount()):
        if window.model.index(row, 0).data() == submission_id:
            return row
    raise AssertionError(submission_id)


def test_ids_read_whole_and_the_status_is_in_view(window: MainWindow) -> None:
    table = window.table
    metrics = table.fontMetrics()
    width = table.horizontalHeader().sectionSize(0)
    assert metrics.horizontalAdvance(TWENTY) + 8 <= width  # whole, with its margins
    assert table.textElideMode() == Qt.TextElideMode.ElideMiddle
    long_index = window.model.index(row_of(window, LONG), 0)
    assert long_index.data(Qt.ItemDataRole.ToolTipRole) == LONG
    shown = metrics.elidedText(LONG, Qt.TextElideMode.ElideMiddle, width - 8)
    assert shown.startswith("GEC-") and shown.endswith("NOP") and "\u2026" in shown
    # The status column: second, and inside the visible part of the table.
    status = window.model.index(0, COLUMN_STATUS)
    assert table.horizontalHeader().visualIndex(COLUMN_STATUS) == 1
    assert table.visualRect(status).right() <= table.viewport().width()
    assert table.horizontalScrollBar().value() == 0


def test_columns_can_be_dragged_into_another_order(window: MainWindow, qtbot: QtBot) -> None:
    header = window.table.horizontalHeader()
    assert header.sectionsMovable()
    assert header.sectionResizeMode(0) == header.ResizeMode.Interactive
    # Drag the Earner column's header in front of the Submission column's.
    earner = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    start = header.rect().center()
    start.setX(earner)
    end = header.rect().center()
    end.setX(header.sectionViewportPosition(0) + 4)
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 11):
        point = start + (end - start) * (step / 10)
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(point),
            QPointF(header.viewport().mapToGlobal(point)),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(header.viewport(), move)
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=end)
    assert header.logicalIndex(0) == 1


def test_next_unreviewed_goes_by_the_status_not_its_words(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = QueueModel._text

    def other_words(self: QueueModel, row: object, column: int) -> str:
        text = original(self, row, column)  # type: ignore[arg-type]
        return f"[{text}]" if column == COLUMN_STATUS else text

    monkeypatch.setattr(QueueModel, "_text", other_words)
    window.model.reload()
    qtbot.waitUntil(lambda: not window.model.is_loading())
    statuses = [
        window.model.index(r, COLUMN_STATUS).data(STATUS_ROLE)
        for r in range(window.model.rowCount())
    ]
    assert statuses[0] == "unreviewed"
    # From the row chosen (kept by its key across the reload), to the next unreviewed.
    start = window.table.currentIndex().row()
    expected = statuses.index("unreviewed", start + 1)
    window.next_unreviewed_action.trigger()
    qtbot.waitUntil(lambda: window.review is not None)
    assert window.table.currentIndex().row() == expected

"""The keyboard shortcuts sheet opened with F1 in the real window: each command once,
grouped by the part of the window it acts on, its keys shown in full."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.help_sheet import HelpSheet
from reviewer_app.ui.main_window import MainWindow


def headings(sheet: HelpSheet) -> list[int]:
    """The rows that name a group: one cell across the sheet."""
    table = sheet.table
    return [r for r in range(table.rowCount()) if table.columnSpan(r, 0) == table.columnCount()]


def shown(sheet: HelpSheet) -> list[tuple[str, str, str]]:
    """(group, command, keys) of each command row, read from the table as shown."""
    table, group, rows = sheet.table, "", []
    groups = headings(sheet)
    for r in range(table.rowCount()):
        name, keys = table.item(r, 0), table.item(r, 1)
        assert name is not None
        if r in groups:
            group = name.text()
        else:
            assert keys is not None
            rows.append((group, name.text(), keys.text()))
    return rows


@pytest.fixture
def sheet(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[HelpSheet]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: getattr(window, "help_sheet", None) is not None)
    help_sheet = window.help_sheet
    assert isinstance(help_sheet, HelpSheet)
    qtbot.waitExposed(help_sheet)
    yield help_sheet
    help_sheet.close()
    window.close()


def test_each_command_is_listed_once_with_each_key_once(sheet: HelpSheet) -> None:
    rows = shown(sheet)
    assert rows, "the sheet lists the window's commands"
    assert [r for r, n in Counter(rows).items() if n > 1] == []
    names = Counter((group, name) for group, name, _keys in rows)
    assert [r for r, n in names.items() if n > 1] == []
    for _group, name, text in rows:
        split = text.split(", ")
        assert len(split) == len(set(split)), f"{name}: {text}"
    keys = {(group, name): text for group, name, text in rows}
    assert keys[("Evidence: PDF", "Next match")] == "F3"
    assert keys[("Evidence: PDF", "Fit page")] == "Ctrl+0"
    assert keys[("Evidence: images", "Fit to window")] == "Ctrl+0"
    assert keys[("Rubric", "Next criterion")] == "J, Ctrl+Down"
    assert keys[("Review", "Next submission")] == "Ctrl+Shift+Down"
    assert keys[("Help", "Keyboard shortcuts")] == "F1, Ctrl+/"


def test_commands_are_grouped_by_the_part_of_the_window(sheet: HelpSheet) -> None:
    groups = [item.text() for r in headings(sheet) if (item := sheet.table.item(r, 0))]
    assert len(groups) == len(set(groups))  # each group is one block
    assert {"File", "Review", "Evidence", "Evidence: PDF", "Rubric", "Help"} <= set(groups)
    for r in headings(sheet):
        assert sheet.table.columnSpan(r, 0) == 2
        item = sheet.table.item(r, 0)
        assert item is not None and item.font().bold()
    zooms = [g for g, name, _k in shown(sheet) if name == "Zoom in"]
    assert zooms == ["Evidence: PDF", "Evidence: images"]  # two viewers, each its own


@pytest.mark.parametrize("width", [420, 640])
def test_keys_are_shown_in_full(sheet: HelpSheet, qtbot: QtBot, width: int) -> None:
    sheet.resize(width, 620)
    qtbot.waitUntil(lambda: sheet.table.viewport().width() < width)
    table = sheet.table
    rows = range(table.rowCount())
    # The rows are laid out again after the resize, once the events are processed.
    qtbot.waitUntil(lambda: all(table.rowHeight(r) >= table.sizeHintForRow(r) for r in rows))
    assert table.textElideMode() == Qt.TextElideMode.ElideNone
    header = table.horizontalHeader()
    assert header.sectionSize(1) >= table.sizeHintForColumn(1)
    metrics = table.fontMetrics()
    groups = headings(sheet)
    for r in range(table.rowCount()):
        if r in groups:
            continue
        keys, name = table.item(r, 1), table.item(r, 0)
        assert keys is not None and name is not None
        assert header.sectionSize(1) > metrics.horizontalAdvance(keys.text())
        # A long command wraps onto more lines rather than being cut.
        needed = metrics.boundingRect(
            0, 0, header.sectionSize(0) - 8, 10_000, Qt.TextFlag.TextWordWrap, name.text()
        ).height()
        assert table.rowHeight(r) >= needed, name.text()

"""The window's layout: the evidence leads at the sizes people have, the queue folds
away and back, focus mode, reset, and each person's layout kept for them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.evidence.overflow_bar import OverflowBar
from reviewer_app.ui.main_window import MainWindow
from tests.ui.shots import save_shot


def open_window(
    folder: DataFolder, qtbot: QtBot, settings: QSettings, size: tuple[int, int], name: str
) -> MainWindow:
    win = MainWindow(folder, name, settings)
    qtbot.addWidget(win)
    win.resize(*size)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    return win


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, settings: QSettings) -> Iterator[MainWindow]:
    win = open_window(reviewed_folder, qtbot, settings, (1600, 1000), "Ana Ruiz")
    yield win
    win.close()


def widths(win: MainWindow) -> dict[str, int]:
    return {
        "queue": win.queue_frame.width(),
        "evidence": win.evidence_frame.width(),
        "rubric": win.rubric_dock.width(),
    }


def press(win: MainWindow, qtbot: QtBot, key: Qt.Key, modifiers: object = None) -> None:
    target = QApplication.focusWidget() or win
    if modifiers is None:
        qtbot.keyClick(target, key)
    else:
        qtbot.keyClick(target, key, modifiers)  # type: ignore[arg-type]


def test_at_1600_the_evidence_leads(window: MainWindow, qtbot: QtBot) -> None:
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    qtbot.wait(300)  # QtPdf paints asynchronously
    save_shot(window, "default-layout")
    sizes = widths(window)
    assert sizes["evidence"] >= 760, sizes
    assert 400 <= sizes["rubric"] <= 440, sizes
    assert sizes["evidence"] == max(sizes.values())
    # The page itself: fitted to the viewer's width, thumbnails off, readable without
    # zooming (a US Letter or A4 page at 80% or more).
    pdf = window.evidence.pdf_view
    assert pdf.isVisible() and pdf.canvas.viewport().width() >= 700
    assert pdf.fit_width_action.isChecked() and not pdf.thumbnails.isVisible()
    page = pdf.canvas.document().pagePointSize(0)
    assert 590 <= page.width() <= 615, page  # the bundle's plan is a Letter/A4 page
    assert pdf.zoom_factor() >= 0.8
    # The queue still shows a whole id and its status.
    header = window.table.horizontalHeader()
    shown = sum(header.sectionSize(header.logicalIndex(v)) for v in range(2))
    assert shown <= window.table.viewport().width()


def test_at_1280_the_evidence_is_still_the_widest(
    reviewed_folder: DataFolder, qtbot: QtBot, settings: QSettings
) -> None:
    win = open_window(reviewed_folder, qtbot, settings, (1280, 800), "Ana Ruiz")
    sizes = widths(win)
    assert sizes["evidence"] > sizes["queue"] and sizes["evidence"] > sizes["rubric"], sizes
    assert sizes["rubric"] >= 380, sizes
    win.table.selectRow(0)
    qtbot.waitUntil(lambda: win.review is not None)
    assert_no_toolbar_wraps(win)
    win.close()


def assert_no_toolbar_wraps(win: MainWindow) -> None:
    bars: list[QWidget] = [b for b in win.findChildren(QToolBar) if b.isVisible()]
    assert bars
    # The evidence viewers' own bars too: one row, the rest in their overflow menu.
    bars += [b for b in win.findChildren(OverflowBar) if b.isVisible()]
    for bar in bars:
        row = max(bar.sizeHint().height(), bar.minimumSizeHint().height())
        assert bar.height() <= row + 2, (bar.objectName(), bar.height(), row)


def test_no_toolbar_wraps(window: MainWindow, qtbot: QtBot) -> None:
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    qtbot.wait(100)
    assert_no_toolbar_wraps(window)


def test_the_queue_folds_to_a_strip_and_back_with_one_key(window: MainWindow, qtbot: QtBot) -> None:
    window.table.selectRow(1)
    qtbot.waitUntil(lambda: window.review is not None)
    before = widths(window)
    press(window, qtbot, Qt.Key.Key_F9)
    assert window.queue.is_collapsed()
    assert window.queue_frame.width() <= 48
    assert window.evidence_frame.width() > before["evidence"] + 200
    assert window.queue.position.text().split() == ["2", "/", "2"]
    assert window.queue.expand_button.isVisible()  # the handle that brings it back
    press(window, qtbot, Qt.Key.Key_F9)
    assert not window.queue.is_collapsed()
    assert abs(window.queue_frame.width() - before["queue"]) <= 4
    # And by the strip's button, with the mouse.
    qtbot.mouseClick(window.queue.collapse_button, Qt.MouseButton.LeftButton)
    assert window.queue.is_collapsed()
    qtbot.mouseClick(window.queue.expand_button, Qt.MouseButton.LeftButton)
    assert not window.queue.is_collapsed()


def test_focus_mode_shows_only_evidence_and_rubric(window: MainWindow, qtbot: QtBot) -> None:
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    press(
        window,
        qtbot,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.focus_mode_action.isChecked()
    assert not window.queue.isVisible() and not window.queue_frame.isVisible()
    # The evidence takes the room (once the splitter has laid itself out again).
    qtbot.waitUntil(lambda: window.evidence_frame.geometry().left() < 20)
    assert not [b for b in window.findChildren(QToolBar) if b.parent() is window and b.isVisible()]
    assert window.evidence.isVisible() and window.rubric.isVisible()
    qtbot.wait(300)  # QtPdf paints asynchronously
    save_shot(window, "focus-mode")
    press(
        window,
        qtbot,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert window.queue.isVisible() and not window.focus_mode_action.isChecked()


def test_reset_layout_brings_the_default_back(window: MainWindow, qtbot: QtBot) -> None:
    default = widths(window)
    window.layout_.set_queue_collapsed(True)
    window.resizeDocks([window.rubric_dock], [700], Qt.Orientation.Horizontal)
    header = window.table.horizontalHeader()
    header.moveSection(header.visualIndex(4), 5)
    window.reset_layout_action.trigger()
    assert not window.queue.is_collapsed()
    assert header.visualIndex(4) == 1
    assert {k: abs(v - default[k]) <= 4 for k, v in widths(window).items()} == {
        "queue": True,
        "evidence": True,
        "rubric": True,
    }


def test_each_person_finds_their_own_layout(
    reviewed_folder: DataFolder, qtbot: QtBot, settings: QSettings
) -> None:
    ana = open_window(reviewed_folder, qtbot, settings, (1600, 1000), "Ana Ruiz")
    default = widths(ana)
    ana.layout_.set_queue_collapsed(True)
    ana.resizeDocks([ana.rubric_dock], [520], Qt.Orientation.Horizontal)
    header = ana.table.horizontalHeader()
    header.moveSection(header.visualIndex(1), 0)  # the earner first
    ana.close()

    again = open_window(reviewed_folder, qtbot, settings, (1600, 1000), "Ana Ruiz")
    assert again.queue.is_collapsed()
    assert abs(again.rubric_dock.width() - 520) <= 8
    assert again.table.horizontalHeader().logicalIndex(0) == 1
    again.close()

    ben = open_window(reviewed_folder, qtbot, settings, (1600, 1000), "Ben Osei")
    assert not ben.queue.is_collapsed()
    assert abs(ben.rubric_dock.width() - default["rubric"]) <= 4
    ben.close()


def test_an_old_saved_layout_does_not_bring_back_a_huge_empty_rubric(
    reviewed_folder: DataFolder, qtbot: QtBot, settings: QSettings
) -> None:
    old = open_window(reviewed_folder, qtbot, settings, (1600, 1000), "Someone Else")
    old.resizeDocks([old.rubric_dock], [660], Qt.Orientation.Horizontal)
    settings.setValue("window/state", old.saveState())  # where older versions kept it
    settings.sync()
    old.close()
    win = open_window(reviewed_folder, qtbot, settings, (1600, 1000), "Ana Ruiz")
    assert widths(win)["rubric"] <= 440
    win.close()


def start_as_the_program_does(folder: DataFolder, qtbot: QtBot, settings: QSettings) -> MainWindow:
    """The frame first, then the queue read without the data layer, the data folder
    after that is painted (reviewer_app.ui.app)."""
    win = MainWindow(None, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    with qtbot.waitSignal(win.first_painted, timeout=10_000):
        win.show()
    with qtbot.waitSignal(win.first_screen_painted, timeout=10_000):
        assert win.show_first_screen(folder.root)
    win.attach(folder)
    return win


def test_the_real_start_lays_the_panes_out_and_restores_each_persons(
    reviewed_folder: DataFolder, qtbot: QtBot, settings: QSettings
) -> None:
    win = start_as_the_program_does(reviewed_folder, qtbot, settings)
    # The rubric once took the room its contents asked for: 960 px, the evidence 320.
    qtbot.waitUntil(lambda: widths(win)["evidence"] >= 760)
    assert 400 <= widths(win)["rubric"] <= 440, widths(win)
    qtbot.wait(200)  # settled, as it is long before a person drags the rubric's edge
    assert 400 <= widths(win)["rubric"] <= 440, widths(win)
    win.layout_.fit_rubric(500)
    qtbot.waitUntil(lambda: abs(widths(win)["rubric"] - 500) <= 2)
    win.close()
    again = start_as_the_program_does(reviewed_folder, qtbot, settings)
    qtbot.waitUntil(lambda: abs(widths(again)["rubric"] - 500) <= 2)
    assert widths(again)["evidence"] == max(widths(again).values())
    again.close()

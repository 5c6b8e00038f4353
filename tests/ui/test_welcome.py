"""The first-run empty state in the real window: its words are read whole, never cut at
the top or bottom, in the window sizes people have (1600x1000; 1280x800, which is also
what a 2560x1600 screen at 200% gives)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.main_window import MainWindow
from tests.ui.clipping import clipped_text


@pytest.fixture
def window(folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(folder, "Ana Ruiz", settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def settle(qtbot: QtBot, window: MainWindow, width: int, height: int) -> None:
    window.resize(width, height)
    qtbot.waitUntil(lambda: window.width() == width and window.height() == height)
    qtbot.wait(20)  # the layout answers the resize in the event loop


def labels(window: MainWindow) -> list[QLabel]:
    shown = [w for w in window.welcome.findChildren(QLabel) if w.isVisibleTo(window.welcome)]
    assert len(shown) >= 2  # the heading and the sentence
    return shown


@pytest.mark.parametrize("size", [(1600, 1000), (1280, 800)])
def test_the_first_run_words_are_never_cut(
    window: MainWindow, qtbot: QtBot, size: tuple[int, int]
) -> None:
    assert window.welcome.isVisible()
    settle(qtbot, window, *size)
    for label in labels(window):
        needed = (
            label.heightForWidth(label.width()) if label.wordWrap() else label.sizeHint().height()
        )
        assert needed <= label.height(), (label.text()[:40], needed, label.height())
    assert clipped_text(window.welcome) == []

"""One walk over every screen the main window opens: no interactive control a screen
reader can land on is left without a name, nor without a description (what it does,
its shortcut, what to type, or what a table holds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.main_window import MainWindow
from tests.ui.a11y import undescribed_controls, unnamed_controls
from tests.ui.screens import open_screens, screen_openers


@pytest.mark.qt_log_ignore("does not support raise")
def test_every_screen_names_and_describes_its_controls(
    reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    window = MainWindow(reviewed_folder, "Ana Ruiz", settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    screens = open_screens(window)
    assert set(screens) == {
        "main window",
        *screen_openers(window),
    }  # every screen opened, settings too
    missing = {
        name: found
        for name, screen in screens.items()
        if (found := unnamed_controls(screen, text_names_buttons=name == "main window"))
    }
    assert missing == {}
    undescribed = {
        name: found for name, screen in screens.items() if (found := undescribed_controls(screen))
    }
    assert undescribed == {}
    for screen in screens.values():
        if screen is not window:
            screen.close()
    qtbot.waitUntil(
        lambda: (
            not getattr(window, "calibration_dashboard", None)
            or not window.calibration_dashboard.isVisible()
        ),
        timeout=30000,
    )
    window.close()

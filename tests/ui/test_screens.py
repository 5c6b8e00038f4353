"""The screen registry: every screen built from the application context, in one place."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.context import AppContext
from reviewer_app.ui.main_window import MainWindow
from reviewer_app.ui.operations import runner
from reviewer_app.ui.screens import SCREENS, Screen, Screens


def settings_in(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(reviewed_folder: DataFolder, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    win = MainWindow(reviewed_folder, "Ana Ruiz", settings_in(tmp_path))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def test_the_context_carries_what_a_screen_needs(window: MainWindow) -> None:
    context = window.context()
    assert context.window is window and context.folder is window.folder
    assert context.reviewer == "Ana Ruiz" and context.operations is runner()
    assert context.preferences() is window.preferences  # loaded once, when first asked
    # The one open now (the window opens the queue's first row when it starts).
    opened = window.review.submission_id if window.review is not None else None
    assert context.current_submission() == opened
    window.table.selectRow(1)
    second = window.model.index(1, 0).data()
    assert window.context().current_submission() == second


# Bringing an open screen forward calls raise(), which the offscreen platform ignores.
@pytest.mark.qt_log_ignore("does not support raise")
def test_every_screen_opens_once_and_comes_forward_when_asked_again(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.table.selectRow(0)
    qtbot.waitUntil(lambda: window.review is not None)
    for name, screen in SCREENS.items():
        first = window.screens.open(name)
        assert first is not None and first.isVisible(), name
        assert first.parentWidget() is window, name  # it closes with the window
        again = window.screens.open(name)
        assert (again is first) == screen.bring_forward, name
        assert window.screens.current(name) is again
        again.close()
    assert window.export_dialog is window.screens.current("export")
    window.show_settings()
    assert window.settings_dialog is window.screens.current("settings")


def test_the_data_screens_wait_for_the_data_folder(qtbot: QtBot, tmp_path: Path) -> None:
    win = MainWindow(None, "Ana Ruiz", settings_in(tmp_path))
    qtbot.addWidget(win)
    for name, screen in SCREENS.items():
        opened = win.screens.open(name)
        assert (opened is None) == screen.needs_folder, name
        if opened is not None:
            opened.close()
    win.show_export()  # from the menu, before the folder is open: nothing happens
    assert win.export_dialog is None


def test_a_screen_is_built_from_the_context_only(window: MainWindow, qtbot: QtBot) -> None:
    seen: list[AppContext] = []

    def build(context: AppContext) -> None:
        seen.append(context)
        return None  # nothing to show now

    SCREENS["probe"] = Screen("probe", build)
    try:
        screens = Screens(window.context)
        assert screens.open("probe") is None and screens.current("probe") is None
        assert seen and seen[0].folder is window.folder
    finally:
        del SCREENS["probe"]


def test_the_main_window_stays_small() -> None:
    """What the window does lives in modules named for it; its own module only builds,
    lays out and connects (issue 13: under 400 lines)."""
    import reviewer_app.ui.main_window as module

    lines = Path(module.__file__).read_text(encoding="utf-8").splitlines()
    assert len(lines) < 400


def test_the_window_keeps_the_names_other_code_uses(window: MainWindow) -> None:
    """Moving the window's work into mixins kept every name tests and screens use."""
    for name in (
        "search", "table", "model", "review", "reviewer_button", "current_pk", "queue",
        "open_submission", "switch_reviewer", "ask_reviewer", "reviewer_dialog", "layout_",
        "panes", "next_unreviewed_action", "reveal_action", "assign_action", "earlier_action",
        "import_action", "settings_action", "export_action", "calibration_action",
    ):  # fmt: skip
        assert hasattr(window, name), name

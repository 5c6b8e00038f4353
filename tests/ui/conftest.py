"""Qt tests collect Python's garbage on the GUI thread only, as the program does, and
read no settings of the person running them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from reviewer_app.ui import gc_guard
from reviewer_app.ui.theme import LIGHT, apply_theme


@pytest.fixture(scope="session", autouse=True)
def themed_as_the_program_starts(qapp: QApplication) -> None:
    """The program applies its theme (style, palette, focus ring) before any window;
    so do the tests, from the first one: a screenshot then looks the same whichever
    tests ran before it (some apply a theme themselves)."""
    apply_theme(qapp, LIGHT)


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> None:
    gc_guard.install(qapp)
    # A caret that blinks is drawn or not depending on the moment of a screenshot.
    qapp.setCursorFlashTime(0)


@pytest.fixture(autouse=True)
def settings_of_this_test(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The person's settings (File > Settings…) come from this test's own folder, never
    from the configuration of whoever runs the tests: a language chosen there would show
    in the settings screen and its screenshot."""
    monkeypatch.setenv("REVIEWER_APP_CONFIG_DIR", str(tmp_path / "config"))

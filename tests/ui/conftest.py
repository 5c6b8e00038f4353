"""Qt tests collect Python's garbage on the GUI thread only, as the program does."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from reviewer_app.ui import gc_guard


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> None:
    gc_guard.install(qapp)
    # A caret that blinks is drawn or not depending on the moment of a screenshot.
    qapp.setCursorFlashTime(0)

"""Qt tests collect Python's garbage on the GUI thread only, as the program does."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from reviewer_app.ui import gc_guard, i18n


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp: QApplication) -> None:
    gc_guard.install(qapp)


@pytest.fixture
def spanish(qapp: QApplication) -> Iterator[i18n.Installed]:
    """The window in Spanish (Spain's dates and numbers) for one test, then back."""
    installed = i18n.install(qapp, "es", QLocale("es_ES"))
    try:
        yield installed
    finally:
        i18n.uninstall(qapp, installed)

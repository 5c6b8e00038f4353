"""The machine can run the window: Qt starts offscreen and has fonts to draw with."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication


def test_qt_has_fonts(qapp: QApplication) -> None:
    # Without a font installed Qt draws every letter as a box and says nothing.
    assert QFontDatabase.families()

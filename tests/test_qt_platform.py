"""The machine can run the window: Qt starts offscreen and has fonts to draw with."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel


def test_qt_has_fonts(qapp: QApplication) -> None:
    # Without a font installed Qt draws every letter as a box and says nothing.
    assert QFontDatabase.families()


@pytest.mark.skipif(
    sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: no count to lose"
)
def test_qt_calls_keep_the_count_of_references_to_none(qapp: QApplication) -> None:
    """PySide6 6.12.0 on Python 3.11 dropped a reference to None on every call of a
    method returning nothing; after enough calls a long session aborted with
    "none_dealloc". The bindings we pin must not."""
    label = QLabel()
    before = sys.getrefcount(None)
    for n in range(2000):
        label.setObjectName("count")  # returns nothing
        label.setText(str(n))
        label.update()
    assert sys.getrefcount(None) >= before - 10  # other allocations may move it a little

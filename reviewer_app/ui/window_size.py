"""A window's first size: what it would like, or what its screen has room for.

A person at 200% on a 2560x1600 screen has 1280x800 logical pixels; a window asked to
be 1400x900 there runs off the screen, its bottom row of buttons out of reach.
"""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room left around a window for its frame, the taskbar and the window behind it.
SHARE_OF_SCREEN = 0.95


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resizes `window` to `width` x `height`, or smaller to fit its screen (never
    below the window's own minimum size)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is not None:
        room = screen.availableGeometry().size()
        width = min(width, int(room.width() * SHARE_OF_SCREEN))
        height = min(height, int(room.height() * SHARE_OF_SCREEN))
    window.resize(width, height)

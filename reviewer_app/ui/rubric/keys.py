"""Enter presses the button that has focus, although the panel also uses Enter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton

_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
_PLAIN = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)


def _is_enter(event: QEvent) -> bool:
    return (
        isinstance(event, QKeyEvent)
        and Qt.Key(event.key()) in _ENTER
        and event.modifiers() in _PLAIN
    )


class EnterClicks(QObject):
    """Installed on a button: Enter clicks it instead of triggering the panel's
    'write a comment' shortcut (Submit, Reopen, a comment bank)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QAbstractButton) or not _is_enter(event):
            return False
        if event.type() == QEvent.Type.ShortcutOverride:
            event.accept()  # the key goes to the button, not to a shortcut
            return True
        if event.type() == QEvent.Type.KeyPress:
            if watched.isEnabled():
                watched.click()
            return True
        return False

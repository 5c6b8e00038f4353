"""Which button Enter presses in a dialog.

A push button made before it is in its dialog cannot become the dialog's default (Qt
records the default on the dialog the button belongs to at that moment), and every other
push button of a dialog is "auto default": it takes Enter over once it has had the focus,
and the dialog's first one takes Enter when none was recorded. So the button Enter
presses is named once every button is in place, and no other button may take it over.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton


def enter_presses(dialog: QDialog, button: QPushButton) -> None:
    """Enter anywhere in `dialog` (outside a multi-line field) presses `button`, and only it."""
    for other in dialog.findChildren(QPushButton):
        if other is not button:
            other.setDefault(False)
            other.setAutoDefault(False)
    button.setAutoDefault(True)
    button.setDefault(True)

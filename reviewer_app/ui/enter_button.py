"""Which button Enter presses in a dialog.

A push button made default before it is in its dialog is not the dialog's default: Qt
records the default on the dialog the button belongs to at that moment, and with none
recorded, the dialog's first "auto default" button (Cancel, Close, Choose…) takes Enter
when it is shown. So the button Enter presses is named once every button is in place.

The other buttons stay auto default, as desktop dialogs have them: a button with the
focus is pressed by Enter (Tab to Cancel, Enter cancels), and once the focus leaves it,
Enter presses the dialog's own button again.
"""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QPushButton


def enter_presses(dialog: QDialog, button: QPushButton) -> None:
    """Enter in `dialog`'s fields (outside a multi-line one) presses `button`."""
    for other in dialog.findChildren(QPushButton):
        if other is not button:
            other.setDefault(False)
    button.setAutoDefault(True)
    button.setDefault(True)

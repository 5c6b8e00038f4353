"""The window's word for a save that waits for another program's write.

The database layer announces a wait (`storage.waits`) from the thread that waits. When
that is the GUI thread the event loop is stopped until the write goes through, so the
status bar is painted at once; from a worker thread the notice is queued to the GUI.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import QStatusBar

from reviewer_app.storage.waits import off_write_wait, on_write_wait

SHOWN_MS = 8000


class WriteWaitNotice(QObject):
    """Says in `bar` that a change waits for another Portfolio Reviewer to finish."""

    _queued = Signal()

    def __init__(self, bar: QStatusBar) -> None:
        super().__init__(bar)
        self._bar = bar
        self._queued.connect(self.show)
        on_write_wait(self._announce)
        self.destroyed.connect(lambda _obj=None, said=self._announce: off_write_wait(said))

    def _announce(self) -> None:
        if not shiboken6.isValid(self):
            off_write_wait(self._announce)
        elif QThread.currentThread() is self.thread():
            self.show()
        else:
            self._queued.emit()

    def show(self) -> None:
        self._bar.showMessage(
            self.tr(
                "Waiting for another Portfolio Reviewer to finish writing to this data "
                "folder; your change is saved as soon as it has."
            ),
            SHOWN_MS,
        )
        self._bar.repaint()  # the event loop may be stopped by the very wait we announce

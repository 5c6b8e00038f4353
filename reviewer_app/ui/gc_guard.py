"""Python's cyclic garbage collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is
crossed. If that is a background job's thread and the garbage holds a Qt wrapper (a
closed window whose parts refer to each other), Qt deletes a widget off its thread and
the program crashes. So automatic collection is turned off and a timer on the GUI
thread collects instead, a generation at a time, as the automatic collector would.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect_due)
        self._timer.start()

    def collect_due(self) -> None:
        """Collects the oldest generation whose threshold is crossed (and the younger)."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        due = -1
        for generation in range(3):
            if counts[generation] > thresholds[generation]:
                due = generation
        if due >= 0:
            gc.collect(due)


_installed: list[GuiThreadCollector] = []


def install(app: QObject) -> GuiThreadCollector:
    """Once per process, on the QApplication (which lives on the GUI thread)."""
    if not _installed:
        _installed.append(GuiThreadCollector(app))
    return _installed[0]

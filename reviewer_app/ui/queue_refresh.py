"""The queue follows what others change: a short poll, not LISTEN/NOTIFY.

Every few seconds a tiny read off the GUI thread takes the queue's stamp (the audit
trail's newest number and the submissions' count and highest key: see
reviewer_app/reviews/queue_stamp.py). When it moved, the queue is read again with its
filter and sort, the same submission stays selected and the list stays scrolled where
it was; the open submission's evidence and rubric are never reloaded under the reader
(the row shows its new status, the panels keep what is being read and typed).

Why a poll (docs/team.md): the driver hands over a notification only when its
connection is used, so LISTEN would need a connection held open per window and polled
anyway; and a poll works just as well for a data folder that two programs share on one
computer, where SQLite has no notifications at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QAbstractItemView

from reviewer_app.ui.operations import Operations, runner

if TYPE_CHECKING:
    from reviewer_app.reviews.queue_stamp import QueueStamp
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.ui.queue_model import QueueModel

POLL_MS = 3_000


def read_stamp(folder: DataFolder) -> QueueStamp:
    from reviewer_app.reviews.queue_stamp import read_queue_stamp

    return read_queue_stamp(folder)


class QueueRefresher(QObject):
    """Polls `folder` for changes and reloads `model` (shown in `view`) when it moved."""

    refreshed = Signal()  # a reload for others' changes was asked for

    def __init__(
        self,
        model: QueueModel,
        view: QAbstractItemView,
        parent: QObject | None = None,
        *,
        interval_ms: int = POLL_MS,
        operations: Operations | None = None,
    ) -> None:
        super().__init__(parent)
        self._model = model
        self._view = view
        self._operations = operations
        self._folder: DataFolder | None = None
        self._stamp: QueueStamp | None = None
        self._reading = False
        self._timer = QTimer(self, interval=interval_ms)
        self._timer.timeout.connect(self.poll)

    def watch(self, folder: DataFolder) -> None:
        """Follows `folder` from now on (its stamp now is the starting point)."""
        self._folder = folder
        self._stamp = None
        self._timer.start()
        self.poll()

    def stop(self) -> None:
        self._timer.stop()
        self._folder = None

    def poll(self) -> None:
        folder = self._folder
        if folder is None or self._reading:
            return
        self._reading = True

        def arrived(stamp: QueueStamp | None) -> None:
            self._reading = False
            if stamp is None or folder is not self._folder:
                return  # cancelled, or another folder since
            before, self._stamp = self._stamp, stamp
            if before is not None and stamp != before:
                self._reload()

        def failed(_message: str, _details: str) -> None:
            self._reading = False  # a busy or unreachable database: the next tick tries

        operations = self._operations or runner()
        operations.read(
            lambda _cancel, _progress: read_stamp(folder),
            on_success=arrived,
            on_failure=failed,
            owner=self,
        )

    def _reload(self) -> None:
        """The queue read again where the reader is: the selected row stays selected
        (the model keeps its key) and the list where it was scrolled."""
        vertical = self._view.verticalScrollBar().value()
        horizontal = self._view.horizontalScrollBar().value()

        def scroll_back() -> None:
            self._view.verticalScrollBar().setValue(vertical)
            self._view.horizontalScrollBar().setValue(horizontal)

        self._model.loaded.connect(scroll_back, Qt.ConnectionType.SingleShotConnection)
        self._model.reload()
        self.refreshed.emit()

"""Long work off the GUI thread: a function, a cancel token, progress, and callbacks.

Like an operation in the best desktop apps: the widget hands over a plain function (with
copies of its inputs), gets `finished(result)` or `failed(message, details)` back on the
GUI thread, and progress reports arrive as signals it can show; cancel is a flag the
function checks. Widgets never start threads themselves.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThread, Signal

from reviewer_app.errors import Cancelled, UserError
from reviewer_app.progress import CancelToken, ProgressReport


class _Worker(QObject):
    progressed = Signal(object)
    finished = Signal(object)
    failed = Signal(str, str)

    def __init__(
        self,
        work: Callable[[CancelToken, Callable[[ProgressReport], None]], Any],
        cancel: CancelToken,
    ) -> None:
        super().__init__()
        self._work = work
        self._cancel = cancel

    def run(self) -> None:
        try:
            result = self._work(self._cancel, self.progressed.emit)
        except Cancelled:
            self.finished.emit(None)
        except UserError as e:  # the world's fault: a sentence for the person
            self.failed.emit(str(e), "")
        except Exception as e:  # a bug: the crash dialog shows the details
            message = self.tr("Something went wrong: {problem}").format(problem=e)
            self.failed.emit(message, traceback.format_exc())
        else:
            self.finished.emit(result)
        finally:
            # The thread ends as soon as the work does (its signals are already queued
            # for the GUI thread), so the GUI thread may wait() for it without waiting
            # on itself.
            self.thread().quit()


class BackgroundTask(QObject):
    """Runs `work(cancel, progress)` on its own thread; emits on the GUI thread."""

    progressed = Signal(object)  # ProgressReport
    finished = Signal(object)  # the result (None when cancelled)
    failed = Signal(str, str)  # message, details

    def __init__(
        self,
        work: Callable[[CancelToken, Callable[[ProgressReport], None]], Any],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.cancel_token = CancelToken()
        self._thread = QThread()
        self._worker = _Worker(work, self.cancel_token)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progressed.connect(self.progressed)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._started = False
        self._delivered = False  # its result handed over on the GUI thread

    def start(self) -> None:
        self._started = True
        self._thread.start()

    def cancel(self) -> None:
        self.cancel_token.cancel()

    def is_running(self) -> bool:
        """True from `start` until the result has been handed over here: the worker's
        thread ends a moment before its result arrives, and a caller that saw it ended
        would read a result not yet shown."""
        return self._started and not self._delivered

    def wait(self, msecs: int = 60_000) -> bool:
        return self._thread.wait(msecs)

    def _stop_thread(self) -> None:
        self._thread.quit()
        self._thread.wait()

    def _on_finished(self, result: object) -> None:
        self._stop_thread()
        self._delivered = True
        self.finished.emit(result)

    def _on_failed(self, message: str, details: str) -> None:
        self._stop_thread()
        self._delivered = True
        self.failed.emit(message, details)

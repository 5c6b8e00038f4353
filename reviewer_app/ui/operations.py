"""Work off the GUI thread: one writer, a few readers, and callbacks on the GUI thread.

How to run work off the GUI thread
----------------------------------
Hand a plain function to the application's runner (`runner()`, or `context.operations`
in a screen) and say what to do with its outcome::

    folder, credential = self.folder, self.selected_credential()  # copies, not widgets
    self.operation = runner().read(
        lambda cancel, progress: compute_report(folder, credential),
        on_success=self.show_report,
        on_failure=self.show_problem,  # (message, details)
        owner=self,
    )

- `work(cancel, progress)` runs on a worker thread. It touches no widget: it gets copies
  of what it needs, checks `cancel.check()` between small steps and may call
  `progress(ProgressReport(...))`.
- `write(...)` is for work that changes the data folder: every write runs on the one
  writer thread, in the order started, so two writes never race for the database.
  `read(...)` is for work that only reads: it runs on a small pool, beside other reads
  and beside the writer.
- The callbacks run on the GUI thread. `on_success(result)` gets what `work` returned,
  or None when the work was cancelled (it raised `Cancelled`, or was cancelled before it
  started). `on_failure(message, details)` gets a sentence for the person: a `UserError`
  as it is with no details, any other exception as "Something went wrong" with the
  traceback as details (for the crash dialog's "Show details").
- Progress is shown only for work still running after half a second (`PROGRESS_DELAY_MS`):
  `on_busy(True)` is called then, with the latest report to `on_progress`; quicker work
  never flashes a progress bar. `on_busy(False)` follows when it ends, before its outcome.
- Cancel is a flag: `operation.cancel()` sets it and the work stops at its next check.
  Nothing waits in a nested event loop: a screen that must not outlive its work (the
  window closing) calls `operation.finish()`, which waits for the worker thread only
  (the worker never needs the GUI thread to end) and then hands the outcome over at
  once. `owner` is a widget whose deletion cancels the work and drops its callbacks.

A dialog with long work of its own subclasses `TaskDialog` (ui/credentials/common.py):
its `run(work, finished, failed, progressed, writes=...)` starts one operation at a time,
and closing the dialog mid-work cancels it.

What runs here today: imports and the demo data (writes), the credentials dialogs' work
(writes; verifying is a read), the calibration report (a read), the daily backup (a
read: it writes only into the backups folder, so an import need not wait for it), and
every read a screen makes to fill itself: the queue's reloads, filters, search and
counts (reviewer_app/ui/queue_model.py), the lists of the credentials dialogs, of the
dashboard and its drill-downs, of the adjudication screen and of the earlier attempts.
Those go through a `Loader` (reviewer_app/ui/loading.py): the newest request wins, a
result that arrives after a newer one or after its screen is gone is dropped, and
"Loading…" shows only for a read still running after half a second.

Reads and writes that stay on the GUI thread, on purpose
--------------------------------------------------------
- The rubric's saves: a score is written as the key is pressed, so that the next key
  always scores the right submission (see reviewer_app/ui/rubric/panel.py). With a
  submit go the reads that say how it ended: the submission's new status and, for a
  practice anchor, the reference scores.
- Opening a submission (`MainWindow.open_submission`: its view, this reviewer's review,
  the resubmission banner, the search hit; the same for "Next unreviewed" reading the
  statuses of rows not read yet, `QueueModel.status_now`): a key pressed right after a
  click must score the submission just opened, never the one before. It costs a few
  milliseconds (bench/ui_bench.py measures it). Choosing another row in the
  adjudication screen reads its reviews at once for the same reason: a decision
  recorded right after is about the submission shown.
- The queue's first load (`QueueModel.load_now`) and the folder's blind-review
  setting, once, before the window's first paint: the window opens with its rows.

Still on the GUI thread, and the next to move: the "Assign a micro-credential" form
(reviewer_app/ui/assign_dialog.py) reads its one submission and the definitions as it
opens and saves the assignment at once.
"""

from __future__ import annotations

import contextlib
import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal

from reviewer_app.errors import Cancelled, UserError
from reviewer_app.progress import CancelToken, Progress, ProgressReport

Work = Callable[[CancelToken, Progress], Any]
Success = Callable[[Any], None]
Failure = Callable[[str, str], None]

PROGRESS_DELAY_MS = 500
READERS = 3

log = logging.getLogger("reviewer_app.operations")
translate = QCoreApplication.translate


class Operation:
    """One piece of work handed to a runner: cancel it, ask whether it is done, or wait
    for it. Its callbacks run once, on the GUI thread."""

    def __init__(
        self,
        runner: Operations,
        work: Work,
        on_success: Success | None,
        on_failure: Failure | None,
        on_progress: Callable[[ProgressReport], None] | None,
        on_busy: Callable[[bool], None] | None,
    ) -> None:
        self.cancel_token = CancelToken()
        self._runner = runner
        self._key = next(_keys)
        self._work: Work | None = work
        self._on_success = on_success
        self._on_failure = on_failure
        self._on_progress = on_progress
        self._on_busy = on_busy
        self._owner_gone = False
        self._lock = threading.Lock()
        self._latest: ProgressReport | None = None
        self._progress_queued = False
        self._ended = threading.Event()  # the worker is done with it
        self._outcome: tuple[str, Any, str] = ("cancelled", None, "")
        self._timer: QTimer | None = None  # for the progress delay, on the GUI thread
        self.shown = False  # its progress is on screen (it ran past the delay)
        self.delivered = False  # its outcome has been handed over

    # From the GUI thread ------------------------------------------------------------------

    def cancel(self) -> None:
        self.cancel_token.cancel()

    @property
    def running(self) -> bool:
        """True from the start until the outcome has been handed over on the GUI thread
        (the worker ends a moment before that)."""
        return not self.delivered

    def wait(self, timeout_s: float | None = None) -> bool:
        """Waits for the worker to be done with it (not for the callbacks): a thread
        wait, no event loop. True if it is done."""
        return self._ended.wait(timeout_s)

    def finish(self, timeout_s: float | None = None) -> bool:
        """Waits for the worker, then hands the outcome over now, on this (GUI) thread."""
        if not self.wait(timeout_s):
            return False
        self._deliver()
        return True

    # From the worker thread ---------------------------------------------------------------

    def _execute(self) -> None:
        """Runs the work and keeps its outcome. Saying it is done is left to
        `_work_on`, once the worker has let go of the operation."""
        work = self._work
        try:
            if self.cancel_token.cancelled or work is None:
                raise Cancelled()
            self._outcome = ("done", work(self.cancel_token, self._report), "")
        except Cancelled:
            self._outcome = ("cancelled", None, "")
        except UserError as e:  # the world's fault: a sentence for the person
            self._outcome = ("user-error", str(e), "")
        except Exception as e:  # a bug: the details go to whoever supports the person
            self._outcome = ("bug", str(e), traceback.format_exc())
        finally:
            del work

    def _report(self, report: ProgressReport) -> None:
        with self._lock:
            self._latest = report
            if self._progress_queued:  # the GUI has not taken the previous one yet
                return
            self._progress_queued = True
        self._runner._announce(self._runner.progressed, self._key)

    # Back on the GUI thread ---------------------------------------------------------------

    def _alive(self) -> bool:
        return not self._owner_gone

    def _owner_destroyed(self) -> None:
        self._owner_gone = True
        self.cancel()

    def _take_progress(self) -> None:
        with self._lock:
            report, self._progress_queued = self._latest, False
        show = self._on_progress if self.shown and self._alive() else None
        if show is not None and report is not None and not self.delivered:
            show(report)

    def _show(self) -> None:
        if self._timer is not None:
            self._timer.deleteLater()
            self._timer = None
        if self.delivered or self.shown or not self._alive():
            return
        self.shown = True
        if self._on_busy is not None:
            self._on_busy(True)
        self._take_progress()

    def _deliver(self) -> None:
        if self.delivered or not self._ended.is_set():
            return
        self.delivered = True
        self._runner._pending.pop(self._key, None)
        if self._timer is not None:
            self._timer.stop()
            self._timer.deleteLater()
            self._timer = None
        kind, value, details = self._outcome
        self._outcome = ("cancelled", None, "")  # the result goes with the callbacks
        success, failure, busy = self._on_success, self._on_failure, self._on_busy
        # Dropped here, on the GUI thread: the worker must never hold the last reference
        # to a widget the callbacks belong to.
        self._work = self._on_success = self._on_failure = None
        self._on_progress = self._on_busy = None
        if not self._alive():
            return
        if self.shown and busy is not None:
            busy(False)
        if kind in ("done", "cancelled"):
            if success is not None:
                success(value)
            return
        message = value
        if kind == "bug":
            message = translate("Operations", "Something went wrong: {problem}").format(
                problem=value
            )
            log.error("Background work failed:\n%s", details)
        if failure is not None:
            failure(message, details)
        else:
            log.warning("Background work failed with no one to tell: %s", message)


class Operations(QObject):
    """The runner: one writer thread and a small pool of readers."""

    ready = Signal(object)  # the key (an int) of an Operation whose worker is done
    progressed = Signal(object)  # the key (an int) of an Operation with a new progress report

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        readers: int = READERS,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self.progress_delay_ms = progress_delay_ms
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="writer")
        self._readers = ThreadPoolExecutor(max_workers=readers, thread_name_prefix="reader")
        # The operations whose outcome has not been handed over, by key. The only
        # reference a worker gets is the key (see _work_on).
        self._pending: dict[int, Operation] = {}
        self.ready.connect(self._ready)
        self.progressed.connect(self._progressed)
        self.destroyed.connect(self._writer.shutdown)
        self.destroyed.connect(self._readers.shutdown)

    def write(
        self,
        work: Work,
        *,
        on_success: Success | None = None,
        on_failure: Failure | None = None,
        on_progress: Callable[[ProgressReport], None] | None = None,
        on_busy: Callable[[bool], None] | None = None,
        owner: QObject | None = None,
    ) -> Operation:
        """Work that changes the data folder: on the one writer thread, in turn."""
        op = Operation(self, work, on_success, on_failure, on_progress, on_busy)
        return self._start(op, self._writer, owner)

    def read(
        self,
        work: Work,
        *,
        on_success: Success | None = None,
        on_failure: Failure | None = None,
        on_progress: Callable[[ProgressReport], None] | None = None,
        on_busy: Callable[[bool], None] | None = None,
        owner: QObject | None = None,
    ) -> Operation:
        """Work that only reads: on the reader pool, beside other reads and the writer."""
        op = Operation(self, work, on_success, on_failure, on_progress, on_busy)
        return self._start(op, self._readers, owner)

    def pending(self) -> list[Operation]:
        """The operations whose outcome has not been handed over yet."""
        return list(self._pending.values())

    def wait_all(self, timeout_s: float | None = None) -> bool:
        """Waits for every worker (a thread wait): before the data folder closes."""
        return all(op.wait(timeout_s) for op in self.pending())

    def _start(self, op: Operation, pool: ThreadPoolExecutor, owner: QObject | None) -> Operation:
        assert QThread.currentThread() is self.thread(), "operations start on the GUI thread"
        self._pending[op._key] = op
        if owner is not None:
            owner.destroyed.connect(op._owner_destroyed)
        # A timer of its own, not QTimer.singleShot with a callable: that does not keep
        # the callable alive until it fires.
        op._timer = QTimer(self, singleShot=True, interval=self.progress_delay_ms)
        op._timer.timeout.connect(op._show)
        op._timer.start()
        pool.submit(_work_on, self, op._key)
        return op

    def _progressed(self, key: int) -> None:
        op = self._pending.get(key)
        if op is not None:
            op._take_progress()

    def _ready(self, key: int) -> None:
        op = self._pending.get(key)
        if op is not None:
            op._deliver()

    def _announce(self, signal: Any, key: int) -> None:
        # From a worker: queued to the GUI thread. The runner may be gone at exit.
        with contextlib.suppress(RuntimeError):
            signal.emit(key)


_keys = itertools.count()


def _work_on(runner: Operations, key: int) -> None:
    """A worker's part. It lets go of the operation before saying it is done, so the
    operation's last reference always goes on the GUI thread: Qt's binding undoes the
    operation's connection to its owner's `destroyed` signal as it goes, which on a
    worker thread, beside the GUI thread connecting the next one, crashed the program."""
    op = runner._pending.get(key)
    if op is None:
        return
    op._execute()
    ended = op._ended
    del op
    ended.set()
    runner._announce(runner.ready, key)


_runner: Operations | None = None


def runner() -> Operations:
    """The application's runner, made on first use and kept as long as the application."""
    global _runner
    if _runner is None or not shiboken6.isValid(_runner):
        _runner = Operations(QCoreApplication.instance())
    return _runner

"""Worker processes that extract text and make thumbnails, each file bounded in time.

Deriving is CPU work (decoding a camera JPEG, reading a PDF's text) that one Python
process does on one core at a time, so an import large enough to be worth it hands each
file to one of a few worker processes, one per usable core. PDFium, the PDF text
extractor used here, is not thread-safe; a worker does one file at a time, so each
process holds one PDFium and never shares it.

A worker only reads a file and answers with the text and thumbnail bytes; it writes
nothing, so killing one is always safe. That is what bounds a hostile file: a worker
that has not answered within `item_seconds`, or that died (a crash in a C library), is
killed and replaced, and only its file is marked "failed" with a warning saying why;
every other file goes on. Workers are started (spawn, never fork: the window's process
runs Qt threads) only when there is work for them, and end with their import.
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import sys
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reviewer_app.evidence.limits import ImportLimits
from reviewer_app.wording import translate

log = logging.getLogger(__name__)

# Beyond pdf.TEXT_SECONDS (when a slow PDF stops itself with a warning for the pages
# left), so this only ends a worker stuck inside a C library.
ITEM_SECONDS = 90.0
MAX_WORKERS = 8
# Less work than this (bytes of files to derive) is done in the calling process: workers
# take half a second to start, more than such a small derivation takes.
POOL_FROM_BYTES = 4 * 1024 * 1024

Work = Callable[[Path, str, ImportLimits], Any]


def usable_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def planned_workers() -> int:
    """Every usable core (at most MAX_WORKERS), or what REVIEWER_APP_DERIVE_WORKERS
    says (for a machine whose cores are needed elsewhere)."""
    chosen = os.environ.get("REVIEWER_APP_DERIVE_WORKERS", "").strip()
    if chosen.isdigit() and int(chosen) > 0:
        return min(int(chosen), MAX_WORKERS)
    return min(usable_cores(), MAX_WORKERS)


def _serve(conn: multiprocessing.connection.Connection, work: Work, limits: ImportLimits) -> None:
    """A worker's life: answer each (path, media type) with `work`'s result."""
    parent = multiprocessing.parent_process()
    if parent is not None:  # a worker whose import was killed ends too

        def watch() -> None:
            multiprocessing.connection.wait([parent.sentinel])
            os._exit(1)

        threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            job = None
        if job is None:
            _exit_now()
        path, media_type = job
        conn.send(work(Path(path), media_type, limits))


def _exit_now() -> None:
    """Ends a worker at once, without the interpreter's teardown (freeing every module,
    PDFium's and Pillow's among them), which took 0.1 to 0.2 s while its import waited
    for it to end. A worker writes nothing but its answers, each sent whole before it
    reads the next job, so there is nothing left to flush but its own stderr."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            if stream is not None:
                stream.flush()
    os._exit(0)


@dataclass
class _Job:
    path: Path
    media_type: str
    future: Future[Any]


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: multiprocessing.connection.Connection
    job: _Job | None = None
    deadline: float = 0.0


@dataclass
class _State:
    queue: deque[_Job] = field(default_factory=deque)
    workers: list[_Worker] = field(default_factory=list)
    closing: bool = False


class DerivePool:
    """Runs `work(path, media_type, limits)` in worker processes; `submit` gives a
    Future of its result, or of `on_failure(warning)` when the worker hung or died.
    Use as a context manager; closing cancels what has not started and kills workers
    still busy (their futures end with CancelledWork)."""

    def __init__(
        self,
        work: Work,
        on_failure: Callable[[str], Any],
        limits: ImportLimits,
        *,
        workers: int | None = None,
        item_seconds: float | None = None,
    ) -> None:
        self._work, self._on_failure, self._limits = work, on_failure, limits
        self.max_workers = workers or planned_workers()
        self.item_seconds = item_seconds or ITEM_SECONDS
        self._context = multiprocessing.get_context("spawn")
        self._state = _State()
        self._prestart = False
        self._lock = threading.Lock()
        self._wake_recv, self._wake_send = self._context.Pipe(duplex=False)
        self._thread = threading.Thread(target=self._run, name="derive-pool", daemon=True)
        self._thread.start()

    def start_workers(self) -> None:
        """Starts every worker now, to boot while the caller does other work (an import
        staging its first files), instead of when the first file arrives."""
        with self._lock:
            self._prestart = True
        self._wake()

    def __enter__(self) -> DerivePool:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def submit(self, path: Path, media_type: str) -> Future[Any]:
        future: Future[Any] = Future()
        with self._lock:
            if self._state.closing:  # a cancelled import: the file is left for later
                future.cancel()
                return future
            self._state.queue.append(_Job(path, media_type, future))
        self._wake()
        return future

    def close(self) -> None:
        """Cancels what has not started, kills workers still busy, and waits for them."""
        with self._lock:
            self._state.closing = True
        self._wake()
        self._thread.join()
        self._wake_recv.close()
        self._wake_send.close()

    def _wake(self) -> None:
        with contextlib.suppress(OSError):  # closed: the dispatcher has already ended
            self._wake_send.send_bytes(b"!")

    # -- the dispatcher thread ---------------------------------------------------------

    def _run(self) -> None:
        try:
            while self._step():
                pass
        except BaseException:
            log.exception("the derive pool stopped")
        finally:
            self._shut_down()

    def _step(self) -> bool:
        with self._lock:
            closing = self._state.closing
        if closing:
            return False
        if self._prestart:
            self._prestart = False
            while len(self._state.workers) < self.max_workers:
                self._start_worker()
        self._dispatch()
        busy = [w for w in self._state.workers if w.job is not None]
        waits: list[Any] = [self._wake_recv]
        for w in busy:
            waits += [w.conn, w.process.sentinel]
        timeout = None
        if busy:
            timeout = max(0.0, min(w.deadline for w in busy) - time.monotonic())
        ready = multiprocessing.connection.wait(waits, timeout)
        if self._wake_recv in ready:
            while self._wake_recv.poll():
                self._wake_recv.recv_bytes()
        now = time.monotonic()
        for w in busy:
            self._collect(w, now)
        return True

    def _dispatch(self) -> None:
        while True:
            with self._lock:
                if not self._state.queue:
                    return
                job = self._state.queue[0]
                if job.future.cancelled():
                    self._state.queue.popleft()
                    continue
            worker = self._idle_worker()
            if worker is None:
                return
            with self._lock:
                self._state.queue.popleft()
            if not job.future.set_running_or_notify_cancel():
                continue
            try:
                worker.conn.send((str(job.path), job.media_type))
            except OSError:  # it died between jobs: the job goes to another
                self._replace(worker)
                with self._lock:
                    self._state.queue.appendleft(job)
                continue
            worker.job, worker.deadline = job, time.monotonic() + self.item_seconds

    def _idle_worker(self) -> _Worker | None:
        for w in self._state.workers:
            if w.job is None:
                return w
        if len(self._state.workers) < self.max_workers:
            return self._start_worker()
        return None

    def _start_worker(self) -> _Worker:
        ours, theirs = self._context.Pipe()
        process = self._context.Process(
            target=_serve, args=(theirs, self._work, self._limits), name="derive", daemon=True
        )
        process.start()
        theirs.close()
        worker = _Worker(process, ours)
        self._state.workers.append(worker)
        return worker

    def _collect(self, worker: _Worker, now: float) -> None:
        job = worker.job
        assert job is not None
        if worker.conn.poll():
            try:
                result = worker.conn.recv()
            except (EOFError, OSError):
                pass  # it died mid-answer: treated below as a death
            else:
                worker.job = None
                job.future.set_result(result)
                return
        if not worker.process.is_alive():
            log.warning("the reader for %s ended unexpectedly", job.path.name)
            why = translate(
                "EvidenceFiles",
                "made the program reading it stop unexpectedly (perhaps the file is damaged "
                "or made to crash readers); it is kept, but cannot be searched or previewed",
            )
        elif now >= worker.deadline:
            log.warning("reading %s took over %s s; stopped", job.path.name, self.item_seconds)
            why = translate(
                "EvidenceFiles",
                "took more than {seconds} seconds to read, so reading it was stopped; it is "
                "kept, but cannot be searched or previewed",
            ).format(seconds=f"{self.item_seconds:g}")
        else:
            return
        self._replace(worker)
        job.future.set_result(self._on_failure(why))

    def _replace(self, worker: _Worker) -> None:
        """Kills a worker (hung, or dead already); a new one starts when work needs it."""
        _kill(worker)
        self._state.workers.remove(worker)

    def _shut_down(self) -> None:
        with self._lock:
            self._state.closing = True
            queued = list(self._state.queue)
            self._state.queue.clear()
        for job in queued:
            job.future.cancel()
        for w in self._state.workers:
            if w.job is not None:
                _cancel_running(w.job.future)
                _kill(w)
            else:
                with contextlib.suppress(OSError):
                    w.conn.send(None)
        for w in self._state.workers:
            w.process.join(5)
            if w.process.is_alive():
                _kill(w)
            w.conn.close()
        self._state.workers.clear()


def _cancel_running(future: Future[Any]) -> None:
    """A running job's future cannot be cancelled; it ends with an error instead, so
    that nobody waits for it forever."""
    if not future.done():
        future.set_exception(CancelledWork())


class CancelledWork(Exception):
    """The pool closed while this file was being read."""


def _kill(worker: _Worker) -> None:
    if worker.process.is_alive():
        worker.process.kill()
    worker.process.join(5)

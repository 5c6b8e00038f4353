"""A screen's reads, off the GUI thread: the newest request wins.

A `Loader` belongs to one screen (its owner). `load(read, show)` runs `read()` on the
runner's readers (`reviewer_app.ui.operations`) and hands what it returns to `show` on
the GUI thread. Each request takes a new generation: a result that arrives after a newer
request, after `stop()` (the screen closed) or after the owner is gone is dropped, never
shown over the newer one; so is one for a window closed meanwhile.

A read still running after half a second (the runner's progress delay) says so with
`waiting(True)`, so that the screen shows a quiet "Loading…"; quicker reads never flash
it. `waiting(False)` follows when the newest read ends, then `loaded`. Tests and
screenshots wait on `is_loading()` (see `busy_loaders`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QWidget

from reviewer_app.ui.operations import Operation, Operations, runner

T = TypeVar("T")

log = logging.getLogger("reviewer_app.loading")


class Loader(QObject):
    loaded = Signal()  # the newest read ended (shown, or failed)
    waiting = Signal(bool)  # True: the newest read is taking a while; False: it ended

    def __init__(self, owner: QObject, operations: Operations | None = None) -> None:
        super().__init__(owner)
        self._owner = owner
        self._operations = operations
        self._generation = 0
        self._operation: Operation | None = None
        self._slow = False
        self.arrivals = 0  # how many results have been shown (tests wait on it)

    def is_loading(self) -> bool:
        return self._operation is not None

    def load(
        self,
        read: Callable[[], T],
        show: Callable[[T], None],
        failed: Callable[[str], None] | None = None,
    ) -> None:
        """Reads with `read()` off the GUI thread, then `show(result)` on it, unless a
        newer request came first. `read` gets copies, never a widget."""
        self._generation += 1
        generation = self._generation
        if self._operation is not None:
            self._operation.cancel()

        def current() -> bool:
            return generation == self._generation

        def ended() -> None:
            self._operation = None
            self._set_slow(False)

        def success(boxed: tuple[T] | None) -> None:
            if not current():
                return
            ended()
            if boxed is not None and not self._owner_closed():  # None: cancelled
                show(boxed[0])
                self.arrivals += 1
            self.loaded.emit()

        def failure(message: str, _details: str) -> None:
            if not current():
                return
            ended()
            if self._owner_closed():
                pass
            elif failed is not None:
                failed(message)
            else:
                log.warning("A read for the window failed: %s", message)
            self.loaded.emit()

        def busy(on: bool) -> None:
            if on and current():
                self._set_slow(True)

        operations = self._operations or runner()
        self._operation = operations.read(
            lambda _cancel, _progress: (read(),),
            on_success=success,
            on_failure=failure,
            on_busy=busy,
            owner=self._owner,
        )

    def stop(self) -> None:
        """Drops the read under way, if any: the screen closed, or shows something else."""
        self._generation += 1
        if self._operation is not None:
            self._operation.cancel()
        self._operation = None
        self._set_slow(False)

    def finish(self, timeout_s: float | None = None) -> bool:
        """Waits for the read under way (a thread wait) and shows its result now."""
        operation = self._operation
        return operation is None or operation.finish(timeout_s)

    def _owner_closed(self) -> bool:
        """A window closed since it asked: what it asked for is no longer shown."""
        owner = self._owner
        return isinstance(owner, QWidget) and owner.isWindow() and not owner.isVisible()

    def _set_slow(self, slow: bool) -> None:
        if slow != self._slow:
            self._slow = slow
            self.waiting.emit(slow)


def busy_loaders(widget: QObject) -> list[Loader]:
    """The loaders of `widget` and its children that are still reading."""
    return [loader for loader in widget.findChildren(Loader) if loader.is_loading()]


def loading_text() -> str:
    """The placeholder a screen shows while a slow read is under way."""
    return QCoreApplication.translate("Loading", "Loading…")


def rows_arrived(view: QAbstractItemView) -> None:
    """Rows that arrive in a view that already has the focus: its first row becomes the
    current one, as in a view that had its rows when it took the focus (arrow keys then
    start there, and the view looks the same either way)."""
    model = view.model()
    if view.hasFocus() and not view.currentIndex().isValid() and model.rowCount() > 0:
        view.setCurrentIndex(model.index(0, 0))


def contents_arrived(window: QWidget) -> None:
    """A window sized by its contents when shown (resized neither by the person nor by
    the program) takes the size its arrived contents ask for, as if they had been there
    when it was shown."""
    if window.isWindow() and not window.testAttribute(Qt.WidgetAttribute.WA_Resized):
        window.adjustSize()
        window.setAttribute(Qt.WidgetAttribute.WA_Resized, False)  # as showing leaves it

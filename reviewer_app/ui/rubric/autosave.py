"""Text saves on a short debounce: typing pauses, or focus leaves, and it is written.

Each pending save is a closure that already holds the review it belongs to and the text
as it was typed, so a save that runs after the reviewer moved on still lands on the
right submission (scores never bleed into the next one).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtCore import QObject, QTimer, Signal

Save = Callable[[], None]

DEBOUNCE_MS = 400  # after typing stops; "killing the app loses nothing typed a second ago"
RETRY_MS = 3000  # after a failed save, try again


class DebouncedSaves(QObject):
    """Pending text saves, one per box, run together when the timer fires or on `flush`.

    `run(save)` performs one save and returns True when it is saved, False when it
    failed for now (a busy or full disk: it stays pending and is tried again, so text is
    never dropped for that), or None when it can never succeed (it is dropped; the
    runner has told the reviewer why).
    """

    pending_changed = Signal(bool)

    def __init__(
        self,
        run: Callable[[Save], bool | None],
        parent: QObject | None = None,
        *,
        delay_ms: int = DEBOUNCE_MS,
    ) -> None:
        super().__init__(parent)
        self._run = run
        self._pending: dict[Hashable, Save] = {}
        self._delay_ms = delay_ms
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

    @property
    def pending(self) -> bool:
        return bool(self._pending)

    def schedule(self, key: Hashable, save: Save) -> None:
        """Replaces any pending save for `key` and restarts the quiet period."""
        was_pending = self.pending
        self._pending[key] = save
        self._timer.start(self._delay_ms)
        if not was_pending:
            self.pending_changed.emit(True)

    def flush(self, key: Hashable | None = None) -> bool:
        """Runs the pending saves now (only `key`'s if given); True if none failed."""
        keys = [key] if key is not None else list(self._pending)
        was_pending, ok = self.pending, True
        for k in keys:
            save = self._pending.pop(k, None)
            if save is None:
                continue
            result = self._run(save)
            if result is False:
                self._pending.setdefault(k, save)  # unless newer text came meanwhile
            ok = ok and result is True
        if not self._pending:
            self._timer.stop()
            if was_pending:
                self.pending_changed.emit(False)
        elif not ok and not self._timer.isActive():
            self._timer.start(RETRY_MS)
        return ok

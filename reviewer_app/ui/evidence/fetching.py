"""Bringing a team database's evidence file to this laptop, off the GUI thread.

An item whose file is not cached yet (`ItemView.fetch`) takes as long to show as its
bytes take to arrive, up to a hundred megabytes; the window stays responsive meanwhile
and shows the file when it is here, if the reader is still on that item.
"""

from __future__ import annotations

import logging
from contextlib import suppress

from PySide6.QtCore import QObject, QThreadPool, Signal

from reviewer_app.errors import UserError
from reviewer_app.reviews.queue import ItemView

_log = logging.getLogger(__name__)


def needs_fetch(item: ItemView) -> bool:
    return item.fetch is not None and item.file is not None and not item.file.is_file()


class EvidenceFetcher(QObject):
    """`request(item, page)` fetches on the pool; `fetched(item_id, page, problem)`
    follows on the GUI thread, `problem` empty when the file is now cached."""

    fetched = Signal(int, object, str)
    _done = Signal(int, object, str)  # emitted on the worker thread, delivered queued

    def __init__(self, pool: QThreadPool | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._done.connect(self.fetched)

    def request(self, item: ItemView, page: int | None) -> None:
        fetch, done = item.fetch, self._done
        assert fetch is not None

        def work() -> None:
            problem = ""
            try:
                fetch()
            except (UserError, OSError) as e:
                problem = str(e)
            except Exception as e:  # never a traceback in the window; the log has it
                _log.exception("Fetching evidence item %s failed", item.id)
                problem = str(e) or type(e).__name__
            with suppress(RuntimeError):  # the panel was deleted meanwhile
                done.emit(item.id, page, problem)

        self._pool.start(work)

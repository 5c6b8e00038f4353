"""The queue of submissions: a table model over ids with a lazy row cache.

The model holds the ordered submission keys for the current filter (one query) and
fetches row contents a page at a time, only for rows the view asks about, keeping a
bounded cache. Sorting and filtering re-run the id query in the database.

Every read runs off the GUI thread (`reviewer_app.ui.loading`): `reload()` reads the
keys, the first page of rows, the counts of each status and the micro-credentials in
one go and swaps them in at once when they arrive; a reload asked for meanwhile wins
over the one under way. A page the view asks for that is not read yet is read in the
background and painted when it comes. Two reads stay on the GUI thread on purpose:
`load_now()`, the window's first load before its first paint (so that it opens with its
rows), and `status_now()` for "Next unreviewed", which opens a submission at once.

At start the model may have no folder yet: `show_first_screen()` shows the queue as read
without the data layer (reviewer_app/reviews/first_screen.py) until the window opens
the folder and hands it over (`set_folder()`, then `reload()`).
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from reviewer_app.reviews.codes import submission_code
from reviewer_app.reviews.queue_filter import QueueFilter, QueueRow
from reviewer_app.ui.dates import shown_moment
from reviewer_app.ui.loading import Loader
from reviewer_app.ui.operations import Operations, runner
from reviewer_app.vocabulary import Status

if TYPE_CHECKING:
    from reviewer_app.reviews.first_screen import FirstScreen
    from reviewer_app.storage.datafolder import DataFolder

__all__ = [
    "COLUMN_STATUS",
    "COLUMN_SUBMISSION",
    "PK_ROLE",
    "STATUS_ROLE",
    "QueueModel",
    "status_word",
]

translate = QCoreApplication.translate

# QT_TRANSLATE_NOOP returns its text unchanged; its stub says `object`, hence the casts.
COLUMNS = cast(
    tuple[str, ...],
    (
        QT_TRANSLATE_NOOP("QueueModel", "Submission"),
        QT_TRANSLATE_NOOP("QueueModel", "Earner"),
        QT_TRANSLATE_NOOP("QueueModel", "Micro-credential"),
        QT_TRANSLATE_NOOP("QueueModel", "Attempt"),
        QT_TRANSLATE_NOOP("QueueModel", "Status"),
        QT_TRANSLATE_NOOP("QueueModel", "Submitted"),
    ),
)
# How the window says each status (vocabulary.STATUS_WORDS, in the person's language).
STATUS_NAMES = cast(
    dict[str, str],
    {
        Status.UNREVIEWED: QT_TRANSLATE_NOOP("QueueModel", "Not reviewed"),
        Status.IN_REVIEW: QT_TRANSLATE_NOOP("QueueModel", "In review"),
        Status.ADJUDICATION: QT_TRANSLATE_NOOP("QueueModel", "Needs adjudication"),
        Status.PASS: QT_TRANSLATE_NOOP("QueueModel", "Pass"),
        Status.NOT_YET: QT_TRANSLATE_NOOP("QueueModel", "Not Yet"),
    },
)
SORT_BY_COLUMN = ("submission", "earner", "credential", "attempt", "status", "submitted")
PAGE = 200
CACHE_ROWS = 5_000
PK_ROLE = Qt.ItemDataRole.UserRole + 1
# A row's status as its key ("unreviewed"), whatever the words shown for it.
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
COLUMN_SUBMISSION = 0
COLUMN_STATUS = 4

Index = QModelIndex | QPersistentModelIndex


def status_word(status: str) -> str:
    """A status as the window says it, translated; an unknown one as it is."""
    name = STATUS_NAMES.get(status)
    return translate("QueueModel", name) if name is not None else status


def local_time(moment: dt.datetime) -> str:
    """A moment in the person's time zone and locale (the window's date, then the time)."""
    return shown_moment(moment)


@dataclass
class QueueSnapshot:
    """What one read of the queue brings: the keys in order, the rows of the pages the
    view shows first, the count of each status and the micro-credentials in the queue."""

    ids: list[int]
    rows: dict[int, QueueRow]
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(Status, 0))
    credentials: list[tuple[str, str]] = field(default_factory=list)


def read_queue(folder: DataFolder, f: QueueFilter, keep: int | None) -> QueueSnapshot:
    """One read transaction (any thread): the keys, the first page and the page of
    `keep` (the row that stays selected), the counts and the micro-credentials."""
    from reviewer_app.reviews.queue import (
        credentials_in_queue,
        queue_ids,
        queue_rows,
        status_counts,
    )

    with folder.read_sessions() as session:
        ids = queue_ids(session, f)
        wanted = ids[:PAGE]
        if keep is not None and keep not in wanted:
            try:
                start = (ids.index(keep) // PAGE) * PAGE
            except ValueError:
                pass
            else:
                wanted = wanted + ids[start : start + PAGE]
        rows = queue_rows(session, wanted)
        return QueueSnapshot(ids, rows, status_counts(session), credentials_in_queue(session))


def read_rows(folder: DataFolder, pks: list[int]) -> tuple[dict[int, QueueRow], dict[str, int]]:
    """The rows of submissions that changed, and the counts (any thread)."""
    from reviewer_app.reviews.queue import queue_rows, status_counts

    with folder.read_sessions() as session:
        return queue_rows(session, pks), status_counts(session)


class QueueModel(QAbstractTableModel):
    loaded = Signal()  # a reload's rows have been swapped in
    waiting = Signal(bool)  # a reload is taking a while (True) or ended (False)

    def __init__(
        self, folder: DataFolder | None, parent: Any = None, operations: Operations | None = None
    ) -> None:
        """With None, the model shows what `show_first_screen()` gives until
        `set_folder()` (reads asked for meanwhile wait for the folder)."""
        super().__init__(parent)
        self._folder = folder
        self._operations = operations
        self._filter = QueueFilter()
        self._ids: list[int] = []
        self._rows: OrderedDict[int, QueueRow] = OrderedDict()
        self._version = 0  # one more at each swap: a page read for older keys is dropped
        self._pages: set[int] = set()  # first positions of the pages being read
        self._stale: set[int] = set()  # keys of rows changed and not read again yet
        self._loader = Loader(self, operations)
        self._loader.waiting.connect(self.waiting)
        self._refresher = Loader(self, operations)
        self.counts: dict[str, int] = dict.fromkeys(Status, 0)
        self.credentials: list[tuple[str, str]] = []
        self.keep_pk: int | None = None  # the row to keep selected: its page comes first
        self.blind = False
        self.on_reload: Callable[[], None] | None = None

    # The filter ---------------------------------------------------------------------

    @property
    def filter(self) -> QueueFilter:
        return self._filter

    def set_filter(self, f: QueueFilter) -> None:
        self._filter = f
        self.reload()

    def set_folder(self, folder: DataFolder) -> None:
        """Reads from `folder` from now on (the window opened its folder, or switched
        databases); call `reload()` next."""
        self._loader.stop()
        self._refresher.stop()
        self._folder = folder

    def is_loading(self) -> bool:
        return self._loader.is_loading() or self._refresher.is_loading() or bool(self._pages)

    def reload(self) -> None:
        """Re-reads the queue off the GUI thread (after an import, a decision, a filter
        change); the rows shown stay until the new ones arrive, all at once."""
        folder, f, keep = self._folder, self._filter, self.keep_pk
        if folder is None:  # read when the folder comes (the window reloads then)
            return
        self._refresher.stop()  # this read brings the changed rows too
        self._loader.load(lambda: read_queue(folder, f, keep), self._swap)

    def load_now(self) -> None:
        """Reads the queue on this thread: only for the window's first paint."""
        assert self._folder is not None
        self._loader.stop()
        self._swap(read_queue(self._folder, self._filter, self.keep_pk))

    def show_first_screen(self, first: FirstScreen) -> None:
        """Shows the queue as read before the data folder was opened (the window's
        start, reviewer_app/reviews/first_screen.py); `set_folder()` and `reload()`
        follow, and the rows shown stay until the reload's arrive."""
        self.blind = first.blind
        self._swap(QueueSnapshot(first.ids, first.rows, first.counts, first.credentials))

    def _swap(self, snapshot: QueueSnapshot) -> None:
        self.beginResetModel()
        self._version += 1
        self._pages.clear()
        self._stale.clear()
        self._ids = snapshot.ids
        self._rows.clear()
        self._rows.update(snapshot.rows)
        self.counts = snapshot.counts
        self.credentials = snapshot.credentials
        self.endResetModel()
        if self.on_reload is not None:
            self.on_reload()
        self.loaded.emit()

    def refresh_row(self, pk: int) -> None:
        """One submission changed (its status): re-read it and the counts off the GUI
        thread, then repaint its row. The row shows what it had until then."""
        if self._loader.is_loading() or self._folder is None:  # the reload to come brings it
            self.reload()
            return
        # Every row changed since the last read comes in this one: a newer request
        # replaces an older one, which must not leave the older's row unread.
        self._stale.add(pk)
        folder, version, pks = self._folder, self._version, sorted(self._stale)

        def show(found: tuple[dict[int, QueueRow], dict[str, int]]) -> None:
            rows, self.counts = found
            if version == self._version:
                for changed in pks:
                    self._stale.discard(changed)
                    if changed in rows:
                        self._rows[changed] = rows[changed]
                        self._changed(changed)
            if self.on_reload is not None:
                self.on_reload()

        self._refresher.load(lambda: read_rows(folder, pks), show)

    def _changed(self, pk: int) -> None:
        position = self.row_of(pk)
        if position is not None:
            self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))

    def set_blind(self, blind: bool) -> None:
        self.blind = blind
        if self._ids:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
            )

    def pk_at(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, pk: int) -> int | None:
        try:
            return self._ids.index(pk)
        except ValueError:
            return None

    # QAbstractTableModel --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        # The tooltip too: a narrow column cuts its header short ("Micro-creden…").
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
        if horizontal and role in shown and 0 <= section < len(COLUMNS):
            return self.tr(COLUMNS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == PK_ROLE:
            return self._ids[index.row()]
        if role == STATUS_ROLE:
            found = self._row(index.row())
            return found.status if found is not None else None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return None
        row = self._row(index.row())
        if row is None:
            return None
        return self._text(row, index.column())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_BY_COLUMN):
            return
        descending = order == Qt.SortOrder.DescendingOrder
        f = replace(self._filter, sort=SORT_BY_COLUMN[column], descending=descending)
        if f != self._filter:  # the view says its first order when built: nothing to read
            self.set_filter(f)

    # Rows -----------------------------------------------------------------------------

    def _text(self, row: QueueRow, column: int) -> str:
        if column == 0:
            return (
                submission_code(row.submission_id)
                if self.blind and row.loose
                else row.submission_id
            )
        if column == 1:
            if self.blind:
                return submission_code(row.submission_id)
            # A platform's blind marking gives no name at all.
            return row.earner or self.tr("(no name: blind marking)")
        if column == 2:
            return row.credential or self.tr("(no micro-credential yet)")
        if column == 3:
            return QLocale().toString(row.attempt)
        if column == 4:
            return status_word(row.status)
        if column == 5:
            when = local_time(row.submitted_at) if row.submitted_at else ""
            if row.late:  # the platform's word: it came in after the due date
                return self.tr("{when} (late)").format(when=when) if when else self.tr("Late")
            return when
        return ""

    def status_now(self, position: int) -> str | None:
        """A row's status, read on this thread if its page is not read yet: "Next
        unreviewed" opens a submission at once, like a click (see the module's note)."""
        row = self._row(position)
        if row is None and 0 <= position < len(self._ids) and self._folder is not None:
            from reviewer_app.reviews.queue import queue_rows

            start = (position // PAGE) * PAGE
            with self._folder.read_sessions() as session:
                self._keep(queue_rows(session, self._ids[start : start + PAGE]))
            row = self._rows.get(self._ids[position])
        return row.status if row is not None else None

    def _row(self, position: int) -> QueueRow | None:
        pk = self._ids[position]
        row = self._rows.get(pk)
        if row is not None:
            self._rows.move_to_end(pk)
            return row
        self._read_page((position // PAGE) * PAGE)
        return None  # painted empty until its page arrives

    def _read_page(self, start: int) -> None:
        folder = self._folder
        if start in self._pages or folder is None:  # without a folder: read at its reload
            return
        self._pages.add(start)
        page, version = self._ids[start : start + PAGE], self._version

        def read() -> dict[int, QueueRow]:
            from reviewer_app.reviews.queue import queue_rows

            with folder.read_sessions() as session:
                return queue_rows(session, page)

        def show(fetched: object) -> None:
            if version != self._version:
                return  # the keys changed meanwhile
            self._pages.discard(start)
            if not isinstance(fetched, dict):
                return  # cancelled
            self._keep(fetched)
            last = min(start + PAGE, len(self._ids)) - 1
            if last >= start:
                self.dataChanged.emit(self.index(start, 0), self.index(last, len(COLUMNS) - 1))

        def failed(message: str, _details: str) -> None:
            if version == self._version:
                self._pages.discard(start)

        operations = self._operations or runner()
        operations.read(
            lambda _cancel, _progress: read(), on_success=show, on_failure=failed, owner=self
        )

    def _keep(self, fetched: dict[int, QueueRow]) -> None:
        self._rows.update(fetched)
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)

"""The queue of submissions: a table model over ids with a lazy row cache.

The model holds the ordered submission keys for the current filter (one query) and
fetches row contents a page at a time, only for rows the view asks about, keeping a
bounded cache. Sorting and filtering re-run the id query in the database.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from typing import Any, cast

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from reviewer_app.reviews.blind import submission_code
from reviewer_app.reviews.queue import QueueFilter, QueueRow, queue_ids, queue_rows
from reviewer_app.reviews.statuses import STATUS_WORDS
from reviewer_app.storage.datafolder import DataFolder
from reviewer_app.ui.dates import shown_moment

__all__ = [
    "COLUMN_STATUS",
    "COLUMN_SUBMISSION",
    "PK_ROLE",
    "STATUS_ROLE",
    "STATUS_WORDS",
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
# How the window says each status (STATUS_WORDS, in the person's language).
STATUS_NAMES = cast(
    dict[str, str],
    {
        "unreviewed": QT_TRANSLATE_NOOP("QueueModel", "Not reviewed"),
        "in-review": QT_TRANSLATE_NOOP("QueueModel", "In review"),
        "adjudication": QT_TRANSLATE_NOOP("QueueModel", "Needs adjudication"),
        "pass": QT_TRANSLATE_NOOP("QueueModel", "Pass"),
        "not-yet": QT_TRANSLATE_NOOP("QueueModel", "Not Yet"),
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


class QueueModel(QAbstractTableModel):
    def __init__(self, folder: DataFolder, parent: Any = None) -> None:
        super().__init__(parent)
        self._folder = folder
        self._filter = QueueFilter()
        self._ids: list[int] = []
        self._rows: OrderedDict[int, QueueRow] = OrderedDict()
        self.blind = False
        self.on_reload: Callable[[], None] | None = None

    # The filter ---------------------------------------------------------------------

    @property
    def filter(self) -> QueueFilter:
        return self._filter

    def set_filter(self, f: QueueFilter) -> None:
        self._filter = f
        self.reload()

    def reload(self) -> None:
        """Re-reads the ids (after an import, a decision, a filter change)."""
        with self._folder.read_sessions() as session:
            ids = queue_ids(session, self._filter)
        self.beginResetModel()
        self._ids = ids
        self._rows.clear()
        self.endResetModel()
        if self.on_reload is not None:
            self.on_reload()

    def refresh_row(self, pk: int) -> None:
        """One submission changed (its status): re-read it and repaint its row."""
        self._rows.pop(pk, None)
        try:
            row = self._ids.index(pk)
        except ValueError:
            return
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

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
        self.set_filter(replace(self._filter, sort=SORT_BY_COLUMN[column], descending=descending))

    # Rows -----------------------------------------------------------------------------

    def _text(self, row: QueueRow, column: int) -> str:
        if column == 0:
            return (
                submission_code(row.submission_id)
                if self.blind and row.loose
                else row.submission_id
            )
        if column == 1:
            return submission_code(row.submission_id) if self.blind else row.earner
        if column == 2:
            return row.credential or self.tr("(no micro-credential yet)")
        if column == 3:
            return QLocale().toString(row.attempt)
        if column == 4:
            return status_word(row.status)
        if column == 5:
            return local_time(row.submitted_at) if row.submitted_at else ""
        return ""

    def _row(self, position: int) -> QueueRow | None:
        pk = self._ids[position]
        row = self._rows.get(pk)
        if row is not None:
            self._rows.move_to_end(pk)
            return row
        start = (position // PAGE) * PAGE
        page = self._ids[start : start + PAGE]
        with self._folder.read_sessions() as session:
            fetched = queue_rows(session, page)
        self._rows.update(fetched)
        while len(self._rows) > CACHE_ROWS:
            self._rows.popitem(last=False)
        return fetched.get(pk)

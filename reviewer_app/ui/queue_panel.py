"""The queue pane: search, filters, the table of submissions and their counts.

The table is meant to be scanned: the submission id and its status come first (a
submission id of 20 characters shows whole at the default width; a longer one is cut
in its middle, whole in its tooltip), columns are resizable and can be dragged into
another order, and that order is remembered per person (`header_state`). Statuses are
found by their key (`STATUS_ROLE`), never by the words the table shows.

The pane collapses to a narrow strip (`set_collapsed`): a button to bring it back and
the position of the open submission in the queue.

The pane reads nothing itself: the model reads off the GUI thread and the pane shows
what it brought (the counts, the micro-credentials to filter by). Typing a search never
waits for the database. The row chosen stays chosen across reloads, by its submission
key; a reload that takes a while says "Loading…" where the counts are.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QLocale, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.ui.eliding_combo import ElidingComboBox
from reviewer_app.ui.loading import loading_text
from reviewer_app.ui.queue_model import (
    COLUMN_STATUS,
    COLUMN_SUBMISSION,
    QueueModel,
    status_word,
)
from reviewer_app.vocabulary import Status

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder

# Widths at the default layout: an id of 20 characters and the longest status whole.
ID_CHARACTERS = 20
STRIP_WIDTH = 36
# Shown first, in this order; the others follow as the model has them.
FIRST_COLUMNS = (COLUMN_SUBMISSION, COLUMN_STATUS)


class QueueTable(QTableView):
    """Enter (or Return) on a row opens it, even though the window's rubric uses Enter:
    the table takes the key before any shortcut does, and says so with `row_entered`."""

    row_entered = Signal(int)

    def event(self, event: object) -> bool:
        from PySide6.QtCore import QEvent

        if (
            isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.ShortcutOverride
            and _is_plain_enter(event)
        ):
            event.accept()
            return True
        return super().event(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if _is_plain_enter(event) and self.currentIndex().isValid():
            self.row_entered.emit(self.currentIndex().row())
            return
        super().keyPressEvent(event)


def _is_plain_enter(event: QKeyEvent) -> bool:
    plain = (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and event.modifiers() in plain


class QueuePanel(QStackedWidget):
    """Page 0: the whole queue; page 1: the collapsed strip."""

    filters_changed = Signal()
    collapse_requested = Signal(bool)

    def __init__(self, folder: DataFolder | None, model: QueueModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.folder = folder
        self.model = model
        self.setAccessibleName(self.tr("Queue"))
        self._build_full()
        self._build_strip()
        self.addWidget(self.full)
        self.addWidget(self.strip)
        self._search_timer = QTimer(self, singleShot=True, interval=250)
        self._search_timer.timeout.connect(self.filters_changed)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.status_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.credential_filter.currentIndexChanged.connect(lambda _i: self.filters_changed.emit())
        self.resubmissions.toggled.connect(lambda _on: self.filters_changed.emit())
        self._credentials_shown: list[tuple[str, str]] | None = None
        self.fill_credentials()
        self.table.selectionModel().currentRowChanged.connect(self._remember_current)
        self.model.modelReset.connect(self._keep_selection)
        self.model.loaded.connect(self.fill_credentials)
        self.model.waiting.connect(self._show_waiting)

    # Building -------------------------------------------------------------------------

    def _build_full(self) -> None:
        self.search = QLineEdit(placeholderText=self.tr("Search evidence, ids, names"))
        self.search.setAccessibleName(self.tr("Search the queue"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.search.placeholderText())
        self.status_filter = QComboBox()
        self.status_filter.setAccessibleName(self.tr("Show submissions with status"))
        self.status_filter.setToolTip(self.tr("Lists only the submissions with this status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in Status:
            self.status_filter.addItem(status_word(status), str(status))
        self.credential_filter = ElidingComboBox()  # long names: cut short, whole in the tip
        self.credential_filter.setAccessibleName(self.tr("Show submissions for micro-credential"))
        self.credential_filter.setAccessibleDescription(
            self.tr("Lists only the submissions for this micro-credential")
        )
        self.resubmissions = QCheckBox(self.tr("Resubmissions only"))
        self.resubmissions.setAccessibleName(self.tr("Show resubmissions only"))
        self.resubmissions.setToolTip(
            self.tr("Lists only second and later attempts, hiding first submissions")
        )
        self.collapse_button = QToolButton()
        self.collapse_button.setText("\u2039")  # a single left-pointing angle
        self.collapse_button.setAutoRaise(True)
        self.collapse_button.setAccessibleName(self.tr("Hide the queue"))
        self.collapse_button.setToolTip(self.tr("Hide the queue to a narrow strip (F9)"))
        self.collapse_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.collapse_button.clicked.connect(lambda: self.collapse_requested.emit(True))
        self.table = QueueTable()
        self.table.setAccessibleName(self.tr("Submission queue"))
        self.table.setAccessibleDescription(
            self.tr(
                "One submission a row; Up and Down arrows move, and the chosen one opens in "
                "the evidence and rubric panels"
            )
        )
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the queue; arrows move in it
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setTextElideMode(Qt.TextElideMode.ElideRight)
        self._default_columns()
        self.counts = QLabel()
        self.counts.setWordWrap(True)  # the counts of every status, on two lines if need be
        self.counts.setAccessibleName(self.tr("Submissions by status"))

        self.full = QWidget()
        layout = QVBoxLayout(self.full)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.collapse_button)
        layout.addLayout(top)
        filters = QHBoxLayout()
        filters.addWidget(self.status_filter)
        filters.addWidget(self.credential_filter, 1)
        layout.addLayout(filters)
        layout.addWidget(self.resubmissions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)

    def _build_strip(self) -> None:
        self.strip = QWidget()
        self.strip.setAccessibleName(self.tr("Queue, hidden"))
        self.expand_button = QToolButton()
        self.expand_button.setText("\u203a")  # a single right-pointing angle
        self.expand_button.setAccessibleName(self.tr("Show the queue"))
        self.expand_button.setToolTip(self.tr("Show the queue again (F9)"))
        self.expand_button.clicked.connect(lambda: self.collapse_requested.emit(False))
        self.position = QLabel()
        self.position.setAccessibleName(self.tr("Position in the queue"))
        self.position.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.position.setWordWrap(True)
        layout = QVBoxLayout(self.strip)
        layout.setContentsMargins(2, 4, 2, 4)
        layout.addWidget(self.expand_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.position)
        layout.addStretch(1)

    def _default_columns(self) -> None:
        header = self.table.horizontalHeader()
        for visual, logical in enumerate(FIRST_COLUMNS):
            header.moveSection(header.visualIndex(logical), visual)
        metrics = self.table.fontMetrics()
        padding = 18  # the cell's margins on both sides, and a little air
        # Ids are upper-case letters, digits and dashes: the widest of 20 whole.
        header.resizeSection(
            COLUMN_SUBMISSION,
            metrics.horizontalAdvance("GEC-2026-0301-ABCDEF"[:ID_CHARACTERS]) + padding,
        )
        longest = max(metrics.horizontalAdvance(status_word(s)) for s in Status)
        header.resizeSection(COLUMN_STATUS, longest + padding)

    def reset_columns(self) -> None:
        header = self.table.horizontalHeader()
        for logical in range(self.model.columnCount()):
            header.moveSection(header.visualIndex(logical), logical)
        self._default_columns()

    def header_state(self) -> QByteArray:
        return self.table.horizontalHeader().saveState()

    def restore_header(self, state: QByteArray) -> None:
        header = self.table.horizontalHeader()
        header.restoreState(state)
        header.setSectionsMovable(True)  # restoreState does not keep it
        header.setSortIndicatorShown(True)

    # Collapsing -------------------------------------------------------------------------

    def is_collapsed(self) -> bool:
        return self.currentWidget() is self.strip

    def set_collapsed(self, collapsed: bool) -> None:
        had_focus = self.full.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        self.setCurrentWidget(self.strip if collapsed else self.full)
        if collapsed:
            self.setMaximumWidth(STRIP_WIDTH)
            self.update_position()
        else:
            self.setMaximumWidth(16_777_215)
        if had_focus and collapsed:
            self.expand_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def update_position(self) -> None:
        """The strip shows where in the queue the open submission is ("3 / 12")."""
        row = self.table.currentIndex().row()
        total = QLocale().toString(self.model.rowCount())
        shown = QLocale().toString(row + 1) if row >= 0 else "\u2013"
        self.position.setText(f"{shown}\n/\n{total}")
        self.position.setToolTip(
            self.tr("Submission {row} of {total} in the queue").format(row=shown, total=total)
        )

    # Filters and counts -----------------------------------------------------------------

    def fill_credentials(self) -> None:
        """The micro-credentials to filter by, as the model's last read found them."""
        if self.model.credentials == self._credentials_shown:
            return
        self._credentials_shown = list(self.model.credentials)
        current = self.credential_filter.currentData()
        self.credential_filter.blockSignals(True)
        self.credential_filter.clear()
        self.credential_filter.addItem(self.tr("All micro-credentials"), None)
        for uri, name in self._credentials_shown:
            self.credential_filter.addItem(name, uri)
        index = self.credential_filter.findData(current)
        self.credential_filter.setCurrentIndex(max(index, 0))
        self.credential_filter.blockSignals(False)

    def apply_filters(self) -> None:
        status = self.status_filter.currentData()
        f = replace(
            self.model.filter,
            statuses=frozenset({Status(status)}) if status else frozenset(),
            credential_uri=self.credential_filter.currentData(),
            attempt_min=2 if self.resubmissions.isChecked() else None,
            search=self.search.text(),
        )
        self.model.set_filter(f)

    def update_counts(self) -> int:
        """Shows the count of each status (as the model's last read found them); returns
        how many submissions there are."""
        counts = self.model.counts
        number = QLocale().toString
        words = ", ".join(
            self.tr("{status}: {count}").format(status=status_word(s), count=number(counts[s]))
            for s in Status
        )
        self.counts.setText(
            self.tr("{shown} shown. {counts}").format(
                shown=number(self.model.rowCount()), counts=words
            )
        )
        self.update_position()
        return sum(counts.values())

    def _show_waiting(self, waiting: bool) -> None:
        if waiting:
            self.counts.setText(loading_text())
        else:
            self.update_counts()

    # Moving -----------------------------------------------------------------------------

    def _remember_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pk = self.model.pk_at(current.row())
        if pk is not None:
            self.model.keep_pk = pk

    def _keep_selection(self) -> None:
        """After a reload, the row chosen before is chosen again (by its key)."""
        row = self.model.row_of(self.model.keep_pk) if self.model.keep_pk is not None else None
        if row is not None:
            self.table.selectRow(row)

    def select_pk(self, pk: int | None) -> None:
        """Chooses the row of `pk`, now and after the reloads to come."""
        if pk is None:
            return
        self.model.keep_pk = pk
        row = self.model.row_of(pk)
        if row is not None:
            self.table.selectRow(row)

    def step(self, step: int) -> None:
        current = self.table.currentIndex().row()
        target = current + step if current >= 0 else 0
        if 0 <= target < self.model.rowCount():
            self.table.selectRow(target)

    def next_unreviewed(self) -> bool:
        """Selects the next row whose status is unreviewed (by its key, not its words)."""
        start = self.table.currentIndex().row() + 1
        for row in range(start, self.model.rowCount()):
            if self.model.status_now(row) == Status.UNREVIEWED:
                self.table.selectRow(row)
                return True
        return False

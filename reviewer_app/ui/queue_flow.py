"""The window's side of the queue, mixed into the main window: a row chosen opens its
submission, the filters and the counts, reloading while an import lands, and the
"next", "previous" and "next unreviewed" of the Review menu.

The queue's widgets are the `QueuePanel`'s; this is what the window does with them. The
words keep the window's translation context.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QLineEdit, QMainWindow, QStackedWidget, QWidget

if TYPE_CHECKING:
    from reviewer_app.reviews.service import ReviewSession
    from reviewer_app.ui.evidence.panel import EvidencePanel
    from reviewer_app.ui.layout import WindowLayout
    from reviewer_app.ui.queue_model import QueueModel
    from reviewer_app.ui.queue_panel import QueuePanel

translate = QCoreApplication.translate


class QueueFlow:
    """Needs what is declared below."""

    if TYPE_CHECKING:  # what the window provides
        queue: QueuePanel
        model: QueueModel
        search: QLineEdit
        center: QStackedWidget
        welcome: QWidget
        evidence: EvidencePanel
        layout_: WindowLayout
        review: ReviewSession | None
        current_pk: int | None
        _landed_timer: QTimer

        def open_submission(self, pk: int) -> None: ...
        def _enter_queue(self) -> None: ...
        def _enter_rubric(self) -> None: ...

    def _fill_credentials(self) -> None:
        self.queue.fill_credentials()

    def apply_filters(self) -> None:
        self.queue.apply_filters()
        self._select_pk(self.current_pk)

    def _update_counts(self) -> None:
        empty = self.queue.update_counts() == 0
        self.center.setCurrentWidget(self.welcome if empty else self.evidence)

    def _select_pk(self, pk: int | None) -> None:
        self.queue.select_pk(pk)

    def _on_landed(self) -> None:
        # Reports come many times a second: reload at most every 300 ms, not once they
        # stop (restarting the timer on each would hold the queue still until the end).
        if not self._landed_timer.isActive():
            self._landed_timer.start()

    def _reload_keeping_selection(self) -> None:
        self._fill_credentials()
        self.model.reload()
        self._select_pk(self.current_pk)

    def open_row(self, row: int) -> None:
        pk = self.model.pk_at(row)
        if pk is not None and pk != self.current_pk:
            self.open_submission(pk)
        self.queue.update_position()

    def _enter_row(self, row: int) -> None:
        """Enter or a double click on a row: open it and go where the keys score."""
        self.open_row(row)
        if self.review is not None:
            self._enter_rubric()

    def next_submission(self) -> None:
        self.queue.step(1)

    def previous_submission(self) -> None:
        self.queue.step(-1)

    def next_unreviewed(self) -> None:
        """Opens the next unreviewed submission with the focus on its rubric, never in
        the search field: the next key scores it."""
        if self.search.hasFocus():
            self._enter_queue()
        if self.queue.next_unreviewed():
            self._enter_rubric()
        else:
            assert isinstance(self, QMainWindow)
            self.statusBar().showMessage(
                translate("MainWindow", "No unreviewed submission further down the queue."),
                5000,
            )

    def focus_search(self) -> None:
        if self.queue.is_collapsed():
            self.layout_.set_queue_collapsed(False)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

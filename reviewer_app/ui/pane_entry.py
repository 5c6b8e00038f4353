"""The window's three ways into its panes (F6, Esc, Enter on a queue row), mixed into the
main window. Apart from reviewer_app/ui/pane_focus.py, whose marking and focus chain the
window needs only once its panes are built: the frame is shown before them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStackedWidget

    from reviewer_app.ui.queue_panel import QueueTable
    from reviewer_app.ui.rubric import RubricPanel


class PaneEntry:
    """The window's three ways into its panes (F6, Esc, Enter on a queue row), mixed
    into the main window, which provides what is declared below."""

    if TYPE_CHECKING:
        table: QueueTable
        center: QStackedWidget
        rubric: RubricPanel

    def _enter_queue(self) -> None:
        self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _enter_evidence(self) -> None:
        from reviewer_app.ui.pane_focus import focus_first_in

        widget = self.center.currentWidget()
        if widget is not None:
            focus_first_in(widget)  # the viewer, or the list of evidence

    def _enter_rubric(self) -> None:
        criterion = self.rubric.current_criterion()
        if criterion is not None:
            self.rubric.select_criterion(criterion)
        else:
            self.rubric.setFocus(Qt.FocusReason.ShortcutFocusReason)

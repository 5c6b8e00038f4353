"""The window's layout: evidence first, the queue beside it, the rubric on the right.

The evidence is what the assessor came to read, so it takes the room: the rubric dock
is about 420 pixels wide, the queue about as wide as a submission id and its status,
and the evidence everything else (at 1600x1000, about 800 pixels). When the window
grows, only the evidence grows.

- The queue collapses to a narrow strip and back (F9, or its arrow buttons).
- Focus mode (Ctrl+Shift+F) shows only the evidence and the rubric.
- The layout is remembered per person: settings keys under `layout/v2/<reviewer>/`.
  The version in the key leaves layouts saved by older versions of the window behind
  (one of them restored an empty rubric dock 660 pixels wide).
- View > Reset layout brings the default back.
"""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QToolBar, QWidget

from reviewer_app.ui.pane_focus import PaneFrame
from reviewer_app.ui.queue_panel import QueuePanel

LAYOUT_VERSION = 2
RUBRIC_WIDTH = 420
RUBRIC_WIDTH_SMALL = 400  # windows narrower than SMALL_WINDOW
SMALL_WINDOW = 1400
QUEUE_SPARE = 30  # the table's scroll bar and margins, beside its first two columns
# A saved rubric wider than this share of the window is not restored.
RUBRIC_MAX_SHARE = 0.4


def settings_key(reviewer: str, name: str) -> str:
    """One person's layout setting; any name, kept apart from other people's."""
    return f"layout/v{LAYOUT_VERSION}/{quote(reviewer or '-', safe='')}/{name}"


class WindowLayout:
    """Sizes and shows the window's panes; saves and restores them for one person."""

    def __init__(
        self,
        window: QMainWindow,
        queue: QueuePanel,
        splitter: QSplitter,
        dock: QDockWidget,
        settings: QSettings,
    ) -> None:
        self.window = window
        self.queue = queue
        self.splitter = splitter
        self.dock = dock
        self.settings = settings
        self.focus_mode = False
        self._hidden_in_focus: list[QToolBar] = []
        self._expanded_width = 0
        # Told when focus mode turns on or off (the window's checkable action).
        self.on_focus_mode: Callable[[bool], None] | None = None
        splitter.setChildrenCollapsible(False)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)

    # The default ------------------------------------------------------------------------

    def queue_width(self) -> int:
        header = self.queue.table.horizontalHeader()
        first = sum(header.sectionSize(header.logicalIndex(v)) for v in range(2))
        return first + QUEUE_SPARE

    def rubric_width(self) -> int:
        return RUBRIC_WIDTH if self.window.width() >= SMALL_WINDOW else RUBRIC_WIDTH_SMALL

    def apply_default(self) -> None:
        """The default layout, for the window's present size."""
        self.set_focus_mode(False)
        self.queue.reset_columns()
        self.set_queue_collapsed(False)
        if self.dock.isFloating():
            self.dock.setFloating(False)
        self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
        self.dock.show()
        self.fit_rubric(self.rubric_width())
        self._size_queue(self.queue_width())

    def fit_rubric(self, width: int) -> None:
        self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        # A dock added a moment ago (the window fills its frame after the first paint)
        # has no place in the window's layout until that layout runs: a size asked for
        # before then is lost and the dock takes what is left. Ask again once it has.
        QTimer.singleShot(0, self.window, lambda: self._fit_rubric_again(width))

    def _fit_rubric_again(self, width: int) -> None:
        if not self.dock.isFloating() and abs(self.dock.width() - width) > 2:
            self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    def _size_queue(self, width: int) -> None:
        total = sum(self.splitter.sizes()) or self.splitter.width()
        self.splitter.setSizes([width, max(total - width, 1)])

    # Collapsing and focus mode --------------------------------------------------------------

    def toggle_queue(self) -> None:
        self.set_queue_collapsed(not self.queue.is_collapsed())

    def set_queue_collapsed(self, collapsed: bool) -> None:
        if collapsed == self.queue.is_collapsed():
            return
        if collapsed:
            self._expanded_width = self.splitter.sizes()[0]
        self.queue.set_collapsed(collapsed)
        pane = self._queue_pane()
        if isinstance(pane, PaneFrame):
            pane.set_titled(not collapsed)
        if collapsed:
            self._size_queue(self.queue.maximumWidth())
        else:
            self._size_queue(self._expanded_width or self.queue_width())

    def set_focus_mode(self, on: bool) -> None:
        """Only the evidence and the rubric: the queue and the toolbars step aside."""
        if on == self.focus_mode:
            return
        self.focus_mode = on
        if self.on_focus_mode is not None:
            self.on_focus_mode(on)
        if on:
            self._hidden_in_focus = [
                bar for bar in self.window.findChildren(QToolBar) if bar.parent() is self.window
            ]
            self._hidden_in_focus = [bar for bar in self._hidden_in_focus if bar.isVisible()]
            for bar in self._hidden_in_focus:
                bar.hide()
            self._queue_pane().hide()
            self.dock.show()
        else:
            for bar in self._hidden_in_focus:
                bar.show()
            self._hidden_in_focus = []
            self._queue_pane().show()

    def _queue_pane(self) -> QWidget:
        """The splitter's first pane: the queue, in the frame that marks its focus."""
        pane = self.splitter.widget(0)
        return pane if pane is not None else self.queue

    # Per person -------------------------------------------------------------------------

    def save(self, reviewer: str) -> None:
        was_focus = self.focus_mode
        self.set_focus_mode(False)  # the state saved is the ordinary one
        key = lambda name: settings_key(reviewer, name)  # noqa: E731
        self.settings.setValue(key("state"), self.window.saveState(LAYOUT_VERSION))
        self.settings.setValue(key("splitter"), self.splitter.saveState())
        self.settings.setValue(key("queue-columns"), self.queue.header_state())
        self.settings.setValue(key("queue-collapsed"), self.queue.is_collapsed())
        self.settings.setValue(key("focus-mode"), was_focus)
        self.settings.sync()
        self.set_focus_mode(was_focus)

    def restore(self, reviewer: str) -> bool:
        """This person's saved layout; False (and the default) if there is none."""
        key = lambda name: settings_key(reviewer, name)  # noqa: E731
        state = self.settings.value(key("state"))
        if not isinstance(state, QByteArray) or not self.window.restoreState(state, LAYOUT_VERSION):
            self.apply_default()
            return False
        splitter = self.settings.value(key("splitter"))
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        columns = self.settings.value(key("queue-columns"))
        if isinstance(columns, QByteArray):
            self.queue.restore_header(columns)
        self.set_queue_collapsed(_flag(self.settings.value(key("queue-collapsed"))))
        # Once the window's layout has placed the dock (see fit_rubric).
        QTimer.singleShot(0, self.window, self._cap_rubric)
        self.set_focus_mode(_flag(self.settings.value(key("focus-mode"))))
        return True

    def _cap_rubric(self) -> None:
        if (
            self.dock.width() > RUBRIC_MAX_SHARE * self.window.width()
            and not self.dock.isFloating()
        ):
            self.fit_rubric(self.rubric_width())


def _flag(value: object) -> bool:
    """A boolean read back from QSettings (an INI file gives the text "true")."""
    return value is True or str(value).lower() == "true"

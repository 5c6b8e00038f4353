"""The window's first screen, mixed into the main window: at start the queue is shown
as read without the data layer (reviewer_app/reviews/first_screen.py), in the panes it
keeps; `attach()` then hands the queue its data folder, keeping the rows shown and the
row chosen until the folder's own read arrives, off the GUI thread.

The queue's pane and the evidence's place beside it are built here (`_build_queue_panel`,
`_build_frames`), for the first screen or, without one, by `attach()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, SignalInstance
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QWidget

if TYPE_CHECKING:
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.ui.pane_focus import PaneFrame
    from reviewer_app.ui.queue_model import QueueModel
    from reviewer_app.ui.queue_panel import QueuePanel, QueueTable

translate = QCoreApplication.translate


class FirstScreenFlow:
    """Needs what is declared below."""

    if TYPE_CHECKING:  # what the window provides
        first_screen_painted: SignalInstance
        folder: DataFolder
        model: QueueModel
        queue: QueuePanel
        table: QueueTable
        blind: bool
        center: QStackedWidget
        queue_frame: PaneFrame
        evidence_frame: PaneFrame
        splitter: QSplitter

        def _update_title(self, subject: str | None = None) -> None: ...
        def _update_counts(self) -> None: ...
        def open_row(self, row: int) -> None: ...

    _first_screen = False  # the queue is shown, the folder not attached yet
    _first_rows: QWidget | None = None  # watched for the first screen's paint

    def show_first_screen(self, root: Path) -> bool:
        """Shows the queue of the data folder at `root` before its data layer is loaded;
        `attach()` of that folder follows. False when it cannot be read so (then
        `attach()` shows the queue)."""
        from reviewer_app.reviews.first_screen import read_first_screen
        from reviewer_app.ui.queue_model import QueueModel

        if self.folder is not None or self._first_screen:
            return False
        first = read_first_screen(root)
        if first is None:
            return False
        self._first_screen = True
        self.blind = first.blind
        self.model = QueueModel(None, self)
        self.model.show_first_screen(first)
        self._build_queue_panel()
        self._build_frames()
        self.queue.update_counts()
        self._update_title()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)  # where work starts
        self._first_rows = self.table.viewport()
        self._first_rows.installEventFilter(self._window())
        QTimer.singleShot(1000, self._window(), self._first_screen_shown)
        return True

    def _window(self) -> QMainWindow:
        assert isinstance(self, QMainWindow)
        return self

    def _build_queue_panel(self) -> None:
        from reviewer_app.ui.queue_panel import QueuePanel

        self.queue = QueuePanel(self.folder, self.model)
        # The names tests and other screens know the queue's parts by.
        self.search = self.queue.search
        self.status_filter = self.queue.status_filter
        self.credential_filter = self.queue.credential_filter
        self.resubmissions = self.queue.resubmissions
        self.table = self.queue.table
        self.counts = self.queue.counts

    def _build_frames(self) -> None:
        """The queue's pane beside the evidence's place, empty until the panels come."""
        from reviewer_app.ui.pane_focus import PaneFrame

        self.center = QStackedWidget()
        self.queue_frame = PaneFrame(translate("MainWindow", "Queue"), self.queue)
        self.evidence_frame = PaneFrame(translate("MainWindow", "Evidence"), self.center)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.queue_frame)
        self.splitter.addWidget(self.evidence_frame)
        self._window().setCentralWidget(self.splitter)

    def _first_screen_event(self, watched: QObject, event: QEvent) -> None:
        if watched is self._first_rows and event.type() == QEvent.Type.Paint:
            self._first_screen_shown()

    def _first_screen_shown(self) -> None:
        """Once, after the queue's first paint (or a moment, if the window is not
        painted meanwhile, hidden or minimised): `first_screen_painted`."""
        if self._first_rows is None:
            return
        self._first_rows.removeEventFilter(self._window())
        self._first_rows = None
        QTimer.singleShot(0, self.first_screen_painted.emit)  # after this paint is done

    def _hand_over_first_screen(self, folder: DataFolder) -> bool:
        """The queue on screen reads through `folder` from now on; False if none is."""
        shown, self._first_screen = self._first_screen, False
        if shown:
            self.model.set_folder(folder)
            self.queue.folder = folder
            self.model.set_blind(self.blind)
        return shown

    def _read_after_first_screen(self) -> None:
        """Reads the queue again through the folder, off the GUI thread: the rows shown
        stay until then, and the chosen row with them (by its key). A row chosen while
        the rest loaded is opened now."""
        self._update_counts()
        self.model.reload()
        current = self.table.currentIndex()
        if current.isValid():
            self.open_row(current.row())

"""File > Restore from backup…, from the window: choose, restore, say so, close.

Each step is a window-modal dialog opened, not run in a loop of its own: the next step
goes on from its answer. The restore itself runs on the GUI thread, deliberately: the
data folder is closed for it, and nothing else may open it meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from reviewer_app import APP_NAME
from reviewer_app.errors import UserError
from reviewer_app.ui.operations import runner

if TYPE_CHECKING:
    from reviewer_app.reviews.service import ReviewSession
    from reviewer_app.storage.datafolder import DataFolder
    from reviewer_app.ui.import_flow import ImportController
    from reviewer_app.ui.queue_refresh import QueueRefresher
    from reviewer_app.ui.rubric import RubricPanel

translate = QCoreApplication.translate
READS_END_WITHIN_S = 30.0  # a read's worst case on a slow disk; then restore says "in use"


class RestoreFlow:
    """Mixed into the main window, which provides what is declared below."""

    if TYPE_CHECKING:
        folder: DataFolder
        imports: ImportController
        refresher: QueueRefresher
        rubric: RubricPanel
        review: ReviewSession | None
        current_pk: int | None
        open_submission: Callable[[int], None]

        def close(self) -> bool: ...

    def restore_from_backup(self) -> None:
        """Restores a backup chosen from a list, then closes: every panel holds data
        from the folder as it was, so the window starts afresh on the restored one."""
        from reviewer_app.ui.restore_dialog import RestoreDialog

        if self.folder is None:
            return
        if self.imports.busy():
            words = translate("MainWindow", "Wait for the import to finish first.")
            self._tell(QMessageBox.Icon.Information, words)
            return
        assert isinstance(self, QWidget)
        dialog = RestoreDialog(self.folder.root, self)
        dialog.accepted.connect(lambda: self._restore(dialog.chosen()))
        self.restore_dialog = dialog
        dialog.open()

    def _restore(self, chosen: Path | None) -> None:
        from reviewer_app.storage.backup import restore

        if chosen is None:
            return
        self.rubric.set_review(None)  # what is being typed goes into the current database
        self.review = None
        # Our own connections would make restore refuse: the queue's poll stops, and a
        # read still running on a worker (the poll's, a thumbnail's) ends first.
        self.refresher.stop()
        runner().wait_all(READS_END_WITHIN_S)
        self.folder.close()
        try:
            restore(chosen, self.folder.root)
        except UserError as e:  # refused: nothing changed, and the folder reopens on use
            self.refresher.watch(self.folder)
            self._tell(QMessageBox.Icon.Warning, str(e))
            if self.current_pk is not None:
                self.open_submission(self.current_pk)  # back to the review left above
            return
        words = translate(
            "MainWindow", "Restored the backup {name}. Open Portfolio Reviewer again."
        )
        told = self._tell(QMessageBox.Icon.Information, words.format(name=chosen.name))
        told.finished.connect(self.close)

    def _tell(self, icon: QMessageBox.Icon, text: str) -> QMessageBox:
        """A window-modal message, opened (the caller goes on from its `finished`)."""
        assert isinstance(self, QWidget)
        self.restore_message = QMessageBox(
            icon, APP_NAME, text, QMessageBox.StandardButton.Ok, self
        )
        self.restore_message.open()
        return self.restore_message

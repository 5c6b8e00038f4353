"""What every screen may use of the application, handed to it in one object.

A screen (the calibration dashboard, the export dialog, the settings…) is built from an
`AppContext` by the registry in `reviewer_app.ui.screens`, never by reaching into the
main window: the data folder, who is reviewing, the person's settings, the operation
runner for work off the GUI thread, and the few things a screen may ask the window to do
(open a submission, reload the queue after a change, list its shortcuts).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from reviewer_app.ui.operations import Operations

if TYPE_CHECKING:
    from reviewer_app.settings import Settings
    from reviewer_app.storage.datafolder import DataFolder


@dataclass(frozen=True)
class AppContext:
    window: QWidget  # the parent of every screen: they close with it
    folder: DataFolder | None  # None until the data folder has been opened
    reviewer: str
    preferences: Callable[[], Settings]  # the person's settings, loaded when first asked
    operations: Operations
    open_submission: Callable[[int], None]
    queue_changed: Callable[[], None]  # a screen changed what the queue shows
    actions: Callable[[], list[QAction]]  # every shortcut of the window, for the help
    current_submission: Callable[[], str | None]  # the id of the one being reviewed
    language_at_start: str | None = None  # the language the window speaks

    def data(self) -> DataFolder:
        """The data folder, for the screens that are only offered once it is open."""
        if self.folder is None:
            raise RuntimeError("this screen needs the data folder open")
        return self.folder

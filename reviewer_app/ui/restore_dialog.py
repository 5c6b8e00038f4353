"""File > Restore from backup…: choose one of the data folder's backups."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.storage.backup import list_backups

_EXPLAIN = (
    "Restoring puts the data folder back as it was when the backup was made. "
    "The current database is kept beside it (reviewer.sqlite3.before-restore-…), and "
    "nothing is deleted. Portfolio Reviewer closes afterwards; open it again to go on."
)


class RestoreDialog(QDialog):
    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Restore from backup")
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        explain = QLabel(_EXPLAIN)
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.list = QListWidget()
        for b in reversed(list_backups(root)):  # newest first: the usual choice
            local = b.created.astimezone().strftime("%Y-%m-%d %H:%M")
            item = QListWidgetItem(
                f"{local}  {b.kind}  ({b.size / 1e6:,.1f} MB, {b.blob_count} evidence files)"
            )
            item.setData(Qt.ItemDataRole.UserRole, str(b.path))
            self.list.addItem(item)
        layout.addWidget(self.list)
        if self.list.count() == 0:
            layout.addWidget(QLabel("This data folder has no backups yet."))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Restore")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.list.itemSelectionChanged.connect(self._update)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        if self.list.count():
            self.list.setCurrentRow(0)
        self._update()

    def _update(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.chosen() is not None)

    def chosen(self) -> Path | None:
        item = self.list.currentItem()
        if item is None or not item.isSelected():
            return None
        return Path(str(item.data(Qt.ItemDataRole.UserRole)))

"""File > Restore from backup…: choose one of the data folder's backups."""

from __future__ import annotations

from pathlib import Path
from typing import cast

from PySide6.QtCore import QT_TRANSLATE_NOOP, QLocale, Qt
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
from reviewer_app.ui.dates import shown_moment

# The kinds of backup (reviewer_app.storage.backup.KINDS), as the list says them.
# (QT_TRANSLATE_NOOP returns its text unchanged; its stub says `object`.)
KIND_WORDS = cast(
    dict[str, str],
    {
        "daily": QT_TRANSLATE_NOOP("RestoreDialog", "daily"),
        "upgrade": QT_TRANSLATE_NOOP("RestoreDialog", "before an upgrade"),
        "manual": QT_TRANSLATE_NOOP("RestoreDialog", "manual"),
    },
)


class RestoreDialog(QDialog):
    def __init__(self, root: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        explain = QLabel(
            self.tr(
                "Restoring puts the data folder back as it was when the backup was made. "
                "The current database is kept beside it (reviewer.sqlite3.before-restore-…), "
                "and nothing is deleted. Portfolio Reviewer closes afterwards; open it again "
                "to go on."
            )
        )
        explain.setWordWrap(True)
        layout.addWidget(explain)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups"))
        self.list.setAccessibleDescription(
            self.tr("One backup a row, newest first, with its date, kind and size")
        )
        locale = QLocale()
        for b in reversed(list_backups(root)):  # newest first: the usual choice
            kind = KIND_WORDS.get(b.kind)
            text = self.tr("{date}  {kind}  ({size}, {files} evidence files)").format(
                date=shown_moment(b.created),
                kind=self.tr(kind) if kind is not None else b.kind,
                size=locale.formattedDataSize(b.size, 1, QLocale.DataSizeFormat.DataSizeSIFormat),
                files=locale.toString(b.blob_count),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(b.path))
            self.list.addItem(item)
        layout.addWidget(self.list)
        if self.list.count() == 0:
            layout.addWidget(QLabel(self.tr("This data folder has no backups yet.")))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        restore = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        restore.setText(self.tr("Restore"))
        restore.setAccessibleName(self.tr("Restore the chosen backup"))
        restore.setToolTip(
            self.tr(
                "Puts the data folder back as it was at that backup, then closes Portfolio "
                "Reviewer; nothing is deleted"
            )
        )
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        cancel.setToolTip(self.tr("Closes this window without restoring anything (Esc)"))
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

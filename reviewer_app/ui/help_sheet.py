"""The keyboard help sheet: every action the window offers with its keys, grouped by the
part of the window it acts on.

An action's group comes from the widget that owns it (the evidence viewers, the rubric),
else from the menu it sits in, so no action needs to be tagged for the sheet. The same
command offered twice in one group with the same keys is listed once, and a key given
twice to one action (a standard key that is also set by hand) is shown once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

translate = QCoreApplication.translate


@dataclass(frozen=True)
class ShortcutRow:
    group: str
    name: str
    keys: str


def _owner_group(owner: QObject) -> str | None:
    """The group of the actions a widget owns, for the widgets that own actions."""
    # Imported here: the viewers and the rubric import much the sheet never needs.
    from reviewer_app.ui.evidence.image_view import ImageView
    from reviewer_app.ui.evidence.panel import EvidencePanel
    from reviewer_app.ui.evidence.pdf_view import PdfView
    from reviewer_app.ui.evidence.text_view import TextView
    from reviewer_app.ui.rubric.panel import RubricPanel

    owners: list[tuple[type[QObject], str]] = [
        (PdfView, translate("HelpSheet", "Evidence: PDF")),
        (ImageView, translate("HelpSheet", "Evidence: images")),
        (TextView, translate("HelpSheet", "Evidence: text")),
        (EvidencePanel, translate("HelpSheet", "Evidence")),
        (RubricPanel, translate("HelpSheet", "Rubric")),
    ]
    return next((group for kind, group in owners if isinstance(owner, kind)), None)


def action_group(action: QAction) -> tuple[int, str]:
    """The part of the window an action belongs to, with its rank on the sheet: the
    panes' keys (used on every submission) first, then the menus', then the rest."""
    owner = action.parent()
    while owner is not None:
        group = _owner_group(owner)
        if group is not None:
            return 0, group
        owner = owner.parent()
    menus = [m for m in action.associatedObjects() if isinstance(m, QMenu)]
    if menus:
        return 1, menus[0].title().replace("&", "")
    return 2, translate("HelpSheet", "Window")


def action_keys(action: QAction) -> str:
    """Every key of the action as the platform writes it, each once, in the action's order."""
    keys: list[str] = []
    for sequence in action.shortcuts():
        text = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in keys:
            keys.append(text)
    return ", ".join(keys)


def shortcut_rows(actions: Sequence[QAction]) -> list[tuple[str, str]]:
    """(command, keys) of every action that has keys, each command and keys once."""
    return [(row.name, row.keys) for row in grouped_rows(actions)]


def grouped_rows(actions: Sequence[QAction]) -> list[ShortcutRow]:
    """The rows of the sheet, group after group by rank, then as the groups first appear."""
    by_group: dict[tuple[int, str], list[ShortcutRow]] = {}
    for action in actions:
        keys = action_keys(action)
        name = action.text().replace("&", "").rstrip("…").strip()
        if not keys or not name:
            continue
        group = action_group(action)
        row = ShortcutRow(group[1], name, keys)
        rows = by_group.setdefault(group, [])
        if row not in rows:
            rows.append(row)
    ranked = sorted(by_group, key=lambda group: group[0])  # stable: first seen first
    return [row for group in ranked for row in by_group[group]]


class HelpSheet(QDialog):
    def __init__(self, actions: Sequence[QAction], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows = grouped_rows(actions)
        groups = list(dict.fromkeys(row.group for row in rows))
        self.table = QTableWidget(len(rows) + len(groups), 2)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setAccessibleDescription(
            self.tr(
                "One command a row, under a heading for the part of the window it acts on: "
                "what it does, then its keys; the arrow keys move"
            )
        )
        self.table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Shortcut")])
        self.table.verticalHeader().hide()
        # Rows grow with the lines a wrapped name needs, whatever the sheet's width.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Keys are never cut short: their column fits them, and long names wrap instead.
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.group_rows: list[int] = []
        n = 0
        for group in groups:
            heading = QTableWidgetItem(group)
            font = heading.font()
            font.setBold(True)
            heading.setFont(font)
            heading.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.table.setItem(n, 0, heading)
            self.table.setItem(n, 1, QTableWidgetItem(""))
            self.table.setSpan(n, 0, 1, 2)
            self.group_rows.append(n)
            n += 1
            for row in rows:
                if row.group == group:
                    self.table.setItem(n, 0, QTableWidgetItem(row.name))
                    keys = QTableWidgetItem(row.keys)
                    keys.setToolTip(row.keys)
                    self.table.setItem(n, 1, keys)
                    n += 1
        if rows:  # the arrow keys start on the first command, not on its heading
            self.table.selectionModel().setCurrentIndex(
                self.table.model().index(1, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(self.tr("Close the keyboard shortcuts"))
        close.setToolTip(self.tr("Closes this list (Esc); F1 opens it again"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, 720)

    def rows_shown(self) -> list[tuple[str, str, str]]:
        """(group, command, keys) of every command row, as the sheet shows them."""
        shown, group = [], ""
        for r in range(self.table.rowCount()):
            name, keys = self.table.item(r, 0), self.table.item(r, 1)
            if name is None or keys is None:
                continue
            if r in self.group_rows:
                group = name.text()
            else:
                shown.append((group, name.text(), keys.text()))
        return shown

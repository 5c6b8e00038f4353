"""A row of controls that wraps onto more rows when it is narrower than they are.

A viewer's toolbar (page, zoom, fit, rotate) is one row on a wide screen; beside the
rubric at 200%, or in Spanish, it would be wider than the viewer, and a QHBoxLayout
would make the whole window wider than the screen. Here the controls that do not fit
go on to the next row, and the layout is only as wide as its widest control.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QSizePolicy, QSpacerItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []

    # QLayout --------------------------------------------------------------------------

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def addSpacing(self, size: int) -> None:
        """A gap between groups of controls (left out where a row begins)."""
        self.addItem(QSpacerItem(size, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum))

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), place=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, place=True)

    def sizeHint(self) -> QSize:
        """Everything on one row."""
        width = sum(item.sizeHint().width() for item in self._visible())
        width += self.spacing() * max(len(self._visible()) - 1, 0)
        height = max((item.sizeHint().height() for item in self._visible()), default=0)
        return QSize(width, height).grownBy(self.contentsMargins())

    def minimumSize(self) -> QSize:
        """As wide as the widest control: one to a row."""
        size = QSize()
        for item in self._visible():
            if not isinstance(item, QSpacerItem):
                size = size.expandedTo(item.minimumSize())
        return size.grownBy(self.contentsMargins())

    # Rows -----------------------------------------------------------------------------

    def _visible(self) -> list[QLayoutItem]:
        return [item for item in self._items if not item.isEmpty() or item.spacerItem()]

    def _arrange(self, rect: QRect, *, place: bool) -> int:
        """Lays the items out in rows within `rect` (when `place`); the height used."""
        margins: QMargins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        spacing = max(self.spacing(), 0)
        rows: list[list[QLayoutItem]] = [[]]
        x = 0
        for item in self._visible():
            width = item.sizeHint().width()
            if rows[-1] and x + width > area.width():
                rows.append([])
                x = 0
            if not rows[-1] and isinstance(item, QSpacerItem):
                continue  # no gap at the start of a row
            rows[-1].append(item)
            x += width + spacing
        y = area.y()
        for row in rows:
            while row and isinstance(row[-1], QSpacerItem):
                row.pop()
            if not row:
                continue
            height = max(item.sizeHint().height() for item in row)
            x = area.x()
            for item in row:
                hint = item.sizeHint()
                if place:
                    top = y + (height - hint.height()) // 2
                    item.setGeometry(QRect(QPoint(x, top), hint))
                x += hint.width() + spacing
            y += height + spacing
        used = y - spacing - area.y() if y > area.y() else 0
        return used + margins.top() + margins.bottom()

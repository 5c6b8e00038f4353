"""A level of a criterion's scale as a button that keeps to one row: when the panel is
narrow its text is cut short with an ellipsis and the whole of it is in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy, QStyle, QStyleOptionButton, QWidget

_WIDE = 400


class LevelButton(QPushButton):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self._tip = ""
        self.setCheckable(True)
        self.setAutoDefault(False)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.set_full_text(text)

    @property
    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        if text != self._full:
            self._full = text
            self._fit()
            self.updateGeometry()

    def set_tip(self, tip: str) -> None:
        """The tooltip after the button's whole text (which leads it, so that text cut
        short is always there to read)."""
        self._tip = tip
        self._update_tip()

    def _update_tip(self) -> None:
        whole = self._full.replace("\n", " \u00b7 ")
        self.setToolTip("\n".join(p for p in (whole, self._tip) if p))

    def _margins(self) -> int:
        option = QStyleOptionButton()
        self.initStyleOption(option)
        # Measured around wide content: styles give a short text a minimum width.
        wide = self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton, option, QSize(_WIDE, 0), self
        )
        return wide.width() - _WIDE

    def _fit(self) -> None:
        metrics = self.fontMetrics()
        room = self.width() - self._margins()
        lines = self._full.split("\n")
        if all(metrics.horizontalAdvance(line) <= room for line in lines):
            shown = self._full
        else:  # one line, cut short at its end
            shown = metrics.elidedText(" ".join(lines), Qt.TextElideMode.ElideRight, max(room, 0))
        if shown != self.text():
            super().setText(shown)
        self._update_tip()

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        lines = self._full.split("\n")
        width = max(metrics.horizontalAdvance(line) for line in lines)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        return self.style().sizeFromContents(
            QStyle.ContentsType.CT_PushButton,
            option,
            QSize(width, metrics.lineSpacing() * len(lines)),
            self,
        )

    def minimumSizeHint(self) -> QSize:
        least = self._margins() + self.fontMetrics().horizontalAdvance("M\u2026")
        return QSize(least, self.sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()  # a bold font (the chosen level) needs more room

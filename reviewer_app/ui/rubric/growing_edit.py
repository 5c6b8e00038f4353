"""A plain-text box that grows with what is typed, and says when focus leaves it."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent, QFont, QResizeEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QSizePolicy, QWidget


def wrapped_line_count(text: str, font: QFont, width: float) -> int:
    """How many lines `text` takes when wrapped to `width` pixels, as the editor wraps."""
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    total = 0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        layout.setTextOption(option)
        layout.beginLayout()
        lines = 0
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(max(width, 1.0))
            lines += 1
        layout.endLayout()
        total += max(lines, 1)
    return total


class GrowingTextEdit(QPlainTextEdit):
    """Between `min_lines` and `max_lines` tall, following its content; Tab moves focus
    on (a reviewer's comment never needs a tab character)."""

    focus_left = Signal()

    def __init__(
        self, parent: QWidget | None = None, *, min_lines: int = 2, max_lines: int = 14
    ) -> None:
        super().__init__(parent)
        self._min_lines, self._max_lines = min_lines, max_lines
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.textChanged.connect(self._fit)
        self._fit()

    def _fit(self) -> None:
        margin = self.document().documentMargin()
        width = self.viewport().width() - 2 * margin
        lines = wrapped_line_count(self.toPlainText(), self.font(), width)
        lines = min(max(lines, self._min_lines), self._max_lines)
        chrome = self.contentsMargins()  # the frame, and any margins around the viewport
        height = int(
            lines * self.fontMetrics().lineSpacing() + 2 * margin + chrome.top() + chrome.bottom()
        )
        if height != self.height() or self.minimumHeight() != height:
            self.setFixedHeight(height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self._fit()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focus_left.emit()

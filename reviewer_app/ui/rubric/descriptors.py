"""The descriptor of each level, under the level buttons; the chosen one stands out by a
tick, bold text and a bar in the palette's highlight colour (never by colour alone)."""

from __future__ import annotations

import html

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QLabel, QWidget

_BAR = 3  # width of the bar beside the chosen descriptor
_INDENT = 10


class DescriptorLabel(QLabel):
    def __init__(self, level_label: str, descriptor: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._level_label, self._descriptor = level_label, descriptor
        self._chosen = False
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.setContentsMargins(_INDENT, 1, 0, 1)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 0.92)
        self.setFont(font)
        self._render()

    @property
    def chosen(self) -> bool:
        return self._chosen

    def set_chosen(self, chosen: bool) -> None:
        if chosen != self._chosen:
            self._chosen = chosen
            self._render()
            self.update()

    def _render(self) -> None:
        label = html.escape(self._level_label)
        descriptor = html.escape(self._descriptor)
        if self._chosen:
            text = self.tr("\u2713 <b>{label} (chosen): {descriptor}</b>")
        else:
            text = self.tr("<b>{label}:</b> {descriptor}")
        self.setText(text.format(label=label, descriptor=descriptor))
        self.setAccessibleName(
            (
                self.tr("{label} (chosen): {descriptor}")
                if self._chosen
                else self.tr("{label}: {descriptor}")
            ).format(label=self._level_label, descriptor=self._descriptor)
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._chosen:
            painter = QPainter(self)
            painter.fillRect(
                QRect(0, 0, _BAR, self.height()), self.palette().color(QPalette.ColorRole.Highlight)
            )
            painter.end()
        super().paintEvent(event)

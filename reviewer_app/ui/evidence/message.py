"""A pane that says, in place of a file that cannot be shown, what is wrong and what to do."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QVBoxLayout, QWidget

from reviewer_app.ui.standard_icons import standard_icon


class Severity(Enum):
    INFO = QStyle.StandardPixmap.SP_MessageBoxInformation
    WARNING = QStyle.StandardPixmap.SP_MessageBoxWarning
    ERROR = QStyle.StandardPixmap.SP_MessageBoxCritical


class MessagePane(QWidget):
    """Icon, heading, explanation and a row for the owner's buttons, centred in the pane.

    The icon is never the only sign: the heading says the same in words.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.icon = QLabel()
        self.icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.heading.setFont(font)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.PlainText)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.buttons = QHBoxLayout()
        self.buttons.setContentsMargins(0, 8, 0, 0)
        self.buttons.addStretch(1)

        text = QVBoxLayout()
        self._text = text
        text.addWidget(self.heading)
        text.addWidget(self.body)
        text.addLayout(self.buttons)
        box = QWidget()
        box.setMaximumWidth(560)
        row = QHBoxLayout(box)
        row.addWidget(self.icon)
        row.addLayout(text, 1)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(box, 4)
        centred.addStretch(1)
        outer.addLayout(centred)
        outer.addStretch(2)

    def set_message(self, heading: str, body: str, severity: Severity = Severity.ERROR) -> None:
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize, None, self)
        self.icon.setPixmap(standard_icon(severity.value, self).pixmap(size))
        self.heading.setText(heading)
        self.body.setText(body)
        self.setAccessibleName(heading)
        self.setAccessibleDescription(body)

    def add_widget(self, widget: QWidget) -> None:
        """Adds a button (or field) to the row under the explanation, before the stretch."""
        self.buttons.insertWidget(self.buttons.count() - 1, widget)

    def add_row(self, widget: QWidget) -> None:
        """Adds a row of its own (a field and its button) above the buttons' row."""
        self._text.insertWidget(self._text.count() - 1, widget)

    def text(self) -> str:
        return f"{self.heading.text()}\n{self.body.text()}"

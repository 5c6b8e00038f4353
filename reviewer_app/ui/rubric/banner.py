"""A strip of text at the top of the panel, where the reviewer is looking: what a submit
did, or that this is a resubmission and what the earner was told before.

Drawn in the palette's tooltip colours (the ones kept for banners and message strips,
checked for contrast in both schemes), with an icon, so that it never stands out by
colour alone. What it says is also announced to screen readers.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QStyle, QWidget

from reviewer_app.ui.standard_icons import standard_icon


class Banner(QFrame):
    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(8)
        self.icon = QLabel()
        self.icon.setFixedSize(16, 16)
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(name)
        self.button: QPushButton | None = None
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.hide()

    def add_button(self, text: str, name: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setAutoDefault(False)
        button.setAccessibleName(name)
        button.setToolTip(tip)
        layout = self.layout()
        assert isinstance(layout, QHBoxLayout)
        layout.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.button = button
        return button

    @property
    def text(self) -> str:
        return self.label.text()

    def show_text(self, text: str, icon: QStyle.StandardPixmap, *, announce: bool = True) -> None:
        self.label.setText(text)
        self.icon.setPixmap(standard_icon(icon, self).pixmap(16, 16))
        self.setAccessibleDescription(text)
        self.show()
        if announce:
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.label, text))

    def clear(self) -> None:
        self.label.setText("")
        self.setAccessibleDescription("")
        self.hide()

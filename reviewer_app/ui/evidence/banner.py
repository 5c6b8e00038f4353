"""The strip above the viewer that says what is wrong with an item: an icon and words."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QStyle, QWidget

translate = QCoreApplication.translate

_SUBJECTLESS = ("is ", "has ", "could ", "cannot ", "contains ", "was ", "were ", "needs ")


def warning_sentence(warning: str) -> str:
    """An import warning ('has no text layer ...') as a sentence about the file."""
    text = warning.strip()
    if not text:
        return ""
    if text.startswith(_SUBJECTLESS):
        text = translate("WarningBanner", "This file {warning}").format(warning=text)
    else:
        text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


class WarningBanner(QFrame):
    """Hidden when there is nothing to say. Colours come from the palette's tooltip roles,
    which every style (dark ones too) sets to a readable, noticeable pair."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.ToolTipBase)
        self.setForegroundRole(QPalette.ColorRole.ToolTipText)
        self.icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize, None, self)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning, None, self)
        self.icon.setPixmap(warning.pixmap(size))
        self.icon.setAccessibleName(self.tr("Warning"))
        self.label = QLabel()
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setForegroundRole(QPalette.ColorRole.ToolTipText)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.label, 1)
        self.setAccessibleName(self.tr("Warnings about this item"))
        self.hide()

    def set_warnings(self, warnings: Sequence[str]) -> None:
        sentences = [s for s in (warning_sentence(w) for w in warnings) if s]
        text = "\n".join(sentences)
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.setVisible(bool(sentences))

    def text(self) -> str:
        return self.label.text()

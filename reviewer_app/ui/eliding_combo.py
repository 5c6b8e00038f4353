"""A combo box that may be narrower than its longest item, for lists of long names
(micro-credentials) beside other controls: its current text is cut short with an
ellipsis ("Culturally Responsive Cla…") instead of mid-letter, and is whole in its
tooltip; the list it opens is as wide as the longest name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QStyle,
    QStyleOptionComboBox,
    QStylePainter,
    QWidget,
)


class ElidingComboBox(QComboBox):
    ELIDES = True  # tests/ui/clipping.py: text cut short here is cut on purpose

    def __init__(self, parent: QWidget | None = None, *, minimum_characters: int = 12) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(minimum_characters)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if self.toolTip() != self.currentText():  # (filled with its signals blocked too)
            self.setToolTip(self.currentText())
        painter = QStylePainter(self)
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, self
        )
        room = field.width() - 2
        if not option.currentIcon.isNull():
            room -= option.iconSize.width() + 4
        option.currentText = self.fontMetrics().elidedText(
            option.currentText, Qt.TextElideMode.ElideRight, max(room, 0)
        )
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, option)

    def showPopup(self) -> None:
        view = self.view()
        widest = view.sizeHintForColumn(0) + 2 * view.frameWidth()
        widest += self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        screen = self.screen()
        if screen is not None:
            widest = min(widest, screen.availableGeometry().width())
        view.setMinimumWidth(widest)
        super().showPopup()

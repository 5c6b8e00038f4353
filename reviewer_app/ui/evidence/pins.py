"""How an annotation is drawn on the evidence: a numbered pin.

A pin is the outline of its rectangle (when it has one) and a round badge with its
number on the rectangle's top-left corner. The annotation the reviewer is on (the
current one) is told apart by shape, not colour alone: its outline is twice as thick
and its badge is filled, where the others' badges are rings on the page's colour.

Colours come from the palette (its highlight, as the rest of the window marks what is
chosen), with a halo of the base colour under every stroke so a pin stays visible on a
dark photograph as on white paper. Fonts, pens and brushes are made once per style
(`PinStyle`), never while painting: a PDF of 200 pins repaints on every scroll step.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QPen
from PySide6.QtWidgets import QWidget

BADGE_DIAMETER = 22.0  # device-independent pixels, at every zoom
THIN = 2.0
THICK = 4.0
HALO = 2.0  # added on each side of a stroke, in the base colour
MARGIN_GAP = 6.0  # between badges stacked in a page's margin


@dataclass(frozen=True)
class Pin:
    """One annotation as drawn on the item shown: where, in the item's own units (PDF
    points or upright image pixels, from the page's top-left corner)."""

    id: int
    number: int
    page: int  # 1-based
    rect: QRectF | None  # the outline, its top-left corner under the badge
    quote: tuple[QRectF, ...] = ()  # the quoted words' boxes, the badge on the first
    slot: int = -1  # neither: the badge's place in the page's margin, from the top


class PinStyle:
    """Pens, brushes and the badge font, made once from a widget's palette and font."""

    def __init__(self, widget: QWidget) -> None:
        palette = widget.palette()
        self.colour = QColor(palette.color(QPalette.ColorRole.Highlight))
        self.on_colour = QColor(palette.color(QPalette.ColorRole.HighlightedText))
        self.base = QColor(palette.color(QPalette.ColorRole.Base))
        self.font = QFont(widget.font())
        self.font.setBold(True)
        self.font.setPixelSize(12)
        self.metrics = QFontMetricsF(self.font)
        self.pens = {
            current: (
                _pen(self.base, (THICK if current else THIN) + 2 * HALO),
                _pen(self.colour, THICK if current else THIN),
            )
            for current in (False, True)
        }
        self.badge_ring = _pen(self.colour, 2.0)
        self.badge_halo = _pen(self.base, 2.0 + 2 * HALO)
        self.number_pen = QPen(self.colour)
        self.current_number_pen = QPen(self.on_colour)
        self.fill = QBrush(self.colour)
        self.empty = QBrush(self.base)
        quote = QColor(self.colour)
        quote.setAlpha(60)
        self.quote_fill = QBrush(quote)
        selection = QColor(self.colour)
        selection.setAlpha(90)
        self.selection_fill = QBrush(selection)
        self.draft_pen = _pen(self.colour, THIN)
        self.draft_pen.setStyle(Qt.PenStyle.DashLine)
        self.draft_halo = _pen(self.base, THIN + 2 * HALO)
        self._labels: dict[int, tuple[str, float]] = {}  # number -> its text, badge width

    def badge_size(self, number: int) -> float:
        """The badge's width: a circle, wider for a number of three figures or more."""
        return self._label(number)[1]

    def _label(self, number: int) -> tuple[str, float]:
        found = self._labels.get(number)
        if found is None:
            text = str(number)
            found = text, max(BADGE_DIAMETER, self.metrics.horizontalAdvance(text) + 10)
            self._labels[number] = found
        return found

    def badge_rect(self, centre: QPointF, number: int) -> QRectF:
        width = self.badge_size(number)
        return QRectF(
            centre.x() - width / 2, centre.y() - BADGE_DIAMETER / 2, width, BADGE_DIAMETER
        )

    def paint_outline(self, painter: QPainter, rect: QRectF, current: bool) -> None:
        """Square strokes along the pixel grid: no antialiasing needed (and none paid)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        halo, pen = self.pens[current]
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(halo)
        painter.drawRect(rect)
        painter.setPen(pen)
        painter.drawRect(rect)

    def paint_quote(self, painter: QPainter, boxes: tuple[QRectF, ...], current: bool) -> None:
        """The quoted words: a wash over them and a line under each run of them."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        halo, pen = self.pens[current]
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.quote_fill)
        for box in boxes:
            painter.drawRect(box)
        for stroke in (halo, pen):
            painter.setPen(stroke)
            for box in boxes:
                painter.drawLine(box.bottomLeft(), box.bottomRight())

    def paint_badge(self, painter: QPainter, rect: QRectF, number: int, current: bool) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        radius = BADGE_DIAMETER / 2
        painter.setPen(self.badge_halo)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect, radius, radius)
        painter.setPen(self.badge_ring)
        painter.setBrush(self.fill if current else self.empty)
        painter.drawRoundedRect(rect, radius, radius)
        painter.setFont(self.font)
        painter.setPen(self.current_number_pen if current else self.number_pen)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._label(number)[0])

    def paint_draft(self, painter: QPainter, rect: QRectF) -> None:
        """A rectangle being drawn, not yet confirmed: dashed."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(self.draft_halo)
        painter.drawRect(rect)
        painter.setPen(self.draft_pen)
        painter.drawRect(rect)

    def paint_selection(self, painter: QPainter, boxes: list[QRectF]) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(self.selection_fill)
        for box in boxes:
            painter.drawRect(box)


def _pen(colour: QColor, width: float) -> QPen:
    pen = QPen(colour, width)
    pen.setCosmetic(True)  # the same width at every zoom
    pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
    return pen

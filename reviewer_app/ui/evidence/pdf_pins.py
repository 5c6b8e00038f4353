"""Pins on PDF pages, drawing rectangles on them, and selecting their text.

Rectangles are in PDF points from the top-left corner of the page as QtPdf shows it
(its /Rotate applied). So that scrolling stays smooth with hundreds of pins, the pages'
places on screen are worked out once per layout (zoom, viewport size, document) and the
pins are kept per page: a repaint looks only at the pages in view. A pin anchored on a
quote is placed on the quoted words, found in that page's text as PDFium reads it (the
first time the page is shown); a quote not found there, and a whole-page annotation,
get a badge in the page's top-left corner.

A plain drag on a page selects its text (QtPdf's selection), for "Annotate selection";
with Shift, or in drawing mode, it draws a rectangle.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRect, QRectF, QSizeF, Qt
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtPdf import QPdfSelection

from reviewer_app.reviews.annotations import Annotation
from reviewer_app.ui.evidence.annotation_overlay import PinLayer, margin_slots
from reviewer_app.ui.evidence.drawing import RectDraft, clamped
from reviewer_app.ui.evidence.pins import Pin

if TYPE_CHECKING:
    from reviewer_app.ui.evidence.pdf_view import PdfView


def quote_span(body: str, quote: str, start: int | None) -> tuple[int, int] | None:
    """Where `quote` is in `body` (start, end): at `start` when it is there, else its first
    occurrence, with any run of white space matching any other."""
    if start is not None and body[start : start + len(quote)] == quote:
        return start, start + len(quote)
    words = quote.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(w) for w in words), body)
    return (found.start(), found.end()) if found else None


class PdfPins(PinLayer):
    """The pins of the PDF shown, and drawing and selecting on its pages."""

    def __init__(self, pdf: PdfView) -> None:
        super().__init__(pdf.canvas)
        self.pdf = pdf
        self.document = pdf.document
        self._by_page: dict[int, list[Annotation]] = {}  # 1-based page -> its annotations
        self._built: dict[int, list[Pin]] = {}  # pins of the pages shown so far
        self._layout_key: tuple[object, ...] = ()
        self._rects: list[QRect] = []
        self._sizes: list[QSizeF] = []
        self._bottoms: list[int] = []
        self.selection: QPdfSelection | None = None
        self.selection_page = 0
        self._selecting: tuple[int, QPointF] | None = None
        self.menu_page: int | None = None  # the page right-clicked, while its menu is open
        self._frame: dict[int, tuple[float, float, float, float]] | None = None  # a paint's
        self.document.statusChanged.connect(lambda _status: self.document_changed())

    # What is shown ----------------------------------------------------------------------

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        """The item's annotations (those of other items are the caller's to leave out)."""
        self._by_page = {}
        for annotation in annotations:
            self._by_page.setdefault(annotation.page, []).append(annotation)
        self._built = {}
        self.update()

    def document_changed(self) -> None:
        self._built = {}
        self._layout_key = ()
        self.selection = None
        self._selecting = None
        self.drag = None
        self.draft = None
        self.update()
        self.changed.emit()

    def pins(self) -> list[Pin]:
        return [pin for page in sorted(self._by_page) for pin in self._pins_of(page)]

    def pin(self, annotation_id: int) -> Pin | None:
        for page, of_page in self._by_page.items():
            if any(a.id == annotation_id for a in of_page):
                return next((p for p in self._pins_of(page) if p.id == annotation_id), None)
        return None

    def _pins_of(self, page: int) -> list[Pin]:
        built = self._built.get(page)
        if built is None:
            built = self._build(page)
            if self.document.pageCount():  # quotes are looked for once the PDF is open
                self._built[page] = built
        return built

    def _build(self, page: int) -> list[Pin]:
        annotations = self._by_page.get(page, [])
        text: str | None = None
        pins = []
        for a in annotations:
            rect = QRectF(*a.rect) if a.rect is not None else None
            boxes: tuple[QRectF, ...] = ()
            if a.quote is not None and 0 < page <= self.document.pageCount():
                if text is None:
                    text = self.document.getAllText(page - 1).text()
                boxes = self._quote_boxes(page, text, a.quote, a.anchor.quote_start)
            pins.append(Pin(a.id, a.number, page, rect, boxes))
        return margin_slots(pins)

    def _quote_boxes(
        self, page: int, text: str, quote: str, start: int | None
    ) -> tuple[QRectF, ...]:
        span = quote_span(text, quote, start)
        if span is None:
            return ()
        found = self.document.getSelectionAtIndex(page - 1, span[0], span[1] - span[0])
        return tuple(polygon.boundingRect() for polygon in found.bounds())

    # Geometry ---------------------------------------------------------------------------

    def _layout(self) -> tuple[list[QRect], list[QSizeF]]:
        canvas = self.pdf.canvas
        viewport = canvas.viewport().size()
        key = (
            canvas.zoomMode(),
            canvas.zoomFactor(),
            viewport.width(),
            viewport.height(),
            self.document.pageCount(),
        )
        if key != self._layout_key:
            self._rects = self.pdf.page_rects()
            self._sizes = [self.document.pagePointSize(n) for n in range(len(self._rects))]
            self._bottoms = [r.y() + r.height() for r in self._rects]
            self._layout_key = key
        return self._rects, self._sizes

    def _scroll(self) -> QPointF:
        canvas = self.pdf.canvas
        return QPointF(canvas.horizontalScrollBar().value(), canvas.verticalScrollBar().value())

    def page_size(self, page: int) -> QSizeF | None:
        _rects, sizes = self._layout()
        if not 1 <= page <= len(sizes) or sizes[page - 1].isEmpty():
            return None
        return sizes[page - 1]

    def to_view(self, page: int, point: QPointF) -> QPointF:
        frame = self._frame if self._frame is not None else {}
        place = frame.get(page)
        if place is None:
            place = frame[page] = self._place(page)
        left, top, scale_x, scale_y = place
        return QPointF(left + point.x() * scale_x, top + point.y() * scale_y)

    def _place(self, page: int) -> tuple[float, float, float, float]:
        """The page's top-left corner in the viewport now and pixels per point across
        and down; kept for the length of a paint (`_frame`), not looked up once a pin."""
        rects, sizes = self._layout()
        if not 1 <= page <= len(rects) or sizes[page - 1].isEmpty():
            return 0.0, 0.0, 0.0, 0.0
        rect, size = rects[page - 1], sizes[page - 1]
        scroll = self._scroll()
        return (
            rect.x() - scroll.x(),
            rect.y() - scroll.y(),
            rect.width() / size.width(),
            rect.height() / size.height(),
        )

    def from_view(self, page: int, at: QPointF) -> QPointF:
        rects, sizes = self._layout()
        if not 1 <= page <= len(rects) or rects[page - 1].isEmpty():
            return QPointF()
        rect, size = rects[page - 1], sizes[page - 1]
        scroll = self._scroll()
        return QPointF(
            (at.x() + scroll.x() - rect.x()) * size.width() / rect.width(),
            (at.y() + scroll.y() - rect.y()) * size.height() / rect.height(),
        )

    def page_at(self, at: QPointF) -> int | None:
        rects, _sizes = self._layout()
        scroll = self._scroll()
        x, y = at.x() + scroll.x(), at.y() + scroll.y()
        for page in self._visible_pages():
            rect = rects[page - 1]
            if rect.x() <= x < rect.x() + rect.width() and rect.y() <= y < rect.y() + rect.height():
                return page
        return None

    def _visible_pages(self) -> range:
        self._layout()
        if not self._bottoms:
            return range(0)
        top = self.pdf.canvas.verticalScrollBar().value()
        bottom = top + self.pdf.canvas.viewport().height()
        first = bisect.bisect_left(self._bottoms, top)
        last = first
        while last < len(self._rects) and self._rects[last].y() <= bottom:
            last += 1
        return range(first + 1, last + 1)

    def visible_pins(self) -> Iterable[Pin]:
        for page in self._visible_pages():
            if page in self._by_page:
                yield from self._pins_of(page)

    # Painting ---------------------------------------------------------------------------

    def paint(self, painter: QPainter) -> None:
        if self.selection is None and not self._by_page and self.drag is None and not self.draft:
            return
        self._frame = {}
        try:
            if self.selection is not None:
                page = self.selection_page
                bounds = self.selection.bounds()
                boxes = [self.view_rect(page, p.boundingRect()) for p in bounds]
                self.style.paint_selection(painter, boxes)
            super().paint(painter)
        finally:
            self._frame = None

    # Selecting text ---------------------------------------------------------------------

    def mouse_press(self, event: QMouseEvent) -> bool:
        if super().mouse_press(event):
            return True
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        page = self.page_at(event.position())
        had = self.selection is not None
        self.selection = None
        if had:
            self.update()
            self.changed.emit()
        if page is None:
            return False
        self._selecting = (page, self.from_view(page, event.position()))
        return True

    def mouse_move(self, event: QMouseEvent) -> bool:
        if super().mouse_move(event):
            return True
        if self._selecting is None:
            return False
        page, start = self._selecting
        end = self.from_view(page, event.position())
        found = self.document.getSelection(page - 1, start, end)
        self.selection = found if found.isValid() and found.text().strip() else None
        self.selection_page = page
        self.update()
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        if super().mouse_release(event):
            return True
        if self._selecting is None:
            return False
        self.mouse_move(event)
        self._selecting = None
        self.changed.emit()
        return True

    def selected_quote(self) -> tuple[int, str, int] | None:
        """(1-based page, the selected text, where it starts in the page's text)."""
        if self.selection is None:
            return None
        raw = self.selection.text().replace("\r\n", "\n").replace("\r", "\n")
        quote = raw.strip()
        if not quote:
            return None
        lead = len(raw) - len(raw.lstrip())
        return self.selection_page, quote, self.selection.startIndex() + lead

    def clear_selection(self) -> None:
        if self.selection is not None:
            self.selection = None
            self.update()
            self.changed.emit()

    # The keyboard -----------------------------------------------------------------------

    def keyboard_draft(self) -> RectDraft | None:
        if self.selection is not None:
            size = self.page_size(self.selection_page)
            if size is not None:
                box = self.selection.boundingRectangle()
                return RectDraft(
                    self.selection_page,
                    clamped(box, size.width(), size.height()),
                    size.width(),
                    size.height(),
                )
        viewport = QRectF(self.pdf.canvas.viewport().rect())
        place = self.pdf.document_point(viewport.center())
        if place is None:
            return None
        page = place[0] + 1
        size = self.page_size(page)
        if size is None:
            return None
        whole = QRectF(0, 0, size.width(), size.height())
        seen = QRectF(
            self.from_view(page, viewport.topLeft()), self.from_view(page, viewport.bottomRight())
        ).intersected(whole)
        if seen.isEmpty():
            seen = whole
        return RectDraft.around(page, seen.center(), seen, size.width(), size.height())

"""Pins on a photo or scan, and drawing rectangles on it.

The picture's scene is the upright image at full resolution (EXIF orientation applied,
whatever resolution is decoded), so a rectangle in scene units is the anchor's rectangle
in upright pixels; the reviewer's zoom and rotation are the view's transform, which the
pins follow. A plain drag moves the picture as before; with Shift, or in drawing mode,
it draws a rectangle.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, QSizeF

from reviewer_app.reviews.annotations import Annotation
from reviewer_app.ui.evidence.annotation_overlay import PinLayer, margin_slots
from reviewer_app.ui.evidence.drawing import RectDraft
from reviewer_app.ui.evidence.pins import Pin

if TYPE_CHECKING:
    from reviewer_app.ui.evidence.image_view import ImageView


class ImagePins(PinLayer):
    """The pins of the image shown (page 1; a multi-page image's other pages have none)."""

    def __init__(self, image: ImageView) -> None:
        super().__init__(image.canvas)
        self.image = image
        self._pins: list[Pin] = []

    def set_annotations(self, annotations: Sequence[Annotation]) -> None:
        pins = [
            Pin(a.id, a.number, 1, QRectF(*a.rect) if a.rect is not None else None)
            for a in annotations
            if a.page == 1
        ]
        self._pins = margin_slots(pins)
        self.update()

    def pins(self) -> list[Pin]:
        return list(self._pins)

    def pin(self, annotation_id: int) -> Pin | None:
        return next((p for p in self._pins if p.id == annotation_id), None)

    def _shown(self) -> bool:
        return self.image.current_frame() == 1 and not self.image.image_size().isEmpty()

    def page_size(self, page: int) -> QSizeF | None:
        if page != 1 or not self._shown():
            return None
        return QSizeF(self.image.image_size())

    def to_view(self, page: int, point: QPointF) -> QPointF:
        return self.image.canvas.viewportTransform().map(point)

    def from_view(self, page: int, at: QPointF) -> QPointF:
        inverse, _ok = self.image.canvas.viewportTransform().inverted()
        return inverse.map(at)

    def page_at(self, at: QPointF) -> int | None:
        size = self.page_size(1)
        if size is None:
            return None
        return 1 if QRectF(QPointF(), size).contains(self.from_view(1, at)) else None

    def margin_corner(self, page: int) -> QPointF:
        """The top-left corner of the picture as it is shown (turned or not)."""
        size = self.page_size(1) or QSizeF()
        return self.view_rect(1, QRectF(QPointF(), size)).topLeft()

    def visible_pins(self) -> Iterable[Pin]:
        return self._pins if self._shown() else ()

    def keyboard_draft(self) -> RectDraft | None:
        size = self.page_size(1)
        if size is None:
            return None
        viewport = QRectF(self.image.canvas.viewport().rect())
        whole = QRectF(QPointF(), size)
        seen = QRectF(
            self.from_view(1, viewport.topLeft()), self.from_view(1, viewport.bottomRight())
        ).normalized()
        seen = seen.intersected(whole)
        if seen.isEmpty():
            seen = whole
        return RectDraft.around(1, seen.center(), seen, size.width(), size.height())

    def show_place(self, annotation_id: int) -> None:
        """Scrolls the pin's rectangle (or the whole picture) into view."""
        pin = self.pin(annotation_id)
        if pin is None or not self._shown():
            return
        if pin.rect is not None:
            self.image.canvas.ensureVisible(pin.rect, 40, 40)
        self.update()

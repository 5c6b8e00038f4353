"""What the PDF and image viewers share to show and draw annotations over the evidence.

A `PinLayer` belongs to one scrolling view (the PDF pages or the picture). It paints the
pins of the item shown over what the view painted (in viewport pixels, so badges and
strokes are the same size at every zoom and rotation), tells which pin is under the
pointer, and turns a drag or the keyboard into a rectangle on a page (see `drawing`).
A view supplies the geometry: where a page is on screen and what is in view.

Nothing is saved here: a confirmed rectangle is emitted (`drawn`) and the window asks
for the comment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPainter
from PySide6.QtWidgets import QAbstractScrollArea

from reviewer_app.ui.evidence.drawing import (
    MIN_SIDE,
    DraftKey,
    RectDraft,
    as_tuple,
    dragged,
    is_draft_key,
)
from reviewer_app.ui.evidence.pins import BADGE_DIAMETER, MARGIN_GAP, Pin, PinStyle

OUTLINE_GRIP = 4.0  # pixels either side of an outline that count as clicking it


@dataclass
class Drag:
    page: int  # 1-based
    start: QPointF  # in the item's units
    end: QPointF
    start_view: QPointF  # where the press was, in the viewport
    end_view: QPointF


class PinLayer(QObject):
    """Pins over one view, and drawing on it. Subclasses give the geometry."""

    drawn = Signal(int, object)  # 1-based page, (x, y, width, height) in the item's units
    clicked = Signal(int)  # an annotation's id
    changed = Signal()  # the draft or a selection came or went

    def __init__(self, view: QAbstractScrollArea) -> None:
        super().__init__(view)
        self.view = view
        self._style: PinStyle | None = None
        self.current: int | None = None
        self.editable = False
        self.drawing = False  # the drawing mode: a plain drag draws
        self.drag: Drag | None = None
        self.draft: RectDraft | None = None

    # Geometry, from the view ------------------------------------------------------------

    def page_size(self, page: int) -> QSizeF | None:
        """The size of 1-based `page` in the item's units; None when there is none."""
        raise NotImplementedError

    def to_view(self, page: int, point: QPointF) -> QPointF:
        """A point of `page` (item units) in viewport pixels."""
        raise NotImplementedError

    def from_view(self, page: int, at: QPointF) -> QPointF:
        """A viewport point in `page`'s units (possibly off the page)."""
        raise NotImplementedError

    def page_at(self, at: QPointF) -> int | None:
        """The 1-based page under a viewport point, None when none."""
        raise NotImplementedError

    def visible_pins(self) -> Iterable[Pin]:
        """The pins on the pages in view (others are not painted)."""
        raise NotImplementedError

    def margin_corner(self, page: int) -> QPointF:
        """The top-left corner of `page` in the viewport: where badges without a place on
        the page (a whole-page annotation, a quote not found) are stacked, in view when
        the top of the page is, whatever the zoom."""
        return self.to_view(page, QPointF(0, 0))

    def keyboard_draft(self) -> RectDraft | None:
        """A new rectangle for `A`: at the view's selection, else mid-view."""
        raise NotImplementedError

    def pins(self) -> list[Pin]:
        raise NotImplementedError

    def reveal(self, page: int, rect: QRectF) -> None:
        """Scrolls the least that brings `rect` of `page` into view (a draft moved by the
        keys follows them off the edge)."""
        shown = self.view_rect(page, rect)
        room = QRectF(self.view.viewport().rect())
        dx = dy = 0.0
        if shown.right() > room.right():
            dx = shown.right() - room.right()
        if shown.left() - dx < room.left():
            dx = shown.left() - room.left()
        if shown.bottom() > room.bottom():
            dy = shown.bottom() - room.bottom()
        if shown.top() - dy < room.top():
            dy = shown.top() - room.top()
        for bar, delta in (
            (self.view.horizontalScrollBar(), dx),
            (self.view.verticalScrollBar(), dy),
        ):
            if delta:
                bar.setValue(bar.value() + round(delta))

    def update(self) -> None:
        self.view.viewport().update()

    # State ------------------------------------------------------------------------------

    @property
    def style(self) -> PinStyle:
        if self._style is None:
            self._style = PinStyle(self.view)
        return self._style

    def restyle(self) -> None:
        """The palette changed (a theme): pens are made again at the next paint."""
        self._style = None

    def set_current(self, annotation_id: int | None) -> None:
        if annotation_id != self.current:
            self.current = annotation_id
            self.update()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        if not editable:
            self.cancel()

    def cancel(self) -> None:
        """Drops a drag or draft under way."""
        had = self.drag is not None or self.draft is not None
        self.drag = None
        self.draft = None
        if had:
            self.update()
            self.changed.emit()

    # Painting ---------------------------------------------------------------------------

    def view_rect(self, page: int, rect: QRectF) -> QRectF:
        """A page rectangle in the viewport (any quarter turn keeps it a rectangle)."""
        return QRectF(
            self.to_view(page, rect.topLeft()), self.to_view(page, rect.bottomRight())
        ).normalized()

    def badge_rect(self, pin: Pin) -> QRectF:
        style = self.style
        if pin.rect is not None:
            centre = self.to_view(pin.page, pin.rect.topLeft())
        elif pin.quote:  # on the first word's corner, as on a rectangle's
            centre = self.view_rect(pin.page, pin.quote[0]).topLeft()
        else:
            corner = self.margin_corner(pin.page)
            slot = max(0, pin.slot)
            centre = QPointF(
                corner.x() + BADGE_DIAMETER / 2 + MARGIN_GAP,
                corner.y() + BADGE_DIAMETER / 2 + MARGIN_GAP + slot * (BADGE_DIAMETER + MARGIN_GAP),
            )
        return style.badge_rect(centre, pin.number)

    def paint(self, painter: QPainter) -> None:
        """Over the view's own painting, in viewport pixels."""
        style = self.style
        current: Pin | None = None
        for pin in self.visible_pins():
            if pin.id == self.current:
                current = pin  # painted last, on top of any it overlaps
                continue
            self._paint_pin(painter, style, pin, False)
        if current is not None:
            self._paint_pin(painter, style, current, True)
        if self.drag is not None:
            style.paint_draft(painter, self._drag_view_rect(self.drag))
        if self.draft is not None:
            style.paint_draft(painter, self.view_rect(self.draft.page, self.draft.rect))

    def _paint_pin(self, painter: QPainter, style: PinStyle, pin: Pin, current: bool) -> None:
        if pin.rect is not None:
            style.paint_outline(painter, self.view_rect(pin.page, pin.rect), current)
        if pin.quote:
            boxes = tuple(self.view_rect(pin.page, box) for box in pin.quote)
            style.paint_quote(painter, boxes, current)
        style.paint_badge(painter, self.badge_rect(pin), pin.number, current)

    def _drag_view_rect(self, drag: Drag) -> QRectF:
        return self.view_rect(drag.page, self._drag_rect(drag))

    def _drag_rect(self, drag: Drag) -> QRectF:
        size = self.page_size(drag.page) or QSizeF()
        return dragged(drag.start, drag.end, size.width(), size.height())

    # Pointing ---------------------------------------------------------------------------

    def pin_at(self, at: QPointF) -> int | None:
        """The pin whose badge (or outline) is under a viewport point; the current one
        and then the most recent first, as they are painted on top."""
        pins = sorted(self.visible_pins(), key=lambda p: (p.id == self.current, p.number))
        for pin in reversed(pins):
            if self.badge_rect(pin).contains(at):
                return pin.id
        for pin in reversed(pins):
            if pin.rect is None:
                continue
            outer = self.view_rect(pin.page, pin.rect)
            grip = OUTLINE_GRIP
            inner = outer.adjusted(grip, grip, -grip, -grip)
            if outer.adjusted(-grip, -grip, grip, grip).contains(at) and not inner.contains(at):
                return pin.id
        return None

    def draws(self, event: QMouseEvent) -> bool:
        """Whether a press starts a rectangle: drawing mode or Shift, when editable."""
        shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        return self.editable and (self.drawing or shift)

    def mouse_press(self, event: QMouseEvent) -> bool:
        """True when the layer took the press (the view does nothing more with it)."""
        if event.button() != Qt.MouseButton.LeftButton:
            return False
        at = event.position()
        if self.draws(event):
            page = self.page_at(at)
            if page is None:
                return False
            point = self._on_page(page, self.from_view(page, at))
            self.drag = Drag(page, point, point, at, at)
            self.update()
            return True
        clicked = self.pin_at(at)
        if clicked is not None:
            self.clicked.emit(clicked)
            return True
        return False

    def mouse_move(self, event: QMouseEvent) -> bool:
        if self.drag is None:
            return False
        at = event.position()
        self.drag.end = self._on_page(self.drag.page, self.from_view(self.drag.page, at))
        self.drag.end_view = at
        self.update()
        return True

    def mouse_release(self, event: QMouseEvent) -> bool:
        drag = self.drag
        if drag is None:
            return False
        self.mouse_move(event)
        self.drag = None
        self.update()
        shown = self._drag_view_rect(drag)
        rect = self._drag_rect(drag)
        if shown.width() >= MIN_SIDE and shown.height() >= MIN_SIDE and not rect.isEmpty():
            self.drawn.emit(drag.page, as_tuple(rect))
        return True

    def _on_page(self, page: int, point: QPointF) -> QPointF:
        size = self.page_size(page) or QSizeF()
        return QPointF(
            max(0.0, min(point.x(), size.width())), max(0.0, min(point.y(), size.height()))
        )

    # The keyboard -----------------------------------------------------------------------

    def start_draft(self) -> bool:
        """`A`: a rectangle to move and size with the keys; False when there is no page."""
        if not self.editable:
            return False
        draft = self.keyboard_draft()
        if draft is None:
            return False
        self.drag = None
        self.draft = draft
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.update()
        self.changed.emit()
        return True

    def takes_key(self, event: QEvent) -> bool:
        """For ShortcutOverride: a draft's keys win over the window's shortcuts."""
        return self.draft is not None and is_draft_key(event)

    def key(self, event: QKeyEvent) -> bool:
        """True when the key was the draft's."""
        draft = self.draft
        if draft is None:
            return False
        done = draft.key(event)
        if done is None:
            return False
        if done == DraftKey.CONFIRM:
            self.draft = None
            self.drawn.emit(draft.page, as_tuple(draft.rect))
            self.changed.emit()
        elif done == DraftKey.CANCEL:
            self.draft = None
            self.changed.emit()
        else:
            self.reveal(draft.page, draft.rect)
        self.update()
        return True


def margin_slots(pins: list[Pin]) -> list[Pin]:
    """Badges with no place on the page get a slot each, one under another, per page."""
    taken: dict[int, int] = {}
    placed = []
    for pin in pins:
        if pin.rect is None and not pin.quote:
            slot = taken.get(pin.page, 0)
            taken[pin.page] = slot + 1
            pin = replace(pin, slot=slot)
        placed.append(pin)
    return placed

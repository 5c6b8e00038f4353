"""Drawing an annotation's rectangle, with the mouse or from the keyboard.

The geometry here is in the item's own units (PDF points or upright image pixels from
the page's top-left corner), so the PDF and image viewers share it.

The mouse: press, drag and release on a page, with the viewer's drawing mode on or
while holding Shift (a plain drag keeps its usual meaning: selecting text in a PDF,
moving the picture of an image). A drag of less than `MIN_SIDE` screen pixels each way
is a click, not a rectangle.

The keyboard (`RectDraft`): `A` puts a dashed rectangle on the page; the arrow keys move
it, Shift with the arrows resizes it (Right and Down make it wider and taller, Left and
Up narrower and shorter), by a fiftieth of the page's shorter side (Ctrl: a fifth of
that, for fine work); Enter confirms and Escape cancels.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QEvent, QPointF, QRectF, Qt
from PySide6.QtGui import QKeyEvent

MIN_SIDE = 4.0  # screen pixels: a smaller drag is a click
STEPS_PER_SIDE = 50
DRAFT_SHARE = 1 / 3  # of the visible part of the page, for a new keyboard rectangle


class DraftKey(Enum):
    MOVED = "moved"
    CONFIRM = "confirm"
    CANCEL = "cancel"


def clamped(rect: QRectF, width: float, height: float) -> QRectF:
    """`rect` moved, then cut, to lie within a page of `width` x `height`."""
    w = min(rect.width(), width)
    h = min(rect.height(), height)
    x = max(0.0, min(rect.x(), width - w))
    y = max(0.0, min(rect.y(), height - h))
    return QRectF(x, y, w, h)


def dragged(start: QPointF, end: QPointF, width: float, height: float) -> QRectF:
    """The rectangle between two points of a drag, within the page."""
    page = QRectF(0, 0, width, height)
    return QRectF(start, end).normalized().intersected(page)


@dataclass
class RectDraft:
    """A rectangle placed from the keyboard, not yet confirmed."""

    page: int  # 1-based
    rect: QRectF
    width: float  # the page's size
    height: float

    @classmethod
    def around(
        cls, page: int, centre: QPointF, visible: QRectF, width: float, height: float
    ) -> RectDraft:
        """A new draft in the middle of `visible` (the part of the page in view)."""
        side_w = max(1.0, visible.width() * DRAFT_SHARE)
        side_h = max(1.0, visible.height() * DRAFT_SHARE)
        rect = QRectF(centre.x() - side_w / 2, centre.y() - side_h / 2, side_w, side_h)
        return cls(page, clamped(rect, width, height), width, height)

    def step(self, fine: bool) -> float:
        coarse = max(1.0, min(self.width, self.height) / STEPS_PER_SIDE)
        return max(1.0, coarse / 5) if fine else coarse

    def key(self, event: QKeyEvent) -> DraftKey | None:
        """What the key did to the draft; None when it is not one of the draft's keys."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return DraftKey.CONFIRM
        if key == Qt.Key.Key_Escape:
            return DraftKey.CANCEL
        moves = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key not in moves:
            return None
        dx, dy = moves[Qt.Key(key)]
        modifiers = event.modifiers()
        step = self.step(bool(modifiers & Qt.KeyboardModifier.ControlModifier))
        rect = QRectF(self.rect)
        if modifiers & Qt.KeyboardModifier.ShiftModifier:
            rect.setWidth(max(step, rect.width() + dx * step))
            rect.setHeight(max(step, rect.height() + dy * step))
            rect.setWidth(min(rect.width(), self.width - rect.x()))
            rect.setHeight(min(rect.height(), self.height - rect.y()))
        else:
            rect = rect.translated(dx * step, dy * step)
            rect = clamped(rect, self.width, self.height)
        self.rect = rect
        return DraftKey.MOVED


def is_draft_key(event: QEvent) -> bool:
    """Keys a draft takes before any shortcut of the window (ShortcutOverride)."""
    if not isinstance(event, QKeyEvent):
        return False
    return event.key() in (
        Qt.Key.Key_Return,
        Qt.Key.Key_Enter,
        Qt.Key.Key_Escape,
        Qt.Key.Key_Left,
        Qt.Key.Key_Right,
        Qt.Key.Key_Up,
        Qt.Key.Key_Down,
    )


def as_tuple(rect: QRectF) -> tuple[float, float, float, float]:
    """An anchor's rectangle, to a hundredth of a unit."""
    return (
        round(rect.x(), 2),
        round(rect.y(), 2),
        round(rect.width(), 2),
        round(rect.height(), 2),
    )

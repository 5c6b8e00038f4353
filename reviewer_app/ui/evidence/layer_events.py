"""The pointer and keys of a view with annotations: its pin layer sees them first.

Mixed in before the view's Qt class (`class _Canvas(LayerEvents, QGraphicsView)`), so
that what the layer does not take goes on to the view as it would without a layer.
The image view and the PDF view share it; each paints its layer its own way.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QKeyEvent, QMouseEvent

if TYPE_CHECKING:
    from reviewer_app.ui.evidence.annotation_overlay import PinLayer


class LayerEvents:
    layer: PinLayer | None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if self.layer is not None and self.layer.mouse_press(event):
            event.accept()
            return
        self._view().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.layer is not None and self.layer.mouse_move(event):
            event.accept()
            return
        self._view().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.layer is not None and self.layer.mouse_release(event):
            event.accept()
            return
        self._view().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.layer is not None and self.layer.key(event):
            event.accept()
            return
        self._view().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.PaletteChange and self.layer is not None:
            self.layer.restyle()  # a theme changed: pins take its colours
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and self.layer is not None
            and self.layer.takes_key(event)
        ):
            event.accept()
            return True
        return bool(self._view().event(event))

    def _view(self) -> Any:
        """The view's own handlers: the Qt class after this one."""
        return super()

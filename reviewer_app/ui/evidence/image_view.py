"""Photos and scans: fit, zoom, pan, rotate, and the pages of multi-frame TIFF and GIF files.

The picture is shown upright as its EXIF orientation says; the reviewer's own rotation
comes on top of that and is not saved. The view's scale is always relative to the full
resolution, whatever resolution has been decoded so far (see `image_loader`).

Every image opens fitted to the viewport (a scan or photo is read whole first) and stays
fitted as the pane is resized, until the reviewer zooms. Zooming keeps a point of the
picture in place: the one under the pointer for Ctrl+wheel and pinch, the top-left one
in view for the keys and buttons (QGraphicsView's own anchors follow the last mouse
move, which a keyboard zoom does not have). The toolbar is one row (`OverflowBar`).

Annotations are `image_pins`: painted in the view's foreground, in viewport pixels, so
they follow the zoom and rotation; a drag with Shift (or in drawing mode) draws one.
"""

from __future__ import annotations

import math
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QPoint, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QIcon,
    QKeySequence,
    QNativeGestureEvent,
    QPainter,
    QPalette,
    QPixmap,
    QResizeEvent,
    QTransform,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QFrame,
    QGraphicsPixmapItem,
    QGraphicsScene,
    QGraphicsView,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.ui.evidence.annotation_overlay import PinLayer
from reviewer_app.ui.evidence.controls import make_action, theme_icon
from reviewer_app.ui.evidence.image_loader import ImageLoader, LoadedFrame
from reviewer_app.ui.evidence.image_pins import ImagePins
from reviewer_app.ui.evidence.layer_events import LayerEvents
from reviewer_app.ui.evidence.message import MessagePane, Severity
from reviewer_app.ui.evidence.overflow_bar import OverflowBar
from reviewer_app.ui.evidence.system_open import open_with_system_viewer

ZOOM_STEPS = (0.05, 0.1, 0.15, 0.25, 0.33, 0.5, 0.67, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0, 6.0, 8.0)
FIRST_DECODE_SIDE = 2048  # enough to fit a photo sharply on most screens


class _Canvas(LayerEvents, QGraphicsView):
    """Drag to pan, Ctrl+wheel or a pinch to zoom around the pointer; refits when resized."""

    zoom_requested = Signal(int, QPointF)  # +1: a step in, -1: out; where, in the viewport
    pinched = Signal(float, QPointF)  # multiply the zoom by this, around there
    resized = Signal()
    menu_requested = Signal(QPoint)  # a right click, on the screen

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer: PinLayer | None = None  # annotations over the picture
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        # The view keeps the anchor itself (ImageView.set_zoom), for keys and pointer alike.
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        # A scroll bar that comes with a zoom narrows the viewport: the top-left stays,
        # and with it the point the zoom kept (a fitted picture is fitted again).
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setRenderHints(
            QPainter.RenderHint.SmoothPixmapTransform | QPainter.RenderHint.Antialiasing
        )
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setBackgroundRole(QPalette.ColorRole.Dark)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1, event.position())
            event.accept()
            return
        super().wheelEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:
        if isinstance(event, QNativeGestureEvent) and (
            event.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.pinched.emit(1.0 + event.value(), event.position())
            event.accept()
            return True
        return super().viewportEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.resized.emit()

    # Annotations: the layer paints over the picture and sees the pointer and keys first.

    def drawForeground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        if self.layer is not None:
            painter.save()
            painter.resetTransform()  # the layer paints in viewport pixels
            self.layer.paint(painter)
            painter.restore()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu_requested.emit(event.globalPos())
        event.accept()


class ImageView(QWidget):
    """Shows one image file. `loaded` is emitted when a frame has been decoded and shown
    (or has failed: then `problem()` says so)."""

    loaded = Signal()

    def __init__(self, loader: ImageLoader | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("Image viewer"))
        self.loader = loader or ImageLoader(parent=self)
        self.loader.loaded.connect(self._on_loaded)
        self._path: Path | None = None
        self._name = ""
        self._request = 0
        self._frame = 0
        self._frames = 1
        self._full = QSize()
        self._decoded_side = 0  # longer side of the decoded image, 0: none yet
        self._fit = True
        self._zoom = 1.0
        self._rotation = 0
        self._problem: str | None = None

        self.scene = QGraphicsScene(self)
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.scene.addItem(self.item)
        self.canvas = _Canvas(self)
        self.canvas.setScene(self.scene)
        self.canvas.setAccessibleName(self.tr("Image"))
        self.canvas.setToolTip(self.tr("Drag to move the picture; Ctrl and the mouse wheel zoom"))
        self.canvas.zoom_requested.connect(self._step_zoom)
        self.canvas.pinched.connect(
            lambda factor, at: self.set_zoom(self.zoom_factor() * factor, at)
        )
        self.canvas.resized.connect(self._on_resized)
        self.pins = ImagePins(self)
        self.canvas.layer = self.pins
        self.context_actions: list[QAction] = []  # the panel's annotation actions
        self.canvas.menu_requested.connect(self._show_menu)

        self._build_actions()
        self._build_layout()
        self._update_controls()

    # Building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.previous_frame_action = make_action(
            self,
            self.tr("Previous page"),
            self.previous_frame,
            ["PgUp"],
            icon=theme_icon(QIcon.ThemeIcon.GoUp, QStyle.StandardPixmap.SP_ArrowUp, self),
        )
        self.next_frame_action = make_action(
            self,
            self.tr("Next page"),
            self.next_frame,
            ["PgDown"],
            icon=theme_icon(QIcon.ThemeIcon.GoDown, QStyle.StandardPixmap.SP_ArrowDown, self),
        )
        self.zoom_in_action = make_action(
            self,
            self.tr("Zoom in"),
            self.zoom_in,
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+=", "+", "="],
            icon=QIcon.fromTheme(QIcon.ThemeIcon.ZoomIn),
            short_text="+",
        )
        self.zoom_out_action = make_action(
            self,
            self.tr("Zoom out"),
            self.zoom_out,
            [QKeySequence.StandardKey.ZoomOut, "-"],
            icon=QIcon.fromTheme(QIcon.ThemeIcon.ZoomOut),
            short_text="\u2212",
        )
        self.fit_action = make_action(
            self, self.tr("Fit to window"), self.fit_to_window, ["Ctrl+0"]
        )
        self.actual_size_action = make_action(
            self, self.tr("Actual size"), self.actual_size, ["Ctrl+1"]
        )
        self.rotate_left_action = make_action(
            self,
            self.tr("Rotate left"),
            self.rotate_left,
            ["Shift+R"],
            icon=QIcon.fromTheme(QIcon.ThemeIcon.ObjectRotateLeft),
        )
        self.rotate_right_action = make_action(
            self,
            self.tr("Rotate right"),
            self.rotate_right,
            ["R"],
            icon=QIcon.fromTheme(QIcon.ThemeIcon.ObjectRotateRight),
        )

    def _build_layout(self) -> None:
        self.frame_label = QLabel()
        self.zoom_label = QLabel()
        widest = self.tr("Fit {percent}%").format(percent=QLocale().toString(888))
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.toolbar = OverflowBar(self.tr("Image tools"))
        # The page buttons are shown only for a file of several pages (`_update_controls`).
        self.frame_buttons = [
            w
            for w in self.toolbar.add_group(
                [self.previous_frame_action, self.frame_label, self.next_frame_action],
                pinned=True,
            )
            if w is not self.frame_label
        ]
        self.toolbar.add_group([self.zoom_out_action, self.zoom_label, self.zoom_in_action])
        self.toolbar.add_group([self.fit_action, self.actual_size_action])
        self.toolbar.add_group([self.rotate_left_action, self.rotate_right_action])

        self.viewer = QWidget()
        column = QVBoxLayout(self.viewer)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.toolbar)
        column.addWidget(self.canvas, 1)

        self.message = MessagePane(self)
        self.system_button = QPushButton(self.tr("Open with system viewer"))
        self.system_button.setAccessibleName(self.tr("Open with system viewer"))
        self.system_button.setToolTip(
            self.tr("Open a read-only copy in your computer's own viewer")
        )
        self.system_button.clicked.connect(self.open_with_system)
        self.message.add_widget(self.system_button)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.viewer)
        self.stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    # Opening ----------------------------------------------------------------------------

    def open_file(self, path: Path, *, name: str | None = None, frame: int = 1) -> None:
        """Starts showing the image at `path` (1-based `frame` of a multi-page file),
        fitted to the window; it appears when decoded (`loaded`)."""
        self.clear()
        self._path = path
        self._name = name or path.name
        self._fit = True
        if not path.is_file():
            self._fail(
                self.tr("The stored file is missing"),
                self.tr(
                    "The data folder was changed outside Portfolio Reviewer. Check it "
                    "with \u201creviewer-app check\u201d, or import the bundle again."
                ),
                system=False,
            )
            return
        self._load(max(0, frame - 1), self._first_side())

    def clear(self) -> None:
        """Drops the picture (and its memory); results still on their way are ignored."""
        self._request = 0
        self._path = None
        self._problem = None
        self._frame = 0
        self._frames = 1
        self._full = QSize()
        self._decoded_side = 0
        self._rotation = 0
        self.item.setPixmap(QPixmap())
        self.pins.cancel()
        self.canvas.resetTransform()
        self.stack.setCurrentWidget(self.viewer)
        self._update_controls()

    def _first_side(self) -> int:
        ratio = self.devicePixelRatioF()
        viewport = self.canvas.viewport().size()
        side = max(viewport.width(), viewport.height(), 800) * ratio
        return max(FIRST_DECODE_SIDE, int(side))

    def _load(self, frame: int, max_side: int) -> None:
        if self._path is None:
            return
        self._request = self.loader.request(self._path, frame, max_side)

    def _on_loaded(self, result: LoadedFrame) -> None:
        if result.request != self._request:
            return  # an earlier file or frame
        self._request = 0
        if result.error is not None or result.image.isNull():
            self._fail(
                self.tr("This image is damaged and cannot be shown"),
                self.tr(
                    "Open it with your system's viewer, which may show what is left of it, "
                    "or ask the earner for a new copy."
                ),
            )
            self.loaded.emit()
            return
        new_frame = result.frame != self._frame or self._decoded_side == 0
        self._frame = result.frame
        self._frames = result.frame_count
        self._full = result.full_size
        pixmap = QPixmap.fromImage(result.image)
        self._decoded_side = max(pixmap.width(), pixmap.height())
        self.item.setPixmap(pixmap)
        # Whatever was decoded, the item measures full-resolution pixels.
        self.item.setScale(self._full.width() / max(1, pixmap.width()))
        self.scene.setSceneRect(QRectF(0, 0, self._full.width(), self._full.height()))
        if new_frame:
            self._apply_view()
        self.canvas.setAccessibleDescription(
            self.tr("{width} by {height} pixels").format(
                width=QLocale().toString(self._full.width()),
                height=QLocale().toString(self._full.height()),
            )
        )
        self._update_controls()
        self.loaded.emit()

    def _fail(self, heading: str, body: str, *, system: bool = True) -> None:
        self._problem = heading
        self.message.set_message(heading, body, Severity.ERROR)
        self.system_button.setVisible(system)
        self.stack.setCurrentWidget(self.message)
        self._update_controls()

    def open_with_system(self) -> bool:
        if self._path is None:
            return False
        return open_with_system_viewer(self._path, self._name)

    def _show_menu(self, on_screen: QPoint) -> None:
        if self.context_actions and self._problem is None and self._path is not None:
            menu = QMenu(self)
            menu.addActions(self.context_actions)
            menu.exec(on_screen)

    # State ------------------------------------------------------------------------------

    def problem(self) -> str | None:
        return self._problem

    def is_loading(self) -> bool:
        return self._request != 0

    def pixmap(self) -> QPixmap:
        """The decoded picture, upright as its EXIF orientation says (null when none)."""
        return self.item.pixmap()

    def image_size(self) -> QSize:
        """The upright size at full resolution."""
        return QSize(self._full)

    def frame_count(self) -> int:
        return self._frames

    def current_frame(self) -> int:
        return self._frame + 1

    def rotation(self) -> int:
        """The reviewer's rotation, clockwise degrees: 0, 90, 180 or 270."""
        return self._rotation

    def zoom_factor(self) -> float:
        """Screen pixels per image pixel (also when fitted)."""
        transform = self.canvas.transform()
        return math.hypot(transform.m11(), transform.m12())

    def is_fitted(self) -> bool:
        return self._fit

    # Frames -----------------------------------------------------------------------------

    def go_to_frame(self, frame: int) -> None:
        """Shows 1-based `frame` of a multi-page image."""
        target = max(0, min(frame - 1, self._frames - 1))
        if self._path is not None and target != self._frame:
            self._frame = target
            self._decoded_side = 0
            self._load(target, self._first_side())
            self._update_controls()

    def next_frame(self) -> None:
        self.go_to_frame(self.current_frame() + 1)

    def previous_frame(self) -> None:
        self.go_to_frame(self.current_frame() - 1)

    # Zoom and rotation ------------------------------------------------------------------

    def _apply_view(self) -> None:
        transform = QTransform().rotate(self._rotation)
        if self._fit:
            self.canvas.setTransform(transform)
            if not self._full.isEmpty():
                self.canvas.fitInView(self.scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
        else:
            self.canvas.setTransform(transform.scale(self._zoom, self._zoom))
        self._update_zoom_label()
        self._maybe_sharpen()

    def _maybe_sharpen(self) -> None:
        """Decodes again at full resolution once the zoom shows more than was decoded."""
        if self._path is None or self._request or self._decoded_side == 0:
            return
        full_side = max(self._full.width(), self._full.height())
        needed = full_side * self.zoom_factor() * self.devicePixelRatioF()
        if self._decoded_side < full_side and needed > self._decoded_side * 1.05:
            self._load(self._frame, 0)

    def set_zoom(self, factor: float, at: QPointF | None = None) -> None:
        """Shows the picture at `factor` screen pixels an image pixel, keeping the point
        at `at` in the viewport where it is (the top-left corner when not given)."""
        anchor = QPointF(0, 0) if at is None else at
        place, _ok = self.canvas.viewportTransform().inverted()
        point = place.map(anchor)
        self._fit = False
        self._zoom = max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1]))
        self._apply_view()
        moved = self.canvas.viewportTransform().map(point) - anchor
        for bar, delta in (
            (self.canvas.horizontalScrollBar(), moved.x()),
            (self.canvas.verticalScrollBar(), moved.y()),
        ):
            bar.setValue(bar.value() + round(delta))

    def zoom_in(self) -> None:
        self._step_zoom(1)

    def zoom_out(self) -> None:
        self._step_zoom(-1)

    def _step_zoom(self, step: int, at: QPointF | None = None) -> None:
        current = self.zoom_factor()
        if step > 0:
            self.set_zoom(next((z for z in ZOOM_STEPS if z > current * 1.01), ZOOM_STEPS[-1]), at)
        else:
            lower = [z for z in ZOOM_STEPS if z < current * 0.99]
            self.set_zoom(lower[-1] if lower else ZOOM_STEPS[0], at)

    def fit_to_window(self) -> None:
        self._fit = True
        self._apply_view()

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    def rotate_right(self) -> None:
        self._rotate(90)

    def rotate_left(self) -> None:
        self._rotate(-90)

    def _rotate(self, degrees: int) -> None:
        """Turns the picture about the point at the middle of the view, which stays there."""
        middle = self.canvas.mapToScene(self.canvas.viewport().rect().center())
        self._rotation = (self._rotation + degrees) % 360
        self._apply_view()
        if not self._fit:
            self.canvas.centerOn(middle)

    def _on_resized(self) -> None:
        if self._fit:
            self._apply_view()

    def _update_zoom_label(self) -> None:
        percent = QLocale().toString(round(self.zoom_factor() * 100))
        if self._fit:
            text = self.tr("Fit {percent}%").format(percent=percent)
        else:
            text = self.tr("{percent}%").format(percent=percent)
        self.zoom_label.setText(text)
        self.zoom_label.setAccessibleName(self.tr("Zoom {percent}%").format(percent=percent))

    def _update_controls(self) -> None:
        shown = self._problem is None and self._path is not None
        multi = self._frames > 1
        if multi == self.frame_label.isHidden():
            for button in self.frame_buttons:
                button.setVisible(multi)
            self.frame_label.setVisible(multi)
            self.toolbar.refit()
        self.frame_label.setText(
            self.tr("Page {frame} of {count}").format(
                frame=QLocale().toString(self._frame + 1), count=QLocale().toString(self._frames)
            )
        )
        self.previous_frame_action.setEnabled(shown and multi and self._frame > 0)
        self.next_frame_action.setEnabled(shown and multi and self._frame < self._frames - 1)
        for action in (
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_action,
            self.actual_size_action,
            self.rotate_left_action,
            self.rotate_right_action,
        ):
            action.setEnabled(shown)
        self._update_zoom_label()

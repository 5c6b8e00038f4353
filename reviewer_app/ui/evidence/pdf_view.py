"""PDF evidence: pages, zoom, search with highlighted hits, and page thumbnails.

Built on QtPdf (PDFium). A file PDFium cannot open is replaced by a message that says
what is wrong and what to do (`pdf_problem`); finding words is `pdf_search`; the side
list of pages is `pdf_thumbnails`.

Choices made for reading in a pane beside the rubric:
- Every PDF opens fitted to the pane's width (a zoom chosen for the last one is not
  carried over: pages differ), and stays fitted as the pane is resized. A US Letter or
  A4 page is then shown at 80% or more once the viewport is 700 px wide.
- Page thumbnails are off until the reviewer turns them on; the choice is remembered
  (`remembered.THUMBNAILS`). Hidden, none is rendered.
- Zooming keeps a point of the page in place: the one under the pointer for Ctrl+wheel
  and pinch, the top-left one in view for the keys and buttons. QPdfView says nothing
  of where it put the pages, so `page_rects` works the layout out again from what it
  does expose (its margins, spacing, zoom mode and the screen's resolution), as
  QPdfView computes it in Qt 6.
- A resize keeps the point at the top-left of the view (page, and fraction of it), so
  the reader's place survives a scroll bar appearing or the pane being widened.
- The toolbar is one row (`OverflowBar`); the page number always stays on it.
- Annotations: the pins, text selection and rectangles drawn on the pages are
  `pdf_pins` (painted over QPdfView's pages, in viewport pixels); a right click offers
  the annotation actions the panel gives (`context_actions`).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QLocale,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSettings,
    QSize,
    QSizeF,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QGuiApplication,
    QIcon,
    QKeySequence,
    QNativeGestureEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.ui.evidence.annotation_overlay import PinLayer
from reviewer_app.ui.evidence.controls import make_action, name_parts, theme_icon
from reviewer_app.ui.evidence.layer_events import LayerEvents
from reviewer_app.ui.evidence.overflow_bar import OverflowBar
from reviewer_app.ui.evidence.pdf_pins import PdfPins
from reviewer_app.ui.evidence.pdf_problem import PdfProblemPane
from reviewer_app.ui.evidence.pdf_search import PdfSearch
from reviewer_app.ui.evidence.pdf_thumbnails import ThumbnailList, ThumbnailModel
from reviewer_app.ui.evidence.remembered import THUMBNAILS, Remembered
from reviewer_app.ui.evidence.system_open import open_with_system_viewer

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 6.0)
Error = QPdfDocument.Error


def pixels_per_point() -> float:
    """QPdfView draws a point at the primary screen's logical resolution."""
    screen = QGuiApplication.primaryScreen()
    return (screen.logicalDotsPerInch() if screen else 96.0) / 72.0


class _PdfCanvas(LayerEvents, QPdfView):
    """QPdfView that keeps the reading position when resized and zooms with Ctrl+wheel
    or a pinch, around the point under the pointer."""

    resized = Signal()
    zoom_requested = Signal(float, QPointF)  # +1: a step in, -1: out; where, in the viewport
    pinched = Signal(float, QPointF)  # a pinch: multiply the zoom by this, around there
    menu_requested = Signal(QPoint, QPoint)  # a right click: in the viewport, on the screen

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.layer: PinLayer | None = None  # annotations over the pages
        self.in_resize = False  # page changes meanwhile are not the reader's doing
        # The viewport size QPdfView last laid the pages out for: in resizeEvent the
        # viewport has its new size already, the layout (and scroll bars) the old one's.
        self.laid_out_for = QSize()
        # Where the top-left of the view was, in page terms, before a resize.
        self.keep_place: Callable[[], Callable[[], None]] | None = None

    def resizeEvent(self, event: QResizeEvent) -> None:
        restore = self.keep_place() if self.keep_place is not None else None
        self.in_resize = True
        try:
            super().resizeEvent(event)
            self.laid_out_for = self.viewport().size()
            if restore is not None:
                restore()
        finally:
            self.in_resize = False
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1.0 if delta > 0 else -1.0, event.position())
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

    # Annotations: the layer paints over the pages and sees the pointer and keys first.

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self.layer is not None:
            painter = QPainter(self.viewport())
            painter.setClipRect(event.rect())
            self.layer.paint(painter)
            painter.end()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        self.menu_requested.emit(event.pos(), event.globalPos())
        event.accept()


class PdfView(QWidget):
    """Shows one PDF. `open_file(path, page)` opens it (at a 1-based page, for search
    hits); `problem()` is the heading of the message shown instead when it cannot."""

    page_changed = Signal(int)  # 1-based
    unlocked = Signal()  # a password-protected PDF was opened with its password

    def __init__(self, parent: QWidget | None = None, *, settings: QSettings | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("PDF viewer"))
        self.remembered = Remembered(settings)
        self.document = QPdfDocument(self)
        self._path: Path | None = None
        self._name = ""
        # The 0-based page asked for at opening, applied again whenever the view is
        # resized (its layout is final only once shown) until the reader moves.
        self._pending_page: int | None = None
        self._moving = False
        self._syncing = False
        self._problem: str | None = None

        self.canvas = _PdfCanvas(self)
        self.canvas.setDocument(self.document)
        self.canvas.setPageMode(QPdfView.PageMode.MultiPage)
        self.canvas.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        # Always there: a page fitted to the width would otherwise make the scroll bar
        # come and go, and each time change the width it is fitted to, without end.
        self.canvas.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        self.canvas.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.canvas.setAccessibleName(self.tr("PDF pages"))
        self.canvas.setToolTip(self.tr("PDF pages: Page Down and Page Up move by a page"))
        self.navigator = self.canvas.pageNavigator()
        self.search = PdfSearch(self, self.canvas, self.document, self._scroll_to_hit)
        self.thumbnail_model = ThumbnailModel(self.document, self)
        self.thumbnails = ThumbnailList(self.thumbnail_model, self)
        self.message = PdfProblemPane(self)
        self.pins = PdfPins(self)
        self.canvas.layer = self.pins
        self.context_actions: list[QAction] = []  # the panel's annotation actions

        self._build_actions()
        self._build_layout()
        self._connect()
        self._update_controls()

    # Building ---------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.previous_page_action = make_action(
            self,
            self.tr("Previous page"),
            self.previous_page,
            ["PgUp"],
            icon=theme_icon(QIcon.ThemeIcon.GoUp, QStyle.StandardPixmap.SP_ArrowUp, self),
        )
        self.next_page_action = make_action(
            self,
            self.tr("Next page"),
            self.next_page,
            ["PgDown"],
            icon=theme_icon(QIcon.ThemeIcon.GoDown, QStyle.StandardPixmap.SP_ArrowDown, self),
        )
        self.go_to_page_action = make_action(
            self, self.tr("Go to page"), self.focus_page_box, ["Ctrl+Shift+N"]
        )
        self.zoom_in_action = make_action(
            self,
            self.tr("Zoom in"),
            self.zoom_in,
            [QKeySequence.StandardKey.ZoomIn, "Ctrl+="],
            icon=QIcon.fromTheme(QIcon.ThemeIcon.ZoomIn),
            short_text="+",
        )
        self.zoom_out_action = make_action(
            self,
            self.tr("Zoom out"),
            self.zoom_out,
            [QKeySequence.StandardKey.ZoomOut],
            icon=QIcon.fromTheme(QIcon.ThemeIcon.ZoomOut),
            short_text="\u2212",
        )
        # Acrobat's keys: Ctrl+0 whole page, Ctrl+1 actual size, Ctrl+2 page width.
        self.fit_page_action = make_action(
            self, self.tr("Fit page"), self.fit_page, ["Ctrl+0"], checkable=True
        )
        self.actual_size_action = make_action(
            self, self.tr("Actual size"), self.actual_size, ["Ctrl+1"]
        )
        self.fit_width_action = make_action(
            self, self.tr("Fit width"), self.fit_width, ["Ctrl+2"], checkable=True
        )
        self.thumbnails_action = make_action(
            self, self.tr("Page thumbnails"), self._toggle_thumbnails, checkable=True
        )
        self.thumbnails_action.setChecked(self.remembered.flag(THUMBNAILS, False))

    def _build_layout(self) -> None:
        self.page_box = QSpinBox()
        self.page_box.setKeyboardTracking(False)  # go when the number is complete
        self.page_box.setMinimum(1)
        self.page_box.setAccessibleName(self.tr("Page number"))
        self.page_box.setToolTip(
            self.tr("Page number: type a page and press Enter to go there ({keys})").format(
                keys=self.go_to_page_action.shortcut().toString(
                    QKeySequence.SequenceFormat.NativeText
                )
            )
        )
        name_parts(self.page_box)
        self.page_count_label = QLabel()
        self.zoom_label = QLabel()
        widest = self.tr("{percent}%").format(percent=QLocale().toString(8888))
        self.zoom_label.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest))
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.toolbar = OverflowBar(self.tr("PDF tools"))
        navigation: list[QWidget | QAction] = [self.previous_page_action, self.page_box]
        navigation += [self.page_count_label, self.next_page_action]
        self.toolbar.add_group(navigation, pinned=True)
        self.toolbar.add_group([self.zoom_out_action, self.zoom_label, self.zoom_in_action])
        self.toolbar.add_group([self.fit_width_action, self.fit_page_action])
        self.toolbar.add_group([self.thumbnails_action])

        pages = QHBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addWidget(self.thumbnails)
        pages.addWidget(self.canvas, 1)
        self.thumbnails.setVisible(self.thumbnails_action.isChecked())

        self.reader = QWidget()
        column = QVBoxLayout(self.reader)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.toolbar)
        column.addWidget(self.search)
        column.addLayout(pages, 1)

        self.stack = QStackedWidget()
        self.stack.addWidget(self.reader)
        self.stack.addWidget(self.message)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)

    def _connect(self) -> None:
        self.navigator.currentPageChanged.connect(self._on_navigator_page)
        self.canvas.zoomFactorChanged.connect(lambda _f: self._update_zoom_label())
        self.canvas.zoomModeChanged.connect(lambda _m: self._update_zoom_label())
        self.canvas.resized.connect(self._on_canvas_resized)
        self.canvas.keep_place = self._keep_place
        self.canvas.zoom_requested.connect(
            lambda step, at: self._step_zoom(1 if step > 0 else -1, at)
        )
        self.canvas.pinched.connect(
            lambda factor, at: self.set_zoom(self.zoom_factor() * factor, at)
        )
        self.page_box.valueChanged.connect(self._on_page_box)
        self.thumbnails.selectionModel().currentChanged.connect(
            lambda index, _previous: self._on_thumbnail(index.row())
        )
        self.thumbnails.clicked.connect(lambda index: self._on_thumbnail(index.row(), True))
        self.message.unlock_requested.connect(self._unlock)
        self.message.open_requested.connect(self.open_with_system)
        self.canvas.menu_requested.connect(self._show_menu)

    # Opening ----------------------------------------------------------------------------

    def open_file(self, path: Path, page: int | None = None, *, name: str | None = None) -> bool:
        """Shows the PDF at `path`, at 1-based `page` if given; False (and a message in the
        pane) when it cannot be opened. `name` is what the system viewer's copy is called."""
        self.clear(update_controls=False)  # they follow the new document below
        self._path = path
        self._name = name or path.name
        self.message.reset()
        # Each PDF opens fitted to the width, whatever zoom the last one was read at.
        self.canvas.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        if not path.is_file():
            return self._fail(Error.FileNotFound)
        error = self.document.load(str(path))
        if error != Error.None_:
            return self._fail(error)
        self._opened(page)
        return True

    def show(self, path: Path | None = None, page: int | None = None) -> None:
        """`show(path, page)` opens the PDF at 1-based `page` and shows this widget;
        `show()` is QWidget.show. Inside a QStackedWidget use `open_file`, which leaves
        showing to the stack."""
        if path is not None:
            self.open_file(path, page)
        super().show()

    def _opened(self, page: int | None) -> None:
        self._problem = None
        self.stack.setCurrentWidget(self.reader)
        count = self.document.pageCount()
        self.page_box.setMaximum(max(1, count))
        shown = QLocale().toString(count)
        self.page_count_label.setText(self.tr("of {count}").format(count=shown))
        self.page_count_label.setAccessibleName(
            self.tr("1 page") if count == 1 else self.tr("{count} pages").format(count=shown)
        )
        target = max(0, min((page or 1) - 1, count - 1))
        self._pending_page = target
        if count:
            self._scroll_to(target)  # which updates the controls for the page
        else:
            self._update_controls()
        # A search kept from the previous file highlights here too, without moving.
        self.search.search_for(self.search.field.text(), auto_hit=False)

    def _fail(self, error: QPdfDocument.Error) -> bool:
        self._problem = self.message.show_error(error)
        self.stack.setCurrentWidget(self.message)
        self._update_controls()
        return False

    def _unlock(self, password: str) -> None:
        if self._path is None:
            return
        self.document.setPassword(password)
        error = self.document.load(str(self._path))
        if error == Error.None_:
            self._opened(None)
            self.canvas.setFocus()
            self.unlocked.emit()
            return
        self._fail(error)
        if error == Error.IncorrectPassword:
            self.message.wrong_password()

    def clear(self, *, update_controls: bool = True) -> None:
        """Closes the document (its memory is freed) and forgets the matches."""
        self._pending_page = None
        self.search.clear_results()
        self.document.close()
        self.document.setPassword("")
        self._path = None
        self._problem = None
        self.stack.setCurrentWidget(self.reader)
        self.page_count_label.clear()
        if update_controls:
            self._update_controls()

    def open_with_system(self) -> bool:
        if self._path is None:
            return False
        return open_with_system_viewer(self._path, self._name)

    # State ------------------------------------------------------------------------------

    def is_open(self) -> bool:
        return self.document.status() == QPdfDocument.Status.Ready

    def problem(self) -> str | None:
        """The heading of the message shown instead of the PDF, or None."""
        return self._problem

    def page_count(self) -> int:
        return self.document.pageCount() if self.is_open() else 0

    def current_page(self) -> int:
        """The 1-based page at the top of the view (0 when nothing is open)."""
        return self.navigator.currentPage() + 1 if self.is_open() else 0

    def zoom_factor(self) -> float:
        """The scale pages are drawn at (1.0: actual size), also in the fit modes."""
        mode = self.canvas.zoomMode()
        if mode == QPdfView.ZoomMode.Custom or not self.is_open():
            return float(self.canvas.zoomFactor())
        points = self.document.pagePointSize(max(0, self.navigator.currentPage()))
        if points.width() <= 0 or points.height() <= 0:
            return 1.0
        per_point = pixels_per_point()
        margins = self.canvas.documentMargins()
        viewport = self.canvas.viewport().size()
        width = (viewport.width() - margins.left() - margins.right()) / (points.width() * per_point)
        if mode == QPdfView.ZoomMode.FitToWidth:
            return max(0.05, width)
        height = (viewport.height() - self.canvas.pageSpacing()) / (points.height() * per_point)
        return max(0.05, min(width, height))

    # Search (see PdfSearch) -------------------------------------------------------------

    def search_for(self, text: str) -> None:
        """Finds `text` and shows the first match at or after the current page."""
        self.search.search_for(text)

    def hit_count(self) -> int:
        return self.search.hit_count()

    def current_hit(self) -> int:
        """0-based index of the highlighted match, -1 when none."""
        return self.search.current_hit()

    def hit_page(self, index: int) -> int:
        return self.search.hit_page(index)

    def next_hit(self) -> None:
        self.search.next_hit()

    def previous_hit(self) -> None:
        self.search.previous_hit()

    def focus_search(self) -> None:
        self.search.focus()

    def _show_menu(self, at: QPoint, on_screen: QPoint) -> None:
        if not self.context_actions or not self.is_open():
            return
        self.pins.menu_page = self.pins.page_at(QPointF(at))  # `at` is in the viewport
        menu = QMenu(self)
        menu.addActions(self.context_actions)
        menu.exec(on_screen)
        self.pins.menu_page = None

    def show_place(self, page: int, rect: QRectF | None) -> None:
        """Scrolls so that `rect` (PDF points) of 1-based `page` is in view, its top a third
        of the way down; the top of the page when `rect` is None."""
        if not self.is_open() or not 1 <= page <= self.page_count():
            return
        self._pending_page = None
        if rect is None:
            self._scroll_to(page - 1)
            return
        viewport = self.canvas.viewport().size()
        scale = self.zoom_factor() * pixels_per_point()
        left = max(0.0, (viewport.width() - rect.width() * scale) / 2)
        self._put((page - 1, rect.topLeft()), QPointF(left, viewport.height() / 3))

    def _scroll_to_hit(self, page: int, y_points: float) -> None:
        self._pending_page = None
        self._scroll_to(page, y_points)

    # Pages ------------------------------------------------------------------------------

    def go_to_page(self, page: int) -> None:
        """Scrolls to the top of 1-based `page` (clamped to the document)."""
        if not self.is_open():
            return
        self._pending_page = None
        self._scroll_to(max(0, min(page - 1, self.page_count() - 1)))

    def next_page(self) -> None:
        self.go_to_page(self.current_page() + 1)

    def previous_page(self) -> None:
        self.go_to_page(self.current_page() - 1)

    def focus_page_box(self) -> None:
        self.page_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.page_box.selectAll()

    def _scroll_to(self, page: int, y_points: float | None = None) -> None:
        """Puts the top of 0-based `page` (or a point `y_points` down it) in view.

        QPdfView scrolls only when its navigator's page changes, so a jump to the page
        already current goes by a neighbour first (with our page handler held off).
        """
        count = self.document.pageCount()
        if not 0 <= page < count:
            return
        zoom = self.navigator.currentZoom()
        self._moving = True
        try:
            if self.navigator.currentPage() == page:
                if page == 0 or count == 1:
                    self.canvas.verticalScrollBar().setValue(0)
                else:
                    self.navigator.jump(page - 1, QPointF(), zoom)
                    self.navigator.jump(page, QPointF(), zoom)
            else:
                self.navigator.jump(page, QPointF(), zoom)
            if y_points:
                bar = self.canvas.verticalScrollBar()
                scale = self.zoom_factor() * pixels_per_point()
                bar.setValue(bar.value() + int(y_points * scale - bar.pageStep() / 3))
        finally:
            self._moving = False
        self._sync_page(self.navigator.currentPage())

    def _on_canvas_resized(self) -> None:
        if self._pending_page is not None and self.canvas.isVisible() and self.is_open():
            self._scroll_to(self._pending_page)

    def _on_navigator_page(self, page: int) -> None:
        if self._moving:
            return
        if not self.canvas.in_resize:
            self._pending_page = None  # the reader scrolled: their place wins from now on
        self._sync_page(page)

    def _on_page_box(self, value: int) -> None:
        if not self._syncing:
            self.go_to_page(value)

    def _on_thumbnail(self, row: int, clicked: bool = False) -> None:
        if not self._syncing and (clicked or row + 1 != self.current_page()):
            self.go_to_page(row + 1)

    def _sync_page(self, page: int) -> None:
        """Page box, thumbnails and the description follow the page in view."""
        count = self.page_count()
        if count:
            self._syncing = True
            try:
                self.page_box.setValue(page + 1)
                index = self.thumbnail_model.index(page)
                self.thumbnails.setCurrentIndex(index)
                self.thumbnails.scrollTo(index)
            finally:
                self._syncing = False
            description = self.tr("Page {page} of {count}").format(
                page=QLocale().toString(page + 1), count=QLocale().toString(count)
            )
            self.canvas.setAccessibleDescription(description)
            self.page_changed.emit(page + 1)
        self._update_controls()

    # Zoom -------------------------------------------------------------------------------

    def set_zoom(self, factor: float, at: QPointF | None = None) -> None:
        """Draws pages at `factor` (1.0: actual size), keeping the page point at `at` in
        the viewport where it is (the top-left corner when not given)."""
        anchor = QPointF(0, 0) if at is None else at
        place = self.document_point(anchor)
        self._pending_page = None  # the reader's zoom: their place wins from now on
        self.canvas.setZoomMode(QPdfView.ZoomMode.Custom)
        self.canvas.setZoomFactor(max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1])))
        if place is not None:
            self._put(place, anchor)
        self._update_zoom_label()

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

    def actual_size(self) -> None:
        self.set_zoom(1.0)

    # Where the pages are ----------------------------------------------------------------

    def page_rects(self, viewport: QSize | None = None) -> list[QRect]:
        """Each page's rectangle in the scrolled content, laid out as QPdfView lays them
        out (MultiPage): pages of their zoomed size (rounded), one under the other, with
        the view's spacing and margins, each centred in the wider of content and view.
        `viewport`: the size laid out for, when not the viewport's own (in a resize)."""
        if not self.is_open():
            return []
        per_point = pixels_per_point()
        margins = self.canvas.documentMargins()
        viewport = viewport or self.canvas.viewport().size()
        mode = self.canvas.zoomMode()
        sizes: list[QSize] = []
        for page in range(self.document.pageCount()):
            points = self.document.pagePointSize(page)
            if mode == QPdfView.ZoomMode.Custom:
                size = QSizeF(points * per_point * self.canvas.zoomFactor()).toSize()
            else:
                size = QSizeF(points * per_point).toSize()
                if mode == QPdfView.ZoomMode.FitToWidth and size.width() > 0:
                    room = viewport.width() - margins.left() - margins.right()
                    size = size * (room / size.width())
                elif mode == QPdfView.ZoomMode.FitInView:
                    room_size = viewport - QSize(
                        margins.left() + margins.right(), self.canvas.pageSpacing()
                    )
                    size = size.scaled(room_size, Qt.AspectRatioMode.KeepAspectRatio)
            sizes.append(size)
        total = max((size.width() for size in sizes), default=0) + margins.left() + margins.right()
        rects: list[QRect] = []
        y = margins.top()
        for size in sizes:
            x = (max(total, viewport.width()) - size.width()) // 2
            rects.append(QRect(x, y, size.width(), size.height()))
            y += size.height() + self.canvas.pageSpacing()
        return rects

    def document_point(
        self, at: QPointF, viewport: QSize | None = None
    ) -> tuple[int, QPointF] | None:
        """(0-based page, point on it in PDF points) shown at `at` in the viewport; a
        point in the margin or between pages counts as off the edge of the page whose
        band it is in. None when no PDF is open."""
        rects = self.page_rects(viewport)
        if not rects:
            return None
        x = at.x() + self.canvas.horizontalScrollBar().value()
        y = at.y() + self.canvas.verticalScrollBar().value()
        spacing = self.canvas.pageSpacing()
        page = next(
            (n for n, rect in enumerate(rects) if y < rect.bottom() + 1 + spacing), len(rects) - 1
        )
        rect = rects[page]
        points = self.document.pagePointSize(page)
        if rect.width() <= 0 or rect.height() <= 0:
            return None
        return page, QPointF(
            (x - rect.x()) * points.width() / rect.width(),
            (y - rect.y()) * points.height() / rect.height(),
        )

    def _put(self, place: tuple[int, QPointF], at: QPointF) -> None:
        """Scrolls so that the page point `place` is at `at` in the viewport (as near as
        the scroll bars allow)."""
        rects = self.page_rects()
        page, point = place
        if not 0 <= page < len(rects):
            return
        rect = rects[page]
        points = self.document.pagePointSize(page)
        if points.width() <= 0 or points.height() <= 0:
            return
        x = rect.x() + point.x() * rect.width() / points.width()
        y = rect.y() + point.y() * rect.height() / points.height()
        self._moving = True  # the page in view changes by the reader's zoom: no jump
        try:
            self.canvas.horizontalScrollBar().setValue(round(x - at.x()))
            self.canvas.verticalScrollBar().setValue(round(y - at.y()))
        finally:
            self._moving = False
        self._sync_page(self.navigator.currentPage())

    def _keep_place(self) -> Callable[[], None]:
        """The top-left point in view now, and how to bring it back after a resize."""
        if self._pending_page is not None or self.canvas.verticalScrollBar().value() == 0:
            return lambda: None  # the top of a page asked for, or of the document: as it is
        laid_out = self.canvas.laid_out_for
        place = self.document_point(QPointF(0, 0), laid_out if laid_out.isValid() else None)
        if place is None:
            return lambda: None
        return lambda: self._put(place, QPointF(0, 0))

    def fit_width(self) -> None:
        self.canvas.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self._update_zoom_label()

    def fit_page(self) -> None:
        self.canvas.setZoomMode(QPdfView.ZoomMode.FitInView)
        self._update_zoom_label()

    def _update_zoom_label(self) -> None:
        percent = QLocale().toString(round(self.zoom_factor() * 100))
        mode = self.canvas.zoomMode()
        self.fit_width_action.setChecked(mode == QPdfView.ZoomMode.FitToWidth)
        self.fit_page_action.setChecked(mode == QPdfView.ZoomMode.FitInView)
        self.zoom_label.setText(self.tr("{percent}%").format(percent=percent))
        self.zoom_label.setToolTip(self.tr("Zoom: {percent}%").format(percent=percent))
        self.zoom_label.setAccessibleName(self.tr("Zoom {percent}%").format(percent=percent))

    # Controls ---------------------------------------------------------------------------

    def _toggle_thumbnails(self) -> None:
        shown = self.thumbnails_action.isChecked()
        self.thumbnails.setVisible(shown)
        self.remembered.set_flag(THUMBNAILS, shown)
        if shown and self.is_open():
            self._sync_page(self.navigator.currentPage())  # the list shows the page in view

    def _update_controls(self) -> None:
        ready = self.is_open()
        page = self.current_page()
        self.previous_page_action.setEnabled(ready and page > 1)
        self.next_page_action.setEnabled(ready and page < self.page_count())
        for action in (
            self.go_to_page_action,
            self.zoom_in_action,
            self.zoom_out_action,
            self.fit_width_action,
            self.fit_page_action,
            self.actual_size_action,
            self.thumbnails_action,
        ):
            action.setEnabled(ready)
        self.page_box.setEnabled(ready)
        self.search.set_ready(ready)
        self._update_zoom_label()

    def sizeHint(self) -> QSize:
        return QSize(700, 800)

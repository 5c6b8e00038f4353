"""PDF evidence: pages, zoom, search with highlighted hits, and page thumbnails.

Built on QtPdf (PDFium). A file PDFium cannot open is replaced by a message that says
what is wrong and what to do (`pdf_problem`); finding words is `pdf_search`; the side
list of pages is `pdf_thumbnails`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QPointF, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QIcon, QKeySequence, QResizeEvent, QWheelEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QStackedWidget,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from reviewer_app.ui.evidence.controls import make_action, name_parts, theme_icon, tool_button
from reviewer_app.ui.evidence.pdf_problem import PdfProblemPane
from reviewer_app.ui.evidence.pdf_search import PdfSearch
from reviewer_app.ui.evidence.pdf_thumbnails import ThumbnailList, ThumbnailModel
from reviewer_app.ui.evidence.system_open import open_with_system_viewer
from reviewer_app.ui.flow_layout import FlowLayout

ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 6.0)
Error = QPdfDocument.Error


def pixels_per_point() -> float:
    """QPdfView draws a point at the primary screen's logical resolution."""
    screen = QGuiApplication.primaryScreen()
    return (screen.logicalDotsPerInch() if screen else 96.0) / 72.0


class _PdfCanvas(QPdfView):
    """QPdfView that keeps the reading position when resized and zooms with Ctrl+wheel."""

    resized = Signal()
    zoom_requested = Signal(int)  # +1 in, -1 out

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.in_resize = False  # page changes meanwhile are not the reader's doing

    def resizeEvent(self, event: QResizeEvent) -> None:
        bar = self.verticalScrollBar()
        fraction = bar.value() / bar.maximum() if bar.maximum() > 0 else 0.0
        self.in_resize = True
        try:
            super().resizeEvent(event)
            if fraction and bar.maximum() > 0:
                bar.setValue(round(fraction * bar.maximum()))
        finally:
            self.in_resize = False
        self.resized.emit()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            delta = event.angleDelta().y()
            if delta:
                self.zoom_requested.emit(1 if delta > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)


class PdfView(QWidget):
    """Shows one PDF. `open_file(path, page)` opens it (at a 1-based page, for search
    hits); `problem()` is the heading of the message shown instead when it cannot."""

    page_changed = Signal(int)  # 1-based

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(self.tr("PDF viewer"))
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
        self.thumbnails_action.setChecked(True)

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

        bar = FlowLayout()  # on two rows when the viewer is narrow (200%, Spanish)
        bar.setContentsMargins(4, 2, 4, 2)
        bar.setSpacing(2)
        bar.addWidget(tool_button(self.previous_page_action))
        bar.addWidget(tool_button(self.next_page_action))
        bar.addWidget(self.page_box)
        bar.addWidget(self.page_count_label)
        bar.addSpacing(12)
        bar.addWidget(tool_button(self.zoom_out_action))
        bar.addWidget(self.zoom_label)
        bar.addWidget(tool_button(self.zoom_in_action))
        bar.addWidget(tool_button(self.fit_width_action))
        bar.addWidget(tool_button(self.fit_page_action))
        bar.addSpacing(12)
        bar.addWidget(tool_button(self.thumbnails_action))

        pages = QHBoxLayout()
        pages.setContentsMargins(0, 0, 0, 0)
        pages.setSpacing(0)
        pages.addWidget(self.thumbnails)
        pages.addWidget(self.canvas, 1)

        self.reader = QWidget()
        column = QVBoxLayout(self.reader)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addLayout(bar)
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
        self.canvas.zoom_requested.connect(
            lambda step: self.zoom_in() if step > 0 else self.zoom_out()
        )
        self.page_box.valueChanged.connect(self._on_page_box)
        self.thumbnails.selectionModel().currentChanged.connect(
            lambda index, _previous: self._on_thumbnail(index.row())
        )
        self.thumbnails.clicked.connect(lambda index: self._on_thumbnail(index.row(), True))
        self.message.unlock_requested.connect(self._unlock)
        self.message.open_requested.connect(self.open_with_system)

    # Opening ----------------------------------------------------------------------------

    def open_file(self, path: Path, page: int | None = None, *, name: str | None = None) -> bool:
        """Shows the PDF at `path`, at 1-based `page` if given; False (and a message in the
        pane) when it cannot be opened. `name` is what the system viewer's copy is called."""
        self.clear(update_controls=False)  # they follow the new document below
        self._path = path
        self._name = name or path.name
        self.message.reset()
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

    def set_zoom(self, factor: float) -> None:
        self.canvas.setZoomMode(QPdfView.ZoomMode.Custom)
        self.canvas.setZoomFactor(max(ZOOM_STEPS[0], min(factor, ZOOM_STEPS[-1])))
        self._update_zoom_label()

    def zoom_in(self) -> None:
        current = self.zoom_factor()
        self.set_zoom(next((z for z in ZOOM_STEPS if z > current * 1.01), ZOOM_STEPS[-1]))

    def zoom_out(self) -> None:
        current = self.zoom_factor()
        lower = [z for z in ZOOM_STEPS if z < current * 0.99]
        self.set_zoom(lower[-1] if lower else ZOOM_STEPS[0])

    def actual_size(self) -> None:
        self.set_zoom(1.0)

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
        self.thumbnails.setVisible(self.thumbnails_action.isChecked())

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

"""Page thumbnails for a PDF, rendered only for the rows a person can see.

The model answers a row it has not rendered yet with a blank page of the right shape and
queues it; a zero-delay timer renders one queued page per turn of the event loop (a few
milliseconds each), skipping pages scrolled out of sight meanwhile. So a 300-page PDF
costs the dozen pages on screen, and the window stays responsive while they fill in.
Rendering stays on the GUI thread: PDFium is not thread-safe and QPdfView uses it too.

The list draws each page's picture itself (`ThumbnailDelegate`), not through its QIcon:
an icon's drawings are kept in Qt's pixmap cache under the picture's own key, so every
PDF opened with the thumbnails shown left its pages there, never to be drawn again
(about 15 KB an open for two-page PDFs, up to the cache's limit).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractListModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPalette, QPixmap, QShowEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

THUMB_WIDTH = 110
CACHE_PAGES = 200  # about 12 MB of thumbnails at most
PAPER = Qt.GlobalColor.white  # the page itself, as QPdfView draws it
# The page's picture as it was rendered, for the delegate to draw (see the module's note).
PIXMAP_ROLE = Qt.ItemDataRole.UserRole + 1

AnyIndex = QModelIndex | QPersistentModelIndex


FIRST_THUMBNAIL_DELAY_MS = 120


class ThumbnailModel(QAbstractListModel):
    def __init__(self, document: QPdfDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        # Each page's icon (its size, for the view's layout) and its picture.
        self._cache: OrderedDict[int, tuple[QIcon, QPixmap]] = OrderedDict()
        self._queue: list[int] = []
        self._placeholder: dict[tuple[int, int], tuple[QIcon, QPixmap]] = {}
        # Per document, asked of PDFium once: the view asks for them on every paint.
        self._pages = 0
        self._labels: dict[int, str] = {}
        self._sizes: dict[int, QSize] = {}
        self.rendered = 0  # pages rendered so far, for tests and benchmarks
        self.device_pixel_ratio = 1.0
        self.is_visible: Callable[[int], bool] = lambda _row: True
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._render_next)
        document.statusChanged.connect(self._on_status)

    def _on_status(self, status: QPdfDocument.Status) -> None:
        # Loading passes through several states; the rows change only when a document
        # is ready or gone, so only those reset the view (each reset lays it out again).
        ready = status == QPdfDocument.Status.Ready
        if ready or self._pages:
            self.reset(self._document.pageCount() if ready else 0)

    def reset(self, pages: int = 0) -> None:
        """Forgets the rendered pages; `pages` is the new document's count (0: none)."""
        self.beginResetModel()
        self._cache.clear()
        self._queue.clear()
        self._labels.clear()
        self._sizes.clear()
        self._pages = max(0, pages)
        self._timer.stop()
        # A new document: the page itself paints first, the thumbnails a moment later
        # (each renders on the GUI thread, and the reviewer is reading the page).
        self._timer.setInterval(FIRST_THUMBNAIL_DELAY_MS)
        self.endResetModel()

    def rowCount(self, parent: AnyIndex | None = None) -> int:
        if parent is not None and parent.isValid():
            return 0
        return self._pages

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < self._pages:
            return None
        page = index.row()
        label = self._labels.get(page)
        if label is None:
            label = self._labels[page] = self._document.pageLabel(page) or QLocale().toString(
                page + 1
            )
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.tr("Page {label}").format(label=label)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._picture(page)[0]
        if role == PIXMAP_ROLE:
            return self._picture(page)[1]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignHCenter
        return None

    def thumb_size(self, page: int) -> QSize:
        size = self._sizes.get(page)
        if size is None:
            points = self._document.pagePointSize(page)
            if points.width() <= 0 or points.height() <= 0:
                size = QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.294))
            else:
                height = round(THUMB_WIDTH * points.height() / points.width())
                size = QSize(THUMB_WIDTH, max(16, min(height, THUMB_WIDTH * 3)))
            self._sizes[page] = size
        return size

    def _picture(self, page: int) -> tuple[QIcon, QPixmap]:
        found = self._cache.get(page)
        if found is not None:
            self._cache.move_to_end(page)
            return found
        if page not in self._queue:
            self._queue.append(page)
            self._timer.start()
        return self._blank(self.thumb_size(page))

    def _blank(self, size: QSize) -> tuple[QIcon, QPixmap]:
        key = (size.width(), size.height())
        if key not in self._placeholder:
            pixmap = QPixmap(size)
            pixmap.fill(QPalette().color(QPalette.ColorRole.Base))
            painter = QPainter(pixmap)
            painter.setPen(QPalette().color(QPalette.ColorRole.Mid))
            painter.drawRect(0, 0, size.width() - 1, size.height() - 1)
            painter.end()
            self._placeholder[key] = (QIcon(pixmap), pixmap)
        return self._placeholder[key]

    def _render_next(self) -> None:
        self._timer.setInterval(0)
        while self._queue:
            page = self._queue.pop(0)
            if page in self._cache or page >= self.rowCount() or not self.is_visible(page):
                continue
            size = self.thumb_size(page)
            ratio = self.device_pixel_ratio
            rendered = self._document.render(page, size * ratio)
            if rendered.isNull():
                continue
            image = self._on_paper(rendered)
            image.setDevicePixelRatio(ratio)
            self._framed(image)
            pixmap = QPixmap.fromImage(image)
            icon = QIcon(pixmap)
            icon.addPixmap(pixmap, QIcon.Mode.Selected)  # the page as it is, not tinted
            self._cache[page] = (icon, pixmap)
            while len(self._cache) > CACHE_PAGES:
                self._cache.popitem(last=False)
            self.rendered += 1
            index = self.index(page)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole])
            break
        if self._queue:
            self._timer.start()

    @staticmethod
    def _on_paper(rendered: QImage) -> QImage:
        """PDFium leaves the page transparent; QPdfView lays pages on white paper, and so
        do we (paper, not a colour of the window: it stays white in dark mode too)."""
        image = QImage(rendered.size(), QImage.Format.Format_RGB32)
        image.fill(PAPER)
        painter = QPainter(image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        return image

    @staticmethod
    def _framed(image: QImage) -> None:
        """A hairline border in the palette's own colour, so white pages stand out."""
        painter = QPainter(image)
        colour = QColor(QPalette().color(QPalette.ColorRole.Mid))
        painter.setPen(colour)
        ratio = image.devicePixelRatio()
        painter.drawRect(0, 0, int(image.width() / ratio) - 1, int(image.height() / ratio) - 1)
        painter.end()


class ThumbnailList(QListView):
    """A single column of page thumbnails with page labels under them."""

    def __init__(self, model: ThumbnailModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.TopToBottom)
        self.setWrapping(False)
        self.setMovement(QListView.Movement.Static)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(True)  # the view asks only the first row for its size
        self.setIconSize(QSize(THUMB_WIDTH, int(THUMB_WIDTH * 1.3)))
        self.setSpacing(6)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedWidth(THUMB_WIDTH + 48)
        self.setAccessibleName(self.tr("Page thumbnails"))
        self.setToolTip(self.tr("Page thumbnails: choose a page to go to it"))
        self.setItemDelegate(ThumbnailDelegate(self))
        self.setModel(model)
        model.is_visible = self._row_visible

    def _row_visible(self, row: int) -> bool:
        if not self.isVisible():
            return False
        model = self.model()
        rect = self.visualRect(model.index(row, 0))
        return rect.isValid() and rect.intersects(self.viewport().rect())

    def showEvent(self, event: QShowEvent) -> None:
        model = self.model()
        if isinstance(model, ThumbnailModel):
            model.device_pixel_ratio = self.devicePixelRatioF()
        super().showEvent(event)


class ThumbnailDelegate(QStyledItemDelegate):
    """Draws a page's picture where the style would draw its icon, as QIcon would (its
    size at most the room for it, aligned the same way), without the icon's cache."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.icon = QIcon()  # the selection, the frame and the label, as the style draws them
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        pixmap = index.data(PIXMAP_ROLE)
        if not isinstance(pixmap, QPixmap) or pixmap.isNull():
            return
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemDecoration, opt, widget)
        size = pixmap.deviceIndependentSize().toSize()
        if size.width() > room.width() or size.height() > room.height():
            size = size.scaled(room.size(), Qt.AspectRatioMode.KeepAspectRatio)
            ratio = pixmap.devicePixelRatio()
            pixmap = pixmap.scaled(
                size * ratio,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            pixmap.setDevicePixelRatio(ratio)
        if not opt.state & QStyle.StateFlag.State_Enabled:
            pixmap = style.generatedIconPixmap(QIcon.Mode.Disabled, pixmap, opt)
        target = QStyle.alignedRect(painter.layoutDirection(), opt.decorationAlignment, size, room)
        painter.drawPixmap(target, pixmap)
